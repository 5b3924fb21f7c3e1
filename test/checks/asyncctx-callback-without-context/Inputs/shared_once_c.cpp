#include "shared_once_worker.h"
#include "shared_once_template.h"

void from_c() {
  start_shared_job('c');
  start_shared_job(3L);
  start_shared_worker();
}

#include "shared_once_worker.h"
#include "shared_once_template.h"

void from_a() {
  start_shared_worker();
  start_shared_job(1);
}

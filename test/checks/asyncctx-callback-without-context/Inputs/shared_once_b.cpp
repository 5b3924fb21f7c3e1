// A different preamble before the shared headers.
#include <vector>
#include "shared_once_template.h"
#include "shared_once_worker.h"

void from_b() {
  start_shared_job(2.0);
  start_shared_worker();
}

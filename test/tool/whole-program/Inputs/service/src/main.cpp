#include "handlers.h"
#include "pool.h"
#include "request.h"

int main() {
  WorkerPool Pool;
  request_id.run(std::string("req-1"), [&] { handle_request(Pool, "order-7"); });
  // The pool runs what is queued before its workers stop.
}

#include "handlers.h"
#include "request.h"
// +bridge #include <asyncctx/asyncctx.hpp>

// The adoption line (docs/user-guide.md, "Adopting asyncctx in a legacy code
// base"): registered once, the request id is carried by every wrapped
// callback, in every file.
// +bridge static const auto request_bridge =
// +bridge     asyncctx::bridge([]() -> std::string & { return g_request_id; });

int main() {
  asio::thread_pool Pool(2);
  {
    RequestScope Scope("req-1");
    handle_request(Pool, "order-7");
  }
  Pool.join();
}

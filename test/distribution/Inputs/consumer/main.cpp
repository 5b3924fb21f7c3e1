// One wrapped hop (keeps the request id) and one bare hop (loses it, and the
// plugin reports it).
#include <asyncctx/asyncctx.hpp>
#include <cstdio>
#include <string>
#include <thread>

asyncctx::Local<std::string> request_id;

static void log_line(const char *Where) {
  const std::string *Id = request_id.get();
  std::printf("%s: request=%s\n", Where, Id ? Id->c_str() : "none");
}

int main() {
  request_id.run("req-7", [] {
    std::thread Wrapped(asyncctx::wrap([] { log_line("wrapped"); }));
    Wrapped.join();
    std::thread Bare([] { log_line("bare"); });
    Bare.join();
  });
}

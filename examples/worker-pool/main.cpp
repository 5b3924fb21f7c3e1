// A tiny request-handling service: each request is served by hopping onto a
// worker pool, an audit thread and an async checksum task. Every hop logs
// with the request id it sees.
#include "request_log.hpp"

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace {

asio::thread_pool Workers(4);

void audit() { log_line("audit record written"); }

int checksum(const std::string &Body) {
  int Sum = 0;
  for (char C : Body)
    Sum += C;
  log_line("checksum computed");
  return Sum;
}

void handle_request(const std::string &Body, std::vector<std::thread> &Audits) {
  log_line("request received");
  asio::post(Workers, [Body] { log_line("worker parsed " + Body); });
  Audits.emplace_back(std::thread(audit));
  std::future<int> Sum = std::async(std::launch::async, checksum, Body);
  log_line("checksum is " + std::to_string(Sum.get()));
}

} // namespace

int main() {
  std::vector<std::thread> Audits;
  for (const char *Id : {"req-1", "req-2", "req-3"})
    request_id.run(
        Id, [&] { handle_request(std::string("body-of-") + Id, Audits); });
  for (std::thread &Audit : Audits)
    Audit.join();
  Workers.join();
}

#include "handlers.h"
#include "log.h"
#include <asio/post.hpp>
#include <future>
#include <thread>

void handle_request(asio::thread_pool &Pool, const std::string &Body) {
  log_line("received " + Body);
  std::thread Parser([Body] { log_line("parsed " + Body); });
  auto Stored =
      std::async(std::launch::async, [Body] { log_line("stored " + Body); });
  asio::post(Pool, [Body] { log_line("indexed " + Body); });
  Parser.join();
  Stored.get();
}

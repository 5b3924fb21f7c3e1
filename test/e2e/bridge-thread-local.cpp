// A legacy `thread_local std::string g_request_id`, set by the caller and read
// by wrapped callbacks on std::thread, std::async and an asio::thread_pool.
// With the bridge line (built with -DWITH_BRIDGE) every callback sees the
// caller's id; without it none does.
//
// RUN: %clangxx -pthread -DWITH_BRIDGE %s -o %t.bridged
// RUN: %t.bridged | FileCheck %s --check-prefix=BRIDGED
// RUN: %clangxx -pthread %s -o %t.plain
// RUN: %t.plain | FileCheck %s --check-prefix=PLAIN

#include <asyncctx/asyncctx.hpp>

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>

#include <cstdio>
#include <future>
#include <string>
#include <thread>

thread_local std::string g_request_id;

#ifdef WITH_BRIDGE
// once, at namespace scope in any one .cpp: capture/wrap/task now carry
// g_request_id
static const auto request_bridge =
    asyncctx::bridge([]() -> std::string & { return g_request_id; });
#endif

void report(const char *Where) {
  std::printf("%s sees request '%s'\n", Where, g_request_id.c_str());
}

int main() {
  g_request_id = "req-42";

  std::thread Thread(asyncctx::wrap([] { report("std::thread"); }));
  Thread.join();

  std::async(std::launch::async, asyncctx::wrap([] { report("std::async"); }))
      .get();

  asio::thread_pool Pool(2);
  asio::post(Pool, asyncctx::wrap([] { report("asio::thread_pool"); }));
  Pool.join();

  report("caller");
}

// BRIDGED: std::thread sees request 'req-42'
// BRIDGED-NEXT: std::async sees request 'req-42'
// BRIDGED-NEXT: asio::thread_pool sees request 'req-42'
// BRIDGED-NEXT: caller sees request 'req-42'

// PLAIN: std::thread sees request ''
// PLAIN-NEXT: std::async sees request ''
// PLAIN-NEXT: asio::thread_pool sees request ''
// PLAIN-NEXT: caller sees request 'req-42'

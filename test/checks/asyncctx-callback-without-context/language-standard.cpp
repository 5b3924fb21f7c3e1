// A fix needs the standard its adapter needs (docs/decisions.md, "Runtime
// language standard"): `asyncctx::wrap` C++14, so a C++14 translation unit
// gets the wrap and still compiles; `asyncctx::with_context` for a coroutine
// spawn C++20, so below it the finding says so and gets no fix.
//
// RUN: %check_clang_tidy -check-suffixes=14 %s asyncctx-callback-without-context %t -- \
// RUN:   -std=c++14 -I%runtime_include
// RUN: %compiler -std=c++14 -I%runtime_include -fsyntax-only %t.cpp
// RUN: %check_clang_tidy -check-suffixes=17 %s asyncctx-callback-without-context %t -- \
// RUN:   -std=c++17 -I%runtime_include
// RUN: %compiler -std=c++17 -I%runtime_include -fsyntax-only %t.cpp

#include <asyncctx/asyncctx.hpp>
#include <thread>

asyncctx::Local<int> request_id;

void log_line() { (void)request_id.get(); }

void start() {
  std::thread Worker([] { log_line(); });
  // CHECK-MESSAGES-14: :[[@LINE-1]]:22: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-14: :[[@LINE-2]]:27: note: through this call to 'log_line'
  // CHECK-MESSAGES-14: :18:25: note: context is read here
  // CHECK-FIXES-14: std::thread Worker(asyncctx::wrap([] { log_line(); }));
  // CHECK-MESSAGES-17: :[[@LINE-5]]:22: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-17: :[[@LINE-6]]:27: note: through this call to 'log_line'
  // CHECK-MESSAGES-17: :18:25: note: context is read here
  // CHECK-FIXES-17: std::thread Worker(asyncctx::wrap([] { log_line(); }));
  Worker.join();
}

// A spawn with Asio's shape, in a C++17 translation unit.
namespace asio {
struct executor {};
template <typename Executor, typename Function, typename Token>
void co_spawn(const Executor &, Function &&, Token &&) {}
} // namespace asio

struct Done {
  void operator()() const {}
};

void spawn(asio::executor Ex) {
  asio::co_spawn(Ex, [] { log_line(); }, Done());
  // CHECK-MESSAGES-14: :[[@LINE-1]]:22: warning: lambda passed to 'asio::co_spawn' runs without the caller's async context; it reads 'request_id'; no fix: 'asyncctx::with_context' needs C++20 and this translation unit is C++14 [asyncctx-callback-without-context]
  // CHECK-MESSAGES-14: :[[@LINE-2]]:27: note: through this call to 'log_line'
  // CHECK-MESSAGES-14: :18:25: note: context is read here
  // CHECK-FIXES-14: asio::co_spawn(Ex, [] { log_line(); }, Done());
  // CHECK-MESSAGES-17: :[[@LINE-5]]:22: warning: lambda passed to 'asio::co_spawn' runs without the caller's async context; it reads 'request_id'; no fix: 'asyncctx::with_context' needs C++20 and this translation unit is C++17 [asyncctx-callback-without-context]
  // CHECK-MESSAGES-17: :[[@LINE-6]]:27: note: through this call to 'log_line'
  // CHECK-MESSAGES-17: :18:25: note: context is read here
  // CHECK-FIXES-17: asio::co_spawn(Ex, [] { log_line(); }, Done());
}

// Boundaries inside templates are found in the instantiations (where the call
// is resolved) and reported once per source location, however many
// instantiations reach it.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <asio/post.hpp>
#include <asio/thread_pool.hpp>
#include <thread>

asyncctx::Local<int> request_id;

template <class T> void log_value(const T &Value) {
  (void)Value;
  (void)request_id.get();
}

template <class Executor, class T> void submit(Executor Ex, T Value) {
  asio::post(Ex, [Value] { log_value(Value); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: through this call to 'log_value'
  // CHECK-MESSAGES: :16:9: note: context is read here
  // CHECK-FIXES: asio::post(Ex, asyncctx::wrap([Value] { log_value(Value); }));
}

template <class T> struct Worker {
  void start() {
    std::thread([this] { (void)request_id.get(); (void)Data; }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
    // CHECK-MESSAGES: :[[@LINE-2]]:32: note: context is read here
    // CHECK-FIXES: std::thread(asyncctx::wrap([this] { (void)request_id.get(); (void)Data; })).detach();
  }
  T Data{};
};

template <class T> void generic_lambda() {
  std::thread T1([](auto X) { (void)X; (void)request_id.get(); }, T{});
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-2]]:46: note: context is read here
  // CHECK-FIXES: std::thread T1(asyncctx::wrap([](auto X) { (void)X; (void)request_id.get(); }), T{});
  T1.join();
}

template <class T> void never_instantiated(T Value) {
  // Not analysed: without an instantiation the call is not resolved.
  std::thread([Value] { (void)request_id.get(); }).detach();
}

int main() {
  asio::thread_pool Pool(1);
  submit(Pool.get_executor(), 1);
  submit(Pool.get_executor(), 2.0);
  submit(Pool.get_executor(), 'c');
  Worker<int>().start();
  Worker<long>().start();
  generic_lambda<int>();
  generic_lambda<double>();
  Pool.join();
}

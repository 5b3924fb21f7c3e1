// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <thread>

asyncctx::Local<int> request_id;

void log_line(const char *Message) {
  const int *Id = request_id.get();
  (void)Message;
  (void)Id;
}

void worker() { log_line("worker"); }
void quiet_worker() {}

void lambda_reads_directly() {
  std::thread T([] { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { (void)request_id.get(); }));
  T.join();
}

void lambda_reads_through_call() {
  std::thread T([] { log_line("hi"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { log_line("hi"); }));
  T.join();
}

void named_function() {
  std::thread T(worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: function 'worker' passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :14:17: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap(worker));
  T.join();
}

void function_pointer_to_named_function() {
  std::thread T(&worker);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: function 'worker' passed to 'std::thread'
  // CHECK-MESSAGES: :14:17: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap(&worker));
  T.join();
}

void with_arguments() {
  std::thread T([](int N) { log_line(N ? "a" : "b"); }, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread'
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([](int N) { log_line(N ? "a" : "b"); }), 3);
  T.join();
}

void jthread() {
  std::jthread T([] { log_line("j"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lambda passed to 'std::jthread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: std::jthread T(asyncctx::wrap([] { log_line("j"); }));
}

void named_lambda_variable() {
  auto Job = [] { log_line("job"); };
  std::thread T(Job);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda 'Job' passed to 'std::thread'
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap(Job));
  T.join();
}

void moved_lambda_variable() {
  auto Job = [] { log_line("job"); };
  std::thread T(std::move(Job));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda 'Job' passed to 'std::thread'
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap(std::move(Job)));
  T.join();
}

void temporary_thread_detached() {
  std::thread([] { log_line("t"); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: lambda passed to 'std::thread'
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: std::thread(asyncctx::wrap([] { log_line("t"); })).detach();
}

void heap_thread() {
  auto *T = new std::thread([] { log_line("heap"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread'
  // CHECK-MESSAGES: :[[@LINE-2]]:34: note: through this call to 'log_line'
  // CHECK-MESSAGES: :9:19: note: context is read here
  // CHECK-FIXES: auto *T = new std::thread(asyncctx::wrap([] { log_line("heap"); }));
  T->join();
  delete T;
}

// Negative cases.

void reads_nothing() {
  std::thread T([] { int X = 1; (void)X; });
  std::thread U(quiet_worker);
  T.join();
  U.join();
}

void already_wrapped() {
  std::thread T(asyncctx::wrap([] { log_line("w"); }));
  std::thread U(asyncctx::wrap(worker));
  T.join();
  U.join();
}

void read_in_capture_initializer_happens_at_the_call_site() {
  std::thread T([Id = request_id.get()] { (void)Id; });
  T.join();
}

void moving_a_thread_is_not_a_boundary(std::thread &Other) {
  std::thread T(std::move(Other));
  T.join();
}

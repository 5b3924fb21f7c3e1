// Member function pointers with an object, std::bind results and opaque
// std::function objects.
//
// RUN: %check_clang_tidy -check-suffixes=ALL %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include
// RUN: %check_clang_tidy -check-suffixes=ALL,STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <functional>
#include <future>
#include <thread>

asyncctx::Local<int> request_id;

int reads(int N) { return N + *request_id.get(); }
int quiet(int N) { return N; }

class Worker {
public:
  void run() { (void)request_id.get(); }
  void quiet() {}
  void start() {
    std::thread T(&Worker::run, this);
    // CHECK-MESSAGES-ALL: :[[@LINE-1]]:19: warning: member function 'Worker::run' passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
    // CHECK-MESSAGES-ALL: :20:22: note: context is read here
    // CHECK-FIXES-ALL: std::thread T(asyncctx::wrap(&Worker::run), this);
    T.join();
  }
};

void member_function_pointer_with_an_object() {
  Worker W;
  std::thread T(&Worker::run, &W);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:17: warning: member function 'Worker::run' passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :20:22: note: context is read here
  // CHECK-FIXES-ALL: std::thread T(asyncctx::wrap(&Worker::run), &W);
  T.join();
  auto F = std::async(std::launch::async, &Worker::run, &W);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:43: warning: member function 'Worker::run' passed to 'std::async' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :20:22: note: context is read here
  // CHECK-FIXES-ALL: auto F = std::async(std::launch::async, asyncctx::wrap(&Worker::run), &W);
  F.get();
  std::thread Q(&Worker::quiet, &W);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:17: warning: member function 'Worker::quiet' passed to 'std::thread' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: std::thread Q(asyncctx::wrap(&Worker::quiet), &W);
  Q.join();
}

void bind_results() {
  Worker W;
  std::thread T(std::bind(&reads, 1));
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:17: warning: function 'reads' passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :15:32: note: context is read here
  // CHECK-FIXES-ALL: std::thread T(asyncctx::wrap(std::bind(&reads, 1)));
  T.join();
  std::thread U(std::bind(&Worker::run, &W));
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:17: warning: member function 'Worker::run' passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :20:22: note: context is read here
  // CHECK-FIXES-ALL: std::thread U(asyncctx::wrap(std::bind(&Worker::run, &W)));
  U.join();
  std::thread V(std::bind([](int N) { (void)N; (void)request_id.get(); }, 2));
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:54: note: context is read here
  // CHECK-FIXES-ALL: std::thread V(asyncctx::wrap(std::bind([](int N) { (void)N; (void)request_id.get(); }, 2)));
  V.join();
  auto F = std::async(std::bind_front(&reads, 3));
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:23: warning: function 'reads' passed to 'std::async' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :15:32: note: context is read here
  // CHECK-FIXES-ALL: auto F = std::async(asyncctx::wrap(std::bind_front(&reads, 3)));
  F.get();
  std::thread Q(std::bind(&quiet, 4));
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:17: warning: function 'quiet' passed to 'std::thread' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: std::thread Q(asyncctx::wrap(std::bind(&quiet, 4)));
  Q.join();
}

void opaque_std_function_is_reported_only_in_strict_mode() {
  // The target of a std::function object is not visible where it is passed,
  // even when it was initialized with a reading lambda (clarification 7.2).
  std::function<void()> Job = [] { (void)request_id.get(); };
  std::thread T(Job);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:17: warning: callable object 'Job' passed to 'std::thread' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: std::thread T(asyncctx::wrap(Job));
  T.join();
}

// Negative cases, in both modes.

void wrapped_or_quiet() {
  Worker W;
  std::thread T(asyncctx::wrap(&Worker::run), &W);
  std::thread U(asyncctx::wrap(std::bind(&reads, 1)));
  T.join();
  U.join();
}

// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <algorithm>
#include <thread>
#include <vector>

asyncctx::Local<int> request_id;

// A chain of three calls: the warning names the first hop and the read.
int hop3() { return *request_id.get(); }
int hop2() { return hop3() + 1; }
int hop1() { return hop2() + 1; }

class Logger {
public:
  void log() { (void)request_id.get(); }
  void quiet() {}
};

class SpanFromInitializer {
public:
  SpanFromInitializer() : Id(request_id.get()) {}
  const int *Id;
};

class SpanFromBody {
public:
  SpanFromBody() { Id = request_id.get(); }
  const int *Id;
};

// Direct recursion, mutual recursion, and a mutually recursive pair that
// reads nothing.
int recurse(int N) { return N ? recurse(N - 1) : *request_id.get(); }
int odd(int N);
int even(int N) { return N ? odd(N - 1) : 0; }
int odd(int N) { return N ? even(N - 1) : *request_id.get(); }
int quiet_odd(int N);
int quiet_even(int N) { return N ? quiet_odd(N - 1) : 0; }
int quiet_odd(int N) { return N ? quiet_even(N - 1) : 1; }

void chain_of_three_calls() {
  std::thread T([] { (void)hop1(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: through this call to 'hop1'
  // CHECK-MESSAGES: :11:22: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { (void)hop1(); }));
  T.join();
}

void through_a_method() {
  std::thread T([] { Logger L; L.log(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:32: note: through this call to 'log'
  // CHECK-MESSAGES: :17:22: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { Logger L; L.log(); }));
  T.join();
  Logger Shared;
  std::thread U([&Shared] { Shared.log(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: through this call to 'log'
  // CHECK-MESSAGES: :17:22: note: context is read here
  // CHECK-FIXES: std::thread U(asyncctx::wrap([&Shared] { Shared.log(); }));
  U.join();
  std::thread V([&Shared] { Shared.quiet(); });
  V.join();
}

void through_a_constructor() {
  std::thread T([] { SpanFromInitializer S; (void)S; });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:42: note: through this call to 'SpanFromInitializer'
  // CHECK-MESSAGES: :23:30: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { SpanFromInitializer S; (void)S; }));
  T.join();
  std::thread U([] { (void)SpanFromBody{}; });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: through this call to 'SpanFromBody'
  // CHECK-MESSAGES: :29:25: note: context is read here
  // CHECK-FIXES: std::thread U(asyncctx::wrap([] { (void)SpanFromBody{}; }));
  U.join();
}

void through_a_lambda_invoked_synchronously(std::vector<int> &Values) {
  std::thread T([&Values] {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
    // CHECK-FIXES: std::thread T(asyncctx::wrap([&Values] {
    std::for_each(Values.begin(), Values.end(), [](int &X) { X = *request_id.get(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:67: note: context is read here
  });
  // CHECK-FIXES: }));
  T.join();
  std::thread U([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
    // CHECK-FIXES: std::thread U(asyncctx::wrap([] {
    // A lambda stored in a variable runs where the variable is called.
    auto Local = [] { return hop3(); };
    (void)Local();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: note: through the lambda that runs here
    // CHECK-MESSAGES: :11:22: note: context is read here
  });
  // CHECK-FIXES: }));
  U.join();
  std::thread W([] { [] { (void)request_id.get(); }(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:52: note: through the lambda that runs here
  // CHECK-MESSAGES: :[[@LINE-3]]:33: note: context is read here
  // CHECK-FIXES: std::thread W(asyncctx::wrap([] { [] { (void)request_id.get(); }(); }));
  W.join();
}

void through_recursion() {
  std::thread T([] { (void)recurse(3); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: through this call to 'recurse'
  // CHECK-MESSAGES: :35:51: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { (void)recurse(3); }));
  T.join();
  std::thread U([] { (void)even(3); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: through this call to 'even'
  // CHECK-MESSAGES: :38:44: note: context is read here
  // CHECK-FIXES: std::thread U(asyncctx::wrap([] { (void)even(3); }));
  U.join();
  std::thread V(odd, 3);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: function 'odd' passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :38:44: note: context is read here
  // CHECK-FIXES: std::thread V(asyncctx::wrap(odd), 3);
  V.join();
  std::thread Quiet([] { (void)quiet_even(3); });
  std::thread QuietToo(quiet_odd, 3);
  Quiet.join();
  QuietToo.join();
}

void a_lambda_handed_to_a_nested_thread_is_reported_there() {
  // The outer lambda does not read: the inner one runs on another thread.
  std::thread T([] {
    std::thread Inner([] { (void)request_id.get(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
    // CHECK-MESSAGES: :[[@LINE-2]]:34: note: context is read here
    // CHECK-FIXES: std::thread Inner(asyncctx::wrap([] { (void)request_id.get(); }));
    Inner.join();
  });
  T.join();
  // The same through a lambda variable: still only the inner one.
  std::thread U([] {
    auto Job = [] { (void)request_id.get(); };
    // CHECK-MESSAGES: :[[@LINE+1]]:23: warning: lambda 'Job' passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
    std::thread Inner(Job);
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: context is read here
    // CHECK-FIXES: std::thread Inner(asyncctx::wrap(Job));
    Inner.join();
  });
  U.join();
}

void calling_wrap_captures_the_context_of_the_caller() {
  // asyncctx::wrap captures the current context: called on a thread that has
  // none, it captures nothing, so the lambda calling it is a reader.
  std::thread T([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'asyncctx::wrap' [asyncctx-callback-without-context]
    // CHECK-FIXES: std::thread T(asyncctx::wrap([] {
    auto Wrapped = asyncctx::wrap([] {});
    // CHECK-MESSAGES: :[[@LINE-1]]:30: note: context is read here
    Wrapped();
  });
  T.join();
  std::thread U([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'asyncctx::wrap' [asyncctx-callback-without-context]
    // CHECK-FIXES: std::thread U(asyncctx::wrap([] {
    std::thread Inner(asyncctx::wrap([] { (void)request_id.get(); }));
    // CHECK-MESSAGES: :[[@LINE-1]]:33: note: context is read here
    Inner.join();
  });
  U.join();
}

void capture_initializer_of_a_nested_callable_is_read_by_the_outer() {
  // Clarification 1: the capture initializer runs where the inner lambda is
  // created, which is inside the outer lambda.
  std::thread T([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
    // CHECK-FIXES: std::thread T(asyncctx::wrap([] {
    std::thread Inner([Id = request_id.get()] { (void)Id; });
    // CHECK-MESSAGES: :[[@LINE-1]]:29: note: context is read here
    Inner.join();
  });
  T.join();
}

void nested_lambda_that_never_runs_reads_nothing() {
  std::thread T([] {
    auto Unused = [] { (void)request_id.get(); };
    (void)sizeof(Unused);
  });
  T.join();
}

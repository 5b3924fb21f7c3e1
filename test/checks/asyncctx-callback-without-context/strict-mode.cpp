// RUN: %check_clang_tidy -check-suffix=DEFAULT %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include
// RUN: %check_clang_tidy -check-suffix=STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <functional>
#include <thread>

asyncctx::Local<int> request_id;

void quiet() {}
void (*quiet_pointer)() = quiet;

void reads_nothing() {
  std::thread T([] {});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: std::thread T(asyncctx::wrap([] {}));
  // CHECK-FIXES-DEFAULT: std::thread T([] {});
  T.join();
}

void named_function_without_reads() {
  std::thread T(quiet);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:17: warning: function 'quiet' passed to 'std::thread' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: std::thread T(asyncctx::wrap(quiet));
  T.join();
}

void opaque_function_pointer() {
  std::thread T(quiet_pointer);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:17: warning: function pointer 'quiet_pointer' passed to 'std::thread' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: std::thread T(asyncctx::wrap(quiet_pointer));
  T.join();
}

void opaque_std_function() {
  std::function<void()> Job = quiet;
  std::thread T(Job);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:17: warning: callable object 'Job' passed to 'std::thread' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: std::thread T(asyncctx::wrap(Job));
  T.join();
}

void reading_lambda_is_reported_in_both_modes() {
  std::thread T([] { (void)request_id.get(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:28: note: context is read here
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES-STRICT: :[[@LINE-4]]:28: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T(asyncctx::wrap([] { (void)request_id.get(); }));
  // CHECK-FIXES-STRICT: std::thread T(asyncctx::wrap([] { (void)request_id.get(); }));
  T.join();
}

void wrapped_is_never_reported() {
  std::thread T(asyncctx::wrap([] {}));
  T.join();
}

void a_lambda_through_a_std_function_parameter_is_still_a_lambda() {
  std::thread T(std::function<void()>([] { (void)request_id.get(); }));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:50: note: context is read here
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES-STRICT: :[[@LINE-4]]:50: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T(asyncctx::wrap(std::function<void()>([] { (void)request_id.get(); })));
  // CHECK-FIXES-STRICT: std::thread T(asyncctx::wrap(std::function<void()>([] { (void)request_id.get(); })));
  T.join();
}

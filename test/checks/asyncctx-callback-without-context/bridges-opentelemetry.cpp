// A read of OpenTelemetry's context gets a fix that also includes
// <asyncctx/opentelemetry.hpp>: the header registers the bridge that carries
// the context, so the fixed program needs no further edit. Also when the read
// follows one of a Local. Against the vendored OpenTelemetry C++ API; the
// fixed file compiles.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include \
// RUN:   -isystem %S/../../../third_party/opentelemetry-cpp/api/include
// RUN: %clangxx -fsyntax-only %t.cpp \
// RUN:   -isystem %S/../../../third_party/opentelemetry-cpp/api/include

// CHECK-FIXES: #include <asyncctx/asyncctx.hpp>
// CHECK-FIXES-NEXT: #include <opentelemetry/context/runtime_context.h>
// CHECK-FIXES-NEXT: #include <asyncctx/opentelemetry.hpp>
// CHECK-FIXES-NEXT: #include <thread>
// CHECK-FIXES-NOT: #include <asyncctx/opentelemetry.hpp>
#include <asyncctx/asyncctx.hpp>
#include <opentelemetry/context/runtime_context.h>
#include <thread>

asyncctx::Local<int> request_number;

bool has_span() {
  return opentelemetry::context::RuntimeContext::GetCurrent().HasKey(
      "active_span");
}

void runtime_context() {
  std::thread T([] { (void)has_span(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'GetCurrent' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: through this call to 'has_span'
  // CHECK-MESSAGES: :24:50: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { (void)has_span(); }));
  T.join();
}

void after_a_carried_read() {
  // The first read is asyncctx's own context; the bridge header is still
  // needed, and included once for the whole file.
  std::thread T([] {
    (void)request_number.get();
    (void)opentelemetry::context::RuntimeContext::GetCurrent();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_number' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] {
  T.join();
}

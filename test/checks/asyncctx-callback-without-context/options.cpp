// ContextSources (function, thread_local variable, class), the source
// annotation, Adapters, FixAdapter and FixHeader.
//
// RUN: %check_clang_tidy -check-suffix=DEFAULT %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include
// RUN: %check_clang_tidy -check-suffix=USER %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     asyncctx-callback-without-context.ContextSources: '::legacy::trace_id; legacy::current_span;legacy::Deadline', \
// RUN:     asyncctx-callback-without-context.Adapters: 'legacy::bind_context', \
// RUN:     asyncctx-callback-without-context.FixAdapter: 'legacy::bind_context', \
// RUN:     asyncctx-callback-without-context.FixHeader: '\"legacy/context.h\"'}}" \
// RUN:   -- -std=c++20 -I%runtime_include

// The header goes where the include style puts it: in the block of system
// includes for angle brackets, in a block after it for quotes.
// CHECK-FIXES-USER: #include <utility>
// CHECK-FIXES-USER-EMPTY:
// CHECK-FIXES-USER-NEXT: #include "legacy/context.h"
// CHECK-FIXES-DEFAULT: #include <asyncctx/asyncctx.hpp>
// CHECK-FIXES-DEFAULT-NEXT: #include <thread>
#include <thread>
#include <utility>

namespace legacy {
thread_local int trace_id;
int current_span();
struct Deadline {
  static long remaining_ms();
};
template <class F> F bind_context(F f) { return f; }
[[clang::annotate("asyncctx::source")]] int annotated_tenant();
int not_a_source();
} // namespace legacy

void thread_local_variable() {
  // A listed thread_local without a bridge: the adapter would not carry it,
  // so there is no fix (bridges.cpp has the bridged cases).
  std::thread T([] { (void)legacy::trace_id; });
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'trace_id', a thread_local that 'legacy::bind_context' does not carry without a bridge
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:36: note: context is read here
  // CHECK-MESSAGES-USER: :24:18: note: register a bridge: static const auto trace_id_bridge = asyncctx::bridge([]() -> int & { return legacy::trace_id; });
  // CHECK-FIXES-USER: std::thread T([] { (void)legacy::trace_id; });
  // CHECK-FIXES-DEFAULT: std::thread T([] { (void)legacy::trace_id; });
  T.join();
}

void function_source() {
  std::thread T([] { legacy::current_span(); });
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'current_span'
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:30: note: context is read here
  // CHECK-FIXES-USER: std::thread T(legacy::bind_context([] { legacy::current_span(); }));
  T.join();
}

void class_source_covers_its_members() {
  std::thread T([] { legacy::Deadline::remaining_ms(); });
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'remaining_ms'
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:40: note: context is read here
  // CHECK-FIXES-USER: std::thread T(legacy::bind_context([] { legacy::Deadline::remaining_ms(); }));
  T.join();
}

void annotated_source_needs_no_option() {
  std::thread T([] { legacy::annotated_tenant(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'annotated_tenant'
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:30: note: context is read here
  // CHECK-MESSAGES-USER: :[[@LINE-3]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'annotated_tenant'
  // CHECK-MESSAGES-USER: :[[@LINE-4]]:30: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T(asyncctx::wrap([] { legacy::annotated_tenant(); }));
  // CHECK-FIXES-USER: std::thread T(legacy::bind_context([] { legacy::annotated_tenant(); }));
  T.join();
}

void user_adapter_propagates() {
  std::thread T(legacy::bind_context([] { (void)legacy::trace_id; }));
  T.join();
}

void unlisted_names_are_not_sources() {
  std::thread T([] { legacy::not_a_source(); });
  T.join();
}

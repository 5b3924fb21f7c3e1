// Built-in context sources besides asyncctx: OpenTelemetry's RuntimeContext
// (every member) and Tracer::GetCurrentSpan, whose fix also includes the
// header that registers OpenTelemetry's bridge, and folly::RequestContext
// (every member), reported without a fix: no bridge ships for it. Names are matched fully qualified: a RuntimeContext,
// RequestContext or Local in another namespace is not a source
// (clarification 7.8).
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

// The file does not include the runtime yet: the fix adds it, and the bridge.
// CHECK-FIXES: #include <asyncctx/asyncctx.hpp>
// CHECK-FIXES-NEXT: #include <asyncctx/opentelemetry.hpp>
// CHECK-FIXES-NEXT: #include <thread>
#include <thread>

// Minimal stand-ins for the real libraries' declarations.
namespace opentelemetry {
namespace context {
class RuntimeContext {
public:
  static int GetCurrent();
  static bool Detach(int Token);
};
} // namespace context
namespace trace {
class Tracer {
public:
  int GetCurrentSpan();
  int StartSpan(const char *Name);
};
} // namespace trace
} // namespace opentelemetry

namespace folly {
class RequestContext {
public:
  static RequestContext *get();
  static RequestContext *try_get();
};
} // namespace folly

// Look-alikes in other namespaces.
namespace mylib {
class RuntimeContext {
public:
  static int GetCurrent();
};
class RequestContext {
public:
  static RequestContext *get();
};
template <class T> class Local {
public:
  const T *get() const;
};
class Tracer {
public:
  int GetCurrentSpan();
};
} // namespace mylib
namespace opentelemetry {
namespace context {
namespace nested {
// Inside a source's namespace but not the class itself.
class RuntimeContext {
public:
  static int GetCurrent();
};
} // namespace nested
} // namespace context
} // namespace opentelemetry

mylib::Local<int> not_a_request_id;

int current_trace_context() { return opentelemetry::context::RuntimeContext::GetCurrent(); }

void opentelemetry_runtime_context() {
  std::thread T([] { (void)opentelemetry::context::RuntimeContext::GetCurrent(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'GetCurrent' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:68: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { (void)opentelemetry::context::RuntimeContext::GetCurrent(); }));
  T.join();
  // Any member of the class is a read (Attach, which activates a context,
  // is a restore guard: manual-capture-opentelemetry.cpp).
  std::thread U([] { (void)opentelemetry::context::RuntimeContext::Detach(1); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'Detach' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:68: note: context is read here
  // CHECK-FIXES: std::thread U(asyncctx::wrap([] { (void)opentelemetry::context::RuntimeContext::Detach(1); }));
  U.join();
  // Transitively, through a function.
  std::thread V([] { (void)current_trace_context(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'GetCurrent' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: through this call to 'current_trace_context'
  // CHECK-MESSAGES: :75:78: note: context is read here
  // CHECK-FIXES: std::thread V(asyncctx::wrap([] { (void)current_trace_context(); }));
  V.join();
}

void opentelemetry_current_span(opentelemetry::trace::Tracer &Tracer) {
  std::thread T([&Tracer] { (void)Tracer.GetCurrentSpan(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'GetCurrentSpan' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:35: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([&Tracer] { (void)Tracer.GetCurrentSpan(); }));
  T.join();
  // Only GetCurrentSpan: the rest of Tracer is not a source.
  std::thread U([&Tracer] { (void)Tracer.StartSpan("work"); });
  U.join();
}

void folly_request_context() {
  std::thread T([] { (void)folly::RequestContext::get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'get' from 'folly::RequestContext', which 'asyncctx::wrap' does not carry without a bridge [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:51: note: context is read here
  // CHECK-MESSAGES: :35:7: note: register a bridge for 'folly::RequestContext' (docs/runtime.md, "Bridges") and list it in the option BridgedSources
  // CHECK-FIXES: std::thread T([] { (void)folly::RequestContext::get(); });
  T.join();
  std::thread U([] { (void)folly::RequestContext::try_get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'try_get' from 'folly::RequestContext', which 'asyncctx::wrap' does not carry without a bridge [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:51: note: context is read here
  // CHECK-MESSAGES: :35:7: note: register a bridge for 'folly::RequestContext' (docs/runtime.md, "Bridges") and list it in the option BridgedSources
  // CHECK-FIXES: std::thread U([] { (void)folly::RequestContext::try_get(); });
  U.join();
}

// Negative cases: the same names in other namespaces.

void look_alikes(mylib::Tracer &Tracer) {
  std::thread A([] { (void)mylib::RuntimeContext::GetCurrent(); });
  std::thread B([] { (void)mylib::RequestContext::get(); });
  std::thread C([] { (void)not_a_request_id.get(); });
  std::thread D([&Tracer] { (void)Tracer.GetCurrentSpan(); });
  std::thread E([] { (void)opentelemetry::context::nested::RuntimeContext::GetCurrent(); });
  A.join();
  B.join();
  C.join();
  D.join();
  E.join();
}

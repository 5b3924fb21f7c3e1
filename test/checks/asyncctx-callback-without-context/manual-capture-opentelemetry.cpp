// OpenTelemetry's own guards are manual capture: a lambda that captures a
// span or context and re-activates it (trace::Scope, Tracer::WithActiveSpan,
// RuntimeContext::Attach keeping the token) carries its context by hand. A
// guard the statement destroys again (a discarded token or scope) restores
// nothing: the lambda still reads, and is fixed. Against the vendored
// OpenTelemetry C++ API.
//
// RUN: %check_clang_tidy -check-suffixes=DEFAULT %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include \
// RUN:   -isystem %S/../../../third_party/opentelemetry-cpp/api/include
// RUN: %check_clang_tidy -check-suffixes=DEFAULT,STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" \
// RUN:   -- -std=c++20 -I%runtime_include -isystem %S/../../../third_party/opentelemetry-cpp/api/include

#include <opentelemetry/context/runtime_context.h>
#include <opentelemetry/nostd/shared_ptr.h>
#include <opentelemetry/trace/scope.h>
#include <opentelemetry/trace/tracer.h>
#include <thread>

namespace otel = opentelemetry;
using otel::context::RuntimeContext;

bool traced() { return otel::trace::Tracer::GetCurrentSpan()->IsRecording(); }
void work() {}

void hand_over(otel::nostd::shared_ptr<otel::trace::Span> Span,
               otel::nostd::shared_ptr<otel::trace::Tracer> Tracer) {
  otel::context::Context Ctx = RuntimeContext::GetCurrent();
  std::thread A([Span] {
    otel::trace::Scope Scope(Span);
    (void)traced();
  });
  std::thread B([Span, Tracer]() mutable {
    auto Scope = Tracer->WithActiveSpan(Span);
    (void)traced();
  });
  std::thread C([Ctx] {
    auto Token = RuntimeContext::Attach(Ctx);
    (void)traced();
  });
  std::thread D([Span]() mutable {
    otel::trace::Scope Scope = otel::trace::Tracer::WithActiveSpan(Span);
    work();
  });
  A.join();
  B.join();
  C.join();
  D.join();
}

void discarded_guards(otel::nostd::shared_ptr<otel::trace::Span> Span) {
  otel::context::Context Ctx = RuntimeContext::GetCurrent();
  std::thread A([Ctx] {
    RuntimeContext::Attach(Ctx);
    (void)traced();
  });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'Attach' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-4]]:21: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread A(asyncctx::wrap([Ctx] {
  std::thread B([Span]() mutable {
    (void)otel::trace::Tracer::WithActiveSpan(Span);
    (void)traced();
  });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'GetCurrentSpan' [asyncctx-callback-without-context]
  // CHECK-FIXES-DEFAULT: std::thread B(asyncctx::wrap([Span]() mutable {
  std::thread C([Span] {
    otel::trace::Scope{Span};
    work();
  });
  // CHECK-MESSAGES-STRICT: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: std::thread C(asyncctx::wrap([Span] {
  A.join();
  B.join();
  C.join();
}

// OpenTelemetry's manual hand-over: a thread captures the caller's span or
// context and re-activates it itself (a trace::Scope, Tracer::WithActiveSpan,
// RuntimeContext::Attach keeping the token), the pattern of OpenTelemetry's
// own multithreaded example. Each thread sees the caller's trace; the check
// finds nothing to fix and `-fix` leaves the file as it is
// (docs/checks/asyncctx-callback-without-context.md#manual-capture). Built
// against the vendored OpenTelemetry C++ API (third_party/opentelemetry-cpp).
//
// RUN: %clangxx -pthread %s -o %t.before \
// RUN:   -isystem %S/../../third_party/opentelemetry-cpp/api/include
// RUN: %t.before | FileCheck %s
// RUN: cp %s %t.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags \
// RUN:   -isystem %S/../../third_party/opentelemetry-cpp/api/include \
// RUN:   | FileCheck %s --check-prefix=CLEAN --allow-empty
// RUN: diff %s %t.cpp
// CLEAN-NOT: warning

#include <opentelemetry/context/runtime_context.h>
#include <opentelemetry/nostd/shared_ptr.h>
#include <opentelemetry/nostd/span.h>
#include <opentelemetry/trace/context.h>
#include <opentelemetry/trace/default_span.h>
#include <opentelemetry/trace/scope.h>
#include <opentelemetry/trace/span_context.h>
#include <opentelemetry/trace/tracer.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>

namespace otel = opentelemetry;
using otel::context::RuntimeContext;

// The trace id of the current span, or "none".
std::string current_trace() {
  otel::trace::SpanContext Span =
      otel::trace::Tracer::GetCurrentSpan()->GetContext();
  if (!Span.IsValid())
    return "none";
  char Hex[32];
  Span.trace_id().ToLowerBase16(Hex);
  return std::string(Hex, sizeof Hex);
}

int main() {
  const std::uint8_t Trace[16] = {0xab, 0xcd, 1, 2,  3,  4,  5,  6,
                                  7,    8,    9, 10, 11, 12, 13, 14};
  const std::uint8_t SpanId[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  otel::nostd::shared_ptr<otel::trace::Span> Span(
      new otel::trace::DefaultSpan(otel::trace::SpanContext(
          otel::trace::TraceId(otel::nostd::span<const std::uint8_t, 16>(Trace)),
          otel::trace::SpanId(otel::nostd::span<const std::uint8_t, 8>(SpanId)),
          otel::trace::TraceFlags(otel::trace::TraceFlags::kIsSampled),
          false)));

  otel::trace::Scope Outer(Span);
  std::printf("caller:         %s\n", current_trace().c_str());
  otel::context::Context Ctx = RuntimeContext::GetCurrent();

  std::thread WithScope([Span] {
    otel::trace::Scope Scope(Span);
    std::printf("Scope:          %s\n", current_trace().c_str());
  });
  WithScope.join();
  std::thread WithActiveSpan([Span]() mutable {
    auto Scope = otel::trace::Tracer::WithActiveSpan(Span);
    std::printf("WithActiveSpan: %s\n", current_trace().c_str());
  });
  WithActiveSpan.join();
  std::thread WithAttach([Ctx] {
    auto Token = RuntimeContext::Attach(Ctx);
    std::printf("Attach:         %s\n", current_trace().c_str());
  });
  WithAttach.join();
}

// CHECK: caller:         abcd0102030405060708090a0b0c0d0e
// CHECK-NEXT: Scope:          abcd0102030405060708090a0b0c0d0e
// CHECK-NEXT: WithActiveSpan: abcd0102030405060708090a0b0c0d0e
// CHECK-NEXT: Attach:         abcd0102030405060708090a0b0c0d0e

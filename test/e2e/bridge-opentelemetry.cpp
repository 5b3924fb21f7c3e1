// OpenTelemetry's current context (a span and a value attached by the caller)
// read by a wrapped callback on an asio::thread_pool and by an asyncctx::task
// after a co_await that resumes it on the pool. With
// <asyncctx/opentelemetry.hpp> included (built with -DWITH_BRIDGE) both see
// the caller's span; without it neither does. Built against the vendored
// OpenTelemetry C++ API (third_party/opentelemetry-cpp).
//
// RUN: %clangxx -pthread -DWITH_BRIDGE %s -o %t.bridged \
// RUN:   -isystem %S/../../third_party/opentelemetry-cpp/api/include
// RUN: %t.bridged | FileCheck %s --check-prefix=BRIDGED
// RUN: %clangxx -pthread %s -o %t.plain \
// RUN:   -isystem %S/../../third_party/opentelemetry-cpp/api/include
// RUN: %t.plain | FileCheck %s --check-prefix=PLAIN

#ifdef WITH_BRIDGE
#include <asyncctx/opentelemetry.hpp>
#endif
#include <asyncctx/asyncctx.hpp>
#include <asyncctx/task.hpp>

#include <opentelemetry/context/runtime_context.h>
#include <opentelemetry/nostd/span.h>
#include <opentelemetry/trace/context.h>
#include <opentelemetry/trace/default_span.h>
#include <opentelemetry/trace/span_context.h>

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>

#include <coroutine>
#include <cstdint>
#include <cstdio>
#include <future>
#include <string>

namespace otel = opentelemetry;
using otel::context::RuntimeContext;

// "trace <id> request <value>" of the current OpenTelemetry context.
std::string current() {
  otel::context::Context Ctx = RuntimeContext::GetCurrent();
  std::string Out = "trace ";
  otel::trace::SpanContext Span = otel::trace::GetSpan(Ctx)->GetContext();
  if (Span.IsValid()) {
    char Hex[32];
    Span.trace_id().ToLowerBase16(Hex);
    Out.append(Hex, sizeof Hex);
  } else {
    Out += "none";
  }
  otel::context::ContextValue V = Ctx.GetValue("request");
  const std::int64_t *Request = otel::nostd::get_if<std::int64_t>(&V);
  return Out + " request " + (Request ? std::to_string(*Request) : "none");
}

struct ResumeOn {
  asio::thread_pool &Pool;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) const {
    asio::post(Pool, [H] { H.resume(); });
  }
  void await_resume() const noexcept {}
};

asyncctx::task<std::string> handle(asio::thread_pool &Pool) {
  co_await ResumeOn{Pool};
  co_return current();
}

int main() {
  const std::uint8_t Trace[16] = {0xab, 0xcd, 1, 2,  3,  4,  5,  6,
                                  7,    8,    9, 10, 11, 12, 13, 14};
  const std::uint8_t SpanId[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  otel::trace::SpanContext SpanCtx(
      otel::trace::TraceId(otel::nostd::span<const std::uint8_t, 16>(Trace)),
      otel::trace::SpanId(otel::nostd::span<const std::uint8_t, 8>(SpanId)),
      otel::trace::TraceFlags(otel::trace::TraceFlags::kIsSampled), false);
  otel::context::Context WithValue =
      RuntimeContext::GetCurrent().SetValue("request", std::int64_t{42});
  otel::context::Context Request = otel::trace::SetSpan(
      WithValue, otel::nostd::shared_ptr<otel::trace::Span>(
                     new otel::trace::DefaultSpan(SpanCtx)));

  asio::thread_pool Pool(2);
  std::promise<std::string> Seen;
  asyncctx::task<std::string> Task;
  {
    auto Token = RuntimeContext::Attach(Request);
    std::printf("caller:   %s\n", current().c_str());
    asio::post(Pool, asyncctx::wrap([&Seen] { Seen.set_value(current()); }));
    Task = handle(Pool);
  }
  std::printf("callback: %s\n", Seen.get_future().get().c_str());
  std::printf("task:     %s\n", asyncctx::sync_wait(std::move(Task)).c_str());
  std::printf("after:    %s\n", current().c_str());
  Pool.join();
}

// BRIDGED: caller:   trace abcd0102030405060708090a0b0c0d0e request 42
// BRIDGED-NEXT: callback: trace abcd0102030405060708090a0b0c0d0e request 42
// BRIDGED-NEXT: task:     trace abcd0102030405060708090a0b0c0d0e request 42
// BRIDGED-NEXT: after:    trace none request none

// PLAIN: caller:   trace abcd0102030405060708090a0b0c0d0e request 42
// PLAIN-NEXT: callback: trace none request none
// PLAIN-NEXT: task:     trace none request none
// PLAIN-NEXT: after:    trace none request none

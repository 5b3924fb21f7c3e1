#include "handlers.h"
#include <cstdint>
#include <opentelemetry/context/runtime_context.h>
#include <opentelemetry/nostd/shared_ptr.h>
#include <opentelemetry/nostd/span.h>
#include <opentelemetry/trace/context.h>
#include <opentelemetry/trace/default_span.h>
#include <opentelemetry/trace/span_context.h>

namespace otel = opentelemetry;

int main() {
  const std::uint8_t Trace[16] = {0xab, 0xcd, 0xef, 1, 2,  3,  4,  5,
                                  6,    7,    8,    9, 10, 11, 12, 13};
  const std::uint8_t Span[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  otel::trace::SpanContext SpanCtx(
      otel::trace::TraceId(otel::nostd::span<const std::uint8_t, 16>(Trace)),
      otel::trace::SpanId(otel::nostd::span<const std::uint8_t, 8>(Span)),
      otel::trace::TraceFlags(otel::trace::TraceFlags::kIsSampled), false);
  otel::context::Context WithValue =
      otel::context::RuntimeContext::GetCurrent().SetValue("request",
                                                           std::int64_t{42});
  otel::context::Context Request = otel::trace::SetSpan(
      WithValue, otel::nostd::shared_ptr<otel::trace::Span>(
                     new otel::trace::DefaultSpan(SpanCtx)));
  asio::thread_pool Pool(2);
  {
    // The request's span and values are current while it is handled.
    auto Token = otel::context::RuntimeContext::Attach(Request);
    handle_request(Pool, "order-7");
  }
  Pool.join();
}

#include "log.h"
#include <cstdint>
#include <cstdio>
#include <opentelemetry/context/runtime_context.h>
#include <opentelemetry/trace/context.h>

// Logs with the trace and the request of the current OpenTelemetry context.
void log_line(const std::string &Message) {
  opentelemetry::context::Context Current =
      opentelemetry::context::RuntimeContext::GetCurrent();
  opentelemetry::trace::SpanContext Span =
      opentelemetry::trace::GetSpan(Current)->GetContext();
  char Trace[32];
  if (Span.IsValid())
    Span.trace_id().ToLowerBase16(Trace);
  opentelemetry::context::ContextValue Value = Current.GetValue("request");
  const std::int64_t *Request =
      opentelemetry::nostd::get_if<std::int64_t>(&Value);
  std::printf("[trace=%.8s request=%s] %s\n", Span.IsValid() ? Trace : "none",
              Request ? std::to_string(*Request).c_str() : "none",
              Message.c_str());
  std::fflush(stdout);
}

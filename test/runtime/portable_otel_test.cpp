// <asyncctx/opentelemetry.hpp> in C++14 code: OpenTelemetry's current context
// crosses a thread inside wrap and a Scope, and is restored afterwards.
// otel_test.cpp covers the rest (spans, thread pools, tasks) in C++20.
#include <asyncctx/opentelemetry.hpp>

#include <opentelemetry/context/context.h>
#include <opentelemetry/context/runtime_context.h>
#include <opentelemetry/nostd/variant.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <thread>

namespace {

namespace otel_context = opentelemetry::context;
using otel_context::RuntimeContext;

// The "request" value of OpenTelemetry's current context; -1 when absent.
std::int64_t current_request() {
  otel_context::ContextValue v =
      RuntimeContext::GetCurrent().GetValue("request");
  const std::int64_t *request = opentelemetry::nostd::get_if<std::int64_t>(&v);
  return request != nullptr ? *request : -1;
}

TEST(PortableOpenTelemetryTest, ContextCrossesThreadsInWrapAndScope) {
  std::int64_t in_wrap = 0, in_scope = 0, after_scope = 0;
  asyncctx::Snapshot snapshot;
  {
    auto token = RuntimeContext::Attach(
        RuntimeContext::GetCurrent().SetValue("request", std::int64_t{42}));
    std::thread worker(asyncctx::wrap([&] { in_wrap = current_request(); }));
    worker.join();
    snapshot = asyncctx::capture();
  }
  ASSERT_EQ(current_request(), -1);
  std::thread([&] {
    {
      asyncctx::Scope scope(snapshot);
      in_scope = current_request();
    }
    after_scope = current_request();
  }).join();
  EXPECT_EQ(in_wrap, 42);
  EXPECT_EQ(in_scope, 42);
  EXPECT_EQ(after_scope, -1);
}

} // namespace

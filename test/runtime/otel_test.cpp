// <asyncctx/opentelemetry.hpp> against the real OpenTelemetry C++ API
// (third_party/opentelemetry-cpp): a context value and a span attached in the
// caller are current in a wrapped callback on an Asio thread pool and after a
// thread-hopping co_await in an asyncctx::task.
//
// Built twice: in the bridge suite with ASYNCCTX_TEST_OTEL_BRIDGE=1 (the
// header included), and in the main runtime suite with 0 (not included, no
// bridge registered), where the same scenarios must show that OpenTelemetry's
// context does NOT cross the boundary: the negative that makes the positive
// meaningful.
#include "test_support.hpp"

#if ASYNCCTX_TEST_OTEL_BRIDGE
#include <asyncctx/opentelemetry.hpp>
#endif
#include <asyncctx/asyncctx.hpp>
#include <asyncctx/task.hpp>

#include <opentelemetry/context/context.h>
#include <opentelemetry/context/runtime_context.h>
#include <opentelemetry/nostd/span.h>
#include <opentelemetry/nostd/variant.h>
#include <opentelemetry/trace/context.h>
#include <opentelemetry/trace/default_span.h>
#include <opentelemetry/trace/span_context.h>
#include <opentelemetry/trace/span_id.h>
#include <opentelemetry/trace/trace_flags.h>
#include <opentelemetry/trace/trace_id.h>

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>

#include <coroutine>
#include <cstdint>
#include <functional>
#include <future>
#include <ostream>
#include <string>

namespace {

namespace otel_context = opentelemetry::context;
namespace otel_trace = opentelemetry::trace;
namespace nostd = opentelemetry::nostd;
using otel_context::RuntimeContext;

constexpr bool bridged = ASYNCCTX_TEST_OTEL_BRIDGE;

// What code running somewhere sees of OpenTelemetry's current context: the
// "request" value (-1 when absent) and the active span's trace id (empty
// when no valid span is active).
struct Observed {
  std::int64_t request = -1;
  std::string trace_id;
  bool operator==(const Observed &) const = default;
};

// For gtest's failure messages.
[[maybe_unused]] void PrintTo(const Observed &o, std::ostream *out) {
  *out << "{request " << o.request << ", trace id '" << o.trace_id << "'}";
}

Observed observe() {
  Observed o;
  otel_context::Context current = RuntimeContext::GetCurrent();
  otel_context::ContextValue v = current.GetValue("request");
  if (const std::int64_t *request = nostd::get_if<std::int64_t>(&v))
    o.request = *request;
  otel_trace::SpanContext span = otel_trace::GetSpan(current)->GetContext();
  if (span.IsValid()) {
    char hex[32];
    span.trace_id().ToLowerBase16(hex);
    o.trace_id.assign(hex, sizeof hex);
  }
  return o;
}

const Observed nothing{};
const Observed request_42{42, "0102030405060708090a0b0c0d0e0f10"};

// The caller's context: a value and a span, attached as instrumentation
// would (RuntimeContext::Attach, detached when the token goes).
otel_context::Context request_context() {
  const std::uint8_t trace[16] = {1, 2,  3,  4,  5,  6,  7,  8,
                                  9, 10, 11, 12, 13, 14, 15, 16};
  const std::uint8_t span[8] = {1, 1, 1, 1, 1, 1, 1, 1};
  otel_trace::SpanContext span_context(
      otel_trace::TraceId(nostd::span<const std::uint8_t, 16>(trace)),
      otel_trace::SpanId(nostd::span<const std::uint8_t, 8>(span)),
      otel_trace::TraceFlags(otel_trace::TraceFlags::kIsSampled), false);
  otel_context::Context c =
      RuntimeContext::GetCurrent().SetValue("request", std::int64_t{42});
  return otel_trace::SetSpan(c, nostd::shared_ptr<otel_trace::Span>(
                                    new otel_trace::DefaultSpan(span_context)));
}

class OpenTelemetryTest : public asyncctx_test::RuntimeTest {
protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(observe(), nothing);
  }
  void TearDown() override {
    EXPECT_EQ(observe(), nothing) << "a test left a context attached";
    RuntimeTest::TearDown();
  }
};

TEST_F(OpenTelemetryTest, TheCallerSeesItsOwnContext) {
  auto token = RuntimeContext::Attach(request_context());
  EXPECT_EQ(observe(), request_42);
}

TEST_F(OpenTelemetryTest, WrappedCallbackOnAnAsioThreadPool) {
  asio::thread_pool pool(2);
  std::promise<Observed> wrapped, plain;
  {
    auto token = RuntimeContext::Attach(request_context());
    asio::post(pool, asyncctx::wrap([&] { wrapped.set_value(observe()); }));
  }
  EXPECT_EQ(wrapped.get_future().get(), bridged ? request_42 : nothing);
  // Detached again when the callback returned: the pool thread is clean.
  asio::post(pool, [&] { plain.set_value(observe()); });
  EXPECT_EQ(plain.get_future().get(), nothing);
  pool.join();
}

TEST_F(OpenTelemetryTest, WrappedCallOnTheSameThreadRestoresTheCallers) {
  std::function<Observed()> w;
  {
    auto token = RuntimeContext::Attach(request_context());
    w = asyncctx::wrap(observe);
  }
  EXPECT_EQ(w(), bridged ? request_42 : nothing);
  EXPECT_EQ(observe(), nothing) << "the caller's context is back";
}

// Inside the callback, instrumentation attaches and detaches contexts of its
// own; the bridge's token stays below them and is detached last.
TEST_F(OpenTelemetryTest, AttachmentsInsideTheCallbackNestInside) {
  asio::thread_pool pool(1);
  std::promise<Observed> inner, after;
  {
    auto token = RuntimeContext::Attach(request_context());
    asio::post(pool, asyncctx::wrap([&] {
                 {
                   auto own = RuntimeContext::Attach(
                       RuntimeContext::GetCurrent().SetValue("request",
                                                             std::int64_t{7}));
                   inner.set_value(observe());
                 }
                 after.set_value(observe());
               }));
  }
  EXPECT_EQ(inner.get_future().get().request, 7);
  EXPECT_EQ(after.get_future().get(), bridged ? request_42 : nothing);
  pool.join();
}

// --- asyncctx::task, resumed on a pool thread ------------------------------

struct resume_on {
  asio::thread_pool &pool;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    asio::post(pool, [h] { h.resume(); });
  }
  void await_resume() const noexcept {}
};

asyncctx::task<Observed> observe_after_hop(asio::thread_pool &pool,
                                           std::promise<Observed> &before) {
  before.set_value(observe());
  co_await resume_on{pool};
  co_return observe();
}

TEST_F(OpenTelemetryTest, TaskAfterAThreadHoppingCoAwait) {
  asio::thread_pool pool(1);
  std::promise<Observed> before;
  asyncctx::task<Observed> t = [&] {
    auto token = RuntimeContext::Attach(request_context());
    return observe_after_hop(pool, before);
  }();
  // Created in the context, started outside it: the body sees the context
  // (with the bridge) from its first statement and after the hop.
  EXPECT_EQ(asyncctx::sync_wait(std::move(t)), bridged ? request_42 : nothing);
  EXPECT_EQ(before.get_future().get(), bridged ? request_42 : nothing);
  EXPECT_EQ(observe(), nothing);
  std::promise<Observed> plain;
  asio::post(pool, [&] { plain.set_value(observe()); });
  EXPECT_EQ(plain.get_future().get(), nothing)
      << "the task's suspension detached it from the pool thread";
  pool.join();
}

} // namespace

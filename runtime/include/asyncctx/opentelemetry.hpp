// OpenTelemetry support for asyncctx: including this header registers a
// bridge for opentelemetry::context::RuntimeContext, so that capture(), wrap,
// Scope, task<T> and with_context carry OpenTelemetry's current context (the
// active span, baggage, any context value) along with asyncctx's own.
//
//   #include <asyncctx/opentelemetry.hpp>
//
//   auto scope = tracer->WithActiveSpan(span);
//   asio::post(pool, asyncctx::wrap([] {
//     // on a pool thread: the span is active here too
//     auto current = opentelemetry::trace::Tracer::GetCurrentSpan();
//   }));
//
// A capture takes RuntimeContext::GetCurrent(); installing the snapshot
// attaches that context with RuntimeContext::Attach, and leaving detaches it
// by destroying the token, in LIFO order with the rest of the installation.
// Needs only OpenTelemetry's header-only API (tested: opentelemetry-cpp
// 1.29.0-dev API, default configuration), and works with any
// RuntimeContextStorage.
//
// Reference: docs/runtime.md, "Bridges: legacy thread_locals and foreign
// contexts".

#ifndef ASYNCCTX_OPENTELEMETRY_HPP
#define ASYNCCTX_OPENTELEMETRY_HPP

#include <asyncctx/asyncctx.hpp>

#include <opentelemetry/context/context.h>
#include <opentelemetry/context/runtime_context.h>
#include <opentelemetry/nostd/unique_ptr.h>

namespace asyncctx {

namespace detail {

inline Bridge register_opentelemetry_bridge() {
  using ::opentelemetry::context::Context;
  using ::opentelemetry::context::RuntimeContext;
  using ::opentelemetry::context::Token;
  return bridge(
      [] { return RuntimeContext::GetCurrent(); },
      [](const Context &captured) { return RuntimeContext::Attach(captured); },
      // The token's destructor detaches it (an explicit Detach
      // first would make that a second, stray detach).
      [](::opentelemetry::nostd::unique_ptr<Token> &&token) { token.reset(); });
}

} // namespace detail

// Registered once per process during static initialization, however many
// translation units (and, with default visibility, shared libraries)
// include this header. A capture made by a static initializer that runs
// before this one carries no OpenTelemetry context.
ASYNCCTX_SHARED_STATE inline const Bridge opentelemetry_bridge =
    detail::register_opentelemetry_bridge();

} // namespace asyncctx

#endif // ASYNCCTX_OPENTELEMETRY_HPP

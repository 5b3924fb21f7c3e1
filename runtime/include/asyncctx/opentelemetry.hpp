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

// Registered once per process during static initialization, however many
// translation units (and, with default visibility, shared libraries)
// include this header. A capture made by a static initializer that runs
// before this one carries no OpenTelemetry context. (A template's static
// member rather than an inline variable: one object per process in C++14
// too.)
template <class Unused = void>
struct ASYNCCTX_SHARED_STATE OpenTelemetryRegistration {
  static const Bridge bridge;
};
template <class Unused>
const Bridge OpenTelemetryRegistration<Unused>::bridge =
    register_opentelemetry_bridge();

} // namespace detail

// The registration's handle. Naming it in every translation unit that
// includes this header instantiates the registration, and so runs it.
#if __cplusplus >= 201703L
inline
#else
static
#endif
    const Bridge &opentelemetry_bridge =
        detail::OpenTelemetryRegistration<>::bridge;

} // namespace asyncctx

#endif // ASYNCCTX_OPENTELEMETRY_HPP

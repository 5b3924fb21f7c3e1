// Every Asio initiating function `async_*`, free or member: its completion
// handler (the last argument, when it is a callable) runs later, so a handler
// that reads context is reported and wrapped. Completion tokens are not
// callables: never reported, not even in StrictMode.
//
// RUN: %check_clang_tidy -check-suffixes=ALL %s asyncctx-callback-without-context %t -- \
// RUN:   -std=c++20 -I%runtime_include -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1
// RUN: %check_clang_tidy -check-suffixes=ALL,STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- \
// RUN:   -std=c++20 -I%runtime_include -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1

#include <asyncctx/asyncctx.hpp>
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/deferred.hpp>
#include <cstddef>
#include <functional>
#include <system_error>

asyncctx::Local<int> request_id;

void log_line(const char *Message) {
  const int *Id = request_id.get();
  (void)Message;
  (void)Id;
}

void on_wait(const std::error_code &) { log_line("wait"); }
void quiet_on_wait(const std::error_code &) {}

// Member initiating functions.

void timer_handlers(asio::steady_timer &Timer) {
  Timer.async_wait([](std::error_code) { log_line("t"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:20: warning: lambda passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:42: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: Timer.async_wait(asyncctx::wrap([](std::error_code) { log_line("t"); }));
  Timer.async_wait(on_wait);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:20: warning: function 'on_wait' passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :28:41: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: Timer.async_wait(asyncctx::wrap(on_wait));
  Timer.async_wait([](auto Ec) { (void)Ec; (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:20: warning: lambda passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:50: note: context is read here
  // CHECK-FIXES-ALL: Timer.async_wait(asyncctx::wrap([](auto Ec) { (void)Ec; (void)request_id.get(); }));
}

void socket_handlers(asio::ip::tcp::socket &Socket, char *Buffer) {
  Socket.async_read_some(asio::buffer(Buffer, 4), [](std::error_code, std::size_t) { log_line("r"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:51: warning: lambda passed to 'asio::basic_stream_socket::async_read_some' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:86: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: Socket.async_read_some(asio::buffer(Buffer, 4), asyncctx::wrap([](std::error_code, std::size_t) { log_line("r"); }));
  Socket.async_write_some(asio::buffer(Buffer, 4), [](auto Ec, auto N) { (void)Ec; (void)N; log_line("w"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:52: warning: lambda passed to 'asio::basic_stream_socket::async_write_some' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:93: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: Socket.async_write_some(asio::buffer(Buffer, 4), asyncctx::wrap([](auto Ec, auto N) { (void)Ec; (void)N; log_line("w"); }));
  Socket.async_connect(asio::ip::tcp::endpoint(), [](std::error_code) { (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:51: warning: lambda passed to 'asio::basic_socket::async_connect' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:79: note: context is read here
  // CHECK-FIXES-ALL: Socket.async_connect(asio::ip::tcp::endpoint(), asyncctx::wrap([](std::error_code) { (void)request_id.get(); }));
}

void acceptor_resolver_signals(asio::ip::tcp::acceptor &Acceptor,
                               asio::ip::tcp::resolver &Resolver,
                               asio::signal_set &Signals) {
  Acceptor.async_accept([](std::error_code, asio::ip::tcp::socket) { log_line("a"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:25: warning: lambda passed to 'asio::basic_socket_acceptor::async_accept' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:70: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: Acceptor.async_accept(asyncctx::wrap([](std::error_code, asio::ip::tcp::socket) { log_line("a"); }));
  Resolver.async_resolve("host", "80", [](std::error_code, asio::ip::tcp::resolver::results_type) { log_line("res"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:40: warning: lambda passed to 'asio::ip::basic_resolver::async_resolve' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:101: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: Resolver.async_resolve("host", "80", asyncctx::wrap([](std::error_code, asio::ip::tcp::resolver::results_type) { log_line("res"); }));
  Signals.async_wait([](std::error_code, int) { log_line("sig"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:22: warning: lambda passed to 'asio::basic_signal_set::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:49: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: Signals.async_wait(asyncctx::wrap([](std::error_code, int) { log_line("sig"); }));
}

// Free initiating functions.

void free_functions(asio::ip::tcp::socket &Socket, char *Buffer) {
  asio::async_read(Socket, asio::buffer(Buffer, 4), [](std::error_code, std::size_t) { log_line("ar"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:53: warning: lambda passed to 'asio::async_read' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:88: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: asio::async_read(Socket, asio::buffer(Buffer, 4), asyncctx::wrap([](std::error_code, std::size_t) { log_line("ar"); }));
  asio::async_write(Socket, asio::buffer(Buffer, 4), [](auto Ec, auto N) { (void)Ec; (void)N; (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:54: warning: lambda passed to 'asio::async_write' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:101: note: context is read here
  // CHECK-FIXES-ALL: asio::async_write(Socket, asio::buffer(Buffer, 4), asyncctx::wrap([](auto Ec, auto N) { (void)Ec; (void)N; (void)request_id.get(); }));
}

// A handler bound to an executor is still a handler: what runs is the lambda.
// The whole bound handler is wrapped (the wrapper forwards the associated
// executor, docs/runtime.md#asio-with_context-and-associated-characteristics).

void handler_bound_to_a_strand(asio::io_context &Io, asio::steady_timer &Timer) {
  auto Strand = asio::make_strand(Io);
  Timer.async_wait(asio::bind_executor(Strand, [](std::error_code) { log_line("b"); }));
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:20: warning: lambda passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:70: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :23:19: note: context is read here
  // CHECK-FIXES-ALL: Timer.async_wait(asyncctx::wrap(asio::bind_executor(Strand, [](std::error_code) { log_line("b"); })));
}

// Handlers that read nothing: reported in StrictMode only.

void handlers_reading_nothing(asio::steady_timer &Timer) {
  std::function<void(std::error_code)> Opaque = quiet_on_wait;
  Timer.async_wait([](std::error_code) {});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: lambda passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: Timer.async_wait(asyncctx::wrap([](std::error_code) {}));
  Timer.async_wait(quiet_on_wait);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: function 'quiet_on_wait' passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: Timer.async_wait(asyncctx::wrap(quiet_on_wait));
  Timer.async_wait(Opaque);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: callable object 'Opaque' passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: Timer.async_wait(asyncctx::wrap(Opaque));
}

// Negative cases, in both modes.

void wrapped_handlers(asio::steady_timer &Timer, asio::ip::tcp::socket &Socket, char *Buffer) {
  Timer.async_wait(asyncctx::wrap([](std::error_code) { log_line("w"); }));
  asio::async_read(Socket, asio::buffer(Buffer, 4), asyncctx::wrap([](std::error_code, std::size_t) { log_line("w"); }));
}

void completion_tokens(asio::io_context &Io, asio::steady_timer &Timer,
                       asio::ip::tcp::socket &Socket, char *Buffer) {
  std::future<void> Waited = Timer.async_wait(asio::use_future);
  std::future<std::size_t> Read = asio::async_read(Socket, asio::buffer(Buffer, 4), asio::use_future);
  Timer.async_wait(asio::detached);
  Socket.async_read_some(asio::buffer(Buffer, 4), asio::detached);
  auto Deferred = Timer.async_wait(asio::experimental::deferred);
  auto Strand = asio::make_strand(Io);
  std::future<void> OnStrand = Timer.async_wait(asio::bind_executor(Strand, asio::use_future));
  (void)Waited;
  (void)Read;
  (void)Deferred;
  (void)OnStrand;
}

asio::awaitable<void> awaitable_tokens(asio::steady_timer &Timer,
                                       asio::ip::tcp::socket &Socket, char *Buffer) {
  co_await Timer.async_wait(asio::use_awaitable);
  std::size_t N = co_await asio::async_read(Socket, asio::buffer(Buffer, 4), asio::use_awaitable);
  auto [Ec] = co_await Timer.async_wait(asio::experimental::as_tuple(asio::use_awaitable));
  std::error_code Redirected;
  co_await Timer.async_wait(asio::redirect_error(asio::use_awaitable, Redirected));
  (void)N;
  (void)Ec;
}

void capture_initializer_reads_at_the_call_site(asio::steady_timer &Timer) {
  Timer.async_wait([Id = request_id.get()](std::error_code) { (void)Id; });
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: lambda passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: Timer.async_wait(asyncctx::wrap([Id = request_id.get()](std::error_code) { (void)Id; }));
}

// A function named async_* outside the Asio namespaces is not an initiating
// function.
namespace app {
void async_notify(std::function<void()> Done);
} // namespace app

void not_asio() { app::async_notify([] { log_line("n"); }); }

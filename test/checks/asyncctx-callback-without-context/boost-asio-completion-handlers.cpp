// Boost.Asio initiating functions are boundaries like standalone Asio's; its
// completion tokens are never reported, not even in StrictMode.
//
// RUN: %check_clang_tidy -check-suffixes=ALL %s asyncctx-callback-without-context %t -- \
// RUN:   -std=c++20 -I%runtime_include -DBOOST_ASIO_HAS_CO_AWAIT=1 -DBOOST_ASIO_HAS_STD_COROUTINE=1
// RUN: %check_clang_tidy -check-suffixes=ALL,STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- \
// RUN:   -std=c++20 -I%runtime_include -DBOOST_ASIO_HAS_CO_AWAIT=1 -DBOOST_ASIO_HAS_STD_COROUTINE=1

// Boost 1.74's awaitable.hpp needs <utility> first.
#include <utility>
#include <asyncctx/asyncctx.hpp>
#include <boost/asio.hpp>
#include <cstddef>

asyncctx::Local<int> request_id;

void log_line(const char *Message) {
  const int *Id = request_id.get();
  (void)Message;
  (void)Id;
}

void on_wait(const boost::system::error_code &) { log_line("wait"); }

void timer_and_socket(boost::asio::steady_timer &Timer,
                      boost::asio::ip::tcp::socket &Socket, char *Buffer) {
  Timer.async_wait([](boost::system::error_code) { log_line("t"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:20: warning: lambda passed to 'boost::asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:52: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :19:19: note: context is read here
  // CHECK-FIXES-ALL: Timer.async_wait(asyncctx::wrap([](boost::system::error_code) { log_line("t"); }));
  Timer.async_wait(on_wait);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:20: warning: function 'on_wait' passed to 'boost::asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :24:51: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :19:19: note: context is read here
  // CHECK-FIXES-ALL: Timer.async_wait(asyncctx::wrap(on_wait));
  boost::asio::async_read(Socket, boost::asio::buffer(Buffer, 4), [](auto Ec, auto N) { (void)Ec; (void)N; (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:67: warning: lambda passed to 'boost::asio::async_read' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:114: note: context is read here
  // CHECK-FIXES-ALL: boost::asio::async_read(Socket, boost::asio::buffer(Buffer, 4), asyncctx::wrap([](auto Ec, auto N) { (void)Ec; (void)N; (void)request_id.get(); }));
  Socket.async_write_some(boost::asio::buffer(Buffer, 4), [](boost::system::error_code, std::size_t) { log_line("w"); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:59: warning: lambda passed to 'boost::asio::basic_stream_socket::async_write_some' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:104: note: through this call to 'log_line'
  // CHECK-MESSAGES-ALL: :19:19: note: context is read here
  // CHECK-FIXES-ALL: Socket.async_write_some(boost::asio::buffer(Buffer, 4), asyncctx::wrap([](boost::system::error_code, std::size_t) { log_line("w"); }));
  Timer.async_wait([](boost::system::error_code) {});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: lambda passed to 'boost::asio::basic_waitable_timer::async_wait' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: Timer.async_wait(asyncctx::wrap([](boost::system::error_code) {}));
}

// Negative cases, in both modes.

void completion_tokens(boost::asio::steady_timer &Timer) {
  std::future<void> Waited = Timer.async_wait(boost::asio::use_future);
  Timer.async_wait(boost::asio::detached);
  Timer.async_wait(asyncctx::wrap([](boost::system::error_code) { log_line("w"); }));
  (void)Waited;
}

boost::asio::awaitable<void> awaitable_tokens(boost::asio::steady_timer &Timer) {
  co_await Timer.async_wait(boost::asio::use_awaitable);
  boost::system::error_code Redirected;
  co_await Timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, Redirected));
}

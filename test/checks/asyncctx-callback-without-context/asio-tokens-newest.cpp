// The completion handler of an initiating function is the argument of the
// parameter its declaration names as the completion token, so tokens,
// completion conditions, tags and async_initiate's extra arguments are never
// reported, not even in StrictMode; the real handler still is. Against the
// newest standalone Asio (third_party/asio-1.38.2), where tokens are
// `as_tuple(...)`, `cancel_after(...)`, `deferred(f)`; included as a system
// header, as an installed Asio is.
//
// RUN: %check_clang_tidy -check-suffixes=STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- \
// RUN:   -std=c++20 -I%runtime_include -isystem %S/../../../third_party/asio-1.38.2/include \
// RUN:   -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1
// RUN: %clangxx -fsyntax-only %asio_newest -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1 %t.cpp

#include <asyncctx/asyncctx.hpp>
#include <asio/as_tuple.hpp>
#include <asio/awaitable.hpp>
#include <asio/cancel_after.hpp>
#include <asio/deferred.hpp>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <asio/read.hpp>
#include <asio/redirect_error.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <type_traits>

asyncctx::Local<int> request_id;

void log_line() { (void)request_id.get(); }

// An AsyncReadStream for asio::async_read.
struct Stream {
  using executor_type = asio::any_io_executor;
  executor_type get_executor();
  template <typename Buffers, typename ReadToken>
  auto async_read_some(const Buffers &, ReadToken &&Token) {
    return asio::async_initiate<ReadToken, void(asio::error_code, std::size_t)>(
        [](auto Handler) { (void)Handler; }, Token);
  }
};

asio::awaitable<void> tokens(asio::steady_timer &Timer, Stream &S, char *Buffer) {
  using namespace std::chrono_literals;
  auto [Ec] = co_await Timer.async_wait(asio::as_tuple(asio::use_awaitable));
  co_await Timer.async_wait(asio::cancel_after(1s));
  co_await Timer.async_wait(asio::cancel_after(1s, asio::use_awaitable));
  co_await Timer.async_wait(asio::deferred);
  co_await Timer.async_wait(asio::deferred([](asio::error_code) { return asio::deferred.values(1); }));
  asio::error_code Redirected;
  co_await Timer.async_wait(asio::redirect_error(asio::use_awaitable, Redirected));
  // A completion condition with the default token, and before a token.
  co_await asio::async_read(S, asio::buffer(Buffer, 4), asio::transfer_all());
  co_await asio::async_read(S, asio::buffer(Buffer, 4), asio::transfer_at_least(1), asio::use_awaitable);
  (void)Ec;
}

// async_initiate's token is the argument after the initiation; what follows
// it is passed on to the initiation, never run as a handler.
struct Work {
  void operator()() const {}
};
struct Composed {
  Work tail_;
  template <typename Token> auto start(Token &&T) {
    return asio::async_initiate<Token, void()>(
        [](auto Handler, Work, Work, std::true_type) { std::move(Handler)(); },
        T, Work(), tail_, std::true_type{});
  }
};

void initiate_extra_arguments(Composed &C) {
  C.start(asio::detached);
  asio::async_initiate<const asio::detached_t &, void()>(
      [](auto Handler, Work) { std::move(Handler)(); }, asio::detached, Work());
}

// The real handler, as the caller wrote it: reported and wrapped.
void handlers(asio::steady_timer &Timer, Stream &S, char *Buffer) {
  Timer.async_wait([](asio::error_code) { log_line(); });
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: lambda passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:43: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :32:25: note: context is read here
  // CHECK-FIXES-STRICT: Timer.async_wait(asyncctx::wrap([](asio::error_code) { log_line(); }));
  asio::async_read(S, asio::buffer(Buffer, 4), asio::transfer_all(), [](asio::error_code, std::size_t) {});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:70: warning: lambda passed to 'asio::async_read' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: asio::async_read(S, asio::buffer(Buffer, 4), asio::transfer_all(), asyncctx::wrap([](asio::error_code, std::size_t) {}));
}

// Coroutines whose return type restores context are exempt: asyncctx::task,
// Asio's awaitable (decided where it is spawned), and ContextAwareCoroutines.
//
// RUN: %check_clang_tidy %s asyncctx-coroutine-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-coroutine-without-context.ContextAwareCoroutines: 'app::traced_task'}}" \
// RUN:   -- -std=c++20 -I%runtime_include -I%S/Inputs -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1
// RUN: %check_clang_tidy -check-suffix=NOOPTION %s asyncctx-coroutine-without-context %t \
// RUN:   -- -std=c++20 -I%runtime_include -I%S/Inputs -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1

#include "coro_support.h"
#include <asio/awaitable.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>

namespace app {
template <class T> struct traced_task {
  struct promise_type {
    traced_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
} // namespace app

app::traced_task<int> listed_in_the_option() {
  co_await hop_thread{};
  // CHECK-MESSAGES-NOOPTION: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  (void)request_id.get();
  // CHECK-MESSAGES-NOOPTION: :[[@LINE-1]]:9: note: context is read here
}

asio::awaitable<void> asio_coroutine(asio::steady_timer &Timer) {
  co_await Timer.async_wait(asio::use_awaitable);
  (void)request_id.get();
}

namespace other {
template <class T> struct awaitable {
  struct promise_type {
    awaitable get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
} // namespace other

other::awaitable<void> same_name_other_namespace() {
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  // CHECK-MESSAGES-NOOPTION: :[[@LINE-2]]:3: warning: 'co_await' may resume this coroutine
  (void)request_id.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: note: context is read here
  // CHECK-MESSAGES-NOOPTION: :[[@LINE-2]]:9: note: context is read here
}

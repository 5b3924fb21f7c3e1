// FixSpawnAdapter and FixSpawnHeader replace the co_spawn fix's adapter and
// header (by default the catalogue's asyncctx::with_context and
// <asyncctx/asio.hpp>); the handler keeps FixAdapter.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.FixSpawnAdapter: '::app::in_context', asyncctx-callback-without-context.FixSpawnHeader: 'app/in_context.h'}}" \
// RUN:   -- -std=c++20 -I%runtime_include -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1
// RUN: %check_clang_tidy -check-suffix=HEADER %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.FixSpawnAdapter: 'app::in_context'}}" \
// RUN:   -- -std=c++20 -I%runtime_include -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1

// CHECK-FIXES: #include "app/in_context.h"
// CHECK-FIXES-NOT: #include <asyncctx/asio.hpp>
// CHECK-FIXES-HEADER: #include <asyncctx/asio.hpp>
#include <asio/co_spawn.hpp>
#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>
#include <asio/use_awaitable.hpp>
#include <asyncctx/asyncctx.hpp>

extern asyncctx::Local<int> request_id;

asio::awaitable<void> session(asio::steady_timer &Timer) {
  co_await Timer.async_wait(asio::use_awaitable);
  (void)request_id.get();
}

void spawn(asio::io_context &Io, asio::steady_timer &Timer) {
  asio::co_spawn(Io, session(Timer), [](std::exception_ptr) { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: coroutine 'session' passed to 'asio::co_spawn' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :25:9: note: context is read here
  // CHECK-MESSAGES: :[[@LINE-3]]:38: warning: lambda passed to 'asio::co_spawn' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-4]]:69: note: context is read here
  // CHECK-FIXES: asio::co_spawn(::app::in_context(Io), session(Timer), asyncctx::wrap([](std::exception_ptr) { (void)request_id.get(); }));
  // CHECK-MESSAGES-HEADER: :[[@LINE-6]]:22: warning: coroutine 'session' passed to 'asio::co_spawn'
  // CHECK-MESSAGES-HEADER: :25:9: note: context is read here
  // CHECK-MESSAGES-HEADER: :[[@LINE-8]]:38: warning: lambda passed to 'asio::co_spawn'
  // CHECK-MESSAGES-HEADER: :[[@LINE-9]]:69: note: context is read here
  // CHECK-FIXES-HEADER: asio::co_spawn(app::in_context(Io), session(Timer), asyncctx::wrap([](std::exception_ptr) { (void)request_id.get(); }));
}

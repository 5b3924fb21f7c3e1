// co_spawn: the spawned coroutine's body is analysed; the fix gives the
// executor the caller's context (a lazily started body runs outside any
// wrapped call). A callable completion handler is wrapped like any handler.
// A handler bound to an executor keeps it: the fix includes <asyncctx/asio.hpp>.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include -DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1

// CHECK-FIXES: #include <asio/use_awaitable.hpp>
// CHECK-FIXES-NEXT: #include <asyncctx/asio.hpp>
// CHECK-FIXES-NEXT: #include <asyncctx/asyncctx.hpp>
#include <asio/bind_executor.hpp>
#include <asio/co_spawn.hpp>
#include <asio/detached.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <asio/steady_timer.hpp>
#include <asio/strand.hpp>
#include <asio/use_awaitable.hpp>
#include <asyncctx/asyncctx.hpp>

extern asyncctx::Local<int> request_id;

asio::awaitable<void> session(asio::steady_timer &Timer) {
  co_await Timer.async_wait(asio::use_awaitable);
  (void)request_id.get();
}

asio::awaitable<void> quiet() { co_return; }

void spawn(asio::io_context &Io, asio::steady_timer &Timer) {
  asio::co_spawn(Io, session(Timer), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: coroutine 'session' passed to 'asio::co_spawn' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :25:9: note: context is read here
  // CHECK-FIXES: asio::co_spawn(asyncctx::with_context(Io), session(Timer), asio::detached);

  asio::co_spawn(Io.get_executor(), []() -> asio::awaitable<void> {
    (void)request_id.get();
    co_return;
  }, [](std::exception_ptr) { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-4]]:37: warning: lambda passed to 'asio::co_spawn' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: context is read here
  // CHECK-MESSAGES: :[[@LINE-3]]:6: warning: lambda passed to 'asio::co_spawn' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-4]]:37: note: context is read here
  // CHECK-FIXES: asio::co_spawn(asyncctx::with_context(Io.get_executor()), []() -> asio::awaitable<void> {
  // CHECK-FIXES: }, asyncctx::wrap([](std::exception_ptr) { (void)request_id.get(); }));

  auto Strand = asio::make_strand(Io);
  asio::post(asio::bind_executor(Strand, [] { (void)request_id.get(); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-2]]:53: note: context is read here
  // CHECK-FIXES: asio::post(asyncctx::wrap(asio::bind_executor(Strand, [] { (void)request_id.get(); })));
}

// Negative: a coroutine that reads nothing; an executor that already carries
// the context (asyncctx::context_executor, spelled here without its header).
namespace asyncctx {
template <class Executor> struct context_executor : Executor {
  using Executor::Executor;
};
} // namespace asyncctx

void fine(asio::io_context &Io, asio::steady_timer &Timer,
          asyncctx::context_executor<asio::io_context::executor_type> Ex) {
  asio::co_spawn(Io, quiet(), asio::detached);
  asio::co_spawn(Ex, session(Timer), asio::detached);
}

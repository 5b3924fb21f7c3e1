// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <asio.hpp>
#include <memory>

asyncctx::Local<int> request_id;

void log_line(const char *Message) {
  const int *Id = request_id.get();
  (void)Message;
  (void)Id;
}

void handler() { log_line("handler"); }
void quiet_handler() {}

// Free functions: the handler is the last argument.

void free_post_with_context(asio::io_context &Io) {
  asio::post(Io, [] { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: context is read here
  // CHECK-FIXES: asio::post(Io, asyncctx::wrap([] { (void)request_id.get(); }));
}

void free_post_through_helper(asio::io_context &Io) {
  asio::post(Io, [] { log_line("p"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: asio::post(Io, asyncctx::wrap([] { log_line("p"); }));
}

void free_post_named_function(asio::io_context &Io) {
  asio::post(Io, handler);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: function 'handler' passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :15:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: asio::post(Io, asyncctx::wrap(handler));
}

void free_post_to_executor(asio::io_context &Io) {
  asio::post(Io.get_executor(), [] { log_line("e"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:38: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: asio::post(Io.get_executor(), asyncctx::wrap([] { log_line("e"); }));
}

void free_dispatch(asio::io_context &Io) {
  asio::dispatch(Io, [] { log_line("d"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: lambda passed to 'asio::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:27: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: asio::dispatch(Io, asyncctx::wrap([] { log_line("d"); }));
  asio::dispatch(Io.get_executor(), handler);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: function 'handler' passed to 'asio::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :15:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: asio::dispatch(Io.get_executor(), asyncctx::wrap(handler));
}

void free_defer(asio::io_context &Io) {
  asio::defer(Io, [] { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lambda passed to 'asio::defer' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: context is read here
  // CHECK-FIXES: asio::defer(Io, asyncctx::wrap([] { (void)request_id.get(); }));
}

void free_post_without_executor() {
  // The one-argument form submits to the handler's associated (system) executor.
  asio::post([] { log_line("one"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: asio::post(asyncctx::wrap([] { log_line("one"); }));
}

// Executor members: the function object is the first argument, an allocator follows.

void io_context_executor_members(asio::io_context &Io) {
  asio::io_context::executor_type Ex = Io.get_executor();
  Ex.post([] { log_line("m"); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: lambda passed to 'asio::io_context::basic_executor_type::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: Ex.post(asyncctx::wrap([] { log_line("m"); }), std::allocator<void>());
  Ex.dispatch([] { (void)request_id.get(); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: lambda passed to 'asio::io_context::basic_executor_type::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: context is read here
  // CHECK-FIXES: Ex.dispatch(asyncctx::wrap([] { (void)request_id.get(); }), std::allocator<void>());
  Ex.defer(handler, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: function 'handler' passed to 'asio::io_context::basic_executor_type::defer' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :15:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: Ex.defer(asyncctx::wrap(handler), std::allocator<void>());
  Io.get_executor().post([] { log_line("t"); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: lambda passed to 'asio::io_context::basic_executor_type::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: Io.get_executor().post(asyncctx::wrap([] { log_line("t"); }), std::allocator<void>());
}

void thread_pool_executor_members(asio::thread_pool &Pool) {
  asio::thread_pool::executor_type Ex = Pool.get_executor();
  Ex.post([] { log_line("m"); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: lambda passed to 'asio::thread_pool::basic_executor_type::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: Ex.post(asyncctx::wrap([] { log_line("m"); }), std::allocator<void>());
  Ex.dispatch(handler, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: function 'handler' passed to 'asio::thread_pool::basic_executor_type::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :15:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: Ex.dispatch(asyncctx::wrap(handler), std::allocator<void>());
  Ex.defer([] { (void)request_id.get(); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: lambda passed to 'asio::thread_pool::basic_executor_type::defer' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: context is read here
  // CHECK-FIXES: Ex.defer(asyncctx::wrap([] { (void)request_id.get(); }), std::allocator<void>());
  asio::post(Pool, [] { log_line("pool"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: asio::post(Pool, asyncctx::wrap([] { log_line("pool"); }));
}

void strand_free_and_members(asio::io_context &Io) {
  asio::strand<asio::io_context::executor_type> S = asio::make_strand(Io);
  asio::post(S, [] { log_line("s"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: asio::post(S, asyncctx::wrap([] { log_line("s"); }));
  S.post([] { log_line("s"); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: lambda passed to 'asio::strand::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: S.post(asyncctx::wrap([] { log_line("s"); }), std::allocator<void>());
  S.dispatch(handler, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: function 'handler' passed to 'asio::strand::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :15:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: S.dispatch(asyncctx::wrap(handler), std::allocator<void>());
  S.defer([] { (void)request_id.get(); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: lambda passed to 'asio::strand::defer' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: context is read here
  // CHECK-FIXES: S.defer(asyncctx::wrap([] { (void)request_id.get(); }), std::allocator<void>());
}

// Deprecated members, still declared by Asio 1.22 unless ASIO_NO_DEPRECATED.

void legacy_io_context_strand(asio::io_context &Io) {
  asio::io_context::strand S(Io);
  S.post([] { log_line("ls"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: lambda passed to 'asio::io_context::strand::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: S.post(asyncctx::wrap([] { log_line("ls"); }));
  S.dispatch(handler);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: function 'handler' passed to 'asio::io_context::strand::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :15:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: S.dispatch(asyncctx::wrap(handler));
  asio::post(S, [] { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: context is read here
  // CHECK-FIXES: asio::post(S, asyncctx::wrap([] { (void)request_id.get(); }));
}

void legacy_io_context_members(asio::io_context &Io) {
  Io.post([] { log_line("io"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: lambda passed to 'asio::io_context::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: through this call to 'log_line'
  // CHECK-MESSAGES: :10:19: note: context is read here
  // CHECK-FIXES: Io.post(asyncctx::wrap([] { log_line("io"); }));
  Io.dispatch([] { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: lambda passed to 'asio::io_context::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: context is read here
  // CHECK-FIXES: Io.dispatch(asyncctx::wrap([] { (void)request_id.get(); }));
}

// Negative cases.

void handler_reads_nothing(asio::io_context &Io) {
  asio::post(Io, [] { int X = 1; (void)X; });
  asio::dispatch(Io, quiet_handler);
  asio::defer(Io.get_executor(), [] {});
  Io.get_executor().post(quiet_handler, std::allocator<void>());
}

void already_wrapped(asio::io_context &Io) {
  asio::post(Io, asyncctx::wrap([] { log_line("w"); }));
  asio::dispatch(Io, asyncctx::wrap(handler));
  asio::defer(Io, std::move(asyncctx::wrap(handler)));
  Io.get_executor().post(asyncctx::wrap([] { log_line("w"); }), std::allocator<void>());
}

void completion_token_is_not_a_callable(asio::io_context &Io) {
  std::future<void> F = asio::post(Io, asio::use_future);
  (void)F;
}

void read_in_capture_initializer_happens_at_the_call_site(asio::io_context &Io) {
  asio::post(Io, [Id = request_id.get()] { (void)Id; });
  Io.get_executor().post([Id = request_id.get()] { (void)Id; }, std::allocator<void>());
}

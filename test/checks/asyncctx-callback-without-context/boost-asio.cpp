// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

// Boost 1.74's awaitable.hpp (when coroutines are enabled) needs <utility> first.
#include <utility>
#include <asyncctx/asyncctx.hpp>
#include <boost/asio.hpp>
#include <memory>

asyncctx::Local<int> request_id;

void log_line(const char *Message) {
  const int *Id = request_id.get();
  (void)Message;
  (void)Id;
}

void handler() { log_line("handler"); }
void quiet_handler() {}

void free_post(boost::asio::io_context &Io) {
  boost::asio::post(Io, [] { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: lambda passed to 'boost::asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:36: note: context is read here
  // CHECK-FIXES: boost::asio::post(Io, asyncctx::wrap([] { (void)request_id.get(); }));
  boost::asio::post(Io.get_executor(), handler);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: function 'handler' passed to 'boost::asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :17:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: boost::asio::post(Io.get_executor(), asyncctx::wrap(handler));
  boost::asio::post([] { log_line("one"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: lambda passed to 'boost::asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: boost::asio::post(asyncctx::wrap([] { log_line("one"); }));
}

void free_dispatch_and_defer(boost::asio::io_context &Io) {
  boost::asio::dispatch(Io, [] { log_line("d"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: lambda passed to 'boost::asio::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: boost::asio::dispatch(Io, asyncctx::wrap([] { log_line("d"); }));
  boost::asio::defer(Io, handler);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: function 'handler' passed to 'boost::asio::defer' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :17:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: boost::asio::defer(Io, asyncctx::wrap(handler));
}

void executor_members(boost::asio::io_context &Io) {
  boost::asio::io_context::executor_type Ex = Io.get_executor();
  Ex.post([] { log_line("m"); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: lambda passed to 'boost::asio::io_context::basic_executor_type::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: Ex.post(asyncctx::wrap([] { log_line("m"); }), std::allocator<void>());
  Ex.defer(handler, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: function 'handler' passed to 'boost::asio::io_context::basic_executor_type::defer' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :17:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: Ex.defer(asyncctx::wrap(handler), std::allocator<void>());
}

void strands(boost::asio::io_context &Io) {
  auto S = boost::asio::make_strand(Io);
  boost::asio::post(S, [] { log_line("s"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: lambda passed to 'boost::asio::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: boost::asio::post(S, asyncctx::wrap([] { log_line("s"); }));
  S.dispatch([] { (void)request_id.get(); }, std::allocator<void>());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: lambda passed to 'boost::asio::strand::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:25: note: context is read here
  // CHECK-FIXES: S.dispatch(asyncctx::wrap([] { (void)request_id.get(); }), std::allocator<void>());
  boost::asio::io_context::strand LS(Io);
  LS.post([] { log_line("ls"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: lambda passed to 'boost::asio::io_context::strand::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: LS.post(asyncctx::wrap([] { log_line("ls"); }));
  LS.dispatch(handler);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: function 'handler' passed to 'boost::asio::io_context::strand::dispatch' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :17:18: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: LS.dispatch(asyncctx::wrap(handler));
  Io.post([] { log_line("io"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: lambda passed to 'boost::asio::io_context::post' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: through this call to 'log_line'
  // CHECK-MESSAGES: :12:19: note: context is read here
  // CHECK-FIXES: Io.post(asyncctx::wrap([] { log_line("io"); }));
}

// Negative cases.

void handler_reads_nothing(boost::asio::io_context &Io) {
  boost::asio::post(Io, [] { int X = 1; (void)X; });
  boost::asio::dispatch(Io, quiet_handler);
  Io.get_executor().defer(quiet_handler, std::allocator<void>());
}

void already_wrapped(boost::asio::io_context &Io) {
  boost::asio::post(Io, asyncctx::wrap([] { log_line("w"); }));
  boost::asio::defer(Io, asyncctx::wrap(handler));
  boost::asio::io_context::strand LS(Io);
  LS.post(asyncctx::wrap(handler));
}

void completion_token_is_not_a_callable(boost::asio::io_context &Io) {
  std::future<void> F = boost::asio::post(Io, boost::asio::use_future);
  (void)F;
}

void read_in_capture_initializer_happens_at_the_call_site(boost::asio::io_context &Io) {
  boost::asio::post(Io, [Id = request_id.get()] { (void)Id; });
}

// Asio handing one of its own objects to the user's code is no crossing: a
// composed operation passes itself to its implementation (`impl_(*this)`,
// asio/composed.hpp) and a binder's initiation wrapper passes the bound handler
// to the user's initiation (asio/bind_executor.hpp, init_wrapper). The user's
// implementation and initiation hand it on to a boundary, so they are inferred
// boundaries, but the object carries the handler the user gave Asio, which is
// reported where the user gave it. Reduced from Asio 1.38 reached with -I
// (docs/precision.md, "What broke, by cause", C4), shaped like Asio without it.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- \
// RUN:   -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <utility>

asyncctx::Local<int> request_id;

namespace asio {
template <class Handler> void post(Handler H);

namespace detail {
template <class Impl, class Handler> class composed_op {
public:
  composed_op(Impl I, Handler H) : impl_(std::move(I)), handler_(std::move(H)) {}
  void operator()() { impl_(*this); }
  void complete() { handler_(); }

  Impl impl_;
  Handler handler_;
};
} // namespace detail

template <class Impl, class CompletionToken>
void async_compose(Impl I, CompletionToken &&Token) {
  detail::composed_op<Impl, CompletionToken>(std::move(I),
                                             std::forward<CompletionToken>(Token))();
}

template <class Handler> class executor_binder {
public:
  explicit executor_binder(int Executor, Handler H) : handler_(std::move(H)) {
    (void)Executor;
  }
  void operator()() { handler_(); }

  Handler handler_;
};

template <class Initiation> struct init_wrapper : Initiation {
  template <class Handler> void operator()(Handler &&H, int Executor) {
    static_cast<Initiation &&>(*this)(
        executor_binder<Handler>(Executor, std::forward<Handler>(H)));
  }
};
} // namespace asio

// The user's implementation and initiation: each hands on what it gets.
struct write_messages {
  template <class Self> void operator()(Self &self) { asio::post(std::move(self)); }
};
struct initiate_read {
  template <class Handler> void operator()(Handler &&H) {
    asio::post(std::forward<Handler>(H));
  }
};

void run() {
  asio::async_compose(write_messages{}, [] { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: lambda passed to 'asio::async_compose' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-FIXES: asio::async_compose(write_messages{}, asyncctx::wrap([] { (void)request_id.get(); }));
  asio::init_wrapper<initiate_read>{}([] { (void)request_id.get(); }, 0);
}

// The same object handed to the user's code by the user's code is still a
// crossing: only Asio's own classes are its plumbing.
struct Plain {
  void operator()() { (void)request_id.get(); }
};
void user_hands_on() {
  initiate_read{}(Plain{});
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: function object of type 'Plain' passed to 'initiate_read::operator()' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
}

// C9 (asio/ssl/stream.hpp): Asio's initiation keeps the user's handler in a
// local and hands it to `async_io(..., Handler &)`. A real hand-over inside
// the library, reported where it is spelled, without a fix: a wrapper is a
// temporary, and no `Handler &` binds it.
namespace asio {
namespace ssl {
namespace detail {
template <class Handler> void async_io(int &, Handler &handler) {}
} // namespace detail

struct initiate_async_handshake {
  int Core = 0;
  template <class HandshakeHandler> void operator()(HandshakeHandler &&H) {
    struct {
      HandshakeHandler value;
    } handler2{H};
    detail::async_io(Core, handler2.value);
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: lambda 'value' passed to 'asio::ssl::detail::async_io' runs without the caller's async context; it reads 'request_id'; no fix: the result of 'asyncctx::wrap' cannot initialize parameter 'handler' of type 'Handler &' [asyncctx-callback-without-context]
  }
};
} // namespace ssl
} // namespace asio

void handshake() {
  asio::ssl::initiate_async_handshake{}([] { (void)request_id.get(); });
}

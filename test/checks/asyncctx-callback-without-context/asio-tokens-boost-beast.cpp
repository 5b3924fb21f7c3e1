// Completion conditions, connect conditions, async_initiate's extra arguments
// and Beast's decorator are not handlers, with Boost.Asio 1.74 and Beast 1.74
// as with Asio 1.22 (asio-tokens-asio122.cpp): never reported, not even in
// StrictMode. The handler the caller wrote still is.
//
// RUN: %check_clang_tidy -check-suffixes=STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- \
// RUN:   -std=c++17 -I%runtime_include
// RUN: %clangxx -std=c++17 -fsyntax-only %t.cpp

#include <asyncctx/asyncctx.hpp>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <cstddef>
#include <string>

namespace beast = boost::beast;
namespace net = boost::asio;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

asyncctx::Local<int> request_id;

void log_line() { (void)request_id.get(); }

struct AnyEndpoint {
  template <typename Endpoint>
  bool operator()(const boost::system::error_code &, const Endpoint &) const {
    return true;
  }
};

void conditions(tcp::socket &Socket, const tcp::resolver::results_type &Endpoints,
                beast::tcp_stream &Stream, char *Buffer) {
  // A condition before a token. (Boost 1.74 declares no constraint that keeps
  // `async_read(s, b, transfer_all())` or `async_connect(s, e, condition)`
  // from taking the condition as the handler: that call is not written here.)
  net::async_read(Socket, net::buffer(Buffer, 4), net::transfer_all(), net::detached);
  net::async_connect(Socket, Endpoints, AnyEndpoint{}, net::detached);
  // Before a handler: the handler is chosen.
  Stream.async_connect(Endpoints, AnyEndpoint{}, [](beast::error_code, tcp::endpoint) { log_line(); });
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:50: warning: lambda passed to 'boost::beast::basic_stream::async_connect' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:3: note: 'boost::beast::basic_stream::async_connect' passes it to 'boost::asio::async_initiate' here, which runs it asynchronously
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:89: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: Stream.async_connect(Endpoints, AnyEndpoint{}, asyncctx::wrap([](beast::error_code, tcp::endpoint) { log_line(); }));
  net::async_connect(Socket, Endpoints, AnyEndpoint{}, [](boost::system::error_code, const tcp::endpoint &) {});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:56: warning: lambda passed to 'boost::asio::async_connect' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: net::async_connect(Socket, Endpoints, AnyEndpoint{}, asyncctx::wrap([](boost::system::error_code, const tcp::endpoint &) {}));
}

// Beast's decorator is called synchronously during the handshake.
void decorator(websocket::stream<beast::tcp_stream> &Ws) {
  Ws.set_option(websocket::stream_base::decorator(
      [](websocket::request_type &Request) { Request.set(beast::http::field::user_agent, "x"); }));
  Ws.async_handshake("host", "/", [](beast::error_code) { log_line(); });
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:35: warning: lambda passed to 'boost::beast::websocket::stream::async_handshake' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:59: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: Ws.async_handshake("host", "/", asyncctx::wrap([](beast::error_code) { log_line(); }));
}

// async_initiate's extra arguments are the initiation's.
struct EmptyWork {
  void operator()() const {}
};
template <typename Token> auto start(Token &&T) {
  return net::async_initiate<Token, void()>(
      [](auto Handler, EmptyWork) { std::move(Handler)(); }, T, EmptyWork());
}
void extra_arguments() { start(net::detached); }

// Asio support for asyncctx (standalone Asio, 1.18 or later; tested with
// 1.22 and 1.38; C++14 and later). For Boost.Asio include
// <asyncctx/boost_asio.hpp> instead.
//
//   #include <asyncctx/asio.hpp>
//
//   // Everything submitted through `ex` runs in the context current here.
//   auto ex = asyncctx::with_context(pool.get_executor());
//   asio::post(ex, [] { log(*request_id.get()); });
//   asio::co_spawn(ex, session(), asio::detached);  // every resumption too
//
//   // A wrapped handler keeps its associated executor, allocator and
//   // cancellation slot: this still runs on the strand.
//   asio::post(asyncctx::wrap(asio::bind_executor(strand, handler)));
//
// Reference: docs/runtime.md.

#ifndef ASYNCCTX_ASIO_HPP
#define ASYNCCTX_ASIO_HPP

#include <asyncctx/asyncctx.hpp>

#include <asio/associated_allocator.hpp>
#include <asio/associated_executor.hpp>
#include <asio/execution.hpp>
#include <asio/execution_context.hpp>
#include <asio/is_executor.hpp>
#include <asio/prefer.hpp>
#include <asio/query.hpp>
#include <asio/require.hpp>
#include <asio/traits/execute_member.hpp>
#include <asio/version.hpp>

#include <type_traits>
#include <utility>

#if __has_include(<asio/associator.hpp>)
#include <asio/associator.hpp>
#define ASYNCCTX_ASIO_HAS_ASSOCIATOR 1
#else
#define ASYNCCTX_ASIO_HAS_ASSOCIATOR 0
#endif
#if __has_include(<asio/associated_cancellation_slot.hpp>)
#include <asio/associated_cancellation_slot.hpp>
#define ASYNCCTX_ASIO_HAS_CANCELLATION_SLOT 1
#else
#define ASYNCCTX_ASIO_HAS_CANCELLATION_SLOT 0
#endif

#if ASIO_VERSION < 102900
#define ASYNCCTX_ASIO_HAS_EXECUTE_CPO 1
#else
#define ASYNCCTX_ASIO_HAS_EXECUTE_CPO 0
#endif

#define ASYNCCTX_ASIO_NS ::asio
#define ASYNCCTX_ASIO_OPEN_NS namespace asio {
#define ASYNCCTX_ASIO_CLOSE_NS }
#define ASYNCCTX_ASIO_EXECUTOR context_executor
#define ASYNCCTX_ASIO_DETAIL asio_support
#include <asyncctx/detail/asio_impl.hpp>

#endif // ASYNCCTX_ASIO_HPP

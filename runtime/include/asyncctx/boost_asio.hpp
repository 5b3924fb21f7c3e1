// Boost.Asio support for asyncctx (Boost 1.74 or later; C++14 and later): the
// same API as <asyncctx/asio.hpp>, for executors and handlers of boost::asio.
// The adapter is asyncctx::boost_context_executor<Executor>; with_context and
// the forwarding of associated characteristics of Wrapped<F> work as with
// standalone Asio. Standalone Asio and Boost.Asio cannot share a translation
// unit, so include only one of the two headers in each.
//
// Reference: docs/runtime.md.

#ifndef ASYNCCTX_BOOST_ASIO_HPP
#define ASYNCCTX_BOOST_ASIO_HPP

#include <asyncctx/asyncctx.hpp>

#include <boost/asio/associated_allocator.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/execution.hpp>
#include <boost/asio/execution_context.hpp>
#include <boost/asio/is_executor.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/query.hpp>
#include <boost/asio/require.hpp>
#include <boost/asio/traits/execute_member.hpp>
#include <boost/asio/version.hpp>

#include <type_traits>
#include <utility>

#if __has_include(<boost/asio/associator.hpp>)
#include <boost/asio/associator.hpp>
#define ASYNCCTX_ASIO_HAS_ASSOCIATOR 1
#else
#define ASYNCCTX_ASIO_HAS_ASSOCIATOR 0
#endif
#if __has_include(<boost/asio/associated_cancellation_slot.hpp>)
#include <boost/asio/associated_cancellation_slot.hpp>
#define ASYNCCTX_ASIO_HAS_CANCELLATION_SLOT 1
#else
#define ASYNCCTX_ASIO_HAS_CANCELLATION_SLOT 0
#endif

// Boost 1.84 (Asio 1.29) removed execution::execute.
#if BOOST_ASIO_VERSION < 102900
#define ASYNCCTX_ASIO_HAS_EXECUTE_CPO 1
#else
#define ASYNCCTX_ASIO_HAS_EXECUTE_CPO 0
#endif

#define ASYNCCTX_ASIO_NS ::boost::asio
#define ASYNCCTX_ASIO_OPEN_NS                                                  \
  namespace boost {                                                            \
  namespace asio {
#define ASYNCCTX_ASIO_CLOSE_NS                                                 \
  }                                                                            \
  }
#define ASYNCCTX_ASIO_EXECUTOR boost_context_executor
#define ASYNCCTX_ASIO_DETAIL boost_asio_support
#include <asyncctx/detail/asio_impl.hpp>

#endif // ASYNCCTX_BOOST_ASIO_HPP

// <asyncctx/asio.hpp> and <asyncctx/boost_asio.hpp> as a C++14 code base uses
// them: with_context executors (post, dispatch, execute, a polymorphic
// executor, a timer's handler) and wrapped handlers that keep their associated
// executor. Written in C++14 only, so that the C++14 and C++17 suites run it,
// against whichever Asio the suite is built with (docs/runtime.md, "Language
// standard" and "Asio versions"). ASYNCCTX_TEST_BOOST_ASIO=1 builds it for
// Boost.Asio.
#include <utility> // Boost 1.74's headers use std::exchange unincluded

#if ASYNCCTX_TEST_BOOST_ASIO
#include <asyncctx/boost_asio.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/version.hpp>
namespace net = boost::asio;
template <class Executor>
using ContextExecutor = asyncctx::boost_context_executor<Executor>;
using ErrorCode = boost::system::error_code;
constexpr int kAsioVersion = BOOST_ASIO_VERSION;
#else
#include <asyncctx/asio.hpp>

#include <asio/any_io_executor.hpp>
#include <asio/bind_executor.hpp>
#include <asio/dispatch.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <asio/steady_timer.hpp>
#include <asio/strand.hpp>
#include <asio/thread_pool.hpp>
#include <asio/version.hpp>
namespace net = asio;
template <class Executor>
using ContextExecutor = asyncctx::context_executor<Executor>;
using ErrorCode = std::error_code;
constexpr int kAsioVersion = ASIO_VERSION;
#endif

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

using asyncctx::capture;
using asyncctx::Local;
using asyncctx::with_context;

Local<int> id;

int id_or(int fallback) {
  const int *p = id.get();
  return p != nullptr ? *p : fallback;
}

using PoolExecutor = net::thread_pool::executor_type;
using ContextPoolExecutor = ContextExecutor<PoolExecutor>;

static_assert(net::execution::is_executor<ContextPoolExecutor>::value,
              "the adapter is a standard executor");
static_assert(net::is_executor<ContextPoolExecutor>::value,
              "and a Networking TS one when the inner executor is");
static_assert(
    std::is_constructible<net::any_io_executor, ContextPoolExecutor>::value,
    "a polymorphic executor holds the adapter");

class PortableAsioTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(capture().empty());
    // Which Asio this suite runs against, in the test log.
    RecordProperty("asio_version", kAsioVersion);
  }
  void TearDown() override { EXPECT_TRUE(capture().empty()); }
};

TEST_F(PortableAsioTest, PostDispatchAndExecuteRunInTheCapturedContext) {
  constexpr int kJobs = 64;
  std::atomic<int> right{0}, wrong{0};
  {
    net::thread_pool pool(4);
    for (int i = 0; i < kJobs; ++i)
      id.run(i, [&, i] {
        auto ex = with_context(pool);
        auto check = [&, i] { ++(id_or(-1) == i ? right : wrong); };
        switch (i % 3) {
        case 0:
          net::post(ex, check);
          break;
        case 1:
          net::dispatch(ex, check);
          break;
        default:
          ex.execute(check);
          break;
        }
      });
    // Between jobs the pool's threads are back in the empty context.
    net::post(pool, [&] { ++(capture().empty() ? right : wrong); });
    pool.join();
  }
  EXPECT_EQ(right, kJobs + 1);
  EXPECT_EQ(wrong, 0);
}

TEST_F(PortableAsioTest, ExecutorForwardsQueriesAndRequirements) {
  net::thread_pool pool(1);
  id.run(1, [&] {
    // Given explicitly: with bridges registered (portable_test.cpp), two
    // captures are never the same snapshot.
    const asyncctx::Snapshot here = capture();
    const ContextPoolExecutor ex = with_context(pool.get_executor(), here);
    EXPECT_TRUE(ex.snapshot() == here);
    EXPECT_EQ(&net::query(ex, net::execution::context), &pool);
    auto never = net::require(ex, net::execution::blocking.never);
    EXPECT_TRUE(net::query(never, net::execution::blocking) ==
                net::execution::blocking.never);
    EXPECT_TRUE(never.snapshot() == ex.snapshot());
    id.run(2, [&] {
      auto rebound = with_context(ex);
      static_assert(std::is_same<decltype(rebound), ContextPoolExecutor>::value,
                    "rebinding replaces the context");
      EXPECT_FALSE(rebound == ex);
    });
  });
  pool.join();
}

TEST_F(PortableAsioTest, PolymorphicExecutorKeepsTheContext) {
  net::io_context io;
  int seen = -1;
  id.run(7, [&] {
    net::any_io_executor ex = with_context(io.get_executor());
    net::post(ex, [&] { seen = id_or(-1); });
  });
  io.run();
  EXPECT_EQ(seen, 7);
}

TEST_F(PortableAsioTest, TimerHandlerRunsInTheContextOfItsWait) {
  net::io_context io;
  net::steady_timer timer(io, std::chrono::milliseconds(1));
  int seen = -1;
  id.run(3, [&] {
    timer.async_wait(
        asyncctx::wrap([&](const ErrorCode &) { seen = id_or(-1); }));
  });
  io.run();
  EXPECT_EQ(seen, 3);
}

TEST_F(PortableAsioTest, WrappedHandlerStaysOnItsStrand) {
  constexpr int kThreads = 4, kPosts = 100;
  int counter = 0; // only the strand touches it
  std::atomic<int> off_strand{0}, wrong_context{0};
  {
    net::thread_pool pool(4);
    auto strand = net::make_strand(pool);
    auto nothing = [] {};
    using Bound = decltype(net::bind_executor(strand, nothing));
    static_assert(
        std::is_same<net::associated_executor_t<asyncctx::Wrapped<Bound>>,
                     decltype(strand)>::value,
        "a wrapped handler keeps its associated executor");
    std::vector<std::thread> requests;
    for (int t = 0; t < kThreads; ++t)
      requests.emplace_back([&, t] {
        id.run(t, [&] {
          for (int i = 0; i < kPosts; ++i)
            net::post(asyncctx::wrap(net::bind_executor(strand, [&, t] {
              ++counter;
              if (!strand.running_in_this_thread())
                ++off_strand;
              if (id_or(-1) != t)
                ++wrong_context;
            })));
        });
      });
    for (std::thread &r : requests)
      r.join();
    pool.join();
  }
  EXPECT_EQ(counter, kThreads * kPosts);
  EXPECT_EQ(off_strand, 0);
  EXPECT_EQ(wrong_context, 0);
}

} // namespace

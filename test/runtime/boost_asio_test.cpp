// <asyncctx/boost_asio.hpp> with Boost.Asio (1.74 here: no associator and no
// cancellation slots yet, so the header specialises associated_executor and
// associated_allocator directly). Its own executable: standalone Asio and
// Boost.Asio do not mix in one program.
#include <utility> // Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include "test_support.hpp"

#include <asyncctx/boost_asio.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

namespace net = boost::asio;
using asyncctx::capture;
using asyncctx::Local;
using asyncctx::with_context;
using asyncctx_test::context_is_empty;
using asyncctx_test::value_of;
using namespace std::chrono_literals;

Local<int> id;

using PoolExecutor = net::thread_pool::executor_type;
using ContextPoolExecutor = asyncctx::boost_context_executor<PoolExecutor>;

static_assert(net::execution::is_executor<ContextPoolExecutor>::value);
static_assert(net::is_executor<ContextPoolExecutor>::value);
static_assert(!net::is_executor<
              asyncctx::boost_context_executor<net::any_io_executor>>::value);
static_assert(
    std::is_constructible_v<net::any_io_executor, ContextPoolExecutor>);

using asyncctx_test::Checker;

using BoostAsioTest = asyncctx_test::RuntimeTest;

TEST_F(BoostAsioTest, PostOnAPoolRunsInTheCapturedContext) {
  constexpr int kJobs = 400;
  Checker c;
  Checker probes;
  {
    net::thread_pool pool(4);
    for (int i = 0; i < kJobs; ++i) {
      id.run(i, [&] {
        auto ex = with_context(pool.get_executor());
        EXPECT_EQ(ex.snapshot(), capture());
        net::post(ex, [&c, i] { c.expect(value_of(id) == i); });
      });
      net::post(pool, [&] { probes.expect(context_is_empty()); });
    }
    pool.join();
  }
  EXPECT_EQ(c.checks, kJobs);
  EXPECT_EQ(c.failures, 0);
  EXPECT_EQ(probes.checks, kJobs);
  EXPECT_EQ(probes.failures, 0);
}

net::awaitable<void> session(int expected, net::thread_pool &pool, Checker &c) {
  c.expect(value_of(id) == expected);
  for (int i = 0; i < 4; ++i) {
    net::steady_timer timer(co_await net::this_coro::executor, 1ms);
    co_await timer.async_wait(net::use_awaitable);
    c.expect(value_of(id) == expected &&
             pool.get_executor().running_in_this_thread());
  }
}

TEST_F(BoostAsioTest, CoSpawnedAwaitableSeesTheContextAfterEveryAwait) {
  constexpr int kSessions = 16;
  Checker c;
  Checker probes;
  {
    net::thread_pool pool(4);
    for (int s = 0; s < kSessions; ++s) {
      id.run(s, [&] {
        net::co_spawn(with_context(pool.get_executor()), session(s, pool, c),
                      net::detached);
      });
    }
    for (int i = 0; i < 200; ++i)
      net::post(pool, [&] { probes.expect(context_is_empty()); });
    pool.join();
  }
  EXPECT_EQ(c.checks, kSessions * 5);
  EXPECT_EQ(c.failures, 0);
  EXPECT_EQ(probes.failures, 0);
}

TEST_F(BoostAsioTest, WrappedHandlerBoundToAStrandStillSerialisesOnIt) {
  int counter = 0; // not atomic: the strand must serialise
  std::atomic<int> failures{0};
  {
    net::thread_pool pool(4);
    auto strand = net::make_strand(pool);
    std::vector<std::thread> producers;
    for (int t = 0; t < 4; ++t) {
      producers.emplace_back([&, t] {
        id.run(t, [&] {
          for (int i = 0; i < 500; ++i)
            net::post(asyncctx::wrap(net::bind_executor(strand, [&, t] {
              if (!strand.running_in_this_thread() || value_of(id) != t)
                ++failures;
              ++counter;
            })));
        });
      });
    }
    for (auto &p : producers)
      p.join();
    pool.join();
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(counter, 4 * 500);
}

template <class T> struct TaggedAllocator {
  using value_type = T;
  int tag = 0;
  TaggedAllocator() = default;
  explicit TaggedAllocator(int t) : tag(t) {}
  template <class U>
  TaggedAllocator(const TaggedAllocator<U> &o) noexcept : tag(o.tag) {}
  T *allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T *p, std::size_t n) { std::allocator<T>().deallocate(p, n); }
  template <class U> bool operator==(const TaggedAllocator<U> &o) const {
    return tag == o.tag;
  }
};

// A handler with its own allocator (Boost 1.74 has no bind_allocator).
struct HandlerWithAllocator {
  using allocator_type = TaggedAllocator<void>;
  allocator_type get_allocator() const noexcept { return allocator_type(7); }
  void operator()() const {}
};

TEST_F(BoostAsioTest, AssociatedExecutorAndAllocatorAreForwarded) {
  net::thread_pool pool(1);
  auto strand = net::make_strand(pool);
  auto bound = asyncctx::wrap(net::bind_executor(strand, [] {}));
  static_assert(std::is_same_v<net::associated_executor_t<decltype(bound)>,
                               decltype(strand)>);
  EXPECT_TRUE(net::get_associated_executor(bound) == strand);

  auto with_alloc = asyncctx::wrap(HandlerWithAllocator{});
  static_assert(
      std::is_same_v<net::associated_allocator_t<decltype(with_alloc)>,
                     TaggedAllocator<void>>);
  EXPECT_EQ(net::get_associated_allocator(with_alloc).tag, 7);

  auto plain = asyncctx::wrap([] {});
  static_assert(std::is_same_v<net::associated_executor_t<decltype(plain)>,
                               net::system_executor>);
  static_assert(std::is_same_v<net::associated_allocator_t<decltype(plain)>,
                               std::allocator<void>>);
  pool.join();
}

} // namespace

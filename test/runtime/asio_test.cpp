// <asyncctx/asio.hpp> with standalone Asio: with_context executors (post,
// dispatch, co_spawn'ed awaitables resumed by timers on a thread pool) and
// forwarding of associated characteristics through asyncctx::Wrapped.
#include "test_support.hpp"

#include <asyncctx/asio.hpp>

#include <asio/any_io_executor.hpp>
#include <asio/bind_allocator.hpp>
#include <asio/bind_cancellation_slot.hpp>
#include <asio/bind_executor.hpp>
#include <asio/cancellation_signal.hpp>
#include <asio/co_spawn.hpp>
#include <asio/defer.hpp>
#include <asio/detached.hpp>
#include <asio/dispatch.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>
#include <asio/steady_timer.hpp>
#include <asio/strand.hpp>
#include <asio/system_executor.hpp>
#include <asio/this_coro.hpp>
#include <asio/thread_pool.hpp>
#include <asio/use_awaitable.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

using asyncctx::capture;
using asyncctx::Local;
using asyncctx::Snapshot;
using asyncctx::with_context;
using asyncctx_test::context_is_empty;
using asyncctx_test::value_of;
using namespace std::chrono_literals;

Local<int> id;

using PoolExecutor = asio::thread_pool::executor_type;
using ContextPoolExecutor = asyncctx::context_executor<PoolExecutor>;

// --- the executor adapter satisfies Asio's executor requirements -----------

static_assert(asio::execution::is_executor<ContextPoolExecutor>::value);
static_assert(asio::is_executor<ContextPoolExecutor>::value,
              "Networking TS members are forwarded when the inner has them");
static_assert(std::is_nothrow_copy_constructible_v<ContextPoolExecutor>);
static_assert(asio::execution::is_executor<
              asyncctx::context_executor<asio::any_io_executor>>::value);
static_assert(!asio::is_executor<
                  asyncctx::context_executor<asio::any_io_executor>>::value,
              "...and absent when it does not");
static_assert(
    std::is_constructible_v<asio::any_io_executor, ContextPoolExecutor>);
static_assert(
    std::is_same_v<
        decltype(asio::require(std::declval<ContextPoolExecutor>(),
                               asio::execution::blocking.never)),
        asyncctx::context_executor<decltype(asio::require(
            std::declval<PoolExecutor>(), asio::execution::blocking.never))>>,
    "require keeps the adapter around the required inner executor");

using asyncctx_test::Checker;

using AsioTest = asyncctx_test::RuntimeTest;

TEST_F(AsioTest, ExecutorForwardsQueriesRequirementsAndCompares) {
  asio::thread_pool pool(1);
  const PoolExecutor inner = pool.get_executor();
  id.run(1, [&] {
    const ContextPoolExecutor ex = with_context(inner);
    EXPECT_EQ(ex.get_inner_executor(), inner);
    EXPECT_EQ(ex.snapshot(), capture());
    EXPECT_EQ(&asio::query(ex, asio::execution::context), &pool);
    EXPECT_EQ(&ex.context(), &pool);

    auto never = asio::require(ex, asio::execution::blocking.never);
    EXPECT_EQ(asio::query(never, asio::execution::blocking),
              asio::execution::blocking.never);
    EXPECT_EQ(never.snapshot(), ex.snapshot());
    auto tracked = asio::prefer(ex, asio::execution::outstanding_work.tracked);
    EXPECT_EQ(asio::query(tracked, asio::execution::outstanding_work),
              asio::execution::outstanding_work.tracked);
    EXPECT_EQ(tracked.snapshot(), ex.snapshot());

    EXPECT_TRUE(ex == with_context(inner, ex.snapshot()));
    EXPECT_FALSE(ex == with_context(inner, Snapshot{}));
    id.run(2, [&] {
      // Rebinding replaces the context rather than stacking adapters.
      auto rebound = with_context(ex);
      static_assert(std::is_same_v<decltype(rebound), ContextPoolExecutor>);
      EXPECT_EQ(rebound.snapshot(), capture());
      EXPECT_TRUE(rebound != ex);
    });
    static_assert(
        std::is_same_v<decltype(with_context(pool)), ContextPoolExecutor>);
  });
  pool.join();
}

TEST_F(AsioTest, PostDispatchDeferOnAPoolRunInTheCapturedContext) {
  constexpr int kJobs = 200;
  Checker c;
  Checker probes;
  {
    asio::thread_pool pool(4);
    auto probe = [&] { probes.expect(context_is_empty()); };
    std::vector<std::thread> producers;
    for (int t = 0; t < 4; ++t) {
      producers.emplace_back([&, t] {
        for (int i = 0; i < kJobs; ++i) {
          const int mine = t * kJobs + i;
          id.run(mine, [&] {
            auto ex = with_context(pool.get_executor());
            auto check = [&c, mine] { c.expect(value_of(id) == mine); };
            switch (i % 4) {
            case 0:
              asio::post(ex, check);
              break;
            case 1:
              asio::dispatch(ex, check); // may run inline: nested is fine
              break;
            case 2:
              asio::defer(ex, check);
              break;
            default:
              ex.post(check, std::allocator<void>()); // Networking TS
              break;
            }
          });
          // The pool's threads between jobs: nothing left behind.
          asio::post(pool, probe);
        }
      });
    }
    for (auto &p : producers)
      p.join();
    pool.join();
  }
  EXPECT_EQ(c.checks, 4 * kJobs);
  EXPECT_EQ(c.failures, 0);
  EXPECT_EQ(probes.checks, 4 * kJobs);
  EXPECT_EQ(probes.failures, 0) << "a pool thread kept a context between jobs";
}

asio::awaitable<int> nested_wait(int expected, Checker &c) {
  asio::steady_timer timer(co_await asio::this_coro::executor, 1ms);
  co_await timer.async_wait(asio::use_awaitable);
  c.expect(value_of(id) == expected);
  co_return expected;
}

asio::awaitable<void> session(int expected, asio::thread_pool &pool,
                              Checker &c) {
  c.expect(value_of(id) == expected &&
           pool.get_executor().running_in_this_thread());
  for (int i = 0; i < 4; ++i) {
    // A timer on the coroutine's own executor (the with_context one)...
    asio::steady_timer own(co_await asio::this_coro::executor, 1ms);
    co_await own.async_wait(asio::use_awaitable);
    c.expect(value_of(id) == expected &&
             pool.get_executor().running_in_this_thread());
    // ...and one on the bare pool executor: the completion still resumes the
    // coroutine through its executor.
    asio::steady_timer bare(pool.get_executor(), 1ms);
    co_await bare.async_wait(asio::use_awaitable);
    c.expect(value_of(id) == expected &&
             pool.get_executor().running_in_this_thread());
    const int v = co_await nested_wait(expected, c);
    c.expect(v == expected && value_of(id) == expected);
  }
}

TEST_F(AsioTest, CoSpawnedAwaitableSeesTheContextAfterEveryAwait) {
  constexpr int kSessions = 16;
  Checker c;
  Checker done;
  Checker probes;
  {
    asio::thread_pool pool(4);
    for (int s = 0; s < kSessions; ++s) {
      id.run(s, [&] {
        asio::co_spawn(with_context(pool.get_executor()), session(s, pool, c),
                       [&done, s](std::exception_ptr e) {
                         // The completion handler runs through the
                         // coroutine's executor, in the same context.
                         done.expect(!e && value_of(id) == s);
                       });
      });
      EXPECT_TRUE(context_is_empty());
    }
    // Probes interleaved with the sessions' resumptions.
    for (int i = 0; i < 200; ++i)
      asio::post(pool, [&] { probes.expect(context_is_empty()); });
    pool.join();
  }
  EXPECT_EQ(c.failures, 0) << "a resumption did not see its own context";
  // Per session: 1 at the start; per round: own, bare, nested, after nested.
  EXPECT_EQ(c.checks, kSessions * (1 + 4 * 4));
  EXPECT_EQ(done.checks, kSessions);
  EXPECT_EQ(done.failures, 0);
  EXPECT_EQ(probes.failures, 0);
}

// --- Wrapped<F> forwards associated characteristics -------------------------

TEST_F(AsioTest, WrappedHandlerBoundToAStrandStillSerialisesOnIt) {
  constexpr int kThreads = 4;
  constexpr int kPosts = 500;
  int counter = 0; // deliberately not atomic: the strand must serialise
  std::atomic<int> off_strand{0};
  std::atomic<int> wrong_context{0};
  {
    asio::thread_pool pool(4);
    auto strand = asio::make_strand(pool);
    std::vector<std::thread> producers;
    for (int t = 0; t < kThreads; ++t) {
      producers.emplace_back([&, t] {
        id.run(t, [&] {
          for (int i = 0; i < kPosts; ++i) {
            auto handler = [&, t] {
              if (!strand.running_in_this_thread())
                ++off_strand;
              if (value_of(id) != t)
                ++wrong_context;
              ++counter;
            };
            auto wrapped = asyncctx::wrap(asio::bind_executor(strand, handler));
            EXPECT_TRUE(asio::get_associated_executor(wrapped) == strand);
            // No executor given: Asio uses the handler's associated one.
            if (i % 2 == 0)
              asio::post(std::move(wrapped));
            else
              asio::dispatch(std::move(wrapped));
          }
        });
      });
    }
    for (auto &p : producers)
      p.join();
    pool.join();
  }
  EXPECT_EQ(off_strand, 0) << "the wrapper lost the associated executor";
  EXPECT_EQ(wrong_context, 0);
  EXPECT_EQ(counter, kThreads * kPosts);
}

TEST_F(AsioTest, ExecutorOfAnUnboundHandlerIsTheDefault) {
  auto plain = asyncctx::wrap([] {});
  using Plain = decltype(plain);
  using IoExecutor = asio::io_context::executor_type;
  static_assert(std::is_same_v<asio::associated_executor_t<Plain, IoExecutor>,
                               IoExecutor>);
  // Asio's own default: system_executor up to Asio 1.36, inline_executor
  // from 1.38.
  using Default = asio::associated_executor_t<
      std::remove_reference_t<decltype(plain.inner())>>;
  static_assert(std::is_same_v<asio::associated_executor_t<Plain>, Default>);
#if ASIO_VERSION < 103700
  static_assert(std::is_same_v<Default, asio::system_executor>);
#endif
  asio::io_context io;
  EXPECT_TRUE(asio::get_associated_executor(plain, io.get_executor()) ==
              io.get_executor());
}

// A stateful allocator, to tell instances apart.
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

TEST_F(AsioTest, AllocatorAndCancellationSlotAreForwarded) {
  auto with_alloc = asyncctx::wrap(
      asio::bind_allocator(TaggedAllocator<int>(42), [](std::error_code) {}));
  static_assert(
      std::is_same_v<asio::associated_allocator_t<decltype(with_alloc)>,
                     TaggedAllocator<int>>);
  EXPECT_EQ(asio::get_associated_allocator(with_alloc).tag, 42);

  asio::cancellation_signal signal;
  auto with_slot = asyncctx::wrap(
      asio::bind_cancellation_slot(signal.slot(), [](std::error_code) {}));
  static_assert(
      std::is_same_v<asio::associated_cancellation_slot_t<decltype(with_slot)>,
                     asio::cancellation_slot>);
  EXPECT_TRUE(asio::get_associated_cancellation_slot(with_slot) ==
              signal.slot());

  // Unbound handlers keep Asio's defaults.
  auto plain = asyncctx::wrap([](std::error_code) {});
  static_assert(std::is_same_v<asio::associated_allocator_t<decltype(plain)>,
                               std::allocator<void>>);
  EXPECT_FALSE(asio::get_associated_cancellation_slot(plain).is_connected());
}

TEST_F(AsioTest, CancellingThroughTheWrappedSlotCancelsTheOperation) {
  asio::io_context io;
  asio::steady_timer timer(io, std::chrono::hours(1));
  asio::cancellation_signal signal;
  std::optional<std::error_code> result;
  std::optional<int> seen;
  id.run(9, [&] {
    timer.async_wait(asyncctx::wrap(
        asio::bind_cancellation_slot(signal.slot(), [&](std::error_code ec) {
          result = ec;
          seen = value_of(id);
        })));
  });
  signal.emit(asio::cancellation_type::all);
  // Without forwarding the timer would not be cancelled: give up after a
  // while instead of hanging for an hour.
  io.run_for(std::chrono::seconds(5));
  ASSERT_TRUE(result.has_value()) << "the operation was not cancelled";
  EXPECT_EQ(*result, asio::error::operation_aborted);
  EXPECT_EQ(seen, 9);
}

TEST_F(AsioTest, WithContextAroundAStrand) {
  int counter = 0;
  std::atomic<int> failures{0};
  {
    asio::thread_pool pool(4);
    auto strand = asio::make_strand(pool);
    std::vector<std::thread> producers;
    for (int t = 0; t < 4; ++t) {
      producers.emplace_back([&, t] {
        id.run(t, [&] {
          auto ex = with_context(strand);
          for (int i = 0; i < 200; ++i)
            asio::post(ex, [&, t] {
              if (!strand.running_in_this_thread() || value_of(id) != t)
                ++failures;
              ++counter;
            });
        });
      });
    }
    for (auto &p : producers)
      p.join();
    pool.join();
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(counter, 4 * 200);
}

} // namespace

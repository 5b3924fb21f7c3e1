// asyncctx::task<T>, sync_wait and context_promise_base: the body of a task
// runs in the context the task was created in, on every resumption and on
// every thread, and a thread is left with exactly the context it had whenever
// a task suspends or finishes on it.
#include "test_support.hpp"

#include <asyncctx/task.hpp>

#include <atomic>
#include <condition_variable>
#include <coroutine>
#include <deque>
#include <exception>
#include <functional>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using asyncctx::capture;
using asyncctx::Local;
using asyncctx::Snapshot;
using asyncctx::sync_wait;
using asyncctx::task;
using asyncctx_test::context_is_empty;
using asyncctx_test::Counted;
using asyncctx_test::Counters;
using asyncctx_test::value_of;

Local<int> id;
Local<std::string> tag;
Local<int> worker; // the ambient context of a pool thread while it runs a job
Local<Counted> payload;

using TaskTest = asyncctx_test::RuntimeTest;

// A fixed pool of threads. Each job runs inside the thread's own ambient
// context (worker = thread index), so a task body that sees `worker` or a
// thread that is not back in exactly its ambient context after a job is a
// failure; between jobs every thread must be in the empty context.
class Pool {
public:
  explicit Pool(int threads) {
    for (int i = 0; i < threads; ++i)
      threads_.emplace_back([this, i] { loop(i); });
  }
  Pool(const Pool &) = delete;
  Pool &operator=(const Pool &) = delete;
  ~Pool() { shutdown(); }

  void post(std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }

  // Drains the queue and joins the threads.
  void shutdown() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto &t : threads_)
      if (t.joinable())
        t.join();
  }

  // Resumes the awaiting coroutine on a pool thread. When it suspends on a
  // pool thread, that thread must already be back in exactly its ambient
  // context (the coroutine's context gone before anyone else can resume it).
  auto schedule() {
    struct awaiter {
      Pool *pool;
      bool await_ready() const noexcept { return false; }
      void await_suspend(std::coroutine_handle<> h) const {
        if (ambient_ != nullptr && capture() != *ambient_)
          ++pool->leaked_at_suspend;
        pool->post([h] { h.resume(); });
      }
      void await_resume() const noexcept {}
    };
    return awaiter{this};
  }

  std::atomic<int> jobs_run{0};
  std::atomic<int> dirty_between_jobs{0};
  std::atomic<int> ambient_not_restored{0};
  std::atomic<int> leaked_at_suspend{0};

private:
  void loop(int index) {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty())
          return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      if (!context_is_empty())
        ++dirty_between_jobs;
      worker.run(index, [&] {
        const Snapshot ambient = capture();
        ambient_ = &ambient;
        job();
        ambient_ = nullptr;
        if (capture() != ambient)
          ++ambient_not_restored;
      });
      job = nullptr; // destroys whatever the job held, in the empty context
      if (!context_is_empty())
        ++dirty_between_jobs;
      ++jobs_run;
    }
  }

  // This thread's context while it runs a job; null off the pool.
  static inline thread_local const Snapshot *ambient_ = nullptr;

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// Runs a task to completion without blocking: a plain coroutine type (not
// context-aware) that awaits it and then counts down.
struct detached {
  struct promise_type {
    detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};

detached launch(task<void> t, std::latch &done) {
  co_await std::move(t);
  done.count_down();
}

using asyncctx_test::Checker;

// The id in the current context, -1 when unset (a failure, not a crash).
int current_id() { return value_of(id).value_or(-1); }

bool sees(int expected) {
  return value_of(id) == expected && worker.get() == nullptr;
}

task<int> leaf(int expected, Pool &pool, Checker &c) {
  c.expect(sees(expected));
  co_await pool.schedule();
  c.expect(sees(expected) && tag.get() == nullptr);
  co_await pool.schedule();
  c.expect(sees(expected));
  co_return expected * 10;
}

task<std::string> tagged_leaf(int expected, Pool &pool, Checker &c) {
  co_await pool.schedule();
  c.expect(sees(expected) && value_of(tag) == "inner");
  co_return value_of(tag).value_or("unset");
}

task<void> request(int expected, Pool &pool, Checker &c) {
  c.expect(sees(expected));
  for (int hop = 0; hop < 6; ++hop) {
    co_await pool.schedule();
    c.expect(sees(expected));
    const int v = co_await leaf(expected, pool, c); // created in our context
    c.expect(v == expected * 10 && sees(expected));
    // A child created inside a synchronous run() keeps the derived context;
    // the parent is back in its own after the run and after the await.
    const std::string t = co_await tag.run(
        "inner", [&] { return tagged_leaf(expected, pool, c); });
    c.expect(t == "inner" && sees(expected) && tag.get() == nullptr);
  }
}

TEST_F(TaskTest, ManyConcurrentTasksEachSeeOnlyTheirOwnContext) {
  constexpr int kTasks = 64;
  Checker c;
  {
    Pool pool(4);
    std::latch done(kTasks);
    for (int i = 0; i < kTasks; ++i) {
      launch(id.run(i, [&] { return request(i, pool, c); }), done);
      // The task ran up to its first hop on this thread and left nothing.
      EXPECT_TRUE(context_is_empty());
    }
    done.wait();
    pool.shutdown();
    EXPECT_EQ(pool.dirty_between_jobs, 0)
        << "a pool thread kept a task's context between jobs";
    EXPECT_EQ(pool.ambient_not_restored, 0)
        << "a pool thread was not back in its own context after a job";
    EXPECT_EQ(pool.leaked_at_suspend, 0)
        << "the task's context was still installed when it suspended";
    EXPECT_EQ(pool.jobs_run, kTasks * 6 * 4);
  }
  EXPECT_EQ(c.failures, 0) << "a resumption saw another context";
  // Per task: 1 at the start; per hop: 1, 3 in leaf, 1, 1 in tagged_leaf, 1.
  EXPECT_EQ(c.checks, kTasks * (1 + 6 * 7));
}

task<int> read_id() { co_return value_of(id).value_or(-1); }

TEST_F(TaskTest, CapturesTheContextWhenCreatedNotWhenStarted) {
  task<int> t = id.run(1, [] { return read_id(); });
  EXPECT_TRUE(t.valid());
  EXPECT_FALSE(t.context().empty());
  id.run(2, [&] {
    EXPECT_EQ(sync_wait(std::move(t)), 1);
    EXPECT_EQ(value_of(id), 2);
  });
  EXPECT_EQ(sync_wait(read_id()), -1) << "created in the empty context";
}

// An event a coroutine can wait for, resumed by whoever calls set().
struct Event {
  std::coroutine_handle<> waiter;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept { waiter = h; }
  void await_resume() const noexcept {}
  void set() { std::exchange(waiter, {}).resume(); }
};

task<void> wait_twice(Event &e, std::vector<std::optional<int>> &seen) {
  seen.push_back(value_of(id));
  co_await e;
  seen.push_back(value_of(id));
  co_await e;
  seen.push_back(value_of(id));
}

TEST_F(TaskTest, LeavesTheResumerInExactlyItsOwnContext) {
  Event e;
  std::vector<std::optional<int>> seen;
  std::latch done(1);
  tag.run("starter", [&] {
    const Snapshot before = capture();
    launch(id.run(7, [&] { return wait_twice(e, seen); }), done);
    EXPECT_EQ(capture(), before) << "first suspension";
  });
  // Resumed from two unrelated contexts: the body sees its own each time, the
  // resumer gets back the very same context object.
  id.run(100, [&] {
    const Snapshot before = capture();
    e.set();
    EXPECT_EQ(capture(), before);
    EXPECT_EQ(value_of(id), 100);
  });
  Snapshot{}.run([&] {
    e.set();
    EXPECT_TRUE(context_is_empty());
  });
  done.wait();
  EXPECT_EQ(seen, (std::vector<std::optional<int>>{7, 7, 7}));
}

task<int> throws_after_hop(Pool &pool) {
  co_await pool.schedule();
  throw std::runtime_error("boom " + std::to_string(current_id()));
}

task<std::string> catches(Pool &pool) {
  try {
    co_await throws_after_hop(pool);
  } catch (const std::runtime_error &e) {
    co_return std::string(e.what()) + " caught in " +
        std::to_string(current_id());
  }
  co_return "not thrown";
}

TEST_F(TaskTest, ExceptionsPropagateToTheAwaiterInItsContext) {
  Pool pool(2);
  EXPECT_EQ(id.run(3, [&] { return sync_wait(catches(pool)); }),
            "boom 3 caught in 3");

  task<int> t = id.run(4, [&] { return throws_after_hop(pool); });
  tag.run("caller", [&] {
    EXPECT_THROW(sync_wait(std::move(t)), std::runtime_error);
    EXPECT_EQ(value_of(tag), "caller");
    EXPECT_EQ(id.get(), nullptr);
  });
  pool.shutdown();
  EXPECT_EQ(pool.dirty_between_jobs, 0);
}

// An awaiter that refuses to suspend by throwing from await_suspend: the
// exception surfaces in the body, which must still be in its own context.
struct ThrowingAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const {
    throw std::logic_error("no suspension");
  }
  void await_resume() const noexcept {}
};

task<std::optional<int>> await_throwing() {
  try {
    co_await ThrowingAwaiter{};
  } catch (const std::logic_error &) {
    co_return value_of(id);
  }
  co_return std::nullopt;
}

TEST_F(TaskTest, ExceptionFromAwaitSuspendIsSeenInTheTaskContext) {
  task<std::optional<int>> t = id.run(5, [] { return await_throwing(); });
  EXPECT_EQ(sync_wait(std::move(t)), std::optional<int>(5));
}

task<void> set_flag(bool &flag, Pool &pool) {
  co_await pool.schedule();
  flag = current_id() == 6;
}

TEST_F(TaskTest, VoidTask) {
  Pool pool(2);
  bool flag = false;
  task<void> t = id.run(6, [&] { return set_flag(flag, pool); });
  sync_wait(std::move(t));
  EXPECT_TRUE(flag);
}

task<std::unique_ptr<int>> make_unique_id(Pool &pool) {
  co_await pool.schedule();
  co_return std::make_unique<int>(current_id());
}

task<std::unique_ptr<int>> forward_unique(Pool &pool) {
  std::unique_ptr<int> p = co_await make_unique_id(pool);
  *p += 1;
  co_return p;
}

TEST_F(TaskTest, MoveOnlyResults) {
  Pool pool(2);
  std::unique_ptr<int> p =
      sync_wait(id.run(8, [&] { return forward_unique(pool); }));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 9);
}

int shared_value = 11;
task<int &> ref_result() { co_return shared_value; }

TEST_F(TaskTest, ReferenceResults) {
  int &r = sync_wait(ref_result());
  EXPECT_EQ(&r, &shared_value);
}

task<int> depth(int n) {
  if (n == 0)
    co_return current_id();
  // Each level binds its own id for its child.
  co_return co_await id.run(current_id() + 1, [&] { return depth(n - 1); });
}

TEST_F(TaskTest, NestedTasksEachRunInTheirCreationContext) {
  EXPECT_EQ(id.run(0, [] { return sync_wait(depth(20)); }), 20);
}

task<int> immediate() { co_return 1; }

task<long> many_children(int n) {
  long sum = 0;
  for (int i = 0; i < n; ++i)
    sum += co_await immediate();
  co_return sum;
}

// Symmetric transfer is a tail call: Clang always makes it; GCC only in
// optimized builds without ASan or TSan instrumentation.
#if defined(__clang__) ||                                                      \
    (defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__) &&                \
     !defined(__SANITIZE_THREAD__))
constexpr bool kGuaranteedTailCalls = true;
#else
constexpr bool kGuaranteedTailCalls = false;
#endif

TEST_F(TaskTest, SymmetricTransferKeepsTheStackFlat) {
  if (!kGuaranteedTailCalls)
    GTEST_SKIP() << "this compiler and build mode do not guarantee the tail "
                    "call of symmetric transfer";
  // Each child completes synchronously; without symmetric transfer every
  // iteration would nest another resume() on the stack.
  constexpr int kChildren = 300000;
  EXPECT_EQ(sync_wait(many_children(kChildren)), kChildren);
}

struct CoAwaitByFreeOperator {};
std::suspend_never operator co_await(CoAwaitByFreeOperator) { return {}; }

task<int> ready_awaiters() {
  co_await std::suspend_never{}; // ready: no suspension, no context switch
  std::suspend_never lvalue;
  co_await lvalue;
  co_await CoAwaitByFreeOperator{};
  co_return current_id();
}

TEST_F(TaskTest, AwaitersThatDoNotSuspendKeepTheContext) {
  EXPECT_EQ(id.run(12, [] { return sync_wait(ready_awaiters()); }), 12);
}

task<void> never_run() { co_return; }

TEST_F(TaskTest, DestroyingAnUnstartedTaskReleasesItsContext) {
  Counters counters;
  {
    task<void> t =
        payload.run(Counted(counters, 1), [] { return never_run(); });
    EXPECT_EQ(counters.alive, 1) << "the task keeps its context alive";
    task<void> moved = std::move(t);
    EXPECT_FALSE(t.valid());
    EXPECT_TRUE(moved.valid());
  }
  EXPECT_EQ(counters.alive, 0);
}

// --- context_promise_base on user-defined coroutine types -------------------

// An eager, fire-and-forget coroutine: starts in the caller, runs to its first
// suspension there, then lives on wherever it is resumed.
struct fire_and_forget {
  struct promise_type : asyncctx::context_promise_base {
    fire_and_forget get_return_object() noexcept { return {}; }
    auto initial_suspend() noexcept { return in_context(std::suspend_never{}); }
    auto final_suspend() noexcept {
      return leaving_context(std::suspend_never{});
    }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};

fire_and_forget hop_and_check(int expected, Pool &pool, Checker &c,
                              std::latch &done) {
  c.expect(sees(expected));
  for (int i = 0; i < 5; ++i) {
    co_await pool.schedule();
    c.expect(sees(expected));
  }
  done.count_down();
}

TEST_F(TaskTest, PromiseBaseMakesAnEagerCoroutineContextAware) {
  constexpr int kCoroutines = 32;
  Checker c;
  Pool pool(4);
  std::latch done(kCoroutines);
  for (int i = 0; i < kCoroutines; ++i) {
    id.run(i, [&] { hop_and_check(i, pool, c, done); });
    EXPECT_TRUE(context_is_empty());
  }
  done.wait();
  pool.shutdown();
  EXPECT_EQ(c.failures, 0);
  EXPECT_EQ(c.checks, kCoroutines * 6);
  EXPECT_EQ(pool.dirty_between_jobs, 0);
  EXPECT_EQ(pool.ambient_not_restored, 0);
  EXPECT_EQ(pool.leaked_at_suspend, 0);
}

// A lazy generator: yield_value is a suspension point too, so it goes through
// in_context; final_suspend through leaving_context.
class generator {
public:
  struct promise_type : asyncctx::context_promise_base {
    int current = 0;
    generator get_return_object() noexcept {
      return generator(
          std::coroutine_handle<promise_type>::from_promise(*this));
    }
    // initial_suspend: the base's (lazy).
    auto yield_value(int v) noexcept {
      current = v;
      return in_context(std::suspend_always{});
    }
    auto final_suspend() noexcept {
      return leaving_context(std::suspend_always{});
    }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };

  generator(generator &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~generator() {
    if (h_)
      h_.destroy();
  }
  bool next() {
    h_.resume();
    return !h_.done();
  }
  int value() const { return h_.promise().current; }

private:
  explicit generator(std::coroutine_handle<promise_type> h) : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

generator ids(int n) {
  for (int i = 0; i < n; ++i)
    co_yield current_id() + i;
}

TEST_F(TaskTest, PromiseBaseOnAGeneratorWithYield) {
  generator g = id.run(50, [] { return ids(3); });
  std::vector<int> values;
  // Pulled from different contexts, each left exactly as it was.
  for (int caller = 0; caller < 4; ++caller) {
    id.run(caller, [&] {
      const Snapshot before = capture();
      if (g.next())
        values.push_back(g.value());
      EXPECT_EQ(capture(), before);
    });
    EXPECT_TRUE(context_is_empty());
  }
  EXPECT_EQ(values, (std::vector<int>{50, 51, 52}));
}

} // namespace

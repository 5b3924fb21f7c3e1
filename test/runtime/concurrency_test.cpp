// Reference counts under concurrency: contexts captured, wrapped, copied,
// invoked and dropped on several threads at once. The ThreadSanitizer build
// is the point of this file.
#include "test_support.hpp"

#include <array>
#include <atomic>
#include <deque>
#include <latch>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using asyncctx::capture;
using asyncctx::Local;
using asyncctx::Snapshot;
using asyncctx::Wrapped;
using asyncctx_test::context_is_empty;
using asyncctx_test::Counted;
using asyncctx_test::Counters;
using asyncctx_test::value_of;

Local<int> id;
Local<std::string> tag;
Local<Counted> payload;

constexpr int kThreads = 4;
constexpr int kIterations = 2000;

// Checks, wherever and whenever it runs, that it sees its producer's context.
struct Check {
  int expected;
  std::atomic<int> *failures;
  std::atomic<int> *runs;
  void operator()() const {
    const Counted *p = payload.get();
    if (value_of(id) != expected || p == nullptr || p->value != expected ||
        value_of(tag) != "base")
      ++*failures;
    ++*runs;
  }
};

struct Mailbox {
  std::mutex mutex;
  std::deque<Wrapped<Check>> jobs;
  std::deque<Snapshot> snapshots;
};

using ConcurrencyTest = asyncctx_test::RuntimeTest;

TEST_F(ConcurrencyTest, EachThreadSeesOnlyItsOwnContext) {
  Counters counters;
  std::atomic<int> failures{0};
  std::atomic<int> runs{0};
  std::array<Mailbox, kThreads> mailboxes;
  const Snapshot base = tag.run("base", [] { return capture(); });
  std::latch start(kThreads);

  auto drain = [&](int self, int own_id) {
    std::deque<Wrapped<Check>> jobs;
    std::deque<Snapshot> snapshots;
    {
      std::lock_guard lock(mailboxes[self].mutex);
      jobs.swap(mailboxes[self].jobs);
      snapshots.swap(mailboxes[self].snapshots);
    }
    for (auto &job : jobs) {
      job();
      if (value_of(id) != own_id)
        ++failures;
    }
    for (const auto &s : snapshots) {
      s.run([&] {
        if (value_of(id) == own_id || id.get() == nullptr)
          ++failures; // another thread's context, never ours
      });
    }
    // Dropping jobs and snapshots here releases other threads' contexts.
  };

  auto body = [&](int self) {
    start.arrive_and_wait();
    const int next = (self + 1) % kThreads;
    for (int i = 0; i < kIterations; ++i) {
      Snapshot mine = base; // all threads bump the same count
      mine.run([&] {
        id.run(self, [&] {
          payload.run(Counted(counters, self), [&] {
            Check check{self, &failures, &runs};
            check();
            auto job = asyncctx::wrap(check);
            auto copy = job;
            copy();
            Snapshot snap = capture();
            if (snap != capture())
              ++failures;
            std::lock_guard lock(mailboxes[next].mutex);
            mailboxes[next].jobs.push_back(std::move(job));
            mailboxes[next].snapshots.push_back(std::move(snap));
          });
        });
      });
      if (!context_is_empty())
        ++failures;
      if (i % 16 == 0)
        id.run(100 + self, [&] { drain(self, 100 + self); });
    }
    id.run(100 + self, [&] { drain(self, 100 + self); });
    if (!context_is_empty())
      ++failures;
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back(body, t);
  for (auto &t : threads)
    t.join();

  // Whatever was posted after its consumer's last drain.
  for (int t = 0; t < kThreads; ++t)
    id.run(-1, [&] { drain(t, -1); });

  EXPECT_EQ(failures, 0);
  EXPECT_EQ(runs, kThreads * kIterations * 3);
  EXPECT_EQ(counters.copies, 0);
  EXPECT_EQ(counters.moves, kThreads * kIterations);
  EXPECT_EQ(counters.alive, 0) << "every value dies with its last context";
  EXPECT_EQ(counters.destroyed, 2 * kThreads * kIterations);
}

TEST_F(ConcurrencyTest, SharedContextsCopiedAndDroppedEverywhere) {
  Counters counters;
  std::optional<Snapshot> shared = payload.run(
      Counted(counters, 7), [] { return id.run(7, [] { return capture(); }); });
  std::atomic<int> failures{0};
  std::latch start(kThreads + 1);

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t, copy = shared]() mutable {
      start.arrive_and_wait();
      // A frame of this thread's own that shares the payload's value box
      // with every other thread's.
      Snapshot derived =
          copy->run([&] { return id.run(t, [] { return capture(); }); });
      for (int i = 0; i < kIterations; ++i) {
        Snapshot a = *copy;
        auto w = asyncctx::wrap([] { return value_of(id); });
        a.run([&] {
          Snapshot b = capture();
          auto inner = asyncctx::wrap(
              [] { return payload.get() ? payload.get()->value : -1; });
          if (inner() != 7 || value_of(id) != 7 || b != a)
            ++failures;
        });
        if (w().has_value())
          ++failures; // wrapped in this thread's empty context
      }
      copy.reset();
      derived.run([&] {
        if (payload.get() == nullptr || payload.get()->value != 7 ||
            value_of(id) != t)
          ++failures;
      });
      // The last thread to get here destroys the value.
    });
  }
  shared.reset(); // the threads' copies are now the only owners
  start.arrive_and_wait();
  for (auto &t : threads)
    t.join();

  EXPECT_EQ(failures, 0);
  EXPECT_EQ(counters.alive, 0);
}

TEST_F(ConcurrencyTest, FirstRunsOfAFreshLocalRace) {
  for (int round = 0; round < 50; ++round) {
    Local<int> fresh; // no slot yet: the threads race to assign it
    std::atomic<int> failures{0};
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        fresh.run(t, [&] {
          id.run(-t, [&] {
            if (value_of(fresh) != t || value_of(id) != -t)
              ++failures;
          });
          if (value_of(fresh) != t)
            ++failures;
        });
        if (fresh.get() != nullptr)
          ++failures;
      });
    }
    for (auto &t : threads)
      t.join();
    ASSERT_EQ(failures, 0) << "round " << round;
  }
}

} // namespace

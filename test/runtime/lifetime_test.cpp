// Lifetimes under the fast paths: installations borrow the context they
// install, and a thread hands out references it holds in advance (credits).
// These tests drop the last reference at awkward moments and check that a
// context lives exactly as long as something can still read it. The
// AddressSanitizer build turns a premature free into a failure; the value
// counters turn a leak or a late destruction into one.
#include "test_support.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace {

using asyncctx::capture;
using asyncctx::Local;
using asyncctx::Scope;
using asyncctx::Snapshot;
using asyncctx_test::context_is_empty;
using asyncctx_test::Counted;
using asyncctx_test::Counters;
using asyncctx_test::value_of;

Local<int> number;
Local<Counted> counted;

using LifetimeTest = asyncctx_test::RuntimeTest;

int counted_value() {
  const Counted *c = counted.get();
  return c != nullptr ? c->value : -1;
}

TEST_F(LifetimeTest, ScopeOfATemporaryKeepsItAlive) {
  Counters c;
  {
    Scope scope(counted.run(Counted(c, 3), [] { return capture(); }));
    // The temporary is gone; the Scope holds the only reference.
    EXPECT_EQ(c.alive, 1);
    EXPECT_EQ(counted_value(), 3);
  }
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LifetimeTest, WrapperThatDestroysItselfKeepsItsContextUntilItReturns) {
  Counters c;
  std::function<void()> handler;
  int seen_after_reset = 0;
  counted.run(Counted(c, 7), [&] {
    handler = asyncctx::wrap([&handler, out = &seen_after_reset] {
      int *const seen = out; // the captures die with the wrapper
      handler = nullptr;     // destroys this very wrapper and its snapshot
      *seen = counted_value();
    });
  });
  EXPECT_EQ(c.alive, 1);
  handler();
  EXPECT_EQ(seen_after_reset, 7);
  EXPECT_EQ(c.alive, 0) << "the context must die when the call returns";
  EXPECT_TRUE(context_is_empty());
}

TEST_F(LifetimeTest, SnapshotReassignedInsideItsOwnRun) {
  Counters c;
  std::optional<Snapshot> s =
      counted.run(Counted(c, 5), [] { return capture(); });
  int seen = 0;
  s->run([&] {
    s.reset();
    seen = counted_value();
    // A capture after the last reference dropped resurrects nothing twice.
    Snapshot again = capture();
    EXPECT_EQ(counted_value(), 5);
  });
  EXPECT_EQ(seen, 5);
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LifetimeTest, CapturesInsideRunOutliveItOnAnotherThread) {
  Counters c;
  std::vector<Snapshot> snapshots;
  counted.run(Counted(c, 9), [&] {
    for (int i = 0; i < 100; ++i)
      snapshots.push_back(capture());  // credits of the run, no atomic
    Snapshot copy = snapshots.front(); // a copy takes a credit too
    EXPECT_EQ(copy, snapshots.back());
  });
  EXPECT_EQ(c.alive, 1) << "the snapshots keep the context";
  std::thread t([&] {
    snapshots.back().run([] { EXPECT_EQ(counted_value(), 9); });
    snapshots.clear(); // the last references drop on this thread
  });
  t.join();
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LifetimeTest, ContextDiesWithTheRunWhenNothingCapturedIt) {
  Counters c;
  counted.run(Counted(c, 1), [&] {
    Snapshot s = capture();
    Snapshot t = s;
  });
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LifetimeTest, BatchedCapturesInABorrowedInstallation) {
  // On a thread where the context is installed by a wrapped call, the second
  // capture fetches a batch of references; what is left goes back when the
  // call returns, and the snapshots taken keep the context afterwards.
  Counters c;
  auto wrapped = counted.run(Counted(c, 4), [&] {
    return std::make_optional(asyncctx::wrap([] {
      std::vector<Snapshot> out;
      for (int i = 0; i < 50; ++i)
        out.push_back(capture());
      out.resize(10); // 40 references come back as credits here
      return out;
    }));
  });
  std::vector<Snapshot> kept;
  std::thread t([&] { kept = (*wrapped)(); });
  t.join();
  EXPECT_EQ(c.alive, 1);
  wrapped.reset();
  EXPECT_EQ(c.alive, 1) << "ten snapshots still hold it";
  Scope scope(kept[3]);
  EXPECT_EQ(counted_value(), 4);
  kept.clear();
  EXPECT_EQ(c.alive, 1) << "the Scope holds its own reference";
}

TEST_F(LifetimeTest, NestedInstallationsOfTheSameContextBalance) {
  Counters c;
  std::vector<Snapshot> out;
  counted.run(Counted(c, 2), [&] {
    Snapshot s = capture();
    for (int i = 0; i < 3; ++i) {
      s.run([&] {
        out.push_back(capture());
        Scope again(s);
        out.push_back(capture());
        EXPECT_EQ(counted_value(), 2);
      });
    }
  });
  EXPECT_EQ(c.alive, 1);
  out.clear();
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LifetimeTest, LastReferenceDroppedUnderAnotherContextOnAnotherThread) {
  Counters c;
  auto s = std::make_unique<Snapshot>(
      counted.run(Counted(c, 6), [] { return capture(); }));
  std::thread t([&] {
    number.run(1, [&] {
      s.reset(); // not installed here: freed at once
      EXPECT_EQ(value_of(number), 1);
    });
  });
  t.join();
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LifetimeTest, MisnestedScopesOnOneThreadRestoreTheOuterContext) {
  // Breaking the nesting rule is undefined behaviour; the runtime still keeps
  // the counts balanced and the outer context in place once the outermost
  // installation ends.
  Counters c;
  Snapshot a = counted.run(Counted(c, 10), [] { return capture(); });
  Snapshot b = number.run(20, [] { return capture(); });
  number.run(30, [&] {
    auto outer = std::make_unique<Scope>(a);
    auto inner = std::make_unique<Scope>(b);
    outer.reset(); // out of order: ends `inner` too
    EXPECT_EQ(value_of(number), 30);
    inner.reset(); // already ended: leaves the thread alone
    EXPECT_EQ(value_of(number), 30);
  });
  EXPECT_TRUE(context_is_empty());
  a = Snapshot();
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LifetimeTest, ScopeDestroyedOnAnotherThreadLeavesThatThreadAlone) {
  Counters c;
  Snapshot a = counted.run(Counted(c, 11), [] { return capture(); });
  std::unique_ptr<Scope> scope;
  number.run(1, [&] {
    std::thread t([&] { scope = std::make_unique<Scope>(a); });
    t.join(); // t exited with the Scope still open: undefined behaviour
    scope.reset();
    EXPECT_EQ(value_of(number), 1);
    EXPECT_EQ(counted.get(), nullptr);
  });
  a = Snapshot();
  EXPECT_EQ(c.alive, 0);
}

// The fast paths themselves: white-box checks (see test_support.hpp) that
// capture, destruction and wrapped calls leave the shared count alone where
// the design says they do, so that reintroducing an atomic operation there
// fails a test, not only a benchmark. No public observable tells an atomic
// operation from a thread-local one.
using asyncctx_test::whitebox::shared_count;

TEST_F(LifetimeTest, CapturesInsideRunTouchNoSharedCount) {
  number.run(1, [] {
    const std::size_t before = shared_count();
    {
      Snapshot a = capture();
      Snapshot b = a;
      EXPECT_EQ(shared_count(), before);
    }
    EXPECT_EQ(shared_count(), before);
    EXPECT_EQ(asyncctx_test::whitebox::credits(),
              asyncctx_test::whitebox::credit_batch);
  });
}

TEST_F(LifetimeTest, WrappedCallsAndScopesTouchNoSharedCount) {
  auto w = number.run(
      2, [] { return asyncctx::wrap([] { return shared_count(); }); });
  ASSERT_FALSE(w.snapshot().empty());
  std::thread t([&] {
    // On a thread with no context: the call borrows the wrapper's reference.
    const std::size_t inside = w();
    EXPECT_EQ(inside, 1u) << "only the wrapper holds the context";
    w.snapshot().run([&] {
      EXPECT_EQ(shared_count(), 1u);
      // The first capture in a borrowed installation is atomic, the second
      // fetches a batch, later ones are free.
      Snapshot first = capture();
      EXPECT_EQ(shared_count(), 2u);
      Snapshot second = capture();
      const std::size_t batched = shared_count();
      Snapshot third = capture();
      EXPECT_EQ(shared_count(), batched);
    });
    EXPECT_EQ(w.snapshot().run([] { return shared_count(); }), 1u)
        << "the batch went back when the installation ended";
  });
  t.join();
}

} // namespace

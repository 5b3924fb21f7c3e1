// asyncctx::capture, asyncctx::Snapshot and asyncctx::Scope.
#include "test_support.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>

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
Local<std::string> name;
Local<Counted> counted;

using SnapshotTest = asyncctx_test::RuntimeTest;
using ScopeTest = asyncctx_test::RuntimeTest;

TEST_F(SnapshotTest, EmptyContext) {
  EXPECT_TRUE(capture().empty());
  EXPECT_TRUE(Snapshot().empty());
  EXPECT_EQ(capture(), Snapshot());
  number.run(1, [] {
    EXPECT_FALSE(capture().empty());
    EXPECT_NE(capture(), Snapshot());
  });
}

TEST_F(SnapshotTest, CapturesOfTheSameContextAreTheSameObject) {
  number.run(1, [&] {
    Snapshot a = capture();
    Snapshot b = capture();
    EXPECT_EQ(a, b);
    number.run(1, [&] {
      EXPECT_NE(capture(), a) << "a new run is a new context, even if equal";
    });
    EXPECT_EQ(capture(), a) << "the outer context is restored as is";
  });
}

TEST_F(SnapshotTest, RunInstallsAndRestores) {
  Snapshot s =
      number.run(7, [] { return name.run("seven", [] { return capture(); }); });
  EXPECT_EQ(number.get(), nullptr);

  bool ran = false;
  s.run([&] {
    ran = true;
    EXPECT_EQ(capture(), s);
    EXPECT_EQ(value_of(number), 7);
    EXPECT_EQ(value_of(name), "seven");
  });
  EXPECT_TRUE(ran);
  EXPECT_TRUE(context_is_empty());

  number.run(1, [&] {
    s.run([&] { EXPECT_EQ(value_of(number), 7); });
    EXPECT_EQ(value_of(number), 1);
    EXPECT_EQ(name.get(), nullptr);
  });
}

TEST_F(SnapshotTest, RunReturnsTheResult) {
  Snapshot s = number.run(3, [] { return capture(); });
  EXPECT_EQ(s.run([] { return value_of(number).value_or(-1000) + 1; }), 4);
  static_assert(std::is_void_v<decltype(s.run([] {}))>);
  int target = 0;
  int &ref = s.run([&]() -> int & { return target; });
  EXPECT_EQ(&ref, &target);
  auto p = s.run(
      [] { return std::make_unique<int>(value_of(number).value_or(-1000)); });
  EXPECT_EQ(*p, 3);
}

TEST_F(SnapshotTest, EmptySnapshotClearsTheContext) {
  number.run(1, [] {
    Snapshot().run([] {
      EXPECT_EQ(number.get(), nullptr);
      EXPECT_TRUE(context_is_empty());
    });
    EXPECT_EQ(value_of(number), 1);
  });
}

TEST_F(SnapshotTest, ExceptionInsideRunRestoresTheContext) {
  Snapshot s = number.run(2, [] { return capture(); });
  number.run(1, [&] {
    EXPECT_THROW(s.run([] { throw std::logic_error("x"); }), std::logic_error);
    EXPECT_EQ(value_of(number), 1);
  });
  EXPECT_THROW(s.run([] { throw 1; }), int);
  EXPECT_TRUE(context_is_empty());
}

TEST_F(SnapshotTest, RunOnAnotherThreadSeesTheCapturedValues) {
  Snapshot s;
  number.run(11, [&] { name.run("req", [&] { s = capture(); }); });

  bool empty_before = false, empty_after = false;
  std::optional<int> seen_number;
  std::optional<std::string> seen_name;
  std::thread t([&] {
    empty_before = context_is_empty();
    s.run([&] {
      seen_number = value_of(number);
      seen_name = value_of(name);
    });
    empty_after = context_is_empty();
  });
  t.join();

  EXPECT_TRUE(empty_before);
  EXPECT_EQ(seen_number, 11);
  EXPECT_EQ(seen_name, "req");
  EXPECT_TRUE(empty_after);
}

TEST_F(SnapshotTest, CopyAndMoveSemantics) {
  Snapshot s = number.run(1, [] { return capture(); });
  ASSERT_FALSE(s.empty());

  Snapshot copy = s;
  EXPECT_EQ(copy, s);

  Snapshot moved = std::move(copy);
  EXPECT_EQ(moved, s);
  EXPECT_TRUE(copy.empty()); // NOLINT(bugprone-use-after-move): specified

  Snapshot assigned;
  assigned = s;
  EXPECT_EQ(assigned, s);
  assigned = Snapshot();
  EXPECT_TRUE(assigned.empty());
  assigned = std::move(moved);
  EXPECT_EQ(assigned, s);
  EXPECT_TRUE(moved.empty()); // NOLINT(bugprone-use-after-move): specified

  Snapshot &alias = assigned;
  assigned = alias; // self-assignment keeps the context alive
  assigned = std::move(alias);
  EXPECT_EQ(assigned, s);
  assigned.run([] { EXPECT_EQ(value_of(number), 1); });

  Snapshot other;
  swap(other, assigned);
  EXPECT_EQ(other, s);
  EXPECT_TRUE(assigned.empty());

  static_assert(std::is_nothrow_copy_constructible_v<Snapshot>);
  static_assert(std::is_nothrow_move_constructible_v<Snapshot>);
  static_assert(std::is_nothrow_copy_assignable_v<Snapshot>);
  static_assert(std::is_nothrow_move_assignable_v<Snapshot>);
  static_assert(noexcept(capture()));
}

TEST_F(SnapshotTest, ValueIsDestroyedWithTheLastSnapshot) {
  Counters c;
  Snapshot s1 = counted.run(Counted(c, 1), [] { return capture(); });
  EXPECT_EQ(c.alive, 1) << "the snapshot keeps the value alive";

  Snapshot s2 = s1;
  s1 = Snapshot();
  EXPECT_EQ(c.alive, 1);

  // Dropped on another thread: the value dies there.
  std::thread t([s = std::move(s2)]() mutable {
    s.run([] {
      ASSERT_NE(counted.get(), nullptr);
      EXPECT_EQ(counted.get()->value, 1);
    });
    s = Snapshot();
  });
  t.join();
  EXPECT_EQ(c.alive, 0);
}

TEST_F(SnapshotTest, CaptureAndCopiesNeverCopyValues) {
  Counters c;
  Counted v(c, 3);
  counted.run(v, [&] {
    ASSERT_EQ(c.copies, 1);
    ASSERT_EQ(c.moves, 0);
    const Counted *box = counted.get();

    Snapshot a = capture();
    Snapshot b = capture();
    Snapshot d = a;
    Snapshot e = std::move(b);
    auto w = asyncctx::wrap([] { return counted.get(); });
    auto w2 = w;
    const Counted *seen_elsewhere = nullptr;
    std::thread t([&] { seen_elsewhere = w2(); });
    t.join();
    number.run(1, [&] { EXPECT_EQ(counted.get(), box); });
    d.run([&] { EXPECT_EQ(counted.get(), box); });

    EXPECT_EQ(w(), box);
    EXPECT_EQ(seen_elsewhere, box);
    EXPECT_EQ(c.copies, 1);
    EXPECT_EQ(c.moves, 0);
    EXPECT_EQ(c.alive, 2);
  });
  EXPECT_EQ(c.alive, 1);
}

TEST_F(ScopeTest, InstallsAndRestoresOnExit) {
  Snapshot s = number.run(5, [] { return capture(); });
  number.run(1, [&] {
    {
      Scope scope(s);
      EXPECT_EQ(value_of(number), 5);
      EXPECT_EQ(capture(), s);
      {
        Scope inner{Snapshot()};
        EXPECT_EQ(number.get(), nullptr);
      }
      EXPECT_EQ(value_of(number), 5);
      number.run(6, [] { EXPECT_EQ(value_of(number), 6); });
      EXPECT_EQ(value_of(number), 5);
    }
    EXPECT_EQ(value_of(number), 1);
  });
  EXPECT_TRUE(context_is_empty());
}

TEST_F(ScopeTest, RestoresOnException) {
  Snapshot s = number.run(5, [] { return capture(); });
  number.run(1, [&] {
    try {
      Scope scope(s);
      EXPECT_EQ(value_of(number), 5);
      throw std::runtime_error("leave");
    } catch (const std::runtime_error &) {
      EXPECT_EQ(value_of(number), 1);
    }
    EXPECT_EQ(value_of(number), 1);
  });
}

TEST_F(ScopeTest, KeepsTheContextAliveAfterTheSnapshotIsGone) {
  Counters c;
  {
    auto s = std::make_optional(
        counted.run(Counted(c, 8), [] { return capture(); }));
    Scope scope(*s);
    s.reset();
    EXPECT_EQ(c.alive, 1);
    ASSERT_NE(counted.get(), nullptr);
    EXPECT_EQ(counted.get()->value, 8);
  }
  EXPECT_EQ(c.alive, 0);
}

static_assert(!std::is_copy_constructible_v<Scope>);
static_assert(!std::is_move_constructible_v<Scope>);
static_assert(std::is_nothrow_constructible_v<Scope, const Snapshot &>);
static_assert(!std::is_convertible_v<const Snapshot &, Scope>);

} // namespace

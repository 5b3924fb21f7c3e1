// asyncctx::Local: get, run, nesting, shadowing, results, exceptions.
#include "test_support.hpp"

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace {

using asyncctx::Local;
using asyncctx_test::Counted;
using asyncctx_test::Counters;
using asyncctx_test::value_of;
namespace whitebox = asyncctx_test::whitebox;

Local<int> number;
Local<std::string> name;
Local<Counted> counted;
Local<std::unique_ptr<int>> owned;

using LocalTest = asyncctx_test::RuntimeTest;

TEST_F(LocalTest, GetIsNullWhenUnset) {
  EXPECT_EQ(number.get(), nullptr);
  EXPECT_EQ(name.get(), nullptr);
  Local<double> fresh;
  EXPECT_EQ(fresh.get(), nullptr);
}

TEST_F(LocalTest, GetInsideRunReturnsTheValue) {
  bool ran = false;
  number.run(42, [&] {
    ran = true;
    ASSERT_NE(number.get(), nullptr);
    EXPECT_EQ(*number.get(), 42);
    EXPECT_EQ(name.get(), nullptr) << "an unrelated Local must stay unset";
  });
  EXPECT_TRUE(ran);
  EXPECT_EQ(number.get(), nullptr);
}

TEST_F(LocalTest, NestedRunsOfTwoLocalsSetAndRestore) {
  number.run(1, [&] {
    EXPECT_EQ(value_of(number), 1);
    EXPECT_EQ(name.get(), nullptr);
    name.run("outer", [&] {
      EXPECT_EQ(value_of(number), 1) << "inherited from the outer context";
      EXPECT_EQ(value_of(name), "outer");
    });
    EXPECT_EQ(value_of(number), 1);
    EXPECT_EQ(name.get(), nullptr) << "name must be unset again";
  });
  EXPECT_EQ(number.get(), nullptr);
  EXPECT_EQ(name.get(), nullptr);
}

TEST_F(LocalTest, ShadowingTheSameLocalRestoresTheOuterValue) {
  number.run(1, [&] {
    name.run("kept", [&] {
      number.run(2, [&] {
        EXPECT_EQ(value_of(number), 2);
        EXPECT_EQ(value_of(name), "kept");
        number.run(3, [&] { EXPECT_EQ(value_of(number), 3); });
        EXPECT_EQ(value_of(number), 2);
      });
      EXPECT_EQ(value_of(number), 1);
      EXPECT_EQ(value_of(name), "kept");
    });
    EXPECT_EQ(value_of(number), 1);
  });
  EXPECT_EQ(number.get(), nullptr);
}

TEST_F(LocalTest, RunReturnsTheResult) {
  int r = number.run(5, [] { return value_of(number).value_or(-1000) * 2; });
  EXPECT_EQ(r, 10);

  static_assert(std::is_void_v<decltype(number.run(1, [] {}))>);
  int side_effect = 0;
  number.run(1, [&] { side_effect = 1; });
  EXPECT_EQ(side_effect, 1);

  int target = 0;
  static_assert(
      std::is_same_v<decltype(number.run(1, [&]() -> int & { return target; })),
                     int &>);
  int &ref = number.run(1, [&]() -> int & { return target; });
  EXPECT_EQ(&ref, &target);

  std::unique_ptr<int> p = number.run(3, [] {
    return std::make_unique<int>(value_of(number).value_or(-1000));
  });
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 3);

  std::string s =
      name.run("abc", [] { return value_of(name).value_or("?") + "def"; });
  EXPECT_EQ(s, "abcdef");
}

TEST_F(LocalTest, RunAcceptsAnyInvocable) {
  struct Functor {
    int operator()() const { return value_of(number).value_or(-1000) + 1; }
  };
  EXPECT_EQ(number.run(1, Functor{}), 2);

  std::function<int()> fn = [] { return value_of(number).value_or(-1000) + 2; };
  EXPECT_EQ(number.run(1, fn), 3);

  int (*fp)() = [] { return value_of(number).value_or(-1000) + 3; };
  EXPECT_EQ(number.run(1, fp), 4);
}

TEST_F(LocalTest, ExceptionInsideRunRestoresTheContext) {
  EXPECT_THROW(number.run(1, [] { throw std::runtime_error("boom"); }),
               std::runtime_error);
  EXPECT_EQ(number.get(), nullptr);

  number.run(1, [&] {
    EXPECT_THROW(name.run("inner", [] { number.run(2, [] { throw 7; }); }),
                 int);
    EXPECT_EQ(value_of(number), 1);
    EXPECT_EQ(name.get(), nullptr);
  });
  EXPECT_EQ(number.get(), nullptr);
}

TEST_F(LocalTest, ExceptionInsideRunReleasesTheValue) {
  Counters c;
  EXPECT_THROW(counted.run(Counted(c, 1), [] { throw 1; }), int);
  EXPECT_EQ(c.alive, 0);
  EXPECT_EQ(c.destroyed, 2) << "the temporary and the context's copy";
}

TEST_F(LocalTest, RunCopiesOrMovesTheValueExactlyOnce) {
  Counters c;
  {
    Counted v(c, 5);
    counted.run(v, [&] {
      EXPECT_EQ(c.copies, 1);
      EXPECT_EQ(c.moves, 0);
      EXPECT_EQ(c.alive, 2);
      ASSERT_NE(counted.get(), nullptr);
      EXPECT_NE(counted.get(), &v);
      EXPECT_EQ(counted.get()->value, 5);
    });
    EXPECT_EQ(c.alive, 1) << "the context's copy is destroyed when run ends";

    counted.run(std::move(v), [&] {
      EXPECT_EQ(c.copies, 1);
      EXPECT_EQ(c.moves, 1);
    });
  }
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LocalTest, NestedRunOfAnotherLocalDoesNotCopyValues) {
  Counters c;
  counted.run(Counted(c, 9), [&] {
    const Counted *outer = counted.get();
    ASSERT_NE(outer, nullptr);
    const int copies = c.copies, moves = c.moves;
    number.run(1, [&] {
      name.run("n", [&] {
        EXPECT_EQ(counted.get(), outer) << "the value box is shared";
      });
    });
    EXPECT_EQ(c.copies, copies);
    EXPECT_EQ(c.moves, moves);
  });
  EXPECT_EQ(c.alive, 0);
}

TEST_F(LocalTest, HoldsMoveOnlyValues) {
  owned.run(std::make_unique<int>(4), [&] {
    ASSERT_NE(owned.get(), nullptr);
    ASSERT_NE(*owned.get(), nullptr);
    EXPECT_EQ(**owned.get(), 4);
  });
  EXPECT_EQ(owned.get(), nullptr);
}

// Calls f at the bottom of runs binding locals[i] = i for every i.
void bind_all(Local<int> *locals, int i, int n,
              const std::function<void()> &f) {
  if (i == n)
    return f();
  locals[i].run(i, [&] { bind_all(locals, i + 1, n, f); });
}

TEST_F(LocalTest, LocalsBeyondTheFrameSizeReadAsUnset) {
  constexpr int n = 20;
  Local<int> many[n];
  // A slot is assigned by the first run; doing them in order gives
  // consecutive indices (no other thread assigns slots meanwhile).
  for (int i = 0; i < n; ++i)
    many[i].run(i, [] {});

  // The frame sizes are white-box (see test_support.hpp); the reads are not.
  many[0].run(0, [&] {
    ASSERT_FALSE(asyncctx::capture().empty());
    const std::uint32_t size0 = whitebox::frame_size();
    for (int i = 1; i < n; ++i) {
      EXPECT_EQ(many[i].get(), nullptr) << "local " << i;
    }
    many[n - 1].run(n - 1, [&] {
      EXPECT_EQ(whitebox::frame_size(), size0 + n - 1)
          << "the frame is sized to the highest set slot";
      EXPECT_EQ(value_of(many[0]), 0);
      EXPECT_EQ(value_of(many[n - 1]), n - 1);
      for (int i = 1; i < n - 1; ++i) {
        EXPECT_EQ(many[i].get(), nullptr) << "local " << i;
      }
    });
    EXPECT_EQ(whitebox::frame_size(), size0);
  });

  bool reached = false;
  bind_all(many, 0, n, [&] {
    reached = true;
    for (int i = 0; i < n; ++i) {
      EXPECT_EQ(value_of(many[i]), i) << "local " << i;
    }
    EXPECT_EQ(number.get(), nullptr);
  });
  EXPECT_TRUE(reached);
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(many[i].get(), nullptr) << "local " << i;
  }
}

// White-box (slots are invisible to the API; see test_support.hpp).
TEST_F(LocalTest, SlotIsAssignedByTheFirstRunOnly) {
  const std::uint32_t before = whitebox::slots_assigned();
  Local<int> fresh;
  EXPECT_EQ(fresh.get(), nullptr);
  number.run(1, [&] { EXPECT_EQ(fresh.get(), nullptr); });
  EXPECT_EQ(whitebox::slots_assigned(), before)
      << "constructing or reading a Local takes no slot";

  fresh.run(1, [&] { EXPECT_EQ(value_of(fresh), 1); });
  EXPECT_EQ(whitebox::slots_assigned(), before + 1);
  fresh.run(2, [&] { EXPECT_EQ(value_of(fresh), 2); });
  EXPECT_EQ(whitebox::slots_assigned(), before + 1)
      << "the slot is kept for the Local's lifetime";
  EXPECT_EQ(fresh.get(), nullptr);
}

// The race between two first runs, replayed deterministically: the thread
// that loses must adopt the winner's slot, not install its own. White-box: a
// real race cannot be forced from the API.
TEST_F(LocalTest, LosingTheSlotRaceAdoptsTheWinnersSlot) {
  std::atomic<std::uint32_t> key{0};
  const std::uint32_t won = whitebox::assign_key(key);
  EXPECT_NE(won, 0u);
  EXPECT_EQ(key.load(), won);
  const std::uint32_t lost = whitebox::assign_key(key);
  EXPECT_EQ(lost, won);
  EXPECT_EQ(key.load(), won);
}

// Constant-initialized: usable from other translation units' static
// initializers, whatever the initialization order.
constinit Local<int> constant_initialized;
const int read_during_static_init = [] {
  return constant_initialized.run(
      5, [] { return value_of(constant_initialized).value_or(-1); });
}();

TEST_F(LocalTest, UsableDuringStaticInitialization) {
  EXPECT_EQ(read_during_static_init, 5);
  EXPECT_EQ(constant_initialized.get(), nullptr);
}

TEST_F(LocalTest, LocalCreatedAfterACaptureIsUnsetInIt) {
  asyncctx::Snapshot s = number.run(1, [] { return asyncctx::capture(); });
  Local<int> late;
  s.run([&] {
    EXPECT_EQ(value_of(number), 1);
    EXPECT_EQ(late.get(), nullptr);
    late.run(2, [&] {
      EXPECT_EQ(value_of(late), 2);
      EXPECT_EQ(value_of(number), 1);
    });
  });
}

static_assert(!std::is_copy_constructible_v<Local<int>>);
static_assert(!std::is_move_constructible_v<Local<int>>);
static_assert(!std::is_copy_assignable_v<Local<int>>);
static_assert(!std::is_move_assignable_v<Local<int>>);
static_assert(noexcept(number.get()));
static_assert(std::is_nothrow_default_constructible_v<Local<int>>);
static_assert(std::is_same_v<decltype(number.get()), const int *>);

} // namespace

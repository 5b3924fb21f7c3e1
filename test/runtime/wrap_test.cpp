// asyncctx::wrap and asyncctx::Wrapped.
#include "test_support.hpp"

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>

namespace {

using asyncctx::capture;
using asyncctx::Local;
using asyncctx::Snapshot;
using asyncctx::wrap;
using asyncctx::Wrapped;
using asyncctx_test::context_is_empty;
using asyncctx_test::value_of;

Local<int> number;
Local<std::string> name;

using WrapTest = asyncctx_test::RuntimeTest;

int number_or_sentinel() { return value_of(number).value_or(-1000); }

int add_number(int x) { return x + number_or_sentinel(); }

// Two members: GCC 12 warns (-Warray-bounds, falsely) when a pointer to
// member function is invoked on an object smaller than a vtable pointer.
struct Account {
  int base;
  int deposits = 0;
  int total(int x) const { return base + x + number_or_sentinel(); }
  void deposit(int x) {
    base += x * number_or_sentinel();
    ++deposits;
  }
};

TEST_F(WrapTest, RunsInTheCapturedContext) {
  auto w = number.run(1, [] {
    return name.run("n", [] { return wrap([] { return value_of(number); }); });
  });
  EXPECT_EQ(w(), 1);
  EXPECT_TRUE(context_is_empty()) << "the caller's context is restored";

  number.run(2, [&] {
    EXPECT_EQ(w(), 1) << "the captured context wins over the caller's";
    EXPECT_EQ(value_of(number), 2);
    EXPECT_EQ(name.get(), nullptr);
  });
}

TEST_F(WrapTest, WrapInTheEmptyContextRunsInTheEmptyContext) {
  auto w = wrap([] { return context_is_empty(); });
  EXPECT_TRUE(w.snapshot().empty());
  number.run(1, [&] {
    EXPECT_TRUE(w());
    EXPECT_EQ(value_of(number), 1);
  });
}

TEST_F(WrapTest, ForwardsArgumentsAndResults) {
  auto sum = wrap([](int a, int b) { return a + b; });
  EXPECT_EQ(sum(2, 3), 5);

  auto concat = wrap([](const std::string &a, std::string b) { return a + b; });
  EXPECT_EQ(concat(std::string("x"), "y"), "xy");

  // References in and out.
  auto identity = wrap([](int &x) -> int & { return x; });
  int target = 0;
  static_assert(std::is_same_v<decltype(identity(target)), int &>);
  EXPECT_EQ(&identity(target), &target);
  identity(target) = 9;
  EXPECT_EQ(target, 9);

  auto pass = wrap([](std::unique_ptr<int> &&p) -> std::unique_ptr<int> && {
    return std::move(p);
  });
  auto p = std::make_unique<int>(1);
  static_assert(
      std::is_same_v<decltype(pass(std::move(p))), std::unique_ptr<int> &&>);
  std::unique_ptr<int> taken = pass(std::move(p));
  EXPECT_EQ(p, nullptr);
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 1);

  // Move-only argument by value.
  auto sink = wrap([](std::unique_ptr<int> q) { return *q; });
  EXPECT_EQ(sink(std::make_unique<int>(6)), 6);

  // void.
  int calls = 0;
  auto v = wrap([&] { ++calls; });
  static_assert(std::is_void_v<decltype(v())>);
  v();
  EXPECT_EQ(calls, 1);
}

TEST_F(WrapTest, FunctionPointers) {
  auto by_address = number.run(10, [] { return wrap(&add_number); });
  auto by_name = number.run(20, [] { return wrap(add_number); });
  static_assert(std::is_same_v<decltype(by_address), Wrapped<int (*)(int)>>);
  static_assert(std::is_same_v<decltype(by_name), Wrapped<int (*)(int)>>);
  EXPECT_EQ(by_address(1), 11);
  EXPECT_EQ(by_name(1), 21);
  EXPECT_EQ(add_number(1), -999);
  EXPECT_EQ(by_address.inner(), &add_number);
}

TEST_F(WrapTest, MemberPointers) {
  Account account{100};
  auto total = number.run(3, [] { return wrap(&Account::total); });
  EXPECT_EQ(total(&account, 1), 104);
  EXPECT_EQ(total(account, 2), 105);
  EXPECT_EQ(total(std::cref(account), 3), 106);

  auto deposit = number.run(2, [] { return wrap(&Account::deposit); });
  deposit(&account, 5);
  EXPECT_EQ(account.base, 110);
  EXPECT_EQ(account.deposits, 1);

  auto field = wrap(&Account::base);
  EXPECT_EQ(field(account), 110);
  static_assert(std::is_same_v<decltype(field(account)), int &>);
}

TEST_F(WrapTest, MoveOnlyCallableAndMoveOnlyResult) {
  auto w = number.run(4, [] {
    return wrap([p = std::make_unique<int>(40)]() mutable {
      return p ? std::make_unique<int>(*p + number_or_sentinel()) : nullptr;
    });
  });
  static_assert(!std::is_copy_constructible_v<decltype(w)>);
  static_assert(std::is_nothrow_move_constructible_v<decltype(w)>);

  auto moved = std::move(w);
  std::unique_ptr<int> r = moved();
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(*r, 44);

  // Rvalue call moves the inner callable into the call.
  auto once = number.run(5, [] {
    return wrap(
        [p = std::make_unique<int>(50)]() mutable { return std::move(p); });
  });
  std::unique_ptr<int> out = std::move(once)();
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(*out, 50);

  // std::thread decay-copies and invokes it as an rvalue.
  std::optional<int> seen;
  auto job = number.run(6, [&] {
    return wrap([&seen, p = std::make_unique<int>(1)] {
      seen = *p + number_or_sentinel();
    });
  });
  std::thread t(std::move(job));
  t.join();
  EXPECT_EQ(seen, 7);
}

TEST_F(WrapTest, CopyableWhenTheCallableIs) {
  auto w = number.run(8, [] { return wrap([] { return value_of(number); }); });
  static_assert(std::is_copy_constructible_v<decltype(w)>);
  auto copy = w;
  EXPECT_EQ(copy(), 8);
  EXPECT_EQ(copy.snapshot(), w.snapshot());

  std::function<std::optional<int>()> erased = w;
  EXPECT_EQ(erased(), 8);

  const auto &cw = w;
  EXPECT_EQ(cw(), 8);
}

TEST_F(WrapTest, CallsTheMatchingOverloadOfTheInnerCallable) {
  struct Qualified {
    int operator()() & { return 1; }
    int operator()() const & { return 2; }
    int operator()() && { return 3; }
    int operator()() const && { return 4; }
  };
  auto w = wrap(Qualified{});
  const auto &cw = w;
  EXPECT_EQ(w(), 1);
  EXPECT_EQ(cw(), 2);
  EXPECT_EQ(std::move(w)(), 3);
  EXPECT_EQ(std::move(cw)(), 4);
}

TEST_F(WrapTest, IsInvocableOnlyWithValidArguments) {
  using W = decltype(wrap([](int) {}));
  static_assert(std::is_invocable_v<W &, int>);
  static_assert(std::is_invocable_v<W, int>);
  static_assert(!std::is_invocable_v<W &, std::string>);
  static_assert(!std::is_invocable_v<W &>);

  using Mutable = decltype(wrap([i = 0]() mutable { return ++i; }));
  static_assert(std::is_invocable_v<Mutable &>);
  static_assert(!std::is_invocable_v<const Mutable &>);

  static_assert(noexcept(std::declval<decltype(wrap([]() noexcept {})) &>()()));
  static_assert(!noexcept(std::declval<decltype(wrap([] {})) &>()()));
  SUCCEED();
}

TEST_F(WrapTest, ExceptionsPropagateAndRestoreTheCallersContext) {
  auto w = number.run(1, [] {
    return wrap([](int x) {
      EXPECT_EQ(value_of(number), 1);
      if (x > 0)
        throw std::runtime_error("from inside");
      return x;
    });
  });
  number.run(2, [&] {
    EXPECT_THROW(w(1), std::runtime_error);
    EXPECT_EQ(value_of(number), 2);
    EXPECT_EQ(w(0), 0);
  });
  EXPECT_THROW(w(1), std::runtime_error);
  EXPECT_TRUE(context_is_empty());
}

TEST_F(WrapTest, OnAnotherThreadSeesTheCallersContextAndLeavesItsOwn) {
  auto w = number.run(1, [] {
    return name.run("caller", [] {
      return wrap(
          [] { return std::make_pair(value_of(number), value_of(name)); });
    });
  });

  bool empty_before = false, empty_after = false;
  std::optional<int> seen_number, own_after;
  std::optional<std::string> seen_name;
  Snapshot own_before_call, own_after_call;
  std::thread t([&] {
    empty_before = context_is_empty();
    std::tie(seen_number, seen_name) = w();
    empty_after = context_is_empty();
    number.run(99, [&] {
      own_before_call = capture();
      EXPECT_EQ(w().first, 1);
      own_after_call = capture();
      own_after = value_of(number);
    });
  });
  t.join();

  EXPECT_TRUE(empty_before);
  EXPECT_EQ(seen_number, 1);
  EXPECT_EQ(seen_name, "caller");
  EXPECT_TRUE(empty_after);
  EXPECT_EQ(own_after, 99);
  EXPECT_EQ(own_before_call, own_after_call);
  EXPECT_FALSE(own_before_call.empty());
}

TEST_F(WrapTest, WorksWithStdAsync) {
  auto w = number.run(12, [] { return wrap([] { return value_of(number); }); });
  auto f = std::async(std::launch::async, w);
  EXPECT_EQ(f.get(), 12);
}

TEST_F(WrapTest, AccessorsAndDeductionGuide) {
  auto lambda = [] { return 1; };
  auto w = number.run(1, [&] { return wrap(lambda); });
  EXPECT_EQ(w.inner()(), 1);
  EXPECT_FALSE(w.snapshot().empty());
  w.snapshot().run([] { EXPECT_EQ(value_of(number), 1); });

  Snapshot s = number.run(2, [] { return capture(); });
  Wrapped deduced(s, &add_number);
  static_assert(std::is_same_v<decltype(deduced), Wrapped<int (*)(int)>>);
  EXPECT_EQ(deduced(1), 3);

  static_assert(std::is_same_v<decltype(std::as_const(w).inner()),
                               const decltype(lambda) &>);
}

TEST_F(WrapTest, NestedWrapsUseTheInnermostCapture) {
  auto outer = number.run(1, [] {
    auto inner =
        number.run(2, [] { return wrap([] { return value_of(number); }); });
    return wrap(std::move(inner));
  });
  EXPECT_EQ(outer(), 2);
}

} // namespace

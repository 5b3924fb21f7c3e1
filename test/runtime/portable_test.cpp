// The core runtime as a C++14 code base uses it: Local, capture, Snapshot,
// Scope, wrap and Wrapped, and bridges, written in C++14 only, so that the
// suites built as C++14 and C++17 (runtime.std14, runtime.std17) run it; the
// C++20 suites run it too. The C++14 spelling of the API differs only where
// the language does (docs/runtime.md, "Language standard"): a Wrapped is made
// with wrap() or with its template argument, since there is no CTAD.
#include <asyncctx/asyncctx.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

// A legacy thread_local, bridged as the adoption line in docs/runtime.md does.
thread_local std::string g_portable_request;
static const asyncctx::Bridge portable_request_bridge =
    asyncctx::bridge([]() -> std::string & { return g_portable_request; });

namespace {

using asyncctx::capture;
using asyncctx::Local;
using asyncctx::Scope;
using asyncctx::Snapshot;
using asyncctx::wrap;
using asyncctx::Wrapped;

Local<int> number;
Local<std::string> name;

// The value of `local` here, or `fallback` when it is unset.
template <class T> T value_or(const Local<T> &local, T fallback) {
  const T *p = local.get();
  return p != nullptr ? *p : fallback;
}

// Runs `f` on a new thread and waits for it.
template <class F> void on_new_thread(F f) { std::thread(std::move(f)).join(); }

class PortableTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_TRUE(capture().empty()); }
  void TearDown() override {
    EXPECT_TRUE(capture().empty()) << "a test leaked a context";
    EXPECT_EQ(g_portable_request, "") << "a test leaked a bridged value";
    g_portable_request.clear();
  }
};

TEST_F(PortableTest, RunBindsValueForTheCallOnly) {
  EXPECT_EQ(number.get(), nullptr);
  const int result = number.run(7, [] {
    EXPECT_EQ(value_or(number, -1), 7);
    return name.run("inner", [] {
      EXPECT_EQ(value_or(number, -1), 7);
      EXPECT_EQ(value_or(name, std::string("unset")), "inner");
      return number.run(8, [] { return value_or(number, -1); });
    });
  });
  EXPECT_EQ(result, 8);
  EXPECT_EQ(number.get(), nullptr);
  EXPECT_EQ(name.get(), nullptr);
}

TEST_F(PortableTest, RunPassesReferencesThrough) {
  int target = 0;
  int &ref = number.run(1, [&]() -> int & { return target; });
  EXPECT_EQ(&ref, &target);
  auto nothing = [] {};
  static_assert(std::is_void<decltype(number.run(1, nothing))>::value,
                "run returns what the callable returns");
}

TEST_F(PortableTest, ExceptionRestoresTheContext) {
  EXPECT_THROW(number.run(3,
                          [] {
                            number.run(4, [] {
                              throw std::runtime_error("request failed");
                            });
                          }),
               std::runtime_error);
  EXPECT_EQ(number.get(), nullptr);
}

TEST_F(PortableTest, SnapshotCarriesTheContextToAnotherThread) {
  Snapshot snapshot = number.run(5, [] { return capture(); });
  EXPECT_FALSE(snapshot.empty());
  EXPECT_EQ(number.get(), nullptr);
  int seen = -1;
  on_new_thread([&] {
    seen = snapshot.run([] { return value_or(number, -1); });
    EXPECT_EQ(number.get(), nullptr) << "run restores the thread's context";
  });
  EXPECT_EQ(seen, 5);
}

TEST_F(PortableTest, SnapshotCopiesAreTheSameContext) {
  Snapshot a = number.run(1, [] { return capture(); });
  Snapshot b = a;
  EXPECT_TRUE(a == b);
  Snapshot c = number.run(1, [] { return capture(); });
  EXPECT_FALSE(a == c) << "equal values, another context";
  Snapshot moved = std::move(b);
  EXPECT_TRUE(moved == a);
  EXPECT_TRUE(Snapshot().empty());
  static_assert(std::is_nothrow_copy_constructible<Snapshot>::value &&
                    std::is_nothrow_move_assignable<Snapshot>::value,
                "snapshots copy and move without throwing");
}

TEST_F(PortableTest, ScopeInstallsUntilTheEndOfTheBlock) {
  Snapshot snapshot = number.run(9, [] { return capture(); });
  {
    Scope scope(snapshot);
    EXPECT_EQ(value_or(number, -1), 9);
    snapshot = Snapshot(); // the scope holds its own reference
    EXPECT_EQ(value_or(number, -1), 9);
  }
  EXPECT_EQ(number.get(), nullptr);
  static_assert(!std::is_copy_constructible<Scope>::value &&
                    !std::is_convertible<const Snapshot &, Scope>::value,
                "a Scope is a block-scoped guard");
}

TEST_F(PortableTest, WrapRunsInTheCapturedContextOnAnotherThread) {
  std::vector<std::thread> threads;
  std::vector<int> seen(4, -1);
  for (int i = 0; i < 4; ++i)
    number.run(i * 10, [&, i] {
      threads.emplace_back(
          wrap([&seen, i] { seen[i] = value_or(number, -1); }));
    });
  for (std::thread &t : threads)
    t.join();
  EXPECT_EQ(seen, (std::vector<int>{0, 10, 20, 30}));
}

TEST_F(PortableTest, WrappedRestoresTheCallersContext) {
  auto wrapped =
      number.run(1, [] { return wrap([] { return *number.get(); }); });
  number.run(2, [&] {
    EXPECT_EQ(wrapped(), 1);
    EXPECT_EQ(value_or(number, -1), 2);
  });
}

struct Account {
  int balance = 0;
  int deposit(int amount) { return balance += amount; }
};

int twice(int x) { return 2 * x; }

TEST_F(PortableTest, WrapTakesEveryKindOfCallable) {
  // A function and a function pointer.
  auto by_name = wrap(twice);
  static_assert(std::is_same<decltype(by_name), Wrapped<int (*)(int)>>::value,
                "a function decays to a pointer");
  EXPECT_EQ(by_name(21), 42);

  // Pointers to members, called with an object, a pointer or a smart pointer.
  Account account;
  auto deposit = wrap(&Account::deposit);
  EXPECT_EQ(deposit(account, 5), 5);
  EXPECT_EQ(deposit(&account, 5), 10);
  auto shared = std::make_shared<Account>();
  EXPECT_EQ(deposit(shared, 1), 1);
  auto balance = wrap(&Account::balance);
  static_assert(std::is_same<decltype(balance(account)), int &>::value,
                "a data member is read as an lvalue");
  EXPECT_EQ(balance(account), 10);

  // A mutable lambda is callable only as non-const.
  auto counter = wrap([n = 0]() mutable { return ++n; });
  EXPECT_EQ(counter(), 1);
  EXPECT_EQ(counter(), 2);
  using Counter = decltype(counter);
  static_assert(asyncctx::detail::is_invocable<Counter &>::value &&
                    !asyncctx::detail::is_invocable<const Counter &>::value,
                "the const call follows the callable's");

  // A move-only callable makes a move-only Wrapped, called as an rvalue.
  auto owner = wrap([p = std::make_unique<int>(3)]() { return *p; });
  static_assert(!std::is_copy_constructible<decltype(owner)>::value &&
                    std::is_nothrow_move_constructible<decltype(owner)>::value,
                "Wrapped copies and moves as its callable does");
  auto moved = std::move(owner);
  EXPECT_EQ(std::move(moved)(), 3);

  // std::function takes a copyable Wrapped.
  std::function<int(int)> erased = number.run(
      4, [] { return wrap([](int x) { return x + *number.get(); }); });
  EXPECT_EQ(erased(1), 5);
}

TEST_F(PortableTest, WrappedIsConstrainedOnItsArguments) {
  using W = Wrapped<std::function<int(int)>>;
  static_assert(asyncctx::detail::is_invocable<W &, int>::value &&
                    !asyncctx::detail::is_invocable<W &, std::string>::value &&
                    !asyncctx::detail::is_invocable<W &>::value,
                "calls the callable does not accept do not compile");
  // Without CTAD: the template argument, or wrap().
  W explicit_type(number.run(6, [] { return capture(); }),
                  [](int x) { return x + value_or(number, 0); });
  EXPECT_EQ(explicit_type(1), 7);
  EXPECT_EQ(explicit_type.snapshot().empty(), false);
  EXPECT_EQ(explicit_type.inner()(1), 1) << "inner() is the bare callable";
}

TEST_F(PortableTest, BridgeCarriesALegacyThreadLocal) {
  g_portable_request = "req-1";
  std::string seen;
  std::thread worker(wrap([&] { seen = g_portable_request; }));
  g_portable_request = "req-2";
  worker.join();
  EXPECT_EQ(seen, "req-1");
  g_portable_request.clear();
}

// The general form, for a foreign per-thread context.
thread_local int g_foreign_depth = 0;
struct ForeignToken {
  int previous;
};
const asyncctx::Bridge foreign_bridge = asyncctx::bridge(
    [] { return g_foreign_depth; },
    [](const int &captured) {
      ForeignToken token{g_foreign_depth};
      g_foreign_depth = captured;
      return token;
    },
    [](ForeignToken &&token) { g_foreign_depth = token.previous; });

TEST_F(PortableTest, GeneralBridgeInstallsAndRestores) {
  g_foreign_depth = 3;
  Snapshot snapshot = capture();
  g_foreign_depth = 0;
  int seen = -1, after = -1;
  on_new_thread([&] {
    g_foreign_depth = 11;
    {
      Scope scope(snapshot);
      seen = g_foreign_depth;
    }
    after = g_foreign_depth;
  });
  EXPECT_EQ(seen, 3);
  EXPECT_EQ(after, 11);
}

} // namespace

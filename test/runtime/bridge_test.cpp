// asyncctx::bridge: a legacy thread_local (and, through the general form, any
// per-thread state) carried by capture, Snapshot, Scope, wrap, task<T> and
// with_context. This executable registers bridges; the main runtime suite
// registers none, so both the bridged and the bridge-free paths are tested.
#include "bridge_test_support.hpp"
#include "test_support.hpp"

#include <asyncctx/asio.hpp>
#include <asyncctx/task.hpp>

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>

#include <atomic>
#include <coroutine>
#include <future>
#include <latch>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

// The adoption line, as users copy it (docs/runtime.md, "Bridges").
thread_local std::string g_request_id;
static const auto request_bridge =
    asyncctx::bridge([]() -> std::string & { return g_request_id; });

// The control: the same kind of variable, never bridged.
thread_local std::string g_unbridged;

namespace {

using asyncctx::capture;
using asyncctx::Local;
using asyncctx::Scope;
using asyncctx::Snapshot;
using asyncctx_test::Counted;
using asyncctx_test::Counters;
using asyncctx_test::value_of;

Local<int> number;

// Every test starts and ends with both variables empty on the main thread.
class BridgeTest : public asyncctx_test::RuntimeTest {
protected:
  void SetUp() override {
    RuntimeTest::SetUp();
    ASSERT_EQ(g_request_id, "");
    ASSERT_EQ(g_unbridged, "");
  }
  void TearDown() override {
    g_request_id.clear();
    g_unbridged.clear();
    RuntimeTest::TearDown();
  }
};

// What a callback sees of both variables.
struct Seen {
  std::string bridged, unbridged;
  bool operator==(const Seen &) const = default;
};
Seen seen() { return {g_request_id, g_unbridged}; }

TEST_F(BridgeTest, WrapCarriesTheBridgedVariableToStdThread) {
  g_request_id = "req-42";
  g_unbridged = "req-42";
  Seen in_thread;
  std::thread t(asyncctx::wrap([&] { in_thread = seen(); }));
  t.join();
  EXPECT_EQ(in_thread, (Seen{"req-42", ""}))
      << "the bridged variable arrives, the unbridged one does not";
}

TEST_F(BridgeTest, WrapCarriesTheBridgedVariableToStdAsync) {
  g_request_id = "req-7";
  g_unbridged = "req-7";
  auto f = std::async(std::launch::async, asyncctx::wrap(seen));
  EXPECT_EQ(f.get(), (Seen{"req-7", ""}));
}

TEST_F(BridgeTest, WrapCarriesTheBridgedVariableToAnAsioThreadPool) {
  asio::thread_pool pool(2);
  std::vector<std::promise<Seen>> results(4);
  for (int i = 0; i < 4; ++i) {
    g_request_id = "req-" + std::to_string(i);
    asio::post(pool,
               asyncctx::wrap([&results, i] { results[i].set_value(seen()); }));
  }
  g_request_id.clear();
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(results[i].get_future().get().bridged,
              "req-" + std::to_string(i));
  pool.join();
}

TEST_F(BridgeTest, WithContextCarriesTheBridgedVariable) {
  asio::thread_pool pool(1);
  g_request_id = "req-ex";
  auto ex = asyncctx::with_context(pool.get_executor());
  g_request_id = "later";
  std::promise<std::string> in_pool;
  asio::post(ex, [&] { in_pool.set_value(g_request_id); });
  EXPECT_EQ(in_pool.get_future().get(), "req-ex")
      << "the value when with_context captured";
  pool.join();
}

TEST_F(BridgeTest, InstallingSwapsTheCapturedValueInAndLeavingRestores) {
  g_request_id = "captured";
  auto w = asyncctx::wrap([] {
    EXPECT_EQ(g_request_id, "captured");
    g_request_id = "changed inside"; // discarded when the call ends
  });
  g_request_id = "caller";
  w();
  EXPECT_EQ(g_request_id, "caller");
  w();
  EXPECT_EQ(g_request_id, "caller");
}

TEST_F(BridgeTest, LeavingRestoresWhenTheCallThrows) {
  g_request_id = "captured";
  auto w = asyncctx::wrap([] {
    EXPECT_EQ(g_request_id, "captured");
    throw std::runtime_error("boom");
  });
  g_request_id = "caller";
  EXPECT_THROW(w(), std::runtime_error);
  EXPECT_EQ(g_request_id, "caller");
  EXPECT_THROW(std::move(w)(), std::runtime_error) << "the one rvalue call";
  EXPECT_EQ(g_request_id, "caller");
}

// Called as an rvalue (std::thread, executors, Asio handlers), a Wrapped
// whose snapshot nothing shares moves its captured value in rather than
// copying it, and gives it up (docs/runtime.md, "Bridges").
TEST_F(BridgeTest, AnRvalueCallMovesTheCapturedValueInAndRestores) {
  const std::string captured(40, 'c'); // beyond the small-string buffer
  g_request_id = captured;
  std::string in_call;
  auto w = asyncctx::wrap([&] {
    in_call = g_request_id;
    g_request_id = "changed inside";
  });
  g_request_id = "caller";
  std::move(w)();
  EXPECT_EQ(in_call, captured);
  EXPECT_EQ(g_request_id, "caller") << "the caller's value is restored";

  std::move(w)();
  EXPECT_EQ(in_call, "caller")
      << "the first call took the value: a second one installs none";
  EXPECT_EQ(g_request_id, "changed inside")
      << "and, like a snapshot without the bridge, restores nothing";
}

TEST_F(BridgeTest, AnRvalueCallCopiesAValueThatACopyOfTheSnapshotShares) {
  g_request_id = "shared";
  std::string in_call;
  auto w = asyncctx::wrap([&] { in_call = g_request_id; });
  const Snapshot copy = w.snapshot();
  g_request_id = "caller";
  std::move(w)();
  EXPECT_EQ(in_call, "shared");
  std::move(w)();
  EXPECT_EQ(in_call, "shared") << "shared values are copied, not given up";
  copy.run([&] { EXPECT_EQ(g_request_id, "shared"); });
  EXPECT_EQ(g_request_id, "caller");
}

TEST_F(BridgeTest, CaptureCopiesTheValueAtThatMoment) {
  g_request_id = "a";
  Snapshot a = capture();
  g_request_id = "b";
  Snapshot b = capture();
  g_request_id = "c";
  a.run([] { EXPECT_EQ(g_request_id, "a"); });
  b.run([] { EXPECT_EQ(g_request_id, "b"); });
  EXPECT_EQ(g_request_id, "c");
  EXPECT_NE(a, b) << "two captures hold two copies";
  Snapshot a2 = a;
  EXPECT_EQ(a2, a) << "copies of a snapshot share its capture";
  g_request_id.clear();
  a2.run([] { EXPECT_EQ(g_request_id, "a"); });
}

// A thread keeps the values of its last freed capture of a std::string for
// its next capture to assign to (docs/runtime.md, "Bridges", cost): each
// capture must still hold the variable as it was then, whatever the kept
// value's length, and the kept value is freed when the thread exits (leak
// checked under AddressSanitizer).
TEST_F(BridgeTest, EachCaptureCopiesTheVariableAnewWhenAFreedOneIsReused) {
  std::thread([] {
    const std::string longer(40, 'x'); // beyond the small-string buffer
    for (const std::string &id :
         {std::string("short-1"), longer, std::string("short-2"), longer}) {
      g_request_id = id;
      Snapshot s = capture();
      g_request_id = "changed";
      s.run([&] { EXPECT_EQ(g_request_id, id); });
      EXPECT_EQ(g_request_id, "changed");
    }
  }).join();
}

// The variable's object is replaced, not assigned to, while a snapshot is
// installed: a reference taken before still names the variable.
TEST_F(BridgeTest, AReferenceToTheVariableSeesTheInstalledValue) {
  std::string &variable = g_request_id;
  g_request_id = "captured";
  Snapshot s = capture();
  g_request_id = "caller";
  s.run([&] { EXPECT_EQ(variable, "captured"); });
  EXPECT_EQ(variable, "caller");
}

TEST_F(BridgeTest, ScopeInstallsTheBridgedValue) {
  g_request_id = "scoped";
  Snapshot s = capture();
  g_request_id = "outer";
  {
    Scope scope(s);
    EXPECT_EQ(g_request_id, "scoped");
  }
  EXPECT_EQ(g_request_id, "outer");
  {
    Scope scope{Snapshot(s)}; // of a temporary: the values were copied in
    EXPECT_EQ(g_request_id, "scoped");
  }
  EXPECT_EQ(g_request_id, "outer");
}

TEST_F(BridgeTest, TheBridgeTravelsWithTheLocals) {
  number.run(5, [] {
    g_request_id = "with-5";
    auto w = asyncctx::wrap(
        [] { return std::to_string(*number.get()) + "/" + g_request_id; });
    g_request_id.clear();
    std::string in_thread;
    std::thread t([&] { in_thread = w(); });
    t.join();
    EXPECT_EQ(in_thread, "5/with-5");
  });
}

TEST_F(BridgeTest, LocalRunLeavesBridgedValuesAlone) {
  g_request_id = "before";
  number.run(1, [] {
    EXPECT_EQ(g_request_id, "before");
    g_request_id = "set inside run";
  });
  EXPECT_EQ(g_request_id, "set inside run")
      << "Local::run neither installs nor restores bridged values";
}

TEST_F(BridgeTest, TheEmptySnapshotLeavesBridgedValuesAlone) {
  g_request_id = "mine";
  Snapshot().run([] { EXPECT_EQ(g_request_id, "mine"); });
  asyncctx::Wrapped<void (*)()> w(Snapshot(),
                                  [] { EXPECT_EQ(g_request_id, "mine"); });
  w();
  EXPECT_EQ(g_request_id, "mine");
}

TEST_F(BridgeTest, ACaptureWithNoContextStillCarriesBridgedValues) {
  ASSERT_TRUE(capture().empty()) << "empty() is about Locals only";
  g_request_id = "no locals";
  Snapshot s = capture();
  EXPECT_TRUE(s.empty());
  g_request_id.clear();
  s.run([] { EXPECT_EQ(g_request_id, "no locals"); });
}

// --- the general form, LIFO order --------------------------------------------

// Two general-form bridges over per-thread ints that log every install and
// leave, to check the order.
thread_local int g_first = 0;
thread_local int g_second = 0;
thread_local std::vector<std::string> g_log;

asyncctx::Bridge logging_bridge(const char *name, int &(*variable)()) {
  return asyncctx::bridge([variable] { return variable(); },
                          [name, variable](const int &captured) {
                            g_log.push_back(std::string("install ") + name +
                                            std::to_string(captured));
                            int previous = variable();
                            variable() = captured;
                            return previous;
                          },
                          [name, variable](int &&previous) {
                            g_log.push_back(std::string("leave ") + name +
                                            std::to_string(variable()));
                            variable() = previous;
                          });
}
const asyncctx::Bridge first_bridge =
    logging_bridge("a", []() -> int & { return g_first; });
const asyncctx::Bridge second_bridge =
    logging_bridge("b", []() -> int & { return g_second; });

TEST_F(BridgeTest, NestedInstallationsRestoreInLifoOrder) {
  g_first = g_second = 1;
  Snapshot one = capture();
  g_first = g_second = 2;
  Snapshot two = capture();
  g_first = g_second = 0;
  g_log.clear();
  one.run([&] {
    EXPECT_EQ(g_first, 1);
    two.run([&] {
      EXPECT_EQ(g_first, 2);
      EXPECT_EQ(g_second, 2);
    });
    EXPECT_EQ(g_first, 1);
    EXPECT_EQ(g_second, 1);
  });
  EXPECT_EQ(g_first, 0);
  EXPECT_EQ(g_second, 0);
  const std::vector<std::string> expected = {
      "install a1", "install b1", "install a2", "install b2",
      "leave b2",   "leave a2",   "leave b1",   "leave a1"};
  EXPECT_EQ(g_log, expected);
}

// Values captured by the general form are destroyed once, with the last copy
// of the snapshot, on whichever thread that is.
Counters g_counters;
thread_local int g_counted_value = 0;
const asyncctx::Bridge counted_bridge =
    asyncctx::bridge([] { return Counted(g_counters, g_counted_value); },
                     [](const Counted &captured) {
                       return std::exchange(g_counted_value, captured.value);
                     },
                     [](int &&previous) { g_counted_value = previous; });

TEST_F(BridgeTest, CapturedValuesLiveAsLongAsTheSnapshot) {
  const int alive_before = g_counters.alive;
  g_counted_value = 9;
  {
    Snapshot s = capture();
    EXPECT_EQ(g_counters.alive, alive_before + 1);
    Snapshot copy = s;
    EXPECT_EQ(g_counters.alive, alive_before + 1) << "copies share values";
    g_counted_value = 0;
    std::thread t([moved = std::move(s)] {
      moved.run([] { EXPECT_EQ(g_counted_value, 9); });
    });
    t.join();
    EXPECT_EQ(g_counters.alive, alive_before + 1);
    copy.run([] { EXPECT_EQ(g_counted_value, 9); });
  }
  EXPECT_EQ(g_counters.alive, alive_before);
  g_counted_value = 0;
}

// The capture an rvalue call takes is released when the call ends, thrown
// out of or not, not when the Wrapped goes.
TEST_F(BridgeTest, AnRvalueCallReleasesTheValuesItTook) {
  const int alive_before = g_counters.alive;
  g_counted_value = 5;
  auto w = asyncctx::wrap([] {
    EXPECT_EQ(g_counted_value, 5);
    throw std::runtime_error("boom");
  });
  EXPECT_EQ(g_counters.alive, alive_before + 1);
  g_counted_value = 0;
  EXPECT_THROW(std::move(w)(), std::runtime_error);
  EXPECT_EQ(g_counted_value, 0);
  EXPECT_EQ(g_counters.alive, alive_before);
}

// --- registration
// --------------------------------------------------------------

thread_local std::string g_late;

// A bridge registered at run time, after snapshots exist.
TEST_F(BridgeTest, RegistrationAfterACapture) {
  g_late = "late-1";
  Snapshot before = capture();
  std::string in_thread = "unset";
  std::thread([w = asyncctx::wrap([&] { in_thread = g_late; })] {
    w();
  }).join();
  EXPECT_EQ(in_thread, "") << "not bridged yet: not carried";

  [[maybe_unused]] static const auto late_bridge =
      asyncctx::bridge([]() -> std::string & { return g_late; });

  g_late = "late-2";
  Snapshot after = capture();
  g_late = "caller";
  before.run([] {
    EXPECT_EQ(g_late, "caller")
        << "an older snapshot has no value for the new bridge: untouched";
  });
  after.run([] { EXPECT_EQ(g_late, "late-2"); });
  EXPECT_EQ(g_late, "caller");
  std::thread([w = asyncctx::wrap([&] { in_thread = g_late; })] {
    w();
  }).join();
  EXPECT_EQ(in_thread, "caller") << "now carried";
  g_late.clear();
}

// Registration races with captures and installations on other threads (run
// under ThreadSanitizer): every capture sees a complete set of bridges, and
// each installs the values it captured.
thread_local int g_racing[8];

TEST_F(BridgeTest, RegistrationIsSafeWhileOtherThreadsCapture) {
  constexpr int threads = 2;
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::latch started(threads + 1);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      started.arrive_and_wait();
      for (int round = 1; !stop.load(std::memory_order_relaxed); ++round) {
        for (int &v : g_racing)
          v = round * 10 + t;
        g_request_id = std::to_string(round);
        auto w = asyncctx::wrap([round, t] {
          // Bridges registered before the capture carry the captured round;
          // one registered after it leaves this thread's value (0) alone.
          for (int v : g_racing)
            if (v != round * 10 + t && v != 0)
              return false;
          return g_request_id == std::to_string(round);
        });
        for (int &v : g_racing)
          v = 0;
        g_request_id.clear();
        if (!w())
          ++failures;
      }
    });
  }
  started.arrive_and_wait();
  static std::vector<asyncctx::Bridge> racing_bridges;
  for (int i = 0; i < 8; ++i) {
    racing_bridges.push_back(
        asyncctx::bridge([i]() -> int & { return g_racing[i]; }));
    std::this_thread::yield();
  }
  stop = true;
  for (auto &w : workers)
    w.join();
  EXPECT_EQ(failures, 0);
}

TEST_F(BridgeTest, RegisteredFromAStaticInitializerOfAnotherUnit) {
  EXPECT_EQ(asyncctx_test::static_init_bridge_result(), "static-init")
      << "a bridge registered and used during static initialization";
  asyncctx_test::g_static_bridged = "main";
  std::string in_thread;
  std::thread(asyncctx::wrap([&] {
    in_thread = asyncctx_test::g_static_bridged;
  })).join();
  EXPECT_EQ(in_thread, "main");
  asyncctx_test::g_static_bridged.clear();
}

// --- coroutines
// ------------------------------------------------------------------

struct resume_on_new_thread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    std::thread([h] { h.resume(); }).detach();
  }
  void await_resume() const noexcept {}
};

asyncctx::task<std::string> read_after_hop() {
  EXPECT_EQ(g_request_id, "task");
  g_request_id = "changed in the body";
  co_await resume_on_new_thread{};
  // A new thread, and the captured value again (changes do not survive a
  // suspension: each resumption installs the captured values).
  co_return g_request_id;
}

TEST_F(BridgeTest, TaskResumptionsInstallTheCapturedValue) {
  g_request_id = "task";
  auto t = read_after_hop();
  g_request_id = "caller";
  EXPECT_EQ(asyncctx::sync_wait(std::move(t)), "task");
  EXPECT_EQ(g_request_id, "caller")
      << "the suspension restored the caller's value";
}

// --- misnesting
// ----------------------------------------------------------------

// Undefined behaviour, repaired where it is detected (as for Locals, see
// lifetime_test.cpp): a Scope left open is ended by the installation below
// it, which also restores the bridged value it had swapped in.
TEST_F(BridgeTest, AMisnestedScopeIsUnwoundByTheInstallationBelow) {
  g_request_id = "inner";
  Snapshot inner = capture();
  g_request_id = "outer";
  Snapshot outer = capture();
  g_request_id = "caller";
  std::unique_ptr<Scope> leaked;
  outer.run([&] {
    leaked = std::make_unique<Scope>(inner);
    EXPECT_EQ(g_request_id, "inner");
  });
  EXPECT_EQ(g_request_id, "caller") << "both values unwound, in LIFO order";
  leaked.reset(); // already ended: nothing left to restore
  EXPECT_EQ(g_request_id, "caller");
}

// --- one thread_local bridge alone
// ----------------------------------------------------

// A process that registers one thread_local bridge (the usual adoption) gets
// a set that installs and leaves in one call each. This suite registers
// several, so that set is built here on the side, unregistered, and
// installed through the detail API.
thread_local std::string g_alone;

struct AloneBridge {
  std::string &operator()() const { return g_alone; }
};
using asyncctx::detail::BridgeCapture;
using asyncctx::detail::BridgeSet;
using asyncctx::detail::InstalledFrame;

const BridgeSet *alone_set() {
  static const BridgeSet *const set = BridgeSet::make(
      nullptr,
      new asyncctx::detail::VariableBridge<std::string, AloneBridge>({}));
  return set;
}

TEST_F(BridgeTest, ALoneThreadLocalBridgeInstallsAndLeavesInOneCallEach) {
  const BridgeSet *set = alone_set();
  ASSERT_NE(set->enter, &asyncctx::detail::install_bridges) << "fused";
  g_alone = "captured";
  BridgeCapture *c = asyncctx::detail::capture_bridges(set);
  g_alone = "caller";
  {
    InstalledFrame installed(nullptr, c);
    EXPECT_EQ(g_alone, "captured");
    g_alone = "changed inside";
    {
      InstalledFrame nested(nullptr, c);
      EXPECT_EQ(g_alone, "captured");
    }
    EXPECT_EQ(g_alone, "changed inside");
  }
  EXPECT_EQ(g_alone, "caller");
  EXPECT_THROW(
      {
        InstalledFrame installed(nullptr, c);
        throw std::runtime_error("boom");
      },
      std::runtime_error);
  EXPECT_EQ(g_alone, "caller");
  {
    BridgeCapture *holder = c; // the one user of c, as a Wrapped's snapshot
    InstalledFrame once(nullptr, c, /*adopt=*/false, /*credits=*/0, &holder);
    EXPECT_EQ(holder, nullptr) << "taken by the installation";
    EXPECT_EQ(g_alone, "captured");
  } // releases c
  EXPECT_EQ(g_alone, "caller");
  g_alone.clear();
}

TEST_F(BridgeTest, ALoneBridgeLeftOpenIsUnwoundByTheInstallationBelow) {
  const BridgeSet *set = alone_set();
  g_alone = "inner";
  BridgeCapture *inner = asyncctx::detail::capture_bridges(set);
  g_alone = "outer";
  BridgeCapture *outer = asyncctx::detail::capture_bridges(set);
  g_alone = "caller";
  std::unique_ptr<InstalledFrame> leaked;
  {
    InstalledFrame installed(nullptr, outer, false, 0, &outer);
    leaked = std::make_unique<InstalledFrame>(nullptr, inner, false, 0, &inner);
    EXPECT_EQ(g_alone, "inner");
  }
  EXPECT_EQ(g_alone, "caller") << "both values unwound, in LIFO order";
  leaked.reset(); // already ended: nothing left to restore
  EXPECT_EQ(g_alone, "caller");
  g_alone.clear();
}

} // namespace

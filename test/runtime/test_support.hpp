// Shared helpers for the runtime unit tests.
#ifndef ASYNCCTX_TEST_RUNTIME_TEST_SUPPORT_HPP
#define ASYNCCTX_TEST_RUNTIME_TEST_SUPPORT_HPP

#include <asyncctx/asyncctx.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace asyncctx_test {

// The value of `local` in the current context, by copy, so that a missing
// value is a test failure rather than a null dereference.
template <class T> std::optional<T> value_of(const asyncctx::Local<T> &local) {
  const T *p = local.get();
  return p != nullptr ? std::optional<T>(*p) : std::nullopt;
}

inline bool context_is_empty() { return asyncctx::capture().empty(); }

// Counts how often a Counted is built, copied, moved and destroyed; atomic
// because values may be destroyed on whichever thread drops the last context.
struct Counters {
  std::atomic<int> copies{0};
  std::atomic<int> moves{0};
  std::atomic<int> alive{0};
  std::atomic<int> destroyed{0};
};

struct Counted {
  Counted(Counters &c, int v) : counters(&c), value(v) { ++counters->alive; }
  Counted(const Counted &o) : counters(o.counters), value(o.value) {
    ++counters->copies;
    ++counters->alive;
  }
  Counted(Counted &&o) noexcept : counters(o.counters), value(o.value) {
    ++counters->moves;
    ++counters->alive;
  }
  Counted &operator=(const Counted &) = delete;
  Counted &operator=(Counted &&) = delete;
  ~Counted() {
    --counters->alive;
    ++counters->destroyed;
  }

  Counters *counters;
  int value;
};

// Every test starts and must end with the empty context on the main thread.
class RuntimeTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_TRUE(context_is_empty()); }
  void TearDown() override {
    EXPECT_TRUE(context_is_empty()) << "a test leaked a context";
  }
};

// Counts checks and failures from any thread.
struct Checker {
  std::atomic<int> checks{0};
  std::atomic<int> failures{0};
  void expect(bool ok) {
    ++checks;
    if (!ok)
      ++failures;
  }
};

// White-box probes into asyncctx::detail, the only ones the tests use. They
// cover what no public API can observe: how large a frame is and how many
// slots have been handed out (the memory cost documented in docs/runtime.md,
// "Limitations"), the outcome of a slot race replayed deterministically, and
// whether a path touched the shared reference count or only this thread's
// credits (the absence of atomic operations, which otherwise only a benchmark
// shows). Everything else is tested through the public API.
namespace whitebox {

// Slots of the current context's frame; 0 for the empty context.
inline std::uint32_t frame_size() {
  const asyncctx::detail::Frame *f = asyncctx::detail::this_thread().current;
  return f != nullptr ? f->size : 0;
}

// Slot indices handed out to Locals so far, in the whole process.
inline std::uint32_t slots_assigned() {
  return asyncctx::detail::SlotCounter<>::next_slot.load();
}

// Assigns a slot to the Local whose key is `key` (0 until assigned).
inline std::uint32_t assign_key(std::atomic<std::uint32_t> &key) {
  return asyncctx::detail::assign_key(key);
}

// The shared reference count of the current context (which must exist).
inline std::size_t shared_count() {
  return asyncctx::detail::this_thread().current->refs.load();
}

// References this thread holds in advance for its innermost installation.
inline std::size_t credits() { return asyncctx::detail::this_thread().credits; }
inline constexpr std::size_t credit_batch = asyncctx::detail::credit_batch;

} // namespace whitebox

} // namespace asyncctx_test

#endif

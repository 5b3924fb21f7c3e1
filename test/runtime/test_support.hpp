// Shared helpers for the runtime unit tests.
#ifndef ASYNCCTX_TEST_RUNTIME_TEST_SUPPORT_HPP
#define ASYNCCTX_TEST_RUNTIME_TEST_SUPPORT_HPP

#include <asyncctx/asyncctx.hpp>

#include <gtest/gtest.h>

#include <atomic>
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

} // namespace asyncctx_test

#endif

// Microbenchmarks of the asyncctx runtime (<asyncctx/asyncctx.hpp>,
// <asyncctx/task.hpp>) against a direct call and a naive context
// implementation, in one binary. Run through bench/runtime.sh, which builds it
// with clang++-22 -O2 and prints a table; docs/performance.md has the numbers.
//
// Naming: <Impl>_<operation>[/variant]. Impl is
//   Direct   no context at all (the floor);
//   Asyncctx the runtime under test;
//   Naive    a thread_local std::shared_ptr<std::unordered_map<std::string,
//            std::any>>: a read hashes the key, and a capture copies the map
//            into a new shared_ptr ("copied on capture"; Naive_capture_share
//            only copies the shared_ptr, i.e. the cheapest possible capture
//            of that representation).
//
// Every benchmark pushes its result through benchmark::DoNotOptimize, whose
// asm has a memory clobber, so thread-local and atomic loads are redone on
// every iteration and nothing is hoisted out of the timing loop.
//
// Bridges (docs/runtime.md, "Bridges"): built with
//   -DASYNCCTX_BENCH_BRIDGE=1  one std::string thread_local bridge,
//   -DASYNCCTX_BENCH_BRIDGE=2  the OpenTelemetry bridge,
// registered before main, every Asyncctx_* benchmark pays for it; the
// Bridge_* and Otel_* benchmarks only exist in those builds. Without the
// macro (the default) nothing here refers to bridges, so the same file also
// builds against an older runtime for a before/after comparison.

#ifndef ASYNCCTX_BENCH_BRIDGE
#define ASYNCCTX_BENCH_BRIDGE 0
#endif

#if ASYNCCTX_BENCH_BRIDGE == 2
#include <asyncctx/opentelemetry.hpp>

#include <opentelemetry/context/context.h>
#include <opentelemetry/context/runtime_context.h>
#endif
#include <asyncctx/asyncctx.hpp>
#include <asyncctx/task.hpp>

#include <benchmark/benchmark.h>

#include <any>
#include <array>
#include <atomic>
#include <coroutine>
#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

// ---------------------------------------------------------------------------
// Fixtures

// The Local every benchmark reads; `miss` is a Local that has a slot (it ran
// once) but is not bound in the contexts the benchmarks install, so a read of
// it takes the "slot in range, no value" path; `never` has never run (key 0,
// out of range for every frame).
asyncctx::Local<int> request_id;
asyncctx::Local<int> miss;
asyncctx::Local<int> never;
std::array<asyncctx::Local<int>, 15> others; // the other live locals (16 total)

// Assign slots in a fixed order: miss first (slot 0, so it lies inside every
// frame built below), then request_id, then the others.
[[maybe_unused]] const bool slots_assigned = [] {
  miss.run(0, [] {});
  request_id.run(0, [] {});
  for (auto &l : others)
    l.run(0, [] {});
  return true;
}();

// Runs f inside a context that binds request_id and, when `live` is 16, the 15
// other Locals as well (16 live locals in one frame).
template <class F> void in_context(int live, F &&f) {
  if (live <= 1) {
    request_id.run(42, f);
    return;
  }
  // Nest runs: each derives a frame from the previous one; the innermost
  // frame binds all 16.
  auto nest = [&](auto &self, std::size_t i) -> void {
    if (i == others.size()) {
      request_id.run(42, f);
      return;
    }
    others[i].run(static_cast<int>(i), [&] { self(self, i + 1); });
  };
  nest(nest, 0);
}

// The callable every call/wrap benchmark invokes: opaque to the optimizer so
// that the direct call and the wrapped call do the same work.
[[gnu::noinline]] int work(int x) {
  benchmark::DoNotOptimize(x);
  return x + 1;
}

// libstdc++'s shared_ptr skips its atomic operations while the process has
// never started a thread (glibc's __libc_single_threaded), which would make
// the naive baseline cheaper here than in any real service, and make its
// figures depend on whether a multi-threaded benchmark ran before. Start one
// thread up front, as every program that needs async context has.
[[maybe_unused]] const bool process_is_multithreaded = [] {
  std::thread([] {}).join();
  return true;
}();

// ---------------------------------------------------------------------------
// Bridges

#if ASYNCCTX_BENCH_BRIDGE == 1
// The adoption line of docs/runtime.md. The main thread (where the
// single-threaded benchmarks run) holds a request id that fits std::string's
// small buffer, as "req-42" does; Bridge_*_long use a UUID-sized one.
thread_local std::string g_request_id;
[[maybe_unused]] const auto request_bridge =
    asyncctx::bridge([]() -> std::string & { return g_request_id; });
[[maybe_unused]] const bool request_id_set = [] {
  g_request_id = "req-42";
  return true;
}();
const std::string long_request_id = "3f2b8c1e-9a47-4d2b-8e6f-1c0a5b7d9e21";
#endif

#if ASYNCCTX_BENCH_BRIDGE == 2
namespace otel_context = opentelemetry::context;

// The main thread runs inside an attached OpenTelemetry context holding a
// value, as instrumented code does (copying the empty context would cost
// nothing: it shares no data). Attached for good: the token is released,
// since a static one would detach at exit, after the thread's context stack
// is gone.
[[maybe_unused]] const bool otel_context_attached = [] {
  otel_context::RuntimeContext::Attach(
      otel_context::RuntimeContext::GetCurrent().SetValue("request",
                                                          std::int64_t{42}))
      .release();
  return true;
}();

// OpenTelemetry's own propagation, for comparison: what capture() adds
// (GetCurrent), and what each wrapped call adds (Attach, then the token's
// destruction detaches).
void Otel_get_current(benchmark::State &state) {
  for (auto _ : state) {
    otel_context::Context c = otel_context::RuntimeContext::GetCurrent();
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(Otel_get_current);

void Otel_attach_detach(benchmark::State &state) {
  const otel_context::Context c = otel_context::RuntimeContext::GetCurrent();
  for (auto _ : state) {
    auto token = otel_context::RuntimeContext::Attach(c);
    benchmark::DoNotOptimize(token);
  }
}
BENCHMARK(Otel_attach_detach);

// A callback made by hand to carry the OpenTelemetry context (the usual way
// without asyncctx): GetCurrent when made, Attach and detach around the call.
void Otel_hand_wrapped_invoke(benchmark::State &state) {
  const otel_context::Context captured =
      otel_context::RuntimeContext::GetCurrent();
  auto f = [](int x) { return work(x); };
  int x = 0;
  for (auto _ : state) {
    auto token = otel_context::RuntimeContext::Attach(captured);
    x = f(x);
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(Otel_hand_wrapped_invoke);
#endif

// ---------------------------------------------------------------------------
// Naive baseline

using NaiveMap = std::unordered_map<std::string, std::any>;
thread_local std::shared_ptr<const NaiveMap> naive_current;
const std::string naive_key = "request_id";
const std::string naive_miss_key = "deadline";

struct NaiveSnapshot {
  std::shared_ptr<const NaiveMap> map;
};

// "Copied on capture": the map is copied into a new shared_ptr.
[[gnu::noinline]] NaiveSnapshot naive_capture_copy() {
  if (!naive_current)
    return {};
  return {std::make_shared<const NaiveMap>(*naive_current)};
}
// The cheapest capture of that representation: share the pointer.
inline NaiveSnapshot naive_capture_share() { return {naive_current}; }

inline const int *naive_get(const std::string &key) {
  const NaiveMap *m = naive_current.get();
  if (m == nullptr)
    return nullptr;
  auto it = m->find(key);
  if (it == m->end())
    return nullptr;
  return std::any_cast<int>(&it->second);
}

template <class F>
decltype(auto) naive_run(const std::string &key, int v, F &&f) {
  auto next = naive_current ? std::make_shared<NaiveMap>(*naive_current)
                            : std::make_shared<NaiveMap>();
  (*next)[key] = v;
  std::shared_ptr<const NaiveMap> prev =
      std::exchange(naive_current, std::move(next));
  struct Restore {
    std::shared_ptr<const NaiveMap> &cur;
    std::shared_ptr<const NaiveMap> &prev;
    ~Restore() { cur = std::move(prev); }
  } restore{naive_current, prev};
  return f();
}

template <class F> void naive_in_context(int live, F &&f) {
  if (live <= 1) {
    naive_run(naive_key, 42, f);
    return;
  }
  auto nest = [&](auto &self, int i) -> void {
    if (i == live - 1) {
      naive_run(naive_key, 42, f);
      return;
    }
    naive_run("local" + std::to_string(i), i, [&] { self(self, i + 1); });
  };
  nest(nest, 0);
}

template <class F> struct NaiveWrapped {
  NaiveSnapshot snap;
  F fn;
  template <class... A> decltype(auto) operator()(A &&...a) {
    std::shared_ptr<const NaiveMap> prev =
        std::exchange(naive_current, snap.map);
    struct Restore {
      std::shared_ptr<const NaiveMap> &cur;
      std::shared_ptr<const NaiveMap> &prev;
      ~Restore() { cur = std::move(prev); }
    } restore{naive_current, prev};
    return fn(std::forward<A>(a)...);
  }
};
template <class F> NaiveWrapped<std::decay_t<F>> naive_wrap(F &&f) {
  return {naive_capture_copy(), std::forward<F>(f)};
}

// ---------------------------------------------------------------------------
// Direct call (the floor for wrap and for every "call" benchmark)

void Direct_call(benchmark::State &state) {
  auto f = [](int x) { return work(x); };
  int x = 0;
  for (auto _ : state) {
    x = f(x);
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(Direct_call);

// ---------------------------------------------------------------------------
// capture()

// capture() + ~Snapshot: one relaxed increment, one acq_rel decrement.
void Asyncctx_capture(benchmark::State &state) {
  in_context(static_cast<int>(state.range(0)), [&] {
    for (auto _ : state) {
      asyncctx::Snapshot s = asyncctx::capture();
      benchmark::DoNotOptimize(s);
    }
  });
}
BENCHMARK(Asyncctx_capture)->Arg(1)->Arg(16)->ArgName("live");

// capture() alone, without the release: 1024 captures into an array per
// iteration, released with the timer paused. The table divides by `batch`.
void Asyncctx_capture_only(benchmark::State &state) {
  constexpr int batch = 1024;
  std::vector<asyncctx::Snapshot> out(batch);
  in_context(1, [&] {
    for (auto _ : state) {
      for (auto &s : out)
        s = asyncctx::capture();
      benchmark::ClobberMemory();
      state.PauseTiming();
      for (auto &s : out)
        s = asyncctx::Snapshot();
      state.ResumeTiming();
    }
  });
  state.counters["batch"] = batch;
}
BENCHMARK(Asyncctx_capture_only);

// In the empty context there is no frame: no atomic operation at all.
void Asyncctx_capture_empty(benchmark::State &state) {
  for (auto _ : state) {
    asyncctx::Snapshot s = asyncctx::capture();
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(Asyncctx_capture_empty);

void Naive_capture_copy(benchmark::State &state) {
  naive_in_context(static_cast<int>(state.range(0)), [&] {
    for (auto _ : state) {
      NaiveSnapshot s = naive_capture_copy();
      benchmark::DoNotOptimize(s);
    }
  });
}
BENCHMARK(Naive_capture_copy)->Arg(1)->Arg(16)->ArgName("live");

void Naive_capture_share(benchmark::State &state) {
  naive_in_context(static_cast<int>(state.range(0)), [&] {
    for (auto _ : state) {
      NaiveSnapshot s = naive_capture_share();
      benchmark::DoNotOptimize(s);
    }
  });
}
BENCHMARK(Naive_capture_share)->Arg(1)->Arg(16)->ArgName("live");

// Contended: every thread captures the same context object, so the reference
// count's cache line bounces between cores. Threads(1) is the uncontended
// reference in the same run.
asyncctx::Snapshot shared_snapshot;
std::shared_ptr<const NaiveMap> naive_shared;

// Setup runs once before all threads start, Teardown once after they end.
void contended_setup(const benchmark::State &) {
  request_id.run(42, [] { shared_snapshot = asyncctx::capture(); });
  naive_run(naive_key, 42, [] { naive_shared = naive_current; });
}
void contended_teardown(const benchmark::State &) {
  shared_snapshot = asyncctx::Snapshot();
  naive_shared.reset();
}

void Asyncctx_capture_shared(benchmark::State &state) {
  asyncctx::Scope scope(shared_snapshot);
  for (auto _ : state) {
    asyncctx::Snapshot s = asyncctx::capture();
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(Asyncctx_capture_shared)
    ->Setup(contended_setup)
    ->Teardown(contended_teardown)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime();

// A copy of a snapshot whose context is not installed on the copying thread:
// no credits, so this is the atomic path (increment, then decrement), and
// with two threads both hit the same cache line.
void Asyncctx_copy_uninstalled_shared(benchmark::State &state) {
  for (auto _ : state) {
    asyncctx::Snapshot s = shared_snapshot;
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(Asyncctx_copy_uninstalled_shared)
    ->Setup(contended_setup)
    ->Teardown(contended_teardown)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime();

// The hardware floor of atomic reference counting: one relaxed increment
// and one acq_rel decrement of a shared counter, as a Snapshot copy and
// destruction did before credits.
std::atomic<std::size_t> floor_counter{1};
void Floor_atomic_inc_dec(benchmark::State &state) {
  for (auto _ : state) {
    floor_counter.fetch_add(1, std::memory_order_relaxed);
    benchmark::DoNotOptimize(
        floor_counter.fetch_sub(1, std::memory_order_acq_rel));
  }
}
BENCHMARK(Floor_atomic_inc_dec)->Threads(1)->Threads(2)->UseRealTime();

void Naive_capture_share_shared(benchmark::State &state) {
  std::shared_ptr<const NaiveMap> prev =
      std::exchange(naive_current, naive_shared);
  for (auto _ : state) {
    NaiveSnapshot s = naive_capture_share();
    benchmark::DoNotOptimize(s);
  }
  naive_current = std::move(prev);
}
BENCHMARK(Naive_capture_share_shared)
    ->Setup(contended_setup)
    ->Teardown(contended_teardown)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime();

// ---------------------------------------------------------------------------
// Local::get

void Asyncctx_get_hit(benchmark::State &state) {
  in_context(static_cast<int>(state.range(0)), [&] {
    for (auto _ : state) {
      const int *p = request_id.get();
      benchmark::DoNotOptimize(p);
    }
  });
}
BENCHMARK(Asyncctx_get_hit)->Arg(1)->Arg(16)->ArgName("live");

// The Local has a slot inside the frame, but no value in this context.
void Asyncctx_get_miss(benchmark::State &state) {
  in_context(static_cast<int>(state.range(0)), [&] {
    for (auto _ : state) {
      const int *p = miss.get();
      benchmark::DoNotOptimize(p);
    }
  });
}
BENCHMARK(Asyncctx_get_miss)->Arg(1)->Arg(16)->ArgName("live");

// A Local that never ran (slot outside every frame).
void Asyncctx_get_miss_never_run(benchmark::State &state) {
  in_context(static_cast<int>(state.range(0)), [&] {
    for (auto _ : state) {
      const int *p = never.get();
      benchmark::DoNotOptimize(p);
    }
  });
}
BENCHMARK(Asyncctx_get_miss_never_run)->Arg(1)->Arg(16)->ArgName("live");

// No context installed at all (the thread's initial state).
void Asyncctx_get_empty_context(benchmark::State &state) {
  for (auto _ : state) {
    const int *p = request_id.get();
    benchmark::DoNotOptimize(p);
  }
}
BENCHMARK(Asyncctx_get_empty_context);

void Naive_get_hit(benchmark::State &state) {
  naive_in_context(static_cast<int>(state.range(0)), [&] {
    for (auto _ : state) {
      const int *p = naive_get(naive_key);
      benchmark::DoNotOptimize(p);
    }
  });
}
BENCHMARK(Naive_get_hit)->Arg(1)->Arg(16)->ArgName("live");

void Naive_get_miss(benchmark::State &state) {
  naive_in_context(static_cast<int>(state.range(0)), [&] {
    for (auto _ : state) {
      const int *p = naive_get(naive_miss_key);
      benchmark::DoNotOptimize(p);
    }
  });
}
BENCHMARK(Naive_get_miss)->Arg(1)->Arg(16)->ArgName("live");

// ---------------------------------------------------------------------------
// Local::run (derive a frame: one allocation for the frame, one for the value)

void Asyncctx_run(benchmark::State &state) {
  in_context(static_cast<int>(state.range(0)), [&] {
    int x = 0;
    for (auto _ : state) {
      x = request_id.run(x, [] { return *request_id.get(); });
      benchmark::DoNotOptimize(x);
    }
  });
}
BENCHMARK(Asyncctx_run)->Arg(1)->Arg(16)->ArgName("live");

void Naive_run(benchmark::State &state) {
  naive_in_context(static_cast<int>(state.range(0)), [&] {
    int x = 0;
    for (auto _ : state) {
      x = naive_run(naive_key, x, [] { return *naive_get(naive_key); });
      benchmark::DoNotOptimize(x);
    }
  });
}
BENCHMARK(Naive_run)->Arg(1)->Arg(16)->ArgName("live");

// ---------------------------------------------------------------------------
// Scope enter/exit (retain, install, restore, release)

void Asyncctx_scope(benchmark::State &state) {
  in_context(1, [&] {
    const asyncctx::Snapshot snap = asyncctx::capture();
    for (auto _ : state) {
      asyncctx::Scope scope(snap);
      benchmark::ClobberMemory();
    }
  });
}
BENCHMARK(Asyncctx_scope);

// Snapshot::run around a trivial function: the same work as Scope plus the
// call.
void Asyncctx_snapshot_run(benchmark::State &state) {
  in_context(1, [&] {
    const asyncctx::Snapshot snap = asyncctx::capture();
    int x = 0;
    for (auto _ : state) {
      x = snap.run([x] { return work(x); });
      benchmark::DoNotOptimize(x);
    }
  });
}
BENCHMARK(Asyncctx_snapshot_run);

// ---------------------------------------------------------------------------
// wrap(f): creation, invocation

void Asyncctx_wrap_create(benchmark::State &state) {
  in_context(1, [&] {
    for (auto _ : state) {
      auto w = asyncctx::wrap([](int x) { return work(x); });
      benchmark::DoNotOptimize(w);
    }
  });
}
BENCHMARK(Asyncctx_wrap_create);

// The same lambda as Direct_call, wrapped once and called in the timing loop:
// the difference to Direct_call is the cost wrap adds to each call.
void Asyncctx_wrap_invoke(benchmark::State &state) {
  in_context(1, [&] {
    auto w = asyncctx::wrap([](int x) { return work(x); });
    int x = 0;
    for (auto _ : state) {
      x = w(x);
      benchmark::DoNotOptimize(x);
    }
  });
}
BENCHMARK(Asyncctx_wrap_invoke);

// Called from a different context than the captured one (the realistic case:
// the callback runs on a pool thread with an empty context).
void Asyncctx_wrap_invoke_from_empty(benchmark::State &state) {
  auto w = request_id.run(
      42, [] { return asyncctx::wrap([](int x) { return work(x); }); });
  int x = 0;
  for (auto _ : state) {
    x = w(x);
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(Asyncctx_wrap_invoke_from_empty);

// wrap(f)(x) in one expression: the whole life of a wrapper that is called
// once, as an rvalue, as std::thread and executors call it (capture, the call,
// destruction). Asyncctx_wrap_invoke calls one wrapper again and again, as an
// lvalue.
void Asyncctx_wrap_once(benchmark::State &state) {
  in_context(1, [&] {
    int x = 0;
    for (auto _ : state) {
      x = asyncctx::wrap([](int y) { return work(y); })(x);
      benchmark::DoNotOptimize(x);
    }
  });
}
BENCHMARK(Asyncctx_wrap_once);

// The wrapped function reads the Local it was wrapped for.
void Asyncctx_wrap_invoke_get(benchmark::State &state) {
  auto w = request_id.run(42, [] {
    return asyncctx::wrap([](int x) { return work(x + *request_id.get()); });
  });
  int x = 0;
  for (auto _ : state) {
    x = w(x) & 0xffff;
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(Asyncctx_wrap_invoke_get);

void Naive_wrap_create(benchmark::State &state) {
  naive_in_context(1, [&] {
    for (auto _ : state) {
      auto w = naive_wrap([](int x) { return work(x); });
      benchmark::DoNotOptimize(w);
    }
  });
}
BENCHMARK(Naive_wrap_create);

void Naive_wrap_invoke(benchmark::State &state) {
  naive_in_context(1, [&] {
    auto w = naive_wrap([](int x) { return work(x); });
    int x = 0;
    for (auto _ : state) {
      x = w(x);
      benchmark::DoNotOptimize(x);
    }
  });
}
BENCHMARK(Naive_wrap_invoke);

#if ASYNCCTX_BENCH_BRIDGE == 1
// capture and a wrapped call again, the bridged request id longer than
// std::string's small buffer (every copy allocates).
// Runs `benchmark` with the bridged request id longer than the small buffer.
void with_long_request_id(benchmark::State &state,
                          void (*benchmark)(benchmark::State &)) {
  g_request_id = long_request_id;
  benchmark(state);
  g_request_id = "req-42";
}

void Bridge_capture_long(benchmark::State &state) {
  with_long_request_id(state, Asyncctx_capture);
}
BENCHMARK(Bridge_capture_long)->Arg(1)->ArgName("live");

void Bridge_wrap_invoke_long(benchmark::State &state) {
  with_long_request_id(state, Asyncctx_wrap_invoke);
}
BENCHMARK(Bridge_wrap_invoke_long);

void Bridge_wrap_once_long(benchmark::State &state) {
  with_long_request_id(state, Asyncctx_wrap_once);
}
BENCHMARK(Bridge_wrap_once_long);

// What the bridge does around a wrapped call, written by hand without
// asyncctx: the thread's string moved aside, `value` constructed in its place,
// the call, the saved one moved back.
template <class V> int call_with_request_id(V &&value, int x) {
  std::string &current = g_request_id;
  std::string saved(std::move(current));
  current.~basic_string();
  ::new (static_cast<void *>(&current)) std::string(std::forward<V>(value));
  benchmark::ClobberMemory();
  x = work(x);
  benchmark::DoNotOptimize(x);
  current.~basic_string();
  ::new (static_cast<void *>(&current)) std::string(std::move(saved));
  return x;
}

// The floor of a wrapped call that keeps its snapshot's value for the next
// call: a copy of the captured value installed.
void Floor_string_bridge_invoke(benchmark::State &state) {
  const std::string captured = g_request_id;
  int x = 0;
  for (auto _ : state)
    x = call_with_request_id(captured, x);
}
BENCHMARK(Floor_string_bridge_invoke);

// The floor of Asyncctx_wrap_once's bridge work: the thread's string copied
// (the capture), then moved in, as the one call of a wrapper may.
void Floor_string_bridge_once(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) {
    std::string captured = g_request_id;
    benchmark::DoNotOptimize(captured);
    x = call_with_request_id(std::move(captured), x);
  }
}
BENCHMARK(Floor_string_bridge_once);
#endif

// ---------------------------------------------------------------------------
// task<T>: resumption

// A minimal lazy task without any context handling, with the same
// structure as asyncctx::task (lazy start, symmetric transfer to the
// continuation at final suspend): the floor for the task benchmarks.
template <class T> class plain_task {
public:
  struct promise_type {
    T value{};
    std::coroutine_handle<> continuation;
    plain_task get_return_object() noexcept {
      return plain_task(
          std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<>
      await_suspend(std::coroutine_handle<promise_type> h) const noexcept {
        if (h.promise().continuation)
          return h.promise().continuation;
        return std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_value(T v) noexcept { value = std::move(v); }
    void unhandled_exception() noexcept { std::terminate(); }
  };

  explicit plain_task(std::coroutine_handle<promise_type> h) noexcept : h_(h) {}
  plain_task(plain_task &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~plain_task() {
    if (h_)
      h_.destroy();
  }

  struct awaiter {
    std::coroutine_handle<promise_type> h;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
      h.promise().continuation = c;
      return h;
    }
    T await_resume() noexcept { return std::move(h.promise().value); }
  };
  awaiter operator co_await() && noexcept { return {h_}; }

  // Runs to completion on this thread (every benchmark body is synchronous).
  T run() {
    h_.resume();
    return std::move(h_.promise().value);
  }

private:
  std::coroutine_handle<promise_type> h_;
};

// Suspends and is resumed at once (await_suspend returns false): the
// context-aware task switches the context out and back in.
struct resume_at_once {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) const noexcept { return false; }
  void await_resume() const noexcept {}
};

// Suspends and resumes itself by symmetric transfer.
struct transfer_to_self {
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<>
  await_suspend(std::coroutine_handle<> h) const noexcept {
    return h;
  }
  void await_resume() const noexcept {}
};

template <class Awaitable>
asyncctx::task<int> ctx_loop(benchmark::State &state) {
  int n = 0;
  for (auto _ : state) {
    co_await Awaitable{};
    ++n;
    benchmark::DoNotOptimize(n);
  }
  co_return n;
}

template <class Awaitable> plain_task<int> plain_loop(benchmark::State &state) {
  int n = 0;
  for (auto _ : state) {
    co_await Awaitable{};
    ++n;
    benchmark::DoNotOptimize(n);
  }
  co_return n;
}

void Asyncctx_task_await_ready(benchmark::State &state) {
  request_id.run(
      42, [&] { asyncctx::sync_wait(ctx_loop<std::suspend_never>(state)); });
}
BENCHMARK(Asyncctx_task_await_ready);

void Plain_task_await_ready(benchmark::State &state) {
  plain_loop<std::suspend_never>(state).run();
}
BENCHMARK(Plain_task_await_ready);

void Asyncctx_task_resume_at_once(benchmark::State &state) {
  request_id.run(42,
                 [&] { asyncctx::sync_wait(ctx_loop<resume_at_once>(state)); });
}
BENCHMARK(Asyncctx_task_resume_at_once);

void Plain_task_resume_at_once(benchmark::State &state) {
  plain_loop<resume_at_once>(state).run();
}
BENCHMARK(Plain_task_resume_at_once);

void Asyncctx_task_resume_transfer(benchmark::State &state) {
  request_id.run(
      42, [&] { asyncctx::sync_wait(ctx_loop<transfer_to_self>(state)); });
}
BENCHMARK(Asyncctx_task_resume_transfer);

void Plain_task_resume_transfer(benchmark::State &state) {
  plain_loop<transfer_to_self>(state).run();
}
BENCHMARK(Plain_task_resume_transfer);

// A chain: each iteration awaits a child task that completes at once. Creates
// the child's coroutine frame (capture in the promise), starts it by symmetric
// transfer, and resumes the parent from its final suspend.
asyncctx::task<int> ctx_child(int x) { co_return x + 1; }
plain_task<int> plain_child(int x) { co_return x + 1; }

asyncctx::task<int> ctx_chain(benchmark::State &state) {
  int n = 0;
  for (auto _ : state) {
    n = co_await ctx_child(n);
    benchmark::DoNotOptimize(n);
  }
  co_return n;
}

plain_task<int> plain_chain(benchmark::State &state) {
  int n = 0;
  for (auto _ : state) {
    n = co_await plain_child(n);
    benchmark::DoNotOptimize(n);
  }
  co_return n;
}

void Asyncctx_task_child(benchmark::State &state) {
  request_id.run(42, [&] { asyncctx::sync_wait(ctx_chain(state)); });
}
BENCHMARK(Asyncctx_task_child);

void Plain_task_child(benchmark::State &state) { plain_chain(state).run(); }
BENCHMARK(Plain_task_child);

} // namespace

BENCHMARK_MAIN();

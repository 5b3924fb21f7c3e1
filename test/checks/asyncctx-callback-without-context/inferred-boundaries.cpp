// Inferred boundaries: a function visible in the translation unit that passes
// one of its own callable parameters, unwrapped, into a boundary is itself a
// boundary for that parameter, to any depth. The finding is at the outermost
// caller's callable, with a note for each hand-over; the forwarding calls
// inside the wrappers are not findings of their own (clarification 7.3), not
// even in StrictMode.
//
// RUN: %check_clang_tidy -check-suffixes=ALL %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include
// RUN: %check_clang_tidy -check-suffixes=ALL,STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <asio.hpp>
#include <functional>
#include <thread>
#include <utility>

asyncctx::Local<int> request_id;

asio::thread_pool pool;

void reader() { (void)request_id.get(); }

// Depth 1.
void run_later(std::function<void()> Job) { asio::post(pool, Job); }

template <class F> void run_in_thread(F &&Job) {
  std::thread(std::forward<F>(Job)).detach();
}

class Scheduler {
public:
  void later(int DelayMs, std::function<void()> Job) {
    (void)DelayMs;
    std::thread T(std::move(Job));
    T.detach();
  }
};

// Depth 3: outer -> middle -> inner -> asio::post.
void inner(std::function<void()> Job) { asio::post(pool, std::move(Job)); }
void middle(std::function<void()> Job) { inner(std::move(Job)); }
void outer(std::function<void()> Job) { middle(Job); }

// Recursion: the wrapper hands the callable to itself, then to a boundary.
void retry(std::function<void()> Job, int Attempts) {
  if (Attempts > 0)
    retry(Job, Attempts - 1);
  else
    asio::post(pool, Job);
}

// Not boundaries: the parameter is wrapped, or called synchronously.
void wrapping_wrapper(std::function<void()> Job) { asio::post(pool, asyncctx::wrap(Job)); }
void synchronous_wrapper(std::function<void()> Job) { Job(); }
template <class F> void synchronous_template(F &&Job) { std::forward<F>(Job)(); }

void depth_one() {
  run_later([] { (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:13: warning: lambda passed to 'run_later' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :25:45: note: 'run_later' passes it to 'asio::post' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:24: note: context is read here
  // CHECK-FIXES-ALL: run_later(asyncctx::wrap([] { (void)request_id.get(); }));
  run_later(reader);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:13: warning: function 'reader' passed to 'run_later' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :25:45: note: 'run_later' passes it to 'asio::post' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :22:23: note: context is read here
  // CHECK-FIXES-ALL: run_later(asyncctx::wrap(reader));
  Scheduler S;
  S.later(10, [] { (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:15: warning: lambda passed to 'Scheduler::later' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :35:17: note: 'Scheduler::later' passes it to 'std::thread' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:26: note: context is read here
  // CHECK-FIXES-ALL: S.later(10, asyncctx::wrap([] { (void)request_id.get(); }));
}

void forwarding_template() {
  run_in_thread([] { (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:17: warning: lambda passed to 'run_in_thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :28:3: note: 'run_in_thread' passes it to 'std::thread' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:28: note: context is read here
  // CHECK-FIXES-ALL: run_in_thread(asyncctx::wrap([] { (void)request_id.get(); }));
}

void depth_three() {
  outer([] { (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:9: warning: lambda passed to 'outer' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :43:41: note: 'outer' passes it to 'middle' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :42:42: note: 'middle' passes it to 'inner' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :41:41: note: 'inner' passes it to 'asio::post' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :[[@LINE-5]]:20: note: context is read here
  // CHECK-FIXES-ALL: outer(asyncctx::wrap([] { (void)request_id.get(); }));
  // Entering the chain in the middle.
  middle(reader);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:10: warning: function 'reader' passed to 'middle' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :42:42: note: 'middle' passes it to 'inner' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :41:41: note: 'inner' passes it to 'asio::post' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :22:23: note: context is read here
  // CHECK-FIXES-ALL: middle(asyncctx::wrap(reader));
}

void recursive_wrapper() {
  retry([] { (void)request_id.get(); }, 3);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:9: warning: lambda passed to 'retry' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :50:5: note: 'retry' passes it to 'asio::post' here, which runs it asynchronously
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:20: note: context is read here
  // CHECK-FIXES-ALL: retry(asyncctx::wrap([] { (void)request_id.get(); }), 3);
}

void callables_reading_nothing() {
  run_later([] {});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:13: warning: lambda passed to 'run_later' runs without the caller's async context [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :25:45: note: 'run_later' passes it to 'asio::post' here, which runs it asynchronously
  // CHECK-FIXES-STRICT: run_later(asyncctx::wrap([] {}));
}

// Negative cases.

void already_wrapped() {
  outer(asyncctx::wrap([] { (void)request_id.get(); }));
  run_in_thread(asyncctx::wrap(reader));
}

void not_boundaries() {
  wrapping_wrapper([] { (void)request_id.get(); });
  synchronous_wrapper([] { (void)request_id.get(); });
  synchronous_template([] { (void)request_id.get(); });
}

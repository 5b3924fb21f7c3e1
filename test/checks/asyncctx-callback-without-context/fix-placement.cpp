// Calls in unevaluated operands are no boundaries; a pack element is never a
// finding; where a wrap would not compile (a member initializer, a composed
// operation whose associated executor the wrapper would hide, a parameter the
// wrapper's result cannot initialize) the finding stays, says why, and gets
// no fix. Given to Asio, a composed operation is wrapped: the fix includes
// <asyncctx/asio.hpp>, whose wrapper forwards what is associated with it. The
// fixed file compiles.
//
// RUN: %check_clang_tidy -check-suffixes=STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true, \
// RUN:     asyncctx-callback-without-context.Boundaries: 'app::later;app::run_all;app::submit;app::submit_ref;app::submit_task;app::submit_function;app::resume'}}" -- \
// RUN:   -std=c++20 -I%runtime_include
// RUN: %clangxx -fsyntax-only %t.cpp

// CHECK-FIXES-STRICT: #include <asyncctx/asio.hpp>
#include <asyncctx/asyncctx.hpp>
#include <asio.hpp>
#include <cstddef>
#include <functional>
#include <thread>
#include <tuple>
#include <utility>

asyncctx::Local<int> request_id;

void log_line() { (void)request_id.get(); }

// Unevaluated operands: nothing runs.

auto started() -> decltype(std::thread([] { log_line(); }));

void unevaluated() {
  using Thread = decltype(std::thread([] { log_line(); }));
  constexpr std::size_t Size = sizeof(std::thread([] { log_line(); }));
  constexpr bool NoThrow = noexcept(std::thread([] { log_line(); }));
  constexpr bool Constructible = requires { std::thread([] { log_line(); }); };
  (void)Size;
  (void)NoThrow;
  (void)Constructible;
}

// Pack elements: `std::get<I>(Jobs)...` is one expression for every job.

namespace app {
template <typename H> void later(H Handler) { (void)Handler; }
template <typename... Fs> void run_all(Fs... Jobs) { (void)sizeof...(Jobs); }
void submit(void (*Job)());
void submit_ref(std::function<void()> &Job);
struct Task {
  Task(std::function<void()> Job);
};
void submit_task(Task Job);
void submit_function(std::function<void()> Job);
template <typename Self> void resume(Self &Op) { (void)Op; }
} // namespace app

template <typename... Fs> struct Batch {
  std::tuple<Fs...> Jobs;
  template <std::size_t... I> void start(std::index_sequence<I...>) {
    app::run_all(std::get<I>(Jobs)...);
  }
};

void packs() {
  auto First = [] { log_line(); };
  auto Second = [] {};
  Batch<decltype(First), decltype(Second)> Jobs{{First, Second}};
  Jobs.start(std::index_sequence<0, 1>());
}

// A member initializer.

struct Worker {
  std::thread Thread;
  Worker() : Thread([] { log_line(); }) {}
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:21: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'; no fix: it is in a member initializer [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:26: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: Worker() : Thread([] { log_line(); }) {}
};

// A composed operation passes itself on. Given to anything but Asio, a
// wrapper would hide the executor and allocator it associates; given to Asio,
// the wrapper of <asyncctx/asio.hpp> forwards them.

struct Composed {
  using executor_type = asio::io_context::executor_type;
  executor_type Executor;
  asio::steady_timer &Timer;
  executor_type get_executor() const { return Executor; }
  void operator()(std::error_code) {
    log_line();
    Timer.async_wait(std::move(*this));
    // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:22: warning: function object of type 'Composed' passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
    // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:5: note: through this call to 'log_line'
    // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
    // CHECK-FIXES-STRICT: Timer.async_wait(asyncctx::wrap(std::move(*this)));
  }
};

void composed_elsewhere(asio::io_context &Io, asio::steady_timer &Timer) {
  app::later(Composed{Io.get_executor(), Timer});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:14: warning: function object of type 'Composed' passed to 'app::later' runs without the caller's async context; it reads 'request_id'; no fix: the wrapper would hide its associated 'executor_type' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-12]]:5: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: app::later(Composed{Io.get_executor(), Timer});
}

// Asio's own composed operations associate through a specialization of
// `asio::associator` instead of members.

template <typename Handler> struct Continuation {
  Handler Next;
  void operator()(std::error_code) { log_line(); }
};

namespace asio {
template <template <typename, typename> class Associator, typename Handler,
          typename DefaultCandidate>
struct associator<Associator, Continuation<Handler>, DefaultCandidate>
    : Associator<Handler, DefaultCandidate> {
  static typename Associator<Handler, DefaultCandidate>::type
  get(const Continuation<Handler> &C) noexcept {
    return Associator<Handler, DefaultCandidate>::get(C.Next);
  }
  static auto get(const Continuation<Handler> &C,
                  const DefaultCandidate &Default) noexcept
      -> decltype(Associator<Handler, DefaultCandidate>::get(C.Next, Default)) {
    return Associator<Handler, DefaultCandidate>::get(C.Next, Default);
  }
};
} // namespace asio

void continuation(asio::steady_timer &Timer) {
  auto Next = [](std::error_code) {};
  Timer.async_wait(Continuation<decltype(Next)>{Next});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: function object of type 'Continuation' passed to 'asio::basic_waitable_timer::async_wait' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :114:38: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: Timer.async_wait(asyncctx::wrap(Continuation<decltype(Next)>{Next}));
  app::later(Continuation<decltype(Next)>{Next});
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:14: warning: function object of type 'Continuation' passed to 'app::later' runs without the caller's async context; it reads 'request_id'; no fix: the wrapper would hide what 'associator' associates with it [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :114:38: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: app::later(Continuation<decltype(Next)>{Next});
}

// Parameters the wrapper's result cannot initialize.

void job() { log_line(); }

void parameters() {
  std::function<void()> Held = [] {};
  app::submit(job);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:15: warning: function 'job' passed to 'app::submit' runs without the caller's async context; it reads 'request_id'; no fix: the result of 'asyncctx::wrap' cannot initialize parameter 'Job' of type 'void (*)()' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-6]]:14: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: app::submit(job);
  app::submit_ref(Held);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:19: warning: callable object 'Held' passed to 'app::submit_ref' runs without the caller's async context; no fix: the result of 'asyncctx::wrap' cannot initialize parameter 'Job' of type 'std::function<void ()> &' [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: app::submit_ref(Held);
  app::submit_task(app::Task([] { log_line(); }));
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:20: warning: lambda passed to 'app::submit_task' runs without the caller's async context; it reads 'request_id'; no fix: the result of 'asyncctx::wrap' cannot initialize parameter 'Job' of type 'Task' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:35: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: app::submit_task(app::Task([] { log_line(); }));
  // A class that takes any callable takes the wrapper.
  app::submit_function([] { log_line(); });
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:24: warning: lambda passed to 'app::submit_function' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:29: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: app::submit_function(asyncctx::wrap([] { log_line(); }));
  // A deduced non-const lvalue reference (a composed operation's
  // implementation taking `auto &self`) takes no temporary.
  auto Step = [] { log_line(); };
  app::resume(Step);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:15: warning: lambda 'Step' passed to 'app::resume' runs without the caller's async context; it reads 'request_id'; no fix: the result of 'asyncctx::wrap' cannot initialize parameter 'Op' of type 'Self &' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:20: note: through this call to 'log_line'
  // CHECK-MESSAGES-STRICT: :26:25: note: context is read here
  // CHECK-FIXES-STRICT: app::resume(Step);
}

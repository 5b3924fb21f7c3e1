// asyncctx::task<T>: a lazily started coroutine whose body always runs in the
// context it was created in, on every resumption, on whichever thread resumes
// it, and which leaves the resuming thread's context exactly as it found it
// whenever it suspends or finishes.
//
//   #include <asyncctx/task.hpp>  // not included by asyncctx.hpp
//   #include <thread>
//
//   asyncctx::Local<int> request_id;
//
//   // Any awaitable; this one resumes the coroutine on a new thread.
//   struct resume_on_new_thread {
//     bool await_ready() const noexcept { return false; }
//     void await_suspend(std::coroutine_handle<> h) const {
//       std::thread(h).detach();
//     }
//     void await_resume() const noexcept {}
//   };
//
//   asyncctx::task<int> handle() {
//     co_await resume_on_new_thread{};  // now on another thread...
//     co_return *request_id.get();      // ...and still this request's id
//   }
//
//   int n = request_id.run(42, [] { return asyncctx::sync_wait(handle()); });
//   // n == 42
//
// context_promise_base makes another coroutine type context-aware the same way.
//
// Reference: docs/runtime.md.

#ifndef ASYNCCTX_TASK_HPP
#define ASYNCCTX_TASK_HPP

// The rest of the runtime works with C++14 (docs/runtime.md, "Language
// standard"); coroutines need C++20.
#if __cplusplus < 202002L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 202002L)
#error                                                                         \
    "<asyncctx/task.hpp> needs C++20 (coroutines); the rest of the asyncctx runtime works with C++14 and C++17"
#else // the header proper, so that the #error above is the only message

#include <asyncctx/asyncctx.hpp>

#include <condition_variable>
#include <coroutine>
#include <exception>
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <variant>

namespace asyncctx {

class context_promise_base;

namespace detail {

template <class A>
concept has_member_co_await =
    requires(A &&a) { static_cast<A &&>(a).operator co_await(); };

template <class A>
concept has_free_co_await =
    requires(A &&a) { operator co_await(static_cast<A &&>(a)); };

// The awaiter that `co_await a` would use, were there no await_transform.
template <class A> decltype(auto) get_awaiter(A &&a) {
  if constexpr (has_member_co_await<A>)
    return static_cast<A &&>(a).operator co_await();
  else if constexpr (has_free_co_await<A>)
    return operator co_await(static_cast<A &&>(a));
  else
    return static_cast<A &&>(a);
}

// An lvalue awaiter is used in place; anything else is owned by the wrapper.
template <class A>
using stored_awaiter_t = std::conditional_t<
    std::is_lvalue_reference_v<decltype(get_awaiter(std::declval<A>()))>,
    decltype(get_awaiter(std::declval<A>())),
    std::remove_cvref_t<decltype(get_awaiter(std::declval<A>()))>>;

// Wraps one suspension point of a context-aware coroutine. Suspending
// restores the resumer's context before the inner awaiter sees the coroutine
// handle (after that the coroutine may already run on another thread);
// resuming installs the coroutine's context before the inner await_resume.
// Final: restore as soon as the final suspend point is reached, never
// reinstall (the body is over, whether or not the inner awaiter suspends).
template <class Awaiter, bool Final> class context_awaiter {
  using inner_type = std::remove_reference_t<Awaiter>;

public:
  template <class Make>
  context_awaiter(context_promise_base &promise, Make &&make)
      : promise_(&promise), inner_(static_cast<Make &&>(make)()) {}

  context_awaiter(const context_awaiter &) = delete;
  context_awaiter &operator=(const context_awaiter &) = delete;

  bool
  await_ready() noexcept(noexcept(std::declval<inner_type &>().await_ready()));

  template <class P>
  decltype(auto) await_suspend(std::coroutine_handle<P> h) noexcept(
      noexcept(std::declval<inner_type &>().await_suspend(h)));

  decltype(auto) await_resume() noexcept(
      noexcept(std::declval<inner_type &>().await_resume()));

private:
  inner_type &inner() noexcept { return inner_; }

  context_promise_base *promise_;
  Awaiter inner_;
};

} // namespace detail

// Mixin for the promise type of a coroutine whose body must run in the
// context current when the coroutine was called. Provides the promise
// constructor (captures), initial_suspend (lazy start; the first resumption
// installs the context) and await_transform (every co_await in the body is a
// suspension point that restores the resumer's context and, on resumption,
// reinstalls the captured one). The derived promise must route its
// final_suspend through leaving_context() and any yield_value through
// in_context(); a derived await_transform must return in_context(...).
class context_promise_base {
public:
  context_promise_base() noexcept : snapshot_(capture()) {}
  explicit context_promise_base(Snapshot snapshot) noexcept
      : snapshot_(std::move(snapshot)) {}
  context_promise_base(const context_promise_base &) = delete;
  context_promise_base &operator=(const context_promise_base &) = delete;
  ~context_promise_base() = default;

  // Lazy start: the body begins at the first resume(), in the context.
  [[nodiscard]] auto initial_suspend() noexcept {
    return in_context(std::suspend_always{});
  }

  template <class Awaitable> [[nodiscard]] auto await_transform(Awaitable &&a) {
    return in_context(static_cast<Awaitable &&>(a));
  }

  // A suspension point of this coroutine: `a` (an awaitable: its operator
  // co_await is applied) with the context switched out on suspension and in
  // on resumption. An lvalue awaiter is used in place, others are moved in.
  template <class Awaitable>
  [[nodiscard]] detail::context_awaiter<detail::stored_awaiter_t<Awaitable>,
                                        false>
  in_context(Awaitable &&a) {
    return {*this, [&]() -> decltype(auto) {
              return detail::get_awaiter(static_cast<Awaitable &&>(a));
            }};
  }

  // For final_suspend: restores the resumer's context when the final
  // suspend point is reached, then behaves as `a`.
  template <class Awaitable>
  [[nodiscard]] detail::context_awaiter<detail::stored_awaiter_t<Awaitable>,
                                        true>
  leaving_context(Awaitable &&a) {
    return {*this, [&]() -> decltype(auto) {
              return detail::get_awaiter(static_cast<Awaitable &&>(a));
            }};
  }

  // The context the body runs in.
  [[nodiscard]] const Snapshot &context() const noexcept { return snapshot_; }

  // Low-level hooks behind the awaiters above, for hand-written suspension
  // points: enter_context() at resumption, leave_context() before the handle
  // is handed to anyone. Both are idempotent; call them on the thread that is
  // running the coroutine.
  void enter_context() noexcept {
    if (!installed_) {
      // Borrowed: the promise, and so snapshot_, outlives every resumption.
      installation_.enter(detail::Access::frame(snapshot_),
                          detail::Access::bridges(snapshot_));
      installed_ = true;
    }
  }
  void leave_context() noexcept {
    if (installed_) {
      installed_ = false;
      installation_.leave();
    }
  }

private:
  Snapshot snapshot_;
  detail::Installation installation_; // the resumer's context, while installed
  bool installed_ = false;
};

namespace detail {

template <class Awaiter, bool Final>
bool context_awaiter<Awaiter, Final>::await_ready() noexcept(
    noexcept(std::declval<inner_type &>().await_ready())) {
  if constexpr (Final)
    promise_->leave_context();
  return inner().await_ready();
}

template <class Awaiter, bool Final>
template <class P>
decltype(auto) context_awaiter<Awaiter, Final>::await_suspend(
    std::coroutine_handle<P> h) noexcept(noexcept(std::declval<inner_type &>()
                                                      .await_suspend(h))) {
  // Nothing of this coroutine may be touched once the inner awaiter has the
  // handle: restore first.
  context_promise_base *const promise = promise_;
  promise->leave_context();
  if constexpr (Final ||
                noexcept(std::declval<inner_type &>().await_suspend(h))) {
    return inner().await_suspend(h);
  } else {
#if defined(__cpp_exceptions)
    try {
      return inner().await_suspend(h);
    } catch (...) {
      // Not suspended after all: the exception surfaces in the body.
      promise->enter_context();
      throw;
    }
#else
    return inner().await_suspend(h);
#endif
  }
}

template <class Awaiter, bool Final>
decltype(auto) context_awaiter<Awaiter, Final>::await_resume() noexcept(
    noexcept(std::declval<inner_type &>().await_resume())) {
  if constexpr (!Final)
    promise_->enter_context();
  return inner().await_resume();
}

// Completion signal for sync_wait. notify() holds the mutex while notifying,
// so the waiter (which owns this object) cannot return before it is done.
class sync_waiter {
public:
  void notify() noexcept {
    std::lock_guard lock(mutex_);
    done_ = true;
    cv_.notify_one();
  }
  void wait() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [this] { return done_; });
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
};

class task_promise_common : public context_promise_base {
public:
  struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <class P>
    std::coroutine_handle<>
    await_suspend(std::coroutine_handle<P> h) const noexcept {
      task_promise_common &p = h.promise();
      if (sync_waiter *w = p.waiter_) {
        w->notify(); // the frame may be destroyed from here on
        return std::noop_coroutine();
      }
      if (p.continuation_)
        return p.continuation_;
      return std::noop_coroutine();
    }
    void await_resume() const noexcept {}
  };

  [[nodiscard]] auto final_suspend() noexcept {
    return leaving_context(final_awaiter{});
  }

  std::coroutine_handle<> continuation_;
  sync_waiter *waiter_ = nullptr;
};

template <class T> class task_promise;

} // namespace detail

// A lazily started coroutine task. Calling the coroutine captures the current
// context; the body runs in it from the first resumption to the end, on every
// thread it moves to. Await it (as an rvalue) from another coroutine, or run
// it to completion with sync_wait. Move-only; destroying a task that has not
// completed destroys its suspended coroutine.
template <class T = void> class [[nodiscard]] task {
public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;

  task() noexcept = default;
  task(task &&other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  task &operator=(task &&other) noexcept {
    if (this != &other) {
      if (handle_)
        handle_.destroy();
      handle_ = std::exchange(other.handle_, {});
    }
    return *this;
  }
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  ~task() {
    if (handle_)
      handle_.destroy();
  }

  // False for a default-constructed or moved-from task.
  [[nodiscard]] bool valid() const noexcept { return bool(handle_); }

  // The context the body runs in (captured when the coroutine was called).
  [[nodiscard]] const Snapshot &context() const noexcept {
    return handle_.promise().context();
  }

  class awaiter {
  public:
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<>
    await_suspend(std::coroutine_handle<> continuation) const noexcept {
      handle_.promise().continuation_ = continuation;
      return handle_; // symmetric transfer: start the task
    }
    T await_resume() const { return handle_.promise().result(); }

  private:
    friend task;
    explicit awaiter(std::coroutine_handle<promise_type> h) noexcept
        : handle_(h) {}
    std::coroutine_handle<promise_type> handle_;
  };

  // Starts the task and resumes the awaiting coroutine, by symmetric
  // transfer, when it completes; yields its result or rethrows its exception.
  awaiter operator co_await() && noexcept { return awaiter(handle_); }

private:
  friend promise_type;
  template <class U> friend U sync_wait(task<U> t);

  explicit task(std::coroutine_handle<promise_type> h) noexcept : handle_(h) {}

  std::coroutine_handle<promise_type> handle_;
};

namespace detail {

template <class T> class task_promise final : public task_promise_common {
  using stored =
      std::conditional_t<std::is_reference_v<T>,
                         std::add_pointer_t<std::remove_reference_t<T>>, T>;

public:
  task<T> get_return_object() noexcept {
    return task<T>(std::coroutine_handle<task_promise>::from_promise(*this));
  }

  template <class U = T>
    requires(!std::is_reference_v<T> && std::convertible_to<U &&, T>)
  void
  return_value(U &&value) noexcept(std::is_nothrow_constructible_v<T, U &&>) {
    result_.template emplace<1>(static_cast<U &&>(value));
  }

  template <class U = T>
    requires std::is_reference_v<T>
  void return_value(T value) noexcept {
    result_.template emplace<1>(std::addressof(value));
  }

  void unhandled_exception() noexcept {
    result_.template emplace<2>(std::current_exception());
  }

  T result() {
    if (std::exception_ptr *e = std::get_if<2>(&result_))
      std::rethrow_exception(*e);
    if constexpr (std::is_reference_v<T>)
      return static_cast<T>(**std::get_if<1>(&result_));
    else
      return std::move(*std::get_if<1>(&result_));
  }

private:
  std::variant<std::monostate, stored, std::exception_ptr> result_;
};

template <> class task_promise<void> final : public task_promise_common {
public:
  task<void> get_return_object() noexcept {
    return task<void>(std::coroutine_handle<task_promise>::from_promise(*this));
  }
  void return_void() noexcept {}
  void unhandled_exception() noexcept { exception_ = std::current_exception(); }
  void result() {
    if (exception_)
      std::rethrow_exception(exception_);
  }

private:
  std::exception_ptr exception_;
};

} // namespace detail

// Runs `t` to completion: starts it on this thread, blocks until it has
// completed (on whichever thread it finishes), and returns its result or
// rethrows its exception. Never call it on a thread the task needs in order
// to make progress (a pool thread the task resumes on, or an event loop the
// calling thread should be running).
template <class T> T sync_wait(task<T> t) {
  detail::sync_waiter waiter;
  auto &promise = t.handle_.promise();
  promise.waiter_ = &waiter;
  t.handle_.resume();
  waiter.wait();
  return promise.result();
}

} // namespace asyncctx

#endif // C++20

#endif // ASYNCCTX_TASK_HPP

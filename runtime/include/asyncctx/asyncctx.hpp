// asyncctx runtime: async-local variables for C++20, the counterpart of
// Node's AsyncLocalStorage. Header-only, standard library only.
//
// A context is an immutable, reference-counted set of values, one per
// asyncctx::Local. Each thread has a current context. Local::run installs a
// derived context for the duration of a call; capture() takes a snapshot of the
// current context (a reference-count increment, usually not even an atomic
// one; never a copy); wrap(f) captures now and runs f inside that snapshot
// later, on whatever thread calls it.
//
//   asyncctx::Local<std::string> request_id;  // namespace scope
//
//   request_id.run("req-42", [] {
//     std::thread t(asyncctx::wrap([] { log(*request_id.get()); }));
//     t.join();  // the thread logged "req-42"
//   });
//
// This header is the API: Local, Snapshot and capture, Scope, wrap and
// Wrapped. The machinery behind them is in asyncctx/detail/ (names in
// asyncctx::detail may change). Reference: docs/runtime.md.

#ifndef ASYNCCTX_ASYNCCTX_HPP
#define ASYNCCTX_ASYNCCTX_HPP

#include <asyncctx/detail/frame.hpp>
#include <asyncctx/detail/installation.hpp>
#include <asyncctx/detail/thread_state.hpp>

#include <atomic>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <type_traits>
#include <utility>

namespace asyncctx {

template <class T> class Local;
class Snapshot;
class Scope;
template <class F> class Wrapped;
[[nodiscard]] inline Snapshot capture() noexcept;

namespace detail {
struct Access;
} // namespace detail

// An async-local variable. Meant to be long-lived (namespace scope, static
// member, function-local static): the first run() gives it a slot index for the
// life of the process. The constructor is constexpr, so a namespace-scope Local
// is constant-initialized and usable from any static initializer.
template <class T> class Local {
  static_assert(std::is_object_v<T> && !std::is_array_v<T> &&
                    std::is_same_v<T, std::remove_cv_t<T>>,
                "asyncctx::Local<T>: T must be a cv-unqualified, non-array "
                "object type (values are always read as const T)");

public:
  constexpr Local() noexcept = default;
  Local(const Local &) = delete;
  Local &operator=(const Local &) = delete;
  ~Local() = default;

  // The value bound in the current context, or null when unset. The pointer
  // stays valid until the innermost run/Scope/wrapped call on this thread that
  // installed the current context returns.
  [[nodiscard]] const T *get() const noexcept {
    // A Local that never ran has key 0: its index wraps to UINT32_MAX and
    // fails the bounds check, like any slot the frame does not cover.
    const std::uint32_t slot = key_.load(std::memory_order_relaxed) - 1;
    const detail::Frame *f = detail::this_thread.current;
    if (f == nullptr || slot >= f->size)
      return nullptr;
    const detail::Box *b = f->slots()[slot];
    if (b == nullptr)
      return nullptr;
    return &static_cast<const detail::TypedBox<T> *>(b)->value;
  }

  // Calls f() in a context derived from the current one with this Local bound
  // to a copy of `value`; the previous context is restored when f returns or
  // throws. Returns f's result.
  template <class F>
    requires std::invocable<F>
  decltype(auto) run(const T &value, F &&f) const {
    return detail::run_derived<T>(slot(), value, std::forward<F>(f));
  }

  template <class F>
    requires std::invocable<F>
  decltype(auto) run(T &&value, F &&f) const {
    return detail::run_derived<T>(slot(), std::move(value), std::forward<F>(f));
  }

private:
  std::uint32_t slot() const noexcept {
    std::uint32_t key = key_.load(std::memory_order_relaxed);
    if (key == 0)
      key = detail::assign_key(key_);
    return key - 1;
  }

  // Slot index + 1; 0 while no run() has assigned one. Relaxed is enough: a
  // thread that can see a frame using the slot was handed that frame through
  // some synchronization that happens after the key was stored.
  mutable std::atomic<std::uint32_t> key_{0};
};

// A captured context. Copying shares it (one atomic increment), moving is
// free. A default-constructed Snapshot is the empty context.
class Snapshot {
public:
  Snapshot() noexcept = default;
  Snapshot(const Snapshot &other) noexcept
      : frame_(detail::acquire(other.frame_)) {}
  Snapshot(Snapshot &&other) noexcept
      : frame_(std::exchange(other.frame_, nullptr)) {}
  Snapshot &operator=(const Snapshot &other) noexcept {
    Snapshot copy(other); // first: self-assignment safe
    swap(*this, copy);
    return *this;
  }
  Snapshot &operator=(Snapshot &&other) noexcept {
    if (this != &other) {
      Snapshot old(std::move(*this));
      frame_ = std::exchange(other.frame_, nullptr);
    }
    return *this;
  }
  ~Snapshot() {
    if (frame_ != nullptr)
      detail::give_back(frame_, 1);
  }

  // True for the empty context (no Local bound).
  [[nodiscard]] bool empty() const noexcept { return frame_ == nullptr; }

  // Calls f() with this snapshot as the current context, then restores the
  // previous context (also when f throws). Returns f's result.
  template <class F>
    requires std::invocable<F>
  decltype(auto) run(F &&f) const noexcept(std::is_nothrow_invocable_v<F>);

  // Same context object, not merely equal values.
  friend bool operator==(const Snapshot &a, const Snapshot &b) noexcept {
    return a.frame_ == b.frame_;
  }

  friend void swap(Snapshot &a, Snapshot &b) noexcept {
    std::swap(a.frame_, b.frame_);
  }

private:
  friend Snapshot capture() noexcept;
  friend struct detail::Access;

  explicit Snapshot(detail::Frame *adopted) noexcept : frame_(adopted) {}

  detail::Frame *frame_ = nullptr;
};

namespace detail {

// The frame behind a snapshot, for the installations below and task.hpp.
struct Access {
  static Frame *frame(const Snapshot &s) noexcept { return s.frame_; }
};

} // namespace detail

// The current context of this thread.
[[nodiscard]] inline Snapshot capture() noexcept {
  return Snapshot(detail::acquire(detail::this_thread.current));
}

// Installs a snapshot on this thread until the end of the enclosing block.
// Holds its own reference, so the Snapshot may go first. Create and destroy it
// on the same thread, in stack order; never keep one alive across co_await or
// any other suspension point.
class [[nodiscard]] Scope {
public:
  explicit Scope(const Snapshot &snapshot) noexcept
      : installed_(detail::acquire(detail::Access::frame(snapshot)),
                   /*adopt=*/true) {}
  Scope(const Scope &) = delete;
  Scope &operator=(const Scope &) = delete;
  ~Scope() = default;

private:
  detail::InstalledFrame installed_;
};

template <class F>
  requires std::invocable<F>
decltype(auto) Snapshot::run(F &&f) const
    noexcept(std::is_nothrow_invocable_v<F>) {
  detail::InstalledFrame installed(detail::Access::frame(*this));
  return std::invoke(std::forward<F>(f));
}

// A callable bound to the context captured when it was made. Invoking it runs
// the inner callable inside that context and restores the caller's context
// afterwards. Copyable iff F is; movable iff F is.
template <class F> class Wrapped {
  static_assert(std::is_object_v<F> && std::is_same_v<F, std::decay_t<F>>,
                "asyncctx::Wrapped<F>: F must be a decayed object type");

public:
  template <class G>
    requires std::constructible_from<F, G>
  Wrapped(Snapshot snapshot,
          G &&fn) noexcept(std::is_nothrow_constructible_v<F, G>)
      : snapshot_(std::move(snapshot)), fn_(std::forward<G>(fn)) {}

  template <class... Args>
    requires std::invocable<F &, Args...>
  decltype(auto) operator()(Args &&...args) & noexcept(
      std::is_nothrow_invocable_v<F &, Args...>) {
    detail::InstalledFrame installed(detail::Access::frame(snapshot_));
    return std::invoke(fn_, std::forward<Args>(args)...);
  }

  template <class... Args>
    requires std::invocable<const F &, Args...>
  decltype(auto) operator()(Args &&...args) const & noexcept(
      std::is_nothrow_invocable_v<const F &, Args...>) {
    detail::InstalledFrame installed(detail::Access::frame(snapshot_));
    return std::invoke(fn_, std::forward<Args>(args)...);
  }

  template <class... Args>
    requires std::invocable<F, Args...>
  decltype(auto) operator()(Args &&...args) && noexcept(
      std::is_nothrow_invocable_v<F, Args...>) {
    detail::InstalledFrame installed(detail::Access::frame(snapshot_));
    return std::invoke(std::move(fn_), std::forward<Args>(args)...);
  }

  template <class... Args>
    requires std::invocable<const F, Args...>
  decltype(auto) operator()(Args &&...args) const && noexcept(
      std::is_nothrow_invocable_v<const F, Args...>) {
    detail::InstalledFrame installed(detail::Access::frame(snapshot_));
    return std::invoke(std::move(fn_), std::forward<Args>(args)...);
  }

  // The wrapped callable, e.g. to forward its associated characteristics.
  [[nodiscard]] F &inner() noexcept { return fn_; }
  [[nodiscard]] const F &inner() const noexcept { return fn_; }

  // The context the callable runs in.
  [[nodiscard]] const Snapshot &snapshot() const noexcept { return snapshot_; }

private:
  Snapshot snapshot_;
  F fn_;
};

template <class G> Wrapped(Snapshot, G) -> Wrapped<G>;

// Captures the current context and binds f to it.
template <class F>
[[nodiscard]] Wrapped<std::decay_t<F>>
wrap(F &&f) noexcept(std::is_nothrow_constructible_v<std::decay_t<F>, F>) {
  return Wrapped<std::decay_t<F>>(capture(), std::forward<F>(f));
}

} // namespace asyncctx

#endif // ASYNCCTX_ASYNCCTX_HPP

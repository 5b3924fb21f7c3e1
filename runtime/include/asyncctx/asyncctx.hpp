// asyncctx runtime: async-local variables for C++14 and later, the counterpart
// of Node's AsyncLocalStorage. Header-only, standard library only.
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
// Wrapped, then bridge (carrying legacy thread_locals and foreign contexts
// along). The machinery behind them is in asyncctx/detail/ (names in
// asyncctx::detail may change). Reference: docs/runtime.md.

#ifndef ASYNCCTX_ASYNCCTX_HPP
#define ASYNCCTX_ASYNCCTX_HPP

#include <asyncctx/annotations.hpp>
#include <asyncctx/detail/bridge.hpp>
#include <asyncctx/detail/frame.hpp>
#include <asyncctx/detail/installation.hpp>
#include <asyncctx/detail/thread_state.hpp>
#include <asyncctx/detail/traits.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace asyncctx {

template <class T> class Local;
class Snapshot;
class Scope;
template <class F> class Wrapped;
ASYNCCTX_NODISCARD inline Snapshot capture() noexcept;

namespace detail {
struct Access;
} // namespace detail

// An async-local variable. Meant to be long-lived (namespace scope, static
// member, function-local static): the first run() gives it a slot index for the
// life of the process. The constructor is constexpr, so a namespace-scope Local
// is constant-initialized and usable from any static initializer.
template <class T> class Local {
  static_assert(std::is_object<T>::value && !std::is_array<T>::value &&
                    std::is_same<T, std::remove_cv_t<T>>::value,
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
  ASYNCCTX_NODISCARD const T *get() const noexcept {
    // A Local that never ran has key 0: its index wraps to UINT32_MAX and
    // fails the bounds check, like any slot the frame does not cover.
    const std::uint32_t slot = key_.load(std::memory_order_relaxed) - 1;
    const detail::Frame *f = detail::this_thread().current;
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
  template <class F, detail::Requires<detail::is_invocable<F>::value> = 0>
  decltype(auto) run(const T &value, F &&f) const {
    return detail::run_derived<T>(slot(), value, std::forward<F>(f));
  }

  template <class F, detail::Requires<detail::is_invocable<F>::value> = 0>
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
// free. A default-constructed Snapshot is the empty context. With bridges
// registered it also owns the bridged values its capture() copied, shared by
// its copies.
class Snapshot {
public:
  Snapshot() noexcept = default;
  Snapshot(const Snapshot &other) noexcept
      : frame_(detail::acquire(other.frame_)),
        bridges_(detail::share(other.bridges_)) {}
  Snapshot(Snapshot &&other) noexcept
      : frame_(std::exchange(other.frame_, nullptr)),
        bridges_(std::exchange(other.bridges_, nullptr)) {}
  Snapshot &operator=(const Snapshot &other) noexcept {
    Snapshot copy(other); // first: self-assignment safe
    swap(*this, copy);
    return *this;
  }
  Snapshot &operator=(Snapshot &&other) noexcept {
    if (this != &other) {
      Snapshot old(std::move(*this));
      frame_ = std::exchange(other.frame_, nullptr);
      bridges_ = std::exchange(other.bridges_, nullptr);
    }
    return *this;
  }
  ~Snapshot() {
    if (frame_ != nullptr)
      detail::give_back(frame_, 1);
    if (bridges_ != nullptr)
      detail::release(bridges_);
  }

  // True for the empty context (no Local bound). Bridged values, if any, do
  // not count: installing an empty snapshot still installs them.
  ASYNCCTX_NODISCARD bool empty() const noexcept { return frame_ == nullptr; }

  // Calls f() with this snapshot as the current context, then restores the
  // previous context (also when f throws). Returns f's result.
  template <class F, detail::Requires<detail::is_invocable<F>::value> = 0>
  decltype(auto) run(F &&f) const
      noexcept(detail::is_nothrow_invocable<F>::value);

  // Same context object, not merely equal values; with bridges registered,
  // also the same capture of their values (copies of one snapshot).
  friend bool operator==(const Snapshot &a, const Snapshot &b) noexcept {
    return a.frame_ == b.frame_ && a.bridges_ == b.bridges_;
  }
  // Spelled out for C++14 and C++17.
  friend bool operator!=(const Snapshot &a, const Snapshot &b) noexcept {
    return !(a == b);
  }

  friend void swap(Snapshot &a, Snapshot &b) noexcept {
    std::swap(a.frame_, b.frame_);
    std::swap(a.bridges_, b.bridges_);
  }

private:
  friend Snapshot capture() noexcept;
  friend struct detail::Access;

  Snapshot(detail::Frame *adopted, detail::BridgeCapture *bridges) noexcept
      : frame_(adopted), bridges_(bridges) {}

  detail::Frame *frame_ = nullptr;
  detail::BridgeCapture *bridges_ = nullptr; // null unless bridges exist
};

namespace detail {

// What a snapshot installs, for the installations below and task.hpp.
struct Access {
  static Frame *frame(const Snapshot &s) noexcept { return s.frame_; }
  static const BridgeCapture *bridges(const Snapshot &s) noexcept {
    return s.bridges_;
  }
  // What holds the bridged values of `s`, for an installation that may take
  // them (see enter_bridges).
  static BridgeCapture **bridges_holder(Snapshot &s) noexcept {
    return &s.bridges_;
  }
};

// `s` installed until the end of the block; `s` must outlive it.
class InstalledSnapshot : public InstalledFrame {
public:
  explicit InstalledSnapshot(const Snapshot &s) noexcept
      : InstalledFrame(Access::frame(s), Access::bridges(s)) {}
};

// The same for the last use of `s` (a Wrapped called as an rvalue): bridged
// values that no copy of `s` shares are moved in instead of copied, and `s`
// gives them up (docs/runtime.md, "Bridges").
class InstalledSnapshotOnce : public InstalledFrame {
public:
  explicit InstalledSnapshotOnce(Snapshot &s) noexcept
      : InstalledFrame(Access::frame(s), Access::bridges(s), /*adopt=*/false,
                       /*credits=*/0, Access::bridges_holder(s)) {}
};

} // namespace detail

// The current context of this thread (and the values of the registered
// bridges).
ASYNCCTX_NODISCARD inline Snapshot capture() noexcept {
  return Snapshot(detail::acquire(detail::this_thread().current),
                  detail::capture_bridges());
}

// Installs a snapshot on this thread until the end of the enclosing block.
// Holds its own reference, so the Snapshot may go first. Create and destroy it
// on the same thread, in stack order; never keep one alive across co_await or
// any other suspension point.
class ASYNCCTX_NODISCARD Scope {
public:
  explicit Scope(const Snapshot &snapshot) noexcept
      : installed_(detail::acquire(detail::Access::frame(snapshot)),
                   detail::Access::bridges(snapshot), /*adopt=*/true) {}
  Scope(const Scope &) = delete;
  Scope &operator=(const Scope &) = delete;
  ~Scope() = default;

private:
  detail::InstalledFrame installed_;
};

template <class F, detail::Requires<detail::is_invocable<F>::value>>
decltype(auto) Snapshot::run(F &&f) const
    noexcept(detail::is_nothrow_invocable<F>::value) {
  detail::InstalledSnapshot installed(*this);
  return detail::invoke(std::forward<F>(f));
}

// A callable bound to the context captured when it was made. Invoking it runs
// the inner callable inside that context and restores the caller's context
// afterwards. Copyable iff F is; movable iff F is.
template <class F> class Wrapped {
  static_assert(std::is_object<F>::value &&
                    std::is_same<F, std::decay_t<F>>::value,
                "asyncctx::Wrapped<F>: F must be a decayed object type");

public:
  template <class G, detail::Requires<std::is_constructible<F, G>::value> = 0>
  Wrapped(Snapshot snapshot,
          G &&fn) noexcept(std::is_nothrow_constructible<F, G>::value)
      : snapshot_(std::move(snapshot)), fn_(std::forward<G>(fn)) {}

  template <class... Args,
            detail::Requires<detail::is_invocable<F &, Args...>::value> = 0>
  decltype(auto) operator()(Args &&...args) & noexcept(
      detail::is_nothrow_invocable<F &, Args...>::value) {
    detail::InstalledSnapshot installed(snapshot_);
    return detail::invoke(fn_, std::forward<Args>(args)...);
  }

  template <
      class... Args,
      detail::Requires<detail::is_invocable<const F &, Args...>::value> = 0>
  decltype(auto) operator()(Args &&...args) const & noexcept(
      detail::is_nothrow_invocable<const F &, Args...>::value) {
    detail::InstalledSnapshot installed(snapshot_);
    return detail::invoke(fn_, std::forward<Args>(args)...);
  }

  // The one call of a callable handed over by value (std::thread,
  // std::async): bridged values that no copy of the snapshot shares are
  // moved into the call, not copied, and this Wrapped carries none afterwards
  // (docs/runtime.md, "Bridges").
  template <class... Args,
            detail::Requires<detail::is_invocable<F, Args...>::value> = 0>
  decltype(auto) operator()(Args &&...args) && noexcept(
      detail::is_nothrow_invocable<F, Args...>::value) {
    detail::InstalledSnapshotOnce installed(snapshot_);
    return detail::invoke(std::move(fn_), std::forward<Args>(args)...);
  }

  template <class... Args,
            detail::Requires<detail::is_invocable<const F, Args...>::value> = 0>
  decltype(auto) operator()(Args &&...args) const && noexcept(
      detail::is_nothrow_invocable<const F, Args...>::value) {
    detail::InstalledSnapshot installed(snapshot_);
    return detail::invoke(std::move(fn_), std::forward<Args>(args)...);
  }

  // The wrapped callable, e.g. to forward its associated characteristics.
  ASYNCCTX_NODISCARD F &inner() noexcept { return fn_; }
  ASYNCCTX_NODISCARD const F &inner() const noexcept { return fn_; }

  // The context the callable runs in.
  ASYNCCTX_NODISCARD const Snapshot &snapshot() const noexcept {
    return snapshot_;
  }

private:
  Snapshot snapshot_;
  F fn_;
};

#if defined(__cpp_deduction_guides) && __cpp_deduction_guides >= 201703L
template <class G> Wrapped(Snapshot, G) -> Wrapped<G>;
#endif

// Captures the current context and binds f to it.
template <class F>
ASYNCCTX_NODISCARD Wrapped<std::decay_t<F>>
wrap(F &&f) noexcept(std::is_nothrow_constructible<std::decay_t<F>, F>::value) {
  return Wrapped<std::decay_t<F>>(capture(), std::forward<F>(f));
}

// --- Bridges: legacy thread_locals and foreign contexts ---------------------
//
// A bridge teaches capture(), Snapshot, Scope, wrap, task<T> and with_context
// to carry one more piece of per-thread state along with the context: a
// thread_local the code base already has, or another library's context.
//
//   // once, at namespace scope in any one .cpp: capture/wrap/task now carry
//   // g_request_id
//   static const auto request_bridge =
//       asyncctx::bridge([]() -> std::string & { return g_request_id; });
//
// Each capture() copies the bridged state; installing the snapshot swaps the
// copy in and leaving restores what was there, exceptions included, after and
// before the context itself (LIFO, like nested installations). Local::run
// does not touch bridged state. Registration is permanent, safe from static
// initializers and concurrent with captures; a snapshot taken before a bridge
// was registered carries no value for it and leaves it untouched.

// The handle of a registered bridge. There is no unregistering: destroying it
// does nothing, and the bridge works until the process ends.
class Bridge {
public:
  Bridge(const Bridge &) noexcept = default;
  Bridge &operator=(const Bridge &) noexcept = default;
  ~Bridge() = default;

private:
  template <class Capture, class Install, class Leave>
  friend Bridge bridge(Capture, Install, Leave);
  template <class Variable> friend Bridge bridge(Variable);
  Bridge() noexcept = default;
};

namespace detail {

// The general form's bridge: the user's three callables, called through
// BridgeBase's function pointers.
template <class Value, class Token, class Capture, class Install, class Leave>
class BridgeImpl final : public BridgeBase {
public:
  BridgeImpl(Capture capture, Install install, Leave leave)
      : BridgeBase({&capture_value, /*recapture=*/nullptr, &destroy_value,
                    &install_value, /*install_moved=*/nullptr, &leave_token,
                    /*enter_alone=*/nullptr, /*leave_alone=*/nullptr,
                    sizeof(Value), alignof(Value), sizeof(Token),
                    alignof(Token)}),
        capture_(std::move(capture)), install_(std::move(install)),
        leave_(std::move(leave)) {}

private:
  static const BridgeImpl &self(const BridgeBase &b) noexcept {
    return static_cast<const BridgeImpl &>(b);
  }
  static void capture_value(const BridgeBase &b, void *value) {
    ::new (value) Value(self(b).capture_());
  }
  static void destroy_value(void *value) {
    static_cast<Value *>(value)->~Value();
  }
  static void install_value(const BridgeBase &b, const void *value,
                            void *token) {
    ::new (token) Token(self(b).install_(*static_cast<const Value *>(value)));
  }
  static void leave_token(const BridgeBase &b, void *token) {
    Token &t = *static_cast<Token *>(token);
    self(b).leave_(std::move(t));
    t.~Token();
  }

  const Capture capture_;
  const Install install_;
  const Leave leave_;
};

// Whether destroying a T later than its last snapshot goes can make no
// difference to the program but memory: then a thread keeps its last freed
// capture's value for the next capture to assign to (see ThreadBridges).
template <class T>
struct destruction_unobservable : std::is_trivially_destructible<T> {};
template <class Char, class Traits>
struct destruction_unobservable<
    std::basic_string<Char, Traits, std::allocator<Char>>> : std::true_type {};

// The thread_local form's bridge: the value and the token are both a T, the
// token holding the thread's value while the captured one is installed. The
// variable's object is replaced (ended and constructed anew) rather than
// assigned to: assigning into a just-moved-from std::string reads back the
// bytes the move has just written, a failed store-to-load forward that cost
// more than the copy itself (docs/performance.md, "Bridges").
template <class T, class Variable>
class VariableBridge final : public BridgeBase {
public:
  explicit VariableBridge(Variable variable)
      : BridgeBase({&capture_value,
                    destruction_unobservable<T>::value
                        ? &recapture_value
                        : static_cast<RecaptureFn>(nullptr),
                    &destroy_value, &install_value, &install_moved_value,
                    &leave_token, &enter_alone, &leave_alone, sizeof(T),
                    alignof(T), sizeof(T), alignof(T)}),
        variable_(std::move(variable)) {}

private:
  static T &variable(const BridgeBase &b) {
    return detail::invoke(static_cast<const VariableBridge &>(b).variable_);
  }
  static void capture_value(const BridgeBase &b, void *value) {
    ::new (value) T(variable(b));
  }
  static void recapture_value(const BridgeBase &b, void *value) {
    replace(*static_cast<T *>(value), variable(b));
  }
  static void destroy_value(void *value) { static_cast<T *>(value)->~T(); }
  static void install_value(const BridgeBase &b, const void *value,
                            void *token) {
    install(variable(b), *static_cast<const T *>(value), token);
  }
  static void install_moved_value(const BridgeBase &b, void *value,
                                  void *token) {
    install(variable(b), std::move(*static_cast<T *>(value)), token);
  }
  ASYNCCTX_ALWAYS_INLINE static void leave_token(const BridgeBase &b,
                                                 void *token) {
    T &saved = *static_cast<T *>(token);
    replace(variable(b), std::move(saved));
    saved.~T();
  }
  // The set of this bridge alone, in one call each way: no loop over the
  // set's entries, no call per bridge.
  static BridgeRecord *enter_alone(const BridgeCapture *values,
                                   BridgeCapture *consumed, std::size_t depth) {
    const BridgeSet *set = values->set;
    const BridgeSet::Entry &e = set->entries()[0];
    BridgeRecord *r = thread_bridges().push(set, depth, consumed);
    void *token = r->base() + e.token_offset;
    if (consumed != nullptr)
      install(
          variable(*e.bridge),
          std::move(*reinterpret_cast<T *>(consumed->base() + e.value_offset)),
          token);
    else
      install(variable(*e.bridge),
              *reinterpret_cast<const T *>(values->base() + e.value_offset),
              token);
    return r;
  }
  static void leave_alone(BridgeRecord *r, std::size_t depth) {
    ThreadBridges &stack = thread_bridges();
    if (ASYNCCTX_UNLIKELY(stack.top() != r)) {
      unwind_bridges(depth);
      return;
    }
    const BridgeSet::Entry &e = r->set->entries()[0];
    leave_token(*e.bridge, r->base() + e.token_offset);
    pop_record(stack, r);
  }
  // The thread's value moved aside into `token`, `value` in its place.
  template <class V>
  ASYNCCTX_ALWAYS_INLINE static void install(T &current, V &&value,
                                             void *token) {
    ::new (token) T(std::move(current));
    replace(current, std::forward<V>(value));
  }
  // Transparently replaceable: references to the variable, and its name,
  // refer to the new object.
  template <class V>
  ASYNCCTX_ALWAYS_INLINE static void replace(T &variable, V &&value) {
    variable.~T();
    ::new (static_cast<void *>(&variable)) T(std::forward<V>(value));
  }

  const Variable variable_;
};

} // namespace detail

// The general form, for foreign contexts. `capture()` returns this thread's
// current state as a value (any movable type); `install(value)` makes a
// captured value current on this thread and returns a token (any movable
// type); `leave(std::move(token))` restores the state the token saved. The
// three are called from any thread, concurrently, inside noexcept functions
// (an exception escaping them calls std::terminate), and must not install or
// leave asyncctx contexts themselves.
template <class Capture, class Install, class Leave>
Bridge bridge(Capture capture, Install install, Leave leave) {
  using Value = std::decay_t<detail::invoke_result_t<const Capture &>>;
  using Token =
      std::decay_t<detail::invoke_result_t<const Install &, const Value &>>;
  static_assert(detail::is_invocable<const Leave &, Token &&>::value,
                "asyncctx::bridge: leave(token) must accept the token that "
                "install(value) returns, as an rvalue");
  static_assert(alignof(Value) <= detail::bridge_alignment &&
                    alignof(Token) <= detail::bridge_alignment,
                "asyncctx::bridge: over-aligned values and tokens are not "
                "supported");
  detail::register_bridge(
      new detail::BridgeImpl<Value, Token, Capture, Install, Leave>(
          std::move(capture), std::move(install), std::move(leave)));
  return Bridge();
}

// The thread_local form: `variable()` returns the calling thread's variable
// (a non-const lvalue reference to a copyable T). capture() copies it;
// installing a snapshot moves the thread's value aside and copies the
// captured one in; leaving moves the saved value back, exactly like a Local.
template <class Variable> Bridge bridge(Variable variable) {
  using Ref = detail::invoke_result_t<const Variable &>;
  using T = std::remove_reference_t<Ref>;
  static_assert(std::is_lvalue_reference<Ref>::value &&
                    !std::is_const<T>::value,
                "asyncctx::bridge(variable): variable() must return a "
                "non-const lvalue reference to the thread's variable");
  static_assert(std::is_copy_constructible<T>::value &&
                    std::is_copy_assignable<T>::value &&
                    std::is_move_constructible<T>::value &&
                    std::is_move_assignable<T>::value,
                "asyncctx::bridge(variable): the variable's type must be "
                "copyable and movable");
  static_assert(alignof(T) <= detail::bridge_alignment,
                "asyncctx::bridge(variable): over-aligned variables are not "
                "supported");
  detail::register_bridge(
      new detail::VariableBridge<T, Variable>(std::move(variable)));
  return Bridge();
}

} // namespace asyncctx

#endif // ASYNCCTX_ASYNCCTX_HPP

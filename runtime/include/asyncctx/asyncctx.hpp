// asyncctx runtime: async-local variables for C++20, the counterpart of
// Node's AsyncLocalStorage. Header-only, standard library only.
//
// A context is an immutable, reference-counted set of values, one per
// asyncctx::Local. Each thread has a current context. Local::run installs a
// derived context for the duration of a call; capture() takes a snapshot of the
// current context (one atomic increment, never a copy); wrap(f) captures now
// and runs f inside that snapshot later, on whatever thread calls it.
//
//   asyncctx::Local<std::string> request_id;  // namespace scope
//
//   request_id.run("req-42", [] {
//     std::thread t(asyncctx::wrap([] { log(*request_id.get()); }));
//     t.join();  // the thread logged "req-42"
//   });
//
// Reference: docs/runtime.md.

#ifndef ASYNCCTX_ASYNCCTX_HPP
#define ASYNCCTX_ASYNCCTX_HPP

#include <atomic>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <new>
#include <type_traits>
#include <utility>

// The per-thread context and the slot counter must be one object per process,
// even when the header is compiled into several shared libraries built with
// -fvisibility=hidden; otherwise contexts would not cross library boundaries
// and, worse, two Locals could share a slot index.
#if defined(__GNUC__) || defined(__clang__)
#define ASYNCCTX_SHARED_STATE [[gnu::visibility("default")]]
#else
#define ASYNCCTX_SHARED_STATE
#endif

namespace asyncctx {

template <class T> class Local;
class Snapshot;
class Scope;
template <class F> class Wrapped;
[[nodiscard]] inline Snapshot capture() noexcept;

namespace detail {

struct Switch; // coroutine support, defined after Snapshot

// One value bound to one Local. Shared by every frame that inherits it, so a
// value is constructed once per Local::run and destroyed with its last frame.
struct Box {
  std::atomic<std::size_t> refs{1};

  Box() noexcept = default;
  Box(const Box &) = delete;
  Box &operator=(const Box &) = delete;
  virtual ~Box() = default;
};

template <class T> struct TypedBox final : Box {
  template <class... A>
  explicit TypedBox(std::in_place_t, A &&...args)
      : value(std::forward<A>(args)...) {}
  T value;
};

inline void retain(Box *b) noexcept {
  if (b != nullptr)
    b->refs.fetch_add(1, std::memory_order_relaxed);
}

inline void release(Box *b) noexcept {
  if (b != nullptr && b->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
    delete b;
}

// An immutable context: `size` slot pointers stored right after the header in
// the same allocation. Slot i belongs to the Local with index i; null means the
// Local is unset. `size` is the highest set slot + 1, so a Local whose slot
// was assigned after the frame was built is out of range and reads as unset.
struct Frame {
  std::atomic<std::size_t> refs{1};
  std::uint32_t size;

  explicit Frame(std::uint32_t n) noexcept : size(n) {}
  Frame(const Frame &) = delete;
  Frame &operator=(const Frame &) = delete;

  static constexpr std::size_t bytes(std::uint32_t n) noexcept {
    return sizeof(Frame) + std::size_t{n} * sizeof(Box *);
  }
  // Slot storage starts right after the header, inside the same allocation.
  static void *storage(void *self) noexcept {
    return static_cast<std::byte *>(self) + sizeof(Frame);
  }
  Box **slots() noexcept {
    return std::launder(static_cast<Box **>(storage(this)));
  }
  Box *const *slots() const noexcept {
    return const_cast<Frame *>(this)->slots();
  }
};
static_assert(sizeof(Frame) % alignof(Box *) == 0,
              "slot array must be aligned right after the frame header");
static_assert(alignof(Frame) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);

inline void destroy(Frame *f) noexcept {
  Box **s = f->slots();
  for (std::uint32_t i = 0; i < f->size; ++i)
    release(s[i]);
  f->~Frame();
  ::operator delete(static_cast<void *>(f));
}

inline void retain(Frame *f) noexcept {
  if (f != nullptr)
    f->refs.fetch_add(1, std::memory_order_relaxed);
}

inline void release(Frame *f) noexcept {
  if (f != nullptr && f->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
    destroy(f);
}

inline Frame *retained(Frame *f) noexcept {
  retain(f);
  return f;
}

// The current context of this thread; null is the empty context. The thread
// owns one reference on it. Every installation is scoped (Local::run,
// Snapshot::run, Scope, Wrapped), so it is null again when a thread exits.
ASYNCCTX_SHARED_STATE inline constinit thread_local Frame *current_frame =
    nullptr;

// Slot indices handed out to Locals, never reused.
ASYNCCTX_SHARED_STATE inline constinit std::atomic<std::uint32_t> next_slot{0};

// Far below UINT32_MAX so the counter cannot wrap before a process dies.
inline constexpr std::uint32_t max_slots = std::uint32_t{1} << 30;

// Gives a Local its slot on first use; `key` holds slot + 1, 0 until assigned.
// Two threads racing here agree on the first key stored; the loser's index is
// simply never used.
inline std::uint32_t assign_key(std::atomic<std::uint32_t> &key) noexcept {
  const std::uint32_t slot = next_slot.fetch_add(1, std::memory_order_relaxed);
  if (slot >= max_slots)
    std::terminate(); // Locals are being created in a loop; see docs.
  std::uint32_t expected = 0;
  if (key.compare_exchange_strong(expected, slot + 1,
                                  std::memory_order_relaxed))
    return slot + 1;
  return expected;
}

// Owns raw frame memory until a Frame is constructed in it; needs no
// exceptions, so the header also works under -fno-exceptions.
struct RawFrame {
  void *memory;
  explicit RawFrame(std::uint32_t n)
      : memory(::operator new(Frame::bytes(n))) {}
  RawFrame(const RawFrame &) = delete;
  RawFrame &operator=(const RawFrame &) = delete;
  ~RawFrame() {
    if (memory != nullptr)
      ::operator delete(memory);
  }
};

// A new frame: the current frame's slots (references shared, values not
// copied) with `slot` bound to a new T built from `args`. Returns it with one
// reference, owned by the caller.
template <class T, class... A> Frame *derive(std::uint32_t slot, A &&...args) {
  const Frame *base = current_frame;
  const std::uint32_t base_size = base != nullptr ? base->size : 0;
  const std::uint32_t size = slot < base_size ? base_size : slot + 1;

  RawFrame raw(size);
  Box *box = new TypedBox<T>(std::in_place, std::forward<A>(args)...);
  Frame *f = ::new (raw.memory) Frame(size);
  raw.memory = nullptr;

  auto *out = static_cast<Box **>(Frame::storage(f));
  for (std::uint32_t i = 0; i < size; ++i) {
    Box *b = nullptr;
    if (i == slot) {
      b = box;
    } else if (i < base_size) {
      b = base->slots()[i];
      retain(b);
    }
    ::new (static_cast<void *>(out + i)) Box *(b);
  }
  return f;
}

// Makes `adopted` (whose reference it takes) the current frame and, on
// destruction, restores the previous one. The thread's reference on the
// previous frame is parked here meanwhile. The destructor drops whatever frame
// is current at that point, so even a misnested guard cannot leak or free a
// frame twice.
class Installer {
public:
  explicit Installer(Frame *adopted) noexcept : prev_(current_frame) {
    current_frame = adopted;
  }
  Installer(const Installer &) = delete;
  Installer &operator=(const Installer &) = delete;
  ~Installer() {
    Frame *mine = current_frame;
    current_frame = prev_;
    release(mine); // may run value destructors, already in the outer context
  }

private:
  Frame *prev_;
};

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
    const detail::Frame *f = detail::current_frame;
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
    detail::Installer guard(detail::derive<T>(slot(), value));
    return std::invoke(std::forward<F>(f));
  }

  template <class F>
    requires std::invocable<F>
  decltype(auto) run(T &&value, F &&f) const {
    detail::Installer guard(detail::derive<T>(slot(), std::move(value)));
    return std::invoke(std::forward<F>(f));
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
  Snapshot(const Snapshot &other) noexcept : frame_(other.frame_) {
    detail::retain(frame_);
  }
  Snapshot(Snapshot &&other) noexcept
      : frame_(std::exchange(other.frame_, nullptr)) {}
  Snapshot &operator=(const Snapshot &other) noexcept {
    detail::retain(other.frame_); // first: self-assignment safe
    detail::release(std::exchange(frame_, other.frame_));
    return *this;
  }
  Snapshot &operator=(Snapshot &&other) noexcept {
    if (this != &other)
      detail::release(
          std::exchange(frame_, std::exchange(other.frame_, nullptr)));
    return *this;
  }
  ~Snapshot() { detail::release(frame_); }

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
  friend class Scope;
  friend struct detail::Switch;

  explicit Snapshot(detail::Frame *adopted) noexcept : frame_(adopted) {}

  detail::Frame *frame_ = nullptr;
};

namespace detail {

// Installs a context for a stretch of execution that is not a C++ block: a
// coroutine between its resumption and its next suspension (see task.hpp).
// enter() installs its own reference on `s` and returns the previous frame,
// whose thread reference passes to the caller; leave(prev), on the same thread
// and before anything else runs there, restores it and drops whatever frame is
// current, like Installer's destructor. Keep nothing installed across a
// suspension: call leave() before handing the coroutine to anyone.
struct Switch {
  [[nodiscard]] static Frame *enter(const Snapshot &s) noexcept {
    Frame *prev = current_frame;
    current_frame = retained(s.frame_);
    return prev;
  }
  static void leave(Frame *prev) noexcept {
    Frame *mine = current_frame;
    current_frame = prev;
    release(mine);
  }
};

} // namespace detail

// The current context of this thread.
[[nodiscard]] inline Snapshot capture() noexcept {
  return Snapshot(detail::retained(detail::current_frame));
}

// Installs a snapshot on this thread until the end of the enclosing block.
// Create and destroy it on the same thread, in stack order; never keep one
// alive across co_await or any other suspension point.
class [[nodiscard]] Scope {
public:
  explicit Scope(const Snapshot &snapshot) noexcept
      : installer_(detail::retained(snapshot.frame_)) {}
  Scope(const Scope &) = delete;
  Scope &operator=(const Scope &) = delete;
  ~Scope() = default;

private:
  detail::Installer installer_;
};

template <class F>
  requires std::invocable<F>
decltype(auto) Snapshot::run(F &&f) const
    noexcept(std::is_nothrow_invocable_v<F>) {
  Scope scope(*this);
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
    Scope scope(snapshot_);
    return std::invoke(fn_, std::forward<Args>(args)...);
  }

  template <class... Args>
    requires std::invocable<const F &, Args...>
  decltype(auto) operator()(Args &&...args) const & noexcept(
      std::is_nothrow_invocable_v<const F &, Args...>) {
    Scope scope(snapshot_);
    return std::invoke(fn_, std::forward<Args>(args)...);
  }

  template <class... Args>
    requires std::invocable<F, Args...>
  decltype(auto) operator()(Args &&...args) && noexcept(
      std::is_nothrow_invocable_v<F, Args...>) {
    Scope scope(snapshot_);
    return std::invoke(std::move(fn_), std::forward<Args>(args)...);
  }

  template <class... Args>
    requires std::invocable<const F, Args...>
  decltype(auto) operator()(Args &&...args) const && noexcept(
      std::is_nothrow_invocable_v<const F, Args...>) {
    Scope scope(snapshot_);
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

#undef ASYNCCTX_SHARED_STATE

#endif // ASYNCCTX_ASYNCCTX_HPP

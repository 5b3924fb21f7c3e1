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
#define ASYNCCTX_NOINLINE [[gnu::noinline]]
#define ASYNCCTX_COLD [[gnu::cold, gnu::noinline]]
#else
#define ASYNCCTX_SHARED_STATE
#define ASYNCCTX_NOINLINE
#define ASYNCCTX_COLD
#endif

namespace asyncctx {

template <class T> class Local;
class Snapshot;
class Scope;
template <class F> class Wrapped;
[[nodiscard]] inline Snapshot capture() noexcept;

namespace detail {

struct Access;

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
  // The sole owner needs no read-modify-write (see release_n).
  if (b != nullptr && (b->refs.load(std::memory_order_acquire) == 1 ||
                       b->refs.fetch_sub(1, std::memory_order_acq_rel) == 1))
    delete b;
}

// An immutable context: `size` slot pointers stored right after the header in
// the same allocation. Slot i belongs to the Local with index i; null means the
// Local is unset. `size` is the highest set slot + 1, so a Local whose slot
// was assigned after the frame was built is out of range and reads as unset.
struct Frame {
  std::atomic<std::size_t> refs;
  std::uint32_t size;

  Frame(std::uint32_t n, std::size_t initial_refs) noexcept
      : refs(initial_refs), size(n) {}
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

ASYNCCTX_NOINLINE inline void destroy(Frame *f) noexcept {
  Box **s = f->slots();
  for (std::uint32_t i = 0; i < f->size; ++i)
    release(s[i]);
  f->~Frame();
  ::operator delete(static_cast<void *>(f));
}

// What this thread is running in. `current` is borrowed: whoever installed
// it (Local::run, Scope, Snapshot::run, a Wrapped call, a task resumption)
// holds a reference for as long as it is installed, so neither installing nor
// removing a context touches its reference count.
//
// `credits` are references to `credit_frame` (null or `current`) that this
// thread holds on behalf of its innermost installation: capture() takes one
// and a Snapshot destroyed here gives one back, both without an atomic
// operation. Local::run starts its frame with a batch of them; inside a
// borrowed installation the second capture fetches a batch. The installation
// returns what is left, in one atomic subtraction, when it ends.
//
// The field order matters for speed: an installation saves the whole state
// and restores it with only `credits` changed, so `credits` comes last, where
// rewriting it alone does not split a wider load of the next save (a failed
// store-to-load forward costs more than everything else here).
struct ThreadState {
  Frame *current = nullptr;
  Frame *credit_frame = nullptr;
  const void *top = nullptr; // the innermost installation (compared only)
  std::size_t depth = 0;     // installations open on this thread
  std::size_t credits = 0;
};
ASYNCCTX_SHARED_STATE inline constinit thread_local ThreadState this_thread;

// References per credit batch: large enough that refills are rare, small
// enough that no number of threads can overflow the count.
inline constexpr std::size_t credit_batch =
    sizeof(std::size_t) >= 8 ? std::size_t{1} << 32 : std::size_t{1} << 12;

// The last reference to `f` is gone. If `f` is still installed here (a
// callable that destroyed its own wrapper, a snapshot reset inside its own
// run) it lives on as a credit of the installation, which frees it when it
// ends. (Installed deeper, under another context, it is not seen: see
// docs/runtime.md, "Lifetimes".)
ASYNCCTX_NOINLINE inline void last_reference_dropped(Frame *f) noexcept {
  ThreadState &t = this_thread;
  if (f == t.current) {
    // Nobody else holds a reference, so nobody can be touching the count.
    f->refs.store(1, std::memory_order_relaxed);
    if (t.credit_frame == f) {
      ++t.credits;
    } else {
      t.credit_frame = f;
      t.credits = 1;
    }
    return;
  }
  destroy(f);
}

// Drops `n` references to `f`.
inline void release_n(Frame *f, std::size_t n) noexcept {
  // A count equal to ours means nobody else can change it: skip the
  // read-modify-write (the acquire load still orders the other threads'
  // releases before the destruction).
  if (f->refs.load(std::memory_order_acquire) == n ||
      f->refs.fetch_sub(n, std::memory_order_acq_rel) == n)
    last_reference_dropped(f);
}

// Drops `n` references to `f` held by this thread: to the credits of the
// current installation when they are for the same frame (a nested
// installation of the same context), otherwise to the count.
inline void give_back(Frame *f, std::size_t n) noexcept {
  ThreadState &t = this_thread;
  if (f == t.credit_frame)
    t.credits += n;
  else
    release_n(f, n);
}

// Takes a reference to `f` for a new Snapshot; null is the empty context.
inline Frame *acquire(Frame *f) noexcept {
  if (f == nullptr)
    return nullptr;
  ThreadState &t = this_thread;
  if (f == t.credit_frame) {
    if (t.credits == 0) {
      f->refs.fetch_add(credit_batch, std::memory_order_relaxed);
      t.credits = credit_batch;
    }
    --t.credits;
    return f;
  }
  f->refs.fetch_add(1, std::memory_order_relaxed);
  // The first capture in a borrowed installation: a second one takes a batch.
  if (f == t.current && t.credit_frame == nullptr)
    t.credit_frame = f;
  return f;
}

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
// copied) with `slot` bound to a new T built from `args`. Returns it with
// `refs` references, owned by the caller.
template <class T, class... A>
Frame *derive(std::size_t refs, std::uint32_t slot, A &&...args) {
  const Frame *base = this_thread.current;
  const std::uint32_t base_size = base != nullptr ? base->size : 0;
  const std::uint32_t size = slot < base_size ? base_size : slot + 1;

  RawFrame raw(size);
  Box *box = new TypedBox<T>(std::in_place, std::forward<A>(args)...);
  Frame *f = ::new (raw.memory) Frame(size, refs);
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

// Makes a frame the current one for a stretch of execution and restores the
// previous one afterwards: a block (Local::run, Scope, a Wrapped call) or a
// coroutine between resumption and suspension (task.hpp). Strictly nested per
// thread. `enter` either borrows the frame (the caller keeps a reference
// alive until `leave`) or adopts one reference plus `credits` more, released
// by `leave`.
class Installation {
public:
  Installation() noexcept = default;
  Installation(const Installation &) = delete;
  Installation &operator=(const Installation &) = delete;

  void enter(Frame *f, bool adopt = false, std::size_t credits = 0) noexcept {
    ThreadState &t = this_thread;
    saved_ = t;
    owner_ = &t;
    adopted_ = adopt ? f : nullptr;
    t = {f, credits != 0 ? f : nullptr, this, t.depth + 1, credits};
  }

  void leave() noexcept {
    ThreadState &t = this_thread;
    if (t.top != this) [[unlikely]] {
      leave_misnested(t);
      return;
    }
    Frame *credit_frame = t.credit_frame;
    std::size_t credits = t.credits;
    ThreadState outer = saved_;
    // References for the outer installation's frame become its credits. Merged
    // before the restore, which is then plain stores of whole words (a later
    // narrower store into it would defeat store forwarding in the next enter).
    Frame *adopted = adopted_;
    if (adopted != nullptr && adopted == outer.credit_frame) {
      ++outer.credits;
      adopted = nullptr;
    }
    if (credits != 0 && credit_frame == outer.credit_frame) {
      outer.credits += credits;
      credits = 0;
    }
    t = outer;
    // After restoring, so that a last reference dropped here sees the outer
    // context.
    if (adopted != nullptr)
      release_n(adopted, 1);
    if (credits != 0)
      release_n(credit_frame, credits);
  }

private:
  // A Scope that broke the nesting rules (kept across a suspension point, or
  // destroyed on another thread). Undefined behaviour; this keeps the counts
  // balanced and the thread's state consistent where it can.
  ASYNCCTX_COLD void leave_misnested(ThreadState &t) noexcept {
    Frame *credit_frame;
    std::size_t credits;
    if (&t == owner_ && t.depth > saved_.depth) {
      // Installations opened above this one are still open: end them too.
      credit_frame = t.credit_frame;
      credits = t.credits;
      t = saved_;
    } else {
      // Already ended by an outer installation, or entered on another thread:
      // this thread's state is not ours to restore, but the credits of the
      // installation below this one are, since nobody else will return them.
      credit_frame = saved_.credit_frame;
      credits = saved_.credits;
    }
    if (adopted_ != nullptr)
      give_back(adopted_, 1);
    if (credits != 0)
      give_back(credit_frame, credits);
  }

  ThreadState saved_;
  ThreadState *owner_ = nullptr;
  Frame *adopted_ = nullptr;
};

// An Installation for the duration of a block.
class InstalledFrame {
public:
  explicit InstalledFrame(Frame *f, bool adopt = false,
                          std::size_t credits = 0) noexcept {
    inner_.enter(f, adopt, credits);
  }
  InstalledFrame(const InstalledFrame &) = delete;
  InstalledFrame &operator=(const InstalledFrame &) = delete;
  ~InstalledFrame() { inner_.leave(); }

private:
  Installation inner_;
};

// Local::run: f() in a frame derived from the current one. The installation
// adopts the frame's references: its own, and a batch of credits so that
// captures inside need no atomic operation.
template <class T, class V, class F>
decltype(auto) run_derived(std::uint32_t slot, V &&value, F &&f) {
  InstalledFrame installed(
      derive<T>(1 + credit_batch, slot, std::forward<V>(value)), true,
      credit_batch);
  return std::invoke(std::forward<F>(f));
}

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

#undef ASYNCCTX_SHARED_STATE
#undef ASYNCCTX_NOINLINE
#undef ASYNCCTX_COLD

#endif // ASYNCCTX_ASYNCCTX_HPP

// Not a public header: what each thread is running in, and the reference
// credits that keep atomic operations off capture() and Snapshot destruction
// (docs/runtime.md, "Cost model"; docs/decisions.md, "Runtime").

#ifndef ASYNCCTX_DETAIL_THREAD_STATE_HPP
#define ASYNCCTX_DETAIL_THREAD_STATE_HPP

#include <asyncctx/detail/config.hpp>
#include <asyncctx/detail/frame.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace asyncctx {
namespace detail {

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

// One per thread and process (see SlotCounter in frame.hpp).
template <class Unused = void> struct ASYNCCTX_SHARED_STATE ThreadStateStorage {
  static thread_local ThreadState state;
};
template <class Unused>
ASYNCCTX_CONSTINIT thread_local ThreadState ThreadStateStorage<Unused>::state;

inline ThreadState &this_thread() noexcept {
  return ThreadStateStorage<>::state;
}

// References per credit batch: large enough that refills are rare, small
// enough that no number of threads can overflow the count.
constexpr std::size_t credit_batch =
    sizeof(std::size_t) >= 8 ? std::size_t{1} << 32 : std::size_t{1} << 12;

// The last reference to `f` is gone. If `f` is still installed here (a
// callable that destroyed its own wrapper, a snapshot reset inside its own
// run) it lives on as a credit of the installation, which frees it when it
// ends. (Installed deeper, under another context, it is not seen: see
// docs/runtime.md, "Lifetimes".)
ASYNCCTX_NOINLINE inline void last_reference_dropped(Frame *f) noexcept {
  ThreadState &t = this_thread();
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
  ThreadState &t = this_thread();
  if (f == t.credit_frame)
    t.credits += n;
  else
    release_n(f, n);
}

// Takes a reference to `f` for a new Snapshot; null is the empty context.
inline Frame *acquire(Frame *f) noexcept {
  if (f == nullptr)
    return nullptr;
  ThreadState &t = this_thread();
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

// A new frame: the current frame's slots (references shared, values not
// copied) with `slot` bound to a new T built from `args`. Returns it with
// `refs` references, owned by the caller.
template <class T, class... A>
Frame *derive(std::size_t refs, std::uint32_t slot, A &&...args) {
  const Frame *base = this_thread().current;
  const std::uint32_t base_size = base != nullptr ? base->size : 0;
  const std::uint32_t size = slot < base_size ? base_size : slot + 1;

  RawFrame raw(size);
  Box *box = new TypedBox<T>(InPlace{}, std::forward<A>(args)...);
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

} // namespace detail
} // namespace asyncctx

#endif // ASYNCCTX_DETAIL_THREAD_STATE_HPP

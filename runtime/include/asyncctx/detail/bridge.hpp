// Not a public header: the bridge registry behind asyncctx::bridge, the
// bridged values a Snapshot captures, and the per-thread stack of tokens with
// which installations restore them. See docs/runtime.md, "Bridges: legacy
// thread_locals and foreign contexts".
//
// Nothing here runs unless a bridge is registered: capture() tests one global
// pointer, an installation one pointer of its own.

#ifndef ASYNCCTX_DETAIL_BRIDGE_HPP
#define ASYNCCTX_DETAIL_BRIDGE_HPP

#include <asyncctx/detail/config.hpp>

#include <atomic>
#include <cstddef>
#include <new>
#include <utility>

namespace asyncctx {
namespace detail {

struct BridgeCapture;
struct BridgeRecord;
struct BridgeSet;

constexpr std::size_t align_up(std::size_t n, std::size_t alignment) noexcept {
  return (n + alignment - 1) / alignment * alignment;
}

// Every bridge value, token and block below is placed at this alignment or a
// smaller one, so plain ::operator new suffices.
constexpr std::size_t bridge_alignment = alignof(std::max_align_t);

// One registered bridge, its value and token types erased behind plain
// function pointers (copied into each BridgeSet entry, so that a capture or an
// installation makes one indirect call per bridge and loads nothing else).
// Made by asyncctx::bridge and never destroyed: snapshots may outlive static
// destruction, and they need the bridge to destroy their values. The
// functions run inside noexcept functions.
class BridgeBase {
public:
  // Constructs this thread's current value at `value`.
  using CaptureFn = void (*)(const BridgeBase &self, void *value);
  // Gives the value at `value`, constructed by an earlier capture and no
  // longer shared, this thread's current value (null if the bridge's values
  // must be destroyed with their last snapshot).
  using RecaptureFn = void (*)(const BridgeBase &self, void *value);
  using DestroyFn = void (*)(void *value);
  // Makes `value` current on this thread and constructs at `token` what
  // `leave` needs to restore the previous state.
  using InstallFn = void (*)(const BridgeBase &self, const void *value,
                             void *token);
  // The same for a value that nothing else will read again: it may be moved
  // from (null if the bridge only copies).
  using InstallMovedFn = void (*)(const BridgeBase &self, void *value,
                                  void *token);
  // Restores the state `token` saved, then destroys the token.
  using LeaveFn = void (*)(const BridgeBase &self, void *token);
  // A whole installation of a set that holds this bridge alone, in one call
  // each (see BridgeSet::enter; null to use the per-bridge functions above).
  using EnterSetFn = BridgeRecord *(*)(const BridgeCapture *values,
                                       BridgeCapture *consumed,
                                       std::size_t depth);
  using LeaveSetFn = void (*)(BridgeRecord *record, std::size_t depth);

  struct Operations {
    CaptureFn capture;
    RecaptureFn recapture;
    DestroyFn destroy;
    InstallFn install;
    InstallMovedFn install_moved;
    LeaveFn leave;
    EnterSetFn enter_alone;
    LeaveSetFn leave_alone;
    std::size_t value_size, value_align, token_size, token_align;
  };

  explicit BridgeBase(const Operations &operations) noexcept
      : operations(operations) {}
  BridgeBase(const BridgeBase &) = delete;
  BridgeBase &operator=(const BridgeBase &) = delete;

  const Operations operations;

protected:
  ~BridgeBase() = default;
};

// The bridges registered so far, in registration order, with the layout of
// their values in a BridgeCapture and of their tokens in a BridgeRecord; the
// entries follow the header in the same allocation. Immutable once
// published; a registration publishes a new set that extends the previous
// one. Never freed: snapshots and records point to the set they were made
// with, and `previous` keeps the older sets reachable.
struct BridgeSet {
  struct Entry {
    const BridgeBase *bridge;
    BridgeBase::CaptureFn capture;
    BridgeBase::RecaptureFn recapture;
    BridgeBase::DestroyFn destroy;
    BridgeBase::InstallFn install;
    BridgeBase::InstallMovedFn install_moved;
    BridgeBase::LeaveFn leave;
    std::size_t value_offset;
    std::size_t token_offset;
  };

  static const BridgeSet *make(const BridgeSet *previous,
                               const BridgeBase *added);

  const Entry *entries() const noexcept {
    return reinterpret_cast<const Entry *>(
        reinterpret_cast<const unsigned char *>(this) + entries_offset());
  }

  const BridgeSet *previous;
  // Installs `values` (a capture of this set) on this thread for the
  // installation at `depth` and returns the record to leave. `consumed` is
  // null, or `values` itself when the installation owns the capture (the one
  // call of a Wrapped called as an rvalue): its values may then be moved in
  // rather than copied, and leaving releases it.
  BridgeBase::EnterSetFn enter;
  // Leaves what `enter` pushed (the installation at `depth`).
  BridgeBase::LeaveSetFn leave;
  std::size_t count;
  std::size_t capture_bytes; // a BridgeCapture and the values
  std::size_t record_bytes;  // a BridgeRecord and the tokens
  bool recapturable;         // every bridge has a recapture function

private:
  static constexpr std::size_t entries_offset() noexcept {
    return align_up(sizeof(BridgeSet), alignof(Entry));
  }
};

// The bridges' values as one capture() found them: immutable, shared by the
// copies of that Snapshot, freed with the last one.
struct BridgeCapture {
  std::atomic<std::size_t> refs{1};
  const BridgeSet *set;

  explicit BridgeCapture(const BridgeSet *s) noexcept : set(s) {}
  unsigned char *base() noexcept {
    return reinterpret_cast<unsigned char *>(this);
  }
  const unsigned char *base() const noexcept {
    return reinterpret_cast<const unsigned char *>(this);
  }
};

// What one installation must undo: the tokens of its bridges, on the
// ThreadBridges of the thread it was entered on.
struct BridgeRecord {
  BridgeRecord *below;
  const BridgeSet *set;
  std::size_t depth;       // the installation's ThreadState::depth
  BridgeCapture *consumed; // released after leaving (see BridgeSet::enter)

  unsigned char *base() noexcept {
    return reinterpret_cast<unsigned char *>(this);
  }
};

// The current set; null until the first registration. One per process (see
// SlotCounter in frame.hpp).
template <class Unused = void> struct ASYNCCTX_SHARED_STATE BridgeRegistry {
  static std::atomic<const BridgeSet *> bridge_set;
};
template <class Unused>
ASYNCCTX_CONSTINIT std::atomic<const BridgeSet *>
    BridgeRegistry<Unused>::bridge_set{nullptr};

// Safe at any time, from any thread, and from static initializers (the
// registry is constant-initialized). A capture that races with it sees the
// set before or after.
ASYNCCTX_NOINLINE inline void register_bridge(const BridgeBase *bridge) {
  auto &bridge_set = BridgeRegistry<>::bridge_set;
  const BridgeSet *current = bridge_set.load(std::memory_order_acquire);
  for (;;) {
    const BridgeSet *next = BridgeSet::make(current, bridge);
    if (bridge_set.compare_exchange_weak(current, next,
                                         std::memory_order_acq_rel,
                                         std::memory_order_acquire))
      return;
    ::operator delete(const_cast<BridgeSet *>(next)); // never published
  }
}

inline void destroy_values(BridgeCapture *c) noexcept {
  const BridgeSet *set = c->set;
  const BridgeSet::Entry *e = set->entries();
  for (std::size_t i = set->count; i-- > 0;)
    e[i].destroy(c->base() + e[i].value_offset);
  c->~BridgeCapture();
}

// Frees the thread's ThreadBridges memory when the thread exits. Reached only
// when that memory is first allocated, which registers its destructor.
struct ThreadBridgesCleanup {
  constexpr ThreadBridgesCleanup() noexcept = default;
  ThreadBridgesCleanup(const ThreadBridgesCleanup &) = delete;
  ThreadBridgesCleanup &operator=(const ThreadBridgesCleanup &) = delete;
  ~ThreadBridgesCleanup(); // after ThreadBridges
  ASYNCCTX_NOINLINE void arm() noexcept {}
};

// One T per thread and process (see SlotCounter in frame.hpp), constant-
// initialized.
template <class T> struct ASYNCCTX_SHARED_STATE PerThread {
  static thread_local T value;
};
template <class T> ASYNCCTX_CONSTINIT thread_local T PerThread<T>::value;

// Per-thread bridge state: the records of the installations open on this
// thread, innermost on top, in chunks that never move (a record's tokens stay
// where they were built; installations are strictly nested per thread, so
// records come and go in LIFO order), and one spare BridgeCapture block, so
// that the usual capture-then-destroy on one thread does not allocate. When
// every bridge can recapture (the thread_local form), the spare block keeps
// its values: the next capture assigns to them instead of destroying and
// constructing them again.
//
// Trivially destructible, so that reaching it is one thread-pointer-relative
// load with no initialization check; the memory it owns is freed by a
// separate thread_local (ThreadBridgesCleanup), armed by the first
// allocation.
class ThreadBridges {
public:
  constexpr ThreadBridges() noexcept = default;
  ThreadBridges(const ThreadBridges &) = delete;
  ThreadBridges &operator=(const ThreadBridges &) = delete;

  BridgeRecord *top() const noexcept { return top_; }

  // A spare block of `set` whose values are still constructed, or null.
  BridgeCapture *take_kept_capture(const BridgeSet *set) noexcept {
    if (kept_capture_ != nullptr && kept_capture_->set == set)
      return std::exchange(kept_capture_, nullptr);
    return nullptr;
  }

  // Keeps `c`, no longer shared, as the spare block with its values; false
  // if there is one already.
  bool keep_capture(BridgeCapture *c) noexcept {
    if (kept_capture_ != nullptr || exited_)
      return false;
    kept_capture_ = c;
    return true;
  }

  void *allocate_capture(std::size_t bytes) {
    if (spare_capture_ != nullptr && spare_capture_bytes_ == bytes)
      return std::exchange(spare_capture_, nullptr);
    return allocate_capture_slow(bytes);
  }

  void free_capture(void *block, std::size_t bytes) noexcept {
    if (spare_capture_ == nullptr && !exited_) {
      spare_capture_ = block;
      spare_capture_bytes_ = bytes;
    } else {
      ::operator delete(block);
    }
  }

  BridgeRecord *push(const BridgeSet *set, std::size_t depth,
                     BridgeCapture *consumed) {
    const std::size_t bytes = set->record_bytes;
    if (static_cast<std::size_t>(limit_ - free_) < bytes)
      grow(bytes);
    unsigned char *at = free_;
    free_ = at + bytes;
    top_ = ::new (static_cast<void *>(at))
        BridgeRecord{top_, set, depth, consumed};
    return top_;
  }

  void pop() noexcept {
    BridgeRecord *r = top_;
    top_ = r->below;
    free_ = r->base();
    if (ASYNCCTX_UNLIKELY(free_ == data(chunk_) && chunk_->below != nullptr))
      pop_chunk();
  }

  // Frees what this thread's stack owns; later captures and installations on
  // this thread (from other thread_locals' destructors) still work, and free
  // their memory as they go.
  void release_memory() noexcept {
    exited_ = true;
    for (Chunk *c = chunk_; c != nullptr;) {
      Chunk *below = c->below;
      ::operator delete(static_cast<void *>(c));
      c = below;
    }
    ::operator delete(static_cast<void *>(spare_));
    ::operator delete(spare_capture_);
    if (kept_capture_ != nullptr) {
      destroy_values(kept_capture_);
      ::operator delete(static_cast<void *>(kept_capture_));
    }
    // Records still here belong to installations that never ended (a
    // misnested Scope): their tokens are abandoned, not left.
    top_ = nullptr;
    chunk_ = spare_ = nullptr;
    free_ = limit_ = nullptr;
    spare_capture_ = nullptr;
    kept_capture_ = nullptr;
  }

private:
  struct Chunk {
    Chunk *below;
    unsigned char *below_free; // the chunk below's free_ when this one began
    std::size_t capacity;
  };
  static constexpr std::size_t chunk_header =
      align_up(sizeof(Chunk), bridge_alignment);
  static unsigned char *data(Chunk *c) noexcept {
    return reinterpret_cast<unsigned char *>(c) + chunk_header;
  }

  ASYNCCTX_NOINLINE void *allocate_capture_slow(std::size_t bytes) {
    if (!exited_)
      PerThread<ThreadBridgesCleanup>::value.arm();
    if (kept_capture_ != nullptr) {
      // Kept for a set that a registration has since replaced: it would
      // never be taken again.
      destroy_values(kept_capture_);
      ::operator delete(
          static_cast<void *>(std::exchange(kept_capture_, nullptr)));
    }
    return ::operator new(bytes);
  }
  ASYNCCTX_NOINLINE void grow(std::size_t bytes) {
    if (!exited_)
      PerThread<ThreadBridgesCleanup>::value.arm();
    Chunk *c = spare_;
    if (c != nullptr && c->capacity >= bytes) {
      spare_ = nullptr;
    } else {
      std::size_t capacity = chunk_ != nullptr ? 2 * chunk_->capacity : 1024;
      if (capacity < bytes)
        capacity = bytes;
      c = ::new (::operator new(chunk_header + capacity))
          Chunk{nullptr, nullptr, capacity};
    }
    c->below = chunk_;
    c->below_free = free_;
    chunk_ = c;
    free_ = data(c);
    limit_ = free_ + c->capacity;
  }
  ASYNCCTX_NOINLINE void pop_chunk() noexcept {
    // Keep one empty chunk, so that a call depth oscillating across a chunk
    // boundary does not allocate every time.
    ::operator delete(static_cast<void *>(spare_));
    spare_ = chunk_;
    chunk_ = chunk_->below;
    free_ = spare_->below_free;
    limit_ = data(chunk_) + chunk_->capacity;
  }

  BridgeRecord *top_ = nullptr;
  unsigned char *free_ = nullptr;  // where the next record goes
  unsigned char *limit_ = nullptr; // the end of the current chunk
  Chunk *chunk_ = nullptr;
  Chunk *spare_ = nullptr;
  void *spare_capture_ = nullptr;
  std::size_t spare_capture_bytes_ = 0;
  BridgeCapture *kept_capture_ = nullptr;
  bool exited_ = false; // the cleanup ran: keep nothing more
};

inline ThreadBridges &thread_bridges() noexcept {
  return PerThread<ThreadBridges>::value;
}

inline ThreadBridgesCleanup::~ThreadBridgesCleanup() {
  thread_bridges().release_memory();
}

ASYNCCTX_NOINLINE inline BridgeCapture *
capture_bridges(const BridgeSet *set) noexcept {
  ThreadBridges &stack = thread_bridges();
  const BridgeSet::Entry *e = set->entries();
  if (BridgeCapture *kept = stack.take_kept_capture(set)) {
    kept->refs.store(1, std::memory_order_relaxed);
    for (std::size_t i = 0, n = set->count; i < n; ++i)
      e[i].recapture(*e[i].bridge, kept->base() + e[i].value_offset);
    return kept;
  }
  auto *c =
      ::new (stack.allocate_capture(set->capture_bytes)) BridgeCapture(set);
  for (std::size_t i = 0, n = set->count; i < n; ++i)
    e[i].capture(*e[i].bridge, c->base() + e[i].value_offset);
  return c;
}

// This thread's values of every registered bridge; null while none is
// registered (the only cost capture() pays then).
inline BridgeCapture *capture_bridges() noexcept {
  const BridgeSet *set =
      BridgeRegistry<>::bridge_set.load(std::memory_order_acquire);
  return set != nullptr ? capture_bridges(set) : nullptr;
}

inline BridgeCapture *share(BridgeCapture *c) noexcept {
  if (c != nullptr)
    c->refs.fetch_add(1, std::memory_order_relaxed);
  return c;
}

ASYNCCTX_NOINLINE inline void destroy(BridgeCapture *c) noexcept {
  const BridgeSet *set = c->set;
  ThreadBridges &stack = thread_bridges();
  if (set->recapturable && stack.keep_capture(c))
    return;
  destroy_values(c);
  stack.free_capture(c, set->capture_bytes);
}

inline void release(BridgeCapture *c) noexcept {
  // The sole owner needs no read-modify-write (as for frames).
  if (c->refs.load(std::memory_order_acquire) == 1 ||
      c->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
    destroy(c);
}

// BridgeSet::enter for every set but a fused one: each bridge's value
// installed in registration order, after the frame.
ASYNCCTX_NOINLINE inline BridgeRecord *
install_bridges(const BridgeCapture *values, BridgeCapture *consumed,
                std::size_t depth) noexcept {
  const BridgeSet *set = values->set;
  BridgeRecord *r = thread_bridges().push(set, depth, consumed);
  const BridgeSet::Entry *e = set->entries();
  for (std::size_t i = 0, n = set->count; i < n; ++i) {
    if (consumed != nullptr && e[i].install_moved != nullptr)
      e[i].install_moved(*e[i].bridge, consumed->base() + e[i].value_offset,
                         r->base() + e[i].token_offset);
    else
      e[i].install(*e[i].bridge, values->base() + e[i].value_offset,
                   r->base() + e[i].token_offset);
  }
  return r;
}

// Installs `values` for the installation at `depth`. `holder` is null, or
// the pointer through which the one user of `values` holds them (a Wrapped
// called as an rvalue): when no copy shares them, the installation takes them
// from it, may move them in rather than copy them, and releases them when it
// leaves.
inline BridgeRecord *enter_bridges(const BridgeCapture *values,
                                   BridgeCapture **holder,
                                   std::size_t depth) noexcept {
  BridgeCapture *consumed = nullptr;
  if (holder != nullptr && values->refs.load(std::memory_order_acquire) == 1)
    consumed = std::exchange(*holder, nullptr);
  return values->set->enter(values, consumed, depth);
}

// Pops `r`, whose tokens are left, then releases the capture it consumed.
inline void pop_record(ThreadBridges &stack, BridgeRecord *r) noexcept {
  BridgeCapture *consumed = r->consumed;
  stack.pop();
  if (consumed != nullptr)
    release(consumed);
}

// Restores what `r` saved, in reverse registration order, and pops it.
inline void leave_record(ThreadBridges &stack, BridgeRecord *r) noexcept {
  const BridgeSet *set = r->set;
  const BridgeSet::Entry *e = set->entries();
  for (std::size_t i = set->count; i-- > 0;)
    e[i].leave(*e[i].bridge, r->base() + e[i].token_offset);
  pop_record(stack, r);
}

// Leaves the bridges of every installation deeper than `depth` on this thread,
// innermost first: the LIFO order in which they were installed.
ASYNCCTX_NOINLINE inline void unwind_bridges(std::size_t depth) noexcept {
  ThreadBridges &stack = thread_bridges();
  for (BridgeRecord *r = stack.top(); r != nullptr && r->depth > depth;
       r = stack.top())
    leave_record(stack, r);
}

// BridgeSet::leave for every set but a fused one: leaves `r`, which the
// installation at `depth` pushed, at once when it is on top, as it is unless
// installations above it were left open (misnested).
ASYNCCTX_NOINLINE inline void leave_bridges(BridgeRecord *r,
                                            std::size_t depth) noexcept {
  ThreadBridges &stack = thread_bridges();
  if (ASYNCCTX_UNLIKELY(stack.top() != r))
    unwind_bridges(depth);
  else
    leave_record(stack, r);
}

// After the set's default enter and leave, which it points to.
inline const BridgeSet *BridgeSet::make(const BridgeSet *previous,
                                        const BridgeBase *added) {
  const std::size_t count = previous != nullptr ? previous->count + 1 : 1;
  void *memory = ::operator new(entries_offset() + count * sizeof(Entry));
  const BridgeBase::Operations &alone = added->operations;
  const bool fused = count == 1 && alone.enter_alone != nullptr;
  auto *set =
      ::new (memory) BridgeSet{previous,
                               fused ? alone.enter_alone : &install_bridges,
                               fused ? alone.leave_alone : &leave_bridges,
                               count,
                               0,
                               0,
                               true};
  auto *entries = reinterpret_cast<Entry *>(
      static_cast<unsigned char *>(memory) + entries_offset());
  std::size_t values = align_up(sizeof(BridgeCapture), bridge_alignment);
  std::size_t tokens = align_up(sizeof(BridgeRecord), bridge_alignment);
  for (std::size_t i = 0; i < count; ++i) {
    const BridgeBase *b = i + 1 < count ? previous->entries()[i].bridge : added;
    const BridgeBase::Operations &op = b->operations;
    values = align_up(values, op.value_align);
    tokens = align_up(tokens, op.token_align);
    ::new (static_cast<void *>(entries + i))
        Entry{b,          op.capture, op.recapture,
              op.destroy, op.install, op.install_moved,
              op.leave,   values,     tokens};
    set->recapturable = set->recapturable && op.recapture != nullptr;
    values += op.value_size;
    tokens += op.token_size;
  }
  set->capture_bytes = values;
  // Records are stacked back to back: keep each one's start aligned.
  set->record_bytes = align_up(tokens, bridge_alignment);
  return set;
}

} // namespace detail
} // namespace asyncctx

#endif // ASYNCCTX_DETAIL_BRIDGE_HPP

// Not a public header: the bridge registry behind asyncctx::bridge, the
// bridged values a Snapshot captures, and the per-thread stack of tokens with
// which installations restore them. See docs/runtime.md, "Bridges: legacy
// thread_locals and foreign contexts".
//
// Nothing here runs unless a bridge is registered: capture() tests one global
// pointer, an installation one flag.

#ifndef ASYNCCTX_DETAIL_BRIDGE_HPP
#define ASYNCCTX_DETAIL_BRIDGE_HPP

#include <asyncctx/detail/config.hpp>

#include <atomic>
#include <cstddef>
#include <memory>
#include <new>
#include <utility>

namespace asyncctx {
namespace detail {

constexpr std::size_t align_up(std::size_t n, std::size_t alignment) noexcept {
  return (n + alignment - 1) / alignment * alignment;
}

// Every bridge value, token and block below is placed at this alignment or a
// smaller one, so plain ::operator new suffices.
constexpr std::size_t bridge_alignment = alignof(std::max_align_t);

// One registered bridge, its value and token types erased. Made by
// asyncctx::bridge and never destroyed: snapshots may outlive static
// destruction, and they need the bridge to destroy their values.
class BridgeBase {
public:
  BridgeBase(std::size_t value_size, std::size_t value_align,
             std::size_t token_size, std::size_t token_align) noexcept
      : value_size(value_size), value_align(value_align),
        token_size(token_size), token_align(token_align) {}
  BridgeBase(const BridgeBase &) = delete;
  BridgeBase &operator=(const BridgeBase &) = delete;

  // Constructs this thread's current value at `value`.
  virtual void capture(void *value) const = 0;
  virtual void destroy(void *value) const noexcept = 0;
  // Makes `value` current on this thread and constructs at `token` what
  // leave() needs to restore the previous state.
  virtual void install(const void *value, void *token) const = 0;
  // Restores the state `token` saved, then destroys the token.
  virtual void leave(void *token) const noexcept = 0;

  const std::size_t value_size, value_align, token_size, token_align;

protected:
  ~BridgeBase() = default;
};

// The bridges registered so far, in registration order, with the layout of
// their values in a BridgeCapture and of their tokens in a BridgeRecord.
// Immutable once published; a registration publishes a new set that extends
// the previous one. Never freed: snapshots and records point to the set they
// were made with, and `previous` keeps the older sets reachable.
struct BridgeSet {
  struct Entry {
    const BridgeBase *bridge;
    std::size_t value_offset;
    std::size_t token_offset;
  };

  BridgeSet(const BridgeSet *previous, const BridgeBase *added);

  const BridgeSet *const previous;
  const std::size_t count;
  std::unique_ptr<Entry[]> entries;
  std::size_t capture_bytes = 0; // a BridgeCapture and the values
  std::size_t record_bytes = 0;  // a BridgeRecord and the tokens
};

// The bridges' values as one capture() found them: immutable, shared by the
// copies of that Snapshot, freed with the last one.
struct BridgeCapture {
  std::atomic<std::size_t> refs{1};
  const BridgeSet *set;

  explicit BridgeCapture(const BridgeSet *s) noexcept : set(s) {}
  const void *value(std::size_t i) const noexcept {
    return reinterpret_cast<const unsigned char *>(this) +
           set->entries[i].value_offset;
  }
};

// What one installation must undo: the tokens of its bridges, on the
// ThreadBridges of the thread it was entered on.
struct BridgeRecord {
  BridgeRecord *below;
  const BridgeSet *set;
  std::size_t depth; // the installation's ThreadState::depth

  void *token(std::size_t i) noexcept {
    return reinterpret_cast<unsigned char *>(this) +
           set->entries[i].token_offset;
  }
};

inline BridgeSet::BridgeSet(const BridgeSet *previous, const BridgeBase *added)
    : previous(previous), count(previous != nullptr ? previous->count + 1 : 1),
      entries(new Entry[count]) {
  std::size_t values = align_up(sizeof(BridgeCapture), bridge_alignment);
  std::size_t tokens = align_up(sizeof(BridgeRecord), bridge_alignment);
  for (std::size_t i = 0; i < count; ++i) {
    const BridgeBase *b = i + 1 < count ? previous->entries[i].bridge : added;
    values = align_up(values, b->value_align);
    tokens = align_up(tokens, b->token_align);
    entries[i] = {b, values, tokens};
    values += b->value_size;
    tokens += b->token_size;
  }
  capture_bytes = values;
  // Records are stacked back to back: keep each one's start aligned.
  record_bytes = align_up(tokens, bridge_alignment);
}

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
    auto *next = new BridgeSet(current, bridge);
    if (bridge_set.compare_exchange_weak(current, next,
                                         std::memory_order_acq_rel,
                                         std::memory_order_acquire))
      return;
    delete next; // never published
  }
}

// Per-thread bridge state: the records of the installations open on this
// thread, innermost on top, in chunks that never move (a record's tokens stay
// where they were built; installations are strictly nested per thread, so
// records come and go in LIFO order), and one spare BridgeCapture block, so
// that the usual capture-then-destroy on one thread does not allocate.
class ThreadBridges {
public:
  constexpr ThreadBridges() noexcept = default;
  ThreadBridges(const ThreadBridges &) = delete;
  ThreadBridges &operator=(const ThreadBridges &) = delete;
  ~ThreadBridges() {
    // Records still here belong to installations that never ended (a
    // misnested Scope): their tokens are abandoned, not left.
    for (Chunk *c = chunk_; c != nullptr;) {
      Chunk *below = c->below;
      ::operator delete(static_cast<void *>(c));
      c = below;
    }
    ::operator delete(static_cast<void *>(spare_));
    ::operator delete(spare_capture_);
    top_ = nullptr;
    chunk_ = spare_ = nullptr;
    spare_capture_ = nullptr;
    // Snapshots destroyed later in this thread's exit free their blocks.
    exited_ = true;
  }

  void *allocate_capture(std::size_t bytes) {
    if (spare_capture_ != nullptr && spare_capture_bytes_ == bytes)
      return std::exchange(spare_capture_, nullptr);
    return ::operator new(bytes);
  }

  void free_capture(void *block, std::size_t bytes) noexcept {
    if (spare_capture_ == nullptr && !exited_) {
      spare_capture_ = block;
      spare_capture_bytes_ = bytes;
    } else {
      ::operator delete(block);
    }
  }

  BridgeRecord *top() const noexcept { return top_; }

  BridgeRecord *push(const BridgeSet *set, std::size_t depth) {
    const std::size_t bytes = set->record_bytes;
    if (chunk_ == nullptr || chunk_->capacity - chunk_->used < bytes)
      grow(bytes);
    void *at = data(chunk_) + chunk_->used;
    chunk_->used += bytes;
    top_ = ::new (at) BridgeRecord{top_, set, depth};
    return top_;
  }

  void pop() noexcept {
    BridgeRecord *r = top_;
    top_ = r->below;
    chunk_->used -= r->set->record_bytes;
    if (chunk_->used == 0 && chunk_->below != nullptr) {
      // Keep one empty chunk, so that a call depth oscillating across a
      // chunk boundary does not allocate every time.
      ::operator delete(static_cast<void *>(spare_));
      spare_ = chunk_;
      chunk_ = chunk_->below;
    }
  }

private:
  struct Chunk {
    Chunk *below;
    std::size_t capacity;
    std::size_t used;
  };
  static constexpr std::size_t chunk_header =
      align_up(sizeof(Chunk), bridge_alignment);
  static unsigned char *data(Chunk *c) noexcept {
    return reinterpret_cast<unsigned char *>(c) + chunk_header;
  }

  ASYNCCTX_NOINLINE void grow(std::size_t bytes) {
    Chunk *c = spare_;
    if (c != nullptr && c->capacity >= bytes) {
      spare_ = nullptr;
    } else {
      std::size_t capacity = chunk_ != nullptr ? 2 * chunk_->capacity : 1024;
      if (capacity < bytes)
        capacity = bytes;
      c = ::new (::operator new(chunk_header + capacity))
          Chunk{nullptr, capacity, 0};
    }
    c->below = chunk_;
    c->used = 0;
    chunk_ = c;
  }

  BridgeRecord *top_ = nullptr;
  Chunk *chunk_ = nullptr;
  Chunk *spare_ = nullptr;
  void *spare_capture_ = nullptr;
  std::size_t spare_capture_bytes_ = 0;
  bool exited_ = false;
};
template <class Unused = void>
struct ASYNCCTX_SHARED_STATE ThreadBridgesStorage {
  static thread_local ThreadBridges stack;
};
template <class Unused>
ASYNCCTX_CONSTINIT thread_local ThreadBridges
    ThreadBridgesStorage<Unused>::stack;

inline ThreadBridges &thread_bridges() noexcept {
  return ThreadBridgesStorage<>::stack;
}

ASYNCCTX_NOINLINE inline BridgeCapture *
capture_bridges(const BridgeSet *set) noexcept {
  auto *c = ::new (thread_bridges().allocate_capture(set->capture_bytes))
      BridgeCapture(set);
  auto *base = reinterpret_cast<unsigned char *>(c);
  for (std::size_t i = 0; i < set->count; ++i)
    set->entries[i].bridge->capture(base + set->entries[i].value_offset);
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
  auto *base = reinterpret_cast<unsigned char *>(c);
  for (std::size_t i = set->count; i-- > 0;)
    set->entries[i].bridge->destroy(base + set->entries[i].value_offset);
  c->~BridgeCapture();
  thread_bridges().free_capture(c, set->capture_bytes);
}

inline void release(BridgeCapture *c) noexcept {
  // The sole owner needs no read-modify-write (as for frames).
  if (c->refs.load(std::memory_order_acquire) == 1 ||
      c->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
    destroy(c);
}

// Installs the values of `c` on this thread for the installation at `depth`:
// in registration order, after the frame.
ASYNCCTX_NOINLINE inline void install_bridges(const BridgeCapture *c,
                                              std::size_t depth) noexcept {
  const BridgeSet *set = c->set;
  BridgeRecord *r = thread_bridges().push(set, depth);
  for (std::size_t i = 0; i < set->count; ++i)
    set->entries[i].bridge->install(c->value(i), r->token(i));
}

// Leaves the bridges of every installation deeper than `depth` on this thread,
// innermost first and each in reverse registration order: the LIFO order in
// which they were installed.
ASYNCCTX_NOINLINE inline void unwind_bridges(std::size_t depth) noexcept {
  ThreadBridges &stack = thread_bridges();
  for (BridgeRecord *r = stack.top(); r != nullptr && r->depth > depth;
       r = stack.top()) {
    const BridgeSet *set = r->set;
    for (std::size_t i = set->count; i-- > 0;)
      set->entries[i].bridge->leave(r->token(i));
    stack.pop();
  }
}

} // namespace detail
} // namespace asyncctx

#endif // ASYNCCTX_DETAIL_BRIDGE_HPP

// Not a public header: the immutable context ("frame") behind a Snapshot, the
// values it holds, and the slot index of each Local. See docs/runtime.md,
// "Cost model", for how these are shared.

#ifndef ASYNCCTX_DETAIL_FRAME_HPP
#define ASYNCCTX_DETAIL_FRAME_HPP

#include <asyncctx/detail/config.hpp>
#include <asyncctx/detail/traits.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <utility>

namespace asyncctx {
namespace detail {

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
  explicit TypedBox(InPlace, A &&...args) : value(std::forward<A>(args)...) {}
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
    return static_cast<unsigned char *>(self) + sizeof(Frame);
  }
  Box **slots() noexcept {
#if defined(__cpp_lib_launder) && __cpp_lib_launder >= 201606L
    return std::launder(static_cast<Box **>(storage(this)));
#else
    return static_cast<Box **>(storage(this));
#endif
  }
  Box *const *slots() const noexcept {
    return const_cast<Frame *>(this)->slots();
  }
};
static_assert(sizeof(Frame) % alignof(Box *) == 0,
              "slot array must be aligned right after the frame header");
static_assert(alignof(Frame) <= alignof(std::max_align_t),
              "plain operator new must align a frame");

ASYNCCTX_NOINLINE inline void destroy(Frame *f) noexcept {
  Box **s = f->slots();
  for (std::uint32_t i = 0; i < f->size; ++i)
    release(s[i]);
  f->~Frame();
  ::operator delete(static_cast<void *>(f));
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

// One object per process without C++17 inline variables: a static data
// member of a class template has the same vague linkage, and the same symbol
// in every language standard, so C++14 and C++20 code in one program share it.
// Slot indices handed out to Locals, never reused.
template <class Unused = void> struct ASYNCCTX_SHARED_STATE SlotCounter {
  static std::atomic<std::uint32_t> next_slot;
};
template <class Unused>
ASYNCCTX_CONSTINIT std::atomic<std::uint32_t> SlotCounter<Unused>::next_slot{0};

// Far below UINT32_MAX so the counter cannot wrap before a process dies.
constexpr std::uint32_t max_slots = std::uint32_t{1} << 30;

// Gives a Local its slot on first use; `key` holds slot + 1, 0 until assigned.
// Two threads racing here agree on the first key stored; the loser's index is
// simply never used.
inline std::uint32_t assign_key(std::atomic<std::uint32_t> &key) noexcept {
  const std::uint32_t slot =
      SlotCounter<>::next_slot.fetch_add(1, std::memory_order_relaxed);
  if (slot >= max_slots)
    std::terminate(); // Locals are being created in a loop; see docs.
  std::uint32_t expected = 0;
  if (key.compare_exchange_strong(expected, slot + 1,
                                  std::memory_order_relaxed))
    return slot + 1;
  return expected;
}

} // namespace detail
} // namespace asyncctx

#endif // ASYNCCTX_DETAIL_FRAME_HPP

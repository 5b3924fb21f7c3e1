// Not a public header: making a frame the thread's current one for a stretch
// of execution (Local::run, Scope, Snapshot::run, a Wrapped call, a task
// resumption) and restoring the previous one afterwards.

#ifndef ASYNCCTX_DETAIL_INSTALLATION_HPP
#define ASYNCCTX_DETAIL_INSTALLATION_HPP

#include <asyncctx/detail/bridge.hpp>
#include <asyncctx/detail/config.hpp>
#include <asyncctx/detail/frame.hpp>
#include <asyncctx/detail/thread_state.hpp>
#include <asyncctx/detail/traits.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>

namespace asyncctx {
namespace detail {

// Makes a frame the current one for a stretch of execution and restores the
// previous one afterwards: a block (Local::run, Scope, a Wrapped call) or a
// coroutine between resumption and suspension (task.hpp). Strictly nested per
// thread. `enter` either borrows the frame (the caller keeps a reference
// alive until `leave`) or adopts one reference plus `credits` more, released
// by `leave`. With `bridges` (null unless a bridge is registered) it also
// installs those values after the frame, and `leave` restores them first;
// `holder`, if given, is what holds `bridges`, from which the installation
// may take them (see enter_bridges).
class Installation {
public:
  Installation() noexcept = default;
  Installation(const Installation &) = delete;
  Installation &operator=(const Installation &) = delete;

  void enter(Frame *f, const BridgeCapture *bridges, bool adopt = false,
             std::size_t credits = 0,
             BridgeCapture **holder = nullptr) noexcept {
    ThreadState &t = this_thread();
    saved_ = t;
    owner_ = &t;
    adopted_ = adopt ? f : nullptr;
    t = {f, credits != 0 ? f : nullptr, this, t.depth + 1, credits};
    bridges_ = bridges != nullptr
                   ? enter_bridges(bridges, holder, saved_.depth + 1)
                   : nullptr;
  }

  void leave() noexcept {
    ThreadState &t = this_thread();
    if (ASYNCCTX_UNLIKELY(t.top != this)) {
      leave_misnested(t);
      return;
    }
    if (bridges_ != nullptr)
      bridges_->set->leave(bridges_, saved_.depth);
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
      if (BridgeRegistry<>::bridge_set.load(std::memory_order_relaxed) !=
          nullptr)
        unwind_bridges(saved_.depth);
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
  BridgeRecord *bridges_ = nullptr; // what enter pushed, if anything
};

// An Installation for the duration of a block.
class InstalledFrame {
public:
  InstalledFrame(Frame *f, const BridgeCapture *bridges, bool adopt = false,
                 std::size_t credits = 0,
                 BridgeCapture **holder = nullptr) noexcept {
    inner_.enter(f, bridges, adopt, credits, holder);
  }
  InstalledFrame(const InstalledFrame &) = delete;
  InstalledFrame &operator=(const InstalledFrame &) = delete;
  ~InstalledFrame() { inner_.leave(); }

private:
  Installation inner_;
};

// Local::run: f() in a frame derived from the current one. The installation
// adopts the frame's references: its own, and a batch of credits so that
// captures inside need no atomic operation. It leaves bridged values alone:
// they are the thread's own state, changed only by installing a snapshot.
template <class T, class V, class F>
decltype(auto) run_derived(std::uint32_t slot, V &&value, F &&f) {
  InstalledFrame installed(
      derive<T>(1 + credit_batch, slot, std::forward<V>(value)),
      /*bridges=*/nullptr, /*adopt=*/true, credit_batch);
  return detail::invoke(std::forward<F>(f));
}

} // namespace detail
} // namespace asyncctx

#endif // ASYNCCTX_DETAIL_INSTALLATION_HPP

// Shared implementation of <asyncctx/asio.hpp> (standalone Asio) and
// <asyncctx/boost_asio.hpp> (Boost.Asio). Not a public header: it has no
// include guard on purpose and is configured by the including header with
//
//   ASYNCCTX_ASIO_NS            ::asio or ::boost::asio
//   ASYNCCTX_ASIO_OPEN_NS       namespace asio {   (or namespace boost {
//                               namespace asio {)
//   ASYNCCTX_ASIO_CLOSE_NS      }                  (or } })
//   ASYNCCTX_ASIO_EXECUTOR      name of the executor adapter class
//   ASYNCCTX_ASIO_DETAIL        name of a namespace for helpers, inside
//                               asyncctx::detail (distinct per library, so
//                               that both can be used in one program)
//   ASYNCCTX_ASIO_HAS_ASSOCIATOR          1 when <...asio/associator.hpp>
//   ASYNCCTX_ASIO_HAS_CANCELLATION_SLOT   1 when associated_cancellation_slot
//   ASYNCCTX_ASIO_HAS_EXECUTE_CPO         1 when execution::execute exists
//                                         (removed in Asio 1.29, Boost 1.84)
//
// all of which it undefines at the end.

namespace asyncctx {

template <class Executor> class ASYNCCTX_ASIO_EXECUTOR;

namespace detail {
namespace ASYNCCTX_ASIO_DETAIL {

// The Networking TS executor members (context, on_work_started,
// on_work_finished, dispatch, post, defer), present only when the inner
// executor has them: Asio detects them by name, so they cannot merely be
// constrained away.
template <class Derived, class Executor,
          bool = ASYNCCTX_ASIO_NS::is_executor<Executor>::value>
class ts_members {};

template <class Derived, class Executor>
class ts_members<Derived, Executor, true> {
public:
  decltype(auto) context() const noexcept { return inner().context(); }
  void on_work_started() const noexcept { inner().on_work_started(); }
  void on_work_finished() const noexcept { inner().on_work_finished(); }

  template <class F, class Allocator>
  void dispatch(F &&f, const Allocator &a) const {
    inner().dispatch(self().bind(static_cast<F &&>(f)), a);
  }
  template <class F, class Allocator>
  void post(F &&f, const Allocator &a) const {
    inner().post(self().bind(static_cast<F &&>(f)), a);
  }
  template <class F, class Allocator>
  void defer(F &&f, const Allocator &a) const {
    inner().defer(self().bind(static_cast<F &&>(f)), a);
  }

private:
  const Derived &self() const noexcept {
    return static_cast<const Derived &>(*this);
  }
  const Executor &inner() const noexcept { return self().get_inner_executor(); }
};

// Asio marks the associator results it falls back to as "unspecialised" and
// then skips work it only needs for handlers with an associated executor or
// cancellation slot of their own. A Wrapped<F> forwards those marks from F.
template <class A, class = void> struct executor_mark {};
template <class A>
struct executor_mark<
    A, void_t<typename A::asio_associated_executor_is_unspecialised>> {
  typedef void asio_associated_executor_is_unspecialised;
};
template <class A, class = void> struct allocator_mark {};
template <class A>
struct allocator_mark<
    A, void_t<typename A::asio_associated_allocator_is_unspecialised>> {
  typedef void asio_associated_allocator_is_unspecialised;
};
template <class A, class = void> struct slot_mark {};
template <class A>
struct slot_mark<
    A, void_t<typename A::asio_associated_cancellation_slot_is_unspecialised>> {
  typedef void asio_associated_cancellation_slot_is_unspecialised;
};
template <class A>
struct forward_marks : executor_mark<A>, allocator_mark<A>, slot_mark<A> {};

} // namespace ASYNCCTX_ASIO_DETAIL
} // namespace detail

// An executor adapter: every function submitted through it (execute, and the
// Networking TS dispatch/post/defer when Executor has them) runs inside the
// snapshot given at construction, on whatever thread Executor picks, and the
// thread's previous context is restored afterwards. Queries are forwarded to
// the inner executor; require and prefer forward too and keep the snapshot.
// Two adapters are equal when their inner executors are equal and they carry
// the same context. Make one with with_context().
template <class Executor>
class ASYNCCTX_ASIO_EXECUTOR : public detail::ASYNCCTX_ASIO_DETAIL::ts_members<
                                   ASYNCCTX_ASIO_EXECUTOR<Executor>, Executor> {
  static_assert(std::is_same<Executor, std::decay_t<Executor>>::value,
                "the inner executor must be a decayed object type");

public:
  using inner_executor_type = Executor;

  ASYNCCTX_ASIO_EXECUTOR(Executor ex, Snapshot snapshot) noexcept
      : inner_(std::move(ex)), snapshot_(std::move(snapshot)) {}

  // From an adapter of a convertible executor (e.g. to a polymorphic one).
  template <
      class Other,
      detail::Requires<!std::is_same<Other, Executor>::value &&
                       std::is_convertible<const Other &, Executor>::value> = 0>
  ASYNCCTX_ASIO_EXECUTOR(const ASYNCCTX_ASIO_EXECUTOR<Other> &other) noexcept
      : inner_(other.get_inner_executor()), snapshot_(other.snapshot()) {}

  ASYNCCTX_NODISCARD const Executor &get_inner_executor() const noexcept {
    return inner_;
  }
  ASYNCCTX_NODISCARD const Snapshot &snapshot() const noexcept {
    return snapshot_;
  }

#if ASYNCCTX_ASIO_HAS_EXECUTE_CPO
  template <class F,
            detail::Requires<ASYNCCTX_ASIO_NS::execution::can_execute<
                const Executor &, Wrapped<std::decay_t<F>>>::value> = 0>
  void execute(F &&f) const {
    ASYNCCTX_ASIO_NS::execution::execute(inner_, bind(static_cast<F &&>(f)));
  }
#else
  // Newer Asio has no execute customisation point: executors have a member.
  template <class F,
            detail::Requires<ASYNCCTX_ASIO_NS::traits::execute_member<
                const Executor &, Wrapped<std::decay_t<F>>>::is_valid> = 0>
  void execute(F &&f) const {
    inner_.execute(bind(static_cast<F &&>(f)));
  }
#endif

  template <class Property, detail::Requires<ASYNCCTX_ASIO_NS::can_query<
                                const Executor &, const Property &>::value> = 0>
  auto query(const Property &p) const
      noexcept(ASYNCCTX_ASIO_NS::is_nothrow_query<const Executor &,
                                                  const Property &>::value) ->
      typename ASYNCCTX_ASIO_NS::query_result<const Executor &,
                                              const Property &>::type {
    return ASYNCCTX_ASIO_NS::query(inner_, p);
  }

  template <class Property, detail::Requires<ASYNCCTX_ASIO_NS::can_require<
                                const Executor &, const Property &>::value> = 0>
  auto require(const Property &p) const -> ASYNCCTX_ASIO_EXECUTOR<
      std::decay_t<typename ASYNCCTX_ASIO_NS::require_result<
          const Executor &, const Property &>::type>> {
    return {ASYNCCTX_ASIO_NS::require(inner_, p), snapshot_};
  }

  template <class Property, detail::Requires<ASYNCCTX_ASIO_NS::can_prefer<
                                const Executor &, const Property &>::value> = 0>
  auto prefer(const Property &p) const -> ASYNCCTX_ASIO_EXECUTOR<
      std::decay_t<typename ASYNCCTX_ASIO_NS::prefer_result<
          const Executor &, const Property &>::type>> {
    return {ASYNCCTX_ASIO_NS::prefer(inner_, p), snapshot_};
  }

  friend bool operator==(const ASYNCCTX_ASIO_EXECUTOR &a,
                         const ASYNCCTX_ASIO_EXECUTOR &b) noexcept {
    return a.inner_ == b.inner_ && a.snapshot_ == b.snapshot_;
  }
  // Spelled out for C++14 and C++17 (Asio's executor concept needs both).
  friend bool operator!=(const ASYNCCTX_ASIO_EXECUTOR &a,
                         const ASYNCCTX_ASIO_EXECUTOR &b) noexcept {
    return !(a == b);
  }

  // `f` bound to this executor's context.
  template <class F> Wrapped<std::decay_t<F>> bind(F &&f) const {
    return Wrapped<std::decay_t<F>>(snapshot_, static_cast<F &&>(f));
  }

private:
  Executor inner_;
  Snapshot snapshot_;
};

// An executor that runs everything submitted through it on `ex`, inside
// `snapshot` (by default: the context current at this call).
template <class Executor,
          detail::Requires<
              ASYNCCTX_ASIO_NS::execution::is_executor<Executor>::value ||
              ASYNCCTX_ASIO_NS::is_executor<Executor>::value> = 0>
ASYNCCTX_NODISCARD ASYNCCTX_ASIO_EXECUTOR<Executor>
with_context(const Executor &ex, Snapshot snapshot = capture()) noexcept {
  return ASYNCCTX_ASIO_EXECUTOR<Executor>(ex, std::move(snapshot));
}

// Rebinding an adapter replaces its context instead of nesting adapters.
template <class Executor>
ASYNCCTX_NODISCARD ASYNCCTX_ASIO_EXECUTOR<Executor>
with_context(const ASYNCCTX_ASIO_EXECUTOR<Executor> &ex,
             Snapshot snapshot = capture()) noexcept {
  return ASYNCCTX_ASIO_EXECUTOR<Executor>(ex.get_inner_executor(),
                                          std::move(snapshot));
}

// The executor of an execution context (io_context, thread_pool, ...).
template <
    class ExecutionContext,
    detail::Requires<std::is_convertible<
        ExecutionContext &, ASYNCCTX_ASIO_NS::execution_context &>::value> = 0>
ASYNCCTX_NODISCARD
    ASYNCCTX_ASIO_EXECUTOR<typename ExecutionContext::executor_type>
    with_context(ExecutionContext &ctx,
                 Snapshot snapshot = capture()) noexcept {
  return ASYNCCTX_ASIO_EXECUTOR<typename ExecutionContext::executor_type>(
      ctx.get_executor(), std::move(snapshot));
}

} // namespace asyncctx

// Associated characteristics of a Wrapped<F> are those of F, so wrapping a
// completion handler never changes where it runs (executor), how it allocates
// or how it is cancelled.
ASYNCCTX_ASIO_OPEN_NS

#if ASYNCCTX_ASIO_HAS_ASSOCIATOR

template <template <typename, typename> class Associator, typename F,
          typename DefaultCandidate>
struct associator<Associator, ::asyncctx::Wrapped<F>, DefaultCandidate>
    : ::asyncctx::detail::ASYNCCTX_ASIO_DETAIL::forward_marks<
          Associator<F, DefaultCandidate>> {
  typedef typename Associator<F, DefaultCandidate>::type type;

  static type get(const ::asyncctx::Wrapped<F> &w) noexcept {
    return Associator<F, DefaultCandidate>::get(w.inner());
  }
  static type get(const ::asyncctx::Wrapped<F> &w,
                  const DefaultCandidate &c) noexcept {
    return Associator<F, DefaultCandidate>::get(w.inner(), c);
  }
};

#else // no associator: specialise each trait

template <typename F, typename Executor>
struct associated_executor<::asyncctx::Wrapped<F>, Executor>
    : ::asyncctx::detail::ASYNCCTX_ASIO_DETAIL::forward_marks<
          associated_executor<F, Executor>> {
  typedef typename associated_executor<F, Executor>::type type;

  static type get(const ::asyncctx::Wrapped<F> &w,
                  const Executor &e = Executor()) noexcept {
    return associated_executor<F, Executor>::get(w.inner(), e);
  }
};

template <typename F, typename Allocator>
struct associated_allocator<::asyncctx::Wrapped<F>, Allocator>
    : ::asyncctx::detail::ASYNCCTX_ASIO_DETAIL::forward_marks<
          associated_allocator<F, Allocator>> {
  typedef typename associated_allocator<F, Allocator>::type type;

  static type get(const ::asyncctx::Wrapped<F> &w,
                  const Allocator &a = Allocator()) noexcept {
    return associated_allocator<F, Allocator>::get(w.inner(), a);
  }
};

#if ASYNCCTX_ASIO_HAS_CANCELLATION_SLOT
template <typename F, typename Slot>
struct associated_cancellation_slot<::asyncctx::Wrapped<F>, Slot>
    : ::asyncctx::detail::ASYNCCTX_ASIO_DETAIL::forward_marks<
          associated_cancellation_slot<F, Slot>> {
  typedef typename associated_cancellation_slot<F, Slot>::type type;

  static type get(const ::asyncctx::Wrapped<F> &w,
                  const Slot &s = Slot()) noexcept {
    return associated_cancellation_slot<F, Slot>::get(w.inner(), s);
  }
};
#endif

#endif // ASYNCCTX_ASIO_HAS_ASSOCIATOR

ASYNCCTX_ASIO_CLOSE_NS

#undef ASYNCCTX_ASIO_NS
#undef ASYNCCTX_ASIO_OPEN_NS
#undef ASYNCCTX_ASIO_CLOSE_NS
#undef ASYNCCTX_ASIO_EXECUTOR
#undef ASYNCCTX_ASIO_DETAIL
#undef ASYNCCTX_ASIO_HAS_ASSOCIATOR
#undef ASYNCCTX_ASIO_HAS_CANCELLATION_SLOT
#undef ASYNCCTX_ASIO_HAS_EXECUTE_CPO

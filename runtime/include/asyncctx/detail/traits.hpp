// Not a public header: the C++17 library pieces the runtime needs (invoke and
// its traits, void_t, an in-place tag), written in C++14. The runtime uses
// these in every language standard, so that a program mixing C++14 and C++20
// translation units runs the same inline functions in both (docs/decisions.md,
// "Runtime language standard").

#ifndef ASYNCCTX_DETAIL_TRAITS_HPP
#define ASYNCCTX_DETAIL_TRAITS_HPP

#include <functional>
#include <type_traits>
#include <utility>

namespace asyncctx {
namespace detail {

template <class...> struct make_void {
  typedef void type;
};
template <class... T> using void_t = typename make_void<T...>::type;

struct InPlace {};

// INVOKE(f, args...): a call, or for a pointer to member the std::mem_fn call
// (an object, a pointer or a smart pointer as the first argument).
template <
    class F, class... Args,
    std::enable_if_t<!std::is_member_pointer<std::decay_t<F>>::value, int> = 0>
constexpr auto invoke(F &&f, Args &&...args) noexcept(
    noexcept(static_cast<F &&>(f)(static_cast<Args &&>(args)...)))
    -> decltype(static_cast<F &&>(f)(static_cast<Args &&>(args)...)) {
  return static_cast<F &&>(f)(static_cast<Args &&>(args)...);
}

template <
    class F, class... Args,
    std::enable_if_t<std::is_member_pointer<std::decay_t<F>>::value, int> = 0>
auto invoke(F &&f, Args &&...args) noexcept(
    noexcept(std::mem_fn(f)(static_cast<Args &&>(args)...)))
    -> decltype(std::mem_fn(f)(static_cast<Args &&>(args)...)) {
  return std::mem_fn(f)(static_cast<Args &&>(args)...);
}

template <class Void, class F, class... Args> struct invoke_traits {
  static constexpr bool invocable = false;
  static constexpr bool nothrow = false;
};

template <class F, class... Args>
struct invoke_traits<void_t<decltype(detail::invoke(std::declval<F>(),
                                                    std::declval<Args>()...))>,
                     F, Args...> {
  typedef decltype(detail::invoke(std::declval<F>(),
                                  std::declval<Args>()...)) type;
  static constexpr bool invocable = true;
  static constexpr bool nothrow =
      noexcept(detail::invoke(std::declval<F>(), std::declval<Args>()...));
};

template <class F, class... Args>
struct is_invocable
    : std::integral_constant<bool, invoke_traits<void, F, Args...>::invocable> {
};

template <class F, class... Args>
struct is_nothrow_invocable
    : std::integral_constant<bool, invoke_traits<void, F, Args...>::nothrow> {};

template <class F, class... Args>
using invoke_result_t = typename invoke_traits<void, F, Args...>::type;

// A constraint on a template (C++14 has no requires-clause), as a defaulted
// template parameter:
//   template <class F, detail::Requires<detail::is_invocable<F>::value> = 0>
template <bool Condition> using Requires = std::enable_if_t<Condition, int>;

} // namespace detail
} // namespace asyncctx

#endif // ASYNCCTX_DETAIL_TRAITS_HPP

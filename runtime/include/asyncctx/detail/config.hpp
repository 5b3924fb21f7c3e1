// Not a public header: attributes and language-version shims shared by the
// asyncctx runtime headers. The core runtime compiles as C++14, C++17 and
// C++20 (docs/runtime.md, "Language standard"); task.hpp needs C++20.

#ifndef ASYNCCTX_DETAIL_CONFIG_HPP
#define ASYNCCTX_DETAIL_CONFIG_HPP

#if __cplusplus < 201402L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201402L)
#error                                                                         \
    "the asyncctx runtime needs C++14 or later (docs/runtime.md, \"Language standard\")"
#endif

// The per-thread context, the slot counter and the bridge registry must be one
// object per process, even when the header is compiled into several shared
// libraries built with -fvisibility=hidden; otherwise contexts would not cross
// library boundaries and, worse, two Locals could share a slot index.
#if defined(__GNUC__) || defined(__clang__)
#define ASYNCCTX_SHARED_STATE [[gnu::visibility("default")]]
#define ASYNCCTX_NOINLINE [[gnu::noinline]]
#define ASYNCCTX_ALWAYS_INLINE [[gnu::always_inline]]
#define ASYNCCTX_COLD [[gnu::cold, gnu::noinline]]
#define ASYNCCTX_UNLIKELY(condition) __builtin_expect(!!(condition), 0)
#else
#define ASYNCCTX_SHARED_STATE
#define ASYNCCTX_NOINLINE
#define ASYNCCTX_ALWAYS_INLINE
#define ASYNCCTX_COLD
#define ASYNCCTX_UNLIKELY(condition) (condition)
#endif

// C++17 attributes, spelled only where the language has them (a C++14
// compiler warns about them under -Wpedantic).
#if __cplusplus >= 201703L
#define ASYNCCTX_NODISCARD [[nodiscard]]
#else
#define ASYNCCTX_NODISCARD
#endif

// Shared state is constant-initialized in every standard (constexpr
// constructors); C++20 lets the compiler check it.
#if defined(__cpp_constinit) && __cpp_constinit >= 201907L
#define ASYNCCTX_CONSTINIT constinit
#else
#define ASYNCCTX_CONSTINIT
#endif

#endif // ASYNCCTX_DETAIL_CONFIG_HPP

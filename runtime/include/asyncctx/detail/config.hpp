// Not a public header: attributes shared by the asyncctx runtime headers.

#ifndef ASYNCCTX_DETAIL_CONFIG_HPP
#define ASYNCCTX_DETAIL_CONFIG_HPP

// The per-thread context, the slot counter and the bridge registry must be one
// object per process, even when the header is compiled into several shared
// libraries built with -fvisibility=hidden; otherwise contexts would not cross
// library boundaries and, worse, two Locals could share a slot index.
#if defined(__GNUC__) || defined(__clang__)
#define ASYNCCTX_SHARED_STATE [[gnu::visibility("default")]]
#define ASYNCCTX_NOINLINE [[gnu::noinline]]
#define ASYNCCTX_COLD [[gnu::cold, gnu::noinline]]
#else
#define ASYNCCTX_SHARED_STATE
#define ASYNCCTX_NOINLINE
#define ASYNCCTX_COLD
#endif

#endif // ASYNCCTX_DETAIL_CONFIG_HPP

// Manual capture: a lambda that captures a snapshot and activates it in its
// body (Snapshot::run, an asyncctx::Scope guard, or a RestoreGuards entry)
// carries its context by hand and is not reported.
//
// RUN: %check_clang_tidy -check-suffixes=DEFAULT %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include
// RUN: %check_clang_tidy -check-suffixes=USER %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.RestoreGuards: 'app::ContextGuard; ::app::restore'}}" \
// RUN:   -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <thread>

asyncctx::Local<int> request_id;

void log_line() { (void)request_id.get(); }

namespace app {
// Activates a snapshot for its lifetime, like asyncctx::Scope.
class ContextGuard {
public:
  explicit ContextGuard(const asyncctx::Snapshot &Snap);
  ~ContextGuard();
};
// Activates a snapshot on this thread.
void restore(const asyncctx::Snapshot &Snap);
} // namespace app

void built_in_activation_is_manual_capture() {
  std::thread A([S = asyncctx::capture()] { S.run([] { (void)request_id.get(); }); });
  std::thread B([S = asyncctx::capture()] {
    asyncctx::Scope Guard(S);
    log_line();
  });
  asyncctx::Snapshot Snap = asyncctx::capture();
  std::thread C([Snap] { Snap.run(log_line); });
  std::thread D([&Snap] {
    asyncctx::Scope Guard(Snap);
    (void)request_id.get();
  });
  A.join();
  B.join();
  C.join();
  D.join();
}

void user_restore_guards() {
  std::thread A([S = asyncctx::capture()] { app::ContextGuard G(S); log_line(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:69: note: through this call to 'log_line'
  // CHECK-MESSAGES-DEFAULT: :15:25: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread A(asyncctx::wrap([S = asyncctx::capture()] { app::ContextGuard G(S); log_line(); }));
  // CHECK-FIXES-USER: std::thread A([S = asyncctx::capture()] { app::ContextGuard G(S); log_line(); });
  std::thread B([S = asyncctx::capture()] { app::restore(S); (void)request_id.get(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:68: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread B(asyncctx::wrap([S = asyncctx::capture()] { app::restore(S); (void)request_id.get(); }));
  // CHECK-FIXES-USER: std::thread B([S = asyncctx::capture()] { app::restore(S); (void)request_id.get(); });
  A.join();
  B.join();
}

// A snapshot that is captured but never activated carries nothing.

void captured_but_not_activated() {
  std::thread A([S = asyncctx::capture()] { (void)S; (void)request_id.get(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:60: note: context is read here
  // CHECK-MESSAGES-USER: :[[@LINE-3]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :[[@LINE-4]]:60: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread A(asyncctx::wrap([S = asyncctx::capture()] { (void)S; (void)request_id.get(); }));
  // CHECK-FIXES-USER: std::thread A(asyncctx::wrap([S = asyncctx::capture()] { (void)S; (void)request_id.get(); }));
  A.join();
}

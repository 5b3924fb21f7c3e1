// The portable annotation macros of <asyncctx/annotations.hpp>
// (ASYNCCTX_SOURCE, ASYNCCTX_BOUNDARY, ASYNCCTX_PROPAGATES) mean exactly what
// the clang::annotate attributes they expand to mean; GCC compiles the same
// code without the "'clang::annotate' scoped attribute directive ignored"
// warning (-Werror), and without the macros it would warn.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include
// RUN: %gxx -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I%runtime_include %s
// RUN: %clangxx -Wall -Wextra -Werror -fsyntax-only %s
// The attributes spelled out are what GCC warns about.
// RUN: not %gxx -std=c++20 -Wall -Werror -fsyntax-only -DSPELLED_OUT -I%runtime_include %s 2>&1 | FileCheck %s --check-prefix=GCC
// GCC: {{.+}}clang::annotate{{.+}} scoped attribute directive ignored

#include <asyncctx/asyncctx.hpp>
#include <functional>
#include <thread>

#ifdef SPELLED_OUT
[[clang::annotate("asyncctx::source")]] int spelled_out();
#endif

namespace app {
ASYNCCTX_SOURCE int tenant();
class ASYNCCTX_SOURCE Deadline {
public:
  static long remaining_ms();
};
int not_a_source();
ASYNCCTX_BOUNDARY void later(int DelayMs, std::function<void()> Job);
void timer(std::function<void()> Sync, ASYNCCTX_BOUNDARY std::function<void()> Job);
ASYNCCTX_BOUNDARY ASYNCCTX_PROPAGATES void carried(std::function<void()> Job);
void plain(std::function<void()> Job);
} // namespace app

void sources() {
  std::thread T([] { (void)app::tenant(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'tenant' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { (void)app::tenant(); }));
  T.join();
  std::thread U([] { (void)app::Deadline::remaining_ms(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'remaining_ms' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:43: note: context is read here
  U.join();
  std::thread V([] { (void)app::not_a_source(); });
  V.join();
}

void boundaries() {
  app::later(5, [] { (void)app::tenant(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'app::later' runs without the caller's async context; it reads 'tenant' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: context is read here
  // CHECK-FIXES: app::later(5, asyncctx::wrap([] { (void)app::tenant(); }));
  // Only the annotated parameter crosses.
  app::timer([] { (void)app::tenant(); }, [] { (void)app::tenant(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: lambda passed to 'app::timer' runs without the caller's async context; it reads 'tenant' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:59: note: context is read here
  // A propagating boundary and a plain function: nothing to report.
  app::carried([] { (void)app::tenant(); });
  app::plain([] { (void)app::tenant(); });
}

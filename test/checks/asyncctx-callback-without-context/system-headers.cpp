// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include -isystem %S/Inputs/system

#include <vendor_pool.h>

void user_code() {
  std::thread T([] { (void)vendor::vendor_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'vendor_id'
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap([] { (void)vendor::vendor_id.get(); }));
  T.join();
}

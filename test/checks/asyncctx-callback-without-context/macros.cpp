// A callable spelled in a macro argument is reported and fixed where it is
// spelled; one spelled inside a macro body is reported at the macro's use,
// without a fix: editing the macro would change all its other uses.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <thread>

asyncctx::Local<int> request_id;

#define SPAWN(F) std::thread(F).detach()
#define SPAWN_READER() std::thread([] { (void)request_id.get(); }).detach()

void macro_argument() {
  SPAWN([] { (void)request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: context is read here
  // CHECK-FIXES: SPAWN(asyncctx::wrap([] { (void)request_id.get(); }));
}

void macro_body() {
  SPAWN_READER();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: context is read here
  // CHECK-FIXES: SPAWN_READER();
}

// The header is inserted once per file, in the right include block, however
// many fixes the file gets; a file that already includes it gets none.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include -I%S/Inputs
// RUN: %check_clang_tidy -check-suffix=GOOGLE %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.IncludeStyle: google}}" -- -std=c++20 -I%runtime_include -I%S/Inputs

// CHECK-FIXES: #include "context_decl.h"
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: #include <asyncctx/asyncctx.hpp>
// CHECK-FIXES-NEXT: #include <future>
// CHECK-FIXES-NEXT: #include <thread>
// CHECK-FIXES-NOT: #include <asyncctx/asyncctx.hpp>
// CHECK-FIXES-GOOGLE: #include <asyncctx/asyncctx.hpp>
// CHECK-FIXES-GOOGLE-NEXT: #include <future>
// CHECK-FIXES-GOOGLE-NOT: #include <asyncctx/asyncctx.hpp>
#include "context_decl.h"

#include <future>
#include <thread>

void first() {
  std::thread([] { (void)request_id.get(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: lambda passed to 'std::thread'
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: context is read here
  // CHECK-MESSAGES-GOOGLE: :[[@LINE-3]]:15: warning: lambda passed to 'std::thread'
  // CHECK-MESSAGES-GOOGLE: :[[@LINE-4]]:26: note: context is read here
}

void second() {
  auto F = std::async(std::launch::async, [] { return *request_id.get(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: lambda passed to 'std::async'
  // CHECK-MESSAGES: :[[@LINE-2]]:56: note: context is read here
  // CHECK-MESSAGES-GOOGLE: :[[@LINE-3]]:43: warning: lambda passed to 'std::async'
  // CHECK-MESSAGES-GOOGLE: :[[@LINE-4]]:56: note: context is read here
  F.get();
}

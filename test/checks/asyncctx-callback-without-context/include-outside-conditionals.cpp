// The include goes where every preprocessor branch sees it: after the last
// include outside any #if block, else after the include guard or
// #pragma once, never inside a block whose other branch would not compile
// the fix.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include -I%S/Inputs
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: cp %S/Inputs/conditional_includes_guarded.h %S/Inputs/conditional_includes_once.h %S/Inputs/context_decl.h %t.dir/
// RUN: echo '#include "conditional_includes_guarded.h"' > %t.dir/main.cpp
// RUN: echo '#include "conditional_includes_once.h"' >> %t.dir/main.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -header-filter='.*' -fix %t.dir/main.cpp -- %cxxflags -I%t.dir | FileCheck %s --check-prefix=FINDINGS
// RUN: FileCheck %s --check-prefix=GUARDED --input-file=%t.dir/conditional_includes_guarded.h
// RUN: FileCheck %s --check-prefix=ONCE --input-file=%t.dir/conditional_includes_once.h
// RUN: %compiler -std=c++20 -I%runtime_include -fsyntax-only -I%t.dir %t.dir/main.cpp

// CHECK-FIXES: #include "context_decl.h"
// CHECK-FIXES-NEXT: #include <asyncctx/asyncctx.hpp>
// CHECK-FIXES-NEXT: #if defined(_WIN32)
// CHECK-FIXES-NEXT: #include <windows.h>
// CHECK-FIXES-NEXT: #else
// CHECK-FIXES-NEXT: #include <future>
// CHECK-FIXES-NEXT: #include <thread>
// CHECK-FIXES-NEXT: #endif
#include "context_decl.h"
#if defined(_WIN32)
#include <windows.h>
#else
#include <future>
#include <thread>
#endif

void start() {
  std::thread([] { (void)request_id.get(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: lambda passed to 'std::thread'
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: context is read here
}

// FINDINGS: conditional_includes_guarded.h:13:15: warning: lambda passed to 'std::thread'
// FINDINGS: conditional_includes_once.h:12:15: warning: lambda passed to 'std::thread'

// GUARDED: #ifndef CONDITIONAL_INCLUDES_GUARDED_H
// GUARDED-NEXT: #define CONDITIONAL_INCLUDES_GUARDED_H
// GUARDED-NEXT: #include <asyncctx/asyncctx.hpp>
// GUARDED-EMPTY:
// GUARDED-NEXT: #ifdef _WIN32
// GUARDED-NOT: asyncctx.hpp
// GUARDED: std::thread(asyncctx::wrap([] { (void)request_id.get(); })).detach();

// ONCE: {{^}}#pragma once
// ONCE-NEXT: #include <asyncctx/asyncctx.hpp>
// ONCE-EMPTY:
// ONCE-NEXT: #if defined(_WIN32)
// ONCE-NOT: asyncctx.hpp
// ONCE: std::thread(asyncctx::wrap([] { (void)request_id.get(); })).detach();

// A std::thread started inside a request prints the request id it sees: none
// before the fix, the caller's after it.
//
// RUN: %clangxx -pthread -I%S/Inputs %s -o %t.before
// RUN: %t.before | FileCheck %s --check-prefix=BEFORE
// RUN: cp %s %t.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags -I%S/Inputs | FileCheck %s --check-prefix=FINDINGS
// RUN: FileCheck %s --check-prefix=FIXED < %t.cpp
// RUN: %clangxx -pthread -I%S/Inputs %t.cpp -o %t.after
// RUN: %t.after | FileCheck %s --check-prefix=AFTER
//
// A second run finds nothing and changes nothing.
// RUN: cp %t.cpp %t.once.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags -I%S/Inputs | FileCheck %s --check-prefix=CLEAN --allow-empty
// RUN: diff %t.once.cpp %t.cpp

#include "request_context.hpp"
#include <cstdio>
#include <thread>

int main() {
  request_id.run(42, [] {
    std::printf("caller sees request %s\n", current_request().c_str());
    std::thread Worker([] {
      std::printf("thread sees request %s\n", current_request().c_str());
    });
    Worker.join();
  });
}

// BEFORE: caller sees request 42
// BEFORE: thread sees request none
// FINDINGS: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
// FIXED: #include <asyncctx/asyncctx.hpp>
// FIXED: std::thread Worker(asyncctx::wrap([] {
// AFTER: caller sees request 42
// AFTER: thread sees request 42
// CLEAN-NOT: warning

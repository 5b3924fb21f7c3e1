// A finding in a project header is fixed in the header, and the header gets
// the include; a second run changes nothing.
//
// RUN: rm -rf %t && mkdir -p %t && cp %S/Inputs/worker_header.h %S/Inputs/context_decl.h %t/
// RUN: cp %s %t/main.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -header-filter='.*' -fix %t/main.cpp -- %cxxflags -I%t | FileCheck %s --check-prefix=FINDINGS
// RUN: FileCheck %s --check-prefix=HEADER --input-file=%t/worker_header.h
// RUN: cp %t/worker_header.h %t/once.h
// RUN: %clang_tidy -checks='-*,asyncctx-*' -header-filter='.*' -fix %t/main.cpp -- %cxxflags -I%t | FileCheck %s --check-prefix=CLEAN --allow-empty
// RUN: diff %t/once.h %t/worker_header.h

#include "worker_header.h"

int main() { start_header_worker(); }

// FINDINGS: worker_header.h:7:15: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
// HEADER: #include "context_decl.h"
// HEADER-NEXT: #include <asyncctx/asyncctx.hpp>
// HEADER-NEXT: #include <thread>
// HEADER: std::thread(asyncctx::wrap([] { (void)request_id.get(); })).detach();
// CLEAN-NOT: warning:

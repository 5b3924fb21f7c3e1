// A finding in a header that several translation units include is printed
// once, and its fix is applied once: one asyncctx::wrap, one include, however
// many translation units (and template instantiations) reach it. A second run
// finds nothing and changes nothing.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cp %S/Inputs/shared_once_context.h %S/Inputs/shared_once_worker.h %S/Inputs/shared_once_template.h %t/
// RUN: cp %S/Inputs/shared_once_a.cpp %t/a.cpp
// RUN: cp %S/Inputs/shared_once_b.cpp %t/b.cpp
// RUN: cp %S/Inputs/shared_once_c.cpp %t/c.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -header-filter='.*' -fix %t/a.cpp %t/b.cpp %t/c.cpp -- %cxxflags -I%t 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FINDINGS --implicit-check-not=warning: --implicit-check-not=error:
// FINDINGS-DAG: shared_once_worker.h:8:15: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
// FINDINGS-DAG: shared_once_template.h:8:15: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
//
// Exactly one wrap and one include in each header (grep -o counts every
// occurrence, also two on one line).
// RUN: grep -o 'asyncctx::wrap(' %t/shared_once_worker.h | wc -l | FileCheck %s --check-prefix=ONE
// RUN: grep -o 'asyncctx/asyncctx.hpp' %t/shared_once_worker.h | wc -l | FileCheck %s --check-prefix=ONE
// RUN: grep -o 'asyncctx::wrap(' %t/shared_once_template.h | wc -l | FileCheck %s --check-prefix=ONE
// RUN: grep -o 'asyncctx/asyncctx.hpp' %t/shared_once_template.h | wc -l | FileCheck %s --check-prefix=ONE
// ONE: {{^ *}}1{{$}}
//
// RUN: FileCheck %s --check-prefix=WORKER --input-file=%t/shared_once_worker.h --match-full-lines
// WORKER: #include "shared_once_context.h"
// WORKER-NEXT: #include <asyncctx/asyncctx.hpp>
// WORKER-NEXT: #include <thread>
// WORKER: {{ *}}std::thread(asyncctx::wrap([] { (void)request_id.get(); })).detach();
//
// RUN: FileCheck %s --check-prefix=TEMPLATE --input-file=%t/shared_once_template.h --match-full-lines
// TEMPLATE: #include "shared_once_context.h"
// TEMPLATE-NEXT: #include <asyncctx/asyncctx.hpp>
// TEMPLATE-NEXT: #include <thread>
// TEMPLATE: {{ *}}std::thread(asyncctx::wrap([Value] { (void)Value; (void)request_id.get(); })).detach();
//
// The translation units themselves have nothing to fix.
// RUN: diff %S/Inputs/shared_once_a.cpp %t/a.cpp
// RUN: diff %S/Inputs/shared_once_b.cpp %t/b.cpp
// RUN: diff %S/Inputs/shared_once_c.cpp %t/c.cpp
//
// A second run finds nothing and changes nothing.
// RUN: cp %t/shared_once_worker.h %t/worker.once
// RUN: cp %t/shared_once_template.h %t/template.once
// RUN: %clang_tidy -checks='-*,asyncctx-*' -header-filter='.*' -fix %t/a.cpp %t/b.cpp %t/c.cpp -- %cxxflags -I%t 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CLEAN --allow-empty
// CLEAN-NOT: {{warning|error}}:
// RUN: diff %t/worker.once %t/shared_once_worker.h
// RUN: diff %t/template.once %t/shared_once_template.h

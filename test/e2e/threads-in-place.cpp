// A pool whose threads are constructed in place (emplace_back of a lambda and
// of a member function with its object, make_unique<std::thread>) prints the
// request id each thread sees: none before the fix, the caller's after it.
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
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

std::mutex Output;

void report(const char *Who) {
  std::lock_guard<std::mutex> Lock(Output);
  std::printf("%s sees request %s\n", Who, current_request().c_str());
}

class Pool {
public:
  void start() {
    Threads.emplace_back([] { report("lambda thread"); });
    Threads.emplace_back(&Pool::work, this);
  }
  void join() {
    for (std::thread &T : Threads)
      T.join();
  }

private:
  void work() { report("member thread"); }
  std::vector<std::thread> Threads;
};

int main() {
  request_id.run(42, [] {
    report("caller");
    Pool P;
    P.start();
    P.join();
    auto Single = std::make_unique<std::thread>([] { report("unique thread"); });
    Single->join();
  });
}

// BEFORE: caller sees request 42
// BEFORE-DAG: lambda thread sees request none
// BEFORE-DAG: member thread sees request none
// BEFORE: unique thread sees request none
// FINDINGS-DAG: warning: lambda passed to 'std::vector::emplace_back' runs without the caller's async context; it reads 'request_id'
// FINDINGS-DAG: warning: member function 'Pool::work' passed to 'std::vector::emplace_back' runs without the caller's async context; it reads 'request_id'
// FINDINGS-DAG: warning: lambda passed to 'std::make_unique' runs without the caller's async context; it reads 'request_id'
// FIXED: #include <asyncctx/asyncctx.hpp>
// FIXED: Threads.emplace_back(asyncctx::wrap([] { report("lambda thread"); }));
// FIXED: Threads.emplace_back(asyncctx::wrap(&Pool::work), this);
// FIXED: auto Single = std::make_unique<std::thread>(asyncctx::wrap([] { report("unique thread"); }));
// AFTER: caller sees request 42
// AFTER-DAG: lambda thread sees request 42
// AFTER-DAG: member thread sees request 42
// AFTER: unique thread sees request 42
// CLEAN-NOT: warning

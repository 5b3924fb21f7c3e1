// std::async with and without a launch policy: the futures' results are the
// request ids the tasks saw.
//
// RUN: %clangxx -pthread -I%S/Inputs %s -o %t.before
// RUN: %t.before | FileCheck %s --check-prefix=BEFORE
// RUN: cp %s %t.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags -I%S/Inputs | FileCheck %s --check-prefix=FINDINGS
// RUN: %clangxx -pthread -I%S/Inputs %t.cpp -o %t.after
// RUN: %t.after | FileCheck %s --check-prefix=AFTER

#include "request_context.hpp"
#include <cstdio>
#include <future>

std::string report() { return current_request(); }

int main() {
  request_id.run(7, [] {
    auto Async = std::async(std::launch::async, [] { return current_request(); });
    auto Deferred = std::async(std::launch::deferred, report);
    auto Default = std::async(report);
    std::printf("async task sees request %s\n", Async.get().c_str());
    std::printf("default task sees request %s\n", Default.get().c_str());
    // A deferred task runs on the thread that calls get(), outside the request.
    request_id.run(8, [&] {
      std::printf("deferred task sees request %s\n", Deferred.get().c_str());
    });
  });
}

// BEFORE: async task sees request none
// FINDINGS-DAG: :19:49: warning: lambda passed to 'std::async'
// FINDINGS-DAG: :20:55: warning: function 'report' passed to 'std::async'
// FINDINGS-DAG: :21:31: warning: function 'report' passed to 'std::async'
// AFTER: async task sees request 7
// AFTER: default task sees request 7
// AFTER: deferred task sees request 7

// Eight requests each post a job to a four-thread asio::thread_pool; every job
// prints the request id it sees.
//
// RUN: %clangxx -pthread -I%S/Inputs %s -o %t.before
// RUN: %t.before | sort | FileCheck %s --check-prefix=BEFORE
// RUN: cp %s %t.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags -I%S/Inputs | FileCheck %s --check-prefix=FINDINGS
// RUN: %clangxx -pthread -I%S/Inputs %t.cpp -o %t.after
// RUN: %t.after | sort | FileCheck %s --check-prefix=AFTER
// The fixed program against the newest Asio too.
// RUN: %clangxx -pthread %asio_newest -I%S/Inputs %t.cpp -o %t.after-newest
// RUN: %t.after-newest | sort | FileCheck %s --check-prefix=AFTER

#include "request_context.hpp"
#include <asio/post.hpp>
#include <asio/thread_pool.hpp>
#include <cstdio>

int main() {
  asio::thread_pool Pool(4);
  for (int Job = 1; Job <= 8; ++Job)
    request_id.run(Job * 100, [&Pool, Job] {
      asio::post(Pool, [Job] {
        std::printf("job %d sees request %s\n", Job, current_request().c_str());
      });
    });
  Pool.join();
}

// BEFORE-COUNT-8: sees request none
// FINDINGS: :23:24: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id'
// AFTER: job 1 sees request 100
// AFTER-NEXT: job 2 sees request 200
// AFTER-NEXT: job 3 sees request 300
// AFTER-NEXT: job 4 sees request 400
// AFTER-NEXT: job 5 sees request 500
// AFTER-NEXT: job 6 sees request 600
// AFTER-NEXT: job 7 sees request 700
// AFTER-NEXT: job 8 sees request 800

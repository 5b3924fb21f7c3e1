// asio-thread-pool.cpp with Boost.Asio: eight requests each post a job to a
// four-thread boost::asio::thread_pool; every job prints the request id it
// sees. The fix includes <asyncctx/boost_asio.hpp>.
//
// RUN: %clangxx -pthread -I%S/Inputs %s -o %t.before
// RUN: %t.before | sort | FileCheck %s --check-prefix=BEFORE
// RUN: cp %s %t.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags -I%S/Inputs | FileCheck %s --check-prefix=FINDINGS
// RUN: FileCheck %s --check-prefix=FIXED < %t.cpp
// RUN: %clangxx -pthread -I%S/Inputs %t.cpp -o %t.after
// RUN: %t.after | sort | FileCheck %s --check-prefix=AFTER

#include "request_context.hpp"
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cstdio>

int main() {
  boost::asio::thread_pool Pool(4);
  for (int Job = 1; Job <= 8; ++Job)
    request_id.run(Job * 100, [&Pool, Job] {
      boost::asio::post(Pool, [Job] {
        std::printf("job %d sees request %s\n", Job, current_request().c_str());
      });
    });
  Pool.join();
}

// BEFORE-COUNT-8: sees request none
// FINDINGS: :22:31: warning: lambda passed to 'boost::asio::post' runs without the caller's async context; it reads 'request_id'
// FIXED: #include <asyncctx/boost_asio.hpp>
// FIXED: boost::asio::post(Pool, asyncctx::wrap([Job] {
// AFTER: job 1 sees request 100
// AFTER-NEXT: job 2 sees request 200
// AFTER-NEXT: job 3 sees request 300
// AFTER-NEXT: job 4 sees request 400
// AFTER-NEXT: job 5 sees request 500
// AFTER-NEXT: job 6 sees request 600
// AFTER-NEXT: job 7 sees request 700
// AFTER-NEXT: job 8 sees request 800

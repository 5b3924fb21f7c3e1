// Handlers bound to a strand, posted from four threads of requests: after the
// fix they still serialise on the strand (a plain counter, checked against the
// number of posts, and running_in_this_thread) and see their request's id.
// Half are bound with bind_executor, half are a handler class whose own
// associated executor is the strand: the fix of both includes
// <asyncctx/asio.hpp>, whose wrapper forwards the associated executor.
//
// RUN: cp %s %t.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags -I%S/Inputs | FileCheck %s --check-prefix=FINDINGS
// RUN: FileCheck %s --check-prefix=FIXED < %t.cpp
// RUN: %clangxx -pthread -fsanitize=thread -I%S/Inputs %t.cpp -o %t.after
// RUN: env TSAN_OPTIONS=halt_on_error=1 %t.after | FileCheck %s --check-prefix=AFTER
// The fixed program against the newest Asio too.
// RUN: %clangxx -pthread -fsanitize=thread %asio_newest -I%S/Inputs %t.cpp -o %t.after-newest
// RUN: env TSAN_OPTIONS=halt_on_error=1 %t.after-newest | FileCheck %s --check-prefix=AFTER

#include "request_context.hpp"
#include <asio/bind_executor.hpp>
#include <asio/post.hpp>
#include <asio/strand.hpp>
#include <asio/thread_pool.hpp>
#include <cstdio>
#include <thread>
#include <vector>

// A handler with an associated executor of its own.
struct OnStrand {
  using executor_type = asio::strand<asio::thread_pool::executor_type>;
  executor_type Strand;
  int Request;
  int &Counter, &OffStrand, &WrongContext;
  executor_type get_executor() const noexcept { return Strand; }
  void operator()() const {
    ++Counter;
    if (!Strand.running_in_this_thread())
      ++OffStrand;
    if (current_request() != std::to_string(Request))
      ++WrongContext;
  }
};

int main() {
  asio::thread_pool Pool(4);
  auto Strand = asio::make_strand(Pool);
  int Counter = 0; // not atomic: only the strand touches it
  int WrongContext = 0, OffStrand = 0;
  std::vector<std::thread> Requests;
  for (int Request = 1; Request <= 4; ++Request)
    Requests.emplace_back(std::thread([&, Request] {
      request_id.run(Request, [&] {
        for (int I = 0; I < 250; ++I) {
          asio::post(asio::bind_executor(Strand, [&, Request] {
            ++Counter;
            if (!Strand.running_in_this_thread())
              ++OffStrand;
            if (current_request() != std::to_string(Request))
              ++WrongContext;
          }));
          asio::post(OnStrand{Strand, Request, Counter, OffStrand, WrongContext});
        }
      });
    }));
  for (std::thread &T : Requests)
    T.join();
  Pool.join();
  std::printf("handlers %d, off the strand %d, wrong context %d\n", Counter,
              OffStrand, WrongContext);
}

// FINDINGS: warning: lambda passed to 'asio::post' runs without the caller's async context; it reads 'request_id'
// FINDINGS: warning: function object of type 'OnStrand' passed to 'asio::post' runs without the caller's async context; it reads 'request_id' [
// FIXED: #include <asyncctx/asio.hpp>
// FIXED: asio::post(asyncctx::wrap(asio::bind_executor(Strand, [&, Request] {
// FIXED: asio::post(asyncctx::wrap(OnStrand{Strand, Request, Counter, OffStrand, WrongContext}));
// AFTER: handlers 2000, off the strand 0, wrong context 0

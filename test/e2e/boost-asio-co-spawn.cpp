// asio-co-spawn.cpp with Boost.Asio: a request spawns a coroutine on a
// four-thread pool; after a co_await on a timer the coroutine prints the
// request id it sees. The fix gives the spawn's executor the caller's context.
//
// RUN: %clangxx -pthread -DBOOST_ASIO_HAS_CO_AWAIT=1 -DBOOST_ASIO_HAS_STD_COROUTINE=1 -I%S/Inputs %s -o %t.before
// RUN: %t.before | sort | FileCheck %s --check-prefix=BEFORE
// RUN: cp %s %t.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags -DBOOST_ASIO_HAS_CO_AWAIT=1 -DBOOST_ASIO_HAS_STD_COROUTINE=1 -I%S/Inputs | FileCheck %s --check-prefix=FINDINGS
// RUN: FileCheck %s --check-prefix=FIXED < %t.cpp
// RUN: %clangxx -pthread -DBOOST_ASIO_HAS_CO_AWAIT=1 -DBOOST_ASIO_HAS_STD_COROUTINE=1 -I%S/Inputs %t.cpp -o %t.after
// RUN: %t.after | sort | FileCheck %s --check-prefix=AFTER

#include "request_context.hpp"
#include <utility> // Boost 1.74's awaitable.hpp uses std::exchange unincluded
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <cstdio>

boost::asio::awaitable<void> session(int Job) {
  boost::asio::steady_timer Timer(co_await boost::asio::this_coro::executor,
                                  std::chrono::milliseconds(5));
  co_await Timer.async_wait(boost::asio::use_awaitable);
  std::printf("session %d sees request %s after the timer\n", Job,
              current_request().c_str());
}

int main() {
  boost::asio::thread_pool Pool(4);
  for (int Job = 1; Job <= 4; ++Job)
    request_id.run(Job * 10, [&Pool, Job] {
      boost::asio::co_spawn(Pool, session(Job), boost::asio::detached);
    });
  Pool.join();
}

// BEFORE-COUNT-4: sees request none after the timer
// FINDINGS: warning: coroutine 'session' passed to 'boost::asio::co_spawn' runs without the caller's async context; it reads 'request_id'
// FIXED: #include <asyncctx/boost_asio.hpp>
// FIXED: boost::asio::co_spawn(asyncctx::with_context(Pool), session(Job), boost::asio::detached);
// AFTER: session 1 sees request 10 after the timer
// AFTER-NEXT: session 2 sees request 20 after the timer
// AFTER-NEXT: session 3 sees request 30 after the timer
// AFTER-NEXT: session 4 sees request 40 after the timer

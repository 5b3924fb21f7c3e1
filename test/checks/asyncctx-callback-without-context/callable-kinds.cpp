// Function objects of user-defined classes are analysed through their
// operator(); NOLINT suppresses a reviewed finding.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <thread>

asyncctx::Local<int> request_id;

struct Reporter {
  void operator()() const { (void)request_id.get(); }
};

struct Quiet {
  void operator()() const {}
};

void functor() {
  std::thread T(Reporter{});
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: function object of type 'Reporter' passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :12:35: note: context is read here
  // CHECK-FIXES: std::thread T(asyncctx::wrap(Reporter{}));
  T.join();
  Reporter Named;
  std::thread U(Named);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: function object of type 'Reporter' passed to 'std::thread' runs without the caller's async context; it reads 'request_id'
  // CHECK-MESSAGES: :12:35: note: context is read here
  // CHECK-FIXES: std::thread U(asyncctx::wrap(Named));
  U.join();
  std::thread V(Quiet{});
  V.join();
}

void suppressed() {
  std::thread T([] { (void)request_id.get(); }); // NOLINT(asyncctx-callback-without-context)
  // NOLINTNEXTLINE(asyncctx-*)
  std::thread U([] { (void)request_id.get(); });
  T.join();
  U.join();
}

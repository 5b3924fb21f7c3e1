// RUN: %check_clang_tidy %s asyncctx-coroutine-without-context %t -- -std=c++20 -I%runtime_include -I%S/Inputs

#include "coro_support.h"

plain_task read_after_await() {
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine on another thread without the caller's async context; it reads 'request_id' afterwards [asyncctx-coroutine-without-context]
  (void)request_id.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: note: context is read here
}

plain_task read_through_a_call() {
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  log_request();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: through this call to 'log_request'
  // CHECK-MESSAGES: coro_support.h:8:35: note: context is read here
}

plain_task read_after_yield() {
  co_yield 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_yield' may resume this coroutine on another thread without the caller's async context; it reads 'request_id' afterwards
  (void)request_id.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: note: context is read here
}

plain_task read_in_a_loop_before_the_await() {
  // The back edge brings the read after the co_await
  // (docs/checks/asyncctx-coroutine-without-context.md#how-after-is-decided).
  for (int I = 0; I < 3; ++I) {
    (void)request_id.get();
    co_await hop_thread{};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' may resume this coroutine
    // CHECK-MESSAGES: :[[@LINE-3]]:11: note: context is read here
  }
}

plain_task read_on_one_branch(bool Flag) {
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  if (Flag)
    (void)request_id.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: note: context is read here
}

plain_task one_warning_per_suspension_point() {
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  // CHECK-MESSAGES: :[[@LINE+4]]:9: note: context is read here
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  // CHECK-MESSAGES: :[[@LINE+1]]:9: note: context is read here
  (void)request_id.get();
}

auto coroutine_lambda = []() -> plain_task {
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  log_request();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: through this call to 'log_request'
  // CHECK-MESSAGES: coro_support.h:8:35: note: context is read here
};

plain_task nested_coroutine_call() {
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  read_after_await();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: through this call to 'read_after_await'
  // CHECK-MESSAGES: :8:9: note: context is read here
}

template <class T> plain_task in_a_template(T Value) {
  co_await hop_thread{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' may resume this coroutine
  (void)Value;
  (void)request_id.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: note: context is read here
}
void instantiate() {
  in_a_template(1);
  in_a_template(2.0);
}

// Negative cases.

plain_task reads_only_before_the_first_suspension() {
  (void)request_id.get();
  co_await hop_thread{};
}

plain_task suspend_never_does_not_suspend() {
  co_await std::suspend_never{};
  (void)request_id.get();
}

plain_task no_reads_at_all() {
  co_await hop_thread{};
  int X = 1;
  (void)X;
}

plain_task read_in_a_lambda_that_never_runs_here() {
  co_await hop_thread{};
  auto Later = [] { (void)request_id.get(); };
  (void)sizeof(Later);
}

// A thread constructed in place: the callable reaches the std::thread or
// std::jthread constructor through a library template that perfectly
// forwards it (emplace_back, make_unique, optional::emplace). Decided from
// what the instantiation constructs, not from member names: a forwarding
// factory of any library counts, and an emplace_back that constructs no
// thread is not a boundary.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

asyncctx::Local<int> request_id;

void log_line() { (void)request_id.get(); }

void emplace_back_lambda() {
  std::vector<std::thread> Threads;
  Threads.emplace_back([] { log_line(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: lambda passed to 'std::vector::emplace_back' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'std::vector::emplace_back' passes it to 'std::thread' here, which runs it asynchronously
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: through this call to 'log_line'
  // CHECK-MESSAGES: :20:25: note: context is read here
  // CHECK-FIXES: Threads.emplace_back(asyncctx::wrap([] { log_line(); }));
  for (std::thread &T : Threads)
    T.join();
}

struct Worker {
  void run() { log_line(); }
  void start(std::vector<std::thread> &Threads) {
    Threads.emplace_back(&Worker::run, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: member function 'Worker::run' passed to 'std::vector::emplace_back' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
    // CHECK-FIXES: Threads.emplace_back(asyncctx::wrap(&Worker::run), this);
  }
};

void deque_of_jthreads() {
  std::deque<std::jthread> Threads;
  Threads.emplace_front([] { log_line(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: lambda passed to 'std::deque::emplace_front' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-FIXES: Threads.emplace_front(asyncctx::wrap([] { log_line(); }));
}

void make_unique_thread() {
  auto T = std::make_unique<std::thread>([] { log_line(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: lambda passed to 'std::make_unique' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: 'std::make_unique' passes it to 'std::thread' here, which runs it asynchronously
  // CHECK-FIXES: auto T = std::make_unique<std::thread>(asyncctx::wrap([] { log_line(); }));
  T->join();
}

void optional_jthread() {
  std::optional<std::jthread> T;
  T.emplace([] { log_line(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: lambda passed to 'std::optional::emplace' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-FIXES: T.emplace(asyncctx::wrap([] { log_line(); }));
}

// A wrapper of the user's that builds its threads in place is inferred like
// one that constructs them.
void spawn(std::vector<std::thread> &Threads, std::function<void()> Job) {
  Threads.emplace_back(std::move(Job));
}

void through_a_wrapper(std::vector<std::thread> &Threads) {
  spawn(Threads, [] { log_line(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lambda passed to 'spawn' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'spawn' passes it to 'std::vector::emplace_back' here, which runs it asynchronously
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'std::vector::emplace_back' passes it to 'std::thread' here, which runs it asynchronously
  // CHECK-FIXES: spawn(Threads, asyncctx::wrap([] { log_line(); }));
}

// Not boundaries: containers whose elements are not threads, and arguments
// that are not callables.
void negatives(std::vector<std::thread> &Threads) {
  std::vector<int> Numbers;
  Numbers.emplace_back(42);
  std::vector<std::function<void()>> Jobs;
  Jobs.emplace_back([] { log_line(); });
  Jobs.push_back([] { log_line(); });
  std::thread Moved([] {});
  Threads.emplace_back(std::move(Moved));
  // CHECK-MESSAGES-NOT: :[[@LINE-1]]:{{.*}}warning
  auto Box = std::make_unique<std::function<void()>>([] { log_line(); });
  (void)Box;
  // Already wrapped, or carrying nothing.
  Threads.emplace_back(asyncctx::wrap([] { log_line(); }));
  Threads.emplace_back([] {});
  for (std::thread &T : Threads)
    T.join();
}

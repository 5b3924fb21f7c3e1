// A call through a virtual method may run any override: a pool behind an
// interface (`Queue->enqueue(Fn)` on an abstract TaskQueue) is a boundary
// when an override visible in the translation unit is one, and the note
// names that override. An interface whose overrides all run the callable in
// place is not a boundary.
//
// RUN: %check_clang_tidy %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

asyncctx::Local<int> request_id;

void log_line() { (void)request_id.get(); }

class TaskQueue {
public:
  virtual ~TaskQueue() = default;
  virtual void enqueue(std::function<void()> Fn) = 0;
};

class InlineQueue : public TaskQueue {
public:
  void enqueue(std::function<void()> Fn) override { Fn(); }
};

class ThreadQueue : public TaskQueue {
public:
  void enqueue(std::function<void()> Fn) override;
};

void ThreadQueue::enqueue(std::function<void()> Fn) {
  std::thread(std::move(Fn)).detach();
}

void through_the_interface(TaskQueue *Queue) {
  Queue->enqueue([] { log_line(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: lambda passed to 'TaskQueue::enqueue' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES: :33:8: note: 'ThreadQueue::enqueue' overrides it here
  // CHECK-MESSAGES: :37:3: note: 'ThreadQueue::enqueue' passes it to 'std::thread' here, which runs it asynchronously
  // CHECK-MESSAGES: :[[@LINE-4]]:23: note: through this call to 'log_line'
  // CHECK-FIXES: Queue->enqueue(asyncctx::wrap([] { log_line(); }));
}

// Runs everything in place: calls through it are synchronous.
class Executor {
public:
  virtual ~Executor() = default;
  virtual void execute(std::function<void()> Fn) = 0;
};

class Synchronous final : public Executor {
public:
  void execute(std::function<void()> Fn) override { Fn(); }
};

void through_a_synchronous_interface(Executor &E) {
  E.execute([] { log_line(); });
  // Adapted, or nothing read: no finding.
  TaskQueue *Queue = nullptr;
  Queue->enqueue(asyncctx::wrap([] { log_line(); }));
  Queue->enqueue([] {});
}

// User boundaries: the Boundaries option (`name` = every callable argument,
// `name@N` = argument N counted from 0, `name@last`), the asyncctx::boundary
// annotation on a function or on one parameter; propagating boundaries: the
// PropagatingBoundaries option and the asyncctx::propagates annotation. The
// functions are only declared, so nothing but the option or the annotation
// makes them boundaries.
//
// RUN: %check_clang_tidy -check-suffixes=ALL,DEFAULT %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include
// RUN: %check_clang_tidy -check-suffixes=ALL,USER %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     asyncctx-callback-without-context.Boundaries: 'app::submit; ::app::schedule@1;app::enqueue@last;app::Pool::run;app::Pool::after@1;app::Task;app::spawn;app::both', \
// RUN:     asyncctx-callback-without-context.PropagatingBoundaries: 'app::carried; app::both;app::annotated_boundary'}}" \
// RUN:   -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <functional>

asyncctx::Local<int> request_id;

void reader() { (void)request_id.get(); }

namespace app {
void submit(std::function<void()> First, std::function<void()> Second);
void schedule(int DelayMs, std::function<void()> Job, std::function<void()> Done);
void enqueue(std::function<void()> Job, std::function<void()> Done, int Priority = 0);
class Pool {
public:
  void run(std::function<void()> Job);
  void after(int DelayMs, std::function<void()> Job, std::function<void()> Done);
};
class Task {
public:
  explicit Task(std::function<void()> Body);
};
template <class F> void spawn(F Body);
[[clang::annotate("asyncctx::boundary")]] void later(int DelayMs, std::function<void()> Job);
void timer(std::function<void()> Sync, [[clang::annotate("asyncctx::boundary")]] std::function<void()> Job);
void carried(std::function<void()> Job);
[[clang::annotate("asyncctx::propagates")]] void annotated_carried(std::function<void()> Job);
void both(std::function<void()> Job);
[[clang::annotate("asyncctx::boundary")]] void annotated_boundary(std::function<void()> Job);
} // namespace app

namespace other {
void submit(std::function<void()> First, std::function<void()> Second);
} // namespace other

void every_callable_argument() {
  app::submit([] { (void)request_id.get(); }, reader);
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:15: warning: lambda passed to 'app::submit' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:26: note: context is read here
  // CHECK-MESSAGES-USER: :[[@LINE-3]]:47: warning: function 'reader' passed to 'app::submit' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :20:23: note: context is read here
  // CHECK-FIXES-USER: app::submit(asyncctx::wrap([] { (void)request_id.get(); }), asyncctx::wrap(reader));
}

void argument_by_index() {
  // Only argument 1 crosses: Done (argument 2) is not listed.
  app::schedule(5, [] { (void)request_id.get(); }, [] { (void)request_id.get(); });
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:20: warning: lambda passed to 'app::schedule' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:31: note: context is read here
  // CHECK-FIXES-USER: app::schedule(5, asyncctx::wrap([] { (void)request_id.get(); }), [] { (void)request_id.get(); });
}

void last_written_argument() {
  // The defaulted Priority is not written: the last argument is Done.
  app::enqueue([] { (void)request_id.get(); }, [] { (void)request_id.get(); });
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:48: warning: lambda passed to 'app::enqueue' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:59: note: context is read here
  // CHECK-FIXES-USER: app::enqueue([] { (void)request_id.get(); }, asyncctx::wrap([] { (void)request_id.get(); }));
  app::enqueue([] { (void)request_id.get(); }, [] {}, 7);
}

void members_constructors_and_templates(app::Pool &Pool) {
  Pool.run([] { (void)request_id.get(); });
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:12: warning: lambda passed to 'app::Pool::run' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:23: note: context is read here
  // CHECK-FIXES-USER: Pool.run(asyncctx::wrap([] { (void)request_id.get(); }));
  // The object of a member call is not an argument: @1 is Job.
  Pool.after(5, [] { (void)request_id.get(); }, [] { (void)request_id.get(); });
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:17: warning: lambda passed to 'app::Pool::after' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:28: note: context is read here
  // CHECK-FIXES-USER: Pool.after(5, asyncctx::wrap([] { (void)request_id.get(); }), [] { (void)request_id.get(); });
  app::Task T([] { (void)request_id.get(); });
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:15: warning: lambda passed to 'app::Task' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :[[@LINE-2]]:26: note: context is read here
  // CHECK-FIXES-USER: app::Task T(asyncctx::wrap([] { (void)request_id.get(); }));
  app::spawn(reader);
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:14: warning: function 'reader' passed to 'app::spawn' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-USER: :20:23: note: context is read here
  // CHECK-FIXES-USER: app::spawn(asyncctx::wrap(reader));
}

void annotated_boundaries_need_no_option() {
  app::later(5, [] { (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:17: warning: lambda passed to 'app::later' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:28: note: context is read here
  // CHECK-FIXES-ALL: app::later(5, asyncctx::wrap([] { (void)request_id.get(); }));
  // Only the annotated parameter crosses.
  app::timer([] { (void)request_id.get(); }, [] { (void)request_id.get(); });
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:46: warning: lambda passed to 'app::timer' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:57: note: context is read here
  // CHECK-FIXES-ALL: app::timer([] { (void)request_id.get(); }, asyncctx::wrap([] { (void)request_id.get(); }));
}

// Negative cases.

void propagating_boundaries_are_never_reported() {
  app::carried([] { (void)request_id.get(); });
  app::annotated_carried([] { (void)request_id.get(); });
  // Listed in both Boundaries and PropagatingBoundaries (clarification 7.9).
  app::both([] { (void)request_id.get(); });
}

void annotated_boundary_listed_as_propagating() {
  app::annotated_boundary([] { (void)request_id.get(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:27: warning: lambda passed to 'app::annotated_boundary' runs without the caller's async context; it reads 'request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:38: note: context is read here
  // CHECK-FIXES-DEFAULT: app::annotated_boundary(asyncctx::wrap([] { (void)request_id.get(); }));
  // CHECK-FIXES-USER: app::annotated_boundary([] { (void)request_id.get(); });
}

void same_name_in_another_namespace() {
  other::submit([] { (void)request_id.get(); }, reader);
}

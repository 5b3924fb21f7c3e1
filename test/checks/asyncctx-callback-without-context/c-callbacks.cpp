// C callbacks (pthread_create, libuv's uv_queue_work and uv_timer_start) are
// reported but never fixed: a function pointer cannot be wrapped in place.
//
// RUN: %check_clang_tidy -check-suffixes=ALL %s asyncctx-callback-without-context %t -- -std=c++20 -I%runtime_include
// RUN: %check_clang_tidy -check-suffixes=ALL,STRICT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}" -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <pthread.h>

// Minimal libuv declarations.
extern "C" {
typedef struct uv_loop_s uv_loop_t;
typedef struct uv_work_s uv_work_t;
typedef struct uv_timer_s uv_timer_t;
typedef void (*uv_work_cb)(uv_work_t *req);
typedef void (*uv_after_work_cb)(uv_work_t *req, int status);
typedef void (*uv_timer_cb)(uv_timer_t *handle);
int uv_queue_work(uv_loop_t *loop, uv_work_t *req, uv_work_cb work_cb,
                  uv_after_work_cb after_work_cb);
int uv_timer_start(uv_timer_t *handle, uv_timer_cb cb, unsigned long long timeout,
                   unsigned long long repeat);
}

asyncctx::Local<int> request_id;

void *worker(void *) { (void)request_id.get(); return nullptr; }
void *quiet_worker(void *) { return nullptr; }
void work(uv_work_t *) { (void)request_id.get(); }
void after_work(uv_work_t *, int) { (void)request_id.get(); }
void tick(uv_timer_t *) { (void)request_id.get(); }
void quiet_tick(uv_timer_t *) {}

void threads() {
  pthread_t Thread;
  pthread_create(&Thread, nullptr, worker, nullptr);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:36: warning: function 'worker' passed to 'pthread_create' runs without the caller's async context; it reads 'request_id'; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :27:30: note: context is read here
  // CHECK-FIXES-ALL: pthread_create(&Thread, nullptr, worker, nullptr);
  pthread_create(&Thread, nullptr, &worker, nullptr);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:36: warning: function 'worker' passed to 'pthread_create' runs without the caller's async context; it reads 'request_id'; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :27:30: note: context is read here
  // CHECK-FIXES-ALL: pthread_create(&Thread, nullptr, &worker, nullptr);
  pthread_create(&Thread, nullptr, [](void *) -> void * { (void)request_id.get(); return nullptr; }, nullptr);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:36: warning: lambda passed to 'pthread_create' runs without the caller's async context; it reads 'request_id'; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:65: note: context is read here
  // CHECK-FIXES-ALL: pthread_create(&Thread, nullptr, [](void *) -> void * { (void)request_id.get(); return nullptr; }, nullptr);
  pthread_create(&Thread, nullptr, quiet_worker, nullptr);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:36: warning: function 'quiet_worker' passed to 'pthread_create' runs without the caller's async context; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: pthread_create(&Thread, nullptr, quiet_worker, nullptr);
}

void libuv(uv_loop_t *Loop, uv_work_t *Work, uv_timer_t *Timer) {
  uv_queue_work(Loop, Work, work, after_work);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:29: warning: function 'work' passed to 'uv_queue_work' runs without the caller's async context; it reads 'request_id'; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :29:32: note: context is read here
  // CHECK-MESSAGES-ALL: :[[@LINE-3]]:35: warning: function 'after_work' passed to 'uv_queue_work' runs without the caller's async context; it reads 'request_id'; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :30:43: note: context is read here
  // CHECK-FIXES-ALL: uv_queue_work(Loop, Work, work, after_work);
  uv_timer_start(Timer, tick, 10, 0);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:25: warning: function 'tick' passed to 'uv_timer_start' runs without the caller's async context; it reads 'request_id'; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :31:33: note: context is read here
  // CHECK-FIXES-ALL: uv_timer_start(Timer, tick, 10, 0);
  uv_timer_start(Timer, [](uv_timer_t *) { (void)request_id.get(); }, 10, 0);
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:25: warning: lambda passed to 'uv_timer_start' runs without the caller's async context; it reads 'request_id'; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:50: note: context is read here
  // CHECK-FIXES-ALL: uv_timer_start(Timer, [](uv_timer_t *) { (void)request_id.get(); }, 10, 0);
  uv_timer_start(Timer, quiet_tick, 10, 0);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:25: warning: function 'quiet_tick' passed to 'uv_timer_start' runs without the caller's async context; a C callback cannot be wrapped in place, pass the context through its argument [asyncctx-callback-without-context]
  // CHECK-FIXES-STRICT: uv_timer_start(Timer, quiet_tick, 10, 0);
}

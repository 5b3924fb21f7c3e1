// A minimal coroutine type that does not restore context on resumption, and
// an awaiter that may resume on another thread.
#pragma once
#include <asyncctx/asyncctx.hpp>
#include <coroutine>

inline asyncctx::Local<int> request_id;
inline void log_request() { (void)request_id.get(); }

struct plain_task {
  struct promise_type {
    plain_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    std::suspend_always yield_value(int) { return {}; }
    void unhandled_exception() {}
  };
};

struct hop_thread {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};

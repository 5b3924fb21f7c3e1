// Per-request logging for the worker-pool example: every log line carries the
// id of the request it belongs to, read from an async-local variable.
#pragma once

#include <asyncctx/asyncctx.hpp>
#include <cstdio>
#include <mutex>
#include <string>

inline asyncctx::Local<std::string> request_id;

inline void log_line(const std::string &Message) {
  static std::mutex Mutex;
  const std::string *Id = request_id.get();
  std::lock_guard<std::mutex> Lock(Mutex);
  std::printf("[request=%s] %s\n", Id ? Id->c_str() : "none", Message.c_str());
}

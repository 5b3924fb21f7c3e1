// A project header with a boundary, included by three translation units: its
// finding is printed once and its fix applied once.
#pragma once
#include "shared_once_context.h"
#include <thread>

inline void start_shared_worker() {
  std::thread([] { (void)request_id.get(); }).detach();
}

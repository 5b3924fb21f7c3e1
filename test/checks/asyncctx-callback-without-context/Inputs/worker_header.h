// A project header with a boundary: the fix and its include go here.
#pragma once
#include "context_decl.h"
#include <thread>

inline void start_header_worker() {
  std::thread([] { (void)request_id.get(); }).detach();
}

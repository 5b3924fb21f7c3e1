// Every include is inside a conditional block, under #pragma once.
#pragma once

#if defined(_WIN32)
#include <windows.h>
#elif defined(__linux__)
#include "context_decl.h"
#include <thread>
#endif

inline void start_once_worker() {
  std::thread([] { (void)request_id.get(); }).detach();
}

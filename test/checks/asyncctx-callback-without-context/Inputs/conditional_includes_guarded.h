// Every include is inside a conditional block, as in a portable header.
#ifndef CONDITIONAL_INCLUDES_GUARDED_H
#define CONDITIONAL_INCLUDES_GUARDED_H

#ifdef _WIN32
#include <windows.h>
#else // not _WIN32
#include "context_decl.h"
#include <thread>
#endif

inline void start_guarded_worker() {
  std::thread([] { (void)request_id.get(); }).detach();
}

#endif // CONDITIONAL_INCLUDES_GUARDED_H

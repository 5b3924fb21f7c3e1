// A third-party header reached through -isystem: its boundary calls are never
// reported, whatever they read.
#pragma once
#include <asyncctx/asyncctx.hpp>
#include <thread>

namespace vendor {
inline asyncctx::Local<int> vendor_id;
inline void start_background() {
  std::thread([] { (void)vendor_id.get(); }).detach();
}
} // namespace vendor

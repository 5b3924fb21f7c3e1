// A project header with a boundary in a function template that the three
// translation units instantiate with different arguments.
#pragma once
#include "shared_once_context.h"
#include <thread>

template <class T> void start_shared_job(T Value) {
  std::thread([Value] { (void)Value; (void)request_id.get(); }).detach();
}

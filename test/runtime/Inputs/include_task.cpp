// Compiled below C++20 by the runtime.std*.task_needs_cxx20 tests: the
// include must stop the build with the message the test expects.
#include <asyncctx/task.hpp>

// What bridge_static_init_test.cpp shares with bridge_test.cpp.
#ifndef ASYNCCTX_TEST_RUNTIME_BRIDGE_TEST_SUPPORT_HPP
#define ASYNCCTX_TEST_RUNTIME_BRIDGE_TEST_SUPPORT_HPP

#include <string>

namespace asyncctx_test {

// Bridged by a static initializer of bridge_static_init_test.cpp.
extern thread_local std::string g_static_bridged;

// What a wrapped callback on another thread saw of g_static_bridged when a
// later static initializer of that unit set it, wrapped and ran the callback.
std::string static_init_bridge_result();

} // namespace asyncctx_test

#endif

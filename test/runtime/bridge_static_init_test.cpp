// A bridge registered and used during static initialization: the registry
// is constant-initialized, so this works whichever unit initializes first.
#include "bridge_test_support.hpp"

#include <asyncctx/asyncctx.hpp>

#include <string>
#include <thread>

namespace asyncctx_test {

thread_local std::string g_static_bridged;

namespace {

const asyncctx::Bridge static_bridge =
    asyncctx::bridge([]() -> std::string & { return g_static_bridged; });

// Initialized after static_bridge (same unit, later definition).
const std::string observed = [] {
  g_static_bridged = "static-init";
  auto w = asyncctx::wrap([] { return g_static_bridged; });
  g_static_bridged.clear();
  std::string seen = "not run";
  std::thread t([&] { seen = w(); });
  t.join();
  return seen;
}();

} // namespace

std::string static_init_bridge_result() { return observed; }

} // namespace asyncctx_test

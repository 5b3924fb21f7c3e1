// Which reads the fix carries: a thread_local that an asyncctx::bridge in the
// same file returns (a bridge registers itself, no option needed), a listed
// thread_local without a bridge (reported with the reason and how to register
// one, no fix), folly::RequestContext (no bridge ships: no fix), and the option
// BridgedSources for bridges registered in another file.
//
// RUN: %check_clang_tidy -check-suffix=DEFAULT %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     asyncctx-callback-without-context.ContextSources: 'g_request_id;legacy::g_tenant;legacy::g_unbridged;legacy::g_user'}}" \
// RUN:   -- -std=c++20 -I%runtime_include
// RUN: %check_clang_tidy -check-suffix=ELSEWHERE %s asyncctx-callback-without-context %t \
// RUN:   -config="{CheckOptions: { \
// RUN:     asyncctx-callback-without-context.ContextSources: 'g_request_id;legacy::g_tenant;legacy::g_unbridged;legacy::g_user', \
// RUN:     asyncctx-callback-without-context.BridgedSources: '::legacy::g_unbridged;folly::RequestContext'}}" \
// RUN:   -- -std=c++20 -I%runtime_include

#include <asyncctx/asyncctx.hpp>
#include <string>
#include <thread>

thread_local std::string g_request_id;
static const auto request_bridge =
    asyncctx::bridge([]() -> std::string & { return g_request_id; });

namespace legacy {
thread_local int g_tenant;
int &tenant() { return g_tenant; }
thread_local std::string g_unbridged;
// (The notes at declarations are expected after the findings they belong to.)
thread_local long g_user;
// (Bridged below, but with the general form only.)
} // namespace legacy

// A function accessor registers as well as a lambda.
static const auto tenant_bridge = asyncctx::bridge(&legacy::tenant);

// The general form names no variable: it bridges nothing the check can see.
static const auto user_bridge = asyncctx::bridge(
    [] { return legacy::g_user; }, [](long) { return 0; }, [](int) {});

// Stand-in for folly's declaration, matched by its qualified name.
namespace folly {
class RequestContext {
  // (No bridge ships for it.)
public:
  static RequestContext *get();
};
} // namespace folly

asyncctx::Local<int> request_number;

std::string current_request() { return g_request_id; }

void bridged_in_this_file() {
  std::thread T([] { (void)g_request_id.size(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:28: note: context is read here
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-3]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:28: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T(asyncctx::wrap([] { (void)g_request_id.size(); }));
  // CHECK-FIXES-ELSEWHERE: std::thread T(asyncctx::wrap([] { (void)g_request_id.size(); }));
  T.join();
  // Through a function.
  std::thread U([] { (void)current_request(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:28: note: through this call to 'current_request'
  // CHECK-MESSAGES-DEFAULT: :52:40: note: context is read here
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_request_id' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-5]]:28: note: through this call to 'current_request'
  // CHECK-MESSAGES-ELSEWHERE: :52:40: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread U(asyncctx::wrap([] { (void)current_request(); }));
  // CHECK-FIXES-ELSEWHERE: std::thread U(asyncctx::wrap([] { (void)current_request(); }));
  U.join();
}

void bridged_through_a_function() {
  std::thread T([] { (void)legacy::g_tenant; });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_tenant' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:36: note: context is read here
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-3]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_tenant' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:36: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T(asyncctx::wrap([] { (void)legacy::g_tenant; }));
  // CHECK-FIXES-ELSEWHERE: std::thread T(asyncctx::wrap([] { (void)legacy::g_tenant; }));
  T.join();
}

// A bridged variable is a source without being listed: the bridge line is its
// registration.
thread_local int g_session;
static const auto session_bridge =
    asyncctx::bridge([]() -> int & { return g_session; });

void bridged_but_not_listed() {
  std::thread T([] { (void)g_session; });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_session' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:28: note: context is read here
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-3]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_session' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:28: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T(asyncctx::wrap([] { (void)g_session; }));
  // CHECK-FIXES-ELSEWHERE: std::thread T(asyncctx::wrap([] { (void)g_session; }));
  T.join();
}

// Bridges registered in a function and in a function template (found in its
// instantiation) count too; a thread_local no bridge returns is no source.
thread_local int g_shard;
thread_local int g_region;
void install_shard_bridge() {
  static const auto shard_bridge =
      asyncctx::bridge([]() -> int & { return g_shard; });
}
template <class T> void install_region_bridge() {
  static const auto region_bridge =
      asyncctx::bridge([]() -> int & { return g_region; });
}
template void install_region_bridge<int>();

void bridged_in_functions() {
  std::thread Shard([] { (void)g_shard; });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:21: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_shard' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:32: note: context is read here
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-3]]:21: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_shard' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:32: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread Shard(asyncctx::wrap([] { (void)g_shard; }));
  // CHECK-FIXES-ELSEWHERE: std::thread Shard(asyncctx::wrap([] { (void)g_shard; }));
  std::thread Region([] { (void)g_region; });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:22: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_region' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:33: note: context is read here
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-3]]:22: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_region' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:33: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread Region(asyncctx::wrap([] { (void)g_region; }));
  // CHECK-FIXES-ELSEWHERE: std::thread Region(asyncctx::wrap([] { (void)g_region; }));
  Shard.join();
  Region.join();
}

void not_bridged() {
  std::thread T([] { (void)legacy::g_unbridged.size(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_unbridged', a thread_local that 'asyncctx::wrap' does not carry without a bridge [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:36: note: context is read here
  // CHECK-MESSAGES-DEFAULT: :28:26: note: register a bridge: static const auto g_unbridged_bridge = asyncctx::bridge([]() -> std::string & { return legacy::g_unbridged; });
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_unbridged' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-5]]:36: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T([] { (void)legacy::g_unbridged.size(); });
  // CHECK-FIXES-ELSEWHERE: std::thread T(asyncctx::wrap([] { (void)legacy::g_unbridged.size(); }));
  T.join();
  // Only the three-callable form registers a bridge for it.
  std::thread U([] { (void)legacy::g_user; });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_user', a thread_local that 'asyncctx::wrap' does not carry without a bridge [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:36: note: context is read here
  // CHECK-MESSAGES-DEFAULT: :30:19: note: register a bridge: static const auto g_user_bridge = asyncctx::bridge([]() -> long & { return legacy::g_user; });
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_user', a thread_local that 'asyncctx::wrap' does not carry without a bridge [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-5]]:36: note: context is read here
  // CHECK-MESSAGES-ELSEWHERE: :30:19: note: register a bridge: static const auto g_user_bridge = asyncctx::bridge([]() -> long & { return legacy::g_user; });
  // CHECK-FIXES-DEFAULT: std::thread U([] { (void)legacy::g_user; });
  // CHECK-FIXES-ELSEWHERE: std::thread U([] { (void)legacy::g_user; });
  U.join();
}

void carried_read_before_a_lost_one() {
  // The first read (a Local) is carried, the second is not: wrapping would
  // silence the finding while g_unbridged stays behind.
  std::thread T([] {
    (void)request_number.get();
    (void)legacy::g_unbridged.size();
  });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_unbridged', a thread_local that 'asyncctx::wrap' does not carry without a bridge [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-3]]:19: note: context is read here
  // CHECK-MESSAGES-DEFAULT: :28:26: note: register a bridge: static const auto g_unbridged_bridge
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-7]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'request_number' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-7]]:11: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T([] {
  // CHECK-FIXES-ELSEWHERE: std::thread T(asyncctx::wrap([] {
  T.join();
}

void folly_request_context() {
  std::thread T([] { (void)folly::RequestContext::get(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'get' from 'folly::RequestContext', which 'asyncctx::wrap' does not carry without a bridge [asyncctx-callback-without-context]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:51: note: context is read here
  // CHECK-MESSAGES-DEFAULT: :43:7: note: register a bridge for 'folly::RequestContext' (docs/runtime.md, "Bridges") and list it in the option BridgedSources
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-4]]:17: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'get' [asyncctx-callback-without-context]
  // CHECK-MESSAGES-ELSEWHERE: :[[@LINE-5]]:51: note: context is read here
  // CHECK-FIXES-DEFAULT: std::thread T([] { (void)folly::RequestContext::get(); });
  // CHECK-FIXES-ELSEWHERE: std::thread T(asyncctx::wrap([] { (void)folly::RequestContext::get(); }));
  T.join();
}

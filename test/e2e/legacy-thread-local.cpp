// Adopting asyncctx in a legacy program (docs/user-guide.md, "Adopting asyncctx
// in a legacy code base"): a `thread_local` request id, set per request and read
// by callbacks on a std::thread and an asio::thread_pool. The callbacks print
// no id.
//
// RUN: %clangxx -pthread %s -o %t.legacy
// RUN: %t.legacy | FileCheck %s --check-prefix=LOST
//
// Listed as a source but not bridged: reported with the reason, no fix (a
// wrap alone would not carry the variable), the program is unchanged.
// RUN: cp %s %t.plain.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.plain.cpp \
// RUN:   -config="{CheckOptions: {asyncctx-callback-without-context.ContextSources: 'g_request_id'}}" \
// RUN:   -- %cxxflags | FileCheck %s --check-prefix=UNBRIDGED
// RUN: diff %s %t.plain.cpp
// RUN: %clangxx -pthread %t.plain.cpp -o %t.plain
// RUN: %t.plain | FileCheck %s --check-prefix=LOST
//
// Add the bridge (uncomment the `+bridge` lines), no option: fix, build, run.
// RUN: sed 's|^// +bridge ||' %s > %t.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags \
// RUN:   | FileCheck %s --check-prefix=FINDINGS
// RUN: FileCheck %s --check-prefix=FIXED < %t.cpp
// RUN: %clangxx -pthread %t.cpp -o %t.adopted
// RUN: %t.adopted | FileCheck %s --check-prefix=CARRIED --implicit-check-not='[]'
//
// A second run finds nothing and changes nothing.
// RUN: cp %t.cpp %t.once.cpp
// RUN: %clang_tidy -checks='-*,asyncctx-*' -fix %t.cpp -- %cxxflags \
// RUN:   | FileCheck %s --check-prefix=CLEAN --allow-empty
// RUN: diff %t.once.cpp %t.cpp

// +bridge #include <asyncctx/asyncctx.hpp>
#include <asio/post.hpp>
#include <asio/thread_pool.hpp>
#include <cstdio>
#include <string>
#include <thread>

thread_local std::string g_request_id;
// +bridge static const auto request_bridge =
// +bridge     asyncctx::bridge([]() -> std::string & { return g_request_id; });

void log_line(const char *Message) {
  std::printf("[%s] %s\n", g_request_id.c_str(), Message);
}

void handle(const char *Id) {
  g_request_id = Id;
  log_line("handler");
  std::thread Audit([] { log_line("audit thread"); });
  Audit.join();
  std::thread Mail([] { log_line("mail thread"); });
  Mail.join();
  asio::thread_pool Pool(2);
  asio::post(Pool, [] { log_line("pool task"); });
  Pool.join();
}

int main() {
  handle("req-1");
  handle("req-2");
}

// LOST: [req-1] handler
// LOST-NEXT: [] audit thread
// LOST-NEXT: [] mail thread
// LOST-NEXT: [] pool task
// LOST-NEXT: [req-2] handler

// UNBRIDGED: warning: lambda passed to 'std::thread' runs without the caller's async context; it reads 'g_request_id', a thread_local that 'asyncctx::wrap' does not carry without a bridge
// UNBRIDGED: note: register a bridge: static const auto g_request_id_bridge = asyncctx::bridge([]() -> std::string & { return g_request_id; });
// UNBRIDGED-NOT: FIX-IT

// FINDINGS-COUNT-3: warning: {{.*}} runs without the caller's async context; it reads 'g_request_id'

// FIXED: #include <asyncctx/asyncctx.hpp>
// FIXED: std::thread Audit(asyncctx::wrap([] { log_line("audit thread"); }));
// FIXED: std::thread Mail(asyncctx::wrap([] { log_line("mail thread"); }));
// FIXED: asio::post(Pool, asyncctx::wrap([] { log_line("pool task"); }));

// CARRIED: [req-1] handler
// CARRIED-NEXT: [req-1] audit thread
// CARRIED-NEXT: [req-1] mail thread
// CARRIED-NEXT: [req-1] pool task
// CARRIED-NEXT: [req-2] handler
// CARRIED-NEXT: [req-2] audit thread
// CARRIED-NEXT: [req-2] mail thread
// CARRIED-NEXT: [req-2] pool task

// CLEAN-NOT: warning:

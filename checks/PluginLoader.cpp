//===--- PluginLoader.cpp - asyncctx --------------------------------------===//
//
// libasyncctx-tidy.so, the file `clang-tidy -load` names. The checks are C++
// against one LLVM major version's ABI (libasyncctx-tidy-checks.so, next to
// this file). Loaded into the clang-tidy of another version they fail
// either when loaded (an unresolved symbol: "-load request ignored", then
// "No checks enabled") or later, at the first call into a symbol that
// version lacks ("symbol lookup error"). This file depends on nothing but
// LLVM's C API, which every version has: it compares the version of the LLVM
// library the host process loaded with the one the checks were built for,
// stops with one line naming both if they differ, and loads the checks
// otherwise. See docs/install.md ("Which clang-tidy").
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>

// Weak: a host without libLLVM's dynamic symbols skips the comparison.
extern "C" void LLVMGetVersion(unsigned *Major, unsigned *Minor,
                               unsigned *Patch) __attribute__((weak));

namespace {

[[noreturn]] void fail(const char *Message) {
  std::fputs(Message, stderr);
  std::fflush(stderr);
  std::_Exit(1);
}

__attribute__((constructor)) void loadChecks() {
  Dl_info Self = {};
  const char *Path = "libasyncctx-tidy.so";
  if (dladdr(reinterpret_cast<void *>(&loadChecks), &Self) && Self.dli_fname)
    Path = Self.dli_fname;
  char Message[2 * PATH_MAX + 512];
  if (LLVMGetVersion) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    LLVMGetVersion(&Major, &Minor, &Patch);
    if (Major != LLVM_VERSION_MAJOR) {
      std::snprintf(Message, sizeof(Message),
                    "error: %s is built for clang-tidy %d (LLVM %s) but was "
                    "loaded into clang-tidy %u (LLVM %u.%u.%u); load it into "
                    "clang-tidy-%d, or build asyncctx with "
                    "-DASYNCCTX_LLVM_VERSION=%u\n",
                    Path, LLVM_VERSION_MAJOR, LLVM_VERSION_STRING, Major, Major,
                    Minor, Patch, LLVM_VERSION_MAJOR, Major);
      fail(Message);
    }
  }
  char Checks[PATH_MAX];
  const char *Slash = std::strrchr(Path, '/');
  int DirLength = Slash ? static_cast<int>(Slash - Path + 1) : 0;
  std::snprintf(Checks, sizeof(Checks), "%.*s%s", DirLength, Path,
                ASYNCCTX_CHECKS_MODULE);
  // Never unloaded: the checks register themselves with clang-tidy.
  if (!dlopen(Checks, RTLD_NOW | RTLD_GLOBAL)) {
    std::snprintf(Message, sizeof(Message),
                  "error: %s: cannot load the asyncctx checks: %s\n", Path,
                  dlerror());
    fail(Message);
  }
}

} // namespace

//===--- PluginVersionGuard.cpp - asyncctx --------------------------------===//
//
// The plugin is C++ against one LLVM major version's ABI. Loaded into the
// clang-tidy of another version it would register its checks and then die
// at the first call into a symbol that version does not have ("symbol lookup
// error"). Before any other initializer of the plugin runs, compare the
// version of the LLVM library the host process loaded with the one the
// plugin was built for, and stop with one line naming both. See
// docs/install.md ("Which clang-tidy").
//
//===----------------------------------------------------------------------===//

#include "llvm/Config/llvm-config.h"
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

// The C API is the one interface that is the same in every version; weak,
// so a host without libLLVM's dynamic symbols skips the check instead of
// failing to load.
extern "C" void LLVMGetVersion(unsigned *Major, unsigned *Minor,
                               unsigned *Patch) __attribute__((weak));

namespace {

// Priority 101: before the plugin's C++ static initializers (the check
// registration among them), which may already call into the host.
__attribute__((constructor(101))) void checkHostVersion() {
  if (!LLVMGetVersion)
    return;
  unsigned Major = 0, Minor = 0, Patch = 0;
  LLVMGetVersion(&Major, &Minor, &Patch);
  if (Major == LLVM_VERSION_MAJOR)
    return;
  Dl_info Plugin = {};
  const char *Path = "the asyncctx plugin";
  if (dladdr(reinterpret_cast<void *>(&checkHostVersion), &Plugin) &&
      Plugin.dli_fname)
    Path = Plugin.dli_fname;
  std::fprintf(stderr,
               "error: %s is built for clang-tidy %d (LLVM %s) but was loaded "
               "into clang-tidy %u (LLVM %u.%u.%u); load it into "
               "clang-tidy-%d, or build asyncctx with "
               "-DASYNCCTX_LLVM_VERSION=%u\n",
               Path, LLVM_VERSION_MAJOR, LLVM_VERSION_STRING, Major, Major,
               Minor, Patch, LLVM_VERSION_MAJOR, Major);
  std::fflush(stderr);
  std::_Exit(1);
}

} // namespace

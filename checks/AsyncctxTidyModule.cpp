//===--- AsyncctxTidyModule.cpp - asyncctx --------------------------------===//
//
// Registers the asyncctx checks of checks/Checks.def with clang-tidy when the
// plugin is loaded with `clang-tidy -load libasyncctx-tidy.so`.
//
//===----------------------------------------------------------------------===//

#include "checks/CallbackWithoutContextCheck.h"
#include "checks/CoroutineWithoutContextCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22
// LLVM 22 moved the registry into ClangTidyModule.h and deprecated this one.
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace asyncctx {

class AsyncctxModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
#define ASYNCCTX_CHECK(Name, Class, ShortDescription, FullDescription, Help)   \
  Factories.registerCheck<Class##Check>(Name);
#include "checks/Checks.def"
  }
};

} // namespace asyncctx

static clang::tidy::ClangTidyModuleRegistry::Add<asyncctx::AsyncctxModule>
    AsyncctxModuleRegistration("asyncctx-module",
                               "Checks for callbacks that lose async context.");

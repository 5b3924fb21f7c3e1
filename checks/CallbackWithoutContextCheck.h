//===--- CallbackWithoutContextCheck.h - asyncctx ---------------*- C++ -*-===//

#ifndef ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H
#define ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H

#include "checks/AsyncctxCheck.h"
#include "checks/IncludeOnceInserter.h"
#include <memory>
#include <string>
#include <utility>

namespace asyncctx {

/// Finds callables passed to an async boundary that run without the caller's
/// async context although they read it, and wraps them in an adapter.
///
/// For the user-facing documentation see
/// docs/checks/asyncctx-callback-without-context.md
class CallbackWithoutContextCheck : public AsyncctxCheck {
public:
  CallbackWithoutContextCheck(llvm::StringRef Name,
                              clang::tidy::ClangTidyContext *Context);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void onStartOfTranslationUnit() override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkArgument(const Boundary &B, const clang::Expr *Call, unsigned Index,
                     clang::ASTContext &Context);

  /// A finder that counts only the reads one Carry kind describes.
  struct ReadsOfKind {
    ReadsOfKind(ContextSources KindSources, const BoundaryCatalogue &Boundaries)
        : KindSources(std::move(KindSources)),
          Reads(this->KindSources, Boundaries) {}
    ContextSources KindSources;
    ContextReadFinder Reads;
  };
  /// Builds the finders of reads the fix does not carry or carries with a
  /// bridge header; once per translation unit, at its first read.
  void prepareCarryAnalysis();
  /// The note at \p Declaration that tells how to make reading it carried.
  void emitBridgeAdvice(const clang::NamedDecl *Declaration,
                        clang::ASTContext &Context);

  /// The adapter the fix wraps the executor of coroutine spawn \p B in, and
  /// its header: FixSpawnAdapter and FixSpawnHeader, or the spawn's row of
  /// Catalogue.def.
  std::pair<llvm::StringRef, llvm::StringRef>
  spawnAdapterAndHeader(const Boundary &B) const;

  const bool StrictMode;
  const std::string FixAdapter;
  const std::string FixHeader;
  /// Empty: the catalogue's.
  const std::string FixSpawnAdapter;
  const std::string FixSpawnHeader;
  IncludeOnceInserter Inserter;
  std::unique_ptr<ReadsOfKind> Uncarried;
  std::unique_ptr<ReadsOfKind> NeedsBridge;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H

//===--- CallbackWithoutContextCheck.h - asyncctx ---------------*- C++ -*-===//

#ifndef ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H
#define ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H

#include "checks/BoundaryCatalogue.h"
#include "checks/ContextReadFinder.h"
#include "checks/ContextSources.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>

namespace asyncctx {

/// Finds callables passed to an async boundary that run without the caller's
/// async context although they read it, and wraps them in an adapter.
///
/// For the user-facing documentation see
/// docs/checks/asyncctx-callback-without-context.md
class CallbackWithoutContextCheck : public clang::tidy::ClangTidyCheck {
public:
  CallbackWithoutContextCheck(llvm::StringRef Name,
                              clang::tidy::ClangTidyContext *Context);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void onStartOfTranslationUnit() override;

private:
  /// Reads a `;`-separated list option; a malformed entry is a configuration
  /// error naming the option and the entry.
  std::vector<std::string> readNameList(llvm::StringRef Option);
  /// Reads the `Boundaries` option (`name`, `name@N`, `name@last`).
  std::vector<Boundary> readBoundaryList();
  void checkArgument(const Boundary &B, const clang::Expr *Arg,
                     const clang::SourceManager &SM);

  /// For configuration errors, which name the full option.
  const std::string CheckName;
  const bool StrictMode;
  const std::string FixAdapter;
  const std::string FixHeader;
  clang::tidy::utils::IncludeInserter Inserter;
  /// List options as written, for storeOptions.
  llvm::StringMap<std::string> Raw;

  ContextSources Sources;
  BoundaryCatalogue Boundaries;
  std::unique_ptr<ContextReadFinder> Reads;
  /// Callable arguments already decided, by spelling location: template
  /// instantiations repeat the same argument.
  llvm::DenseSet<clang::SourceLocation> Decided;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H

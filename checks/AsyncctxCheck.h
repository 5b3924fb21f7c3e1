//===--- AsyncctxCheck.h - asyncctx -----------------------------*- C++ -*-===//
//
// What every asyncctx check shares: the options that describe the user's
// context (sources, adapters, guards, boundaries), their validation, and the
// per-translation-unit analyses built from them.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_ASYNCCTXCHECK_H
#define ASYNCCTX_CHECKS_ASYNCCTXCHECK_H

#include "checks/BoundaryCatalogue.h"
#include "checks/ContextReadFinder.h"
#include "checks/ContextSources.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace asyncctx {

class AsyncctxCheck : public clang::tidy::ClangTidyCheck {
public:
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

protected:
  AsyncctxCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  /// Reports a malformed option value as a configuration error naming the
  /// option: never a silent default.
  void optionError(llvm::StringRef Option, const llvm::Twine &Problem);
  /// Reads a boolean option with clang-tidy's parser (`true`, `false`, YAML's
  /// other spellings, integers), which only warns about a malformed value:
  /// here it is also an error.
  bool readBool(llvm::StringRef Option, bool Default);
  /// Reads a `;`-separated list of qualified names, shared with the other
  /// asyncctx checks through `getLocalOrGlobal`.
  std::vector<std::string> readNameList(llvm::StringRef Option);

  /// The notes that lead from a finding to its context read: the first call
  /// on the way, then the read.
  void emitReadNotes(const ContextRead &Read);
  /// The note of the first call on the way to a read.
  static std::string viaNote(const clang::FunctionDecl *Via);

  /// Makes the variables that the translation unit's `asyncctx::bridge`
  /// calls return sources that the fix carries (bridgedVariables), and
  /// returns those bridges. Call before analysing anything; it runs once per
  /// translation unit.
  const std::vector<RegisteredBridge> &
  collectBridges(clang::ASTContext &Context);

  /// Records \p Loc as decided; false if it already was. Template
  /// instantiations and repeated matches reach the same spelling location.
  bool firstTimeAt(clang::SourceLocation Loc) {
    return Decided.insert(Loc).second;
  }

  const std::string CheckName;
  /// List options as written, for storeOptions.
  llvm::StringMap<std::string> Raw;
  ContextSources Sources;
  BoundaryCatalogue Boundaries;
  std::unique_ptr<ContextReadFinder> Reads;

private:
  std::vector<Boundary> readBoundaryList();
  llvm::DenseSet<clang::SourceLocation> Decided;
  bool BridgesCollected = false;
  std::vector<RegisteredBridge> Bridges;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_ASYNCCTXCHECK_H

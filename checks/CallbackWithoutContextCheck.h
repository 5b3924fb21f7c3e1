//===--- CallbackWithoutContextCheck.h - asyncctx ---------------*- C++ -*-===//

#ifndef ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H
#define ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H

#include "checks/AsyncctxCheck.h"
#include "checks/CallableArgument.h"
#include "checks/FactsExtractor.h"
#include "checks/IncludeOnceInserter.h"
#include "checks/WholeProgram.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
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
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// A callable argument that crosses (or may cross) a boundary.
  struct Crossing {
    const clang::Expr *Call;
    const clang::Expr *Arg;
    std::string Boundary;
    bool ReportOnly = false;
    /// The coroutine of a spawn: the fix wraps the executor argument.
    bool Spawned = false;
    /// What the fix wraps the argument (or the spawn's executor) in.
    llvm::StringRef Adapter;
    llvm::StringRef Header;
    Callable Target;
    /// The header whose associator specializations let the wrapper keep
    /// what is associated with the handler: the binder's it went through, or
    /// the Asio boundary's; empty when neither is Asio's.
    llvm::StringRef AssociatorHeader = {};
    /// A source read that the adapter does not carry: no fix.
    const clang::NamedDecl *Lost = nullptr;
    /// The header that registers the bridge a carried read needs.
    llvm::StringRef BridgeHeader = {};
    /// The solve found a read elsewhere that the adapter does not carry.
    bool NoFix = false;
    /// Why wrapping the argument would not compile (FixPlacement.h): the
    /// finding says so and gets no fix.
    std::string UnsafeWrap = {};
  };

  void checkArgument(const Boundary &B, const clang::Expr *Call, unsigned Index,
                     const clang::SourceManager &SM);
  /// A call to a function whose callable parameter may be a boundary in the
  /// whole program (defined elsewhere, or forwarding it elsewhere).
  void checkPossibleBoundary(const clang::Expr *Call,
                             const clang::SourceManager &SM);
  /// Why the fix of \p X (argument \p Index of its call) would not compile;
  /// empty when it would.
  std::string unsafeWrap(const Crossing &X, unsigned Index) const;
  void emitWarning(const Crossing &X, llvm::StringRef Message,
                   const clang::SourceManager &SM);

  // Whole-program analysis (docs/whole-program.md).
  bool wholeProgram() const { return Extractor != nullptr; }
  void startProgram(clang::ASTContext &Context);
  /// Records \p C for the tool's solve, or decides it against the facts
  /// file.
  void settle(const Crossing &X, Candidate C, const clang::SourceManager &SM);
  Candidate candidateFor(const Crossing &X);
  /// The notes that show how the call \p Call of boundary \p B runs the
  /// callable asynchronously, for a boundary inferred from a wrapper.
  std::vector<std::pair<clang::SourceLocation, std::string>>
  boundaryNotes(const Boundary &B, const clang::Expr *Call) const;
  std::vector<NoteFact> boundaryNoteFacts(const Boundary &B,
                                          const clang::Expr *Call);
  std::vector<NoteFact> readNoteFacts(const ContextRead &Read);
  /// Records in \p C the read \p Read found in the translation unit, and
  /// whether \p X's adapter carries it.
  void recordRead(Candidate &C, const Crossing &X, const ContextRead &Read);
  /// The include of each bridge header into the file of \p X's fix, one of
  /// which the solve may find the fix needs.
  std::vector<IncludeFact> bridgeIncludes(const Crossing &X,
                                          const clang::SourceManager &SM);
  clang::SourceLocation locate(const FactLocation &Loc);
  std::optional<clang::FixItHint> includeInsertion(clang::FileID File,
                                                   llvm::StringRef Header);

  /// Builds the finders of reads the fix does not carry or carries with a
  /// bridge header; once per translation unit, at its first read.
  void prepareCarryAnalysis();
  /// Whether the fix of \p X carries \p Read (found in its body): a read it
  /// cannot carry replaces \p Read and takes the fix away
  /// (docs/checks/asyncctx-callback-without-context.md#which-reads-get-a-fix).
  void decideCarry(Crossing &X, ContextRead &Read);
  /// The note at \p Declaration that tells how to make reading it carried.
  void emitBridgeAdvice(const clang::NamedDecl *Declaration);

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
  const std::string FactsFilePath;
  IncludeOnceInserter Inserter;

  FactsSink *Sink = nullptr;
  std::shared_ptr<const LoadedFacts> Loaded;
  clang::ASTContext *Context = nullptr;
  std::unique_ptr<FactsExtractor> Extractor;
  /// This translation unit's facts of files changed since the facts file,
  /// and the solve that includes them.
  UnitFacts Fresh;
  std::unique_ptr<ProgramSolution> FreshSolution;
  const ProgramSolution *Solution = nullptr;
  /// With a sink, each diagnostic of a file carries the include its fix
  /// needs: a candidate that the solve drops must not take it away from a
  /// finding that stays (the tool applies identical edits once).
  std::map<std::pair<clang::FileID, std::string>,
           std::optional<clang::FixItHint>>
      Includes;
  /// Calls in unevaluated operands (never boundaries) and the initializers
  /// of member initializers (no fix), as matched so far in this translation
  /// unit: the matches arrive before those of the calls inside them.
  llvm::DenseSet<const clang::Expr *> Unevaluated;
  llvm::DenseSet<const clang::Expr *> MemberInitializers;
  std::unique_ptr<ReadsOfKind> Uncarried;
  std::unique_ptr<ReadsOfKind> NeedsBridge;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_CALLBACKWITHOUTCONTEXTCHECK_H

//===--- FactsExtractor.h - asyncctx ----------------------------*- C++ -*-===//
//
// Turns one translation unit's AST into whole-program facts
// (checks/ProgramFacts.h), with the same analyses the checks use in the
// translation unit: ContextReadFinder's body walk for reads and calls,
// classifyCallable and the boundary catalogue for forwarded parameters.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_FACTSEXTRACTOR_H
#define ASYNCCTX_CHECKS_FACTSEXTRACTOR_H

#include "checks/ContextReadFinder.h"
#include "checks/ProgramFacts.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace asyncctx {

class FactsExtractor {
public:
  FactsExtractor(ContextReadFinder &Reads, clang::ASTContext &Context);

  /// The cross-TU key of \p D: its USR; empty if it has none.
  const std::string &keyOf(const clang::Decl *D);

  /// \p Loc as facts record it: the file location (a macro's use), with an
  /// absolute path.
  FactLocation locationOf(clang::SourceLocation Loc);

  /// Facts of \p FD's definition, computed once; null if it has no body here
  /// (or no key).
  const FunctionFacts *factsOf(const clang::FunctionDecl *FD);

  /// Facts of every function the translation unit defines outside system
  /// headers (and of any other body asked about), without the empty ones,
  /// with the content hashes of the files defining them, and \p Bridges, the
  /// bridges the translation unit registers (bridgedVariables).
  UnitFacts unitFacts(llvm::StringRef MainFile,
                      llvm::ArrayRef<RegisteredBridge> Bridges);

private:
  void extract(const clang::FunctionDecl *Definition, FunctionFacts &Facts);
  /// The first direct read of \p Definition that \p Kind counts, with what
  /// the solve needs to decide whether the fix carries it.
  std::optional<ReadFact> carryRead(ReadsOfKind &Kind,
                                    const clang::FunctionDecl *Definition);
  const std::string &pathOf(clang::FileID File);

  ContextReadFinder &Reads;
  /// Reads the fix does not carry, reads needing a bridge header, reads of
  /// thread_locals that are no source here
  /// (docs/whole-program.md#bridges-and-carry).
  ReadsOfKind LostReads, BridgeReads, ThreadLocalReads;
  clang::ASTContext &Context;
  clang::SourceManager &SM;
  llvm::DenseMap<const clang::Decl *, std::string> Keys;
  llvm::DenseMap<clang::FileID, std::string> Paths;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionFacts>>
      Facts;
  /// Definitions in the order they were first asked about.
  std::vector<const clang::FunctionDecl *> Order;
  bool AllExtracted = false;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_FACTSEXTRACTOR_H

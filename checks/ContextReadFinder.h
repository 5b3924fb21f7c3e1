//===--- ContextReadFinder.h - asyncctx -------------------------*- C++ -*-===//
//
// Does running a function read async context, directly or through what it
// calls?
// (docs/checks/asyncctx-callback-without-context.md#what-counts-as-reading-context,
// "reads context transitively".)
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_CONTEXTREADFINDER_H
#define ASYNCCTX_CHECKS_CONTEXTREADFINDER_H

#include "checks/BoundaryCatalogue.h"
#include "checks/ContextSources.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <vector>

namespace asyncctx {

/// The first context read a function performs.
struct ContextRead {
  /// What is read, as the user knows it: the variable a member is called on
  /// (`request_id` for `request_id.get()`), or the source itself.
  std::string What;
  /// Where the read is spelled (possibly in a callee).
  clang::SourceLocation ReadLoc;
  /// The first function called on the way to the read when it is indirect.
  const clang::FunctionDecl *Via = nullptr;
  /// Where the analysed function refers to \c Via.
  clang::SourceLocation ViaLoc;
  /// The source or adapter used; null for a propagating boundary call.
  const clang::NamedDecl *Source = nullptr;
};

/// A function that running a body runs, for whole-program facts.
struct FunctionUse {
  const clang::FunctionDecl *Callee;
  clang::SourceLocation Loc;
  /// Called through a virtual function: an override may run instead.
  bool Virtual = false;
  /// A lambda the body runs (a lambda variable's call operator).
  bool Lambda = false;
};

/// What a body does itself, without following calls: its first direct read
/// and the functions it runs before it, in source order.
struct DirectUses {
  std::optional<ContextRead> Read;
  std::vector<FunctionUse> Uses;
};

/// Finds the first context read reachable from a function body: through
/// calls and references to functions whose definitions are visible (outside
/// system headers), to any depth, and through nested lambdas, except those
/// handed to another async boundary (they run elsewhere and are reported on
/// their own). Calling an adapter counts as a read: it captures the context.
///
/// Results are memoized per declaration. Recursion is handled like Tarjan's
/// strongly connected components: a negative answer that depended on a
/// function still being analysed stays provisional until that function is
/// decided, so a cycle never caches a wrong "no".
class ContextReadFinder {
public:
  ContextReadFinder(const ContextSources &Sources,
                    const BoundaryCatalogue &Boundaries)
      : Sources(Sources), Boundaries(Boundaries) {}

  /// The first context read of \p FD's body, or nullopt.
  std::optional<ContextRead> findRead(const clang::FunctionDecl *FD);

  /// The read that evaluating \p S itself performs (not its children): a use
  /// of a source, or of a function or lambda that reads. For walking a CFG,
  /// whose elements are the subexpressions one by one.
  std::optional<ContextRead> readAt(const clang::Stmt *S);

  /// The read that using \p D at \p Loc performs, naming it \p What.
  std::optional<ContextRead> readByUse(const clang::NamedDecl *D,
                                       std::string What,
                                       clang::SourceLocation Loc);

  /// What \p FD's body does itself (whole-program facts): the same walk as
  /// findRead, recording calls instead of following them.
  DirectUses directUses(const clang::FunctionDecl *FD);

  /// Whether \p FD's body activates a captured snapshot itself (an
  /// `asyncctx::Scope`, `Snapshot::run`, a `RestoreGuards` entry): a callable
  /// that does carries its context by hand.
  bool activatesSnapshot(const clang::FunctionDecl *FD);

  const ContextSources &sources() const { return Sources; }
  const BoundaryCatalogue &boundaries() const { return Boundaries; }

private:
  friend class BodyScanner;
  enum class State { InProgress, Provisional, Done };
  struct Entry {
    State Status = State::InProgress;
    /// For InProgress: the depth on the analysis stack; for Provisional: the
    /// lowest depth the negative answer depended on.
    unsigned LowLink = 0;
    std::optional<ContextRead> Read;
  };

  std::optional<ContextRead> scan(const clang::FunctionDecl *FD,
                                  std::vector<FunctionUse> *Uses = nullptr);
  /// A use of \p D that reads by itself: a source or an adapter.
  std::optional<ContextRead> directRead(const clang::NamedDecl *D,
                                        std::string &What,
                                        clang::SourceLocation Loc);
  /// The function that using \p D runs: a function, or a lambda variable's
  /// call operator.
  static const clang::FunctionDecl *functionRunBy(const clang::NamedDecl *D);
  void settleProvisionals(size_t From, bool ReadFound);

  const ContextSources &Sources;
  const BoundaryCatalogue &Boundaries;
  llvm::DenseMap<const clang::FunctionDecl *, Entry> Memo;
  llvm::DenseMap<const clang::FunctionDecl *, bool> ActivatesMemo;
  std::vector<const clang::FunctionDecl *> Provisionals;
  unsigned Depth = 0;
  unsigned LowLink = ~0U;
};

/// A finder that counts only the reads one restriction of the sources
/// describes (ContextSources::onlyCarried, onlyUnlistedThreadLocals).
struct ReadsOfKind {
  ReadsOfKind(ContextSources KindSources, const BoundaryCatalogue &Boundaries)
      : KindSources(std::move(KindSources)),
        Reads(this->KindSources, Boundaries) {}
  ContextSources KindSources;
  ContextReadFinder Reads;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_CONTEXTREADFINDER_H

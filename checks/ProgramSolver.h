//===--- ProgramSolver.h - asyncctx -----------------------------*- C++ -*-===//
//
// One solve over the facts of a whole program: which functions read context
// (through calls in any translation unit, virtual overrides included) and
// which callable parameters are boundaries (forwarded to one, or handed off
// once through a queue). Decides the candidate findings. No AST.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_PROGRAMSOLVER_H
#define ASYNCCTX_CHECKS_PROGRAMSOLVER_H

#include "checks/ProgramFacts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace asyncctx {

/// The message of asyncctx-callback-without-context.
std::string callbackMessage(llvm::StringRef Description,
                            llvm::StringRef Boundary,
                            const std::string *ReadWhat, bool ReportOnly,
                            llvm::StringRef WhyReadIsLost = "");

/// What follows "it reads 'X'" when \p Adapter does not carry the read: of a
/// thread_local (\p LostFrom empty), or from the source \p LostFrom.
std::string lostReadReason(llvm::StringRef LostFrom, llvm::StringRef Adapter);

/// The note of a wrapper that hands a callable on to \p Inner.
std::string forwardingNote(llvm::StringRef Wrapper, llvm::StringRef Inner);
/// The note of an override that a call through its base method may run.
std::string overrideNote(llvm::StringRef Override);
/// The note of a call on the way to a read; \p Callee empty for a lambda.
std::string throughCallNote(llvm::StringRef Callee);
/// The note at a read.
inline constexpr llvm::StringLiteral ReadHereNote = "context is read here";

/// A boundary the solve inferred, with its evidence, for
/// `asyncctx boundaries`.
struct InferredBoundary {
  std::string Key;
  std::string Name;
  unsigned Param = 0;
  FactLocation Loc;
  /// How the parameter reaches a boundary, as a finding's notes show it.
  std::vector<NoteFact> Evidence;
  /// For a queue: the member, where the callable is taken out, and the
  /// boundary call that starts what takes it out, if visible.
  std::string Queue;
  std::optional<NoteFact> TakenOut;
  std::optional<NoteFact> RunBy;
};

class ProgramSolution {
public:
  /// Solves over \p Functions; a key defined more than once (inline functions
  /// of headers, seen by every unit including them) keeps its first facts.
  /// \p BridgedVariables are the keys of the variables bridges register
  /// anywhere in the program. The facts must outlive the solution. Linear in
  /// the size of the facts.
  explicit ProgramSolution(std::vector<const FunctionFacts *> Functions,
                           std::vector<std::string> BridgedVariables = {});

  /// Collects the functions of \p Units, in order.
  static std::vector<const FunctionFacts *>
  functionsOf(llvm::ArrayRef<UnitFacts> Units);
  /// Collects the bridged variables of \p Units.
  static std::vector<std::string> bridgesOf(llvm::ArrayRef<UnitFacts> Units);

  /// Whether a bridge registered anywhere carries the variable \p Key.
  bool isBridged(llvm::StringRef Key) const { return Bridged.contains(Key); }

  bool reads(llvm::StringRef Key) const;
  /// What running \p Key reads, and the notes from its body to the read.
  std::optional<std::string> readWhat(llvm::StringRef Key) const;
  std::vector<NoteFact> readNotes(llvm::StringRef Key) const;
  /// A read that running \p Key performs and the fix does not carry, with
  /// the notes to it; null if none.
  const ReadFact *lostRead(llvm::StringRef Key,
                           std::vector<NoteFact> *Notes = nullptr) const;
  /// A read that running \p Key performs whose bridge a header registers;
  /// null if none.
  const ReadFact *bridgeRead(llvm::StringRef Key) const;

  bool isBoundary(llvm::StringRef Key, unsigned Param) const;
  /// Where \p Key hands parameter \p Param on, hop by hop, to the boundary.
  std::vector<NoteFact> boundaryNotes(llvm::StringRef Key,
                                      unsigned Param) const;

  /// Every inferred boundary, ordered by name, parameter and key.
  std::vector<InferredBoundary> inferredBoundaries() const;

  const FunctionFacts *facts(llvm::StringRef Key) const;

private:
  static constexpr unsigned Unreached = ~0U;
  /// Which functions reach a read of one kind: distances and where a path
  /// through a virtual dispatch goes on.
  struct ReadPaths {
    /// Each function's own read of the kind; null if none.
    std::vector<const ReadFact *> Direct;
    std::vector<unsigned> Distance;
    std::vector<unsigned> DispatchNext;
  };
  /// The read of \p Paths' kind that running \p Key reaches, and the notes
  /// to it.
  const ReadFact *pathToRead(const ReadPaths &Paths, llvm::StringRef Key,
                             std::vector<NoteFact> *Notes) const;
  void solveReads();
  void solveBoundaries();
  unsigned functionNode(llvm::StringRef Key) const;
  unsigned dispatchNode(llvm::StringRef Key) const;
  unsigned callTarget(const CallFact &Call) const;
  unsigned parameterNode(llvm::StringRef Key, unsigned Param) const;
  const DrainFact *drainElsewhere(const ForwardFact &Store,
                                  llvm::StringRef Function) const;
  /// The function node a read path continues in from node \p N.
  unsigned resolveDispatch(const ReadPaths &Paths, unsigned N) const;
  /// What makes parameter node \p N, at distance 0, a boundary: a forward to
  /// a boundary, or a store with the drain that takes it out.
  struct Evidence {
    const ForwardFact *Forward;
    const DrainFact *Drain;
  };
  Evidence evidence(unsigned N) const;
  /// The next node from \p N towards its evidence, and the note of the hop.
  std::pair<unsigned, NoteFact> nextHop(unsigned N) const;
  std::string parameterOwner(unsigned N) const;
  /// The boundary call that starts \p Function, if the facts show one.
  const SpawnFact *startOf(llvm::StringRef Function) const;

  std::vector<const FunctionFacts *> Functions;
  llvm::StringMap<unsigned> FunctionIndex;
  /// Virtual dispatch of a method: the method and every override.
  llvm::StringMap<unsigned> DispatchIndex;
  std::vector<std::string> DispatchKeys;
  std::vector<std::vector<unsigned>> DispatchTargets;
  llvm::StringSet<> Bridged;
  /// Reads of any kind, reads the fix does not carry, reads that need a
  /// bridge header.
  ReadPaths AnyRead, LostReads, BridgeReads;

  /// (function, parameter) pairs that forward somewhere.
  llvm::StringMap<unsigned> ParameterIndex;
  struct ParameterNode {
    const FunctionFacts *Function;
    unsigned Param;
  };
  std::vector<ParameterNode> Parameters;
  std::vector<std::string> ParameterKeys;
  std::vector<unsigned> BoundaryDistance;
  /// For a reached node that only an override makes a boundary: which one.
  std::vector<const FunctionFacts *> OverriderHop;
  llvm::StringMap<std::vector<const DrainFact *>> Drains;
  llvm::StringMap<std::vector<const SpawnFact *>> SpawnsOf;
  llvm::StringMap<std::vector<llvm::StringRef>> CallersOf;
  /// Overrides of each method key, in fact order.
  llvm::StringMap<std::vector<const FunctionFacts *>> OverridersOf;
};

/// A decided candidate: the finding's message and notes, and what its fix
/// may be.
struct Decision {
  std::string Message;
  std::vector<NoteFact> Notes;
  /// False when the callable reads a source the fix does not carry: the
  /// finding keeps no fix-it.
  bool Fix = true;
  /// The header the fix also includes, registering the bridge of a read.
  std::string BridgeHeader;
};

/// Decides \p C against the program: a finding if its boundary is one and
/// it reads context (or StrictMode was on).
std::optional<Decision> decide(const Candidate &C, const ProgramSolution &S);

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_PROGRAMSOLVER_H

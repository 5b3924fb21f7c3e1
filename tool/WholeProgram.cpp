//===--- WholeProgram.cpp - asyncctx standalone tool ----------------------===//
//
// The solve after the last translation unit (docs/whole-program.md): the
// units' facts, ordered by translation unit so that every run (sharded or
// not) sees the same first definition of a function, decide the candidates.
//
//===----------------------------------------------------------------------===//

#include "checks/ProgramSolver.h"
#include "tool/Tool.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include <tuple>

namespace asyncctx::tool {

/// The units by path (then as given): the same order whatever order the
/// shards came in.
static std::vector<const UnitFacts *>
inUnitOrder(const std::vector<UnitFacts> &Units) {
  std::vector<const UnitFacts *> Ordered;
  for (const UnitFacts &U : Units)
    Ordered.push_back(&U);
  llvm::sort(Ordered, [](const UnitFacts *A, const UnitFacts *B) {
    return std::tie(A->File, A) < std::tie(B->File, B);
  });
  return Ordered;
}

static std::vector<const FunctionFacts *>
orderedFunctions(const std::vector<UnitFacts> &Units) {
  std::vector<const FunctionFacts *> Functions;
  for (const UnitFacts *U : inUnitOrder(Units))
    for (const FunctionFacts &F : U->Functions)
      if (!F.Key.empty()) // not dropped as a repeat
        Functions.push_back(&F);
  return Functions;
}

void RepeatedDefinitions::dropFrom(std::vector<UnitFacts> &Units,
                                   size_t FirstNew) {
  // inUnitOrder's order: by path, then as read.
  auto Before = [&](unsigned A, unsigned B) {
    return std::tie(Units[A].File, A) < std::tie(Units[B].File, B);
  };
  for (unsigned U = FirstNew; U < Units.size(); ++U)
    for (unsigned I = 0; I < Units[U].Functions.size(); ++I) {
      FunctionFacts &F = Units[U].Functions[I];
      if (F.Key.empty())
        continue;
      auto [It, New] = DefinedIn.try_emplace(F.Key, U, I);
      if (New)
        continue;
      auto &[HeldBy, HeldAt] = It->second;
      if (HeldBy == U || Before(HeldBy, U)) {
        F = FunctionFacts();
        continue;
      }
      Units[HeldBy].Functions[HeldAt] = FunctionFacts();
      It->second = {U, I};
    }
}

static Position positionOf(const FactLocation &L) {
  Position P;
  P.File = L.File;
  P.Offset = L.Offset;
  fillLineColumn(P);
  return P;
}

/// The provisional fix-its were computed as if the fix carried everything:
/// none when a read stays lost, the bridge header's include when a read needs
/// it (docs/whole-program.md#bridges-and-carry).
static void applyDecidedFix(Finding &F, const Decision &D, const Candidate &C) {
  if (!D.Fix) {
    F.Fixes.clear();
    return;
  }
  if (D.BridgeHeader.empty())
    return;
  for (const IncludeFact &Include : C.BridgeIncludes)
    if (Include.Header == D.BridgeHeader)
      F.Fixes.emplace_back(Include.Loc.File, Include.Loc.Offset, 0,
                           Include.Text);
  llvm::sort(F.Fixes);
  F.Fixes.erase(std::unique(F.Fixes.begin(), F.Fixes.end()), F.Fixes.end());
}

void decideProgram(Report &R) {
  if (!R.Candidates.empty()) {
    ProgramSolution Solution(orderedFunctions(R.Units),
                             ProgramSolution::bridgesOf(R.Units));
    for (auto &[Provisional, C] : R.Candidates) {
      std::optional<Decision> D = decide(C, Solution);
      if (!D)
        continue;
      Finding F = std::move(Provisional);
      F.Message = D->Message;
      applyDecidedFix(F, *D, C);
      F.Notes.clear();
      for (const NoteFact &N : D->Notes)
        F.Notes.push_back({N.Message, positionOf(N.Loc)});
      R.Findings.push_back(std::move(F));
    }
    // Sorted and fingerprinted together, as one unsharded run does.
    R.Findings = uniqueFindings(std::move(R.Findings));
    assignFingerprints(R.Findings, R.Root);
  }
  R.Units.clear();
  R.Candidates.clear();
}

void writeFactsFile(llvm::raw_ostream &OS,
                    const std::vector<UnitFacts> &Units) {
  FactsFile File;
  for (const UnitFacts *U : inUnitOrder(Units))
    File.Units.push_back(*U);
  asyncctx::writeFactsFile(OS, File);
}

static llvm::json::Object noteJSON(const NoteFact &N, llvm::StringRef Root) {
  Position P = positionOf(N.Loc);
  return llvm::json::Object{{"message", N.Message},
                            {"file", relativePath(P.File, Root)},
                            {"line", P.Line},
                            {"column", P.Column}};
}

static void writeNoteText(llvm::raw_ostream &OS, const NoteFact &N,
                          llvm::StringRef Root) {
  Position P = positionOf(N.Loc);
  OS << "  " << relativePath(P.File, Root) << ":" << P.Line << ":" << P.Column
     << ": " << N.Message << "\n";
}

void writeBoundaries(llvm::raw_ostream &OS, const std::vector<UnitFacts> &Units,
                     bool JSON, llvm::StringRef Root) {
  ProgramSolution Solution(orderedFunctions(Units),
                           ProgramSolution::bridgesOf(Units));
  std::vector<InferredBoundary> All = Solution.inferredBoundaries();
  // The `Boundaries` option entry that pins each one (`name@N`).
  auto Entry = [](const InferredBoundary &B) {
    return B.Name + "@" + std::to_string(B.Param);
  };
  if (JSON) {
    llvm::json::Array Boundaries;
    for (const InferredBoundary &B : All) {
      Position P = positionOf(B.Loc);
      llvm::json::Array Evidence;
      for (const NoteFact &N : B.Evidence)
        Evidence.push_back(noteJSON(N, Root));
      llvm::json::Object O{{"name", B.Name},
                           {"parameter", B.Param},
                           {"option", Entry(B)},
                           {"file", relativePath(P.File, Root)},
                           {"line", P.Line},
                           {"column", P.Column},
                           {"evidence", std::move(Evidence)}};
      if (!B.Queue.empty())
        O["queue"] = B.Queue;
      if (B.TakenOut)
        O["taken_out"] = noteJSON(*B.TakenOut, Root);
      if (B.RunBy)
        O["run_by"] = noteJSON(*B.RunBy, Root);
      Boundaries.push_back(std::move(O));
    }
    OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                     {"version", 1},
                                     {"boundaries", std::move(Boundaries)}}))
       << "\n";
    return;
  }
  std::string Pinned;
  for (const InferredBoundary &B : All) {
    Position P = positionOf(B.Loc);
    OS << relativePath(P.File, Root) << ":" << P.Line << ":" << P.Column
       << ": '" << B.Name << "' parameter " << B.Param << " is a boundary"
       << (B.Queue.empty() ? "" : " (through the queue '" + B.Queue + "')")
       << "\n";
    for (const NoteFact &N : B.Evidence)
      writeNoteText(OS, N, Root);
    if (B.RunBy)
      writeNoteText(OS, *B.RunBy, Root);
    Pinned += (Pinned.empty() ? "" : ";") + Entry(B);
  }
  if (All.empty()) {
    OS << "no inferred boundaries\n";
    return;
  }
  OS << "\nTo pin them in .clang-tidy:\n"
     << "  CheckOptions:\n"
     << "    asyncctx-callback-without-context.Boundaries: '" << Pinned
     << "'\n";
}

} // namespace asyncctx::tool

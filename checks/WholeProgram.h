//===--- WholeProgram.h - asyncctx ------------------------------*- C++ -*-===//
//
// How a check takes part in a whole-program analysis (docs/whole-program.md):
// either the standalone tool collects each translation unit's facts and
// candidates and decides them after the last one (a FactsSink), or the
// clang-tidy plugin reads the program's facts from a file (`FactsFile`) and
// decides candidates at once.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_WHOLEPROGRAM_H
#define ASYNCCTX_CHECKS_WHOLEPROGRAM_H

#include "checks/ProgramSolver.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>

namespace asyncctx {

/// Receives what one translation unit contributes to the program. The tool
/// installs one around each translation unit, on the thread that runs it.
class FactsSink {
public:
  virtual ~FactsSink() = default;
  virtual void addUnit(UnitFacts Unit) = 0;
  /// Records \p C; returns the number its provisional diagnostic carries.
  virtual unsigned addCandidate(Candidate C) = 0;

  /// The sink of the translation unit this thread analyses, if any.
  static FactsSink *current();
  /// Installs \p Sink for this thread until destroyed.
  class Scope {
  public:
    explicit Scope(FactsSink *Sink);
    ~Scope();

  private:
    FactsSink *Previous;
  };
};

/// A candidate's provisional diagnostic carries this message, so that the
/// tool pairs it (with its fix-its, past NOLINT and the header filter) with
/// the candidate: `asyncctx-candidate:<number>`.
std::string candidateMarker(unsigned Id);
std::optional<unsigned> parseCandidateMarker(llvm::StringRef Message);

/// A facts file, loaded once per process and shared by every translation
/// unit: the facts of files unchanged since it was written, and their solve.
class LoadedFacts {
public:
  /// Loads \p Path (memoized); null with \p Error set if it cannot be read.
  static std::shared_ptr<const LoadedFacts> load(llvm::StringRef Path,
                                                 std::string &Error);

  /// Files whose content changed since the facts were written: their facts
  /// are ignored, a translation unit's own facts of them are used instead.
  const std::vector<std::string> &staleFiles() const { return Stale; }
  bool isStale(llvm::StringRef File) const { return StaleSet.contains(File); }

  /// The solve over the facts of unchanged files.
  const ProgramSolution &solution() const { return *Solution; }
  /// A solve over the same facts plus \p Fresh (a unit's facts of stale
  /// files, and its bridges).
  std::unique_ptr<ProgramSolution> solveWith(const UnitFacts &Fresh) const;

  /// Whether the stale files have been reported yet (once per process).
  bool takeStaleReport() const;

private:
  FactsFile Facts;
  std::vector<std::string> Stale;
  llvm::StringSet<> StaleSet;
  std::vector<const FunctionFacts *> Current;
  std::vector<std::string> Bridges;
  std::unique_ptr<ProgramSolution> Solution;
  mutable bool StaleReported = false;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_WHOLEPROGRAM_H

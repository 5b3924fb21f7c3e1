//===--- Tool.h - asyncctx standalone tool ----------------------*- C++ -*-===//
//
// Data model shared by the analysis, the reports and the fixer.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_TOOL_TOOL_H
#define ASYNCCTX_TOOL_TOOL_H

#include "checks/ProgramFacts.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace asyncctx::tool {

struct Position {
  std::string File; ///< absolute, normalized; empty for no location
  unsigned Offset = 0;
  unsigned Line = 0, Column = 0; ///< 1-based; Column counts bytes, as clang
};

struct Edit {
  std::string File;
  unsigned Offset = 0, Length = 0;
  std::string Text;
  auto key() const { return std::tie(File, Offset, Length, Text); }
  bool operator<(const Edit &O) const { return key() < O.key(); }
  bool operator==(const Edit &O) const { return key() == O.key(); }
};

struct Note {
  std::string Message;
  Position Pos;
};

struct Finding {
  std::string Check;
  std::string Level = "warning"; ///< "warning" or "error"
  std::string Message;
  Position Pos;
  std::vector<Note> Notes;
  std::vector<Edit> Edits;
  std::string Fingerprint;
  bool Suppressed = false; ///< matched the baseline
};

struct TUResult {
  std::string File;
  bool Analysed = false;
  bool Failed = false;           ///< did not parse
  std::vector<Finding> Findings; ///< check diagnostics
  std::vector<Finding> Errors;   ///< compiler errors
  std::vector<std::string> ConfigErrors;
  /// Whole-program analysis: the unit's facts, and its candidate findings
  /// (the provisional finding, with its position and fix-its, and what the
  /// solve decides).
  UnitFacts Facts;
  std::vector<std::pair<Finding, Candidate>> Candidates;
};

/// Settings that decide how each translation unit is analysed.
struct AnalysisSettings {
  std::string ConfigFile; ///< --config-file
  std::string Config;     ///< --config
  std::string Checks;     ///< --checks, appended to the defaults
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::string ResourceDir; ///< resolved, may be empty
  unsigned Jobs = 1;
  bool Progress = false;
  std::string
      ProgressRoot; ///< paths in the progress line are shown relative to it
  /// Collect facts and candidates for a whole-program solve (--per-tu: off).
  bool WholeProgram = true;
};

/// A loaded compilation database.
struct Database {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::string Path;
  ~Database();
};

/// Loads BUILD_DIR/compile_commands.json (or the file itself); on failure
/// returns null and sets \p Error to a one-line message.
std::unique_ptr<Database> loadDatabase(llvm::StringRef Path,
                                       std::string &Error);
std::vector<std::string> allFiles(const Database &DB);
bool inDatabase(const Database &DB, llvm::StringRef File);
std::string databasePath(const Database &DB);

/// Checks every .clang-tidy that clang-tidy would read for \p Files (and the
/// --config-file); returns one-line errors.
std::vector<std::string>
validateConfiguration(const std::vector<std::string> &Files,
                      const AnalysisSettings &S);

/// Names of the checks the tool runs (after --checks), for --list-checks.
std::vector<std::string> enabledChecks(const AnalysisSettings &S);

/// Analyses \p Files (absolute) in parallel; results are in the order of
/// \p Files whatever the number of jobs.
std::vector<TUResult> analyse(const Database &DB,
                              const std::vector<std::string> &Files,
                              const AnalysisSettings &S);

/// Finds Clang's builtin headers for the binary \p Argv0.
std::string findResourceDir(const char *Argv0, std::string &Searched);

//===--- Reports ----------------------------------------------------------===//

struct RunSummary {
  unsigned TranslationUnits = 0; ///< selected for this run
  unsigned Analysed = 0;
  unsigned FailedToParse = 0;
  unsigned Suppressed = 0; ///< by the baseline or --diff
  std::vector<std::string> ToolErrors;
  bool AllowParseErrors = false;
};

struct Report {
  std::vector<Finding> Findings;  ///< reported (not suppressed), sorted
  std::vector<TUResult *> Failed; ///< TUs that did not parse
  std::vector<std::string> ConfigErrors;
  RunSummary Summary;
  std::string Root; ///< project root: relative paths and fingerprints
  /// A shard's report: the facts and undecided candidates that `merge`
  /// solves (empty once decided).
  std::vector<UnitFacts> Units;
  std::vector<std::pair<Finding, Candidate>> Candidates;
};

//===--- Whole program ----------------------------------------------------===//

/// Moves the facts and candidates of \p Results into \p Units and
/// \p Candidates, ordered by translation unit.
void takeProgram(std::vector<TUResult> &Results, std::vector<UnitFacts> &Units,
                 std::vector<std::pair<Finding, Candidate>> &Candidates);

/// Solves \p Units and appends the findings \p Candidates decide to
/// \p Findings (positions filled; duplicates are left to the caller).
void decideCandidates(
    const std::vector<UnitFacts> &Units,
    const std::vector<std::pair<Finding, Candidate>> &Candidates,
    std::vector<Finding> &Findings);

/// `asyncctx facts`: the facts file the clang-tidy plugin reads.
void writeFactsFile(llvm::raw_ostream &OS, const std::vector<UnitFacts> &Units);

/// `asyncctx boundaries`: every inferred boundary with its evidence.
void writeBoundaries(llvm::raw_ostream &OS, const std::vector<UnitFacts> &Units,
                     llvm::StringRef Format, llvm::StringRef Root);

/// Merges per-TU findings (dedup across TUs), fills line/column, sorts.
std::vector<Finding> collectFindings(std::vector<TUResult> &Results);
void fillLineColumn(Position &P);
void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root);
std::string relativePath(llvm::StringRef File, llvm::StringRef Root);

void writeText(llvm::raw_ostream &OS, const Report &R);
void writeJSON(llvm::raw_ostream &OS, const Report &R);
void writeSARIF(llvm::raw_ostream &OS, const Report &R);

/// Baseline: a JSON file of fingerprints.
bool writeBaseline(llvm::StringRef Path, const std::vector<Finding> &Findings,
                   llvm::StringRef Root, std::string &Error);
bool readBaseline(llvm::StringRef Path, std::multiset<std::string> &Out,
                  std::string &Error);

/// Reads a --format=json report back (for `asyncctx merge`).
bool readJSONReport(llvm::StringRef Path, Report &Into, std::string &Error);

//===--- Fixes ------------------------------------------------------------===//

struct FixSettings {
  std::string Root;
  bool DryRun = false;
  std::string ExportFixes;
  bool ClangFormat = false;
  std::string ClangFormatBinary;
};

/// Applies (or prints, or exports) the edits of \p Findings. Returns the
/// number of problems (conflicts, refused edits, write errors); reports them
/// on errs().
unsigned applyFixes(const std::vector<Finding> &Findings, const FixSettings &S,
                    llvm::raw_ostream &Out, unsigned &FilesChanged);

} // namespace asyncctx::tool

#endif // ASYNCCTX_TOOL_TOOL_H

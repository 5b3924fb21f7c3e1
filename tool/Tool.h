//===--- Tool.h - asyncctx standalone tool ----------------------*- C++ -*-===//
//
// The data model of the tool and its steps. `check` and `fix` run
//   select (Select.cpp) -> analyse (Analyze.cpp) -> filter (Filter.cpp)
// and then emit a report (Report.cpp, Emit.cpp) or fix (Fix.cpp); `merge`
// reads reports back and runs the same filter and emit steps.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_TOOL_TOOL_H
#define ASYNCCTX_TOOL_TOOL_H

#include "checks/ProgramFacts.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}
namespace llvm {
class MemoryBuffer;
}

namespace asyncctx::tool {

constexpr int ExitClean = 0, ExitFindings = 1, ExitError = 2;
/// `fix` ran, but some fixes were not applied: a file refused (outside the
/// root, read-only, generated), conflicting fixes, a fix under which a
/// translation unit would not compile, or a write that failed.
constexpr int ExitNotApplied = 3;

struct Position {
  std::string File; ///< absolute, normalized; empty for no location
  unsigned Offset = 0;
  unsigned Line = 0, Column = 0; ///< 1-based; Column counts bytes, as clang
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
  /// The fix-its, sorted, each once; file paths absolute and normalized.
  std::vector<clang::tooling::Replacement> Fixes;
  std::string Fingerprint;
  /// Why the finding is not reported: "baseline" or "diff"; empty if it is.
  std::string SuppressedBy;
  /// Already printed as its translation unit finished (the text report on a
  /// terminal): the final text report leaves it out.
  bool Shown = false;
};

struct ParseFailure {
  std::string File;
  std::vector<Finding> Errors; ///< compiler errors
};

struct TUResult {
  std::string File;
  bool Analysed = false;
  std::optional<ParseFailure> Failure; ///< set if it did not parse
  std::vector<Finding> Findings;       ///< check diagnostics
  std::vector<std::string> ConfigErrors;
  /// Whole-program analysis: the unit's facts, and its candidate findings
  /// (the provisional finding, with its position and fix-its, and what the
  /// solve decides).
  UnitFacts Facts;
  std::vector<std::pair<Finding, Candidate>> Candidates;
  /// Every file the unit read (absolute, sorted), when it compiled: the
  /// translation units `fix` compiles again to verify an edit of a file.
  std::vector<std::string> FilesRead;
};

/// A translation unit that compiled, and the files it read.
struct CompiledUnit {
  std::string File;
  std::vector<std::string> FilesRead;
};

struct RunSummary {
  unsigned TranslationUnits = 0; ///< selected for this run
  unsigned Analysed = 0;
  unsigned FailedToParse = 0;
  unsigned Suppressed = 0; ///< by the baseline or --diff
  std::vector<std::string> ToolErrors;
  bool AllowParseErrors = false;
};

struct Report {
  std::vector<Finding> Findings; ///< reported (not suppressed), sorted
  /// Suppressed by the baseline or --diff (the HTML report shows them
  /// folded, SARIF as suppressed results); JSON reports carry them to merge.
  std::vector<Finding> Suppressed;
  std::vector<ParseFailure> Failed;
  std::vector<std::string> ConfigErrors;
  RunSummary Summary;
  std::string Root; ///< project root: relative paths and fingerprints
  /// The facts and the candidates not decided yet: a shard's report carries
  /// them for `merge` (docs/whole-program.md).
  std::vector<UnitFacts> Units;
  std::vector<std::pair<Finding, Candidate>> Candidates;
  /// The translation units that compiled (fix verification).
  std::vector<CompiledUnit> Compiled;
  /// Where the SARIF rules' help links point (--docs-url): the directory of
  /// docs/ as a URI, or empty for the docs next to the tool.
  std::string DocsURL;
  /// Text: colours as clang's (--color); no summary line (--quiet).
  bool Color = false;
  bool Quiet = false;
};

//===--- Paths and processes (Paths.cpp) ----------------------------------===//

/// \p Path made absolute (against \p Base, else the working directory)
/// without `.` and `..`.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base = "");
/// The contents of \p Path ('-': standard input), or null with \p Error set
/// to "cannot read WHAT 'PATH': REASON" (WHAT may be empty).
std::unique_ptr<llvm::MemoryBuffer>
readFile(llvm::StringRef Path, llvm::StringRef What, std::string &Error);
/// \p File relative to \p Root if it is under it, else \p File.
std::string relativePath(llvm::StringRef File, llvm::StringRef Root);
/// The top level of the git work tree containing \p Dir, or "".
std::string gitTopLevel(llvm::StringRef Dir);
/// Lines changed since git revision \p Rev (working tree included) in the
/// git work tree of \p Dir, per absolute file.
using ChangedLines = std::map<std::string, std::set<unsigned>>;
bool changedLines(llvm::StringRef Rev, llvm::StringRef Dir,
                  ChangedLines &Changed, std::string &Error);

//===--- Select (Select.cpp) ----------------------------------------------===//

/// A loaded compilation database.
struct Database {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::string Path;
  ~Database();
};

struct SelectionRequest {
  std::string BuildDir;           ///< -p
  std::vector<std::string> Files; ///< FILES...
  std::string FilesFrom;          ///< --files-from
  unsigned ShardIndex = 0, ShardCount = 0;
};

/// Loads the database and chooses the translation units to analyse (absolute,
/// sorted). On failure sets \p Error to a one-line message.
bool selectTranslationUnits(const SelectionRequest &Request,
                            std::unique_ptr<Database> &DB,
                            std::vector<std::string> &Files,
                            std::string &Error);

//===--- Analyse (Analyze.cpp) --------------------------------------------===//

/// Settings that decide how each translation unit is analysed.
struct AnalysisSettings {
  std::string ConfigFile; ///< --config-file
  std::string Config;     ///< --config
  std::string Checks;     ///< --checks, appended to the defaults
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::vector<std::string> RemovedArgs; ///< --removed-arg
  std::string ResourceDir;              ///< resolved, may be empty
  unsigned Jobs = 1;
  bool Progress = false;
  std::string ProgressRoot; ///< progress paths are shown relative to it
  /// Collect facts and candidates for a whole-program solve (--per-tu: off).
  bool WholeProgram = true;
  /// Called as each translation unit finishes, one call at a time.
  std::function<void(const TUResult &)> OnUnitDone;
};

/// Checks every .clang-tidy that clang-tidy would read for \p Files (and the
/// --config-file); returns one-line errors.
std::vector<std::string>
validateConfiguration(const std::vector<std::string> &Files,
                      const AnalysisSettings &S);

/// --verify-config: every check and option name addressed to asyncctx in
/// the configuration of \p Files, as clang-tidy --verify-config reports
/// them ("FILE: warning: unknown check option 'X'; did you mean 'Y'").
std::vector<std::string>
verifyConfiguration(const std::vector<std::string> &Files,
                    const AnalysisSettings &S);

/// Names of the checks the tool runs (after --checks), for --list-checks.
std::vector<std::string> enabledChecks(const AnalysisSettings &S);

/// Analyses \p Files (absolute) in parallel; results are in the order of
/// \p Files whatever the number of jobs. Positions have lines and columns.
std::vector<TUResult> analyse(const Database &DB,
                              const std::vector<std::string> &Files,
                              const AnalysisSettings &S);

/// The first error of a compile: where it is in the text compiled, and
/// clang's message.
struct CompileError {
  std::string File; ///< absolute
  unsigned Offset = 0;
  std::string Message;
  /// The places (absolute file, offset) of the error and of its notes
  /// ("in instantiation of ... requested here").
  std::vector<std::pair<std::string, unsigned>> Places;
};

/// Compiles translation unit \p File syntax-only, with the compile command
/// and adjustments analyse() used, reading \p Overlay (absolute path ->
/// contents) instead of those files on disk. None if it compiles.
std::optional<CompileError>
compileWith(const Database &DB, const std::string &File,
            const AnalysisSettings &S,
            const std::map<std::string, std::string> &Overlay);

/// The report of analysed translation units: counts, parse failures,
/// configuration errors, and every finding (unique, sorted, fingerprinted).
Report summarise(std::vector<TUResult> Results, llvm::StringRef Root,
                 bool AllowParseErrors);

/// Finds Clang's builtin headers for the binary \p Argv0.
std::string findResourceDir(const char *Argv0, std::string &Searched);

//===--- Whole program (WholeProgram.cpp) ---------------------------------===//

/// Solves \p R.Units and adds the findings \p R.Candidates decide to
/// \p R.Findings (unique, sorted, fingerprinted again); then forgets both.
void decideProgram(Report &R);

/// Drops, while shards are read, the facts of a function that another unit
/// defines too (an inline function of a header, in every unit that includes
/// it): the solve keeps the definition of the first unit in path order, so
/// the result is the same and only one copy stays in memory.
class RepeatedDefinitions {
public:
  /// Drops the repeats among \p Units[FirstNew...] and between them and the
  /// units before, keeping each key's first definition in unit order.
  void dropFrom(std::vector<UnitFacts> &Units, size_t FirstNew);

private:
  /// Each key's definition so far: the unit and the function's index in it.
  llvm::StringMap<std::pair<unsigned, unsigned>> DefinedIn;
};

/// `asyncctx facts`: the facts file the clang-tidy plugin reads.
void writeFactsFile(llvm::raw_ostream &OS, const std::vector<UnitFacts> &Units);

/// `asyncctx boundaries`: every inferred boundary with its evidence.
void writeBoundaries(llvm::raw_ostream &OS, const std::vector<UnitFacts> &Units,
                     bool JSON, llvm::StringRef Root);

//===--- Filter (Filter.cpp) ----------------------------------------------===//

/// Line and column of \p P.Offset, from the file on disk.
void fillLineColumn(Position &P);
/// The text of the line \p P is on, from the file on disk.
llvm::StringRef lineText(const Position &P);

/// One finding per (file, offset, check, message), however many translation
/// units or shards reported it, and one asyncctx finding per (file, offset,
/// check) whatever its message (the first message in sort order and its notes
/// win): the fix-its are united (different fixes of one finding then conflict
/// in `fix`), unless one occurrence has none, which leaves none.
/// Sorted by file, line, column, check, message.
std::vector<Finding> uniqueFindings(std::vector<Finding> All);
void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root);

/// What a run does not report: findings in a baseline (each entry once) and,
/// with --diff, findings on unchanged lines.
struct FindingFilter {
  std::multiset<std::string> Baseline;
  std::optional<ChangedLines> Changed;
};

/// Whether --diff leaves \p Found out: its line did not change.
bool outsideDiff(const FindingFilter &F, const Finding &Found);

/// Moves the findings \p F lets through from \p All into \p R.Findings and
/// the others into \p R.Suppressed, counting them.
void filterFindings(std::vector<Finding> All, FindingFilter F, Report &R);

/// Baseline: a JSON file of fingerprints.
bool writeBaseline(llvm::StringRef Path, const std::vector<Finding> &Findings,
                   llvm::StringRef Root, std::string &Error);
bool readBaseline(llvm::StringRef Path, std::multiset<std::string> &Out,
                  std::string &Error);

//===--- Emit (Report.cpp, Sarif.cpp, CodeQuality.cpp, Html.cpp, Emit.cpp) ===//

enum class ReportFormat { Text, JSON, SARIF, CodeQuality, HTML };

void writeText(llvm::raw_ostream &OS, const Report &R);
/// One finding as the text report shows it: location, source line, caret,
/// fix-its, notes.
void writeTextFinding(llvm::raw_ostream &OS, const Finding &F);
void writeJSON(llvm::raw_ostream &OS, const Report &R);
void writeSARIF(llvm::raw_ostream &OS, const Report &R);
/// GitLab Code Quality: a JSON array of issues.
void writeCodeQuality(llvm::raw_ostream &OS, const Report &R);
/// One self-contained HTML page (no network access).
void writeHTML(llvm::raw_ostream &OS, const Report &R);

/// Reads a --format=json report back (for `asyncctx merge`), adding its
/// findings, failures and counts to \p Into.
bool readJSONReport(llvm::StringRef Path, Report &Into, std::string &Error);

/// "3 findings (1 more suppressed) in 412 of 412 translation units; ..."
std::string summaryLine(const Report &R);
/// Writes the report to \p Output (standard output for "" or "-") and the
/// summary line to standard error; returns the exit status.
int emitReport(const Report &R, ReportFormat Format, llvm::StringRef Output);
/// 0, 1 or 2 for the report as it stands.
int exitStatus(const Report &R);

//===--- Fix (Fix.cpp, Diff.cpp) ------------------------------------------===//

enum class FixMode { Write, DryRun, Export };

/// What verifying fixes needs: the compile commands and how analyse() ran
/// them, and the translation units that compiled.
struct FixVerification {
  const Database *DB = nullptr;
  const AnalysisSettings *Analysis = nullptr;
  const std::vector<CompiledUnit> *Units = nullptr;
};

struct FixSettings {
  std::string Root;
  /// Compile the translation units again with the fixes before writing
  /// them (null: --no-verify, or no compile commands, as in `merge`).
  const FixVerification *Verify = nullptr;
  FixMode Mode = FixMode::Write;
  std::string ExportFixes;
  bool Format = false; ///< --clang-format
  bool Force = false;  ///< --force: edit read-only files too
};

/// What `fix` did.
struct FixOutcome {
  /// Conflicts, refused edits, write errors, reported on errs(); and the
  /// fixes dropped by verification.
  unsigned Problems = 0;
  unsigned FilesChanged = 0;
  unsigned Dropped = 0; ///< fixes under which a unit would not compile
};

/// Applies (or prints as a diff, or exports) the fix-its of \p Findings,
/// after verifying them if \p S.Verify; a finding whose fix is dropped loses
/// its fix-its and gains a note (verifyFixes).
FixOutcome applyFixes(std::vector<Finding> &Findings, const FixSettings &S,
                      llvm::raw_ostream &Out);

/// Verifies the fix-its of the findings \p Eligible (indices into
/// \p Findings; all of their edits are in files of \p Originals, absolute
/// path -> contents on disk): every translation unit of \p V that reads an
/// edited file is compiled with the edits (formatted if \p Format), and a
/// finding whose edits it does not compile with loses them and gets the note
/// "no safe fix: FILE:LINE: MESSAGE" (the first error, at its place in the
/// unedited file). Returns how many lost their fix.
unsigned verifyFixes(std::vector<Finding> &Findings,
                     const std::vector<size_t> &Eligible,
                     const std::map<std::string, std::string> &Originals,
                     const FixVerification &V, llvm::StringRef Root,
                     bool Format);

/// `check --verify-fixes`: verifyFixes for the findings whose edits are in
/// files that can be read and whose edits do not conflict.
unsigned verifyReportedFixes(std::vector<Finding> &Findings,
                             const FixVerification &V, llvm::StringRef Root);

/// A unified diff (`patch -p1` from the root applies it) of \p Edits to
/// \p Old, with \p Rel after `a/` and `b/`.
void writeUnifiedDiff(llvm::raw_ostream &OS, llvm::StringRef Rel,
                      llvm::StringRef Old,
                      const clang::tooling::Replacements &Edits);

} // namespace asyncctx::tool

#endif // ASYNCCTX_TOOL_TOOL_H

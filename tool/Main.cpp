//===--- Main.cpp - asyncctx standalone tool ------------------------------===//
//
//   asyncctx check -p BUILD_DIR [options] [FILES...]
//   asyncctx fix   -p BUILD_DIR [options] [FILES...]
//   asyncctx merge [options] REPORT.json...
//
// See docs/tool.md.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <thread>
#include <unistd.h>

using namespace asyncctx::tool;
using asyncctx::Candidate;
using asyncctx::UnitFacts;

namespace {

constexpr int ExitClean = 0, ExitFindings = 1, ExitError = 2;

const char *Usage = R"(usage: asyncctx check -p BUILD_DIR [options] [FILES...]
       asyncctx fix   -p BUILD_DIR [options] [FILES...]
       asyncctx merge [--format=F] [-o FILE] REPORT.json...
       asyncctx facts -p BUILD_DIR -o FILE [options] [FILES...]
       asyncctx boundaries -p BUILD_DIR [--format=text|json] [FILES...]

Runs the asyncctx clang-tidy checks over the translation units of a
compilation database (BUILD_DIR/compile_commands.json).

Selecting translation units:
  -p, --build-dir DIR     directory with compile_commands.json (or the file)
  FILES...                only these translation units (must be in the database)
  --files-from FILE       more translation units, one per line ('-': stdin)
  --shard I/N             only the I-th of N deterministic parts (1 <= I <= N)
  -j, --jobs N            analyse N translation units in parallel (default: all cores)

Configuration (as clang-tidy):
  --config-file FILE      use this .clang-tidy file instead of looking one up
  --config TEXT           inline YAML configuration, as clang-tidy --config
  --checks GLOB           narrow the checks, e.g. -asyncctx-coroutine-without-context
  --extra-arg ARG         append ARG to every compile command
  --extra-arg-before ARG  prepend ARG to every compile command
  --resource-dir DIR      Clang's resource directory (default: found automatically)
  --list-checks           print the enabled checks and exit
  (asyncctx --print-resource-dir prints the resource directory found)

Whole-program analysis (docs/whole-program.md):
  --per-tu                analyse each translation unit alone: no facts, no
                          solve across translation units
  facts                   write the program's facts for the clang-tidy plugin
                          (check option FactsFile)
  boundaries              list every inferred boundary with its evidence
  A sharded check writes its facts and undecided candidates into its
  --format=json report; 'merge' solves them with the other shards'.

Reporting (check, merge):
  --format text|json|sarif  report format (default: text)
  -o, --output FILE       write the report to FILE instead of standard output
  --baseline FILE         report only findings that are not in FILE
  --write-baseline FILE   record the current findings in FILE
  --diff REV              report only findings on lines changed since git REV
  --allow-parse-errors    a translation unit that fails to parse does not make
                          the run exit 2 (it is still reported and counted)
  --no-progress           no progress line (it is only shown on a terminal)

Fixing (fix, and merge for --export-fixes):
  --dry-run               print a unified diff, change nothing
  --export-fixes FILE     write clang-apply-replacements YAML, change nothing
  --root DIR              never edit outside DIR (default: git top level, or .)
  --clang-format          run clang-format on the changed lines

Exit status: 0 no (new) findings, 1 new findings, 2 usage, configuration or
tool error, or a translation unit that failed to parse.
)";

struct Options {
  std::string Command;
  bool PerTU = false;
  std::string BuildDir;
  std::vector<std::string> Files;
  std::string FilesFrom;
  unsigned ShardIndex = 0, ShardCount = 0;
  unsigned Jobs = 0;
  AnalysisSettings Analysis;
  bool ListChecks = false;
  std::string Format = "text";
  std::string Output;
  std::string Baseline, WriteBaseline, DiffRev;
  bool AllowParseErrors = false;
  bool NoProgress = false;
  bool DryRun = false;
  std::string ExportFixes;
  std::string Root;
  bool ClangFormat = false;
  std::string ResourceDirFlag;
};

int usageError(const llvm::Twine &Message) {
  llvm::errs() << "asyncctx: error: " << Message
               << " (see 'asyncctx --help')\n";
  return ExitError;
}

int toolError(const llvm::Twine &Message) {
  llvm::errs() << "asyncctx: error: " << Message << "\n";
  return ExitError;
}

/// Parses the command line; returns -1 to go on, or an exit code.
int parse(int Argc, char **Argv, Options &O) {
  if (Argc < 2)
    return usageError("missing command: 'check', 'fix' or 'merge'");
  llvm::StringRef Cmd = Argv[1];
  if (Cmd == "--help" || Cmd == "-h" || Cmd == "help") {
    llvm::outs() << Usage;
    return ExitClean;
  }
  if (Cmd == "--print-resource-dir") {
    O.Command = "print-resource-dir";
    return -1;
  }
  if (Cmd == "--version") {
    llvm::outs() << "asyncctx " << ASYNCCTX_VERSION << "\n";
    return ExitClean;
  }
  if (Cmd != "check" && Cmd != "fix" && Cmd != "merge" && Cmd != "facts" &&
      Cmd != "boundaries")
    return usageError("unknown command '" + Cmd + "'");
  O.Command = Cmd.str();
  bool OnlyFiles = false;
  for (int I = 2; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (OnlyFiles || Arg == "-" || !Arg.starts_with("-")) {
      O.Files.push_back(Arg.str());
      continue;
    }
    if (Arg == "--") {
      OnlyFiles = true;
      continue;
    }
    // --name=value or --name value.
    llvm::StringRef Name = Arg, Inline;
    bool HasInline = false;
    if (Arg.starts_with("--") && Arg.contains('=')) {
      std::tie(Name, Inline) = Arg.split('=');
      HasInline = true;
    }
    auto Value = [&](std::string &Out) -> bool {
      if (HasInline) {
        Out = Inline.str();
        return true;
      }
      if (I + 1 >= Argc)
        return false;
      Out = Argv[++I];
      return true;
    };
    auto Flag = [&](bool &Out) -> bool {
      if (HasInline)
        return false;
      Out = true;
      return true;
    };
    std::string V;
    bool Ok = true;
    if (Name == "-h" || Name == "--help") {
      llvm::outs() << Usage;
      return ExitClean;
    } else if (Name == "-p" || Name == "--build-dir" ||
               Name == "--build-path") {
      Ok = Value(O.BuildDir);
    } else if (Name.starts_with("-p") && Name.size() > 2 &&
               !Name.starts_with("--")) {
      O.BuildDir = Name.drop_front(2).str();
    } else if (Name == "-j" || Name == "--jobs") {
      Ok = Value(V);
      if (Ok && (llvm::StringRef(V).getAsInteger(10, O.Jobs) || O.Jobs == 0))
        return usageError("invalid value '" + V + "' for " + Name +
                          ": expected a positive number");
    } else if (Name.starts_with("-j") && !Name.starts_with("--")) {
      V = Name.drop_front(2).str();
      if (llvm::StringRef(V).getAsInteger(10, O.Jobs) || O.Jobs == 0)
        return usageError("invalid value '" + V +
                          "' for -j: expected a positive number");
    } else if (Name == "--files-from") {
      Ok = Value(O.FilesFrom);
    } else if (Name == "--shard") {
      Ok = Value(V);
      if (Ok) {
        auto [I1, N1] = llvm::StringRef(V).split('/');
        if (I1.getAsInteger(10, O.ShardIndex) ||
            N1.getAsInteger(10, O.ShardCount) || O.ShardCount == 0 ||
            O.ShardIndex == 0 || O.ShardIndex > O.ShardCount)
          return usageError("invalid value '" + V +
                            "' for --shard: expected I/N with 1 <= I <= N");
      }
    } else if (Name == "--config-file") {
      Ok = Value(O.Analysis.ConfigFile);
    } else if (Name == "--config") {
      Ok = Value(O.Analysis.Config);
    } else if (Name == "--checks") {
      Ok = Value(O.Analysis.Checks);
    } else if (Name == "--extra-arg") {
      Ok = Value(V);
      O.Analysis.ExtraArgs.push_back(V);
    } else if (Name == "--extra-arg-before") {
      Ok = Value(V);
      O.Analysis.ExtraArgsBefore.push_back(V);
    } else if (Name == "--resource-dir") {
      Ok = Value(O.ResourceDirFlag);
    } else if (Name == "--list-checks") {
      Ok = Flag(O.ListChecks);
    } else if (Name == "--format") {
      Ok = Value(O.Format);
      if (Ok && O.Format != "text" && O.Format != "json" && O.Format != "sarif")
        return usageError("invalid value '" + O.Format +
                          "' for --format: expected text, json or sarif");
    } else if (Name == "-o" || Name == "--output") {
      Ok = Value(O.Output);
    } else if (Name == "--baseline") {
      Ok = Value(O.Baseline);
    } else if (Name == "--write-baseline") {
      Ok = Value(O.WriteBaseline);
    } else if (Name == "--diff") {
      Ok = Value(O.DiffRev);
    } else if (Name == "--allow-parse-errors") {
      Ok = Flag(O.AllowParseErrors);
    } else if (Name == "--no-progress") {
      Ok = Flag(O.NoProgress);
    } else if (Name == "--dry-run" && O.Command == "fix") {
      Ok = Flag(O.DryRun);
    } else if (Name == "--per-tu" && O.Command != "merge") {
      Ok = Flag(O.PerTU);
    } else if (Name == "--export-fixes" &&
               (O.Command == "fix" || O.Command == "merge")) {
      Ok = Value(O.ExportFixes);
    } else if (Name == "--root") {
      Ok = Value(O.Root);
    } else if (Name == "--clang-format" && O.Command == "fix") {
      Ok = Flag(O.ClangFormat);
    } else {
      return usageError("unknown option '" + Arg + "' for 'asyncctx " +
                        O.Command + "'");
    }
    if (!Ok)
      return usageError(HasInline ? "option '" + Name + "' takes no value"
                                  : "option '" + Name + "' needs a value");
  }
  return -1;
}

/// Runs a program, capturing its standard output.
int capture(llvm::ArrayRef<std::string> Args, std::string &Out,
            std::string *Err = nullptr) {
  llvm::SmallString<128> OutFile, ErrFile;
  llvm::sys::fs::createTemporaryFile("asyncctx-out", "txt", OutFile);
  llvm::sys::fs::createTemporaryFile("asyncctx-err", "txt", ErrFile);
  std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, llvm::StringRef(OutFile), llvm::StringRef(ErrFile)};
  auto Program = llvm::sys::findProgramByName(Args[0]);
  int RC = -1;
  if (Program) {
    std::vector<llvm::StringRef> Refs(Args.begin(), Args.end());
    RC = llvm::sys::ExecuteAndWait(*Program, Refs, std::nullopt, Redirects);
  }
  if (auto B = llvm::MemoryBuffer::getFile(OutFile))
    Out = (*B)->getBuffer().str();
  if (Err)
    if (auto B = llvm::MemoryBuffer::getFile(ErrFile))
      *Err = (*B)->getBuffer().trim().str();
  llvm::sys::fs::remove(OutFile);
  llvm::sys::fs::remove(ErrFile);
  return RC;
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, true);
  return P.str().str();
}

std::string gitTopLevel(llvm::StringRef Dir) {
  std::string Out;
  if (capture({"git", "-C", Dir.str(), "rev-parse", "--show-toplevel"}, Out) !=
      0)
    return "";
  return llvm::StringRef(Out).trim().str();
}

/// Lines changed since \p Rev, per absolute file: `git diff -U0 REV`.
bool changedLines(llvm::StringRef Rev,
                  std::map<std::string, std::set<unsigned>> &Changed,
                  std::string &Error) {
  std::string Top = gitTopLevel(".");
  if (Top.empty()) {
    Error =
        "--diff needs a git repository (the current directory is not in one)";
    return false;
  }
  std::string Out, Err;
  if (capture({"git", "-C", Top, "diff", "-U0", "--no-color", "--no-ext-diff",
               "--no-renames", Rev.str(), "--"},
              Out, &Err) != 0) {
    Error = "git diff " + Rev.str() +
            " failed: " + llvm::StringRef(Err).split('\n').first.str();
    return false;
  }
  std::string File;
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Out).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("+++ ")) {
      llvm::StringRef P = L.drop_front(4);
      File =
          P == "/dev/null" ? "" : absolute(Top + "/" + P.drop_front(2).str());
    } else if (L.starts_with("@@ ") && !File.empty()) {
      // @@ -a[,b] +c[,d] @@
      llvm::StringRef Plus = L.split('+').second.split(' ').first;
      auto [S, C] = Plus.split(',');
      unsigned Start = 0, Count = 1;
      S.getAsInteger(10, Start);
      if (!C.empty())
        C.getAsInteger(10, Count);
      for (unsigned I = 0; I < Count; ++I)
        Changed[File].insert(Start + I);
    }
  }
  return true;
}

bool readLines(llvm::StringRef Path, std::vector<std::string> &Out,
               std::string &Error) {
  auto B = llvm::MemoryBuffer::getFileOrSTDIN(Path);
  if (!B) {
    Error = "cannot read --files-from '" + Path.str() +
            "': " + B.getError().message();
    return false;
  }
  llvm::SmallVector<llvm::StringRef> Lines;
  (*B)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    L = L.trim();
    if (!L.empty() && !L.starts_with("#"))
      Out.push_back(L.str());
  }
  return true;
}

void writeReport(llvm::raw_ostream &OS, const Options &O, const Report &R) {
  if (O.Format == "json")
    writeJSON(OS, R);
  else if (O.Format == "sarif")
    writeSARIF(OS, R);
  else
    writeText(OS, R);
}

int emit(const Options &O, const Report &R) {
  if (O.Output.empty() || O.Output == "-") {
    writeReport(llvm::outs(), O, R);
    llvm::outs().flush();
    return 0;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(O.Output, EC);
  if (EC)
    return toolError("cannot write report '" + O.Output + "': " + EC.message());
  writeReport(OS, O, R);
  return 0;
}

void summary(const Report &R, llvm::StringRef Verb = "") {
  const RunSummary &S = R.Summary;
  llvm::errs() << "asyncctx: " << R.Findings.size() << " finding"
               << (R.Findings.size() == 1 ? "" : "s");
  if (S.Suppressed)
    llvm::errs() << " (" << S.Suppressed << " more suppressed)";
  llvm::errs() << " in " << S.Analysed << " of " << S.TranslationUnits
               << " translation unit" << (S.TranslationUnits == 1 ? "" : "s");
  if (S.FailedToParse)
    llvm::errs() << "; " << S.FailedToParse << " failed to parse";
  llvm::errs() << "\n";
}

int exitCode(const Report &R) {
  if (!R.ConfigErrors.empty() || !R.Summary.ToolErrors.empty())
    return ExitError;
  if (R.Summary.FailedToParse && !R.Summary.AllowParseErrors)
    return ExitError;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

int runMerge(Options &O) {
  if (O.Files.empty())
    return usageError(
        "'asyncctx merge' needs at least one --format=json report");
  Report R;
  R.Summary.AllowParseErrors = O.AllowParseErrors;
  for (const std::string &F : O.Files) {
    std::string Error;
    if (!readJSONReport(F, R, Error))
      return toolError(Error);
  }
  // The shards' candidates, decided against all their facts together.
  std::vector<Finding> Decided;
  decideCandidates(R.Units, R.Candidates, Decided);
  assignFingerprints(Decided, R.Root);
  llvm::append_range(R.Findings, Decided);
  R.Units.clear();
  R.Candidates.clear();
  // Findings in shared headers appear in several shards' reports.
  std::map<std::tuple<std::string, std::string, unsigned, std::string>, Finding>
      Unique;
  for (Finding &F : R.Findings)
    Unique.emplace(
        std::make_tuple(F.Pos.File, F.Check, F.Pos.Offset, F.Message), F);
  R.Findings.clear();
  for (auto &E : Unique)
    R.Findings.push_back(E.second);
  std::sort(R.Findings.begin(), R.Findings.end(),
            [](const Finding &A, const Finding &B) {
              return std::tie(A.Pos.File, A.Pos.Line, A.Pos.Column, A.Check,
                              A.Message) < std::tie(B.Pos.File, B.Pos.Line,
                                                    B.Pos.Column, B.Check,
                                                    B.Message);
            });
  if (!O.Root.empty())
    R.Root = absolute(O.Root);
  if (!O.Baseline.empty()) {
    std::multiset<std::string> Known;
    std::string Error;
    if (!readBaseline(O.Baseline, Known, Error))
      return toolError(Error);
    std::vector<Finding> Kept;
    for (Finding &F : R.Findings) {
      auto It = Known.find(F.Fingerprint);
      if (It != Known.end()) {
        Known.erase(It);
        ++R.Summary.Suppressed;
      } else {
        Kept.push_back(F);
      }
    }
    R.Findings = std::move(Kept);
  }
  if (!O.ExportFixes.empty()) {
    FixSettings FS;
    FS.Root = R.Root;
    FS.ExportFixes = O.ExportFixes;
    unsigned FilesChanged = 0;
    if (applyFixes(R.Findings, FS, llvm::outs(), FilesChanged))
      return ExitError;
  }
  if (int RC = emit(O, R))
    return RC;
  summary(R);
  return exitCode(R);
}

int run(int Argc, char **Argv) {
  Options O;
  if (int RC = parse(Argc, Argv, O); RC >= 0)
    return RC;
  if (O.Command == "merge")
    return runMerge(O);
  if (O.Command == "print-resource-dir") {
    std::string Searched;
    std::string Dir = findResourceDir(Argv[0], Searched);
    if (Dir.empty())
      return toolError("no Clang resource directory in " + Searched);
    llvm::outs() << Dir << "\n";
    return ExitClean;
  }

  if (O.ListChecks) {
    for (const std::string &C : enabledChecks(O.Analysis))
      llvm::outs() << C << "\n";
    return ExitClean;
  }
  if (O.BuildDir.empty())
    return usageError(
        "missing -p BUILD_DIR (the directory with compile_commands.json)");
  if (!O.ExportFixes.empty() && O.DryRun)
    return usageError("--dry-run and --export-fixes cannot be combined");
  if (!O.Analysis.ConfigFile.empty() && !O.Analysis.Config.empty())
    return usageError("--config and --config-file cannot be combined");
  if (!O.Analysis.ConfigFile.empty())
    O.Analysis.ConfigFile = absolute(O.Analysis.ConfigFile);

  // The project root: relative paths in reports, fingerprints, fix limits.
  if (O.Root.empty()) {
    O.Root = gitTopLevel(".");
    if (O.Root.empty())
      O.Root = absolute(".");
  } else {
    if (!llvm::sys::fs::is_directory(O.Root))
      return toolError("--root '" + O.Root + "' is not a directory");
    O.Root = absolute(O.Root);
  }

  std::string Error;
  std::unique_ptr<Database> DB = loadDatabase(O.BuildDir, Error);
  if (!DB)
    return toolError(Error);

  std::vector<std::string> Requested = O.Files;
  if (!O.FilesFrom.empty() && !readLines(O.FilesFrom, Requested, Error))
    return toolError(Error);
  std::vector<std::string> Files;
  if (Requested.empty() && O.FilesFrom.empty()) {
    Files = allFiles(*DB);
  } else {
    std::set<std::string> Unique;
    for (const std::string &F : Requested) {
      std::string Abs = absolute(F);
      auto B = llvm::MemoryBuffer::getFile(Abs);
      if (!B)
        return toolError("cannot read '" + F + "': " + B.getError().message());
      if (!inDatabase(*DB, Abs))
        return toolError("'" + F + "' is not in the compilation database '" +
                         databasePath(*DB) + "'");
      Unique.insert(Abs);
    }
    Files.assign(Unique.begin(), Unique.end());
  }
  if (O.ShardCount) {
    // Round-robin over the sorted list: deterministic, and balanced by count.
    std::vector<std::string> Mine;
    for (size_t I = 0; I < Files.size(); ++I)
      if (I % O.ShardCount == O.ShardIndex - 1)
        Mine.push_back(Files[I]);
    Files = std::move(Mine);
  }

  for (const std::string &E : validateConfiguration(Files, O.Analysis))
    Error = Error.empty() ? E : Error;
  if (!Error.empty())
    return toolError(Error);

  std::multiset<std::string> Known;
  if (!O.Baseline.empty() && !readBaseline(O.Baseline, Known, Error))
    return toolError(Error);
  std::map<std::string, std::set<unsigned>> Changed;
  if (!O.DiffRev.empty() && !changedLines(O.DiffRev, Changed, Error))
    return toolError(Error);

  if (!O.ResourceDirFlag.empty()) {
    O.Analysis.ResourceDir = absolute(O.ResourceDirFlag);
  } else {
    std::string Searched;
    O.Analysis.ResourceDir = findResourceDir(Argv[0], Searched);
    if (O.Analysis.ResourceDir.empty())
      llvm::errs() << "asyncctx: warning: Clang's resource directory (builtin "
                      "headers such as <stddef.h>) not found in "
                   << Searched << "; pass --resource-dir\n";
  }
  O.Analysis.Jobs =
      O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency());
  O.Analysis.Progress = !O.NoProgress && ::isatty(2);
  O.Analysis.ProgressRoot = O.Root;

  O.Analysis.WholeProgram = !O.PerTU;
  std::vector<TUResult> Results = analyse(*DB, Files, O.Analysis);

  // Whole program: one solve over every unit's facts decides the
  // candidates; a shard leaves them to `asyncctx merge`.
  std::vector<UnitFacts> Units;
  std::vector<std::pair<Finding, Candidate>> Candidates;
  takeProgram(Results, Units, Candidates);
  if (O.Command == "facts" || O.Command == "boundaries") {
    for (const TUResult &T : Results)
      if (T.Failed && !O.AllowParseErrors)
        return toolError("'" + T.File +
                         "' failed to parse; its facts would be missing "
                         "(--allow-parse-errors to go on)");
    if (O.Command == "boundaries") {
      writeBoundaries(llvm::outs(), Units, O.Format, O.Root);
      return ExitClean;
    }
    if (O.Output.empty() || O.Output == "-") {
      writeFactsFile(llvm::outs(), Units);
      return ExitClean;
    }
    std::error_code EC;
    llvm::raw_fd_ostream OS(O.Output, EC);
    if (EC)
      return toolError("cannot write facts '" + O.Output +
                       "': " + EC.message());
    writeFactsFile(OS, Units);
    return ExitClean;
  }
  Report R;
  if (O.ShardCount) {
    R.Units = std::move(Units);
    R.Candidates = std::move(Candidates);
  } else {
    Results.emplace_back();
    decideCandidates(Units, Candidates, Results.back().Findings);
  }
  R.Root = O.Root;
  R.Summary.TranslationUnits = Files.size();
  R.Summary.AllowParseErrors = O.AllowParseErrors;
  std::set<std::string> ConfigErrors;
  for (TUResult &T : Results) {
    R.Summary.Analysed += T.Analysed;
    if (T.Failed) {
      ++R.Summary.FailedToParse;
      R.Failed.push_back(&T);
    }
    ConfigErrors.insert(T.ConfigErrors.begin(), T.ConfigErrors.end());
  }
  R.ConfigErrors.assign(ConfigErrors.begin(), ConfigErrors.end());
  std::vector<Finding> All = collectFindings(Results);
  assignFingerprints(All, O.Root);

  if (!O.WriteBaseline.empty() &&
      !writeBaseline(O.WriteBaseline, All, O.Root, Error))
    return toolError(Error);
  for (Finding &F : All) {
    bool Keep = true;
    if (!O.DiffRev.empty()) {
      auto It = Changed.find(F.Pos.File);
      Keep = It != Changed.end() && It->second.count(F.Pos.Line);
    }
    if (Keep && !Known.empty()) {
      auto It = Known.find(F.Fingerprint);
      if (It != Known.end()) {
        Known.erase(It);
        Keep = false;
      }
    }
    if (Keep)
      R.Findings.push_back(F);
    else
      ++R.Summary.Suppressed;
  }
  for (const std::string &E : R.ConfigErrors)
    llvm::errs() << "asyncctx: error: " << E << "\n";

  if (O.Command == "check") {
    if (int RC = emit(O, R))
      return RC;
    summary(R);
    if (!O.WriteBaseline.empty() && exitCode(R) == ExitFindings)
      return ExitClean; // the findings were just accepted
    return exitCode(R);
  }

  // fix
  if (!R.ConfigErrors.empty())
    return toolError("configuration errors; no file was changed");
  if (R.Summary.FailedToParse && !O.AllowParseErrors) {
    writeText(llvm::errs(),
              Report{{}, R.Failed, {}, R.Summary, R.Root, {}, {}});
    return toolError(
        llvm::Twine(R.Summary.FailedToParse) +
        " translation unit(s) failed to parse; no file was changed "
        "(--allow-parse-errors to fix the others)");
  }
  FixSettings FS;
  FS.Root = O.Root;
  FS.DryRun = O.DryRun;
  FS.ExportFixes = O.ExportFixes;
  FS.ClangFormat = O.ClangFormat;
  if (O.ClangFormat) {
    for (std::string Name :
         {"clang-format-" + std::to_string(LLVM_VERSION_MAJOR),
          std::string("clang-format")})
      if (auto P = llvm::sys::findProgramByName(Name)) {
        FS.ClangFormatBinary = *P;
        break;
      }
    if (FS.ClangFormatBinary.empty())
      return toolError("--clang-format: clang-format not found on PATH");
  }
  unsigned FilesChanged = 0;
  unsigned Problems = applyFixes(R.Findings, FS, llvm::outs(), FilesChanged);
  llvm::outs().flush();
  // What a fix cannot change is still reported.
  std::vector<Finding> Unfixable;
  for (const Finding &F : R.Findings)
    if (F.Edits.empty())
      Unfixable.push_back(F);
  if (!Unfixable.empty()) {
    Report U = R;
    U.Findings = Unfixable;
    U.Failed.clear();
    writeText(llvm::errs(), U);
  }
  size_t Fixable = R.Findings.size() - Unfixable.size();
  llvm::errs() << "asyncctx: " << Fixable << " finding"
               << (Fixable == 1 ? "" : "s") << " with a fix, "
               << (O.DryRun                 ? "would change "
                   : !O.ExportFixes.empty() ? "exported for "
                                            : "changed ")
               << FilesChanged << " file" << (FilesChanged == 1 ? "" : "s")
               << "; " << Unfixable.size() << " without a fix\n";
  if (Problems || exitCode(R) == ExitError)
    return ExitError;
  if (!Unfixable.empty())
    return ExitFindings;
  if ((O.DryRun || !O.ExportFixes.empty()) && Fixable)
    return ExitFindings;
  return ExitClean;
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  return run(Argc, Argv);
}

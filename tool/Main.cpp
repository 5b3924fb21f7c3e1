//===--- Main.cpp - asyncctx standalone tool ------------------------------===//
//
//   asyncctx check -p BUILD_DIR [options] [FILES...]
//   asyncctx fix   -p BUILD_DIR [options] [FILES...]
//   asyncctx merge [options] REPORT.json...
//
// The command line (llvm::cl subcommands) and the three commands, each a
// sequence of the steps declared in tool/Tool.h. See docs/tool.md.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace asyncctx::tool;
namespace cl = llvm::cl;

namespace {

//===--- Command line -----------------------------------------------------===//

cl::SubCommand CheckCommand("check", "Report the findings of the translation "
                                     "units of a compilation database");
cl::SubCommand FixCommand("fix", "Apply the fix-its of the findings of the "
                                 "translation units of a compilation database");
cl::SubCommand MergeCommand("merge", "Unite the --format=json reports of "
                                     "shards into one report");
cl::SubCommand FactsCommand("facts", "Write the whole program's facts, for the "
                                     "clang-tidy plugin's FactsFile option");
cl::SubCommand BoundariesCommand("boundaries",
                                 "List every inferred boundary of the whole "
                                 "program with its evidence");

cl::OptionCategory SelectCategory("Selecting translation units");
cl::OptionCategory ConfigCategory("Configuration (as clang-tidy)");
cl::OptionCategory ReportCategory("Reporting");
cl::OptionCategory FixCategory("Fixing");

// Every command that analyses translation units.
#define ANALYSIS                                                               \
  cl::sub(CheckCommand), cl::sub(FixCommand), cl::sub(FactsCommand),           \
      cl::sub(BoundariesCommand)
// check and fix.
#define CHECK_FIX cl::sub(CheckCommand), cl::sub(FixCommand)
// The analysing commands and `asyncctx --list-checks` / `--verify-config`
// without a command, as clang-tidy.
#define ANALYSIS_AND_TOP ANALYSIS, cl::sub(cl::SubCommand::getTopLevel())

cl::opt<std::string>
    BuildDir("p",
             cl::desc("Directory with compile_commands.json (or the file); "
                      "also --build-dir"),
             cl::value_desc("dir"), cl::Prefix, ANALYSIS,
             cl::cat(SelectCategory));
cl::alias BuildDirLong("build-dir", cl::desc("Alias for -p"),
                       cl::aliasopt(BuildDir), cl::cat(SelectCategory));
cl::alias BuildPath("build-path", cl::desc("Alias for -p"),
                    cl::aliasopt(BuildDir), cl::Hidden);
// Only these translation units; each must be in the database.
cl::list<std::string> Files(cl::Positional, cl::desc("[FILES...]"), ANALYSIS);
cl::opt<std::string> FilesFrom(
    "files-from",
    cl::desc("More translation units, one per line ('-': standard input)"),
    cl::value_desc("file"), ANALYSIS, cl::cat(SelectCategory));
cl::opt<std::string>
    Shard("shard",
          cl::desc("Only the I-th of N deterministic parts (1 <= I <= N)"),
          cl::value_desc("I/N"), ANALYSIS, cl::cat(SelectCategory));
cl::opt<unsigned>
    Jobs("j",
         cl::desc("Analyse N translation units in parallel (default: all "
                  "cores); also --jobs"),
         cl::value_desc("N"), cl::Prefix, ANALYSIS, cl::cat(SelectCategory));
cl::alias JobsLong("jobs", cl::desc("Alias for -j"), cl::aliasopt(Jobs),
                   cl::cat(SelectCategory));

cl::opt<std::string>
    ConfigFile("config-file",
               cl::desc("Use this .clang-tidy file instead of looking one up"),
               cl::value_desc("file"), ANALYSIS_AND_TOP,
               cl::cat(ConfigCategory));
cl::opt<std::string>
    Config("config",
           cl::desc("Inline YAML configuration, as clang-tidy --config"),
           cl::value_desc("text"), ANALYSIS_AND_TOP, cl::cat(ConfigCategory));
cl::opt<std::string> Checks(
    "checks",
    cl::desc("Narrow the checks, e.g. -asyncctx-coroutine-without-context"),
    cl::value_desc("glob"), ANALYSIS_AND_TOP, cl::cat(ConfigCategory));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Append ARG to every compile command"),
                                cl::value_desc("arg"), ANALYSIS,
                                cl::cat(ConfigCategory));
cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Prepend ARG to every compile command"),
                    cl::value_desc("arg"), ANALYSIS, cl::cat(ConfigCategory));
cl::list<std::string> RemovedArgs(
    "removed-arg",
    cl::desc("Remove ARG (exactly as written) from every compile command, "
             "before --extra-arg; also RemovedArgs in .clang-tidy"),
    cl::value_desc("arg"), ANALYSIS, cl::cat(ConfigCategory));
cl::opt<std::string> ResourceDir(
    "resource-dir",
    cl::desc("Clang's resource directory (default: found automatically)"),
    cl::value_desc("dir"), ANALYSIS, cl::cat(ConfigCategory));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("Print the enabled checks and exit"),
                         ANALYSIS_AND_TOP, cl::cat(ConfigCategory));
cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check that every asyncctx check and option named in the "
             "configuration exists, analyse nothing, and exit (1 if not)"),
    ANALYSIS_AND_TOP, cl::cat(ConfigCategory));

cl::opt<std::string> Format("format",
                            cl::desc("Report format: text (default), json, "
                                     "sarif, codequality (GitLab) or html"),
                            cl::value_desc("format"), cl::init("text"),
                            cl::sub(CheckCommand), cl::sub(MergeCommand),
                            cl::sub(BoundariesCommand),
                            cl::cat(ReportCategory));
cl::opt<std::string>
    Output("o",
           cl::desc("Write the report to FILE instead of standard output; "
                    "also --output"),
           cl::value_desc("file"), cl::sub(CheckCommand), cl::sub(MergeCommand),
           cl::sub(FactsCommand), cl::cat(ReportCategory));
cl::alias OutputLong("output", cl::desc("Alias for -o"), cl::aliasopt(Output),
                     cl::cat(ReportCategory));
cl::opt<std::string>
    Color("color",
          cl::desc("Colour the text report: auto (on a terminal, unless "
                   "NO_COLOR is set), always or never"),
          cl::value_desc("when"), cl::init("auto"), CHECK_FIX,
          cl::sub(MergeCommand), cl::cat(ReportCategory));
cl::opt<bool> Quiet("quiet",
                    cl::desc("Print the findings only: no progress line, no "
                             "summary line"),
                    cl::sub(CheckCommand), cl::sub(MergeCommand),
                    cl::cat(ReportCategory));
cl::opt<std::string> DocsURL(
    "docs-url",
    cl::desc("Where SARIF's rule help links point: the URI of asyncctx's docs/ "
             "directory (default: the docs installed with the tool)"),
    cl::value_desc("uri"), cl::init(ASYNCCTX_DOCS_URL), cl::sub(CheckCommand),
    cl::sub(MergeCommand), cl::cat(ReportCategory));
cl::opt<std::string>
    Baseline("baseline", cl::desc("Report only findings that are not in FILE"),
             cl::value_desc("file"), CHECK_FIX, cl::sub(MergeCommand),
             cl::cat(ReportCategory));
cl::opt<std::string>
    WriteBaseline("write-baseline",
                  cl::desc("Record the current findings in FILE"),
                  cl::value_desc("file"), CHECK_FIX, cl::cat(ReportCategory));
cl::opt<std::string>
    DiffRev("diff",
            cl::desc("Report only findings on lines changed since git REV"),
            cl::value_desc("rev"), CHECK_FIX, cl::cat(ReportCategory));
cl::opt<bool> AllowParseErrors(
    "allow-parse-errors",
    cl::desc("A translation unit that fails to parse does not make the run "
             "exit 2 (it is still reported and counted)"),
    ANALYSIS, cl::sub(MergeCommand), cl::cat(ReportCategory));
cl::opt<bool>
    NoProgress("no-progress",
               cl::desc("No progress line (it is only shown on a terminal)"),
               ANALYSIS, cl::cat(ReportCategory));
cl::opt<std::string>
    Root("root",
         cl::desc("The project root: relative paths, fingerprints, and the "
                  "limit of fix (default: git top level, or .)"),
         cl::value_desc("dir"), ANALYSIS, cl::sub(MergeCommand),
         cl::cat(ReportCategory));
cl::list<std::string> Reports(cl::Positional, cl::desc("REPORT.json..."),
                              cl::sub(MergeCommand));
cl::opt<bool>
    PerTU("per-tu",
          cl::desc("Analyse each translation unit alone: no facts, no solve "
                   "across translation units (docs/whole-program.md)"),
          CHECK_FIX, cl::cat(ReportCategory));

cl::opt<bool> DryRun("dry-run",
                     cl::desc("Print a unified diff, change nothing"),
                     cl::sub(FixCommand), cl::cat(FixCategory));
cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write clang-apply-replacements YAML, change nothing"),
                cl::value_desc("file"), cl::sub(FixCommand),
                cl::sub(MergeCommand), cl::cat(FixCategory));
cl::opt<bool> ClangFormat("clang-format",
                          cl::desc("Format the changed lines (as clang-format, "
                                   "with the file's .clang-format)"),
                          cl::sub(FixCommand), cl::cat(FixCategory));

cl::opt<bool> NoVerify(
    "no-verify",
    cl::desc("Write the fixes without compiling the translation units with "
             "them first (faster; a fix may then break the build)"),
    cl::sub(FixCommand), cl::cat(FixCategory));
cl::opt<bool> VerifyFixes(
    "verify-fixes",
    cl::desc("Compile the translation units with the fix-its, as fix does; "
             "a fix-it one would not compile with is left out of the "
             "report and the finding says 'no safe fix'"),
    cl::sub(CheckCommand), cl::cat(ReportCategory));

cl::opt<bool> Force("force",
                    cl::desc("Edit read-only files too (they are refused "
                             "otherwise)"),
                    cl::sub(FixCommand), cl::cat(FixCategory));

#undef ANALYSIS_AND_TOP
#undef ANALYSIS
#undef CHECK_FIX

cl::opt<bool> PrintResourceDir(
    "print-resource-dir",
    cl::desc("Print the Clang resource directory the tool uses and exit"),
    cl::cat(ConfigCategory));
/// Anything that is not a command, for the message (no name in the help: the
/// usage line shows the subcommands).
cl::list<std::string> Unknown(cl::Positional, cl::desc(""));

cl::extrahelp ExitStatusHelp(R"(
Exit status: 0 no (new) findings, 1 new findings, 2 usage, configuration or
tool error, or a translation unit that failed to parse; 3 (fix) some fixes
were not applied (refused, read-only, conflicting, or no safe fix: a
translation unit would not compile with it). See docs/tool.md.
)");

int usageError(const llvm::Twine &Message) {
  llvm::errs() << "asyncctx: error: " << Message
               << " (see 'asyncctx --help')\n";
  return ExitError;
}

int toolError(const llvm::Twine &Message) {
  llvm::errs() << "asyncctx: error: " << Message << "\n";
  return ExitError;
}

/// Returns -1 if the command line is valid, else the exit status.
int parseCommandLine(int Argc, char **Argv) {
  cl::HideUnrelatedOptions(
      {&SelectCategory, &ConfigCategory, &ReportCategory, &FixCategory});
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "asyncctx " << ASYNCCTX_VERSION << "\n";
  });
  if (Argc < 2)
    return usageError("missing command: 'check', 'fix' or 'merge'");
  const char *Overview =
      "asyncctx: runs the asyncctx clang-tidy checks over the translation "
      "units of a compilation database (BUILD_DIR/compile_commands.json).\n";
  if (!cl::ParseCommandLineOptions(Argc, Argv, Overview, &llvm::errs()
#if LLVM_VERSION_MAJOR >= 22
                                                             ,
                                   /*VFS=*/nullptr
#endif
                                   ,
                                   /*EnvVar=*/nullptr,
                                   /*LongOptionsUseDoubleDash=*/true))
    return ExitError;
  if (!Unknown.empty() && Unknown.front() == "help") {
    cl::PrintHelpMessage();
    return ExitClean;
  }
  if (!Unknown.empty())
    return usageError("unknown command '" + Unknown.front() + "'");
  if (!CheckCommand && !FixCommand && !MergeCommand && !FactsCommand &&
      !BoundariesCommand && !PrintResourceDir && !ListChecks && !VerifyConfig)
    return usageError("missing command: 'check', 'fix' or 'merge'");
  return -1;
}

/// Whether to colour what goes to a stream that \p IsTerminal: --color, and
/// for `auto`, NO_COLOR (no-color.org: set and not empty turns it off).
bool colorFor(bool IsTerminal) {
  const char *NoColor = std::getenv("NO_COLOR");
  return Color == "always" ||
         (Color == "auto" && IsTerminal && !(NoColor && *NoColor));
}

/// How the report looks: --docs-url, --color, --quiet.
void presentation(Report &R) {
  R.DocsURL = DocsURL;
  R.Color =
      colorFor(Output.empty() && llvm::sys::Process::StandardOutIsDisplayed());
  R.Quiet = Quiet;
}

std::optional<ReportFormat> reportFormat() {
  if (Format == "text")
    return ReportFormat::Text;
  if (Format == "json")
    return ReportFormat::JSON;
  if (Format == "sarif")
    return ReportFormat::SARIF;
  if (Format == "codequality")
    return ReportFormat::CodeQuality;
  if (Format == "html")
    return ReportFormat::HTML;
  return std::nullopt;
}

/// Checks what llvm::cl cannot; returns -1 if valid, else the exit status.
int validateAnalysisOptions(SelectionRequest &Request) {
  if (Jobs.getNumOccurrences() && Jobs == 0)
    return usageError("invalid value '0' for -j: expected a positive number");
  if (!Shard.empty()) {
    auto [Index, Count] = llvm::StringRef(Shard).split('/');
    if (Index.getAsInteger(10, Request.ShardIndex) ||
        Count.getAsInteger(10, Request.ShardCount) || !Request.ShardCount ||
        !Request.ShardIndex || Request.ShardIndex > Request.ShardCount)
      return usageError("invalid value '" + Shard +
                        "' for --shard: expected I/N with 1 <= I <= N");
  }
  if (BuildDir.empty())
    return usageError(
        "missing -p BUILD_DIR (the directory with compile_commands.json)");
  if (!ExportFixes.empty() && DryRun)
    return usageError("--dry-run and --export-fixes cannot be combined");
  if (!ConfigFile.empty() && !Config.empty())
    return usageError("--config and --config-file cannot be combined");
  Request.BuildDir = BuildDir;
  Request.Files = Files;
  Request.FilesFrom = FilesFrom;
  return -1;
}

//===--- check and fix ----------------------------------------------------===//

AnalysisSettings analysisSettings() {
  AnalysisSettings S;
  S.ConfigFile = ConfigFile.empty() ? "" : absolutePath(ConfigFile);
  S.Config = Config;
  S.Checks = Checks;
  S.ExtraArgs = ExtraArgs;
  S.ExtraArgsBefore = ExtraArgsBefore;
  S.RemovedArgs = RemovedArgs;
  S.Jobs = Jobs; // 0: all cores
  S.Progress =
      !NoProgress && !Quiet && llvm::sys::Process::StandardErrIsDisplayed();
  S.WholeProgram = !PerTU;
  return S;
}

/// The resource directory: --resource-dir, else found near the binary.
std::string resourceDir(const char *Argv0) {
  if (!ResourceDir.empty())
    return absolutePath(ResourceDir);
  std::string Searched;
  std::string Dir = findResourceDir(Argv0, Searched);
  if (Dir.empty())
    llvm::errs() << "asyncctx: warning: Clang's resource directory (builtin "
                    "headers such as <stddef.h>) not found in "
                 << Searched << "; pass --resource-dir\n";
  return Dir;
}

/// --root, else the git top level of the sources (an out-of-tree build
/// directory is often outside it), else that of the working directory, else
/// the working directory.
bool projectRoot(const std::vector<std::string> &Sources, std::string &Out,
                 std::string &Error) {
  if (Root.empty()) {
    if (!Sources.empty())
      Out = gitTopLevel(llvm::sys::path::parent_path(Sources.front()));
    if (Out.empty())
      Out = gitTopLevel(".");
    if (Out.empty())
      Out = absolutePath(".");
    return true;
  }
  if (!llvm::sys::fs::is_directory(Root)) {
    Error = "--root '" + Root + "' is not a directory";
    return false;
  }
  Out = absolutePath(Root);
  return true;
}

/// The baseline and --diff (in the git work tree of \p ProjectRoot).
bool findingFilter(llvm::StringRef ProjectRoot, FindingFilter &F,
                   std::string &Error) {
  if (!Baseline.empty() && !readBaseline(Baseline, F.Baseline, Error))
    return false;
  if (DiffRev.empty())
    return true;
  F.Changed.emplace();
  return changedLines(DiffRev, ProjectRoot, *F.Changed, Error);
}

/// --verify-config: prints what clang-tidy --verify-config would about the
/// configuration of \p Files; returns the exit status.
int verifyConfig(const std::vector<std::string> &Files) {
  AnalysisSettings Settings = analysisSettings();
  std::vector<std::string> Problems = validateConfiguration(Files, Settings);
  for (std::string &E : Problems)
    E = "asyncctx: error: " + E;
  if (Problems.empty())
    Problems = verifyConfiguration(Files, Settings);
  for (const std::string &P : Problems)
    llvm::errs() << P << "\n";
  if (!Problems.empty())
    return ExitFindings;
  llvm::outs() << "No config errors detected.\n";
  return ExitClean;
}

/// Prints what a fix run did; returns the exit status.
int fixSummary(const Report &R, const FixOutcome &Outcome) {
  // What a fix cannot change is still reported.
  Report Unfixable = R;
  Unfixable.Failed.clear();
  llvm::erase_if(Unfixable.Findings,
                 [](const Finding &F) { return !F.Fixes.empty(); });
  writeText(llvm::errs(), Unfixable);
  size_t Without = Unfixable.Findings.size();
  size_t Fixable = R.Findings.size() - Without;
  llvm::errs() << "asyncctx: " << Fixable << " finding"
               << (Fixable == 1 ? "" : "s") << " with a fix, "
               << (DryRun                 ? "would change "
                   : !ExportFixes.empty() ? "exported for "
                                          : "changed ")
               << Outcome.FilesChanged << " file"
               << (Outcome.FilesChanged == 1 ? "" : "s") << "; " << Without
               << " without a fix";
  if (Outcome.Dropped)
    llvm::errs() << " (" << Outcome.Dropped << " with no safe fix)";
  llvm::errs() << "\n";
  if (exitStatus(R) == ExitError)
    return ExitError;
  if (Outcome.Problems || Outcome.Dropped)
    return ExitNotApplied;
  if (Without)
    return ExitFindings;
  if ((DryRun || !ExportFixes.empty()) && Fixable)
    return ExitFindings;
  return ExitClean;
}

int fix(Report R, const FixVerification &Verification) {
  if (!R.ConfigErrors.empty())
    return toolError("configuration errors; no file was changed");
  if (R.Summary.FailedToParse) {
    Report Failures;
    Failures.Failed = R.Failed;
    writeText(llvm::errs(), Failures);
    if (!AllowParseErrors)
      return toolError(llvm::Twine(R.Summary.FailedToParse) +
                       " translation unit(s) failed to parse; no file was "
                       "changed (--allow-parse-errors to fix the others)");
  }
  FixSettings S;
  S.Root = R.Root;
  S.Verify = NoVerify ? nullptr : &Verification;
  S.Mode = DryRun                 ? FixMode::DryRun
           : !ExportFixes.empty() ? FixMode::Export
                                  : FixMode::Write;
  S.ExportFixes = ExportFixes;
  S.Format = ClangFormat;
  S.Force = Force;
  FixOutcome Outcome = applyFixes(R.Findings, S, llvm::outs());
  llvm::outs().flush();
  return fixSummary(R, Outcome);
}

//===--- facts and boundaries ---------------------------------------------===//

/// Writes the facts file, or lists the inferred boundaries.
int program(const Report &R) {
  if (R.Summary.FailedToParse && !AllowParseErrors) {
    Report Failures;
    Failures.Failed = R.Failed;
    writeText(llvm::errs(), Failures);
    return toolError(llvm::Twine(R.Summary.FailedToParse) +
                     " translation unit(s) failed to parse; their facts would "
                     "be missing (--allow-parse-errors to go on)");
  }
  if (BoundariesCommand) {
    writeBoundaries(llvm::outs(), R.Units, Format == "json", R.Root);
    return ExitClean;
  }
  if (Output.empty() || Output == "-") {
    writeFactsFile(llvm::outs(), R.Units);
    return ExitClean;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Output, EC);
  if (EC)
    return toolError("cannot write facts '" + Output + "': " + EC.message());
  writeFactsFile(OS, R.Units);
  return ExitClean;
}

/// The text report on a terminal, printed as each translation unit finishes
/// rather than at the end (docs/tool.md, "Reporting"). The findings the
/// solve decides after the last unit, and the summary, come at the end.
class LiveText {
public:
  /// Null unless the text report goes to a terminal. With a baseline the
  /// report waits for the end: whether a finding is in it depends on the
  /// others (fingerprints count identical findings).
  static std::unique_ptr<LiveText> forThisRun() {
    if (!CheckCommand || Format != "text" || !Output.empty() ||
        !Baseline.empty() || !llvm::sys::Process::StandardOutIsDisplayed())
      return nullptr;
    return std::make_unique<LiveText>();
  }

  void unitDone(const TUResult &T, const FindingFilter &Filter) {
    llvm::outs().enable_colors(colorFor(/*IsTerminal=*/true));
    for (const Finding &F : T.Findings) {
      if (!outsideDiff(Filter, F) && Shown.insert(key(F)).second)
        writeTextFinding(llvm::outs(), F);
    }
    llvm::outs().flush();
  }

  /// Marks the findings of \p R printed already.
  void markShown(Report &R) const {
    for (Finding &F : R.Findings)
      F.Shown = Shown.count(key(F));
  }

private:
  using Key = std::tuple<std::string, unsigned, std::string, std::string>;
  static Key key(const Finding &F) {
    return {F.Pos.File, F.Pos.Offset, F.Check, F.Message};
  }
  std::set<Key> Shown;
};

/// select -> analyse -> filter, then emit (check) or fix.
int checkOrFix(const char *Argv0) {
  SelectionRequest Request;
  if (int Status = validateAnalysisOptions(Request); Status >= 0)
    return Status;
  AnalysisSettings Settings = analysisSettings();
  std::string Error, ProjectRoot;
  std::unique_ptr<Database> DB;
  std::vector<std::string> Selected;
  FindingFilter Filter;
  if (!selectTranslationUnits(Request, DB, Selected, Error) ||
      !projectRoot(Selected, ProjectRoot, Error))
    return toolError(Error);
  if (VerifyConfig)
    return verifyConfig(Selected);
  if (std::vector<std::string> Errors =
          validateConfiguration(Selected, Settings);
      !Errors.empty())
    return toolError(Errors.front());
  if (!findingFilter(ProjectRoot, Filter, Error))
    return toolError(Error);
  Settings.ResourceDir = resourceDir(Argv0);
  Settings.ProgressRoot = ProjectRoot;
  std::unique_ptr<LiveText> Live = LiveText::forThisRun();
  if (Live)
    Settings.OnUnitDone = [&](const TUResult &T) { Live->unitDone(T, Filter); };

  Report All = summarise(analyse(*DB, Selected, Settings), ProjectRoot,
                         AllowParseErrors);
  if (FactsCommand || BoundariesCommand)
    return program(All);
  // One solve over every unit's facts decides the candidates (and drops the
  // facts); a shard leaves them in its JSON report for `merge`.
  if (!Request.ShardCount)
    decideProgram(All);
  if (!WriteBaseline.empty() &&
      !writeBaseline(WriteBaseline, All.Findings, ProjectRoot, Error))
    return toolError(Error);
  Report R = All;
  R.Findings.clear();
  filterFindings(std::move(All.Findings), std::move(Filter), R);
  for (const std::string &E : R.ConfigErrors)
    llvm::errs() << "asyncctx: error: " << E << "\n";
  FixVerification Verification{DB.get(), &Settings, &All.Compiled};
  if (FixCommand)
    return fix(std::move(R), Verification);
  if (VerifyFixes)
    verifyReportedFixes(R.Findings, Verification, R.Root);
  presentation(R);
  if (Live)
    Live->markShown(R);
  int Status = emitReport(R, *reportFormat(), Output);
  // The findings were just accepted.
  if (!WriteBaseline.empty() && Status == ExitFindings)
    return ExitClean;
  return Status;
}

//===--- merge ------------------------------------------------------------===//

/// read -> filter -> emit.
int merge() {
  if (Reports.empty())
    return usageError(
        "'asyncctx merge' needs at least one --format=json report");
  Report Read;
  std::string Error;
  RepeatedDefinitions Repeats;
  for (const std::string &F : Reports) {
    size_t FirstNew = Read.Units.size();
    if (!readJSONReport(F, Read, Error))
      return toolError(Error);
    Repeats.dropFrom(Read.Units, FirstNew);
  }
  FindingFilter Filter;
  if (!Baseline.empty() && !readBaseline(Baseline, Filter.Baseline, Error))
    return toolError(Error);
  if (!Root.empty())
    Read.Root = absolutePath(Root);
  // The shards' candidates, decided against all their facts together.
  decideProgram(Read);
  Report R = Read;
  R.Findings.clear();
  R.Summary.AllowParseErrors = AllowParseErrors;
  filterFindings(uniqueFindings(std::move(Read.Findings)), std::move(Filter),
                 R);
  if (!ExportFixes.empty()) {
    FixSettings S;
    S.Root = R.Root;
    S.Mode = FixMode::Export;
    S.ExportFixes = ExportFixes;
    if (applyFixes(R.Findings, S, llvm::outs()).Problems)
      return ExitError;
  }
  presentation(R);
  return emitReport(R, *reportFormat(), Output);
}

int run(int Argc, char **Argv) {
  if (int Status = parseCommandLine(Argc, Argv); Status >= 0)
    return Status;
  if (!reportFormat())
    return usageError("invalid value '" + Format +
                      "' for --format: expected text, json, sarif, "
                      "codequality or html");
  if (Color != "auto" && Color != "always" && Color != "never")
    return usageError("invalid value '" + Color +
                      "' for --color: expected auto, always or never");
  // Parse failures and refusals on standard error follow the same rule.
  llvm::errs().enable_colors(
      colorFor(llvm::sys::Process::StandardErrIsDisplayed()));
  if (PrintResourceDir) {
    std::string Searched;
    std::string Dir = findResourceDir(Argv[0], Searched);
    if (Dir.empty())
      return toolError("no Clang resource directory in " + Searched);
    llvm::outs() << Dir << "\n";
    return ExitClean;
  }
  if (MergeCommand)
    return merge();
  if (ListChecks) {
    for (const std::string &C : enabledChecks(analysisSettings()))
      llvm::outs() << C << "\n";
    return ExitClean;
  }
  // Without a command: the configuration of the working directory, as
  // clang-tidy --verify-config without files.
  if (VerifyConfig && !CheckCommand && !FixCommand && !FactsCommand &&
      !BoundariesCommand)
    return verifyConfig({absolutePath("dummy")});
  return checkOrFix(Argv[0]);
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  return run(Argc, Argv);
}

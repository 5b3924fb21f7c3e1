//===--- Analyze.cpp - asyncctx standalone tool ---------------------------===//
//
// Runs the asyncctx checks over translation units with clang-tidy's own
// machinery: a ClangTidyContext with clang-tidy's options providers
// (.clang-tidy lookup, --config-file), ClangTidyASTConsumerFactory (the
// registered checks), and ClangTidyDiagnosticConsumer (NOLINT, NOLINTNEXTLINE,
// NOLINTBEGIN/END, header filter, de-duplication of a TU's diagnostics). It is
// what clang::tidy::runClangTidy does, per translation unit, with a ClangTool
// whose file system has its own working directory (so TUs can run on several
// threads) and that does not print to stderr.
//
//===----------------------------------------------------------------------===//

#include "checks/WholeProgram.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "tool/Tool.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <mutex>

using namespace clang;
using namespace clang::tidy;

namespace asyncctx::tool {

//===--- Options ----------------------------------------------------------===//

static ClangTidyOptions defaultOptions(const AnalysisSettings &S) {
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  // Findings in the project's own headers are the point (a header shared by
  // many TUs is fixed once); a .clang-tidy may narrow this.
  Defaults.HeaderFilterRegex = ".*";
  Defaults.SystemHeaders = false;
  Defaults.Checks = "asyncctx-*";
  return Defaults;
}

static ClangTidyOptions overrideOptions(const AnalysisSettings &S) {
  ClangTidyOptions Override;
  // The tool runs its own checks whatever a .clang-tidy written for
  // clang-tidy enables (`Checks: '-*,bugprone-*'`); --checks narrows them.
  std::string Checks = "-*,asyncctx-*";
  if (!S.Checks.empty())
    Checks += "," + S.Checks;
  Override.Checks = Checks;
  if (!S.ExtraArgs.empty())
    Override.ExtraArgs = S.ExtraArgs;
  if (!S.ExtraArgsBefore.empty())
    Override.ExtraArgsBefore = S.ExtraArgsBefore;
  return Override;
}

static std::unique_ptr<ClangTidyOptionsProvider>
makeProvider(const AnalysisSettings &S) {
  ClangTidyGlobalOptions Global;
  if (!S.ConfigFile.empty() || !S.Config.empty()) {
    std::string Text = S.Config;
    if (!S.ConfigFile.empty()) {
      auto Buffer = llvm::MemoryBuffer::getFile(S.ConfigFile);
      if (Buffer)
        Text = (*Buffer)->getBuffer().str();
    }
    auto Parsed = parseConfiguration(llvm::MemoryBufferRef(Text, S.ConfigFile));
    if (Parsed)
      return std::make_unique<ConfigOptionsProvider>(
          Global, defaultOptions(S), std::move(*Parsed), overrideOptions(S));
  }
  return std::make_unique<FileOptionsProvider>(Global, defaultOptions(S),
                                               overrideOptions(S));
}

/// Where a raw options source came from, as the user wrote it: the path of a
/// .clang-tidy file, `--config-file 'PATH'` or `--config`.
static std::string sourceName(const ClangTidyOptionsProvider::OptionsSource &O,
                              const AnalysisSettings &S) {
  if (O.second !=
      ClangTidyOptionsProvider::OptionsSourceTypeConfigCommandLineOption)
    return O.second;
  return S.ConfigFile.empty() ? "--config"
                              : "--config-file '" + S.ConfigFile + "'";
}

/// The configuration files and options, in the order clang-tidy merges them,
/// without the tool's defaults and overrides.
static std::vector<ClangTidyOptionsProvider::OptionsSource>
userSources(ClangTidyOptionsProvider &Provider, llvm::StringRef File) {
  std::vector<ClangTidyOptionsProvider::OptionsSource> Sources;
  for (auto &Source : Provider.getRawOptions(File))
    if (Source.second !=
            ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary &&
        Source.second !=
            ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption)
      Sources.push_back(std::move(Source));
  return Sources;
}

/// \p Message (a configuration diagnostic naming an option in quotes)
/// prefixed with the source that set the option for \p File, so the user
/// knows which .clang-tidy to edit.
static std::string withSource(llvm::StringRef Message, llvm::StringRef File,
                              ClangTidyOptionsProvider &Provider,
                              const AnalysisSettings &S) {
  llvm::SmallVector<llvm::StringRef> Match;
  if (!llvm::Regex("option '([^']+)'").match(Message, &Match))
    return Message.str();
  llvm::StringRef Key = Match[1];
  // A check reads `check.Option`, else the global `Option`.
  llvm::StringRef Global = Key.rsplit('.').second;
  auto Sources = userSources(Provider, File);
  for (llvm::StringRef Name : {Key, Global}) {
    // The last source that sets it wins, as in the merged options.
    for (auto It = Sources.rbegin(); !Name.empty() && It != Sources.rend();
         ++It)
      if (It->first.CheckOptions.count(Name))
        return sourceName(*It, S) + ": " + Message.str();
  }
  return Message.str();
}

static std::string parseErrors(llvm::StringRef Text, llvm::StringRef Name,
                               bool &InheritParent) {
  std::string Message;
  auto Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, Name), [&](const llvm::SMDiagnostic &D) {
        if (!Message.empty() || D.getKind() != llvm::SourceMgr::DK_Error)
          return;
        Message = D.getMessage().str();
        if (D.getLineNo() > 0)
          Message = std::to_string(D.getLineNo()) + ":" +
                    std::to_string(D.getColumnNo() + 1) + ": " + Message;
      });
  if (!Parsed) {
    if (Message.empty())
      Message = Parsed.getError().message();
    return Message;
  }
  InheritParent = Parsed->InheritParentConfig.value_or(false);
  return "";
}

std::vector<std::string>
validateConfiguration(const std::vector<std::string> &Files,
                      const AnalysisSettings &S) {
  std::vector<std::string> Errors;
  bool Inherit = false;
  if (!S.ConfigFile.empty()) {
    auto Buffer = llvm::MemoryBuffer::getFile(S.ConfigFile);
    if (!Buffer)
      return {"cannot read configuration file '" + S.ConfigFile +
              "': " + Buffer.getError().message()};
    std::string E = parseErrors((*Buffer)->getBuffer(), S.ConfigFile, Inherit);
    if (!E.empty())
      return {"malformed configuration file '" + S.ConfigFile + "': " + E};
    if (!Inherit)
      return {};
  } else if (!S.Config.empty()) {
    std::string E = parseErrors(S.Config, "--config", Inherit);
    if (!E.empty())
      return {"malformed --config: " + E};
    if (!Inherit)
      return {};
  }
  // The directories clang-tidy's FileOptionsProvider visits: from each file's
  // directory upwards, stopping at a config without InheritParentConfig.
  std::set<std::string> Visited;
  for (const std::string &File : Files) {
    llvm::StringRef Dir = llvm::sys::path::parent_path(File);
    while (!Dir.empty()) {
      if (!Visited.insert(Dir.str()).second)
        break;
      llvm::SmallString<256> Config(Dir);
      llvm::sys::path::append(Config, ".clang-tidy");
      if (llvm::sys::fs::exists(Config)) {
        auto Buffer = llvm::MemoryBuffer::getFile(Config);
        if (!Buffer) {
          Errors.push_back("cannot read configuration file '" +
                           Config.str().str() +
                           "': " + Buffer.getError().message());
          break;
        }
        bool InheritHere = false;
        std::string E =
            parseErrors((*Buffer)->getBuffer(), Config, InheritHere);
        if (!E.empty()) {
          Errors.push_back("malformed configuration file '" +
                           Config.str().str() + "': " + E);
          break;
        }
        if (!InheritHere)
          break;
      }
      llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent;
    }
  }
  return Errors;
}

std::vector<std::string> enabledChecks(const AnalysisSettings &S) {
  ClangTidyOptions Opts = defaultOptions(S);
  Opts.mergeWith(overrideOptions(S), 0);
  return getCheckNames(Opts, false
#if LLVM_VERSION_MAJOR >= 22
                       ,
                       false
#endif
  );
}

/// The closest of \p Known to \p Name, if it is a plausible misspelling.
static std::string closest(llvm::StringRef Name,
                           const llvm::StringSet<> &Known) {
  std::string Best;
  unsigned BestDistance = Name.size() / 3 + 1;
  for (const auto &K : Known) {
    unsigned D = Name.edit_distance(K.getKey(), true, BestDistance);
    if (D < BestDistance) {
      BestDistance = D;
      Best = K.getKey().str();
    }
  }
  return Best;
}

static std::string didYouMean(llvm::StringRef Name,
                              const llvm::StringSet<> &Known) {
  std::string Best = closest(Name, Known);
  return Best.empty() ? "" : "; did you mean '" + Best + "'";
}

std::vector<std::string>
verifyConfiguration(const std::vector<std::string> &Files,
                    const AnalysisSettings &S) {
#if LLVM_VERSION_MAJOR >= 22
  ChecksAndOptions All = getAllChecksAndOptions(false, false);
  const llvm::StringSet<> &KnownChecks = All.Checks;
#else
  NamesAndOptions All = getAllChecksAndOptions(false);
  const llvm::StringSet<> &KnownChecks = All.Names;
#endif
  // Only what is addressed to asyncctx: a .clang-tidy written for clang-tidy
  // names its other checks, which this tool does not have.
  auto Ours = [](llvm::StringRef Name) { return Name.starts_with("asyncctx"); };
  std::vector<std::string> Problems;
  std::set<std::string> Seen;
  auto Report = [&](const std::string &Where, const std::string &What) {
    std::string Line = Where + ": warning: " + What + " [-verify-config]";
    if (Seen.insert(Line).second)
      Problems.push_back(Line);
  };
  std::unique_ptr<ClangTidyOptionsProvider> Provider = makeProvider(S);
  for (const std::string &File : Files) {
    for (const auto &Source : userSources(*Provider, File)) {
      std::string Where = sourceName(Source, S);
      const ClangTidyOptions &O = Source.first;
      std::string Checks = O.Checks.value_or("");
      llvm::SmallVector<llvm::StringRef> Globs;
      llvm::StringRef(Checks).split(Globs, ',', -1, false);
      for (llvm::StringRef Glob : Globs) {
        Glob = Glob.trim();
        if (Glob.starts_with("-") || !Ours(Glob))
          continue;
        GlobList Matcher(Glob);
        if (llvm::any_of(KnownChecks, [&](const auto &C) {
              return Matcher.contains(C.getKey());
            }))
          continue;
        if (Glob.contains('*'))
          Report(Where, "check glob '" + Glob.str() +
                            "' doesn't match any known check");
        else
          Report(Where, "unknown check '" + Glob.str() + "'" +
                            didYouMean(Glob, KnownChecks));
      }
      for (const auto &Option : O.CheckOptions) {
        llvm::StringRef Key = Option.getKey();
        if (!Ours(Key) || !Key.contains('.') || All.Options.contains(Key))
          continue;
        Report(Where, "unknown check option '" + Key.str() + "'" +
                          didYouMean(Key, All.Options));
      }
    }
  }
  return Problems;
}

//===--- Resource directory -----------------------------------------------===//

static bool hasBuiltinHeaders(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "include", "stddef.h");
  return llvm::sys::fs::exists(P);
}

std::string findResourceDir(const char *Argv0, std::string &Searched) {
  std::vector<std::string> Candidates;
  if (std::optional<std::string> Env =
          llvm::sys::Process::GetEnv("ASYNCCTX_RESOURCE_DIR"))
    Candidates.push_back(*Env);
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  if (!Exe.empty()) {
    llvm::StringRef BinDir = llvm::sys::path::parent_path(Exe);
    llvm::SmallString<256> P(llvm::sys::path::parent_path(BinDir));
    // A tool installed into the LLVM prefix itself, or next to a bundled copy.
    llvm::sys::path::append(P, "lib", "clang",
                            std::to_string(LLVM_VERSION_MAJOR));
    Candidates.push_back(P.str().str());
  }
  Candidates.push_back(ASYNCCTX_CLANG_RESOURCE_DIR);
  for (const std::string &C : Candidates) {
    if (!Searched.empty())
      Searched += ", ";
    Searched += C;
    if (hasBuiltinHeaders(C))
      return C;
  }
  return "";
}

//===--- Running a translation unit ---------------------------------------===//

namespace {

class Action : public ASTFrontendAction {
public:
  Action(ClangTidyASTConsumerFactory *Factory,
         std::vector<std::string> *FilesRead)
      : Factory(Factory), FilesRead(FilesRead) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    return Factory->createASTConsumer(Compiler, File);
  }
  void EndSourceFileAction() override {
    // What `fix` compiles again when one of these files gets an edit.
    CompilerInstance &Compiler = getCompilerInstance();
    SourceManager &SM = Compiler.getSourceManager();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      llvm::SmallString<256> Name(It->first.getName());
      Compiler.getFileManager().makeAbsolutePath(Name);
      FilesRead->push_back(absolutePath(Name));
    }
  }

private:
  ClangTidyASTConsumerFactory *Factory;
  std::vector<std::string> *FilesRead;
};

/// Runs the compile as clang-tidy does: code may test __clang_analyzer__,
/// and nothing is printed ("N warnings generated.").
class AsClangTidyFactory : public tooling::FrontendActionFactory {
public:
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }
};

class ActionFactory : public AsClangTidyFactory {
public:
  ActionFactory(ClangTidyContext &Context,
                IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                std::vector<std::string> &FilesRead)
      : ConsumerFactory(Context, std::move(FS)), FilesRead(FilesRead) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(&ConsumerFactory, &FilesRead);
  }

private:
  ClangTidyASTConsumerFactory ConsumerFactory;
  std::vector<std::string> &FilesRead;
};

/// The compile command adjustments clang-tidy makes, and ours.
void adjustArguments(tooling::ClangTool &Tool, ClangTidyContext &Context,
                     const AnalysisSettings &S) {
  Tool.appendArgumentsAdjuster(
      [&Context, &S](const tooling::CommandLineArguments &Args,
                     StringRef Filename) {
        ClangTidyOptions Opts = Context.getOptionsForFile(Filename);
        tooling::CommandLineArguments Adjusted = Args;
        // As clang-tidy: arguments the compiler in the database understands
        // and Clang does not (-fno-canonical-system-headers) are removed,
        // exactly as written, before the extra arguments are added.
        std::vector<std::string> Removed = S.RemovedArgs;
#if LLVM_VERSION_MAJOR >= 22
        if (Opts.RemovedArgs)
          llvm::append_range(Removed, *Opts.RemovedArgs);
#endif
        if (!Removed.empty() && !Adjusted.empty())
          Adjusted.erase(std::remove_if(Adjusted.begin() + 1, Adjusted.end(),
                                        [&](const std::string &A) {
                                          return llvm::is_contained(Removed, A);
                                        }),
                         Adjusted.end());
        if (Opts.ExtraArgsBefore && !Adjusted.empty())
          Adjusted.insert(Adjusted.begin() + 1, Opts.ExtraArgsBefore->begin(),
                          Opts.ExtraArgsBefore->end());
        if (Opts.ExtraArgs)
          Adjusted.insert(Adjusted.end(), Opts.ExtraArgs->begin(),
                          Opts.ExtraArgs->end());
        return Adjusted;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  // A -Werror'd compiler warning is not a parse failure.
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      "-Wno-error", tooling::ArgumentInsertPosition::END));
  if (S.ResourceDir.empty())
    return;
  std::string Dir = S.ResourceDir;
  Tool.appendArgumentsAdjuster(
      [Dir](const tooling::CommandLineArguments &Args, StringRef) {
        for (const std::string &A : Args)
          if (llvm::StringRef(A).starts_with("-resource-dir"))
            return Args;
        tooling::CommandLineArguments Adjusted = Args;
        Adjusted.push_back("-resource-dir=" + Dir);
        return Adjusted;
      });
}

/// Runs the checks over \p File; their diagnostics are in \p Consumer.
/// Returns ClangTool's status (non-zero if the file did not compile).
int runChecks(const Database &D, const std::string &File,
              const AnalysisSettings &S, ClangTidyContext &Context,
              ClangTidyDiagnosticConsumer &Consumer,
              std::vector<std::string> &FilesRead) {
  // A physical file system of its own: ClangTool changes the working
  // directory of its file system for each compile command, and the real
  // one's is the process's.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Physical(
      llvm::vfs::createPhysicalFileSystem().release());
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Physical);
  tooling::ClangTool Tool(*D.DB, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  Tool.setPrintErrorMessage(false);
  adjustArguments(Tool, Context, S);
#if LLVM_VERSION_MAJOR >= 21
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
  DiagnosticsEngine Engine(DiagnosticIDs::create(), *DiagOpts, &Consumer,
                           /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);
#else
  DiagnosticsEngine Engine(new DiagnosticIDs(), new DiagnosticOptions(),
                           &Consumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&Engine);
#endif
  Tool.setDiagnosticConsumer(&Consumer);
  ActionFactory Factory(Context, FS, FilesRead);
  return Tool.run(&Factory);
}

Position position(const tooling::DiagnosticMessage &M,
                  llvm::StringRef BuildDir) {
  Position P;
  if (!M.FilePath.empty())
    P.File = absolutePath(M.FilePath, BuildDir);
  P.Offset = M.FileOffset;
  fillLineColumn(P);
  return P;
}

Finding finding(const ClangTidyError &E) {
  Finding F;
  F.Check = E.DiagnosticName;
  F.Level = E.DiagLevel == tooling::Diagnostic::Error ? "error" : "warning";
  F.Message = E.Message.Message;
  F.Pos = position(E.Message, E.BuildDirectory);
  for (const auto &Entry : E.Message.Fix)
    for (const tooling::Replacement &R : Entry.second)
      F.Fixes.emplace_back(absolutePath(R.getFilePath(), E.BuildDirectory),
                           R.getOffset(), R.getLength(),
                           R.getReplacementText());
  llvm::sort(F.Fixes);
  for (const tooling::DiagnosticMessage &N : E.Notes)
    F.Notes.push_back({N.Message, position(N, E.BuildDirectory)});
  return F;
}

/// Collects what the checks contribute to the whole program.
class UnitCollector : public FactsSink {
public:
  void addUnit(UnitFacts Unit) override { Units.push_back(std::move(Unit)); }
  unsigned addCandidate(Candidate C) override {
    Candidates.push_back(std::move(C));
    return Candidates.size() - 1;
  }
  std::vector<UnitFacts> Units;
  std::vector<Candidate> Candidates;
};

TUResult analyseOne(const Database &D, const std::string &File,
                    const AnalysisSettings &S) {
  TUResult Result;
  Result.File = File;
  // ClangTool aborts the process when it cannot enter a compile command's
  // directory; here that is this unit's error.
  for (const tooling::CompileCommand &C : D.DB->getCompileCommands(File))
    if (!llvm::sys::fs::is_directory(C.Directory)) {
      Finding F;
      F.Check = "clang-diagnostic-error";
      F.Level = "error";
      F.Message = "the directory '" + C.Directory +
                  "' of its compile command does not exist";
      F.Pos.File = File;
      fillLineColumn(F.Pos);
      Result.Failure = ParseFailure{File, {std::move(F)}};
      return Result;
    }
  std::unique_ptr<ClangTidyOptionsProvider> Provider = makeProvider(S);
  ClangTidyOptionsProvider &Options = *Provider;
  ClangTidyContext Context(std::move(Provider));
  ClangTidyDiagnosticConsumer Consumer(Context);
  // Whole program: the checks hand this unit's facts and candidates to a
  // sink installed on this thread for the run.
  UnitCollector Collector;
  std::optional<FactsSink::Scope> CollectInto;
  if (S.WholeProgram)
    CollectInto.emplace(&Collector);
  std::vector<std::string> FilesRead;
  int Status = runChecks(D, File, S, Context, Consumer, FilesRead);
  CollectInto.reset();
  Result.Analysed = true;

  std::set<std::string> ConfigErrors;
  std::vector<Finding> Errors;
  for (const ClangTidyError &E : Consumer.take()) {
    llvm::StringRef Name = E.DiagnosticName;
    if (Name == "clang-tidy-config")
      ConfigErrors.insert(withSource(E.Message.Message, File, Options, S));
    else if (!Name.starts_with("clang-diagnostic-")) {
      Finding F = finding(E);
      // A candidate's provisional diagnostic: the solve decides it.
      if (std::optional<unsigned> Id = parseCandidateMarker(F.Message);
          Id && *Id < Collector.Candidates.size())
        Result.Candidates.emplace_back(std::move(F), Collector.Candidates[*Id]);
      else
        Result.Findings.push_back(std::move(F));
    } else if (E.DiagLevel == tooling::Diagnostic::Error)
      Errors.push_back(finding(E));
  }
  Result.Facts.File = File;
  for (UnitFacts &Unit : Collector.Units) {
    llvm::append_range(Result.Facts.FileHashes, Unit.FileHashes);
    std::move(Unit.Functions.begin(), Unit.Functions.end(),
              std::back_inserter(Result.Facts.Functions));
    std::move(Unit.Bridges.begin(), Unit.Bridges.end(),
              std::back_inserter(Result.Facts.Bridges));
  }
  Result.ConfigErrors.assign(ConfigErrors.begin(), ConfigErrors.end());
  if (Status != 0 && Errors.empty() && Result.ConfigErrors.empty()) {
    Finding F;
    F.Check = "clang-diagnostic-error";
    F.Level = "error";
    F.Message = "the translation unit could not be compiled";
    F.Pos.File = File;
    fillLineColumn(F.Pos);
    Errors.push_back(std::move(F));
  }
  if (!Errors.empty()) {
    Result.Failure = ParseFailure{File, std::move(Errors)};
    return Result;
  }
  llvm::sort(FilesRead);
  FilesRead.erase(llvm::unique(FilesRead), FilesRead.end());
  Result.FilesRead = std::move(FilesRead);
  return Result;
}

/// Keeps the first error of a compile, and where it and its notes point.
class FirstError : public DiagnosticConsumer {
public:
  explicit FirstError(std::string Directory)
      : Directory(std::move(Directory)) {}
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level == DiagnosticsEngine::Note && InFirst) {
      addPlace(Info);
      return;
    }
    InFirst = Level >= DiagnosticsEngine::Error && !Error;
    if (!InFirst)
      return;
    Error.emplace();
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    Error->Message = Message.str().str();
    if (addPlace(Info))
      std::tie(Error->File, Error->Offset) = Error->Places.front();
  }
  std::optional<CompileError> Error;

private:
  bool addPlace(const Diagnostic &Info) {
    if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
      return false;
    const SourceManager &SM = Info.getSourceManager();
    // A macro's error is where the macro is used.
    SourceLocation Loc = SM.getFileLoc(Info.getLocation());
    OptionalFileEntryRef Entry = SM.getFileEntryRefForID(SM.getFileID(Loc));
    if (!Entry)
      return false;
    Error->Places.emplace_back(absolutePath(Entry->getName(), Directory),
                               SM.getFileOffset(Loc));
    return true;
  }
  std::string Directory;
  bool InFirst = false;
};

class SyntaxOnlyFactory : public AsClangTidyFactory {
public:
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SyntaxOnlyAction>();
  }
};

} // namespace

std::optional<CompileError>
compileWith(const Database &D, const std::string &File,
            const AnalysisSettings &S,
            const std::map<std::string, std::string> &Overlay) {
  std::vector<tooling::CompileCommand> Commands =
      D.DB->getCompileCommands(File);
  std::string Directory = Commands.empty() ? "" : Commands.front().Directory;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Physical(
      llvm::vfs::createPhysicalFileSystem().release());
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Physical);
  // ClangTool puts these in an in-memory file system over the real one.
  tooling::ClangTool Tool(*D.DB, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  for (const auto &[Path, Contents] : Overlay)
    Tool.mapVirtualFile(Path, Contents);
  Tool.setPrintErrorMessage(false);
  // The per-file ExtraArgs of the .clang-tidy files, as in analyse().
  ClangTidyContext Context(makeProvider(S));
  adjustArguments(Tool, Context, S);
  FirstError Consumer(Directory);
  Tool.setDiagnosticConsumer(&Consumer);
  SyntaxOnlyFactory Factory;
  int Status = Tool.run(&Factory);
  if (!Consumer.Error && Status != 0)
    return CompileError{File, 0, "the translation unit could not be compiled"};
  return Consumer.Error;
}

std::vector<TUResult> analyse(const Database &D,
                              const std::vector<std::string> &Files,
                              const AnalysisSettings &S) {
  std::vector<TUResult> Results(Files.size());
  std::mutex ProgressMutex;
  size_t Done = 0;
  // Each translation unit has its own context, tool and checks; nothing is
  // shared but the read-only check registry.
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(S.Jobs));
  for (size_t I = 0; I < Files.size(); ++I)
    Pool.async([&, I] {
      Results[I] = analyseOne(D, Files[I], S);
      if (!S.Progress && !S.OnUnitDone)
        return;
      std::lock_guard<std::mutex> Lock(ProgressMutex);
      if (S.Progress)
        llvm::errs() << "\r\x1b[K";
      if (S.OnUnitDone)
        S.OnUnitDone(Results[I]);
      if (!S.Progress)
        return;
      llvm::errs() << "[" << ++Done << "/" << Files.size() << "] "
                   << relativePath(Files[I], S.ProgressRoot);
      llvm::errs().flush();
    });
  Pool.wait();
  if (S.Progress && !Files.empty())
    llvm::errs() << "\r\x1b[K";
  return Results;
}

Report summarise(std::vector<TUResult> Results, llvm::StringRef Root,
                 bool AllowParseErrors) {
  Report R;
  R.Root = Root.str();
  R.Summary.TranslationUnits = Results.size();
  R.Summary.AllowParseErrors = AllowParseErrors;
  std::set<std::string> ConfigErrors;
  std::vector<Finding> All;
  for (TUResult &T : Results) {
    R.Summary.Analysed += T.Analysed;
    if (T.Analysed && !T.Failure)
      R.Compiled.push_back({T.File, std::move(T.FilesRead)});
    if (T.Failure) {
      R.Failed.push_back(std::move(*T.Failure));
      // Fix-its computed on a broken AST are not offered (docs/tool.md,
      // "Exit status"); a translation unit that parsed may still bring
      // the same finding with its fix.
      for (Finding &F : T.Findings)
        F.Fixes.clear();
      for (auto &Entry : T.Candidates)
        Entry.first.Fixes.clear();
    }
    ConfigErrors.insert(T.ConfigErrors.begin(), T.ConfigErrors.end());
    std::move(T.Findings.begin(), T.Findings.end(), std::back_inserter(All));
    if (!T.Facts.File.empty())
      R.Units.push_back(std::move(T.Facts));
    std::move(T.Candidates.begin(), T.Candidates.end(),
              std::back_inserter(R.Candidates));
  }
  R.Summary.FailedToParse = R.Failed.size();
  R.ConfigErrors.assign(ConfigErrors.begin(), ConfigErrors.end());
  R.Findings = uniqueFindings(std::move(All));
  assignFingerprints(R.Findings, Root);
  return R;
}

} // namespace asyncctx::tool

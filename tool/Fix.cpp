//===--- Fix.cpp - asyncctx standalone tool -------------------------------===//
//
// `asyncctx fix`: the files around the fix pipeline (rewriter/FixPipeline.h).
// Refuses what must not be edited, then writes the files as one set (every
// new file to a temporary, then all renamed; a signal in between changes
// nothing), prints a unified diff, or exports clang-apply-replacements YAML.
//
//===----------------------------------------------------------------------===//

#include "rewriter/FixPipeline.h"
#include "tool/Tool.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <csignal>
#include <cstring>
#include <iterator>
#include <unistd.h>

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace asyncctx::tool {

namespace {

std::string realPath(llvm::StringRef P) {
  llvm::SmallString<256> Out;
  if (llvm::sys::fs::real_path(P, Out))
    return P.str();
  return Out.str().str();
}

bool isUnder(llvm::StringRef File, llvm::StringRef Dir) {
  std::string D = Dir.str();
  if (D.empty())
    return false;
  if (D.back() != '/')
    D += '/';
  return File.starts_with(D);
}

/// No write permission for anyone (checked on the bits, not with access(),
/// which lets root write anything): someone made it read-only on purpose.
bool isReadOnly(llvm::StringRef File) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(File, Status))
    return false;
  return !(Status.permissions() & llvm::sys::fs::all_write) ||
         llvm::sys::fs::access(File, llvm::sys::fs::AccessMode::Write);
}

/// Why \p File must not be edited, or "". System headers never get here: the
/// checks make no fix in them (rewriter/WrapFix.h, isEditableLocation).
std::string refusal(llvm::StringRef File, llvm::StringRef Text,
                    const MergedEdits &Merged, const FixSettings &S) {
  if (!isUnder(realPath(File), realPath(S.Root)))
    return "it is outside the project root '" + S.Root + "' (see --root)";
  // As clang-apply-replacements: a read-only file is not edited.
  if (S.Mode == FixMode::Write && !S.Force && isReadOnly(File))
    return "it is read-only (--force to edit it anyway)";
  unsigned End = 0;
  for (const Replacement &E : Merged.Edits)
    End = std::max(End, E.getOffset() + E.getLength());
  if (Merged.Conflict)
    End = std::max(End, Merged.Conflict->second.getOffset() +
                            Merged.Conflict->second.getLength());
  // Code generated with #line directives (parsers, protobuf, ...) reports its
  // locations in another file; edits belong in the generator's input.
  llvm::Regex Line("^[ \t]*#[ \t]*(line[ \t]+)?[0-9]+", llvm::Regex::Newline);
  if (Line.match(Text.substr(0, End)))
    return "its code is reached through #line directives (generated code); "
           "edit the file it was generated from";
  if (End > Text.size())
    return "the fix does not match its current contents (was it changed "
           "since the analysis?)";
  return "";
}

/// The new contents of \p File in a temporary file next to it, with its
/// permissions; renamed over it later, so a reader never sees half a file.
/// TempFile removes it if a signal ends the process first.
std::optional<llvm::sys::fs::TempFile> writeTemporary(llvm::StringRef File,
                                                      llvm::StringRef Contents,
                                                      std::string &Error) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(File, Status)) {
    Error = EC.message();
    return std::nullopt;
  }
  llvm::Expected<llvm::sys::fs::TempFile> Temp =
      llvm::sys::fs::TempFile::create(File + ".asyncctx-%%%%%%.tmp");
  if (!Temp) {
    Error = "cannot create a temporary file next to it: " +
            llvm::toString(Temp.takeError());
    return std::nullopt;
  }
  llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
  OS << Contents;
  OS.flush();
  std::error_code EC = OS.error();
  if (!EC)
    EC = llvm::sys::fs::setPermissions(Temp->FD, Status.permissions());
  if (EC) {
    Error = "cannot write '" + Temp->TmpName + "': " + EC.message();
    OS.clear_error();
    llvm::consumeError(Temp->discard());
    return std::nullopt;
  }
  return std::move(*Temp);
}

//===--- Interruption -----------------------------------------------------===//
//
// SIGINT, SIGTERM and SIGHUP while files are written. LLVM's handler (installed
// by InitLLVM) removes the temporary files TempFile registered and ends the
// process by the signal; ours runs first, prints which files were applied,
// and hands the signal on. The renames run with these signals blocked: a
// signal during them is delivered once every file is replaced, so the files
// are changed all or none.

const int InterruptSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction Previous[std::size(InterruptSignals)];
/// What to say if a signal arrives now (formatted before, printed with
/// write(2): nothing else is async-signal-safe).
std::atomic<const char *> InterruptMessage{nullptr};

void onInterrupt(int Signal) {
  if (const char *Message = InterruptMessage.load())
    (void)!::write(STDERR_FILENO, Message, strlen(Message));
  // Back to LLVM's handler, which runs when this one returns: it removes
  // the temporary files and re-raises the signal with the default action.
  for (size_t I = 0; I < std::size(InterruptSignals); ++I)
    if (InterruptSignals[I] == Signal)
      sigaction(Signal, &Previous[I], nullptr);
  raise(Signal);
}

class InterruptReport {
public:
  InterruptReport() {
    struct sigaction Action = {};
    Action.sa_handler = onInterrupt;
    sigemptyset(&Action.sa_mask);
    for (size_t I = 0; I < std::size(InterruptSignals); ++I)
      sigaction(InterruptSignals[I], &Action, &Previous[I]);
  }
  ~InterruptReport() {
    InterruptMessage = nullptr;
    for (size_t I = 0; I < std::size(InterruptSignals); ++I)
      sigaction(InterruptSignals[I], &Previous[I], nullptr);
  }
  void say(std::string Message) {
    // The previous text stays alive: the handler may be reading it.
    Messages.push_back(std::make_unique<std::string>(std::move(Message)));
    InterruptMessage = Messages.back()->c_str();
  }

private:
  std::vector<std::unique_ptr<std::string>> Messages;
};

/// Blocks the interrupting signals in this scope (the renames).
class BlockInterrupts {
public:
  BlockInterrupts() {
    sigset_t Set;
    sigemptyset(&Set);
    for (int Signal : InterruptSignals)
      sigaddset(&Set, Signal);
    pthread_sigmask(SIG_BLOCK, &Set, &Saved);
  }
  ~BlockInterrupts() { pthread_sigmask(SIG_SETMASK, &Saved, nullptr); }

private:
  sigset_t Saved;
};

/// The testing hook (docs/tool.md, "fix"): ASYNCCTX_TEST_FIX_SIGNAL set to
/// `before-rename` raises SIGTERM once every temporary file is written,
/// `after-rename=N` after the N-th rename.
void testSignal(llvm::StringRef Point) {
  static const std::optional<std::string> Hook =
      llvm::sys::Process::GetEnv("ASYNCCTX_TEST_FIX_SIGNAL");
  if (Hook && *Hook == Point)
    raise(SIGTERM);
}

std::string fileList(llvm::StringRef What,
                     const std::vector<std::string> &Files,
                     llvm::StringRef Root) {
  std::string Text;
  for (const std::string &F : Files)
    Text += "asyncctx: " + What.str() + ": " + relativePath(F, Root) + "\n";
  return Text;
}

/// Writes \p Files (path, new contents) as one set; returns the problems.
unsigned
writeFiles(const std::vector<std::pair<std::string, std::string>> &Files,
           const FixSettings &S, unsigned &FilesChanged) {
  std::vector<std::string> Names;
  for (const auto &F : Files)
    Names.push_back(F.first);
  InterruptReport Report;
  Report.say("asyncctx: interrupted before the fixes were written; no file "
             "was changed, temporary files removed\n" +
             fileList("not applied", Names, S.Root));
  std::vector<llvm::sys::fs::TempFile> Temps;
  for (const auto &[File, Contents] : Files) {
    std::string Error;
    std::optional<llvm::sys::fs::TempFile> Temp =
        writeTemporary(File, Contents, Error);
    if (!Temp) {
      llvm::errs() << "asyncctx: error: cannot write '" << File
                   << "': " << Error << "; no file was changed\n";
      for (llvm::sys::fs::TempFile &T : Temps)
        llvm::consumeError(T.discard());
      return 1;
    }
    Temps.push_back(std::move(*Temp));
  }
  testSignal("before-rename");
  unsigned Problems = 0;
  std::vector<std::string> Applied, Failed;
  {
    BlockInterrupts Blocked;
    for (size_t I = 0; I < Temps.size(); ++I) {
      if (llvm::Error E = Temps[I].keep(Files[I].first)) {
        llvm::errs() << "asyncctx: error: cannot replace '" << Files[I].first
                     << "': " << llvm::toString(std::move(E)) << "\n";
        Failed.push_back(Files[I].first);
        ++Problems;
        continue;
      }
      Applied.push_back(Files[I].first);
      testSignal("after-rename=" + std::to_string(Applied.size()));
    }
    Report.say("asyncctx: interrupted after the fixes were written\n" +
               fileList("applied", Applied, S.Root) +
               fileList("not applied", Failed, S.Root));
  }
  if (!Failed.empty())
    llvm::errs() << fileList("applied", Applied, S.Root)
                 << fileList("not applied", Failed, S.Root);
  FilesChanged = Applied.size();
  return Problems;
}

/// A file whose edits are accepted.
struct AcceptedFile {
  std::string Old;
  MergedEdits Merged;
  RewrittenFile New;
};

/// Reads \p File and rewrites it in memory, or reports why not.
std::optional<AcceptedFile> accept(const std::string &File, MergedEdits Merged,
                                   const FixSettings &S) {
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer) {
    llvm::errs() << "asyncctx: error: cannot read '" << File
                 << "': " << Buffer.getError().message() << "; not fixed\n";
    return std::nullopt;
  }
  llvm::StringRef Text = (*Buffer)->getBuffer();
  std::string Why = refusal(File, Text, Merged, S);
  if (!Why.empty()) {
    llvm::errs() << "asyncctx: error: refusing to edit '" << File
                 << "': " << Why << "\n";
    return std::nullopt;
  }
  if (const auto &C = Merged.Conflict) {
    Position P{File, C->second.getOffset()};
    fillLineColumn(P);
    llvm::errs() << "asyncctx: error: conflicting fixes in '" << File << "' at "
                 << P.Line << ":" << P.Column << " ('"
                 << C->first.getReplacementText() << "' and '"
                 << C->second.getReplacementText()
                 << "'); the file is left untouched\n";
    return std::nullopt;
  }
  llvm::Expected<RewrittenFile> New =
      rewriteFile(File, Text, Merged.Edits, S.Format);
  if (!New) {
    llvm::errs() << "asyncctx: error: cannot fix '" << File
                 << "': " << llvm::toString(New.takeError()) << "\n";
    return std::nullopt;
  }
  return AcceptedFile{Text.str(), std::move(Merged), std::move(*New)};
}

/// clang-apply-replacements YAML: one diagnostic per finding, each merged
/// edit once, only for accepted files; clang-apply-replacements then does
/// exactly what `fix` would.
bool exportFixes(const std::vector<Finding> &Findings,
                 const std::map<std::string, AcceptedFile> &Accepted,
                 llvm::StringRef Path) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  std::set<Replacement> Emitted;
  for (const Finding &F : Findings) {
    clang::tooling::Diagnostic D;
    D.DiagnosticName = F.Check;
    D.DiagLevel = clang::tooling::Diagnostic::Warning;
    D.Message.Message = F.Message;
    D.Message.FilePath = F.Pos.File;
    D.Message.FileOffset = F.Pos.Offset;
    for (const Replacement &E : F.Fixes) {
      auto It = Accepted.find(E.getFilePath().str());
      if (It == Accepted.end())
        continue;
      std::optional<Replacement> Merged =
          mergedEditFor(It->second.Merged.Edits, E);
      if (Merged && Emitted.insert(*Merged).second)
        llvm::consumeError(D.Message.Fix[It->first].add(*Merged));
    }
    if (!D.Message.Fix.empty())
      TUD.Diagnostics.push_back(std::move(D));
  }
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        llvm::yaml::Output YAML(OS);
        YAML << TUD;
        return llvm::Error::success();
      })) {
    llvm::errs() << "asyncctx: error: cannot write '" << Path
                 << "': " << llvm::toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

/// Verifies the fixes of the findings with an edit in \p Accepted, and
/// rewrites those files with the fixes that stay.
unsigned verifyAccepted(std::vector<Finding> &Findings,
                        std::map<std::string, AcceptedFile> &Accepted,
                        const FixSettings &S) {
  std::vector<size_t> Eligible;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (llvm::any_of(Findings[I].Fixes, [&](const Replacement &R) {
          return Accepted.count(R.getFilePath().str());
        }))
      Eligible.push_back(I);
  std::map<std::string, std::string> Originals;
  for (const auto &[File, A] : Accepted)
    Originals.emplace(File, A.Old);
  unsigned Dropped =
      verifyFixes(Findings, Eligible, Originals, *S.Verify, S.Root, S.Format);
  if (!Dropped)
    return 0;
  std::vector<Replacement> Kept;
  for (const Finding &F : Findings)
    llvm::append_range(Kept, F.Fixes);
  std::map<std::string, MergedEdits> Merged = mergeEdits(Kept);
  for (auto It = Accepted.begin(); It != Accepted.end();) {
    auto M = Merged.find(It->first);
    if (M == Merged.end()) {
      It = Accepted.erase(It);
      continue;
    }
    // A subset of edits that were made together before: this cannot fail.
    llvm::Expected<RewrittenFile> New =
        rewriteFile(It->first, It->second.Old, M->second.Edits, S.Format);
    if (!New) {
      llvm::consumeError(New.takeError());
      It = Accepted.erase(It);
      continue;
    }
    It->second.Merged = std::move(M->second);
    It->second.New = std::move(*New);
    ++It;
  }
  return Dropped;
}

} // namespace

FixOutcome applyFixes(std::vector<Finding> &Findings, const FixSettings &S,
                      llvm::raw_ostream &Out) {
  FixOutcome Outcome;
  std::vector<Replacement> All;
  for (const Finding &F : Findings)
    All.insert(All.end(), F.Fixes.begin(), F.Fixes.end());
  std::map<std::string, AcceptedFile> Accepted;
  for (auto &[File, Merged] : mergeEdits(All)) {
    if (std::optional<AcceptedFile> A = accept(File, std::move(Merged), S))
      Accepted.emplace(File, std::move(*A));
    else
      ++Outcome.Problems;
  }
  if (S.Verify && !Accepted.empty())
    Outcome.Dropped = verifyAccepted(Findings, Accepted, S);

  if (S.Mode == FixMode::Export) {
    if (!exportFixes(Findings, Accepted, S.ExportFixes))
      ++Outcome.Problems;
    else
      Outcome.FilesChanged = Accepted.size();
    return Outcome;
  }
  if (S.Mode == FixMode::DryRun) {
    for (const auto &[File, A] : Accepted)
      writeUnifiedDiff(Out, relativePath(File, S.Root), A.Old, A.New.Edits);
    Outcome.FilesChanged = Accepted.size();
    return Outcome;
  }
  std::vector<std::pair<std::string, std::string>> Files;
  for (const auto &[File, A] : Accepted)
    Files.emplace_back(File, A.New.Code);
  Outcome.Problems += writeFiles(Files, S, Outcome.FilesChanged);
  return Outcome;
}

} // namespace asyncctx::tool

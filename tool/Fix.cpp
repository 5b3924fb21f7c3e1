//===--- Fix.cpp - asyncctx standalone tool -------------------------------===//
//
// `asyncctx fix`: the files around the fix pipeline (rewriter/FixPipeline.h).
// Refuses what must not be edited, then writes each file atomically, prints a
// unified diff, or exports clang-apply-replacements YAML.
//
//===----------------------------------------------------------------------===//

#include "rewriter/FixPipeline.h"
#include "tool/Tool.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

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

/// Why \p File must not be edited, or "". System headers never get here: the
/// checks make no fix in them (rewriter/WrapFix.h, isEditableLocation).
std::string refusal(llvm::StringRef File, llvm::StringRef Text,
                    const MergedEdits &Merged, llvm::StringRef Root) {
  if (!isUnder(realPath(File), realPath(Root)))
    return "it is outside the project root '" + Root.str() + "' (see --root)";
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

bool writeAtomically(llvm::StringRef File, llvm::StringRef Contents,
                     std::string &Error) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(File, Status)) {
    Error = EC.message();
    return false;
  }
  // A temporary file next to it, renamed over it: a reader never sees half a
  // file, and a failed write leaves the original.
  llvm::Expected<llvm::sys::fs::TempFile> Temp =
      llvm::sys::fs::TempFile::create(File + ".asyncctx-%%%%%%.tmp");
  if (!Temp) {
    Error = "cannot create a temporary file next to it: " +
            llvm::toString(Temp.takeError());
    return false;
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
    return false;
  }
  if (llvm::Error E = Temp->keep(File)) {
    Error = "cannot replace it: " + llvm::toString(std::move(E));
    return false;
  }
  return true;
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
  std::string Why = refusal(File, Text, Merged, S.Root);
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

} // namespace

unsigned applyFixes(const std::vector<Finding> &Findings, const FixSettings &S,
                    llvm::raw_ostream &Out, unsigned &FilesChanged) {
  FilesChanged = 0;
  unsigned Problems = 0;
  std::vector<Replacement> All;
  for (const Finding &F : Findings)
    All.insert(All.end(), F.Fixes.begin(), F.Fixes.end());
  std::map<std::string, AcceptedFile> Accepted;
  for (auto &[File, Merged] : mergeEdits(All)) {
    if (std::optional<AcceptedFile> A = accept(File, std::move(Merged), S))
      Accepted.emplace(File, std::move(*A));
    else
      ++Problems;
  }

  if (S.Mode == FixMode::Export) {
    if (!exportFixes(Findings, Accepted, S.ExportFixes))
      return Problems + 1;
    FilesChanged = Accepted.size();
    return Problems;
  }
  for (const auto &[File, A] : Accepted) {
    if (S.Mode == FixMode::DryRun) {
      writeUnifiedDiff(Out, relativePath(File, S.Root), A.Old, A.New.Edits);
      ++FilesChanged;
      continue;
    }
    std::string Error;
    if (!writeAtomically(File, A.New.Code, Error)) {
      llvm::errs() << "asyncctx: error: cannot write '" << File
                   << "': " << Error << "\n";
      ++Problems;
      continue;
    }
    ++FilesChanged;
  }
  return Problems;
}

} // namespace asyncctx::tool

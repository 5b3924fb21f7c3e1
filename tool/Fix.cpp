//===--- Fix.cpp - asyncctx standalone tool -------------------------------===//
//
// `asyncctx fix`: merges the fix-its of every translation unit, refuses what
// must not be edited, and writes each file atomically, prints a unified diff,
// or exports clang-apply-replacements YAML.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

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

bool isSystemPath(llvm::StringRef File) {
  for (llvm::StringRef Dir :
       {"/usr/include/", "/usr/lib/", "/usr/local/include/", "/usr/lib64/",
        "/opt/homebrew/"})
    if (File.starts_with(Dir))
      return true;
  return false;
}

/// Why \p File must not be edited, or "".
std::string refusal(llvm::StringRef File, llvm::StringRef Text,
                    const std::vector<Edit> &Edits, llvm::StringRef Root) {
  std::string Real = realPath(File);
  if (isSystemPath(Real))
    return "it is a system header";
  if (!isUnder(Real, realPath(Root)))
    return "it is outside the project root '" + Root.str() + "' (see --root)";
  // Code generated with #line directives (parsers, protobuf, ...) reports its
  // locations in another file; edits belong in the generator's input.
  llvm::Regex Line("^[ \t]*#[ \t]*(line[ \t]+)?[0-9]+", llvm::Regex::Newline);
  unsigned Last = 0;
  for (const Edit &E : Edits)
    Last = std::max(Last, E.Offset + E.Length);
  if (Line.match(Text.substr(0, Last)))
    return "its code is reached through #line directives (generated code); "
           "edit "
           "the file it was generated from";
  for (const Edit &E : Edits)
    if (E.Offset + E.Length > Text.size())
      return "the fix does not match its current contents (was it changed "
             "since "
             "the analysis?)";
  return "";
}

/// First pair of distinct edits that overlap, if any (edits are sorted).
std::optional<std::pair<Edit, Edit>> conflict(const std::vector<Edit> &Edits) {
  for (size_t I = 0; I + 1 < Edits.size(); ++I)
    for (size_t J = I + 1; J < Edits.size(); ++J) {
      const Edit &A = Edits[I], &B = Edits[J];
      if (B.Offset > A.Offset + A.Length)
        break;
      bool Overlap = B.Offset < A.Offset + A.Length ||
                     (A.Length == 0 && B.Length == 0 && A.Offset == B.Offset) ||
                     (A.Length == 0 && B.Offset < A.Offset);
      if (Overlap)
        return std::make_pair(A, B);
    }
  return std::nullopt;
}

std::string applyEdits(llvm::StringRef Text, const std::vector<Edit> &Edits) {
  std::string Out;
  unsigned Pos = 0;
  for (const Edit &E : Edits) {
    Out += Text.slice(Pos, E.Offset).str();
    Out += E.Text;
    Pos = E.Offset + E.Length;
  }
  Out += Text.substr(Pos).str();
  return Out;
}

std::vector<llvm::StringRef> splitLines(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Lines;
  while (!Text.empty()) {
    size_t N = Text.find('\n');
    if (N == llvm::StringRef::npos) {
      Lines.push_back(Text);
      break;
    }
    Lines.push_back(Text.take_front(N));
    Text = Text.drop_front(N + 1);
  }
  return Lines;
}

/// A unified diff of the edits, hunk by hunk, without a general diff
/// algorithm: the edits say which lines changed.
void unifiedDiff(llvm::raw_ostream &OS, llvm::StringRef Rel,
                 llvm::StringRef Old, const std::vector<Edit> &Edits) {
  std::vector<unsigned> Starts{0};
  for (unsigned I = 0; I < Old.size(); ++I)
    if (Old[I] == '\n')
      Starts.push_back(I + 1);
  auto LineOf = [&](unsigned Offset) {
    return unsigned(std::upper_bound(Starts.begin(), Starts.end(), Offset) -
                    Starts.begin()) -
           1;
  };
  std::vector<llvm::StringRef> OldLines = splitLines(Old);
  struct Block {
    unsigned OldFirst, OldCount;
    std::vector<std::string> New;
  };
  std::vector<Block> Blocks;
  for (size_t I = 0; I < Edits.size();) {
    unsigned First = LineOf(Edits[I].Offset);
    unsigned Last = LineOf(Edits[I].Offset + Edits[I].Length);
    size_t J = I + 1;
    while (J < Edits.size() && LineOf(Edits[J].Offset) <= Last) {
      Last = std::max(Last, LineOf(Edits[J].Offset + Edits[J].Length));
      ++J;
    }
    Last = std::min<unsigned>(Last, OldLines.empty() ? 0 : OldLines.size() - 1);
    unsigned Begin = Starts[First];
    unsigned End = Last + 1 < Starts.size() ? Starts[Last + 1] : Old.size();
    std::vector<Edit> Local(Edits.begin() + I, Edits.begin() + J);
    for (Edit &E : Local)
      E.Offset -= Begin;
    std::string NewRegion = applyEdits(Old.slice(Begin, End), Local);
    std::vector<llvm::StringRef> OldR(
        OldLines.begin() + First,
        OldLines.begin() + std::min<size_t>(Last + 1, OldLines.size()));
    std::vector<llvm::StringRef> NewR = splitLines(NewRegion);
    // Trim lines the edits left unchanged.
    size_t P = 0;
    while (P < OldR.size() && P < NewR.size() && OldR[P] == NewR[P])
      ++P;
    size_t S = 0;
    while (S < OldR.size() - P && S < NewR.size() - P &&
           OldR[OldR.size() - 1 - S] == NewR[NewR.size() - 1 - S])
      ++S;
    Block B{unsigned(First + P), unsigned(OldR.size() - P - S), {}};
    for (size_t K = P; K < NewR.size() - S; ++K)
      B.New.push_back(NewR[K].str());
    if (B.OldCount || !B.New.empty())
      Blocks.push_back(std::move(B));
    I = J;
  }
  if (Blocks.empty())
    return;
  OS << "--- a/" << Rel << "\n+++ b/" << Rel << "\n";
  const unsigned Context = 3;
  long Delta = 0; // new line number - old line number before the hunk
  for (size_t I = 0; I < Blocks.size();) {
    size_t J = I + 1;
    unsigned End = Blocks[I].OldFirst + Blocks[I].OldCount;
    while (J < Blocks.size() && Blocks[J].OldFirst <= End + 2 * Context) {
      End = Blocks[J].OldFirst + Blocks[J].OldCount;
      ++J;
    }
    unsigned HunkStart =
        Blocks[I].OldFirst >= Context ? Blocks[I].OldFirst - Context : 0;
    unsigned HunkEnd = std::min<unsigned>(End + Context, OldLines.size());
    std::string Body;
    unsigned OldCount = 0, NewCount = 0;
    unsigned Line = HunkStart;
    long HunkDelta = Delta;
    for (size_t K = I; K < J; ++K) {
      for (; Line < Blocks[K].OldFirst; ++Line, ++OldCount, ++NewCount)
        Body += " " + OldLines[Line].str() + "\n";
      for (unsigned L = 0; L < Blocks[K].OldCount; ++L, ++Line, ++OldCount)
        Body += "-" + OldLines[Line].str() + "\n";
      for (const std::string &N : Blocks[K].New)
        Body += "+" + N + "\n", ++NewCount;
      Delta += long(Blocks[K].New.size()) - long(Blocks[K].OldCount);
    }
    for (; Line < HunkEnd; ++Line, ++OldCount, ++NewCount)
      Body += " " + OldLines[Line].str() + "\n";
    unsigned OldStart = OldCount ? HunkStart + 1 : HunkStart;
    unsigned NewStart =
        NewCount ? HunkStart + HunkDelta + 1 : HunkStart + HunkDelta;
    OS << "@@ -" << OldStart << "," << OldCount << " +" << NewStart << ","
       << NewCount << " @@\n"
       << Body;
    I = J;
  }
}

bool writeAtomically(llvm::StringRef File, llvm::StringRef Contents,
                     std::string &Error) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(File, Status)) {
    Error = EC.message();
    return false;
  }
  llvm::SmallString<256> Model(File);
  Model += ".asyncctx-%%%%%%.tmp";
  llvm::SmallString<256> Temp;
  int FD;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp)) {
    Error = "cannot create a temporary file next to it: " + EC.message();
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      Error =
          "cannot write '" + Temp.str().str() + "': " + OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return false;
    }
  }
  if (std::error_code EC =
          llvm::sys::fs::setPermissions(Temp, Status.permissions())) {
    Error = "cannot set permissions: " + EC.message();
    llvm::sys::fs::remove(Temp);
    return false;
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, File)) {
    Error = "cannot replace it: " + EC.message();
    llvm::sys::fs::remove(Temp);
    return false;
  }
  return true;
}

} // namespace

unsigned applyFixes(const std::vector<Finding> &Findings, const FixSettings &S,
                    llvm::raw_ostream &Out, unsigned &FilesChanged) {
  FilesChanged = 0;
  unsigned Problems = 0;
  // Identical edits from several translation units (a shared header) or
  // findings (one #include for two wraps) are one edit.
  std::map<std::string, std::vector<Edit>> ByFile;
  for (const Finding &F : Findings)
    for (const Edit &E : F.Edits)
      ByFile[E.File].push_back(E);
  std::map<std::string, std::string> NewContents;
  std::set<std::string> Accepted;
  std::map<std::string, std::string> OldContents;
  for (auto &[File, Edits] : ByFile) {
    std::sort(Edits.begin(), Edits.end(), [](const Edit &A, const Edit &B) {
      return std::tie(A.Offset, A.Length, A.Text) <
             std::tie(B.Offset, B.Length, B.Text);
    });
    Edits.erase(std::unique(Edits.begin(), Edits.end()), Edits.end());
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      llvm::errs() << "asyncctx: error: cannot read '" << File
                   << "': " << Buffer.getError().message() << "; not fixed\n";
      ++Problems;
      continue;
    }
    llvm::StringRef Text = (*Buffer)->getBuffer();
    std::string Why = refusal(File, Text, Edits, S.Root);
    if (!Why.empty()) {
      llvm::errs() << "asyncctx: error: refusing to edit '" << File
                   << "': " << Why << "\n";
      ++Problems;
      continue;
    }
    if (auto C = conflict(Edits)) {
      Position P{File, C->second.Offset};
      fillLineColumn(P);
      llvm::errs() << "asyncctx: error: conflicting fixes in '" << File
                   << "' at " << P.Line << ":" << P.Column << " ('"
                   << C->first.Text << "' and '" << C->second.Text
                   << "'); the file is left untouched\n";
      ++Problems;
      continue;
    }
    Accepted.insert(File);
    OldContents[File] = Text.str();
    NewContents[File] = applyEdits(Text, Edits);
  }

  if (!S.ExportFixes.empty()) {
    // One diagnostic per finding, each edit once, only for accepted files:
    // clang-apply-replacements then does exactly what `fix` would.
    clang::tooling::TranslationUnitDiagnostics TUD;
    std::set<Edit> Emitted;
    for (const Finding &F : Findings) {
      clang::tooling::Diagnostic D;
      D.DiagnosticName = F.Check;
      D.DiagLevel = clang::tooling::Diagnostic::Warning;
      D.Message.Message = F.Message;
      D.Message.FilePath = F.Pos.File;
      D.Message.FileOffset = F.Pos.Offset;
      for (const Edit &E : F.Edits) {
        if (!Accepted.count(E.File) || !Emitted.insert(E).second)
          continue;
        llvm::consumeError(D.Message.Fix[E.File].add(
            clang::tooling::Replacement(E.File, E.Offset, E.Length, E.Text)));
      }
      if (!D.Message.Fix.empty())
        TUD.Diagnostics.push_back(std::move(D));
    }
    std::error_code EC;
    llvm::raw_fd_ostream OS(S.ExportFixes, EC);
    if (EC) {
      llvm::errs() << "asyncctx: error: cannot write '" << S.ExportFixes
                   << "': " << EC.message() << "\n";
      return Problems + 1;
    }
    llvm::yaml::Output YAML(OS);
    YAML << TUD;
    FilesChanged = Accepted.size();
    return Problems;
  }

  for (const std::string &File : Accepted) {
    if (S.DryRun) {
      unifiedDiff(Out, relativePath(File, S.Root), OldContents[File],
                  ByFile[File]);
      ++FilesChanged;
      continue;
    }
    std::string Error;
    if (!writeAtomically(File, NewContents[File], Error)) {
      llvm::errs() << "asyncctx: error: cannot write '" << File
                   << "': " << Error << "\n";
      ++Problems;
      continue;
    }
    ++FilesChanged;
    if (S.ClangFormat && !S.ClangFormatBinary.empty()) {
      // Reformat only the lines the fix touched.
      std::vector<std::string> Args{S.ClangFormatBinary, "-i"};
      llvm::StringRef New = NewContents[File];
      long Shift = 0;
      for (const Edit &E : ByFile[File]) {
        unsigned Begin = E.Offset + Shift;
        unsigned End = Begin + E.Text.size();
        unsigned L1 = 1 + std::count(New.begin(), New.begin() + Begin, '\n');
        unsigned L2 = 1 + std::count(New.begin(), New.begin() + End, '\n');
        Args.push_back("--lines=" + std::to_string(L1) + ":" +
                       std::to_string(L2));
        Shift += long(E.Text.size()) - long(E.Length);
      }
      Args.push_back(File);
      std::vector<llvm::StringRef> Refs(Args.begin(), Args.end());
      if (llvm::sys::ExecuteAndWait(S.ClangFormatBinary, Refs) != 0) {
        llvm::errs() << "asyncctx: error: clang-format failed on '" << File
                     << "'\n";
        ++Problems;
      }
    }
  }
  return Problems;
}

} // namespace asyncctx::tool

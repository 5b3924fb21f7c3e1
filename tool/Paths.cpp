//===--- Paths.cpp - asyncctx standalone tool -----------------------------===//
//
// Paths, and the git commands the tool runs (the project root, --diff).
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace asyncctx::tool {

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P)) {
    if (Base.empty()) {
      llvm::sys::fs::make_absolute(P);
    } else {
      llvm::SmallString<256> B(Base);
      llvm::sys::path::append(B, P);
      P = B;
    }
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return P.str().str();
}

std::unique_ptr<llvm::MemoryBuffer>
readFile(llvm::StringRef Path, llvm::StringRef What, std::string &Error) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(Path);
  if (!Buffer) {
    Error = ("cannot read " + What + (What.empty() ? "'" : " '") + Path +
             "': " + Buffer.getError().message())
                .str();
    return nullptr;
  }
  return std::move(*Buffer);
}

std::string relativePath(llvm::StringRef File, llvm::StringRef Root) {
  if (Root.empty())
    return File.str();
  llvm::SmallString<256> R(Root);
  if (!R.ends_with("/"))
    R += "/";
  if (File.starts_with(R))
    return File.drop_front(R.size()).str();
  return File.str();
}

namespace {

/// Runs a program found on PATH; its exit status, or -1 if it is not there.
int capture(llvm::ArrayRef<std::string> Args, std::string &Out,
            std::string *Err = nullptr) {
  llvm::SmallString<128> OutFile, ErrFile;
  llvm::sys::fs::createTemporaryFile("asyncctx-out", "txt", OutFile);
  llvm::sys::fs::createTemporaryFile("asyncctx-err", "txt", ErrFile);
  llvm::FileRemover RemoveOut(OutFile), RemoveErr(ErrFile);
  std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, llvm::StringRef(OutFile), llvm::StringRef(ErrFile)};
  llvm::ErrorOr<std::string> Program = llvm::sys::findProgramByName(Args[0]);
  if (!Program)
    return -1;
  std::vector<llvm::StringRef> Refs(Args.begin(), Args.end());
  int Status =
      llvm::sys::ExecuteAndWait(*Program, Refs, std::nullopt, Redirects);
  if (auto B = llvm::MemoryBuffer::getFile(OutFile))
    Out = (*B)->getBuffer().str();
  if (Err)
    if (auto B = llvm::MemoryBuffer::getFile(ErrFile))
      *Err = (*B)->getBuffer().trim().str();
  return Status;
}

/// Adds the lines of the new side of a `git diff -U0` hunk header
/// (`@@ -a[,b] +c[,d] @@`) to \p Lines.
void addHunkLines(llvm::StringRef Header, std::set<unsigned> &Lines) {
  llvm::StringRef Plus = Header.split('+').second.split(' ').first;
  auto [Start, Count] = Plus.split(',');
  unsigned First = 0, N = 1;
  Start.getAsInteger(10, First);
  if (!Count.empty())
    Count.getAsInteger(10, N);
  for (unsigned I = 0; I < N; ++I)
    Lines.insert(First + I);
}

} // namespace

std::string gitTopLevel(llvm::StringRef Dir) {
  std::string Out;
  if (capture({"git", "-C", Dir.str(), "rev-parse", "--show-toplevel"}, Out) !=
      0)
    return "";
  return llvm::StringRef(Out).trim().str();
}

bool changedLines(llvm::StringRef Rev, llvm::StringRef Dir,
                  ChangedLines &Changed, std::string &Error) {
  std::string Top = gitTopLevel(Dir);
  if (Top.empty()) {
    Error = "--diff needs a git repository ('" + Dir.str() + "' is not in one)";
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
      File = P == "/dev/null" ? "" : absolutePath(P.drop_front(2), Top);
    } else if (L.starts_with("@@ ") && !File.empty()) {
      addHunkLines(L, Changed[File]);
    }
  }
  return true;
}

} // namespace asyncctx::tool

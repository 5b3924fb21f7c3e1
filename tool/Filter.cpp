//===--- Filter.cpp - asyncctx standalone tool ----------------------------===//
//
// The filter step: one finding per place, fingerprints, the baseline and
// --diff. Shared by `check`, `fix` and `merge`.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA1.h"
#include <mutex>

namespace asyncctx::tool {

//===--- Source text ------------------------------------------------------===//

namespace {

struct FileText {
  bool Loaded = false;
  std::string Text;
  std::vector<unsigned> LineStarts;
};

/// The files findings are in, read once (by any thread).
FileText &fileText(llvm::StringRef File) {
  static std::mutex M;
  static std::map<std::string, FileText> Cache;
  std::lock_guard<std::mutex> Lock(M);
  FileText &T = Cache[File.str()];
  if (!T.Loaded) {
    T.Loaded = true;
    if (auto B = llvm::MemoryBuffer::getFile(File))
      T.Text = (*B)->getBuffer().str();
    T.LineStarts.push_back(0);
    for (unsigned I = 0; I < T.Text.size(); ++I)
      if (T.Text[I] == '\n')
        T.LineStarts.push_back(I + 1);
  }
  return T;
}

} // namespace

llvm::StringRef lineText(const Position &P) {
  if (P.File.empty() || P.Line == 0)
    return "";
  FileText &T = fileText(P.File);
  if (P.Line > T.LineStarts.size())
    return "";
  unsigned Start = T.LineStarts[P.Line - 1];
  llvm::StringRef Rest = llvm::StringRef(T.Text).substr(Start);
  return Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
}

void fillLineColumn(Position &P) {
  if (P.File.empty())
    return;
  FileText &T = fileText(P.File);
  auto It =
      std::upper_bound(T.LineStarts.begin(), T.LineStarts.end(), P.Offset);
  unsigned Line = It - T.LineStarts.begin();
  P.Line = Line;
  P.Column = P.Offset - T.LineStarts[Line - 1] + 1;
}

//===--- One finding per place --------------------------------------------===//

std::vector<Finding> uniqueFindings(std::vector<Finding> All) {
  // An asyncctx finding is one per place and check, whatever the message: the
  // instantiations of a header template in several translation units may
  // describe its callable differently. The first message in sort order wins,
  // so the output does not depend on the order of the translation units, and
  // one occurrence without a fix-it (a translation unit where the wrap would
  // not compile) takes the fix away.
  struct Merged {
    Finding F;
    bool SomeWithoutFix = false;
  };
  std::map<std::tuple<std::string, unsigned, std::string, std::string>, Merged>
      Unique;
  for (Finding &F : All) {
    const bool Ours = llvm::StringRef(F.Check).starts_with("asyncctx-");
    auto Key = std::make_tuple(F.Pos.File, F.Pos.Offset, F.Check,
                               Ours ? std::string() : F.Message);
    const bool WithoutFix = F.Fixes.empty();
    auto [It, New] = Unique.try_emplace(std::move(Key), Merged{F, WithoutFix});
    if (New)
      continue;
    Merged &M = It->second;
    M.SomeWithoutFix |= WithoutFix;
    M.F.Fixes.insert(M.F.Fixes.end(), F.Fixes.begin(), F.Fixes.end());
    if (F.Message < M.F.Message) {
      std::swap(F.Fixes, M.F.Fixes);
      M.F = std::move(F);
    }
  }
  std::vector<Finding> Out;
  for (auto &Entry : Unique) {
    Finding &F = Entry.second.F;
    if (Entry.second.SomeWithoutFix)
      F.Fixes.clear();
    llvm::sort(F.Fixes);
    F.Fixes.erase(std::unique(F.Fixes.begin(), F.Fixes.end()), F.Fixes.end());
    Out.push_back(std::move(F));
  }
  llvm::stable_sort(Out, [](const Finding &A, const Finding &B) {
    return std::tie(A.Pos.File, A.Pos.Line, A.Pos.Column, A.Check, A.Message) <
           std::tie(B.Pos.File, B.Pos.Line, B.Pos.Column, B.Check, B.Message);
  });
  return Out;
}

static std::string normalizedLine(const Position &P) {
  std::string Out;
  for (char C : lineText(P))
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root) {
  // Not the line number: inserting lines above a finding keeps it. The
  // occurrence index separates identical findings on identical lines.
  std::map<std::string, unsigned> Seen;
  for (Finding &F : Findings) {
    std::string Key = F.Check + '\0' + relativePath(F.Pos.File, Root) + '\0' +
                      normalizedLine(F.Pos) + '\0' + F.Message;
    unsigned Occurrence = Seen[Key]++;
    Key += '\0' + std::to_string(Occurrence);
    auto Hash = llvm::SHA1::hash(llvm::arrayRefFromStringRef(Key));
    F.Fingerprint = llvm::toHex(llvm::ArrayRef<uint8_t>(Hash.data(), 16), true);
  }
}

//===--- Filtering --------------------------------------------------------===//

bool outsideDiff(const FindingFilter &F, const Finding &Found) {
  if (!F.Changed)
    return false;
  auto It = F.Changed->find(Found.Pos.File);
  return It == F.Changed->end() || !It->second.count(Found.Pos.Line);
}

void filterFindings(std::vector<Finding> All, FindingFilter F, Report &R) {
  for (Finding &Found : All) {
    if (outsideDiff(F, Found))
      Found.SuppressedBy = "diff";
    if (auto It = F.Baseline.find(Found.Fingerprint);
        Found.SuppressedBy.empty() && It != F.Baseline.end()) {
      F.Baseline.erase(It);
      Found.SuppressedBy = "baseline";
    }
    if (Found.SuppressedBy.empty()) {
      R.Findings.push_back(std::move(Found));
    } else {
      R.Suppressed.push_back(std::move(Found));
      ++R.Summary.Suppressed;
    }
  }
}

//===--- Baseline ---------------------------------------------------------===//

namespace {

struct BaselineEntry {
  std::string Fingerprint;
};

bool fromJSON(const llvm::json::Value &V, BaselineEntry &E,
              llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("fingerprint", E.Fingerprint);
}

struct BaselineFile {
  std::string Tool;
  std::vector<BaselineEntry> Findings;
};

bool fromJSON(const llvm::json::Value &V, BaselineFile &B, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("tool", B.Tool) && O.map("findings", B.Findings);
}

} // namespace

bool writeBaseline(llvm::StringRef Path, const std::vector<Finding> &Findings,
                   llvm::StringRef Root, std::string &Error) {
  llvm::json::Array Entries;
  for (const Finding &F : Findings)
    Entries.push_back(
        llvm::json::Object{{"fingerprint", F.Fingerprint},
                           {"check", F.Check},
                           {"path", relativePath(F.Pos.File, Root)},
                           {"message", F.Message}});
  llvm::json::Value Doc = llvm::json::Object{{"version", 1},
                                             {"tool", "asyncctx-baseline"},
                                             {"findings", std::move(Entries)}};
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        OS << llvm::formatv("{0:2}", Doc) << "\n";
        return llvm::Error::success();
      })) {
    Error = "cannot write baseline '" + Path.str() +
            "': " + llvm::toString(std::move(E));
    return false;
  }
  return true;
}

bool readBaseline(llvm::StringRef Path, std::multiset<std::string> &Out,
                  std::string &Error) {
  std::unique_ptr<llvm::MemoryBuffer> Buffer =
      readFile(Path, "baseline", Error);
  if (!Buffer)
    return false;
  BaselineFile Baseline;
  llvm::Expected<llvm::json::Value> Doc =
      llvm::json::parse(Buffer->getBuffer());
  llvm::json::Path::Root Root("baseline");
  if (!Doc)
    Error = llvm::toString(Doc.takeError());
  else if (!fromJSON(*Doc, Baseline, Root))
    Error = llvm::toString(Root.getError());
  else if (Baseline.Tool != "asyncctx-baseline")
    Error = "not written by --write-baseline";
  if (!Error.empty()) {
    Error = "malformed baseline '" + Path.str() + "': " + Error;
    return false;
  }
  for (BaselineEntry &E : Baseline.Findings)
    Out.insert(std::move(E.Fingerprint));
  return true;
}

} // namespace asyncctx::tool

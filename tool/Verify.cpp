//===--- Verify.cpp - asyncctx standalone tool ----------------------------===//
//
// Fix verification (docs/tool.md, "Verification"): before `fix` writes
// anything, every translation unit that reads an edited file is compiled
// again with the edits in memory; a finding whose edits break a unit loses
// them (rewriter/FixPipeline.h, keepCompilingFixes) and says why in a note.
//
//===----------------------------------------------------------------------===//

#include "rewriter/FixPipeline.h"
#include "tool/Tool.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace asyncctx::tool {

namespace {

bool reads(const CompiledUnit &Unit, const std::string &File) {
  return std::binary_search(Unit.FilesRead.begin(), Unit.FilesRead.end(), File);
}

/// Where \p Offset of a text made by \p Edits was before them: an offset
/// inside inserted text is the place of the insertion.
unsigned originalOffset(unsigned Offset, const Replacements &Edits) {
  long Shift = 0;
  for (const Replacement &R : Edits) {
    long Begin = R.getOffset() + Shift;
    if (Offset < Begin)
      break;
    if (Offset < Begin + static_cast<long>(R.getReplacementText().size()))
      return R.getOffset();
    Shift += static_cast<long>(R.getReplacementText().size()) - R.getLength();
  }
  return Offset - Shift;
}

/// \p Message without the places of lambdas ("(lambda at FILE:7:28)"):
/// they are places in the edited text, which the user never sees.
std::string withoutLambdaPlaces(std::string Message) {
  llvm::Regex LambdaAt("\\(lambda at [^)]*\\)");
  while (LambdaAt.match(Message))
    Message = LambdaAt.sub("(lambda)", Message);
  return Message;
}

/// "no safe fix: src/a.cpp:7: MESSAGE", the line counted in the file as it
/// is on disk.
std::string noSafeFix(const CompileError &E,
                      const std::map<std::string, Replacements> &Applied,
                      llvm::StringRef Root) {
  std::string Message = withoutLambdaPlaces(E.Message);
  if (E.File.empty())
    return "no safe fix: " + Message;
  Position P{E.File, E.Offset};
  if (auto It = Applied.find(E.File); It != Applied.end())
    P.Offset = originalOffset(E.Offset, It->second);
  fillLineColumn(P);
  return "no safe fix: " + relativePath(P.File, Root) + ":" +
         std::to_string(P.Line) + ": " + Message;
}

} // namespace

unsigned verifyFixes(std::vector<Finding> &Findings,
                     const std::vector<size_t> &Eligible,
                     const std::map<std::string, std::string> &Originals,
                     const FixVerification &V, llvm::StringRef Root,
                     bool Format) {
  // The units that read an edited file, and per unit the fixes (indices
  // into Eligible) that edit a file it reads.
  std::vector<const CompiledUnit *> Units;
  std::vector<std::vector<unsigned>> FixesOfUnit;
  for (const CompiledUnit &U : *V.Units) {
    std::vector<unsigned> Fixes;
    for (unsigned Fix = 0; Fix < Eligible.size(); ++Fix)
      if (llvm::any_of(Findings[Eligible[Fix]].Fixes,
                       [&](const Replacement &R) {
                         return reads(U, R.getFilePath().str());
                       }))
        Fixes.push_back(Fix);
    if (Fixes.empty())
      continue;
    Units.push_back(&U);
    FixesOfUnit.push_back(std::move(Fixes));
  }

  // Where each fix edits code (its wrap, not its #include), per file: an
  // error or note pointing there makes it the first suspect.
  std::vector<std::map<std::string, std::pair<unsigned, unsigned>>> Regions(
      Eligible.size());
  for (unsigned Fix = 0; Fix < Eligible.size(); ++Fix)
    for (const Replacement &R : Findings[Eligible[Fix]].Fixes) {
      if (isIncludeInsertion(R))
        continue;
      unsigned End = R.getOffset() + R.getLength();
      auto [It, New] =
          Regions[Fix].try_emplace(R.getFilePath().str(), R.getOffset(), End);
      It->second.first = std::min(It->second.first, R.getOffset());
      It->second.second = std::max(It->second.second, End);
    }

  auto Trial =
      [&](unsigned Unit,
          const std::vector<unsigned> &Fixes) -> std::optional<TrialFailure> {
    std::vector<Replacement> Edits;
    for (unsigned Fix : Fixes)
      llvm::append_range(Edits, Findings[Eligible[Fix]].Fixes);
    // Exactly what would be written: merged and, with --clang-format,
    // formatted.
    std::map<std::string, std::string> Overlay;
    std::map<std::string, Replacements> Applied;
    for (auto &[File, Merged] : mergeEdits(Edits)) {
      auto Original = Originals.find(File);
      if (!reads(*Units[Unit], File) || Original == Originals.end())
        continue;
      llvm::Expected<RewrittenFile> New =
          rewriteFile(File, Original->second, Merged.Edits, Format);
      if (!New)
        return TrialFailure{"no safe fix: " + llvm::toString(New.takeError()),
                            {}};
      Overlay.emplace(File, std::move(New->Code));
      Applied.emplace(File, std::move(New->Edits));
    }
    std::optional<CompileError> Error =
        compileWith(*V.DB, Units[Unit]->File, *V.Analysis, Overlay);
    if (!Error)
      return std::nullopt;
    TrialFailure Failure{noSafeFix(*Error, Applied, Root), {}};
    for (auto [File, Offset] : Error->Places) {
      if (auto It = Applied.find(File); It != Applied.end())
        Offset = originalOffset(Offset, It->second);
      for (unsigned Fix : Fixes) {
        auto Region = Regions[Fix].find(File);
        if (Region != Regions[Fix].end() && Region->second.first <= Offset &&
            Offset <= Region->second.second &&
            !llvm::is_contained(Failure.Suspects, Fix))
          Failure.Suspects.push_back(Fix);
      }
    }
    return Failure;
  };

  VerifiedFixes Verified =
      keepCompilingFixes(Eligible.size(), FixesOfUnit, Trial, V.Analysis->Jobs);
  for (const auto &[Fix, Why] : Verified.Dropped) {
    Finding &F = Findings[Eligible[Fix]];
    F.Fixes.clear();
    F.Notes.push_back({Why, F.Pos});
  }
  return Verified.Dropped.size();
}

unsigned verifyReportedFixes(std::vector<Finding> &Findings,
                             const FixVerification &V, llvm::StringRef Root) {
  std::vector<Replacement> All;
  for (const Finding &F : Findings)
    llvm::append_range(All, F.Fixes);
  std::map<std::string, std::string> Originals;
  for (const auto &[File, Merged] : mergeEdits(All)) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (Buffer && !Merged.Conflict)
      Originals.emplace(File, (*Buffer)->getBuffer().str());
  }
  std::vector<size_t> Eligible;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (!Findings[I].Fixes.empty() &&
        llvm::all_of(Findings[I].Fixes, [&](const Replacement &R) {
          return Originals.count(R.getFilePath().str());
        }))
      Eligible.push_back(I);
  return verifyFixes(Findings, Eligible, Originals, V, Root, /*Format=*/false);
}

} // namespace asyncctx::tool

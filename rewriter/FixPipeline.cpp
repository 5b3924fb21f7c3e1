//===--- FixPipeline.cpp - asyncctx ---------------------------------------===//

#include "rewriter/FixPipeline.h"
#include "clang/Format/Format.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ThreadPool.h"
#include <set>

using namespace clang;

namespace asyncctx {

namespace {

/// The non-blank lines \p Text inserts.
std::vector<llvm::StringRef> nonBlankLines(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef> Lines;
  Text.split(Lines, '\n');
  std::vector<llvm::StringRef> Out;
  llvm::copy_if(Lines, std::back_inserter(Out),
                [](llvm::StringRef Line) { return !Line.trim().empty(); });
  return Out;
}

} // namespace

bool isIncludeInsertion(const tooling::Replacement &R) {
  if (R.getLength() != 0 || !R.getReplacementText().ends_with("\n"))
    return false;
  // clang-tidy's IncludeInserter may add a blank line before or after.
  std::vector<llvm::StringRef> Lines = nonBlankLines(R.getReplacementText());
  return !Lines.empty() && llvm::all_of(Lines, [](llvm::StringRef Line) {
    return Line.ltrim().starts_with("#") &&
           Line.ltrim().drop_front().ltrim().starts_with("include");
  });
}

namespace {

/// One insertion of every #include line inserted at an offset; sorted, so the
/// result does not depend on which translation unit came first. A blank line
/// one of them puts before or after its lines is kept there.
std::vector<tooling::Replacement>
combineIncludeInsertions(const std::set<tooling::Replacement> &Edits) {
  struct Insertion {
    std::set<std::string> Lines;
    bool BlankBefore = false, BlankAfter = false;
  };
  std::vector<tooling::Replacement> Out;
  std::map<unsigned, Insertion> IncludesAt;
  for (const tooling::Replacement &R : Edits) {
    if (!isIncludeInsertion(R)) {
      Out.push_back(R);
      continue;
    }
    Insertion &At = IncludesAt[R.getOffset()];
    for (llvm::StringRef Line : nonBlankLines(R.getReplacementText()))
      At.Lines.insert(Line.str() + "\n");
    At.BlankBefore |= R.getReplacementText().starts_with("\n");
    At.BlankAfter |= R.getReplacementText().ends_with("\n\n");
  }
  if (IncludesAt.empty())
    return Out;
  llvm::StringRef File = Edits.begin()->getFilePath();
  for (const auto &[Offset, At] : IncludesAt)
    Out.emplace_back(File, Offset, 0,
                     (At.BlankBefore ? "\n" : "") + llvm::join(At.Lines, "") +
                         (At.BlankAfter ? "\n" : ""));
  return Out;
}

MergedEdits mergeFileEdits(const std::set<tooling::Replacement> &Edits) {
  MergedEdits Merged;
  for (const tooling::Replacement &R : combineIncludeInsertions(Edits)) {
    llvm::Error Err = Merged.Edits.add(R);
    if (!Err)
      continue;
    // The edit it collides with, for the message.
    tooling::Replacement Existing = R;
    llvm::handleAllErrors(std::move(Err),
                          [&](const tooling::ReplacementError &E) {
                            if (E.getExistingReplacement())
                              Existing = *E.getExistingReplacement();
                          });
    Merged.Conflict = std::make_pair(Existing, R);
    return Merged;
  }
  return Merged;
}

/// Adds to \p Culprits the fixes of \p Fixes that \p Unit does not compile
/// with, each with its error, given that all of them together fail with
/// \p Failure.
void findCulprits(unsigned Unit, const std::vector<unsigned> &Fixes,
                  const TrialFailure &Failure, const FixTrial &Trial,
                  std::map<unsigned, std::string> &Culprits) {
  if (Fixes.size() == 1) {
    Culprits.emplace(Fixes.front(), Failure.Error);
    return;
  }
  // The one fix the error points into, if the others compile without it.
  std::vector<unsigned> Suspects, Others;
  for (unsigned Fix : Fixes)
    (llvm::is_contained(Failure.Suspects, Fix) ? Suspects : Others)
        .push_back(Fix);
  if (Suspects.size() == 1 && !Trial(Unit, Others)) {
    Culprits.emplace(Suspects.front(), Failure.Error);
    return;
  }
  size_t Half = Fixes.size() / 2;
  std::vector<unsigned> Front(Fixes.begin(), Fixes.begin() + Half);
  std::vector<unsigned> Back(Fixes.begin() + Half, Fixes.end());
  bool HalfFailed = false;
  for (const std::vector<unsigned> *Part : {&Front, &Back})
    if (std::optional<TrialFailure> F = Trial(Unit, *Part)) {
      HalfFailed = true;
      findCulprits(Unit, *Part, *F, Trial, Culprits);
    }
  if (HalfFailed)
    return;
  // Each half compiles and both together do not: the front half, then the
  // fixes of the back one at a time.
  std::vector<unsigned> Kept = Front;
  bool Dropped = false;
  for (unsigned Fix : Back) {
    Kept.push_back(Fix);
    if (std::optional<TrialFailure> F = Trial(Unit, Kept)) {
      Kept.pop_back();
      Culprits.emplace(Fix, F->Error);
      Dropped = true;
    }
  }
  // Only if the compiler answered differently for the same input.
  if (!Dropped)
    Culprits.emplace(Back.back(), Failure.Error);
}

} // namespace

VerifiedFixes
keepCompilingFixes(unsigned FixCount,
                   const std::vector<std::vector<unsigned>> &FixesOfUnit,
                   const FixTrial &Trial, unsigned Jobs) {
  VerifiedFixes Out;
  Out.Kept.assign(FixCount, true);
  size_t Units = FixesOfUnit.size();
  // The fixes each unit last compiled with.
  std::vector<std::optional<std::vector<unsigned>>> Verified(Units);
  // Every compile's outcome, per unit: the compiler answers the same for the
  // same input, and a later round often asks again what the bisection of an
  // earlier one did. Only the unit's own task reads and writes its entry.
  std::vector<std::map<std::vector<unsigned>, std::optional<TrialFailure>>>
      Outcomes(Units);
  FixTrial Remembered = [&](unsigned Unit, const std::vector<unsigned> &Fixes) {
    auto [It, New] = Outcomes[Unit].try_emplace(Fixes);
    if (New)
      It->second = Trial(Unit, Fixes);
    return It->second;
  };
  while (true) {
    std::vector<std::vector<unsigned>> Fixes(Units);
    std::vector<unsigned> Work;
    for (unsigned U = 0; U < Units; ++U) {
      llvm::copy_if(FixesOfUnit[U], std::back_inserter(Fixes[U]),
                    [&](unsigned F) { return Out.Kept[F]; });
      if (!Fixes[U].empty() && Verified[U] != Fixes[U])
        Work.push_back(U);
    }
    if (Work.empty())
      return Out;
    std::vector<char> Compiled(Units, false);
    std::vector<std::map<unsigned, std::string>> Culprits(Units);
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (unsigned U : Work)
      Pool.async([&, U] {
        std::optional<TrialFailure> Failure = Remembered(U, Fixes[U]);
        Compiled[U] = !Failure;
        if (Failure)
          findCulprits(U, Fixes[U], *Failure, Remembered, Culprits[U]);
      });
    Pool.wait();
    // In unit order: a fix that breaks two units keeps the first one's error.
    for (unsigned U : Work) {
      if (Compiled[U])
        Verified[U] = Fixes[U];
      for (auto &[Fix, Error] : Culprits[U])
        if (Out.Kept[Fix]) {
          Out.Kept[Fix] = false;
          Out.Dropped.emplace(Fix, Error);
        }
    }
  }
}

std::map<std::string, MergedEdits>
mergeEdits(llvm::ArrayRef<tooling::Replacement> Edits) {
  // A set first: Replacements::add merges two identical insertions into one
  // that inserts the text twice.
  std::map<std::string, std::set<tooling::Replacement>> ByFile;
  for (const tooling::Replacement &R : Edits)
    ByFile[R.getFilePath().str()].insert(R);
  std::map<std::string, MergedEdits> Merged;
  for (const auto &[File, FileEdits] : ByFile)
    Merged[File] = mergeFileEdits(FileEdits);
  return Merged;
}

std::optional<tooling::Replacement>
mergedEditFor(const tooling::Replacements &Merged,
              const tooling::Replacement &Original) {
  for (const tooling::Replacement &R : Merged)
    if (R == Original ||
        (R.getOffset() == Original.getOffset() && isIncludeInsertion(R) &&
         isIncludeInsertion(Original) &&
         llvm::all_of(nonBlankLines(Original.getReplacementText()),
                      [&](llvm::StringRef Line) {
                        return llvm::is_contained(
                            nonBlankLines(R.getReplacementText()), Line);
                      })))
      return R;
  return std::nullopt;
}

llvm::Expected<tooling::Replacements>
formatEdits(llvm::StringRef FileName, llvm::StringRef Code,
            const tooling::Replacements &Edits) {
  llvm::Expected<format::FormatStyle> Style = format::getStyle(
      format::DefaultFormatStyle, FileName, format::DefaultFallbackStyle, Code);
  if (!Style)
    return Style.takeError();
  llvm::Expected<tooling::Replacements> Cleaned =
      format::cleanupAroundReplacements(Code, Edits, *Style);
  if (!Cleaned)
    return Cleaned.takeError();
  return format::formatReplacements(Code, *Cleaned, *Style);
}

llvm::Expected<RewrittenFile> rewriteFile(llvm::StringRef FileName,
                                          llvm::StringRef Code,
                                          const tooling::Replacements &Edits,
                                          bool Format) {
  // applyAllReplacements does not check this: an offset beyond the end would
  // point into whatever buffer follows.
  for (const tooling::Replacement &R : Edits)
    if (R.getOffset() + R.getLength() > Code.size())
      return llvm::make_error<tooling::ReplacementError>(
          tooling::replacement_error::fail_to_apply, R);
  RewrittenFile Out;
  Out.Edits = Edits;
  if (Format) {
    llvm::Expected<tooling::Replacements> Formatted =
        formatEdits(FileName, Code, Edits);
    if (!Formatted)
      return Formatted.takeError();
    Out.Edits = std::move(*Formatted);
  }
  llvm::Expected<std::string> NewCode =
      tooling::applyAllReplacements(Code, Out.Edits);
  if (!NewCode)
    return NewCode.takeError();
  Out.Code = std::move(*NewCode);
  return Out;
}

} // namespace asyncctx

//===--- Diff.cpp - asyncctx standalone tool ------------------------------===//
//
// The unified diff of `fix --dry-run`. Written by hand: LLVM has no unified
// diff writer, and none is needed in general, since the edits say which lines
// change (docs/decisions.md, "Tool").
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/Support/raw_ostream.h"

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace asyncctx::tool {

namespace {

constexpr unsigned ContextLines = 3;

std::vector<llvm::StringRef> splitLines(llvm::StringRef Text) {
  std::vector<llvm::StringRef> Lines;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Lines.push_back(Line);
    Text = Rest;
  }
  return Lines;
}

/// Old lines [OldFirst, OldFirst + OldCount) become New.
struct Block {
  unsigned OldFirst, OldCount;
  std::vector<std::string> New;
};

class Blocks {
public:
  Blocks(llvm::StringRef Old) : Old(Old), OldLines(splitLines(Old)) {
    Starts.push_back(0);
    for (unsigned I = 0; I < Old.size(); ++I)
      if (Old[I] == '\n')
        Starts.push_back(I + 1);
  }

  /// The changed lines of the edits, one block per group of edits that
  /// share lines.
  std::vector<Block> of(const Replacements &Edits) const {
    std::vector<Replacement> All(Edits.begin(), Edits.end());
    std::vector<Block> Out;
    for (size_t I = 0; I < All.size();) {
      unsigned First = lineOf(All[I].getOffset()), Last = lineEnd(All[I]);
      size_t J = I + 1;
      for (; J < All.size() && lineOf(All[J].getOffset()) <= Last; ++J)
        Last = std::max(Last, lineEnd(All[J]));
      if (std::optional<Block> B =
              block(First, Last, llvm::ArrayRef(All).slice(I, J - I)))
        Out.push_back(std::move(*B));
      I = J;
    }
    return Out;
  }

  const std::vector<llvm::StringRef> &oldLines() const { return OldLines; }

private:
  unsigned lineOf(unsigned Offset) const {
    return std::upper_bound(Starts.begin(), Starts.end(), Offset) -
           Starts.begin() - 1;
  }
  unsigned lineEnd(const Replacement &R) const {
    return lineOf(R.getOffset() + R.getLength());
  }

  /// Old lines [First, Last] with \p Local applied, without the lines at
  /// either end that they leave unchanged.
  std::optional<Block> block(unsigned First, unsigned Last,
                             llvm::ArrayRef<Replacement> Local) const {
    Last = std::min<unsigned>(Last, OldLines.empty() ? 0 : OldLines.size() - 1);
    unsigned Begin = Starts[First];
    unsigned End = Last + 1 < Starts.size() ? Starts[Last + 1] : Old.size();
    std::string Region = Old.slice(Begin, End).str();
    for (const Replacement &R : llvm::reverse(Local))
      Region.replace(R.getOffset() - Begin, R.getLength(),
                     R.getReplacementText().str());
    llvm::ArrayRef<llvm::StringRef> OldR(OldLines);
    OldR =
        OldR.slice(First, std::min<size_t>(Last + 1, OldLines.size()) - First);
    std::vector<llvm::StringRef> NewR = splitLines(Region);
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
    if (!B.OldCount && B.New.empty())
      return std::nullopt;
    return B;
  }

  llvm::StringRef Old;
  std::vector<llvm::StringRef> OldLines;
  std::vector<unsigned> Starts;
};

/// Writes one hunk: \p Group (blocks close enough to share context).
/// \p Delta is the new line number minus the old one before the hunk.
void writeHunk(llvm::raw_ostream &OS, llvm::ArrayRef<llvm::StringRef> OldLines,
               llvm::ArrayRef<Block> Group, long &Delta) {
  unsigned First = Group.front().OldFirst;
  unsigned HunkStart = First >= ContextLines ? First - ContextLines : 0;
  unsigned HunkEnd = std::min<unsigned>(
      Group.back().OldFirst + Group.back().OldCount + ContextLines,
      OldLines.size());
  std::string Body;
  unsigned OldCount = 0, NewCount = 0, Line = HunkStart;
  long HunkDelta = Delta;
  for (const Block &B : Group) {
    for (; Line < B.OldFirst; ++Line, ++OldCount, ++NewCount)
      Body += " " + OldLines[Line].str() + "\n";
    for (unsigned L = 0; L < B.OldCount; ++L, ++Line, ++OldCount)
      Body += "-" + OldLines[Line].str() + "\n";
    for (const std::string &N : B.New)
      Body += "+" + N + "\n", ++NewCount;
    Delta += long(B.New.size()) - long(B.OldCount);
  }
  for (; Line < HunkEnd; ++Line, ++OldCount, ++NewCount)
    Body += " " + OldLines[Line].str() + "\n";
  unsigned OldStart = OldCount ? HunkStart + 1 : HunkStart;
  unsigned NewStart =
      NewCount ? HunkStart + HunkDelta + 1 : HunkStart + HunkDelta;
  OS << "@@ -" << OldStart << "," << OldCount << " +" << NewStart << ","
     << NewCount << " @@\n"
     << Body;
}

} // namespace

void writeUnifiedDiff(llvm::raw_ostream &OS, llvm::StringRef Rel,
                      llvm::StringRef Old, const Replacements &Edits) {
  Blocks Splitter(Old);
  std::vector<Block> All = Splitter.of(Edits);
  if (All.empty())
    return;
  OS << "--- a/" << Rel << "\n+++ b/" << Rel << "\n";
  long Delta = 0;
  for (size_t I = 0; I < All.size();) {
    size_t J = I + 1;
    while (J < All.size() && All[J].OldFirst <= All[J - 1].OldFirst +
                                                    All[J - 1].OldCount +
                                                    2 * ContextLines)
      ++J;
    writeHunk(OS, Splitter.oldLines(), llvm::ArrayRef(All).slice(I, J - I),
              Delta);
    I = J;
  }
}

} // namespace asyncctx::tool

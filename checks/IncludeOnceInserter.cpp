//===--- IncludeOnceInserter.cpp - asyncctx -------------------------------===//

#include "checks/IncludeOnceInserter.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace asyncctx {

/// The start of the line after the one \p Loc is on.
static SourceLocation startOfNextLine(const SourceManager &SM,
                                      SourceLocation Loc) {
  auto [File, Offset] = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  StringRef Buffer = SM.getBufferData(File);
  size_t NewLine = Buffer.find('\n', Offset);
  return SM.getComposedLoc(File, NewLine == StringRef::npos ? Buffer.size()
                                                            : NewLine + 1);
}

class IncludeRecorder : public PPCallbacks {
public:
  explicit IncludeRecorder(IncludeOnceInserter &Owner) : Owner(Owner) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef Name,
                          bool, CharSourceRange FilenameRange,
                          OptionalFileEntryRef, StringRef, StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    FileID File = Owner.SM->getFileID(HashLoc);
    Owner.Included[File].insert(Name);
    Owner.Layouts[File].AfterIncludes.push_back(
        startOfNextLine(*Owner.SM, FilenameRange.getEnd()));
    directive(HashLoc);
  }

  void If(SourceLocation Loc, SourceRange, ConditionValueKind) override {
    directive(Loc);
  }
  void Ifdef(SourceLocation Loc, const Token &,
             const MacroDefinition &) override {
    directive(Loc);
  }
  void Ifndef(SourceLocation Loc, const Token &MacroName,
              const MacroDefinition &) override {
    // An include guard, if it is the file's first directive and the next
    // one defines its macro.
    if (Owner.Layouts[Owner.SM->getFileID(Loc)].Directives != 0) {
      directive(Loc);
      return;
    }
    directive(Loc);
    GuardCandidate = Loc;
    GuardMacro = MacroName.getIdentifierInfo();
    GuardCandidateDirective = Directives;
  }
  void MacroDefined(const Token &MacroName, const MacroDirective *) override {
    SourceLocation Loc = MacroName.getLocation();
    if (!Owner.SM->isWrittenInMainFile(Loc) && Owner.SM->isInSystemHeader(Loc))
      return;
    directive(Loc);
    if (GuardMacro == MacroName.getIdentifierInfo() &&
        Directives == GuardCandidateDirective + 1 &&
        Owner.SM->getFileID(Loc) == Owner.SM->getFileID(GuardCandidate)) {
      IncludeOnceInserter::Layout &L = Owner.Layouts[Owner.SM->getFileID(Loc)];
      if (L.GuardBegin.isInvalid()) {
        L.GuardBegin = GuardCandidate;
        L.AfterGuard = startOfNextLine(*Owner.SM, Loc);
      }
    }
  }
  void PragmaDirective(SourceLocation Loc, PragmaIntroducerKind) override {
    directive(Loc);
    const char *Text = Owner.SM->getCharacterData(Loc);
    StringRef Line(Text, strcspn(Text, "\n"));
    IncludeOnceInserter::Layout &L = Owner.Layouts[Owner.SM->getFileID(Loc)];
    if (Line.contains("once") && L.AfterGuard.isInvalid())
      L.AfterGuard = startOfNextLine(*Owner.SM, Loc);
  }
  void Endif(SourceLocation Loc, SourceLocation IfLoc) override {
    directive(Loc);
    Owner.Layouts[Owner.SM->getFileID(Loc)].Conditionals.emplace_back(IfLoc,
                                                                      Loc);
  }

private:
  void directive(SourceLocation Loc) {
    ++Directives;
    ++Owner.Layouts[Owner.SM->getFileID(Loc)].Directives;
  }

  IncludeOnceInserter &Owner;
  unsigned Directives = 0;
  SourceLocation GuardCandidate;
  const IdentifierInfo *GuardMacro = nullptr;
  unsigned GuardCandidateDirective = 0;
};

void IncludeOnceInserter::registerPreprocessor(Preprocessor *PP) {
  SM = &PP->getSourceManager();
  Included.clear();
  Layouts.clear();
  Inserter.registerPreprocessor(PP);
  PP->addPPCallbacks(std::make_unique<IncludeRecorder>(*this));
}

bool IncludeOnceInserter::isConditional(const Layout &L,
                                        SourceLocation Loc) const {
  return llvm::any_of(L.Conditionals, [&](SourceRange Block) {
    return Block.getBegin() != L.GuardBegin &&
           SM->isBeforeInTranslationUnit(Block.getBegin(), Loc) &&
           SM->isBeforeInTranslationUnit(Loc, Block.getEnd());
  });
}

SourceLocation IncludeOnceInserter::topLevelInsertion(FileID File) const {
  auto It = Layouts.find(File);
  if (It == Layouts.end())
    return SM->getLocForStartOfFile(File);
  const Layout &L = It->second;
  for (auto After = L.AfterIncludes.rbegin(); After != L.AfterIncludes.rend();
       ++After)
    if (!isConditional(L, *After))
      return *After;
  if (L.AfterGuard.isValid())
    return L.AfterGuard;
  return SM->getLocForStartOfFile(File);
}

std::optional<FixItHint>
IncludeOnceInserter::createIncludeInsertion(FileID File, StringRef Header) {
  StringRef Name = Header;
  if (Name.consume_front("<"))
    Name.consume_back(">");
  if (auto It = Included.find(File);
      It != Included.end() && It->second.contains(Name))
    return std::nullopt;
  std::optional<FixItHint> Hint = Inserter.createIncludeInsertion(File, Header);
  if (!Hint)
    return Hint;
  auto It = Layouts.find(File);
  if (It != Layouts.end() &&
      isConditional(It->second, Hint->RemoveRange.getBegin()))
    return FixItHint::CreateInsertion(topLevelInsertion(File),
                                      Hint->CodeToInsert);
  return Hint;
}

} // namespace asyncctx

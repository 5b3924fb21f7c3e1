//===--- IncludeOnceInserter.cpp - asyncctx -------------------------------===//

#include "checks/IncludeOnceInserter.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace asyncctx {

class IncludeRecorder : public PPCallbacks {
public:
  explicit IncludeRecorder(IncludeOnceInserter &Owner) : Owner(Owner) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef Name,
                          bool, CharSourceRange, OptionalFileEntryRef,
                          StringRef, StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    Owner.Included[Owner.SM->getFileID(HashLoc)].insert(Name);
  }

private:
  IncludeOnceInserter &Owner;
};

void IncludeOnceInserter::registerPreprocessor(Preprocessor *PP) {
  SM = &PP->getSourceManager();
  Included.clear();
  Inserter.registerPreprocessor(PP);
  PP->addPPCallbacks(std::make_unique<IncludeRecorder>(*this));
}

std::optional<FixItHint>
IncludeOnceInserter::createIncludeInsertion(FileID File, StringRef Header) {
  StringRef Name = Header;
  if (Name.consume_front("<"))
    Name.consume_back(">");
  if (auto It = Included.find(File);
      It != Included.end() && It->second.contains(Name))
    return std::nullopt;
  return Inserter.createIncludeInsertion(File, Header);
}

} // namespace asyncctx

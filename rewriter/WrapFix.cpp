//===--- WrapFix.cpp - asyncctx -------------------------------------------===//

#include "rewriter/WrapFix.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace asyncctx {

bool isEditableLocation(SourceLocation Loc, const SourceManager &SM) {
  return Loc.isValid() && !SM.isInSystemHeader(SM.getFileLoc(Loc));
}

std::optional<WrapFix> wrapInAdapter(const Expr *E, llvm::StringRef Adapter,
                                     const SourceManager &SM,
                                     const LangOptions &LangOpts) {
  // makeFileCharRange maps a macro argument back to where it is spelled and
  // fails for anything spelled in a macro body.
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, LangOpts);
  if (Range.isInvalid())
    return std::nullopt;
  SourceLocation Begin = Range.getBegin();
  SourceLocation End = Range.getEnd();
  if (!isEditableLocation(Begin, SM) ||
      SM.getFileID(Begin) != SM.getFileID(End))
    return std::nullopt;
  WrapFix Fix;
  Fix.File = SM.getFileID(Begin);
  Fix.Edits.push_back(FixItHint::CreateInsertion(Begin, (Adapter + "(").str()));
  Fix.Edits.push_back(FixItHint::CreateInsertion(End, ")"));
  return Fix;
}

} // namespace asyncctx

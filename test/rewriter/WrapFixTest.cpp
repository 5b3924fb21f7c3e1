//===--- WrapFixTest.cpp - asyncctx ---------------------------------------===//
//
// Unit tests of rewriter/WrapFix.h: the wrap a fix makes, and where no fix
// may be made (macro bodies, system headers).
//
//===----------------------------------------------------------------------===//

#include "rewriter/WrapFix.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace asyncctx {
namespace {

const char *Code = "#include <vendor.h>\n"
                   "#define CALL_BODY g([] {})\n"
                   "#define ARG(x) (x)\n"
                   "void user() {\n"
                   "  g([] {});\n"
                   "  g(ARG([] {}));\n"
                   "  CALL_BODY;\n"
                   "}\n";
const char *VendorHeader = "void g(void (*)());\n"
                           "inline void vendor() { g([] {}); }\n";

/// Code, with vendor.h in a system include directory.
std::unique_ptr<ASTUnit> buildInput() {
  return tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++20", "-isystem", "/vendor"}, "/p/input.cc",
      "asyncctx-rewriter-tests", std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(),
      {{"/vendor/vendor.h", VendorHeader}});
}

/// The wrap of each lambda in \p Code, by the line it is on.
std::map<unsigned, std::optional<WrapFix>> wrapsByLine(ASTUnit &AST) {
  ASTContext &Ctx = AST.getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  std::map<unsigned, std::optional<WrapFix>> Out;
  for (const BoundNodes &N : match(findAll(lambdaExpr().bind("l")), Ctx)) {
    const auto *L = N.getNodeAs<LambdaExpr>("l");
    SourceLocation Loc = SM.getFileLoc(L->getBeginLoc());
    unsigned Line = SM.getPresumedLineNumber(Loc);
    if (SM.isInSystemHeader(Loc))
      Line += 100; // lines of the vendor header
    Out[Line] = wrapInAdapter(L, "asyncctx::wrap", SM, Ctx.getLangOpts());
  }
  return Out;
}

std::string text(const FixItHint &Hint) { return Hint.CodeToInsert; }

TEST(WrapFix, WrapsWhereTheUserCanEdit) {
  std::unique_ptr<ASTUnit> AST = buildInput();
  ASSERT_TRUE(AST);
  std::map<unsigned, std::optional<WrapFix>> Wraps = wrapsByLine(*AST);
  ASSERT_EQ(Wraps.size(), 4u);
  // Spelled in the file: `Adapter(` before, `)` after, in the main file.
  const std::optional<WrapFix> &Plain = Wraps.at(5);
  ASSERT_TRUE(Plain);
  ASSERT_EQ(Plain->Edits.size(), 2u);
  EXPECT_EQ(text(Plain->Edits[0]), "asyncctx::wrap(");
  EXPECT_EQ(text(Plain->Edits[1]), ")");
  const SourceManager &SM = AST->getSourceManager();
  EXPECT_EQ(Plain->File, SM.getMainFileID());
  EXPECT_EQ(SM.getSpellingColumnNumber(Plain->Edits[0].RemoveRange.getBegin()),
            5u);
  EXPECT_EQ(SM.getSpellingColumnNumber(Plain->Edits[1].RemoveRange.getBegin()),
            10u);

  // A macro argument is spelled in the file: it is wrapped where written.
  ASSERT_TRUE(Wraps.at(6));
  EXPECT_EQ(
      SM.getSpellingColumnNumber(Wraps.at(6)->Edits[0].RemoveRange.getBegin()),
      9u);
  // In a macro body: editing it would change every use.
  EXPECT_FALSE(Wraps.at(7));
  // In a system header: never the user's to edit.
  EXPECT_FALSE(Wraps.at(102));
}

TEST(WrapFix, SystemHeadersAreNotEditable) {
  std::unique_ptr<ASTUnit> AST = buildInput();
  ASSERT_TRUE(AST);
  const SourceManager &SM = AST->getSourceManager();
  EXPECT_TRUE(
      isEditableLocation(SM.getLocForStartOfFile(SM.getMainFileID()), SM));
  EXPECT_FALSE(isEditableLocation(SourceLocation(), SM));
  auto Vendor = SM.getFileManager().getOptionalFileRef("/vendor/vendor.h");
  ASSERT_TRUE(Vendor);
  FileID VendorID = SM.translateFile(*Vendor);
  EXPECT_FALSE(isEditableLocation(SM.getLocForStartOfFile(VendorID), SM));
}

} // namespace
} // namespace asyncctx

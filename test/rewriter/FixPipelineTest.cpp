//===--- FixPipelineTest.cpp - asyncctx -----------------------------------===//
//
// Unit tests of rewriter/FixPipeline.h: merging the edits of many translation
// units, applying them, formatting the touched lines.
//
//===----------------------------------------------------------------------===//

#include "rewriter/FixPipeline.h"
#include "gtest/gtest.h"

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace asyncctx {
namespace {

const char *File = "/p/shared.h";

// `std::thread(asyncctx::wrap([] {...})).detach();` is made of these edits.
const char *Code = "#pragma once\n"
                   "#include <thread>\n"
                   "void f() { std::thread([] {}).detach(); }\n";
const unsigned LambdaBegin = 54, LambdaEnd = 59;

Replacement wrapOpen(const char *Adapter = "asyncctx::wrap(") {
  return Replacement(File, LambdaBegin, 0, Adapter);
}
Replacement wrapClose() { return Replacement(File, LambdaEnd, 0, ")"); }
Replacement include(const char *Header, unsigned Offset = 13) {
  return Replacement(File, Offset, 0, std::string("#include ") + Header + "\n");
}

std::string apply(const MergedEdits &Merged, bool Format = false) {
  llvm::Expected<RewrittenFile> Out =
      rewriteFile(File, Code, Merged.Edits, Format);
  EXPECT_TRUE(static_cast<bool>(Out)) << llvm::toString(Out.takeError());
  return Out ? Out->Code : "";
}

TEST(FixPipeline, OffsetsOfTheTestCode) {
  EXPECT_EQ(llvm::StringRef(Code).substr(LambdaBegin, LambdaEnd - LambdaBegin),
            "[] {}");
  EXPECT_EQ(llvm::StringRef(Code).substr(13, 8), "#include");
}

TEST(FixPipeline, IdenticalEditsOfManyTranslationUnitsAreMadeOnce) {
  // Three translation units include the header: each reports the same fix.
  std::vector<Replacement> Edits;
  for (int TU = 0; TU < 3; ++TU)
    Edits.insert(Edits.end(),
                 {wrapOpen(), wrapClose(), include("<asyncctx/asyncctx.hpp>")});
  std::map<std::string, MergedEdits> Merged = mergeEdits(Edits);
  ASSERT_EQ(Merged.size(), 1u);
  const MergedEdits &M = Merged.at(File);
  EXPECT_FALSE(M.Conflict);
  EXPECT_EQ(M.Edits.size(), 3u);
  EXPECT_EQ(apply(M), "#pragma once\n"
                      "#include <asyncctx/asyncctx.hpp>\n"
                      "#include <thread>\n"
                      "void f() { std::thread(asyncctx::wrap([] {})).detach(); "
                      "}\n");
}

TEST(FixPipeline, DifferentInsertionsAtOneOffsetConflict) {
  // Two directories configure different FixAdapters for a shared header.
  std::map<std::string, MergedEdits> Merged =
      mergeEdits({wrapOpen(), wrapClose(), wrapOpen("other::wrap(")});
  const MergedEdits &M = Merged.at(File);
  ASSERT_TRUE(M.Conflict);
  std::set<std::string> Texts{M.Conflict->first.getReplacementText().str(),
                              M.Conflict->second.getReplacementText().str()};
  EXPECT_EQ(Texts, (std::set<std::string>{"asyncctx::wrap(", "other::wrap("}));
  EXPECT_EQ(M.Conflict->second.getOffset(), LambdaBegin);
}

TEST(FixPipeline, OverlappingReplacementsConflict) {
  std::map<std::string, MergedEdits> Merged = mergeEdits(
      {Replacement(File, 10, 5, "a"), Replacement(File, 12, 5, "b")});
  EXPECT_TRUE(Merged.at(File).Conflict);
}

TEST(FixPipeline, AdjacentEditsDoNotConflict) {
  std::map<std::string, MergedEdits> Merged = mergeEdits(
      {Replacement(File, 10, 5, "a"), Replacement(File, 15, 5, "b")});
  EXPECT_FALSE(Merged.at(File).Conflict);
  EXPECT_EQ(Merged.at(File).Edits.size(), 2u);
}

TEST(FixPipeline, IncludeInsertionsAtOneOffsetMergeIntoOneInsertion) {
  // A handler wrapped through an Asio binder needs both headers; the check
  // inserts them at the same place.
  std::map<std::string, MergedEdits> Merged = mergeEdits(
      {include("<asyncctx/asyncctx.hpp>"), include("<asyncctx/asio.hpp>"),
       include("<asyncctx/asyncctx.hpp>")});
  const MergedEdits &M = Merged.at(File);
  ASSERT_FALSE(M.Conflict);
  ASSERT_EQ(M.Edits.size(), 1u);
  EXPECT_EQ(M.Edits.begin()->getReplacementText(),
            "#include <asyncctx/asio.hpp>\n#include <asyncctx/asyncctx.hpp>\n");
}

TEST(FixPipeline, MergeDoesNotDependOnOrder) {
  std::vector<Replacement> Edits{include("<asyncctx/asio.hpp>"), wrapClose(),
                                 include("<asyncctx/asyncctx.hpp>"),
                                 wrapOpen()};
  std::vector<Replacement> Reversed(Edits.rbegin(), Edits.rend());
  EXPECT_EQ(mergeEdits(Edits).at(File).Edits,
            mergeEdits(Reversed).at(File).Edits);
}

TEST(FixPipeline, IncludeAndWrapAtOneOffsetConflict) {
  std::map<std::string, MergedEdits> Merged =
      mergeEdits({include("<asyncctx/asyncctx.hpp>", LambdaBegin), wrapOpen()});
  EXPECT_TRUE(Merged.at(File).Conflict);
}

TEST(FixPipeline, EditsAreMergedPerFile) {
  std::map<std::string, MergedEdits> Merged =
      mergeEdits({Replacement("/p/a.cpp", 0, 0, "x"),
                  Replacement("/p/b.cpp", 0, 0, "y"), wrapOpen()});
  EXPECT_EQ(Merged.size(), 3u);
  for (const auto &[Name, M] : Merged) {
    EXPECT_FALSE(M.Conflict) << Name;
    EXPECT_EQ(M.Edits.size(), 1u) << Name;
  }
}

TEST(FixPipeline, MergingAgainChangesNothing) {
  std::map<std::string, MergedEdits> Once =
      mergeEdits({wrapOpen(), wrapClose(), include("<asyncctx/asio.hpp>"),
                  include("<asyncctx/asyncctx.hpp>")});
  const Replacements &First = Once.at(File).Edits;
  std::vector<Replacement> Again(First.begin(), First.end());
  Again.insert(Again.end(), First.begin(), First.end());
  EXPECT_EQ(mergeEdits(Again).at(File).Edits, First);
}

TEST(FixPipeline, EditsBeyondTheEndOfTheFileAreNotApplied) {
  Replacements Edits(Replacement(File, 1000, 0, "x"));
  llvm::Expected<RewrittenFile> Out = rewriteFile(File, Code, Edits, false);
  EXPECT_FALSE(static_cast<bool>(Out));
  llvm::consumeError(Out.takeError());
}

TEST(FixPipeline, FormattingTouchesOnlyTheEditedLines) {
  const char *Ugly = "int  a ;\n"
                     "void f() {\n"
                     "  g( [] {});\n"
                     "}\n"
                     "int  b ;\n";
  // Wrap `[] {}` on line 3.
  Replacements Edits;
  llvm::cantFail(Edits.add(Replacement(File, 25, 0, "wrap(")));
  llvm::cantFail(Edits.add(Replacement(File, 30, 0, ")")));
  llvm::Expected<RewrittenFile> Plain =
      rewriteFile("/p/x.cpp", Ugly, Edits, false);
  ASSERT_TRUE(static_cast<bool>(Plain)) << llvm::toString(Plain.takeError());
  EXPECT_EQ(Plain->Code, "int  a ;\n"
                         "void f() {\n"
                         "  g( wrap([] {}));\n"
                         "}\n"
                         "int  b ;\n");
  llvm::Expected<RewrittenFile> Formatted =
      rewriteFile("/p/x.cpp", Ugly, Edits, true);
  ASSERT_TRUE(static_cast<bool>(Formatted))
      << llvm::toString(Formatted.takeError());
  EXPECT_EQ(Formatted->Code, "int  a ;\n"
                             "void f() {\n"
                             "  g(wrap([] {}));\n"
                             "}\n"
                             "int  b ;\n");
  // Formatting what is already formatted changes nothing more.
  llvm::Expected<RewrittenFile> Again =
      rewriteFile("/p/x.cpp", Formatted->Code, Replacements(), true);
  ASSERT_TRUE(static_cast<bool>(Again));
  EXPECT_EQ(Again->Code, Formatted->Code);
}

} // namespace
} // namespace asyncctx

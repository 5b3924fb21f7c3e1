//===--- FixPipelineTest.cpp - asyncctx -----------------------------------===//
//
// Unit tests of rewriter/FixPipeline.h: merging the edits of many translation
// units, applying them, formatting the touched lines.
//
//===----------------------------------------------------------------------===//

#include "rewriter/FixPipeline.h"
#include "gtest/gtest.h"
#include <atomic>
#include <set>

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

TEST(FixPipeline, IncludeInsertionsWithABlankLineAfterThemMerge) {
  // clang-tidy's IncludeInserter adds a blank line after an insertion that
  // opens a new include block (Asio's impl/co_spawn.hpp).
  Replacement Asio(File, 13, 0, "#include <asyncctx/asio.hpp>\n\n");
  Replacement Core(File, 13, 0, "#include <asyncctx/asyncctx.hpp>\n\n");
  std::map<std::string, MergedEdits> Merged = mergeEdits({Core, Asio});
  const MergedEdits &M = Merged.at(File);
  ASSERT_FALSE(M.Conflict);
  ASSERT_EQ(M.Edits.size(), 1u);
  EXPECT_EQ(
      M.Edits.begin()->getReplacementText(),
      "#include <asyncctx/asio.hpp>\n#include <asyncctx/asyncctx.hpp>\n\n");
  // Each finding's own insertion is found in the merged one (export).
  EXPECT_EQ(mergedEditFor(M.Edits, Asio), *M.Edits.begin());
  EXPECT_EQ(mergedEditFor(M.Edits, Core), *M.Edits.begin());
  // Alone, an insertion stays as it was.
  EXPECT_EQ(mergeEdits({Asio}).at(File).Edits.begin()->getReplacementText(),
            Asio.getReplacementText());
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

//===--- Verification: which fixes to keep --------------------------------===//

/// A compiler stand-in: a unit fails with a fix in \c BadAlone, or with every
/// fix of a set in \c BadTogether; counts the compiles. With \c Point, the
/// error of a fix in \c BadAlone points into it (a template instantiated
/// with the wrapped argument), as clang's notes do.
struct FakeCompiler {
  std::map<unsigned, std::set<unsigned>> BadAlone;    // unit -> fixes
  std::map<unsigned, std::set<unsigned>> BadTogether; // unit -> fixes
  bool Point = false;
  std::atomic<unsigned> Compiles{0};

  FixTrial trial() {
    return [this](unsigned Unit, const std::vector<unsigned> &Fixes)
               -> std::optional<TrialFailure> {
      ++Compiles;
      for (unsigned Fix : Fixes)
        if (BadAlone[Unit].count(Fix)) {
          TrialFailure F{"unit " + std::to_string(Unit) + ": fix " +
                             std::to_string(Fix),
                         {}};
          if (Point)
            F.Suspects.push_back(Fix);
          return F;
        }
      const std::set<unsigned> &Together = BadTogether[Unit];
      if (!Together.empty() && llvm::all_of(Together, [&](unsigned F) {
            return llvm::is_contained(Fixes, F);
          }))
        return TrialFailure{"unit " + std::to_string(Unit) + ": together", {}};
      return std::nullopt;
    };
  }
};

std::vector<unsigned> kept(const VerifiedFixes &V) {
  std::vector<unsigned> Out;
  for (unsigned I = 0; I < V.Kept.size(); ++I)
    if (V.Kept[I])
      Out.push_back(I);
  return Out;
}

TEST(FixVerification, FixesThatCompileAreAllKeptAfterOneCompileEach) {
  FakeCompiler C;
  VerifiedFixes V =
      keepCompilingFixes(4, {{0, 1}, {2, 3}, {1, 2}}, C.trial(), 2);
  EXPECT_EQ(kept(V), (std::vector<unsigned>{0, 1, 2, 3}));
  EXPECT_TRUE(V.Dropped.empty());
  EXPECT_EQ(C.Compiles, 3u);
}

TEST(FixVerification, TheFixThatBreaksAUnitIsDroppedWithItsOwnError) {
  FakeCompiler C;
  C.BadAlone[0] = {5};
  std::vector<unsigned> All = {0, 1, 2, 3, 4, 5, 6, 7};
  VerifiedFixes V = keepCompilingFixes(8, {All}, C.trial(), 2);
  EXPECT_EQ(kept(V), (std::vector<unsigned>{0, 1, 2, 3, 4, 6, 7}));
  ASSERT_EQ(V.Dropped.size(), 1u);
  EXPECT_EQ(V.Dropped.at(5), "unit 0: fix 5");
  // Bisection: all, halves, quarters, eighths around fix 5 (7 compiles),
  // then the combination that is kept.
  EXPECT_EQ(C.Compiles, 8u);
}

TEST(FixVerification, ASuspectTheErrorPointsIntoCostsOneMoreCompile) {
  FakeCompiler C;
  C.BadAlone[0] = {5};
  C.Point = true;
  VerifiedFixes V =
      keepCompilingFixes(8, {{0, 1, 2, 3, 4, 5, 6, 7}}, C.trial(), 2);
  EXPECT_EQ(kept(V), (std::vector<unsigned>{0, 1, 2, 3, 4, 6, 7}));
  EXPECT_EQ(V.Dropped.at(5), "unit 0: fix 5");
  // All of them, then all but the suspect, which is the combination kept.
  EXPECT_EQ(C.Compiles, 2u);
}

TEST(FixVerification, AWrongSuspectFallsBackToBisection) {
  FakeCompiler C;
  C.BadTogether[0] = {2, 3};
  VerifiedFixes V = keepCompilingFixes(
      4, {{0, 1, 2, 3}},
      [&](unsigned Unit, const std::vector<unsigned> &Fixes) {
        std::optional<TrialFailure> F = C.trial()(Unit, Fixes);
        if (F)
          F->Suspects = {0}; // misleading
        return F;
      },
      1);
  EXPECT_EQ(kept(V), (std::vector<unsigned>{0, 1, 2}));
  EXPECT_EQ(V.Dropped.at(3), "unit 0: together");
}

TEST(FixVerification, FixesThatFailOnlyTogetherLoseOneOfThem) {
  FakeCompiler C;
  // 1 and 6 land in different halves: each half compiles.
  C.BadTogether[0] = {1, 6};
  VerifiedFixes V =
      keepCompilingFixes(8, {{0, 1, 2, 3, 4, 5, 6, 7}}, C.trial(), 1);
  EXPECT_EQ(kept(V), (std::vector<unsigned>{0, 1, 2, 3, 4, 5, 7}));
  EXPECT_EQ(V.Dropped.at(6), "unit 0: together");
}

TEST(FixVerification, AFixOfASharedHeaderThatBreaksOneUnitIsDroppedForAll) {
  FakeCompiler C;
  // Fix 1 edits a header both units read; only unit 1 fails with it (and
  // with 2, its own). Unit 0 is compiled again without 1.
  C.BadAlone[1] = {1, 2};
  VerifiedFixes V = keepCompilingFixes(3, {{0, 1}, {1, 2}}, C.trial(), 2);
  EXPECT_EQ(kept(V), (std::vector<unsigned>{0}));
  EXPECT_EQ(V.Dropped.at(1), "unit 1: fix 1");
  EXPECT_EQ(V.Dropped.at(2), "unit 1: fix 2");
}

TEST(FixVerification, AFixBreakingTwoUnitsKeepsTheFirstUnitsError) {
  for (unsigned Jobs : {1u, 4u}) {
    FakeCompiler C;
    C.BadAlone[0] = {0};
    C.BadAlone[1] = {0};
    VerifiedFixes V = keepCompilingFixes(1, {{0}, {0}}, C.trial(), Jobs);
    EXPECT_EQ(V.Dropped.at(0), "unit 0: fix 0");
  }
}

} // namespace
} // namespace asyncctx

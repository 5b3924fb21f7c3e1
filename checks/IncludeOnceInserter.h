//===--- IncludeOnceInserter.h - asyncctx -----------------------*- C++ -*-===//
//
// clang-tidy's IncludeInserter, made to see an include wherever the file has
// it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_INCLUDEONCEINSERTER_H
#define ASYNCCTX_CHECKS_INCLUDEONCEINSERTER_H

#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <vector>

namespace clang {
class Preprocessor;
} // namespace clang

namespace asyncctx {

/// Inserts an include unless the file already has it, wherever it is, and
/// where every preprocessor branch sees it.
///
/// IncludeInserter alone misses an include that follows one that sorts after
/// it: IncludeSorter looks for the header in the include block in file order
/// and stops at the first entry that sorts after it, to insert there. A file
/// with `<boost/asio.hpp>` before `<asyncctx/asyncctx.hpp>`, or
/// `<asyncctx/asyncctx.hpp>` before `<asyncctx/asio.hpp>`, got the second
/// header again.
///
/// IncludeSorter also puts the include next to the file's includes of its
/// kind even when those are inside an `#if` block, where the fixed code
/// outside the block would not see it on the other branch. Such an insertion
/// moves to top level: after the last include outside any conditional block,
/// else after the include guard's `#define` or `#pragma once`, else to the
/// start of the file (docs/decisions.md, "The include goes where every branch
/// sees it").
class IncludeOnceInserter {
public:
  IncludeOnceInserter(clang::tidy::utils::IncludeSorter::IncludeStyle Style,
                      bool SelfContainedDiags)
      : Inserter(Style, SelfContainedDiags) {}

  /// Registers with \p PP; call from registerPPCallbacks, once per
  /// translation unit.
  void registerPreprocessor(clang::Preprocessor *PP);

  /// The insertion of `#include Header` into \p File, or nullopt when \p File
  /// already includes it (with either delimiter) or another fix of this
  /// translation unit inserts it. \p Header is `<h>` or `h` (quoted).
  std::optional<clang::FixItHint>
  createIncludeInsertion(clang::FileID File, llvm::StringRef Header);

  clang::tidy::utils::IncludeSorter::IncludeStyle getStyle() const {
    return Inserter.getStyle();
  }

private:
  friend class IncludeRecorder;

  /// Where a file's directives are, for placing an include at top level.
  struct Layout {
    /// The `#if`...`#endif` blocks, from directive to directive.
    std::vector<clang::SourceRange> Conditionals;
    /// The `#ifndef` of the include guard, if the file has one.
    clang::SourceLocation GuardBegin;
    /// The start of the line after the guard's `#define` or `#pragma once`.
    clang::SourceLocation AfterGuard;
    /// The start of the line after each include, in file order.
    std::vector<clang::SourceLocation> AfterIncludes;
    /// How many directives were seen so far.
    unsigned Directives = 0;
  };

  /// Whether \p Loc is inside a conditional block of \p L other than the
  /// include guard.
  bool isConditional(const Layout &L, clang::SourceLocation Loc) const;
  /// Where an include that every branch sees goes in \p File.
  clang::SourceLocation topLevelInsertion(clang::FileID File) const;

  clang::tidy::utils::IncludeInserter Inserter;
  const clang::SourceManager *SM = nullptr;
  /// The headers each file includes, as spelled between the delimiters.
  llvm::DenseMap<clang::FileID, llvm::StringSet<>> Included;
  llvm::DenseMap<clang::FileID, Layout> Layouts;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_INCLUDEONCEINSERTER_H

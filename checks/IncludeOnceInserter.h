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

namespace clang {
class Preprocessor;
} // namespace clang

namespace asyncctx {

/// Inserts an include unless the file already has it, wherever it is.
///
/// IncludeInserter alone misses an include that follows one that sorts after
/// it: IncludeSorter looks for the header in the include block in file order
/// and stops at the first entry that sorts after it, to insert there. A file
/// with `<boost/asio.hpp>` before `<asyncctx/asyncctx.hpp>`, or
/// `<asyncctx/asyncctx.hpp>` before `<asyncctx/asio.hpp>`, got the second
/// header again.
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

  clang::tidy::utils::IncludeInserter Inserter;
  const clang::SourceManager *SM = nullptr;
  /// The headers each file includes, as spelled between the delimiters.
  llvm::DenseMap<clang::FileID, llvm::StringSet<>> Included;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_INCLUDEONCEINSERTER_H

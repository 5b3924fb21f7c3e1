//===--- FixPipeline.h - asyncctx -------------------------------*- C++ -*-===//
//
// What happens to the fix-its of many translation units before a file is
// written: merge them per file, apply them, and format the lines they touch.
// On clang::tooling::Replacements, as clang-tidy and clang-apply-replacements.
// Used by the standalone tool only: it needs clangToolingCore and clangFormat,
// which the clang-tidy plugin must not link (see rewriter/CMakeLists.txt).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_REWRITER_FIXPIPELINE_H
#define ASYNCCTX_REWRITER_FIXPIPELINE_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace asyncctx {

/// The merged edits of one file, or the first two that cannot both be made.
struct MergedEdits {
  clang::tooling::Replacements Edits;
  std::optional<
      std::pair<clang::tooling::Replacement, clang::tooling::Replacement>>
      Conflict;
};

/// Merges the edits of many translation units, per file:
///  - identical edits (a header reached from several translation units, one
///    #include for two wraps) are made once;
///  - insertions of #include lines at one offset (`<asyncctx/asio.hpp>` and
///    `<asyncctx/asyncctx.hpp>`) become one insertion of the lines, sorted;
///  - any other pair that clang::tooling::Replacements::add refuses
///    (overlapping, or different insertions at one offset) is a conflict.
/// The result does not depend on the order of \p Edits.
std::map<std::string, MergedEdits>
mergeEdits(llvm::ArrayRef<clang::tooling::Replacement> Edits);

/// Whether \p R only inserts whole `#include` lines.
bool isIncludeInsertion(const clang::tooling::Replacement &R);

/// The edit of \p Merged that \p Original became: itself, or the one
/// insertion its #include lines were combined into. None if \p Original is
/// not in \p Merged.
std::optional<clang::tooling::Replacement>
mergedEditFor(const clang::tooling::Replacements &Merged,
              const clang::tooling::Replacement &Original);

/// Adds to \p Edits the clean-up and formatting of the lines they touch
/// (clang::format::cleanupAroundReplacements, then formatReplacements), in the
/// style clang-format would use for \p FileName (its .clang-format, else LLVM).
llvm::Expected<clang::tooling::Replacements>
formatEdits(llvm::StringRef FileName, llvm::StringRef Code,
            const clang::tooling::Replacements &Edits);

/// A file's new contents and the edits that make them from the old ones.
struct RewrittenFile {
  clang::tooling::Replacements Edits;
  std::string Code;
};

/// Applies the merged \p Edits to \p Code (clang::tooling::
/// applyAllReplacements), after formatting the lines they touch (formatEdits)
/// if \p Format.
llvm::Expected<RewrittenFile>
rewriteFile(llvm::StringRef FileName, llvm::StringRef Code,
            const clang::tooling::Replacements &Edits, bool Format);

//===--- Verification -----------------------------------------------------===//

/// Why a translation unit did not compile with some fixes.
struct TrialFailure {
  std::string Error; ///< the first error, as the report shows it
  /// The fixes of the trial whose edited code the error or its notes point
  /// into (the wrapped argument where a template was instantiated): tried
  /// first, they save the bisection.
  std::vector<unsigned> Suspects;
};

/// Compiles translation unit \p Unit with the fixes \p Fixes (indices,
/// ascending) applied and no other: none if it compiles. Called from several
/// threads at once.
using FixTrial = std::function<std::optional<TrialFailure>(
    unsigned Unit, const std::vector<unsigned> &Fixes)>;

/// The fixes that are kept, and why each other one is dropped.
struct VerifiedFixes {
  std::vector<bool> Kept;
  std::map<unsigned, std::string> Dropped; ///< fix -> the first error with it
};

/// Which of \p FixCount fixes to apply so that every translation unit still
/// compiles. \p FixesOfUnit lists, per translation unit, the fixes that
/// edit a file it reads (ascending). Each unit is compiled with all its
/// fixes; in one that fails, a single suspect whose removal makes it compile
/// is the culprit, else the culprits are found by bisection (a half that
/// compiles is kept whole; a single fix that fails alone is dropped with its
/// error), falling back to adding the fixes one by one when only a
/// combination fails. Rounds repeat until every unit compiles with exactly
/// the fixes kept for it, so the final combination is verified. Units run in
/// parallel on \p Jobs threads (0: all cores); the result does not depend on
/// the order in which they finish.
VerifiedFixes
keepCompilingFixes(unsigned FixCount,
                   const std::vector<std::vector<unsigned>> &FixesOfUnit,
                   const FixTrial &Trial, unsigned Jobs);

} // namespace asyncctx

#endif // ASYNCCTX_REWRITER_FIXPIPELINE_H

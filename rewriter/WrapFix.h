//===--- WrapFix.h - asyncctx -----------------------------------*- C++ -*-===//
//
// The edit every asyncctx fix makes: wrap an expression in an adapter call.
// Used by the clang-tidy plugin, so it may use only what clang-tidy itself
// contains (see rewriter/CMakeLists.txt).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_REWRITER_WRAPFIX_H
#define ASYNCCTX_REWRITER_WRAPFIX_H

#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace asyncctx {

struct WrapFix {
  /// `Adapter(` before the expression and `)` after it. Insertions, not a
  /// replacement, so comments and formatting inside the expression survive.
  llvm::SmallVector<clang::FixItHint, 2> Edits;
  /// The file the edits are in: where the adapter's header must be included.
  clang::FileID File;
};

/// Whether a fix may edit the file \p Loc is in. The one place that decides
/// it: a system header (found through -isystem or a system include directory,
/// as the SourceManager records it) is never the user's to edit, so no fix and
/// no #include insertion is ever produced there and the fixer does not have to
/// guess from path names.
bool isEditableLocation(clang::SourceLocation Loc,
                        const clang::SourceManager &SM);

/// Wraps \p E as `Adapter(E)`. Returns nullopt when \p E is not spelled in one
/// contiguous range of an editable file (isEditableLocation), e.g. when it is
/// written inside a macro body: editing the macro would change every other use
/// of it.
std::optional<WrapFix> wrapInAdapter(const clang::Expr *E,
                                     llvm::StringRef Adapter,
                                     const clang::SourceManager &SM,
                                     const clang::LangOptions &LangOpts);

} // namespace asyncctx

#endif // ASYNCCTX_REWRITER_WRAPFIX_H

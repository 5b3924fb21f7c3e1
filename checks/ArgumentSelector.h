//===--- ArgumentSelector.h - asyncctx --------------------------*- C++ -*-===//
//
// Which arguments of a call a catalogue row means: the callables that cross a
// boundary, or what a binder runs.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_ARGUMENTSELECTOR_H
#define ASYNCCTX_CHECKS_ARGUMENTSELECTOR_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace asyncctx {

/// The `Argument` column of Catalogue.def.
enum class ArgumentSelector {
  First,
  /// The last argument the caller wrote.
  Last,
  /// Argument 0, or 1 after a launch policy (`std::launch`).
  AfterLaunchPolicy,
  /// The parameters listed alongside (Boundary::Parameters).
  Parameters,
  /// Every argument that is a callable.
  Every,
};

/// The indices of the arguments \p Selector selects among \p Args;
/// \p Parameters for ArgumentSelector::Parameters. Trailing defaulted
/// arguments (Asio's SFINAE constraints, a defaulted completion token) are not
/// what the caller passed and are never selected.
llvm::SmallVector<unsigned, 2>
selectArguments(ArgumentSelector Selector, llvm::ArrayRef<unsigned> Parameters,
                llvm::ArrayRef<const clang::Expr *> Args);

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_ARGUMENTSELECTOR_H

//===--- FixPlacement.h - asyncctx ------------------------------*- C++ -*-===//
//
// Where a boundary call can be a finding, and where a wrap of its argument
// would not compile: unevaluated operands, pack expansions, member
// initializers, composed operations, parameters the wrapper cannot bind to,
// and translation units below the standard the fix needs.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_FIXPLACEMENT_H
#define ASYNCCTX_CHECKS_FIXPLACEMENT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <string>

namespace asyncctx {

/// Whether \p E is inside an operand that is never evaluated: `decltype`,
/// `sizeof`, `alignof`, `noexcept(...)`, a non-polymorphic `typeid`, a
/// requires-expression or requires-clause, a type (a trailing return type) or
/// a template argument. Such a call runs nothing.
bool isInUnevaluatedOperand(const clang::Expr *E, clang::ASTContext &Context);

/// Whether \p Arg is an element of a pack expansion at its call
/// (`f(std::get<I>(args_)...)`): its expression is written once for every
/// element, and no single element can be wrapped.
bool isPackExpansionElement(const clang::Expr *Arg,
                            const clang::ASTContext &Context);

/// Why wrapping argument \p Index of \p Call in \p Adapter (or, for a
/// coroutine spawn, \p WrapsExecutor, its executor) would not compile or
/// would change what the call does; empty when it is safe.
/// \p MinimumStandard is the C++ standard year the adapter needs (0: none
/// known); \p ThroughAssociatingBinder: the argument is a binder whose
/// associations the wrapper forwards (Catalogue.def, ASYNCCTX_BINDER).
std::string whyWrapIsUnsafe(const clang::Expr *Call, unsigned Index,
                            llvm::StringRef Adapter, unsigned MinimumStandard,
                            bool WrapsExecutor, bool ThroughAssociatingBinder,
                            clang::ASTContext &Context);

/// The C++ standard year the fix adapter \p Adapter needs (Catalogue.def,
/// ASYNCCTX_FIX_STANDARD), or 0 for one it does not know.
unsigned minimumStandardOf(llvm::StringRef Adapter);

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_FIXPLACEMENT_H

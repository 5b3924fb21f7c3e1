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
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <string>

namespace asyncctx {

/// Matches the calls and constructions inside an operand that is never
/// evaluated, bound to \p Id: `decltype` (a trailing return type included),
/// `sizeof`, `alignof`, `noexcept(...)`, `typeid`, a requires-expression. The
/// matches come in traversal order, so the operand is matched before the
/// calls in it: a check records them and skips them when they come.
void addUnevaluatedCallMatchers(
    clang::ast_matchers::MatchFinder &Finder,
    clang::ast_matchers::MatchFinder::MatchCallback *Callback,
    llvm::StringRef Id);

/// Matches the initializer expressions of constructors' member initializers,
/// bound to \p Id, before the calls in them.
void addMemberInitializerMatcher(
    clang::ast_matchers::MatchFinder &Finder,
    clang::ast_matchers::MatchFinder::MatchCallback *Callback,
    llvm::StringRef Id);

/// Whether \p Arg is an element of a pack expansion at its call
/// (`f(std::get<I>(args_)...)`): its expression is written once for every
/// element, and no single element can be wrapped.
bool isPackExpansionElement(const clang::Expr *Arg,
                            const clang::ASTContext &Context);

/// Why wrapping argument \p Index of \p Call in \p Adapter (or, for a
/// coroutine spawn, \p WrapsExecutor, its executor) would not compile or
/// would change what the call does; empty when it is safe.
/// \p MinimumStandard is the C++ standard year the adapter needs (0: none
/// known); \p KeepsAssociations: the fix includes the header whose
/// associator specializations make the wrapper forward what is associated
/// with the handler (Catalogue.def, ASYNCCTX_BINDER and
/// ASYNCCTX_INITIATING_NAMESPACE);
/// \p InMemberInitializer: \p Call initializes a member or base.
std::string whyWrapIsUnsafe(const clang::Expr *Call, unsigned Index,
                            llvm::StringRef Adapter, unsigned MinimumStandard,
                            bool WrapsExecutor, bool KeepsAssociations,
                            bool InMemberInitializer,
                            clang::ASTContext &Context);

/// The C++ standard year the fix adapter \p Adapter needs (Catalogue.def,
/// ASYNCCTX_FIX_STANDARD), or 0 for one it does not know.
unsigned minimumStandardOf(llvm::StringRef Adapter);

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_FIXPLACEMENT_H

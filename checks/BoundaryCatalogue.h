//===--- BoundaryCatalogue.h - asyncctx -------------------------*- C++ -*-===//
//
// Which calls are async boundaries and which of their arguments is the
// callable that crosses them.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_BOUNDARYCATALOGUE_H
#define ASYNCCTX_CHECKS_BOUNDARYCATALOGUE_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>

namespace asyncctx {

/// Which argument of a boundary call is the callable that crosses it.
enum class CallableArgument { First, Last, AfterLaunchPolicy };

struct Boundary {
  /// Fully qualified name without template arguments, e.g. `asio::post` or
  /// `asio::strand::post`; a constructor is named after its class.
  std::string Name;
  CallableArgument Argument;
};

/// The arguments of a call as the callee sees them: a member call's object is
/// not an argument, an operator call's first operand is.
llvm::ArrayRef<const clang::Expr *> calleeArguments(const clang::Expr *Call);

/// The function a call or construction invokes, if known.
const clang::FunctionDecl *calledFunction(const clang::Expr *Call);

/// The built-in async boundaries of Catalogue.def. Lookups are memoized per
/// callee declaration, so asking about every call in a translation unit costs
/// one name computation per distinct callee.
class BoundaryCatalogue {
public:
  BoundaryCatalogue();

  /// The boundary \p Callee belongs to, or null.
  const Boundary *lookup(const clang::FunctionDecl *Callee) const;

  /// The boundary a call or construction expression crosses, or null.
  const Boundary *lookupCall(const clang::Expr *Call) const;

  /// The index of the callable argument of a call to \p B, if it has one.
  /// Forgets memoized lookups; declarations do not outlive their AST.
  void clearMemo() { Memo.clear(); }

  static std::optional<unsigned>
  callableArgumentIndex(const Boundary &B,
                        llvm::ArrayRef<const clang::Expr *> Args);

private:
  llvm::StringMap<Boundary> ByName;
  mutable llvm::DenseMap<const clang::FunctionDecl *, const Boundary *> Memo;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_BOUNDARYCATALOGUE_H

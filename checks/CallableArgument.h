//===--- CallableArgument.h - asyncctx --------------------------*- C++ -*-===//
//
// What a callable argument of a boundary call is: which function body will
// run, or why none can be known.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_CALLABLEARGUMENT_H
#define ASYNCCTX_CHECKS_CALLABLEARGUMENT_H

#include "checks/ContextSources.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include <string>

namespace asyncctx {

enum class CallableKind {
  /// Not a callable (a completion token, a `std::thread` being moved, ...).
  NotCallable,
  /// Already wrapped in an adapter: carries context.
  Adapted,
  Lambda,
  Function,
  /// A function object of a user-defined class.
  Functor,
  /// A function pointer variable or an object of a library callable type
  /// (`std::function`): what it calls is not visible.
  Opaque,
};

struct Callable {
  CallableKind Kind = CallableKind::NotCallable;
  /// The function whose body runs when the callable is invoked, when visible.
  const clang::FunctionDecl *Body = nullptr;
  /// How the diagnostic names the callable: `lambda`, `function 'f'`, ...
  std::string Description;
  /// The expression that names what runs (a lambda expression, a reference to
  /// a function or variable), once casts and conversions are looked through.
  const clang::Expr *Leaf = nullptr;
  /// For a callable passed through a binder (`asio::bind_executor`): the
  /// header a fix that wraps it must include so that the wrapper keeps what
  /// the binder associated (Catalogue.def), or empty.
  llvm::StringRef AssociatorHeader = {};
};

/// Whether Asio or Boost.Asio declares a partial specialization of its class
/// template \p Trait (`async_result`, `associator`) for \p RD's class or
/// class template.
bool asioSpecializes(llvm::StringRef Trait, const clang::CXXRecordDecl *RD);

/// Whether a parameter of type \p Type may receive a callable: a function
/// (pointer), a class with `operator()`, or a type still dependent.
bool mayBeCallable(clang::QualType Type);

/// Looks through parentheses, casts, `std::move`/`std::forward` and converting
/// constructions (a lambda passed to a `std::function` parameter is still a
/// lambda) to find what \p Arg calls.
Callable classifyCallable(const clang::Expr *Arg,
                          const ContextSources &Sources);

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_CALLABLEARGUMENT_H

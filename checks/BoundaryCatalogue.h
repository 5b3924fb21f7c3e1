//===--- BoundaryCatalogue.h - asyncctx -------------------------*- C++ -*-===//
//
// Which calls are async boundaries and which of their arguments are the
// callables that cross them: the built-in catalogue, the user's options and
// annotations, and boundaries inferred from wrappers that forward a callable.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_BOUNDARYCATALOGUE_H
#define ASYNCCTX_CHECKS_BOUNDARYCATALOGUE_H

#include "checks/ArgumentSelector.h"
#include "checks/ContextSources.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace asyncctx {

/// Annotations a user puts on functions and parameters.
inline constexpr llvm::StringLiteral BoundaryAnnotation = "asyncctx::boundary";
inline constexpr llvm::StringLiteral PropagatesAnnotation =
    "asyncctx::propagates";

struct Boundary {
  /// Fully qualified name without template arguments, e.g. `asio::post` or
  /// `asio::strand::post`; a constructor is named after its class.
  std::string Name;
  ArgumentSelector Argument = ArgumentSelector::Every;
  /// Parameter indices, for ArgumentSelector::Parameters.
  llvm::SmallVector<unsigned, 1> Parameters = {};
  /// Carries the context itself: callables passed to it are fine.
  bool Propagates = false;
  /// A C API: reported, never fixed.
  bool ReportOnly = false;
  /// For a boundary inferred from a wrapper: the boundary call inside it that
  /// the wrapper's callable parameter is forwarded to.
  const clang::Expr *ForwardedTo = nullptr;
  /// For a boundary inferred from a library template that perfectly forwards
  /// the callable (`std::vector::emplace_back` constructing a `std::thread`):
  /// the boundary it reaches. Its inner calls are library internals, so
  /// ForwardedTo stays null.
  std::string Reaches = {};
  /// For a virtual method called through a base: the override in this
  /// translation unit that is a boundary (a pool behind an interface).
  const clang::CXXMethodDecl *Override = nullptr;
  /// For a coroutine spawn (`co_spawn`): the adapter the fix wraps the
  /// executor in (`asyncctx::with_context`), and the header declaring it.
  std::string SpawnAdapter = {};
  std::string SpawnHeader = {};
  /// For a boundary declared in Asio's namespace, or a wrapper that forwards
  /// to one: the header a fix that wraps its callable must include so that
  /// the wrapper keeps the handler's associated executor, allocator and
  /// cancellation slot (Catalogue.def, ASYNCCTX_INITIATING_NAMESPACE).
  std::string AssociatorHeader = {};

  /// Argument 1 of a coroutine spawn is the coroutine it starts.
  bool isSpawnedCoroutine(unsigned Index) const {
    return !SpawnAdapter.empty() && Index == 1;
  }
};

/// A `Boundaries` option entry: `name`, `name@N` or `name@last`.
struct BoundaryListParse {
  std::vector<Boundary> Entries;
  std::vector<std::string> Errors;
};
BoundaryListParse parseBoundaryList(llvm::StringRef Value);

/// The arguments of a call as the callee sees them: a member call's object is
/// not an argument, an operator call's first operand is.
llvm::ArrayRef<const clang::Expr *> calleeArguments(const clang::Expr *Call);

/// The function a call or construction invokes, if known.
const clang::FunctionDecl *calledFunction(const clang::Expr *Call);

/// The index of the parameter that \p Callee's declaration (the template it
/// comes from) declares as its completion token, if any: Asio's and
/// Beast's initiating functions, `async_initiate`, `async_compose`.
std::optional<unsigned>
completionTokenParameter(const clang::FunctionDecl *Callee);

/// Answers "is this call an async boundary, and for which arguments?".
/// Lookups are memoized per callee declaration: asking about every call in a
/// translation unit costs one name computation per distinct callee, and each
/// candidate wrapper body is scanned once.
class BoundaryCatalogue {
public:
  BoundaryCatalogue(const ContextSources &Sources,
                    const std::vector<Boundary> &UserBoundaries,
                    const std::vector<std::string> &UserPropagating);

  /// The boundary \p Callee belongs to, or null.
  const Boundary *lookup(const clang::FunctionDecl *Callee) const;

  /// The boundary a call or construction expression crosses, or null.
  const Boundary *lookupCall(const clang::Expr *Call) const;

  /// Whether \p Call carries the context itself: its boundary propagates, or
  /// one of its arguments is a context executor (`asyncctx::with_context`).
  bool propagates(const Boundary &B, const clang::Expr *Call) const;

  /// Whether a call of \p Callee with a callable that runs \p CallableBody is
  /// Asio handing one of its own objects to the user's code: a composed
  /// operation to its implementation (`impl_(*this)`), a bound handler to an
  /// initiation. The object carries a handler the user gave Asio, a crossing
  /// reported there
  /// (docs/checks/asyncctx-callback-without-context.md#what-is-an-async-boundary).
  bool isAsioHandOff(const clang::FunctionDecl *Callee,
                     const clang::FunctionDecl *CallableBody) const;

  /// The indices of the arguments of \p Call that cross boundary \p B.
  static llvm::SmallVector<unsigned, 2>
  callableArguments(const Boundary &B, const clang::Expr *Call);

  /// Forgets memoized lookups; declarations do not outlive their AST.
  void clearMemo() {
    Memo.clear();
    Inferred.clear();
    Overriders.clear();
    OverridersIndexed = false;
  }

private:
  const Boundary *compute(const clang::FunctionDecl *Callee) const;
  const Boundary *infer(const clang::FunctionDecl *Callee) const;
  const Boundary *throughOverride(const clang::FunctionDecl *Callee) const;
  /// The associator header of the Asio namespace that declares the
  /// qualified name \p Name, or null when no Asio namespace does.
  const std::string *asioNamespaceOf(llvm::StringRef Name) const;
  /// Indexes the methods declared in \p Context (outside system headers) by
  /// the methods they override.
  void indexOverriders(const clang::DeclContext *Context) const;

  const ContextSources &Sources;
  llvm::StringMap<Boundary> ByName;
  /// Asio's namespaces and their associator headers.
  llvm::StringMap<std::string> AsioNamespaces;
  llvm::StringSet<> ContextExecutors;
  mutable llvm::DenseMap<const clang::FunctionDecl *, const Boundary *> Memo;
  /// Boundaries made up per declaration (annotations, inference); a deque
  /// keeps their addresses stable.
  mutable std::deque<Boundary> Inferred;
  /// The overrides of each virtual method, built once per translation unit
  /// when a virtual call is first looked up.
  mutable llvm::DenseMap<const clang::CXXMethodDecl *,
                         llvm::SmallVector<const clang::CXXMethodDecl *, 2>>
      Overriders;
  mutable bool OverridersIndexed = false;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_BOUNDARYCATALOGUE_H

//===--- BoundaryCatalogue.cpp - asyncctx ---------------------------------===//

#include "checks/BoundaryCatalogue.h"
#include "checks/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace asyncctx {

llvm::ArrayRef<const Expr *> calleeArguments(const Expr *Call) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
    return {Construct->getArgs(), Construct->getNumArgs()};
  const auto *CE = cast<CallExpr>(Call);
  llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
  // An operator call spelled as `obj(args)` passes the object as argument 0.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE))
    if (isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) && !Args.empty())
      return Args.drop_front();
  return Args;
}

const FunctionDecl *calledFunction(const Expr *Call) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
    return Construct->getConstructor();
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    return CE->getDirectCallee();
  return nullptr;
}

BoundaryCatalogue::BoundaryCatalogue() {
#define ASYNCCTX_BOUNDARY(Name, Argument)                                      \
  ByName[Name] = Boundary{Name, CallableArgument::Argument};
#include "checks/Catalogue.def"
}

const Boundary *BoundaryCatalogue::lookup(const FunctionDecl *Callee) const {
  if (!Callee)
    return nullptr;
  Callee = Callee->getCanonicalDecl();
  auto [It, Inserted] = Memo.try_emplace(Callee, nullptr);
  if (!Inserted)
    return It->second;
  // Only functions that take a callable can be boundaries; a quick test that
  // spares most callees the name computation.
  if (Callee->getNumParams() == 0)
    return nullptr;
  auto Found = ByName.find(plainQualifiedName(Callee));
  const Boundary *Result = Found == ByName.end() ? nullptr : &Found->second;
  Memo[Callee] = Result;
  return Result;
}

const Boundary *BoundaryCatalogue::lookupCall(const Expr *Call) const {
  return lookup(calledFunction(Call));
}

static bool isLaunchPolicy(const Expr *Arg) {
  const auto *Enum = Arg->IgnoreParenImpCasts()->getType()->getAsTagDecl();
  return Enum && plainQualifiedName(Enum) == "std::launch";
}

std::optional<unsigned>
BoundaryCatalogue::callableArgumentIndex(const Boundary &B,
                                         llvm::ArrayRef<const Expr *> Args) {
  // Defaulted trailing parameters (Asio's SFINAE constraints, a defaulted
  // completion token) are not what the caller passed.
  while (!Args.empty() && isa<CXXDefaultArgExpr>(Args.back()))
    Args = Args.drop_back();
  if (Args.empty())
    return std::nullopt;
  switch (B.Argument) {
  case CallableArgument::First:
    return 0;
  case CallableArgument::Last:
    return Args.size() - 1;
  case CallableArgument::AfterLaunchPolicy:
    if (isLaunchPolicy(Args[0]))
      return Args.size() > 1 ? std::optional<unsigned>(1) : std::nullopt;
    return 0;
  }
  return std::nullopt;
}

} // namespace asyncctx

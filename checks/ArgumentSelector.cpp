//===--- ArgumentSelector.cpp - asyncctx ----------------------------------===//

#include "checks/ArgumentSelector.h"
#include "checks/QualifiedNames.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace asyncctx {

static bool isLaunchPolicy(const Expr *Arg) {
  static const llvm::StringSet<> Policies = [] {
    llvm::StringSet<> Set;
#define ASYNCCTX_LAUNCH_POLICY(Name) Set.insert(Name);
#include "checks/Catalogue.def"
    return Set;
  }();
  const auto *Enum = Arg->IgnoreParenImpCasts()->getType()->getAsTagDecl();
  return Enum && Policies.contains(plainQualifiedName(Enum));
}

llvm::SmallVector<unsigned, 2>
selectArguments(ArgumentSelector Selector, llvm::ArrayRef<unsigned> Parameters,
                llvm::ArrayRef<const Expr *> Args) {
  while (!Args.empty() && isa<CXXDefaultArgExpr>(Args.back()))
    Args = Args.drop_back();
  llvm::SmallVector<unsigned, 2> Result;
  if (Args.empty())
    return Result;
  switch (Selector) {
  case ArgumentSelector::First:
    Result.push_back(0);
    break;
  case ArgumentSelector::Last:
    Result.push_back(Args.size() - 1);
    break;
  case ArgumentSelector::AfterLaunchPolicy:
    if (!isLaunchPolicy(Args[0]))
      Result.push_back(0);
    else if (Args.size() > 1)
      Result.push_back(1);
    break;
  case ArgumentSelector::Parameters:
    for (unsigned Index : Parameters)
      if (Index < Args.size())
        Result.push_back(Index);
    break;
  case ArgumentSelector::Every:
    for (unsigned Index = 0; Index < Args.size(); ++Index)
      Result.push_back(Index);
    break;
  }
  return Result;
}

} // namespace asyncctx

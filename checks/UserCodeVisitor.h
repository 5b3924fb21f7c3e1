//===--- UserCodeVisitor.h - asyncctx ---------------------------*- C++ -*-===//
//
// A RecursiveASTVisitor over the code of the project only.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_USERCODEVISITOR_H
#define ASYNCCTX_CHECKS_USERCODEVISITOR_H

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace asyncctx {

/// Walks a translation unit without entering declarations in system headers:
/// library code registers no bridges and is not described by facts, and in a
/// unit that includes Asio or Boost it is nearly all of the tree, so a walk
/// per unit stays in proportion to the user's code
/// (docs/performance.md, "Whole-program analysis").
template <typename Derived>
class UserCodeVisitor : public clang::RecursiveASTVisitor<Derived> {
public:
  explicit UserCodeVisitor(const clang::SourceManager &SM) : SM(SM) {}

  bool TraverseDecl(clang::Decl *D) {
    if (D && !llvm::isa<clang::TranslationUnitDecl>(D) &&
        D->getLocation().isValid() && SM.isInSystemHeader(D->getLocation()))
      return true;
    return clang::RecursiveASTVisitor<Derived>::TraverseDecl(D);
  }

protected:
  const clang::SourceManager &SM;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_USERCODEVISITOR_H

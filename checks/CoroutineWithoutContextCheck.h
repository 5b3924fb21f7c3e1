//===--- CoroutineWithoutContextCheck.h - asyncctx --------------*- C++ -*-===//

#ifndef ASYNCCTX_CHECKS_COROUTINEWITHOUTCONTEXTCHECK_H
#define ASYNCCTX_CHECKS_COROUTINEWITHOUTCONTEXTCHECK_H

#include "checks/AsyncctxCheck.h"
#include "llvm/ADT/StringSet.h"

namespace asyncctx {

/// Finds suspension points in coroutines whose return type does not restore
/// the async context on resumption, when a context read can follow them.
///
/// For the user-facing documentation see
/// docs/checks/asyncctx-coroutine-without-context.md
class CoroutineWithoutContextCheck : public AsyncctxCheck {
public:
  CoroutineWithoutContextCheck(llvm::StringRef Name,
                               clang::tidy::ClangTidyContext *Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Whether coroutines returning \p Type restore the context themselves.
  bool isContextAware(clang::QualType Type) const;
  void checkCoroutine(const clang::FunctionDecl *Coroutine,
                      clang::ASTContext &Context);

  llvm::StringSet<> ContextAware;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_COROUTINEWITHOUTCONTEXTCHECK_H

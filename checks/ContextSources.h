//===--- ContextSources.h - asyncctx ----------------------------*- C++ -*-===//
//
// Which declarations read async context when used (a "context read",
// docs/checks/asyncctx-callback-without-context.md#what-counts-as-reading-context),
// and which calls are adapters that capture it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCCTX_CHECKS_CONTEXTSOURCES_H
#define ASYNCCTX_CHECKS_CONTEXTSOURCES_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace asyncctx {

/// Annotation that marks a declaration as a context source.
inline constexpr llvm::StringLiteral SourceAnnotation = "asyncctx::source";

class ContextSources {
public:
  /// \p UserSources and \p UserAdapters add to the built-ins of Catalogue.def.
  ContextSources(const std::vector<std::string> &UserSources,
                 const std::vector<std::string> &UserAdapters,
                 const std::vector<std::string> &UserRestoreGuards);

  /// Whether using \p D reads context: \p D is listed or annotated, or is a
  /// member of a listed or annotated class. Memoized per declaration.
  bool isSource(const clang::NamedDecl *D) const;

  /// Whether \p D itself is listed or annotated, as opposed to being a member
  /// of a source class: names the read in messages.
  bool isListedItself(const clang::NamedDecl *D) const;

  /// Whether a call to \p Callee captures the context for later (an adapter).
  bool isAdapter(const clang::FunctionDecl *Callee) const;

  /// Whether using \p D (constructing a guard class, calling a function)
  /// activates a captured snapshot.
  bool isRestoreGuard(const clang::NamedDecl *D) const;

  /// Forgets memoized answers; declarations do not outlive their AST.
  void clearMemo() {
    SourceMemo.clear();
    AdapterMemo.clear();
    GuardMemo.clear();
  }

private:
  bool computeIsSource(const clang::NamedDecl *D) const;

  llvm::StringSet<> Sources;
  llvm::StringSet<> Adapters;
  llvm::StringSet<> RestoreGuards;
  mutable llvm::DenseMap<const clang::Decl *, bool> SourceMemo;
  mutable llvm::DenseMap<const clang::Decl *, bool> AdapterMemo;
  mutable llvm::DenseMap<const clang::Decl *, bool> GuardMemo;
};

} // namespace asyncctx

#endif // ASYNCCTX_CHECKS_CONTEXTSOURCES_H

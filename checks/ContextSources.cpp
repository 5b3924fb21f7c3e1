//===--- ContextSources.cpp - asyncctx ------------------------------------===//

#include "checks/ContextSources.h"
#include "checks/QualifiedNames.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace asyncctx {

ContextSources::ContextSources(
    const std::vector<std::string> &UserSources,
    const std::vector<std::string> &UserAdapters,
    const std::vector<std::string> &UserRestoreGuards) {
#define ASYNCCTX_SOURCE(Name) Sources.insert(Name);
#define ASYNCCTX_ADAPTER(Name) Adapters.insert(Name);
#define ASYNCCTX_RESTORE_GUARD(Name) RestoreGuards.insert(Name);
#include "checks/Catalogue.def"
  for (const std::string &Name : UserRestoreGuards)
    RestoreGuards.insert(Name);
  for (const std::string &Name : UserSources)
    Sources.insert(Name);
  for (const std::string &Name : UserAdapters)
    Adapters.insert(Name);
}

static bool isAnnotatedSource(const Decl *D) {
  for (const auto *Attr : D->specific_attrs<AnnotateAttr>())
    if (Attr->getAnnotation() == SourceAnnotation)
      return true;
  return false;
}

/// The declaration a template specialization or member was written as: the
/// annotation and the name live there.
static const NamedDecl *pattern(const NamedDecl *D) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
    return Spec->getSpecializedTemplate()->getTemplatedDecl();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      return Pattern;
  return D;
}

bool ContextSources::computeIsSource(const NamedDecl *D) const {
  // The declaration itself, then each enclosing class: a class covers its
  // members, including those of nested classes.
  for (const Decl *Current = D; Current;) {
    const auto *Named = dyn_cast<NamedDecl>(Current);
    if (!Named)
      break;
    const NamedDecl *Written = pattern(Named);
    if (isAnnotatedSource(Written) || isAnnotatedSource(Named) ||
        Sources.contains(plainQualifiedName(Named)))
      return true;
    Current = dyn_cast<CXXRecordDecl>(Named->getDeclContext());
  }
  return false;
}

/// Answers from \p Memo, computing and recording the answer the first time.
template <class Compute>
static bool memoized(llvm::DenseMap<const Decl *, bool> &Memo, const Decl *D,
                     Compute ComputeAnswer) {
  const Decl *Key = D->getCanonicalDecl();
  if (auto It = Memo.find(Key); It != Memo.end())
    return It->second;
  bool Answer = ComputeAnswer();
  Memo[Key] = Answer;
  return Answer;
}

bool ContextSources::isSource(const NamedDecl *D) const {
  return D && memoized(SourceMemo, D, [&] { return computeIsSource(D); });
}

bool ContextSources::isAdapter(const FunctionDecl *Callee) const {
  return Callee && memoized(AdapterMemo, Callee, [&] {
           return Adapters.contains(plainQualifiedName(Callee));
         });
}

bool ContextSources::isListedItself(const NamedDecl *D) const {
  return isAnnotatedSource(D) || isAnnotatedSource(pattern(D)) ||
         Sources.contains(plainQualifiedName(D));
}

bool ContextSources::isRestoreGuard(const NamedDecl *D) const {
  // A guard class is used through its constructor, which plainQualifiedName
  // names after the class.
  return D && memoized(GuardMemo, D, [&] {
           return RestoreGuards.contains(plainQualifiedName(D));
         });
}

} // namespace asyncctx

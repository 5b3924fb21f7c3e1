//===--- ContextSources.cpp - asyncctx ------------------------------------===//

#include "checks/ContextSources.h"
#include "checks/QualifiedNames.h"
#include "checks/UserCodeVisitor.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;

namespace asyncctx {

ContextSources::ContextSources(
    const std::vector<std::string> &UserSources,
    const std::vector<std::string> &UserAdapters,
    const std::vector<std::string> &UserRestoreGuards) {
#define ASYNCCTX_SOURCE(Name, CarryKind, BridgeHeader)                         \
  Sources[Name] = SourceCarry{Carry::CarryKind, BridgeHeader, nullptr};
#define ASYNCCTX_ADAPTER(Name) Adapters.insert(Name);
#define ASYNCCTX_RESTORE_GUARD(Name) RestoreGuards.insert(Name);
#include "checks/Catalogue.def"
  for (const std::string &Name : UserRestoreGuards)
    RestoreGuards.insert(Name);
  for (const std::string &Name : UserSources)
    Sources.try_emplace(Name);
  for (const std::string &Name : UserAdapters)
    Adapters.insert(Name);
}

void ContextSources::addBridgedElsewhere(
    const std::vector<std::string> &Names) {
  for (const std::string &Name : Names)
    Bridged.insert(Name);
}

void ContextSources::addBridgedInTranslationUnit(
    const std::vector<RegisteredBridge> &Found) {
  for (const RegisteredBridge &Bridge : Found)
    TranslationUnitBridged.insert(plainQualifiedName(Bridge.Variable));
}

/// The function a bridge accessor argument runs: a lambda's call operator, or
/// a function named directly or through `&`.
static const FunctionDecl *accessorFunction(const Expr *Accessor) {
  Accessor = Accessor->IgnoreUnlessSpelledInSource();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(Accessor))
    return Lambda->getCallOperator();
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(Accessor))
    Accessor = AddressOf->getSubExpr()->IgnoreUnlessSpelledInSource();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Accessor))
    return dyn_cast<FunctionDecl>(Ref->getDecl());
  return nullptr;
}

namespace {
/// The one-argument `asyncctx::bridge` calls of the project's code, where
/// bridges are registered (at namespace scope or in a function:
/// docs/runtime.md, "Bridges: legacy thread_locals and foreign contexts");
/// library code is not walked.
class BridgeCallFinder : public UserCodeVisitor<BridgeCallFinder> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  // A registration in a function template is resolved in its instantiations.
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    // The one-argument form only: the general form carries a foreign context
    // through callables that name no variable to match.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Call->getNumArgs() == 1 && Callee && Callee->getIdentifier() &&
        Callee->getName() == "bridge" &&
        plainQualifiedName(Callee) == "asyncctx::bridge")
      Found.push_back(Call);
    return true;
  }

  std::vector<const CallExpr *> Found;
};
} // namespace

std::vector<RegisteredBridge> bridgedVariables(ASTContext &Context) {
  using namespace ast_matchers;
  BridgeCallFinder Calls(Context.getSourceManager());
  Calls.TraverseDecl(Context.getTranslationUnitDecl());
  std::vector<RegisteredBridge> Found;
  for (const CallExpr *Call : Calls.Found) {
    const FunctionDecl *Accessor = accessorFunction(Call->getArg(0));
    const FunctionDecl *Definition = nullptr;
    if (!Accessor || !Accessor->hasBody(Definition) || !Definition->getBody())
      continue;
    for (const BoundNodes &Returned :
         match(findAll(returnStmt(hasReturnValue(ignoringParenImpCasts(
                   declRefExpr(to(varDecl().bind("variable"))))))),
               *Definition->getBody(), Context))
      Found.push_back(
          {Returned.getNodeAs<VarDecl>("variable"), Call->getBeginLoc()});
  }
  return Found;
}

std::string bridgeAdvice(const NamedDecl *Declaration,
                         const PrintingPolicy &Policy) {
  if (const auto *Var = dyn_cast<VarDecl>(Declaration))
    return ("register a bridge: static const auto " + Var->getName() +
            "_bridge = asyncctx::bridge([]() -> " +
            Var->getType().getUnqualifiedType().getAsString(Policy) +
            " & { return " + plainQualifiedName(Var) + "; });")
        .str();
  return "register a bridge for '" + plainQualifiedName(Declaration) +
         "' (docs/runtime.md, \"Bridges\") and list it in the option "
         "BridgedSources";
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

const NamedDecl *ContextSources::listedDeclaration(const NamedDecl *D) const {
  // The declaration itself, then each enclosing class: a class covers its
  // members, including those of nested classes.
  for (const Decl *Current = D; Current;) {
    const auto *Named = dyn_cast<NamedDecl>(Current);
    if (!Named)
      break;
    const NamedDecl *Written = pattern(Named);
    if (isAnnotatedSource(Written) || isAnnotatedSource(Named) ||
        Sources.contains(plainQualifiedName(Named)) || isBridged(Named))
      return Named;
    Current = dyn_cast<CXXRecordDecl>(Named->getDeclContext());
  }
  return nullptr;
}

/// A `thread_local` (or `__thread`) variable of the user's code.
static bool isUserThreadLocal(const NamedDecl *D) {
  const auto *Var = dyn_cast<VarDecl>(D);
  return Var && Var->getTLSKind() != VarDecl::TLS_None &&
         !Var->getASTContext().getSourceManager().isInSystemHeader(
             Var->getLocation());
}

bool ContextSources::computeIsSource(const NamedDecl *D) const {
  if (OnlyUnlisted)
    return isUserThreadLocal(D) && !listedDeclaration(D);
  return listedDeclaration(D) && (!OnlyKind || carry(D).Kind == *OnlyKind);
}

bool ContextSources::isBridged(const NamedDecl *D) const {
  std::string Name = plainQualifiedName(D);
  return Bridged.contains(Name) || TranslationUnitBridged.contains(Name);
}

SourceCarry ContextSources::carry(const NamedDecl *D) const {
  const NamedDecl *Listed = D ? listedDeclaration(D) : nullptr;
  if (!Listed || isBridged(D) || isBridged(Listed))
    return {};
  // Each thread has its own: only a bridge copies it into a snapshot
  // (docs/runtime.md#bridges-legacy-thread_locals-and-foreign-contexts).
  if (const auto *Var = dyn_cast<VarDecl>(D);
      Var && Var->getTLSKind() != VarDecl::TLS_None)
    return {Carry::NotCarried, "", Var};
  auto Row = Sources.find(plainQualifiedName(Listed));
  if (Row == Sources.end())
    return {};
  SourceCarry Answer = Row->second;
  if (Answer.Kind == Carry::NotCarried)
    Answer.Uncarried = Listed;
  return Answer;
}

ContextSources ContextSources::onlyCarried(Carry Kind) const {
  ContextSources Copy = *this;
  Copy.OnlyKind = Kind;
  Copy.SourceMemo.clear();
  Copy.AdapterMemo.clear();
  return Copy;
}

ContextSources ContextSources::onlyUnlistedThreadLocals() const {
  ContextSources Copy = *this;
  Copy.OnlyUnlisted = true;
  Copy.SourceMemo.clear();
  Copy.AdapterMemo.clear();
  return Copy;
}

std::vector<llvm::StringRef> ContextSources::bridgeHeaders() const {
  std::vector<llvm::StringRef> Headers;
  for (const auto &Row : Sources)
    if (Row.second.Kind == Carry::WithBridge &&
        !Row.second.BridgeHeader.empty() &&
        !llvm::is_contained(Headers, Row.second.BridgeHeader))
      Headers.push_back(Row.second.BridgeHeader);
  llvm::sort(Headers);
  return Headers;
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
  return Callee && !OnlyKind && !OnlyUnlisted &&
         memoized(AdapterMemo, Callee, [&] {
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

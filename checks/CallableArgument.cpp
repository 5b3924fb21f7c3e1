//===--- CallableArgument.cpp - asyncctx ----------------------------------===//

#include "checks/CallableArgument.h"
#include "checks/ArgumentSelector.h"
#include "checks/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace asyncctx {

/// The class template \p Name of the namespace \p Path in the translation
/// unit \p Context, if declared.
static const ClassTemplateDecl *classTemplateIn(const DeclContext *Context,
                                                ArrayRef<StringRef> Path,
                                                StringRef Name) {
  ASTContext &Ctx = cast<Decl>(Context)->getASTContext();
  for (StringRef Name : Path) {
    const auto *Namespace = [&]() -> const NamespaceDecl * {
      for (const NamedDecl *Found : Context->lookup(&Ctx.Idents.get(Name)))
        if (const auto *NS = dyn_cast<NamespaceDecl>(Found))
          return NS;
      return nullptr;
    }();
    if (!Namespace)
      return nullptr;
    Context = Namespace;
  }
  for (const NamedDecl *Found : Context->lookup(&Ctx.Idents.get(Name)))
    if (const auto *Template = dyn_cast<ClassTemplateDecl>(Found))
      return Template;
  return nullptr;
}

/// The class or class template that \p Type names, to compare declarations
/// of specializations with.
static const Decl *templateOrClass(QualType Type) {
  if (const auto *Specialization = Type->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Specialization->getTemplateName().getAsTemplateDecl())
      return Template->getCanonicalDecl();
  if (const CXXRecordDecl *RD = Type->getAsCXXRecordDecl()) {
    if (const auto *Specialization =
            dyn_cast<ClassTemplateSpecializationDecl>(RD))
      return Specialization->getSpecializedTemplate()->getCanonicalDecl();
    return RD->getCanonicalDecl();
  }
  return nullptr;
}

/// Whether Asio (or Boost.Asio) partially specializes its class template
/// \p Trait for \p RD's class or class template. Every token of Asio 1.22 to
/// 1.38 and Boost.Asio 1.74 has an `async_result` one: what an initiating
/// function then returns is decided by the token (`use_awaitable`,
/// `as_tuple(...)`, `cancel_after(...)`, `deferred(f)`), which is no handler
/// even when it has a call operator.
bool asioSpecializes(llvm::StringRef Trait, const CXXRecordDecl *RD) {
  const Decl *Token = RD->getCanonicalDecl();
  if (const auto *Specialization =
          dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Token = Specialization->getSpecializedTemplate()->getCanonicalDecl();
  const DeclContext *Unit = RD->getASTContext().getTranslationUnitDecl();
  static const StringRef Asio[] = {"asio"};
  static const StringRef BoostAsio[] = {"boost", "asio"};
  for (ArrayRef<StringRef> Path :
       {ArrayRef<StringRef>(Asio), ArrayRef<StringRef>(BoostAsio)}) {
    const ClassTemplateDecl *Template = classTemplateIn(Unit, Path, Trait);
    if (!Template)
      continue;
    llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 32> Partial;
    const_cast<ClassTemplateDecl *>(Template)->getPartialSpecializations(
        Partial);
    // The class is the first type argument (`async_result<Token, Sig>`,
    // `associator<Associator, Handler, Default>`).
    for (const ClassTemplatePartialSpecializationDecl *Specialization : Partial)
      for (const TemplateArgument &Arg :
           Specialization->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type) {
          if (templateOrClass(Arg.getAsType()) == Token)
            return true;
          break;
        }
  }
  return false;
}

/// Asio's binder of a handler to an executor, allocator, cancellation slot or
/// immediate executor (`executor_binder<T, Executor>`): a handler when T is
/// one, a token when T is one.
static const CXXRecordDecl *boundTarget(const CXXRecordDecl *RD) {
  const auto *Specialization = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Specialization || !RD->getIdentifier() ||
      !RD->getName().ends_with("_binder") ||
      RD->getName().starts_with("partial_"))
    return nullptr;
  const TemplateArgumentList &Args = Specialization->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return Args[0].getAsType()->getAsCXXRecordDecl();
}

/// Whether objects of \p RD are completion tokens, not callables: Asio
/// specializes `async_result` for them, or (for a release not seen yet)
/// Catalogue.def names them.
static bool isCompletionToken(const CXXRecordDecl *RD) {
  static const llvm::StringSet<> Tokens = [] {
    llvm::StringSet<> Set;
#define ASYNCCTX_COMPLETION_TOKEN(Name) Set.insert(Name);
#include "checks/Catalogue.def"
    return Set;
  }();
  if (const CXXRecordDecl *Bound = boundTarget(RD))
    return Bound->hasDefinition() && isCompletionToken(Bound->getDefinition());
  if (RD->isLambda())
    return false;
  return Tokens.contains(plainQualifiedName(RD)) ||
         asioSpecializes("async_result", RD);
}

namespace {
/// A binder row of Catalogue.def.
struct Binder {
  /// Which argument of the binder call is what runs.
  ArgumentSelector Runs;
  llvm::StringRef AssociatorHeader;
};
} // namespace

static const llvm::StringMap<Binder> &binders() {
  static const llvm::StringMap<Binder> Binders = [] {
    llvm::StringMap<Binder> Map;
#define ASYNCCTX_BINDER(Name, Argument, AssociatorHeader)                      \
  Map[Name] = Binder{ArgumentSelector::Argument, AssociatorHeader};
#include "checks/Catalogue.def"
    return Map;
  }();
  return Binders;
}

/// The call operator of a class type, if it has exactly one spelled
/// candidate (templates included); null when it has none.
static const FunctionDecl *callOperator(const CXXRecordDecl *RD) {
  if (RD->isLambda())
    return RD->getLambdaCallOperator();
  DeclarationName Name =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  for (const NamedDecl *Found : RD->lookup(Name)) {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Found))
      return Method;
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Found))
      return Template->getTemplatedDecl();
  }
  return nullptr;
}

static const FunctionDecl *definitionOf(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  return FD->hasBody(Definition) ? Definition : FD;
}

/// Classifies by type alone: what remains once the expression has been looked
/// through.
static Callable classifyByType(QualType Type, StringRef Spelled) {
  Type = Type.getNonReferenceType();
  if (Type->isFunctionType())
    return {CallableKind::Opaque, nullptr, "function"};
  if (Type->isFunctionPointerType() || Type->isMemberFunctionPointerType())
    return {CallableKind::Opaque, nullptr,
            Spelled.empty() ? std::string("function pointer")
                            : ("function pointer '" + Spelled + "'").str()};
  const CXXRecordDecl *RD = Type->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return {};
  RD = RD->getDefinition();
  // Only a class with a call operator needs the (costlier) token test.
  const FunctionDecl *Call = callOperator(RD);
  if (!Call || isCompletionToken(RD))
    return {};
  if (RD->isLambda())
    return {CallableKind::Lambda, Call,
            Spelled.empty() ? std::string("lambda")
                            : ("lambda '" + Spelled + "'").str()};
  std::string TypeName = plainQualifiedName(RD);
  // A library callable (std::function, a bound handler) hides its target.
  if (RD->getASTContext().getSourceManager().isInSystemHeader(
          RD->getLocation()))
    return {CallableKind::Opaque, nullptr,
            Spelled.empty() ? "callable object of type '" + TypeName + "'"
                            : ("callable object '" + Spelled + "'").str()};
  return {CallableKind::Functor, definitionOf(Call),
          "function object of type '" + TypeName + "'"};
}

static Callable classifyLeaf(const Expr *E);

Callable classifyCallable(const Expr *Arg, const ContextSources &Sources) {
  const Expr *E = Arg;
  std::optional<llvm::StringRef> AssociatorHeader;
  while (true) {
    E = E->IgnoreUnlessSpelledInSource();
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Sources.isAdapter(Callee))
        return {CallableKind::Adapted, nullptr, "adapted callable"};
      if (Callee && Call->getNumArgs() == 1 && Callee->isInStdNamespace() &&
          Callee->getIdentifier() &&
          (Callee->getName() == "move" || Callee->getName() == "forward")) {
        E = Call->getArg(0);
        continue;
      }
      // `std::bind(f, ...)` runs f; `bind_executor(ex, h)` runs h.
      if (Callee && Call->getNumArgs() > 0) {
        auto Found = binders().find(plainQualifiedName(Callee));
        if (Found != binders().end()) {
          llvm::SmallVector<unsigned, 2> Selected =
              selectArguments(Found->second.Runs, {},
                              llvm::ArrayRef<const Expr *>(Call->getArgs(),
                                                           Call->getNumArgs()));
          if (!Selected.empty()) {
            E = Call->getArg(Selected.front());
            // The outermost binder's result is what the fix wraps.
            if (!AssociatorHeader)
              AssociatorHeader = Found->second.AssociatorHeader;
            continue;
          }
        }
      }
      return classifyByType(E->getType(), "");
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      // A converting or copying construction: what is converted is what runs.
      if (Construct->getNumArgs() >= 1 &&
          (Construct->getNumArgs() == 1 ||
           isa<CXXDefaultArgExpr>(Construct->getArg(1)))) {
        E = Construct->getArg(0);
        continue;
      }
      return classifyByType(E->getType(), "");
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E);
        Unary && Unary->getOpcode() == UO_AddrOf) {
      E = Unary->getSubExpr();
      continue;
    }
    break;
  }
  Callable Result = classifyLeaf(E);
  Result.Leaf = E;
  Result.AssociatorHeader = AssociatorHeader.value_or("");
  return Result;
}

bool mayBeCallable(QualType Type) {
  Type = Type.getNonReferenceType();
  if (Type->isDependentType() || Type->isFunctionType() ||
      Type->isFunctionPointerType() || Type->isMemberFunctionPointerType())
    return true;
  const CXXRecordDecl *RD = Type->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() && callOperator(RD->getDefinition());
}

static Callable classifyLeaf(const Expr *E) {
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return {CallableKind::Lambda, Lambda->getCallOperator(), "lambda"};
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Ref->getDecl()))
      return {CallableKind::Function, definitionOf(Method),
              "member function '" + plainQualifiedName(Method) + "'"};
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return {CallableKind::Function, definitionOf(Function),
              "function '" + Function->getNameAsString() + "'"};
    return classifyByType(Ref->getType(), Ref->getDecl()->getName());
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return classifyByType(Member->getType(),
                          Member->getMemberDecl()->getName());
  return classifyByType(E->getType(), "");
}

} // namespace asyncctx

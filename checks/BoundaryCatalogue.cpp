//===--- BoundaryCatalogue.cpp - asyncctx ---------------------------------===//

#include "checks/BoundaryCatalogue.h"
#include "checks/CallableArgument.h"
#include "checks/QualifiedNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

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

BoundaryListParse parseBoundaryList(llvm::StringRef Value) {
  BoundaryListParse Result;
  for (llvm::StringRef Entry : splitOptionList(Value, Result.Errors)) {
    auto [Name, Selector] = Entry.split('@');
    Name = Name.trim();
    Selector = Selector.trim();
    if (!isQualifiedIdentifier(Name)) {
      Result.Errors.push_back("'" + Entry.str() +
                              "' does not start with a qualified name");
      continue;
    }
    Boundary B;
    B.Name = withoutGlobalQualifier(Name).str();
    if (Entry.contains('@')) {
      unsigned Index = 0;
      if (Selector == "last") {
        B.Argument = ArgumentSelector::Last;
      } else if (!Selector.getAsInteger(10, Index)) {
        B.Argument = ArgumentSelector::Parameters;
        B.Parameters.push_back(Index);
      } else {
        Result.Errors.push_back("'" + Entry.str() +
                                "': expected '@' followed by an argument "
                                "index or 'last'");
        continue;
      }
    }
    Result.Entries.push_back(std::move(B));
  }
  return Result;
}

BoundaryCatalogue::BoundaryCatalogue(
    const ContextSources &Sources, const std::vector<Boundary> &UserBoundaries,
    const std::vector<std::string> &UserPropagating)
    : Sources(Sources) {
#define ASYNCCTX_BOUNDARY(Callee, Selector)                                    \
  ByName[Callee] =                                                             \
      Boundary{.Name = Callee, .Argument = ArgumentSelector::Selector};
#define ASYNCCTX_C_CALLBACK(Callee)                                            \
  ByName[Callee] = Boundary{.Name = Callee,                                    \
                            .Argument = ArgumentSelector::Every,               \
                            .ReportOnly = true};
#define ASYNCCTX_INITIATING_NAMESPACE(Namespace, AssociatorHeader)             \
  AsioNamespaces[Namespace] = AssociatorHeader;
#define ASYNCCTX_CONTEXT_EXECUTOR(Name) ContextExecutors.insert(Name);
#define ASYNCCTX_COROUTINE_SPAWN(Callee, Adapter, Header)                      \
  ByName[Callee] = Boundary{.Name = Callee,                                    \
                            .Argument = ArgumentSelector::Parameters,          \
                            .Parameters = {1, 2},                              \
                            .SpawnAdapter = Adapter,                           \
                            .SpawnHeader = Header};
#include "checks/Catalogue.def"
  for (const Boundary &B : UserBoundaries)
    ByName[B.Name] = B;
  // An entry in both Boundaries and PropagatingBoundaries propagates.
  for (const std::string &Name : UserPropagating) {
    Boundary &B = ByName[Name];
    B.Name = Name;
    B.Propagates = true;
  }
  // Not a structured binding: LLVM 19's binds a copy of a StringMap value.
  for (auto &Entry : ByName)
    if (const std::string *Header = asioNamespaceOf(Entry.getKey()))
      Entry.getValue().AssociatorHeader = *Header;
}

const std::string *BoundaryCatalogue::asioNamespaceOf(StringRef Name) const {
  for (StringRef Prefix = Name.rsplit("::").first; Prefix != Name;
       Name = Prefix, Prefix = Prefix.rsplit("::").first)
    if (auto Found = AsioNamespaces.find(Prefix); Found != AsioNamespaces.end())
      return &Found->second;
  return nullptr;
}

bool BoundaryCatalogue::isAsioHandOff(const FunctionDecl *Callee,
                                      const FunctionDecl *CallableBody) const {
  const auto *Operation = dyn_cast_or_null<CXXMethodDecl>(CallableBody);
  return Callee && Operation &&
         asioNamespaceOf(plainQualifiedName(Operation->getParent())) &&
         !asioNamespaceOf(plainQualifiedName(Callee));
}

static bool hasAnnotation(const Decl *D, llvm::StringRef Annotation) {
  for (const auto *Attr : D->specific_attrs<AnnotateAttr>())
    if (Attr->getAnnotation() == Annotation)
      return true;
  return false;
}

/// The template type parameter that \p Type is spelled with: `T`, `T &&`,
/// `type_identity_t<T> &` (Asio's non-deduced token parameter).
static const TemplateTypeParmDecl *
spelledTemplateParameter(QualType Type, const FunctionDecl *Written) {
  Type = Type.getNonReferenceType().getUnqualifiedType();
  if (const auto *Parameter = Type->getAs<TemplateTypeParmType>()) {
    if (const TemplateTypeParmDecl *Declared = Parameter->getDecl())
      return Declared;
    // A canonical parameter type (Clang 19) names its position only.
    const FunctionTemplateDecl *Template =
        Written->getDescribedFunctionTemplate();
    const TemplateParameterList *List =
        Template ? Template->getTemplateParameters() : nullptr;
    if (List && List->getDepth() == Parameter->getDepth() &&
        Parameter->getIndex() < List->size())
      return dyn_cast<TemplateTypeParmDecl>(
          List->getParam(Parameter->getIndex()));
    return nullptr;
  }
  // A specialization's type remembers the parameter it replaced.
  if (const auto *Substituted = Type->getAs<SubstTemplateTypeParmType>())
    return Substituted->getReplacedParameter();
  if (const auto *Specialization = Type->getAs<TemplateSpecializationType>();
      Specialization && Specialization->isTypeAlias() &&
      Specialization->template_arguments().size() == 1 &&
      Specialization->template_arguments()[0].getKind() ==
          TemplateArgument::Type)
    return spelledTemplateParameter(
        Specialization->template_arguments()[0].getAsType(), Written);
  return nullptr;
}

/// Whether \p Parameter is declared as a completion token: constrained by
/// `completion_token_for` / `completion_handler_for` (Asio's
/// ASIO_COMPLETION_TOKEN_FOR under concepts), or named `*Token` / `*Handler`
/// (the same macro without concepts expands to `typename`).
static bool isCompletionTokenParameter(const TemplateTypeParmDecl *Parameter) {
  if (const TypeConstraint *Constraint = Parameter->getTypeConstraint()) {
    StringRef Concept = Constraint->getNamedConcept()->getName();
    if (Concept == "completion_token_for" ||
        Concept == "completion_handler_for")
      return true;
  }
  const IdentifierInfo *Name = Parameter->getIdentifier();
  return Name && (Name->getName().ends_with("Token") ||
                  Name->getName().ends_with("Handler"));
}

std::optional<unsigned> completionTokenParameter(const FunctionDecl *Callee) {
  // The declaration the library wrote: a specialization's parameter types are
  // already substituted.
  const FunctionDecl *Written =
      Callee->getTemplateInstantiationPattern(/*ForDefinition=*/false);
  if (!Written)
    Written = Callee;
  for (unsigned I = 0; I < Written->getNumParams(); ++I) {
    const ParmVarDecl *Param = Written->getParamDecl(I);
    // After a pack the written and the called positions differ.
    if (Param->isParameterPack())
      break;
    if (const TemplateTypeParmDecl *Parameter =
            spelledTemplateParameter(Param->getType(), Written);
        Parameter && isCompletionTokenParameter(Parameter))
      return I;
  }
  return std::nullopt;
}

const Boundary *BoundaryCatalogue::compute(const FunctionDecl *Callee) const {
  // Annotations are written on the template a specialization comes from.
  const FunctionDecl *Written = Callee->getTemplateInstantiationPattern();
  if (!Written)
    Written = Callee;
  std::string Name = plainQualifiedName(Callee);
  auto Found = ByName.find(Name);
  bool Propagates = hasAnnotation(Callee, PropagatesAnnotation) ||
                    hasAnnotation(Written, PropagatesAnnotation) ||
                    (Found != ByName.end() && Found->second.Propagates);
  if (Propagates) {
    Inferred.push_back(Boundary{
        .Name = Name, .Argument = ArgumentSelector::Every, .Propagates = true});
    return &Inferred.back();
  }
  if (Found != ByName.end())
    return &Found->second;

  if (hasAnnotation(Callee, BoundaryAnnotation) ||
      hasAnnotation(Written, BoundaryAnnotation)) {
    Inferred.push_back(
        Boundary{.Name = Name, .Argument = ArgumentSelector::Every});
    return &Inferred.back();
  }
  Boundary Annotated{.Name = Name, .Argument = ArgumentSelector::Parameters};
  for (unsigned I = 0; I < Written->getNumParams(); ++I)
    if (hasAnnotation(Written->getParamDecl(I), BoundaryAnnotation))
      Annotated.Parameters.push_back(I);
  if (!Annotated.Parameters.empty()) {
    Inferred.push_back(std::move(Annotated));
    return &Inferred.back();
  }

  // The completion handler is the argument of the parameter the declaration
  // names as the completion token; an `async_*` function without one takes
  // no handler
  // (docs/checks/asyncctx-callback-without-context.md#what-is-an-async-boundary).
  if (const std::string *AssociatorHeader = asioNamespaceOf(Name);
      AssociatorHeader &&
      StringRef(Name).rsplit("::").second.starts_with("async_"))
    if (std::optional<unsigned> Token = completionTokenParameter(Callee)) {
      Inferred.push_back(Boundary{.Name = Name,
                                  .Argument = ArgumentSelector::Parameters,
                                  .Parameters = {*Token},
                                  .AssociatorHeader = *AssociatorHeader});
      return &Inferred.back();
    }
  if (const Boundary *Forwarding = infer(Callee))
    return Forwarding;
  return throughOverride(Callee);
}

void BoundaryCatalogue::indexOverriders(const DeclContext *Context) const {
  const SourceManager &SM =
      cast<Decl>(Context)->getASTContext().getSourceManager();
  for (const Decl *D : Context->decls()) {
    if (SM.isInSystemHeader(D->getLocation()))
      continue;
    if (isa<NamespaceDecl, LinkageSpecDecl>(D)) {
      indexOverriders(cast<DeclContext>(D));
    } else if (const auto *Template = dyn_cast<ClassTemplateDecl>(D)) {
      for (const ClassTemplateSpecializationDecl *Specialization :
           Template->specializations())
        indexOverriders(Specialization);
    } else if (const auto *Record = dyn_cast<CXXRecordDecl>(D);
               Record && Record->isThisDeclarationADefinition()) {
      for (const CXXMethodDecl *Method : Record->methods())
        for (const CXXMethodDecl *Base : Method->overridden_methods())
          Overriders[Base->getCanonicalDecl()].push_back(Method);
      indexOverriders(Record);
    }
  }
}

const Boundary *
BoundaryCatalogue::throughOverride(const FunctionDecl *Callee) const {
  // A call through a virtual method may run any override: the method is a
  // boundary where a visible override is one (a pool behind an interface,
  // docs/checks/asyncctx-callback-without-context.md#what-is-an-async-boundary).
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || !Method->isVirtual() ||
      llvm::none_of(Method->parameters(), [](const ParmVarDecl *Param) {
        return mayBeCallable(Param->getType());
      }))
    return nullptr;
  if (!OverridersIndexed) {
    OverridersIndexed = true;
    indexOverriders(Method->getASTContext().getTranslationUnitDecl());
  }
  auto Found = Overriders.find(Method->getCanonicalDecl());
  if (Found == Overriders.end())
    return nullptr;
  for (const CXXMethodDecl *Override : Found->second) {
    const Boundary *Inner = lookup(Override);
    if (!Inner || Inner->Propagates || Inner->ReportOnly)
      continue;
    Inferred.push_back(Boundary{.Name = plainQualifiedName(Callee),
                                .Argument = Inner->Argument,
                                .Parameters = Inner->Parameters,
                                .Override = Override,
                                .AssociatorHeader = Inner->AssociatorHeader});
    return &Inferred.back();
  }
  return nullptr;
}

namespace {
/// Finds the boundary calls in a wrapper's body that its own callable
/// parameters are passed to, unwrapped.
class ForwardFinder : public RecursiveASTVisitor<ForwardFinder> {
public:
  ForwardFinder(const BoundaryCatalogue &Catalogue,
                const ContextSources &Sources, const FunctionDecl *Wrapper,
                Boundary &Result)
      : Catalogue(Catalogue), Sources(Sources), Wrapper(Wrapper),
        Result(Result) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitCallExpr(CallExpr *E) { return visitCall(E); }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) { return visitCall(E); }
  // Unevaluated operands call nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }

private:
  /// The wrapper's parameter that \p Arg passes on unwrapped, or null.
  const ParmVarDecl *forwardedParameter(const Expr *Arg) const {
    Callable Forwarded = classifyCallable(Arg, Sources);
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Forwarded.Leaf);
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (Forwarded.Kind == CallableKind::Adapted || !Param ||
        Param->getDeclContext() != Wrapper)
      return nullptr;
    return Param;
  }

  bool visitCall(const Expr *Call) {
    llvm::ArrayRef<const Expr *> Args = calleeArguments(Call);
    // Only a call that gets a parameter can forward one: the others are not
    // looked up, so a library body costs one walk, not one per callee.
    if (llvm::none_of(Args, [&](const Expr *Arg) {
          return forwardedParameter(Arg) != nullptr;
        }))
      return true;
    const Boundary *Inner = Catalogue.lookupCall(Call);
    if (!Inner || Catalogue.propagates(*Inner, Call))
      return true;
    for (unsigned Index : BoundaryCatalogue::callableArguments(*Inner, Call)) {
      const ParmVarDecl *Param = forwardedParameter(Args[Index]);
      if (!Param)
        continue;
      unsigned Position = Param->getFunctionScopeIndex();
      if (!llvm::is_contained(Result.Parameters, Position))
        Result.Parameters.push_back(Position);
      if (!Result.ForwardedTo) {
        Result.ForwardedTo = Call;
        Result.Reaches = Inner->Reaches.empty() ? Inner->Name : Inner->Reaches;
        Result.AssociatorHeader = Inner->AssociatorHeader;
      }
    }
    return true;
  }

  const BoundaryCatalogue &Catalogue;
  const ContextSources &Sources;
  const FunctionDecl *Wrapper;
  Boundary &Result;
};
} // namespace

const Boundary *BoundaryCatalogue::infer(const FunctionDecl *Callee) const {
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition->getBody())
    return nullptr;
  // Library code is a boundary when it is in the catalogue, or when a
  // specialization of a library template perfectly forwards its argument into
  // one: `threads.emplace_back(f)` and `std::make_unique<std::thread>(f)`
  // construct a std::thread from f
  // (docs/checks/asyncctx-callback-without-context.md#what-is-an-async-boundary).
  const bool Library =
      Definition->getASTContext().getSourceManager().isInSystemHeader(
          Definition->getLocation());
  if (Library && !Definition->isTemplateInstantiation())
    return nullptr;
  if (llvm::none_of(Definition->parameters(), [](const ParmVarDecl *Param) {
        return mayBeCallable(Param->getType());
      }))
    return nullptr;
  Boundary Forwarding{.Name = plainQualifiedName(Callee),
                      .Argument = ArgumentSelector::Parameters};
  ForwardFinder(*this, Sources, Definition, Forwarding)
      .TraverseStmt(Definition->getBody());
  if (Forwarding.Parameters.empty())
    return nullptr;
  llvm::sort(Forwarding.Parameters);
  if (Library)
    Forwarding.ForwardedTo = nullptr;
  else
    Forwarding.Reaches.clear();
  Inferred.push_back(std::move(Forwarding));
  return &Inferred.back();
}

const Boundary *BoundaryCatalogue::lookup(const FunctionDecl *Callee) const {
  if (!Callee || Callee->getNumParams() == 0)
    return nullptr;
  Callee = Callee->getCanonicalDecl();
  if (auto It = Memo.find(Callee); It != Memo.end())
    return It->second;
  // Not a boundary while it is being decided: a recursive wrapper does not
  // make itself one.
  Memo[Callee] = nullptr;
  const Boundary *Result = compute(Callee);
  Memo[Callee] = Result;
  return Result;
}

bool BoundaryCatalogue::propagates(const Boundary &B, const Expr *Call) const {
  if (B.Propagates)
    return true;
  for (const Expr *Arg : calleeArguments(Call))
    if (const CXXRecordDecl *Type =
            Arg->getType().getNonReferenceType()->getAsCXXRecordDecl())
      if (ContextExecutors.contains(plainQualifiedName(Type)))
        return true;
  return false;
}

const Boundary *BoundaryCatalogue::lookupCall(const Expr *Call) const {
  return lookup(calledFunction(Call));
}

llvm::SmallVector<unsigned, 2>
BoundaryCatalogue::callableArguments(const Boundary &B, const Expr *Call) {
  return selectArguments(B.Argument, B.Parameters, calleeArguments(Call));
}

} // namespace asyncctx

//===--- FixPlacement.cpp - asyncctx --------------------------------------===//

#include "checks/FixPlacement.h"
#include "checks/BoundaryCatalogue.h"
#include "checks/CallableArgument.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"

using namespace clang;

namespace asyncctx {

/// The requires-clause after \p F's declarator, or null.
static const Expr *trailingRequiresClause(const FunctionDecl *F) {
#if LLVM_VERSION_MAJOR >= 21
  return F->getTrailingRequiresClause().ConstraintExpr;
#else
  return F->getTrailingRequiresClause();
#endif
}

/// Whether \p E is the initializer of one of \p Constructor's members or
/// bases.
static bool initializesMember(const Expr *E, const FunctionDecl *Function) {
  const auto *Constructor = dyn_cast<CXXConstructorDecl>(Function);
  return E && Constructor &&
         llvm::any_of(Constructor->inits(), [&](const CXXCtorInitializer *I) {
           return I->getInit() == E;
         });
}

bool isInUnevaluatedOperand(const Expr *E, ASTContext &Context) {
  // The parent map is built once per translation unit; the walk stops at the
  // first declaration, so it costs the depth of the expression.
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      return false;
    const DynTypedNode &Parent = Parents[0];
    if (const auto *ParentExpr = Parent.get<Expr>()) {
      if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr,
              ConceptSpecializationExpr>(ParentExpr))
        return true;
      if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(ParentExpr);
          Typeid && !Typeid->isPotentiallyEvaluated())
        return true;
    } else if (Parent.get<TypeLoc>() || Parent.get<TemplateArgumentLoc>() ||
               Parent.get<NestedNameSpecifierLoc>()) {
      // Inside a type (`decltype`, a trailing return type) or a template
      // argument: never run.
      return true;
    } else if (const auto *D = Parent.get<Decl>()) {
      if (isa<TemplateDecl, TemplateTypeParmDecl, NonTypeTemplateParmDecl>(D))
        return true;
      const auto *Function = dyn_cast<FunctionDecl>(D);
      return Function && Node.get<Expr>() &&
             Node.get<Expr>() == trailingRequiresClause(Function);
    } else if (!Parent.get<Stmt>()) {
      return false;
    }
    Node = Parent;
  }
}

bool isPackExpansionElement(const Expr *Arg, const ASTContext &Context) {
  SourceLocation End = Arg->getEndLoc();
  if (End.isInvalid() || End.isMacroID())
    return false;
  std::optional<Token> Next = Lexer::findNextToken(
      End, Context.getSourceManager(), Context.getLangOpts());
  return Next && Next->is(tok::ellipsis);
}

unsigned minimumStandardOf(StringRef Adapter) {
  static const llvm::StringMap<unsigned> Standards = [] {
    llvm::StringMap<unsigned> Map;
#define ASYNCCTX_FIX_STANDARD(Name, Year) Map[Name] = Year;
#include "checks/Catalogue.def"
    return Map;
  }();
  auto Found = Standards.find(Adapter);
  return Found == Standards.end() ? 0 : Found->second;
}

/// The C++ standard year of \p LangOpts, for messages and comparisons.
static unsigned standardYear(const LangOptions &LangOpts) {
  if (LangOpts.CPlusPlus26)
    return 26;
  if (LangOpts.CPlusPlus23)
    return 23;
  if (LangOpts.CPlusPlus20)
    return 20;
  if (LangOpts.CPlusPlus17)
    return 17;
  if (LangOpts.CPlusPlus14)
    return 14;
  if (LangOpts.CPlusPlus11)
    return 11;
  return 98;
}

/// Whether C++ standard year \p Year (two digits, 98 for C++98) is at least
/// \p Minimum.
static bool atLeast(unsigned Year, unsigned Minimum) {
  return Year != 98 && Year >= Minimum;
}

/// Whether \p E initializes a member or base in a constructor's member
/// initializer list (through the implicit nodes around it).
static bool isMemberInitializer(const Expr *E, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      return false;
    if (Parents[0].get<CXXCtorInitializer>())
      return true;
    if (const auto *Function = Parents[0].get<FunctionDecl>())
      return initializesMember(Node.get<Expr>(), Function);
    if (!Parents[0].get<Expr>())
      return false;
    Node = Parents[0];
  }
}

/// The member of \p RD or a base named one of \p Names, if any.
static const NamedDecl *memberNamed(const CXXRecordDecl *RD,
                                    ArrayRef<StringRef> Names) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  ASTContext &Ctx = RD->getASTContext();
  for (StringRef Name : Names)
    if (DeclContextLookupResult Found = RD->lookup(&Ctx.Idents.get(Name));
        !Found.empty())
      return Found.front();
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const NamedDecl *Member =
            memberNamed(Base.getType()->getAsCXXRecordDecl(), Names))
      return Member;
  return nullptr;
}

/// Whether a class object converts implicitly to \p RD: it has a
/// non-explicit converting constructor template (`std::function`).
static bool acceptsAnyCallable(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  for (const Decl *D : RD->getDefinition()->decls())
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      if (const auto *Constructor =
              dyn_cast<CXXConstructorDecl>(Template->getTemplatedDecl());
          Constructor && !Constructor->isExplicit() &&
          Constructor->getMinRequiredArguments() <= 1 &&
          Constructor->getNumParams() >= 1)
        return true;
  return false;
}

/// Why the adapter's result (a class object) cannot initialize parameter
/// \p Index of the function \p Call calls; empty when it can or when the
/// parameter is not known.
static std::string whyParameterCannotTakeIt(const Expr *Call, unsigned Index,
                                            StringRef Adapter) {
  const FunctionDecl *Callee = calledFunction(Call);
  if (!Callee)
    return "";
  const FunctionDecl *Written =
      Callee->getTemplateInstantiationPattern(/*ForDefinition=*/false);
  if (!Written)
    Written = Callee;
  if (Index >= Written->getNumParams())
    return "";
  for (unsigned I = 0; I <= Index; ++I)
    if (Written->getParamDecl(I)->isParameterPack())
      return "";
  const ParmVarDecl *Param = Written->getParamDecl(Index);
  QualType Type = Param->getType();
  QualType Referenced = Type.getNonReferenceType();
  bool Binds = true;
  // The adapter's result is a prvalue: no non-const lvalue reference, deduced
  // (`auto &self`, a composed operation's implementation) or not, takes it.
  if (Type->isLValueReferenceType() && !Referenced.isConstQualified())
    Binds = false;
  // Any other deduced parameter takes the adapter's type.
  else if (Type->isDependentType())
    return "";
  else if (const CXXRecordDecl *RD = Referenced->getAsCXXRecordDecl())
    Binds = acceptsAnyCallable(RD);
  else
    Binds = false;
  if (Binds)
    return "";
  std::string Name =
      Param->getIdentifier() ? ("'" + Param->getName() + "' ").str() : "";
  return ("the result of '" + Adapter + "' cannot initialize parameter " +
          Name + "of type '" +
          Type.getAsString(Callee->getASTContext().getPrintingPolicy()) + "'")
      .str();
}

std::string whyWrapIsUnsafe(const Expr *Call, unsigned Index, StringRef Adapter,
                            unsigned MinimumStandard, bool WrapsExecutor,
                            bool ThroughAssociatingBinder,
                            ASTContext &Context) {
  unsigned Year = standardYear(Context.getLangOpts());
  if (MinimumStandard && !atLeast(Year, MinimumStandard))
    return ("'" + Adapter + "' needs C++" + llvm::Twine(MinimumStandard) +
            " and this translation unit is C++" + llvm::Twine(Year))
        .str();
  if (isMemberInitializer(Call, Context))
    return "it is in a member initializer";
  // The spawn's executor adapter is an executor itself.
  if (WrapsExecutor)
    return "";
  const Expr *Arg = calleeArguments(Call)[Index];
  const CXXRecordDecl *ArgType = Arg->IgnoreParenImpCasts()
                                     ->getType()
                                     .getNonReferenceType()
                                     ->getAsCXXRecordDecl();
  if (!ThroughAssociatingBinder && ArgType) {
    if (const NamedDecl *Associated =
            memberNamed(ArgType, {"executor_type", "get_executor",
                                  "allocator_type", "get_allocator"}))
      return ("the wrapper would hide its associated '" +
              Associated->getName() + "'")
          .str();
    // Asio's own composed operations associate through `associator`.
    for (StringRef Trait :
         {"associator", "associated_executor", "associated_allocator"})
      if (asioSpecializes(Trait, ArgType))
        return ("the wrapper would hide what '" + Trait +
                "' associates with it")
            .str();
  }
  return whyParameterCannotTakeIt(Call, Index, Adapter);
}

} // namespace asyncctx

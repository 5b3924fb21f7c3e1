//===--- FixPlacement.cpp - asyncctx --------------------------------------===//

#include "checks/FixPlacement.h"
#include "checks/BoundaryCatalogue.h"
#include "checks/CallableArgument.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace asyncctx {

using namespace clang::ast_matchers;
namespace matchers = clang::ast_matchers::internal;

namespace {
const matchers::VariadicDynCastAllOfMatcher<Stmt, RequiresExpr>
    requiresExpression;
const matchers::VariadicDynCastAllOfMatcher<Stmt, CXXTypeidExpr>
    typeidExpression;

/// A `decltype` outside system headers whose operand matches \p Inner.
AST_MATCHER_P(TypeLoc, decltypeOfUserCode, matchers::Matcher<Expr>, Inner) {
  auto Decltype = Node.getAs<DecltypeTypeLoc>();
  if (!Decltype || Finder->getASTContext().getSourceManager().isInSystemHeader(
                       Node.getBeginLoc()))
    return false;
  return Inner.matches(*Decltype.getUnderlyingExpr(), Finder, Builder);
}
} // namespace

void addUnevaluatedCallMatchers(MatchFinder &Finder,
                                MatchFinder::MatchCallback *Callback,
                                StringRef Id) {
  auto Calls =
      forEachDescendant(expr(anyOf(callExpr(), cxxConstructExpr())).bind(Id));
  Finder.addMatcher(expr(unless(isExpansionInSystemHeader()),
                         anyOf(unaryExprOrTypeTraitExpr(), cxxNoexceptExpr(),
                               requiresExpression(), typeidExpression()),
                         Calls),
                    Callback);
  Finder.addMatcher(typeLoc(decltypeOfUserCode(expr(Calls))), Callback);
}

void addMemberInitializerMatcher(MatchFinder &Finder,
                                 MatchFinder::MatchCallback *Callback,
                                 StringRef Id) {
  Finder.addMatcher(cxxCtorInitializer(withInitializer(
                        expr(unless(isExpansionInSystemHeader())).bind(Id))),
                    Callback);
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
                            bool KeepsAssociations, bool InMemberInitializer,
                            ASTContext &Context) {
  unsigned Year = standardYear(Context.getLangOpts());
  if (MinimumStandard && !atLeast(Year, MinimumStandard))
    return ("'" + Adapter + "' needs C++" + llvm::Twine(MinimumStandard) +
            " and this translation unit is C++" + llvm::Twine(Year))
        .str();
  if (InMemberInitializer)
    return "it is in a member initializer";
  // The spawn's executor adapter is an executor itself.
  if (WrapsExecutor)
    return "";
  const Expr *Arg = calleeArguments(Call)[Index];
  const CXXRecordDecl *ArgType = Arg->IgnoreParenImpCasts()
                                     ->getType()
                                     .getNonReferenceType()
                                     ->getAsCXXRecordDecl();
  if (!KeepsAssociations && ArgType) {
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

//===--- ContextReadFinder.cpp - asyncctx ---------------------------------===//

#include "checks/ContextReadFinder.h"
#include "checks/CallableArgument.h"
#include "checks/QualifiedNames.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>

using namespace clang;

namespace asyncctx {

/// `request_id.get()` reads `request_id` (a member of a source class: name
/// the object); `tracer.GetCurrentSpan()` reads `GetCurrentSpan` (a source
/// itself: name the member).
static std::string memberReadName(const MemberExpr *E,
                                  const ContextSources &Sources) {
  const ValueDecl *Member = E->getMemberDecl();
  if (!Sources.isListedItself(Member))
    if (const auto *Base =
            dyn_cast<DeclRefExpr>(E->getBase()->IgnoreParenImpCasts()))
      return Base->getDecl()->getNameAsString();
  return Member->getNameAsString();
}

/// Walks one function body in source order and stops at the first read.
class BodyScanner : public RecursiveASTVisitor<BodyScanner> {
public:
  explicit BodyScanner(ContextReadFinder &Finder) : Finder(Finder) {}

  std::optional<ContextRead> Found;

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (!S)
      return true;
    // Unevaluated operands read nothing.
    if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, CXXTypeidExpr>(S))
      return true;
    // A lambda that initializes a variable runs when the variable is used.
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          if (const Expr *Init = Var->getInit())
            if (const auto *Lambda =
                    dyn_cast<LambdaExpr>(Init->IgnoreUnlessSpelledInSource()))
              NotInvokedHere.insert(Lambda);
    // A callable handed to another boundary runs elsewhere and is reported
    // where it is passed: its body is not a read of this one. The rest of the
    // argument is evaluated here: an adapter call captures the context, a
    // capture initializer reads it
    // (docs/checks/asyncctx-callback-without-context.md#what-counts-as-reading-context).
    if (isa<CallExpr, CXXConstructExpr>(S))
      if (const Boundary *B = Finder.boundaries().lookupCall(cast<Expr>(S))) {
        // A propagating boundary captures the context now: a read.
        if (Finder.boundaries().propagates(*B, cast<Expr>(S))) {
          Found = ContextRead{B->Name, S->getBeginLoc(), nullptr, {}};
          return false;
        }
        llvm::ArrayRef<const Expr *> Args = calleeArguments(cast<Expr>(S));
        for (unsigned Index :
             BoundaryCatalogue::callableArguments(*B, cast<Expr>(S))) {
          const Expr *Leaf =
              classifyCallable(Args[Index], Finder.sources()).Leaf;
          if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Leaf))
            NotInvokedHere.insert(Lambda);
          else if (Leaf)
            RunsElsewhere.insert(Leaf);
        }
      }
    return RecursiveASTVisitor::TraverseStmt(S, Queue);
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda,
                          DataRecursionQueue *Queue = nullptr) {
    if (!NotInvokedHere.contains(Lambda))
      return RecursiveASTVisitor::TraverseLambdaExpr(Lambda, Queue);
    // Not run here: only its capture initializers are evaluated here.
    for (const LambdaCapture &Capture : Lambda->explicit_captures())
      if (Lambda->isInitCapture(&Capture))
        if (!TraverseStmt(const_cast<Expr *>(
                cast<VarDecl>(Capture.getCapturedVar())->getInit())))
          return false;
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (RunsElsewhere.contains(E))
      return true;
    return visitUse(E->getDecl(), E->getDecl()->getNameAsString(),
                    E->getLocation());
  }

  bool VisitMemberExpr(MemberExpr *E) {
    if (RunsElsewhere.contains(E))
      return true;
    return visitUse(E->getMemberDecl(), memberReadName(E, Finder.sources()),
                    E->getBeginLoc(),
                    Uses && LangOpts && E->performsVirtualDispatch(*LangOpts));
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    return visitUse(Ctor, Ctor->getParent()->getNameAsString(),
                    E->getBeginLoc());
  }

  /// Set to record the functions the body runs instead of following them.
  std::vector<FunctionUse> *Uses = nullptr;
  const LangOptions *LangOpts = nullptr;

private:
  /// Returns false (stopping the walk) once a read is found.
  bool visitUse(const NamedDecl *D, std::string What, SourceLocation Loc,
                bool Virtual = false) {
    if (!Uses) {
      Found = Finder.readByUse(D, std::move(What), Loc);
      return !Found;
    }
    Found = Finder.directRead(D, What, Loc);
    if (Found)
      return false;
    if (const FunctionDecl *Function = ContextReadFinder::functionRunBy(D))
      Uses->push_back({Function, Loc, Virtual, !isa<FunctionDecl>(D)});
    return true;
  }

  ContextReadFinder &Finder;
  /// Lambdas that initialize a variable: they run where the variable is used.
  llvm::SmallPtrSet<const LambdaExpr *, 4> NotInvokedHere;
  /// References to callables handed to another boundary.
  llvm::SmallPtrSet<const Expr *, 4> RunsElsewhere;
};

std::optional<ContextRead> ContextReadFinder::directRead(const NamedDecl *D,
                                                         std::string &What,
                                                         SourceLocation Loc) {
  if (Sources.isSource(D))
    return ContextRead{std::move(What), Loc, nullptr, {}, D};
  if (const auto *Function = dyn_cast<FunctionDecl>(D);
      Function && Sources.isAdapter(Function))
    return ContextRead{
        plainQualifiedName(Function), Loc, nullptr, {}, Function};
  return std::nullopt;
}

const FunctionDecl *ContextReadFinder::functionRunBy(const NamedDecl *D) {
  if (const auto *Function = dyn_cast<FunctionDecl>(D))
    return Function;
  // A function or a lambda variable used here is assumed to run here:
  // called, or handed to a synchronous algorithm.
  if (const auto *Var = dyn_cast<VarDecl>(D))
    if (const CXXRecordDecl *Closure =
            Var->getType().getNonReferenceType()->getAsCXXRecordDecl();
        Closure && Closure->isLambda())
      return Closure->getLambdaCallOperator();
  return nullptr;
}

std::optional<ContextRead> ContextReadFinder::readByUse(const NamedDecl *D,
                                                        std::string What,
                                                        SourceLocation Loc) {
  if (std::optional<ContextRead> Direct = directRead(D, What, Loc))
    return Direct;
  const FunctionDecl *Function = functionRunBy(D);
  if (!Function)
    return std::nullopt;
  if (std::optional<ContextRead> Inner = findRead(Function))
    return ContextRead{Inner->What, Inner->ReadLoc, Function, Loc,
                       Inner->Source};
  return std::nullopt;
}

std::optional<ContextRead> ContextReadFinder::readAt(const Stmt *S) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return readByUse(Ref->getDecl(), Ref->getDecl()->getNameAsString(),
                     Ref->getLocation());
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    return readByUse(Member->getMemberDecl(), memberReadName(Member, Sources),
                     Member->getBeginLoc());
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return readByUse(
        Construct->getConstructor(),
        Construct->getConstructor()->getParent()->getNameAsString(),
        Construct->getBeginLoc());
  return std::nullopt;
}

std::optional<ContextRead>
ContextReadFinder::scan(const FunctionDecl *Definition,
                        std::vector<FunctionUse> *Uses) {
  BodyScanner Scanner(*this);
  Scanner.Uses = Uses;
  Scanner.LangOpts = &Definition->getASTContext().getLangOpts();
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() &&
          !Scanner.TraverseStmt(const_cast<Expr *>(Init->getInit())))
        return Scanner.Found;
  Scanner.TraverseStmt(Definition->getBody());
  return Scanner.Found;
}

std::optional<ContextRead> ContextReadFinder::findRead(const FunctionDecl *FD) {
  const FunctionDecl *Definition = nullptr;
  if (!FD || !FD->hasBody(Definition) || !Definition->getBody())
    return std::nullopt;
  // Library code does not read user context by itself; callables the user
  // passes to it are visited where they are spelled.
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Definition->getLocation()))
    return std::nullopt;

  auto [It, Inserted] = Memo.try_emplace(Definition);
  if (!Inserted) {
    if (It->second.Status == State::Done)
      return It->second.Read;
    // Still being decided further up the stack: "no" for now, and whoever
    // asked depends on that decision.
    LowLink = std::min(LowLink, It->second.LowLink);
    return std::nullopt;
  }
  const unsigned MyDepth = Depth++;
  It->second.LowLink = MyDepth;
  const unsigned CallerLowLink = LowLink;
  LowLink = ~0U;
  const size_t ProvisionalMark = Provisionals.size();

  std::optional<ContextRead> Read = scan(Definition);

  --Depth;
  const unsigned MyLowLink = LowLink;
  LowLink = std::min(CallerLowLink, MyLowLink);
  Entry &Result = Memo[Definition];
  if (!Read && MyLowLink < MyDepth) {
    // Depends on a function above us that is not decided yet.
    Result = Entry{State::Provisional, MyLowLink, std::nullopt};
    Provisionals.push_back(Definition);
    return std::nullopt;
  }
  Result = Entry{State::Done, 0, Read};
  if (MyLowLink >= MyDepth)
    settleProvisionals(ProvisionalMark, Read.has_value());
  return Read;
}

DirectUses ContextReadFinder::directUses(const FunctionDecl *FD) {
  DirectUses Result;
  const FunctionDecl *Definition = nullptr;
  if (FD && FD->hasBody(Definition) && Definition->getBody())
    Result.Read = scan(Definition, &Result.Uses);
  return Result;
}

namespace {
/// Whether calling \p Guard returns the guard (a scope object, a token) that
/// keeps the activation alive, as opposed to activating only during the call
/// (`Snapshot::run`, whose result is whatever the callable returns).
bool returnsGuardObject(const FunctionDecl *Guard) {
  if (const FunctionDecl *Pattern = Guard->getTemplateInstantiationPattern())
    Guard = Pattern;
  QualType Result = Guard->getReturnType();
  if (Result->isDependentType())
    return false;
  const CXXRecordDecl *Record = Result->getAsCXXRecordDecl();
  return Record && Record->hasDefinition() && !Record->hasTrivialDestructor();
}

/// Looks for a use of a restore guard anywhere in a body. A guard object
/// that the statement creating it destroys again activates nothing: a
/// discarded `RuntimeContext::Attach(ctx)` token detaches at the semicolon
/// (docs/decisions.md, "A discarded OpenTelemetry token is not a guard").
class GuardFinder : public RecursiveASTVisitor<GuardFinder> {
public:
  explicit GuardFinder(const ContextSources &Sources) : Sources(Sources) {}
  bool Found = false;
  // Statements are visited before their subexpressions.
  bool VisitCompoundStmt(CompoundStmt *S) {
    for (Stmt *Child : S->body())
      if (const auto *E = dyn_cast<Expr>(Child))
        noteDiscarded(E);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) { return visit(E->getDecl(), E); }
  bool VisitMemberExpr(MemberExpr *E) { return visit(E->getMemberDecl(), E); }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    return visit(E->getConstructor(), E);
  }

private:
  void noteDiscarded(const Expr *E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getType()->isVoidType())
      E = Cast->getSubExpr()->IgnoreImplicit()->IgnoreParens();
    if (const auto *Functional = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Functional->getSubExpr()->IgnoreImplicit();
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && returnsGuardObject(Callee))
        Discarded.insert(Call->getCallee()->IgnoreParenImpCasts());
    } else if (isa<CXXConstructExpr>(E)) {
      Discarded.insert(E);
    }
  }
  bool visit(const NamedDecl *D, const Expr *Use) {
    Found = !Discarded.contains(Use) && Sources.isRestoreGuard(D);
    return !Found;
  }
  const ContextSources &Sources;
  /// Guard uses whose guard object dies with the statement that makes it.
  llvm::SmallPtrSet<const Expr *, 4> Discarded;
};
} // namespace

bool ContextReadFinder::activatesSnapshot(const FunctionDecl *FD) {
  const FunctionDecl *Definition = nullptr;
  if (!FD || !FD->hasBody(Definition) || !Definition->getBody())
    return false;
  auto [It, Inserted] = ActivatesMemo.try_emplace(Definition, false);
  if (!Inserted)
    return It->second;
  GuardFinder Finder(Sources);
  Finder.TraverseStmt(Definition->getBody());
  ActivatesMemo[Definition] = Finder.Found;
  return Finder.Found;
}

void ContextReadFinder::settleProvisionals(size_t From, bool ReadFound) {
  // Every provisional "no" recorded since this function started depended only
  // on functions of its own component. If the component reads nothing they are
  // final; otherwise forget them so they are recomputed against the now
  // decided answers.
  for (size_t I = From; I < Provisionals.size(); ++I) {
    if (ReadFound)
      Memo.erase(Provisionals[I]);
    else
      Memo[Provisionals[I]] = Entry{State::Done, 0, std::nullopt};
  }
  Provisionals.resize(From);
}

} // namespace asyncctx

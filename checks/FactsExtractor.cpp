//===--- FactsExtractor.cpp - asyncctx ------------------------------------===//

#include "checks/FactsExtractor.h"
#include "checks/CallableArgument.h"
#include "checks/QualifiedNames.h"
#include "checks/UserCodeVisitor.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace asyncctx {

FactsExtractor::FactsExtractor(ContextReadFinder &Reads, ASTContext &Context)
    : Reads(Reads), LostReads(Reads.sources().onlyCarried(Carry::NotCarried),
                              Reads.boundaries()),
      BridgeReads(Reads.sources().onlyCarried(Carry::WithBridge),
                  Reads.boundaries()),
      ThreadLocalReads(Reads.sources().onlyUnlistedThreadLocals(),
                       Reads.boundaries()),
      Context(Context), SM(Context.getSourceManager()) {}

const std::string &FactsExtractor::keyOf(const Decl *D) {
  D = D->getCanonicalDecl();
  auto [It, New] = Keys.try_emplace(D);
  if (New) {
    llvm::SmallString<128> USR;
    if (!index::generateUSRForDecl(D, USR))
      It->second = USR.str().str();
  }
  return It->second;
}

const std::string &FactsExtractor::pathOf(FileID File) {
  auto [It, New] = Paths.try_emplace(File);
  if (New)
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File)) {
      // As the standalone tool reports diagnostics: absolute against the
      // compile command's directory, dots removed, links kept.
      llvm::SmallString<256> Path(Entry->getName());
      SM.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      It->second = Path.str().str();
    }
  return It->second;
}

FactLocation FactsExtractor::locationOf(SourceLocation Loc) {
  FactLocation Result;
  if (Loc.isInvalid())
    return Result;
  auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  Result.File = pathOf(File);
  Result.Offset = Offset;
  Result.Line = SM.getLineNumber(File, Offset);
  Result.Column = SM.getColumnNumber(File, Offset);
  return Result;
}

namespace {

/// The member an expression names (`queue_`, `this->queue_`, `pool.queue_`).
const FieldDecl *memberField(const Expr *E) {
  if (const auto *Member = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

/// Container members that put an element in.
bool isStoreMethod(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {
      "push_back", "emplace_back", "push_front",   "emplace_front", "push",
      "emplace",   "insert",       "emplace_hint", "try_emplace"};
  return Names.contains(Name);
}

/// Container members that take an element out to use it. Iterating,
/// indexing, erasing or calling a member is not taking out: that is what a
/// listener registry does.
bool isDrainMethod(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {"front",   "back",      "top",
                                          "pop",     "pop_front", "pop_back",
                                          "extract", "swap"};
  return Names.contains(Name);
}

bool isStdFunctionNamed(const FunctionDecl *FD,
                        std::initializer_list<llvm::StringRef> Names) {
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         llvm::is_contained(Names, FD->getName());
}

/// Walks one definition for what it does with its callable parameters (at
/// its own level, not in lambdas it creates), the members it takes elements
/// out of, and the function bodies it hands to boundaries.
class EvidenceWalker : public RecursiveASTVisitor<EvidenceWalker> {
public:
  EvidenceWalker(FactsExtractor &Extractor, ContextReadFinder &Reads,
                 const FunctionDecl *Definition, FunctionFacts &Facts)
      : Extractor(Extractor), Reads(Reads), Definition(Definition),
        Facts(Facts) {
    Scopes.push_back({Definition, Facts.Key});
    HasCallableParameter =
        llvm::any_of(Definition->parameters(), [](const ParmVarDecl *P) {
          return mayBeCallable(P->getType());
        });
  }

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseLambdaExpr(LambdaExpr *Lambda,
                          DataRecursionQueue *Queue = nullptr) {
    Scopes.push_back({Lambda->getCallOperator(),
                      Extractor.keyOf(Lambda->getCallOperator())});
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(Lambda, Queue);
    Scopes.pop_back();
    return Result;
  }

  bool VisitCallExpr(CallExpr *E) {
    visitCall(E);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    visitCall(E);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *E) {
    // `callback_ = f;` for a function pointer member.
    if (E->getOpcode() == BO_Assign && atOwnLevel())
      if (const FieldDecl *Field = memberField(E->getLHS()))
        store(Field, E->getRHS(), E->getOperatorLoc());
    return true;
  }

private:
  struct Scope {
    const FunctionDecl *Function;
    std::string Key;
  };

  bool atOwnLevel() const { return Scopes.size() == 1 && HasCallableParameter; }

  /// The parameters of the definition that \p Arg passes on: the parameter
  /// itself (through moves, casts, conversions), or a lambda capturing it.
  llvm::SmallVector<unsigned, 1> forwardedParameters(const Expr *Arg) {
    llvm::SmallVector<unsigned, 1> Result;
    auto Add = [&](const Expr *E) {
      Callable C = classifyCallable(E, Reads.sources());
      const auto *Ref = dyn_cast_or_null<DeclRefExpr>(C.Leaf);
      const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      if (C.Kind != CallableKind::Adapted && Param &&
          Param->getDeclContext() == Definition &&
          mayBeCallable(Param->getType()) &&
          !llvm::is_contained(Result, Param->getFunctionScopeIndex()))
        Result.push_back(Param->getFunctionScopeIndex());
      return C;
    };
    Callable C = Add(Arg);
    if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(C.Leaf))
      for (const LambdaCapture &Capture : Lambda->captures()) {
        if (!Capture.capturesVariable())
          continue;
        const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar());
        if (!Var)
          continue;
        if (Var->isInitCapture() && Var->getInit())
          Add(Var->getInit());
        else if (const auto *Param = dyn_cast<ParmVarDecl>(Var);
                 Param && Param->getDeclContext() == Definition &&
                 mayBeCallable(Param->getType()) &&
                 !llvm::is_contained(Result, Param->getFunctionScopeIndex()))
          Result.push_back(Param->getFunctionScopeIndex());
      }
    return Result;
  }

  void forward(unsigned Param, ForwardFact::Kind How, std::string Target,
               std::string TargetName, unsigned TargetParam,
               SourceLocation Loc) {
    Facts.Forwards.push_back({Param, How, std::move(Target),
                              std::move(TargetName), TargetParam,
                              Extractor.locationOf(Loc)});
  }

  void store(const FieldDecl *Field, const Expr *Value, SourceLocation Loc) {
    for (unsigned Param : forwardedParameters(Value))
      forward(Param, ForwardFact::Store, Extractor.keyOf(Field),
              plainQualifiedName(Field), 0, Loc);
  }

  void drain(const FieldDecl *Field, SourceLocation Loc) {
    const Scope &Innermost = Scopes.back();
    // Named after the function the code is written in, lambdas included.
    Facts.Drains.push_back({Extractor.keyOf(Field), plainQualifiedName(Field),
                            Innermost.Key, plainQualifiedName(Definition),
                            Extractor.locationOf(Loc)});
  }

  void visitCall(const Expr *Call) {
    const BoundaryCatalogue &Boundaries = Reads.boundaries();
    const FunctionDecl *Callee = calledFunction(Call);
    llvm::ArrayRef<const Expr *> Args = calleeArguments(Call);
    if (const Boundary *B = Boundaries.lookupCall(Call)) {
      if (Boundaries.propagates(*B, Call))
        return;
      for (unsigned Index : BoundaryCatalogue::callableArguments(*B, Call)) {
        // Which body a boundary runs: evidence of who takes a queue out.
        Callable Runs = classifyCallable(Args[Index], Reads.sources());
        if (Runs.Body && !Extractor.keyOf(Runs.Body).empty())
          Facts.Spawns.push_back(
              {Extractor.keyOf(Runs.Body), B->Name,
               Extractor.locationOf(Args[Index]->getBeginLoc())});
        if (!atOwnLevel())
          continue;
        for (unsigned Param : forwardedParameters(Args[Index])) {
          // A boundary inferred in this translation unit is decided by the
          // solve from its own facts, so that notes show every hop.
          if (B->ForwardedTo && Callee)
            forward(Param, ForwardFact::Parameter, Extractor.keyOf(Callee),
                    B->Name, Index, Call->getBeginLoc());
          else
            forward(Param, ForwardFact::Boundary, B->Name, B->Name, 0,
                    Call->getBeginLoc());
        }
      }
      return;
    }
    if (!Callee)
      return;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const FieldDecl *Object =
        Member ? memberField(Member->getImplicitObjectArgument()) : nullptr;
    const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
    if (Object && Callee->getIdentifier() && isDrainMethod(Callee->getName())) {
      drain(Object, Call->getBeginLoc());
      return;
    }
    if (isStdFunctionNamed(Callee, {"move", "exchange", "swap"}) &&
        !Args.empty())
      if (const FieldDecl *Field = memberField(Args[0])) {
        drain(Field, Call->getBeginLoc());
        return;
      }
    if (!atOwnLevel())
      return;
    if (Object && Callee->getIdentifier() && isStoreMethod(Callee->getName())) {
      for (const Expr *Arg : Args)
        store(Object, Arg, Call->getBeginLoc());
      return;
    }
    if (Operator && Operator->getOperator() == OO_Equal &&
        Operator->getNumArgs() == 2)
      if (const FieldDecl *Field = memberField(Operator->getArg(0))) {
        store(Field, Operator->getArg(1), Call->getBeginLoc());
        return;
      }
    // A user function's callable parameter: decided by its own facts.
    if (Callee->getASTContext().getSourceManager().isInSystemHeader(
            Callee->getLocation()))
      return;
    for (unsigned Index = 0;
         Index < Args.size() && Index < Callee->getNumParams(); ++Index)
      if (mayBeCallable(Callee->getParamDecl(Index)->getType()))
        for (unsigned Param : forwardedParameters(Args[Index]))
          forward(Param, ForwardFact::Parameter, Extractor.keyOf(Callee),
                  plainQualifiedName(Callee), Index, Call->getBeginLoc());
  }

  FactsExtractor &Extractor;
  ContextReadFinder &Reads;
  const FunctionDecl *Definition;
  FunctionFacts &Facts;
  bool HasCallableParameter = false;
  std::vector<Scope> Scopes;
};

/// Every definition of the translation unit outside system headers:
/// functions, template instantiations, lambdas.
class DefinitionCollector : public UserCodeVisitor<DefinitionCollector> {
public:
  using UserCodeVisitor::UserCodeVisitor;
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      Found.push_back(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    if (!Lambda->getLambdaClass()->isDependentContext())
      Found.push_back(Lambda->getCallOperator());
    return true;
  }

  std::vector<const FunctionDecl *> Found;
};

} // namespace

const FunctionFacts *FactsExtractor::factsOf(const FunctionDecl *FD) {
  const FunctionDecl *Definition = nullptr;
  if (!FD || !FD->hasBody(Definition) || !Definition->getBody())
    return nullptr;
  auto [It, New] = Facts.try_emplace(Definition);
  if (New) {
    auto Result = std::make_unique<FunctionFacts>();
    Result->Key = keyOf(Definition);
    if (!Result->Key.empty() &&
        !SM.isInSystemHeader(Definition->getLocation())) {
      extract(Definition, *Result);
      It->second = std::move(Result);
      Order.push_back(Definition);
    }
  }
  return It->second.get();
}

void FactsExtractor::extract(const FunctionDecl *Definition,
                             FunctionFacts &Result) {
  Result.QualifiedName = plainQualifiedName(Definition);
  Result.Name = Definition->getNameAsString();
  Result.Loc = locationOf(Definition->getLocation());
  DirectUses Direct = Reads.directUses(Definition);
  if (Direct.Read) {
    Result.Read.emplace();
    Result.Read->What = Direct.Read->What;
    Result.Read->Loc = locationOf(Direct.Read->ReadLoc);
  }
  Result.LostRead = carryRead(LostReads, Definition);
  Result.BridgeRead = carryRead(BridgeReads, Definition);
  Result.ThreadLocalRead = carryRead(ThreadLocalReads, Definition);
  for (const FunctionUse &Use : Direct.Uses) {
    // Library functions do not read user context (ContextReadFinder does not
    // follow them either).
    if (SM.isInSystemHeader(Use.Callee->getLocation()))
      continue;
    const std::string &Callee = keyOf(Use.Callee);
    if (Callee.empty())
      continue;
    Result.Calls.push_back(
        {Callee, Use.Lambda ? std::string() : Use.Callee->getNameAsString(),
         locationOf(Use.Loc), Use.Virtual});
  }
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition))
    for (const CXXMethodDecl *Base : Method->overridden_methods())
      if (const std::string &Key = keyOf(Base); !Key.empty())
        Result.Overrides.push_back(Key);
  EvidenceWalker Walker(*this, Reads, Definition, Result);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        Walker.TraverseStmt(const_cast<Expr *>(Init->getInit()));
  Walker.TraverseStmt(Definition->getBody());
}

std::optional<ReadFact>
FactsExtractor::carryRead(ReadsOfKind &Kind, const FunctionDecl *Definition) {
  std::optional<ContextRead> Direct = Kind.Reads.directUses(Definition).Read;
  // A propagating boundary is found by every kind; it is no source.
  if (!Direct || !Direct->Source)
    return std::nullopt;
  ReadFact Read;
  Read.What = Direct->What;
  Read.Loc = locationOf(Direct->ReadLoc);
  SourceCarry How = Kind.KindSources.carry(Direct->Source);
  const auto *Var = dyn_cast<VarDecl>(Direct->Source);
  if (Var && Var->getTLSKind() != VarDecl::TLS_None)
    Read.Variable = keyOf(Var);
  Read.BridgeHeader = How.BridgeHeader.str();
  if (How.Uncarried) {
    if (!isa<VarDecl>(How.Uncarried))
      Read.LostFrom = plainQualifiedName(How.Uncarried);
    Read.Advice =
        NoteFact{bridgeAdvice(How.Uncarried, Context.getPrintingPolicy()),
                 locationOf(How.Uncarried->getLocation())};
  }
  return Read;
}

UnitFacts FactsExtractor::unitFacts(llvm::StringRef MainFile,
                                    llvm::ArrayRef<RegisteredBridge> Bridges) {
  if (!AllExtracted) {
    AllExtracted = true;
    DefinitionCollector Collector(SM);
    Collector.TraverseDecl(Context.getTranslationUnitDecl());
    for (const FunctionDecl *FD : Collector.Found)
      factsOf(FD);
  }
  UnitFacts Unit;
  Unit.File = MainFile.str();
  for (const RegisteredBridge &Bridge : Bridges)
    if (const std::string &Key = keyOf(Bridge.Variable); !Key.empty())
      Unit.Bridges.push_back(
          {Key, plainQualifiedName(Bridge.Variable), locationOf(Bridge.Loc)});
  llvm::DenseMap<FileID, bool> Hashed;
  for (const FunctionDecl *Definition : Order) {
    const FunctionFacts &F = *Facts[Definition];
    // Every file defining a function is hashed, even if its functions have
    // nothing to say: a change may give them something.
    FileID File = SM.getFileID(SM.getFileLoc(Definition->getLocation()));
    if (Hashed.try_emplace(File, true).second && !F.Loc.File.empty())
      Unit.FileHashes.emplace_back(F.Loc.File,
                                   contentHash(SM.getBufferData(File)));
    if (!F.empty())
      Unit.Functions.push_back(F);
  }
  return Unit;
}

} // namespace asyncctx

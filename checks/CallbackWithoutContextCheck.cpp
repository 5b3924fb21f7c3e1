//===--- CallbackWithoutContextCheck.cpp - asyncctx -----------------------===//

#include "checks/CallbackWithoutContextCheck.h"
#include "checks/CallableArgument.h"
#include "checks/FixPlacement.h"
#include "checks/ProgramSolver.h"
#include "checks/QualifiedNames.h"
#include "rewriter/WrapFix.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace asyncctx {
namespace {

AST_POLYMORPHIC_MATCHER_P(crossesAsyncBoundary,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(CallExpr,
                                                          CXXConstructExpr),
                          const BoundaryCatalogue *, Catalogue) {
  return Catalogue->lookupCall(&Node) != nullptr;
}

} // namespace

/// A header option as IncludeInserter takes it: `<h>` stays angled, anything
/// else is quoted by IncludeInserter, so quotes a user wrote are dropped.
static std::string headerOption(StringRef Header) {
  if (Header.size() >= 2 && Header.starts_with("\"") && Header.ends_with("\""))
    Header = Header.drop_front().drop_back();
  return Header.str();
}

CallbackWithoutContextCheck::CallbackWithoutContextCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : AsyncctxCheck(Name, Context), StrictMode(readBool("StrictMode", false)),
      FixAdapter(Options.get("FixAdapter", "asyncctx::wrap")),
      FixHeader(
          headerOption(Options.get("FixHeader", "<asyncctx/asyncctx.hpp>"))),
      FixSpawnAdapter(Options.get("FixSpawnAdapter", "")),
      FixSpawnHeader(headerOption(Options.get("FixSpawnHeader", ""))),
      FactsFilePath(Options.getLocalOrGlobal("FactsFile", "")),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  if (!isQualifiedIdentifier(FixAdapter))
    optionError("FixAdapter",
                "'" + FixAdapter + "' is not a qualified function name");
  if (StringRef(FixHeader).trim().empty())
    optionError("FixHeader",
                "expected a header such as <asyncctx/asyncctx.hpp>");
  if (!FixSpawnAdapter.empty() && !isQualifiedIdentifier(FixSpawnAdapter))
    optionError("FixSpawnAdapter",
                "'" + FixSpawnAdapter + "' is not a qualified function name");
  Sources.addBridgedElsewhere(readNameList("BridgedSources"));
  if (!FixSpawnHeader.empty() && StringRef(FixSpawnHeader).trim().empty())
    optionError("FixSpawnHeader", "expected a header such as "
                                  "<asyncctx/asio.hpp>, or nothing for the "
                                  "built-in one");
}

void CallbackWithoutContextCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  AsyncctxCheck::storeOptions(Opts);
  Options.store(Opts, "StrictMode", StrictMode);
  Options.store(Opts, "FixAdapter", FixAdapter);
  Options.store(Opts, "FixHeader", FixHeader);
  Options.store(Opts, "FixSpawnAdapter", FixSpawnAdapter);
  Options.store(Opts, "FixSpawnHeader", FixSpawnHeader);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  Options.store(Opts, "FactsFile", FactsFilePath);
}

void CallbackWithoutContextCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  Inserter.registerPreprocessor(PP);
}

void CallbackWithoutContextCheck::registerMatchers(MatchFinder *Finder) {
  addUnevaluatedCallMatchers(*Finder, this, "unevaluated");
  addMemberInitializerMatcher(*Finder, this, "member-initializer");
  // Whole-program analysis: the standalone tool collects facts and
  // candidates (a sink), the plugin reads a facts file.
  Sink = FactsSink::current();
  const bool WholeProgram = Sink || !FactsFilePath.empty();
  if (WholeProgram)
    Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  // As-is traversal on purpose: a boundary call whose arguments depend on a
  // template parameter is only resolved in the instantiations, which
  // IgnoreUnlessSpelledInSource skips. `Decided` keeps it to one report.
  // Whole program, every call may be a boundary defined elsewhere: one
  // matcher takes them all and check() tells known boundaries apart, since
  // each matcher is tried on every call of the unit, library instantiations
  // included (docs/performance.md, "Whole-program analysis").
  if (WholeProgram) {
    Finder->addMatcher(
        callExpr(unless(isExpansionInSystemHeader())).bind("call"), this);
    Finder->addMatcher(
        cxxConstructExpr(unless(isExpansionInSystemHeader())).bind("call"),
        this);
    return;
  }
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              crossesAsyncBoundary(&Boundaries))
                         .bind("call"),
                     this);
  Finder->addMatcher(cxxConstructExpr(unless(isExpansionInSystemHeader()),
                                      crossesAsyncBoundary(&Boundaries))
                         .bind("call"),
                     this);
}

void CallbackWithoutContextCheck::onStartOfTranslationUnit() {
  AsyncctxCheck::onStartOfTranslationUnit();
  Context = nullptr;
  Extractor.reset();
  Fresh = UnitFacts();
  FreshSolution.reset();
  Solution = nullptr;
  Includes.clear();
  Unevaluated.clear();
  MemberInitializers.clear();
  Uncarried.reset();
  NeedsBridge.reset();
}

void CallbackWithoutContextCheck::onEndOfTranslationUnit() {
  if (Sink && Extractor) {
    SourceManager &SM = Context->getSourceManager();
    Sink->addUnit(Extractor->unitFacts(
        Extractor->locationOf(SM.getLocForStartOfFile(SM.getMainFileID())).File,
        collectBridges(*Context)));
  }
  Extractor.reset();
}

void CallbackWithoutContextCheck::startProgram(ASTContext &Ctx) {
  Context = &Ctx;
  if (!Sink) {
    std::string Error;
    Loaded = LoadedFacts::load(FactsFilePath, Error);
    if (!Loaded) {
      optionError("FactsFile", Error);
      return;
    }
  }
  Extractor = std::make_unique<FactsExtractor>(*Reads, Ctx);
  if (Sink)
    return;
  Solution = &Loaded->solution();
  if (Loaded->staleFiles().empty())
    return;
  if (Loaded->takeStaleReport())
    configurationDiag("facts file '%0' is out of date for %1 changed "
                      "file(s), first '%2'; their facts come from the "
                      "translation unit being analysed",
                      DiagnosticIDs::Warning)
        << FactsFilePath << static_cast<unsigned>(Loaded->staleFiles().size())
        << Loaded->staleFiles().front();
  // This translation unit's own facts of the changed files win.
  SourceManager &SM = Ctx.getSourceManager();
  UnitFacts Mine = Extractor->unitFacts(
      Extractor->locationOf(SM.getLocForStartOfFile(SM.getMainFileID())).File,
      collectBridges(Ctx));
  for (FunctionFacts &F : Mine.Functions)
    if (Loaded->isStale(F.Loc.File))
      Fresh.Functions.push_back(std::move(F));
  if (!Fresh.Functions.empty()) {
    FreshSolution = Loaded->solveWith(Fresh);
    Solution = FreshSolution.get();
  }
}

void CallbackWithoutContextCheck::check(
    const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  collectBridges(*Result.Context);
  if (const auto *Call = Result.Nodes.getNodeAs<Expr>("unevaluated")) {
    Unevaluated.insert(Call);
    return;
  }
  if (const auto *Init = Result.Nodes.getNodeAs<Expr>("member-initializer")) {
    MemberInitializers.insert(Init->IgnoreImplicit());
    return;
  }
  if (Result.Nodes.getNodeAs<TranslationUnitDecl>("unit")) {
    startProgram(*Result.Context);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<Expr>("call");
  const Boundary *B = Boundaries.lookupCall(Call);
  if (!B) {
    if (wholeProgram() && !Unevaluated.contains(Call))
      checkPossibleBoundary(Call, *Result.SourceManager);
    return;
  }
  if (Boundaries.propagates(*B, Call) || Unevaluated.contains(Call))
    return;
  for (unsigned Index : BoundaryCatalogue::callableArguments(*B, Call))
    checkArgument(*B, Call, Index, *Result.SourceManager);
}

void CallbackWithoutContextCheck::prepareCarryAnalysis() {
  if (Uncarried)
    return;
  Uncarried = std::make_unique<ReadsOfKind>(
      Sources.onlyCarried(Carry::NotCarried), Boundaries);
  NeedsBridge = std::make_unique<ReadsOfKind>(
      Sources.onlyCarried(Carry::WithBridge), Boundaries);
}

void CallbackWithoutContextCheck::decideCarry(Crossing &X, ContextRead &Read) {
  prepareCarryAnalysis();
  if (std::optional<ContextRead> LostRead =
          Uncarried->Reads.findRead(X.Target.Body)) {
    Read = *LostRead;
    X.Lost = Sources.carry(Read.Source).Uncarried;
  } else if (std::optional<ContextRead> BridgedRead =
                 NeedsBridge->Reads.findRead(X.Target.Body)) {
    X.BridgeHeader = Sources.carry(BridgedRead->Source).BridgeHeader;
  }
}

/// What follows "it reads 'X'" when \p Adapter does not carry the read of
/// \p Lost; empty when it does.
static std::string whyReadIsLost(const NamedDecl *Lost, StringRef Adapter) {
  if (!Lost)
    return "";
  return lostReadReason(isa<VarDecl>(Lost) ? "" : plainQualifiedName(Lost),
                        Adapter);
}

void CallbackWithoutContextCheck::emitBridgeAdvice(
    const NamedDecl *Declaration) {
  diag(Declaration->getLocation(), "%0", DiagnosticIDs::Note)
      << bridgeAdvice(Declaration, Context->getPrintingPolicy());
}

/// What argument 1 of `co_spawn` starts: the coroutine function an awaitable
/// comes from (`co_spawn(ex, session(socket), ...)`), or a function object.
static Callable spawnedCoroutine(const Expr *Arg,
                                 const ContextSources &Sources) {
  if (const auto *Call = dyn_cast<CallExpr>(Arg->IgnoreUnlessSpelledInSource()))
    if (const FunctionDecl *Coroutine = Call->getDirectCallee()) {
      const FunctionDecl *Definition = nullptr;
      Coroutine->hasBody(Definition);
      return {CallableKind::Function, Definition,
              "coroutine '" + Coroutine->getNameAsString() + "'", Call, ""};
    }
  return classifyCallable(Arg, Sources);
}

/// Whether \p Leaf is a parameter of the function the call is in: the
/// callable comes from that function's caller, which makes the function an
/// inferred boundary; the finding belongs to the outermost caller
/// (docs/checks/asyncctx-callback-without-context.md#what-is-an-async-boundary).
static bool isForwardedParameter(const Expr *Leaf) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Leaf);
  return Ref && isa<ParmVarDecl>(Ref->getDecl()) &&
         isa<FunctionDecl>(Ref->getDecl()->getDeclContext());
}

std::pair<StringRef, StringRef>
CallbackWithoutContextCheck::spawnAdapterAndHeader(const Boundary &B) const {
  return {FixSpawnAdapter.empty() ? StringRef(B.SpawnAdapter)
                                  : StringRef(FixSpawnAdapter),
          FixSpawnHeader.empty() ? StringRef(B.SpawnHeader)
                                 : StringRef(FixSpawnHeader)};
}

void CallbackWithoutContextCheck::checkArgument(const Boundary &B,
                                                const Expr *Call,
                                                unsigned Index,
                                                const SourceManager &SM) {
  llvm::ArrayRef<const Expr *> Args = calleeArguments(Call);
  const Expr *Arg = Args[Index];
  // A pack element's expression stands for every element: none is the
  // caller's callable to wrap
  // (docs/checks/asyncctx-callback-without-context.md#limitations).
  if (isPackExpansionElement(Arg, *Context) ||
      !firstTimeAt(SM.getFileLoc(Arg->getBeginLoc())))
    return;
  // A spawned coroutine runs on the spawn's executor, and a lazily started
  // body runs outside any wrapped call: the executor must carry the context.
  const bool Spawned = B.isSpawnedCoroutine(Index);
  auto [Adapter, Header] =
      Spawned ? spawnAdapterAndHeader(B)
              : std::pair<StringRef, StringRef>(FixAdapter, FixHeader);
  Crossing X{.Call = Call,
             .Arg = Arg,
             .Boundary = B.Name,
             .ReportOnly = B.ReportOnly,
             .Spawned = Spawned,
             .Adapter = Adapter,
             .Header = Header,
             .Target = Spawned ? spawnedCoroutine(Arg, Sources)
                               : classifyCallable(Arg, Sources)};
  const Callable &Target = X.Target;
  if (Target.Kind == CallableKind::NotCallable ||
      Target.Kind == CallableKind::Adapted ||
      isForwardedParameter(Target.Leaf) ||
      Boundaries.isAsioHandOff(calledFunction(Call), Target.Body))
    return;
  X.AssociatorHeader = Target.AssociatorHeader.empty()
                           ? StringRef(B.AssociatorHeader)
                           : Target.AssociatorHeader;
  if (Target.Body && Reads->activatesSnapshot(Target.Body))
    return;
  X.UnsafeWrap = unsafeWrap(X, Index);
  std::optional<ContextRead> Read;
  if (Target.Body)
    Read = Reads->findRead(Target.Body);
  // Nothing read here: functions defined elsewhere may read.
  if (!Read && Target.Body && wholeProgram()) {
    Candidate C = candidateFor(X);
    C.BoundaryNotes = boundaryNoteFacts(B, Call);
    C.Callable = Extractor->keyOf(Target.Body);
    Extractor->factsOf(Target.Body);
    settle(X, std::move(C), SM);
    return;
  }
  if (!Read && !StrictMode)
    return;
  // Offer only a fix that carries everything the callable reads
  // (docs/checks/asyncctx-callback-without-context.md#which-reads-get-a-fix):
  // a read the adapter cannot carry keeps the finding and takes the fix away.
  if (Read)
    decideCarry(X, *Read);
  // A thread_local read here may be bridged in another translation unit.
  if (X.Lost && isa<VarDecl>(X.Lost) && wholeProgram()) {
    Candidate C = candidateFor(X);
    C.BoundaryNotes = boundaryNoteFacts(B, Call);
    recordRead(C, X, *Read);
    settle(X, std::move(C), SM);
    return;
  }

  emitWarning(X,
              callbackMessage(Target.Description, B.Name,
                              Read ? &Read->What : nullptr, B.ReportOnly,
                              whyReadIsLost(X.Lost, X.Adapter)),
              SM);
  for (auto &[Loc, Note] : boundaryNotes(B, Call))
    diag(Loc, "%0", DiagnosticIDs::Note) << Note;
  if (Read)
    emitReadNotes(*Read);
  if (X.Lost)
    emitBridgeAdvice(X.Lost);
}

std::string CallbackWithoutContextCheck::unsafeWrap(const Crossing &X,
                                                    unsigned Index) const {
  if (X.ReportOnly)
    return "";
  return whyWrapIsUnsafe(X.Call, Index, X.Adapter, minimumStandardOf(X.Adapter),
                         X.Spawned, !X.AssociatorHeader.empty(),
                         MemberInitializers.contains(X.Call->IgnoreImplicit()),
                         *Context);
}

void CallbackWithoutContextCheck::emitWarning(const Crossing &X,
                                              StringRef Message,
                                              const SourceManager &SM) {
  // A candidate's marker is replaced by the solve's message (the tool); the
  // missing fix-it still keeps the fix away.
  const bool Marker = parseCandidateMarker(Message).has_value();
  DiagnosticBuilder Diag =
      diag(X.Arg->getBeginLoc(), "%0")
      << (X.UnsafeWrap.empty() || Marker || X.Lost || X.NoFix
              ? Message.str()
              : (Message + "; no fix: " + X.UnsafeWrap).str());
  if (X.ReportOnly || X.Lost || X.NoFix || !X.UnsafeWrap.empty())
    return;
  std::optional<WrapFix> Fix =
      wrapInAdapter(X.Spawned ? calleeArguments(X.Call)[0] : X.Arg, X.Adapter,
                    SM, getLangOpts());
  if (!Fix)
    return;
  Diag << Fix->Edits;
  if (std::optional<FixItHint> Include = includeInsertion(Fix->File, X.Header))
    Diag << *Include;
  if (!X.Spawned && !X.AssociatorHeader.empty())
    if (std::optional<FixItHint> Include =
            includeInsertion(Fix->File, X.AssociatorHeader))
      Diag << *Include;
  if (!X.BridgeHeader.empty())
    if (std::optional<FixItHint> Include =
            includeInsertion(Fix->File, X.BridgeHeader))
      Diag << *Include;
}

std::optional<FixItHint>
CallbackWithoutContextCheck::includeInsertion(FileID File, StringRef Header) {
  if (!Sink)
    return Inserter.createIncludeInsertion(File, Header);
  auto [It, New] = Includes.try_emplace({File, Header.str()});
  if (New)
    It->second = Inserter.createIncludeInsertion(File, Header);
  return It->second;
}

//===--- Whole-program analysis -------------------------------------------===//

void CallbackWithoutContextCheck::checkPossibleBoundary(
    const Expr *Call, const SourceManager &SM) {
  const FunctionDecl *Callee = calledFunction(Call);
  if (!Callee || SM.isInSystemHeader(Callee->getLocation()) ||
      Sources.isAdapter(Callee))
    return;
  if (llvm::none_of(Callee->parameters(), [](const ParmVarDecl *Param) {
        return mayBeCallable(Param->getType());
      }))
    return;
  // A definition here that forwards none of its parameters is no boundary;
  // a virtual method may be overridden elsewhere by one that forwards.
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  const bool Virtual = Method && Method->isVirtual();
  const FunctionFacts *Own =
      Callee->hasBody() && !Virtual ? Extractor->factsOf(Callee) : nullptr;
  if (Callee->hasBody() && !Virtual && !Own)
    return;
  llvm::ArrayRef<const Expr *> Args = calleeArguments(Call);
  for (unsigned Index = 0;
       Index < Args.size() && Index < Callee->getNumParams(); ++Index) {
    if (!mayBeCallable(Callee->getParamDecl(Index)->getType()) ||
        isa<CXXDefaultArgExpr>(Args[Index]))
      continue;
    if (Own && llvm::none_of(Own->Forwards, [&](const ForwardFact &W) {
          return W.Param == Index;
        }))
      continue;
    Crossing X{.Call = Call,
               .Arg = Args[Index],
               .Boundary = plainQualifiedName(Callee),
               .Adapter = FixAdapter,
               .Header = FixHeader,
               .Target = classifyCallable(Args[Index], Sources)};
    const Callable &Target = X.Target;
    if (Target.Kind == CallableKind::NotCallable ||
        Target.Kind == CallableKind::Adapted ||
        isForwardedParameter(Target.Leaf) ||
        Boundaries.isAsioHandOff(Callee, Target.Body))
      continue;
    X.AssociatorHeader = Target.AssociatorHeader;
    if (Target.Body && Reads->activatesSnapshot(Target.Body))
      continue;
    if (isPackExpansionElement(X.Arg, *Context) ||
        !firstTimeAt(SM.getFileLoc(X.Arg->getBeginLoc())))
      continue;
    X.UnsafeWrap = unsafeWrap(X, Index);
    Candidate C = candidateFor(X);
    C.ForwardedTo = Extractor->keyOf(Callee);
    C.ForwardedParam = Index;
    if (C.ForwardedTo.empty())
      continue;
    if (Target.Body)
      if (std::optional<ContextRead> Read = Reads->findRead(Target.Body)) {
        decideCarry(X, *Read);
        recordRead(C, X, *Read);
      }
    if (!C.ReadWhat && Target.Body) {
      C.Callable = Extractor->keyOf(Target.Body);
      Extractor->factsOf(Target.Body);
    }
    if (!C.ReadWhat && C.Callable.empty() && !StrictMode)
      continue;
    settle(X, std::move(C), SM);
  }
}

Candidate CallbackWithoutContextCheck::candidateFor(const Crossing &X) {
  Candidate C;
  C.Loc = Extractor->locationOf(X.Arg->getBeginLoc());
  C.Description = X.Target.Description;
  C.Boundary = X.Boundary;
  C.ReportOnly = X.ReportOnly;
  C.StrictMode = StrictMode;
  C.Adapter = X.Adapter.str();
  return C;
}

void CallbackWithoutContextCheck::recordRead(Candidate &C, const Crossing &X,
                                             const ContextRead &Read) {
  C.ReadWhat = Read.What;
  C.ReadNotes = readNoteFacts(Read);
  if (!X.Lost)
    return;
  C.ReadLost = whyReadIsLost(X.Lost, X.Adapter);
  if (isa<VarDecl>(X.Lost))
    C.ReadLostVariable = Extractor->keyOf(X.Lost);
  C.LostAdvice = NoteFact{bridgeAdvice(X.Lost, Context->getPrintingPolicy()),
                          Extractor->locationOf(X.Lost->getLocation())};
}

std::vector<IncludeFact>
CallbackWithoutContextCheck::bridgeIncludes(const Crossing &X,
                                            const SourceManager &SM) {
  std::vector<IncludeFact> Result;
  const Expr *Wrapped = X.Spawned ? calleeArguments(X.Call)[0] : X.Arg;
  FileID File = SM.getFileID(SM.getFileLoc(Wrapped->getBeginLoc()));
  for (StringRef Header : Sources.bridgeHeaders())
    if (std::optional<FixItHint> Include = includeInsertion(File, Header))
      Result.push_back({Header.str(),
                        Extractor->locationOf(Include->RemoveRange.getBegin()),
                        Include->CodeToInsert});
  return Result;
}

std::vector<std::pair<SourceLocation, std::string>>
CallbackWithoutContextCheck::boundaryNotes(const Boundary &B,
                                           const Expr *Call) const {
  // An inferred boundary: where each wrapper hands the callable on; a library
  // template that forwards it is named at the call, not in its internals.
  std::vector<std::pair<SourceLocation, std::string>> Notes;
  const Expr *At = Call;
  for (const Boundary *Wrapper = &B; Wrapper;) {
    if (Wrapper->Override) {
      Notes.emplace_back(Wrapper->Override->getLocation(),
                         overrideNote(plainQualifiedName(Wrapper->Override)));
      Wrapper = Boundaries.lookup(Wrapper->Override);
      continue;
    }
    if (!Wrapper->Reaches.empty()) {
      Notes.emplace_back(At->getBeginLoc(),
                         forwardingNote(Wrapper->Name, Wrapper->Reaches));
      break;
    }
    if (!Wrapper->ForwardedTo)
      break;
    const Boundary *Inner = Boundaries.lookupCall(Wrapper->ForwardedTo);
    Notes.emplace_back(
        Wrapper->ForwardedTo->getBeginLoc(),
        forwardingNote(Wrapper->Name, Inner ? Inner->Name : "?"));
    At = Wrapper->ForwardedTo;
    Wrapper = Inner;
  }
  return Notes;
}

std::vector<NoteFact>
CallbackWithoutContextCheck::boundaryNoteFacts(const Boundary &B,
                                               const Expr *Call) {
  std::vector<NoteFact> Notes;
  for (auto &[Loc, Note] : boundaryNotes(B, Call))
    Notes.push_back({std::move(Note), Extractor->locationOf(Loc)});
  return Notes;
}

std::vector<NoteFact>
CallbackWithoutContextCheck::readNoteFacts(const ContextRead &Read) {
  std::vector<NoteFact> Notes;
  if (Read.Via)
    Notes.push_back({viaNote(Read.Via), Extractor->locationOf(Read.ViaLoc)});
  Notes.push_back({ReadHereNote.str(), Extractor->locationOf(Read.ReadLoc)});
  return Notes;
}

void CallbackWithoutContextCheck::settle(const Crossing &X, Candidate C,
                                         const SourceManager &SM) {
  // Whether the fix carries what the callable reads is decided with the
  // candidate (a bridge elsewhere, a read elsewhere).
  Crossing Decided = X;
  Decided.Lost = nullptr;
  if (Sink) {
    // Decided after the last translation unit; the provisional diagnostic
    // brings the fix-its (and NOLINT) through clang-tidy's machinery, as if
    // the fix carried everything: the tool drops them, or adds a bridge
    // header's include, as the solve decides.
    if (!C.ReadWhat && !C.Callable.empty())
      C.BridgeIncludes = bridgeIncludes(X, SM);
    emitWarning(Decided, candidateMarker(Sink->addCandidate(std::move(C))), SM);
    return;
  }
  if (!Solution)
    return;
  std::optional<Decision> D = decide(C, *Solution);
  if (!D)
    return;
  Decided.NoFix = !D->Fix;
  if (!D->BridgeHeader.empty())
    Decided.BridgeHeader = D->BridgeHeader;
  emitWarning(Decided, D->Message, SM);
  for (const NoteFact &Note : D->Notes)
    diag(locate(Note.Loc), "%0", DiagnosticIDs::Note) << Note.Message;
}

SourceLocation CallbackWithoutContextCheck::locate(const FactLocation &Loc) {
  // A note in a file this translation unit does not include: load it, so that
  // clang-tidy shows the line like any other.
  SourceManager &SM = Context->getSourceManager();
  OptionalFileEntryRef File = SM.getFileManager().getOptionalFileRef(Loc.File);
  if (!File)
    return {};
  FileID ID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
  if (Loc.Offset > SM.getBufferData(ID).size())
    return {};
  return SM.getComposedLoc(ID, Loc.Offset);
}

} // namespace asyncctx

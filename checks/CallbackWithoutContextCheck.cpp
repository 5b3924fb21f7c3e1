//===--- CallbackWithoutContextCheck.cpp - asyncctx -----------------------===//

#include "checks/CallbackWithoutContextCheck.h"
#include "checks/CallableArgument.h"
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
}

void CallbackWithoutContextCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  Inserter.registerPreprocessor(PP);
}

void CallbackWithoutContextCheck::registerMatchers(MatchFinder *Finder) {
  // As-is traversal on purpose: a boundary call whose arguments depend on a
  // template parameter is only resolved in the instantiations, which
  // IgnoreUnlessSpelledInSource skips. `Decided` keeps it to one report.
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
  Uncarried.reset();
  NeedsBridge.reset();
}

void CallbackWithoutContextCheck::check(
    const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<Expr>("call");
  const Boundary *B = Boundaries.lookupCall(Call);
  if (Boundaries.propagates(*B, Call))
    return;
  collectBridges(*Result.Context);
  for (unsigned Index : BoundaryCatalogue::callableArguments(*B, Call))
    checkArgument(*B, Call, Index, *Result.Context);
}

void CallbackWithoutContextCheck::prepareCarryAnalysis() {
  if (Uncarried)
    return;
  Uncarried = std::make_unique<ReadsOfKind>(
      Sources.onlyCarried(Carry::NotCarried), Boundaries);
  NeedsBridge = std::make_unique<ReadsOfKind>(
      Sources.onlyCarried(Carry::WithBridge), Boundaries);
}

void CallbackWithoutContextCheck::emitBridgeAdvice(const NamedDecl *Declaration,
                                                   ASTContext &Context) {
  if (const auto *Var = dyn_cast<VarDecl>(Declaration)) {
    std::string Name = plainQualifiedName(Var);
    diag(Var->getLocation(),
         "register a bridge: static const auto %0_bridge = "
         "asyncctx::bridge([]() -> %1 & { return %2; });",
         DiagnosticIDs::Note)
        << Var->getName()
        << Var->getType().getUnqualifiedType().getAsString(
               Context.getPrintingPolicy())
        << Name;
    return;
  }
  diag(Declaration->getLocation(),
       "register a bridge for '%0' (docs/runtime.md, \"Bridges\") and list "
       "it in the option BridgedSources",
       DiagnosticIDs::Note)
      << plainQualifiedName(Declaration);
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
                                                ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  llvm::ArrayRef<const Expr *> Args = calleeArguments(Call);
  const Expr *Arg = Args[Index];
  if (!firstTimeAt(SM.getFileLoc(Arg->getBeginLoc())))
    return;
  // A spawned coroutine runs on the spawn's executor, and a lazily started
  // body runs outside any wrapped call: the executor must carry the context.
  const bool Spawned = B.isSpawnedCoroutine(Index);
  Callable Target =
      Spawned ? spawnedCoroutine(Arg, Sources) : classifyCallable(Arg, Sources);
  if (Target.Kind == CallableKind::NotCallable ||
      Target.Kind == CallableKind::Adapted || isForwardedParameter(Target.Leaf))
    return;
  if (Target.Body && Reads->activatesSnapshot(Target.Body))
    return;
  std::optional<ContextRead> Read;
  if (Target.Body)
    Read = Reads->findRead(Target.Body);
  if (!Read && !StrictMode)
    return;
  // Offer only a fix that carries everything the callable reads
  // (docs/checks/asyncctx-callback-without-context.md#which-reads-get-a-fix):
  // a read the adapter cannot carry keeps the finding and takes the fix away.
  const NamedDecl *Lost = nullptr;
  StringRef BridgeHeader;
  if (Read) {
    prepareCarryAnalysis();
    if (std::optional<ContextRead> LostRead =
            Uncarried->Reads.findRead(Target.Body)) {
      Read = LostRead;
      Lost = Sources.carry(Read->Source).Uncarried;
    } else if (std::optional<ContextRead> BridgedRead =
                   NeedsBridge->Reads.findRead(Target.Body)) {
      BridgeHeader = Sources.carry(BridgedRead->Source).BridgeHeader;
    }
  }

  const Expr *Wrapped = Spawned ? Args[0] : Arg;
  auto [Adapter, Header] =
      Spawned ? spawnAdapterAndHeader(B)
              : std::pair<StringRef, StringRef>(FixAdapter, FixHeader);
  // Why a read stays lost: none, a thread_local, a catalogue source.
  const unsigned WhyLost = !Lost ? 0 : isa<VarDecl>(Lost) ? 1 : 2;
  {
    DiagnosticBuilder Diag =
        diag(Arg->getBeginLoc(),
             "%0 passed to '%1' runs without the caller's async "
             "context%select{|; it reads '%3'%select{|, a thread_local that "
             "'%6' does not carry without a bridge| from '%7', which '%6' "
             "does not carry without a bridge}5}2%select{|; a C callback "
             "cannot be wrapped in place, pass the context through its "
             "argument}4")
        << Target.Description << B.Name << Read.has_value()
        << (Read ? Read->What : std::string()) << B.ReportOnly << WhyLost
        << Adapter << (Lost ? plainQualifiedName(Lost) : std::string());
    std::optional<WrapFix> Fix;
    if (!B.ReportOnly && !Lost)
      Fix = wrapInAdapter(Wrapped, Adapter, SM, getLangOpts());
    if (Fix) {
      Diag << Fix->Edits;
      if (std::optional<FixItHint> Include =
              Inserter.createIncludeInsertion(Fix->File, Header))
        Diag << *Include;
      if (!Spawned && !Target.AssociatorHeader.empty())
        if (std::optional<FixItHint> Include = Inserter.createIncludeInsertion(
                Fix->File, Target.AssociatorHeader))
          Diag << *Include;
      if (!BridgeHeader.empty())
        if (std::optional<FixItHint> Include =
                Inserter.createIncludeInsertion(Fix->File, BridgeHeader))
          Diag << *Include;
    }
  }
  // An inferred boundary: show where each wrapper hands the callable on.
  for (const Boundary *Wrapper = &B; Wrapper && Wrapper->ForwardedTo;) {
    const Boundary *Inner = Boundaries.lookupCall(Wrapper->ForwardedTo);
    diag(Wrapper->ForwardedTo->getBeginLoc(),
         "'%0' passes it to '%1' here, which runs it asynchronously",
         DiagnosticIDs::Note)
        << Wrapper->Name << (Inner ? Inner->Name : std::string("?"));
    Wrapper = Inner;
  }
  if (Read)
    emitReadNotes(*Read);
  if (Lost)
    emitBridgeAdvice(Lost, Context);
}

} // namespace asyncctx

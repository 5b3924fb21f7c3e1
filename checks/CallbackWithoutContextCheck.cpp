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

std::optional<bool> parseBool(StringRef Value) {
  if (Value.equals_insensitive("true") || Value == "1")
    return true;
  if (Value.equals_insensitive("false") || Value == "0")
    return false;
  return std::nullopt;
}

} // namespace

CallbackWithoutContextCheck::CallbackWithoutContextCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckName(Name.str()), StrictMode([&] {
        StringRef Value = Options.get("StrictMode", "false");
        if (std::optional<bool> Parsed = parseBool(Value))
          return *Parsed;
        configurationDiag("invalid value '%0' for option '%1': expected "
                          "'true' or 'false'",
                          DiagnosticIDs::Error)
            << Value << (Name + ".StrictMode").str();
        return false;
      }()),
      FixAdapter(Options.get("FixAdapter", "asyncctx::wrap")), FixHeader([&] {
        // IncludeInserter quotes a header unless it is in angle brackets;
        // accept the quotes a user may write as well.
        StringRef Header = Options.get("FixHeader", "<asyncctx/asyncctx.hpp>");
        if (Header.size() >= 2 && Header.starts_with("\"") &&
            Header.ends_with("\""))
          Header = Header.drop_front().drop_back();
        return Header.str();
      }()),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()),
      Sources(readNameList("ContextSources"), readNameList("Adapters"),
              readNameList("RestoreGuards")),
      Boundaries(Sources, readBoundaryList(),
                 readNameList("PropagatingBoundaries")) {
  if (!isQualifiedIdentifier(FixAdapter))
    configurationDiag("invalid value '%0' for option '%1': expected a "
                      "qualified function name",
                      DiagnosticIDs::Error)
        << FixAdapter << (Name + ".FixAdapter").str();
  if (StringRef(FixHeader).trim().empty())
    configurationDiag("invalid value '' for option '%0': expected a header "
                      "such as <asyncctx/asyncctx.hpp>",
                      DiagnosticIDs::Error)
        << (Name + ".FixHeader").str();
}

std::vector<std::string>
CallbackWithoutContextCheck::readNameList(StringRef Option) {
  StringRef Value = Options.get(Option, "");
  NameListParse Parsed = parseQualifiedNameList(Value);
  for (const std::string &Error : Parsed.Errors)
    configurationDiag("invalid option '%0': %1", DiagnosticIDs::Error)
        << (CheckName + "." + Option).str() << Error;
  Raw[Option.str()] = Value.str();
  return Parsed.Names;
}

std::vector<Boundary> CallbackWithoutContextCheck::readBoundaryList() {
  StringRef Value = Options.get("Boundaries", "");
  BoundaryListParse Parsed = parseBoundaryList(Value);
  for (const std::string &Error : Parsed.Errors)
    configurationDiag("invalid option '%0': %1", DiagnosticIDs::Error)
        << (CheckName + ".Boundaries") << Error;
  Raw["Boundaries"] = Value.str();
  return Parsed.Entries;
}

void CallbackWithoutContextCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "StrictMode", StrictMode);
  Options.store(Opts, "ContextSources", Raw["ContextSources"]);
  Options.store(Opts, "Adapters", Raw["Adapters"]);
  Options.store(Opts, "RestoreGuards", Raw["RestoreGuards"]);
  Options.store(Opts, "Boundaries", Raw["Boundaries"]);
  Options.store(Opts, "PropagatingBoundaries", Raw["PropagatingBoundaries"]);
  Options.store(Opts, "FixAdapter", FixAdapter);
  Options.store(Opts, "FixHeader", FixHeader);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void CallbackWithoutContextCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  Inserter.registerPreprocessor(PP);
}

void CallbackWithoutContextCheck::onStartOfTranslationUnit() {
  // Everything memoized is keyed by declarations of the previous AST.
  Sources.clearMemo();
  Boundaries.clearMemo();
  Reads = std::make_unique<ContextReadFinder>(Sources, Boundaries);
  Decided.clear();
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

void CallbackWithoutContextCheck::check(
    const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<Expr>("call");
  const Boundary *B = Boundaries.lookupCall(Call);
  if (B->Propagates)
    return;
  llvm::ArrayRef<const Expr *> Args = calleeArguments(Call);
  for (unsigned Index : BoundaryCatalogue::callableArguments(*B, Call))
    checkArgument(*B, Args[Index], *Result.SourceManager);
}

/// Whether \p Leaf is a parameter of the function the call is in: the
/// callable comes from that function's caller, which makes the function an
/// inferred boundary; the finding belongs to the outermost caller (BRIEF 7.3).
static bool isForwardedParameter(const Expr *Leaf) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Leaf);
  return Ref && isa<ParmVarDecl>(Ref->getDecl()) &&
         isa<FunctionDecl>(Ref->getDecl()->getDeclContext());
}

void CallbackWithoutContextCheck::checkArgument(const Boundary &B,
                                                const Expr *Arg,
                                                const SourceManager &SM) {
  if (!Decided.insert(SM.getFileLoc(Arg->getBeginLoc())).second)
    return;
  Callable Target = classifyCallable(Arg, Sources);
  if (Target.Kind == CallableKind::NotCallable ||
      Target.Kind == CallableKind::Adapted ||
      isForwardedParameter(Target.Leaf))
    return;
  if (Target.Body && Reads->activatesSnapshot(Target.Body))
    return;
  std::optional<ContextRead> Read;
  if (Target.Body)
    Read = Reads->findRead(Target.Body);
  if (!Read && !StrictMode)
    return;

  {
    DiagnosticBuilder Diag =
        diag(Arg->getBeginLoc(),
             "%0 passed to '%1' runs without the caller's async "
             "context%select{|; it reads '%3'}2%select{|; a C callback cannot "
             "be wrapped in place, pass the context through its argument}4")
        << Target.Description << B.Name << Read.has_value()
        << (Read ? Read->What : std::string()) << B.ReportOnly;
    if (!B.ReportOnly)
      if (std::optional<WrapFix> Fix =
              wrapInAdapter(Arg, FixAdapter, SM, getLangOpts())) {
        Diag << Fix->Edits;
        if (std::optional<FixItHint> Include =
                Inserter.createIncludeInsertion(Fix->File, FixHeader))
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
  if (!Read)
    return;
  if (Read->Via) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Read->Via);
    if (Method && Method->getParent()->isLambda())
      diag(Read->ViaLoc, "through the lambda that runs here",
           DiagnosticIDs::Note);
    else
      diag(Read->ViaLoc, "through this call to '%0'", DiagnosticIDs::Note)
          << Read->Via->getNameAsString();
  }
  diag(Read->ReadLoc, "context is read here", DiagnosticIDs::Note);
}

} // namespace asyncctx

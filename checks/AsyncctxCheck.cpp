//===--- AsyncctxCheck.cpp - asyncctx -------------------------------------===//

#include "checks/AsyncctxCheck.h"
#include "checks/ProgramSolver.h"
#include "checks/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace asyncctx {

AsyncctxCheck::AsyncctxCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckName(Name.str()),
      Sources(readNameList("ContextSources"), readNameList("Adapters"),
              readNameList("RestoreGuards")),
      Boundaries(Sources, readBoundaryList(),
                 readNameList("PropagatingBoundaries")) {}

void AsyncctxCheck::optionError(StringRef Option, const Twine &Problem) {
  configurationDiag("invalid option '%0': %1", DiagnosticIDs::Error)
      << (CheckName + "." + Option).str() << Problem.str();
}

bool AsyncctxCheck::readBool(StringRef Option, bool Default) {
  if (std::optional<bool> Value = Options.get<bool>(Option))
    return *Value;
  // clang-tidy has warned already; a malformed value is an error here
  // (docs/decisions.md#options).
  if (std::optional<StringRef> Malformed = Options.get(Option))
    optionError(Option, "'" + *Malformed + "' is not a boolean");
  return Default;
}

std::vector<std::string> AsyncctxCheck::readNameList(StringRef Option) {
  StringRef Value = Options.getLocalOrGlobal(Option, "");
  NameListParse Parsed = parseQualifiedNameList(Value);
  for (const std::string &Error : Parsed.Errors)
    optionError(Option, Error);
  Raw[Option.str()] = Value.str();
  return Parsed.Names;
}

std::vector<Boundary> AsyncctxCheck::readBoundaryList() {
  StringRef Value = Options.getLocalOrGlobal("Boundaries", "");
  BoundaryListParse Parsed = parseBoundaryList(Value);
  for (const std::string &Error : Parsed.Errors)
    optionError("Boundaries", Error);
  Raw["Boundaries"] = Value.str();
  return Parsed.Entries;
}

void AsyncctxCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  for (const auto &Option : Raw)
    Options.store(Opts, Option.getKey(), Option.getValue());
}

std::string AsyncctxCheck::viaNote(const FunctionDecl *Via) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Via);
  return throughCallNote(Method && Method->getParent()->isLambda()
                             ? std::string()
                             : Via->getNameAsString());
}

void AsyncctxCheck::emitReadNotes(const ContextRead &Read) {
  if (Read.Via)
    diag(Read.ViaLoc, "%0", DiagnosticIDs::Note) << viaNote(Read.Via);
  diag(Read.ReadLoc, ReadHereNote, DiagnosticIDs::Note);
}

void AsyncctxCheck::onStartOfTranslationUnit() {
  // Everything memoized is keyed by declarations of the previous AST.
  Sources.clearMemo();
  Boundaries.clearMemo();
  Reads = std::make_unique<ContextReadFinder>(Sources, Boundaries);
  Decided.clear();
  BridgesCollected = false;
  Bridges.clear();
}

const std::vector<RegisteredBridge> &
AsyncctxCheck::collectBridges(ASTContext &Context) {
  if (BridgesCollected)
    return Bridges;
  BridgesCollected = true;
  Bridges = bridgedVariables(Context);
  Sources.addBridgedInTranslationUnit(Bridges);
  return Bridges;
}

} // namespace asyncctx

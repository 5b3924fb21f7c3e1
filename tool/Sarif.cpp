//===--- Sarif.cpp - asyncctx standalone tool -----------------------------===//
//
// The SARIF 2.1.0 report.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace asyncctx::tool {

//===--- SARIF ------------------------------------------------------------===//

namespace {
struct RuleInfo {
  const char *Id, *Name, *Short, *Full, *Help;
};
// The rule metadata is the check registry's: checks/Checks.def.
const RuleInfo Rules[] = {
#define ASYNCCTX_CHECK(Name, Class, ShortDescription, FullDescription, Help)   \
  {Name, #Class, ShortDescription, FullDescription, Help},
#include "checks/Checks.def"
};

const RuleInfo *findRule(llvm::StringRef Id) {
  for (const RuleInfo &R : Rules)
    if (Id == R.Id)
      return &R;
  return nullptr;
}

/// \p Path with everything but unreserved characters and '/' percent-encoded
/// (RFC 3986), as a URI path needs.
std::string percentEncode(llvm::StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-_.~").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr((unsigned char)C, false, 2);
  }
  return Out;
}

llvm::json::Object artifact(llvm::StringRef File, llvm::StringRef Root) {
  std::string Rel = relativePath(File, Root);
  if (Rel != File)
    return llvm::json::Object{{"uri", percentEncode(Rel)},
                              {"uriBaseId", "SRCROOT"}};
  return llvm::json::Object{{"uri", "file://" + percentEncode(File)}};
}

/// The column of \p P in UTF-16 code units, as the run's `columnKind`
/// declares (GitHub code scanning counts them so); Position counts bytes.
unsigned utf16Column(const Position &P) {
  if (!P.Column)
    return 0;
  llvm::StringRef Before = lineText(P).take_front(P.Column - 1);
  unsigned Column = 1 + (P.Column - 1 - Before.size());
  for (unsigned char C : Before)
    if ((C & 0xC0) != 0x80)        // not a UTF-8 continuation byte
      Column += C >= 0xF0 ? 2 : 1; // beyond the BMP: a surrogate pair
  return Column;
}

llvm::json::Object physical(const Position &P, llvm::StringRef Root) {
  llvm::json::Object Region{{"startLine", std::max(1u, P.Line)}};
  if (P.Column)
    Region["startColumn"] = utf16Column(P);
  return llvm::json::Object{{"artifactLocation", artifact(P.File, Root)},
                            {"region", std::move(Region)}};
}

/// Line/column of an offset in a file, for fix regions.
Position at(llvm::StringRef File, unsigned Offset) {
  Position P;
  P.File = File.str();
  P.Offset = Offset;
  fillLineColumn(P);
  return P;
}

/// Every asyncctx check, plus any other name that was reported.
std::vector<std::string> ruleIds(const Report &R) {
  std::vector<std::string> Ids;
  for (const RuleInfo &Rule : Rules)
    Ids.push_back(Rule.Id);
  for (const std::vector<Finding> *Findings : {&R.Findings, &R.Suppressed})
    for (const Finding &F : *Findings)
      if (!llvm::is_contained(Ids, F.Check))
        Ids.push_back(F.Check);
  return Ids;
}

llvm::json::Object rule(llvm::StringRef Id, llvm::StringRef Docs) {
  llvm::json::Object Rule{{"id", Id.str()}};
  if (const RuleInfo *Info = findRule(Id)) {
    Rule["name"] = Info->Name;
    if (!Docs.empty())
      Rule["helpUri"] = (Docs + "/checks/" + Id + ".md").str();
    Rule["shortDescription"] = llvm::json::Object{{"text", Info->Short}};
    Rule["fullDescription"] = llvm::json::Object{{"text", Info->Full}};
    Rule["help"] =
        llvm::json::Object{{"text", Info->Help}, {"markdown", Info->Help}};
  } else {
    Rule["shortDescription"] = llvm::json::Object{{"text", Id.str()}};
  }
  Rule["defaultConfiguration"] = llvm::json::Object{{"level", "warning"}};
  Rule["properties"] = llvm::json::Object{
      {"tags", llvm::json::Array{"concurrency", "correctness"}}};
  return Rule;
}

llvm::json::Array fixes(const Finding &F, llvm::StringRef Root) {
  std::map<std::string, llvm::json::Array> ByFile;
  for (const clang::tooling::Replacement &E : F.Fixes) {
    Position Start = at(E.getFilePath(), E.getOffset());
    Position End = at(E.getFilePath(), E.getOffset() + E.getLength());
    ByFile[E.getFilePath().str()].push_back(llvm::json::Object{
        {"deletedRegion",
         llvm::json::Object{{"startLine", Start.Line},
                            {"startColumn", utf16Column(Start)},
                            {"endLine", End.Line},
                            {"endColumn", utf16Column(End)}}},
        {"insertedContent",
         llvm::json::Object{{"text", E.getReplacementText().str()}}}});
  }
  llvm::json::Array Changes;
  for (auto &Entry : ByFile)
    Changes.push_back(
        llvm::json::Object{{"artifactLocation", artifact(Entry.first, Root)},
                           {"replacements", std::move(Entry.second)}});
  return llvm::json::Array{llvm::json::Object{
      {"description",
       llvm::json::Object{{"text", "Wrap in the context adapter"}}},
      {"artifactChanges", std::move(Changes)}}};
}

/// The path from the callable to the context read (the notes, in order) as
/// one thread flow, which code scanning shows step by step.
llvm::json::Array codeFlows(const Finding &F, llvm::StringRef Root) {
  llvm::json::Array Steps;
  auto Step = [&](const Position &P, llvm::StringRef Message) {
    llvm::json::Object Location{
        {"physicalLocation", physical(P, Root)},
        {"message", llvm::json::Object{{"text", Message}}}};
    Steps.push_back(llvm::json::Object{{"location", std::move(Location)}});
  };
  Step(F.Pos, F.Message);
  for (const Note &N : F.Notes)
    Step(N.Pos, N.Message);
  return llvm::json::Array{llvm::json::Object{
      {"threadFlows", llvm::json::Array{llvm::json::Object{
                          {"locations", std::move(Steps)}}}}}};
}

llvm::json::Object result(const Finding &F, unsigned RuleIndex,
                          llvm::StringRef Root) {
  llvm::json::Object Result{
      {"ruleId", F.Check},
      {"ruleIndex", RuleIndex},
      {"level", F.Level == "error" ? "error" : "warning"},
      {"message", llvm::json::Object{{"text", F.Message}}},
      {"locations", llvm::json::Array{llvm::json::Object{
                        {"physicalLocation", physical(F.Pos, Root)}}}}};
  if (!F.Fingerprint.empty())
    Result["partialFingerprints"] =
        llvm::json::Object{{"asyncctxFingerprint/v1", F.Fingerprint}};
  if (!F.Notes.empty()) {
    llvm::json::Array Related;
    unsigned Id = 1;
    for (const Note &N : F.Notes)
      Related.push_back(llvm::json::Object{
          {"id", Id++},
          {"message", llvm::json::Object{{"text", N.Message}}},
          {"physicalLocation", physical(N.Pos, Root)}});
    Result["relatedLocations"] = std::move(Related);
    Result["codeFlows"] = codeFlows(F, Root);
  }
  if (F.SuppressedBy == "baseline")
    Result["suppressions"] = llvm::json::Array{llvm::json::Object{
        {"kind", "external"},
        {"status", "accepted"},
        {"justification", "recorded in the baseline (asyncctx --baseline)"}}};
  if (!F.Fixes.empty())
    Result["fixes"] = fixes(F, Root);
  return Result;
}

/// Whether the run succeeded, and why not.
llvm::json::Object invocation(const Report &R) {
  llvm::json::Array Notifications;
  auto Notify = [&](const std::string &Text, std::optional<Position> Where) {
    llvm::json::Object N{{"level", "error"},
                         {"message", llvm::json::Object{{"text", Text}}}};
    if (Where)
      N["locations"] = llvm::json::Array{
          llvm::json::Object{{"physicalLocation", physical(*Where, R.Root)}}};
    Notifications.push_back(std::move(N));
  };
  for (const ParseFailure &T : R.Failed) {
    std::string Text = "the translation unit failed to parse";
    if (!T.Errors.empty())
      Text += ": " + T.Errors.front().Message;
    Notify(Text, T.Errors.empty() ? Position{T.File} : T.Errors.front().Pos);
  }
  for (const std::string &E : R.ConfigErrors)
    Notify(E, std::nullopt);
  for (const std::string &E : R.Summary.ToolErrors)
    Notify(E, std::nullopt);
  bool Successful = R.ConfigErrors.empty() && R.Summary.ToolErrors.empty() &&
                    (R.Failed.empty() || R.Summary.AllowParseErrors);
  llvm::json::Object Invocation{{"executionSuccessful", Successful}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  return Invocation;
}

/// The docs directory as a URI: --docs-url, else the docs installed next to
/// the tool (share/doc/asyncctx) or those of the source tree it was built
/// from; empty if none is found (docs/tool.md, "Reporting").
std::string docsURL(const Report &R) {
  if (!R.DocsURL.empty())
    return llvm::StringRef(R.DocsURL).rtrim('/').str();
  std::string Executable = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::SmallString<256> Installed(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Executable)));
  llvm::sys::path::append(Installed, ASYNCCTX_INSTALL_DOCDIR);
  for (llvm::StringRef Dir :
       {llvm::StringRef(Installed), llvm::StringRef(ASYNCCTX_SOURCE_DOCS)})
    if (llvm::sys::fs::is_directory(Dir + "/checks"))
      return "file://" + percentEncode(Dir);
  return "";
}

} // namespace

void writeSARIF(llvm::raw_ostream &OS, const Report &R) {
  std::vector<std::string> RuleIds = ruleIds(R);
  std::string Docs = docsURL(R);
  llvm::json::Array Rules, Results;
  for (const std::string &Id : RuleIds)
    Rules.push_back(rule(Id, Docs));
  auto Add = [&](const Finding &F) {
    Results.push_back(
        result(F, llvm::find(RuleIds, F.Check) - RuleIds.begin(), R.Root));
  };
  llvm::for_each(R.Findings, Add);
  // Baseline-accepted findings stay visible as suppressed; those outside
  // --diff were not looked at and are left out.
  for (const Finding &F : R.Suppressed)
    if (F.SuppressedBy == "baseline")
      Add(F);
  std::string RootURI = "file://" + percentEncode(R.Root);
  if (!llvm::StringRef(RootURI).ends_with("/"))
    RootURI += "/";
  llvm::json::Object Driver{{"name", "asyncctx"},
                            {"version", ASYNCCTX_VERSION},
                            {"semanticVersion", ASYNCCTX_VERSION},
                            {"rules", std::move(Rules)}};
  if (!Docs.empty())
    Driver["informationUri"] = Docs + "/tool.md";
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
      {"invocations", llvm::json::Array{invocation(R)}},
      {"columnKind", "utf16CodeUnits"},
      {"results", std::move(Results)}};
  if (!R.Root.empty())
    Run["originalUriBaseIds"] =
        llvm::json::Object{{"SRCROOT", llvm::json::Object{{"uri", RootURI}}}};
  llvm::json::Object Doc{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
}

} // namespace asyncctx::tool

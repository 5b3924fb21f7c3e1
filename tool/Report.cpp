//===--- Report.cpp - asyncctx standalone tool ----------------------------===//
//
// Findings across translation units, fingerprints, the baseline, and the
// text, JSON and SARIF 2.1.0 reports.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <mutex>

namespace asyncctx::tool {

//===--- Source text ------------------------------------------------------===//

namespace {
struct FileText {
  bool Loaded = false;
  std::string Text;
  std::vector<unsigned> LineStarts;
};

FileText &fileText(llvm::StringRef File) {
  static std::mutex M;
  static std::map<std::string, FileText> Cache;
  std::lock_guard<std::mutex> Lock(M);
  FileText &T = Cache[File.str()];
  if (!T.Loaded) {
    T.Loaded = true;
    if (auto B = llvm::MemoryBuffer::getFile(File))
      T.Text = (*B)->getBuffer().str();
    T.LineStarts.push_back(0);
    for (unsigned I = 0; I < T.Text.size(); ++I)
      if (T.Text[I] == '\n')
        T.LineStarts.push_back(I + 1);
  }
  return T;
}

llvm::StringRef lineText(const Position &P) {
  if (P.File.empty() || P.Line == 0)
    return "";
  FileText &T = fileText(P.File);
  if (P.Line > T.LineStarts.size())
    return "";
  unsigned Start = T.LineStarts[P.Line - 1];
  llvm::StringRef Rest = llvm::StringRef(T.Text).substr(Start);
  return Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
}
} // namespace

void fillLineColumn(Position &P) {
  if (P.File.empty())
    return;
  FileText &T = fileText(P.File);
  auto It =
      std::upper_bound(T.LineStarts.begin(), T.LineStarts.end(), P.Offset);
  unsigned Line = It - T.LineStarts.begin();
  P.Line = Line;
  P.Column = P.Offset - T.LineStarts[Line - 1] + 1;
}

std::string relativePath(llvm::StringRef File, llvm::StringRef Root) {
  if (Root.empty())
    return File.str();
  llvm::SmallString<256> R(Root);
  if (!R.ends_with("/"))
    R += "/";
  if (File.starts_with(R))
    return File.drop_front(R.size()).str();
  return File.str();
}

//===--- Collecting -------------------------------------------------------===//

static auto sortKey(const Finding &F) {
  return std::tie(F.Pos.File, F.Pos.Line, F.Pos.Column, F.Check, F.Message);
}

std::vector<Finding> collectFindings(std::vector<TUResult> &Results) {
  // A finding in a header reached from several TUs is one finding; the first
  // TU (in sorted order) that reports it provides notes and edits.
  std::map<std::tuple<std::string, std::string, unsigned, std::string>, Finding>
      Unique;
  // Edits are united: TUs that configure the fix differently (FixAdapter in
  // their own .clang-tidy) must surface as a conflict, not as a silent choice.
  for (TUResult &R : Results)
    for (Finding &F : R.Findings) {
      auto [It, New] = Unique.emplace(
          std::make_tuple(F.Check, F.Pos.File, F.Pos.Offset, F.Message), F);
      if (!New)
        It->second.Edits.insert(It->second.Edits.end(), F.Edits.begin(),
                                F.Edits.end());
    }
  std::vector<Finding> Out;
  for (auto &Entry : Unique) {
    Finding F = Entry.second;
    fillLineColumn(F.Pos);
    for (Note &N : F.Notes)
      fillLineColumn(N.Pos);
    std::sort(F.Edits.begin(), F.Edits.end());
    F.Edits.erase(std::unique(F.Edits.begin(), F.Edits.end()), F.Edits.end());
    Out.push_back(std::move(F));
  }
  std::sort(Out.begin(), Out.end(), [](const Finding &A, const Finding &B) {
    return sortKey(A) < sortKey(B);
  });
  for (TUResult &R : Results)
    for (Finding &E : R.Errors) {
      fillLineColumn(E.Pos);
      for (Note &N : E.Notes)
        fillLineColumn(N.Pos);
    }
  return Out;
}

static std::string normalizedLine(const Position &P) {
  std::string Out;
  for (char C : lineText(P))
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root) {
  // Not the line number: inserting lines above a finding keeps it. The
  // occurrence index separates identical findings on identical lines.
  std::map<std::string, unsigned> Seen;
  for (Finding &F : Findings) {
    std::string Key = F.Check + '\0' + relativePath(F.Pos.File, Root) + '\0' +
                      normalizedLine(F.Pos) + '\0' + F.Message;
    unsigned Occurrence = Seen[Key]++;
    Key += '\0' + std::to_string(Occurrence);
    auto Hash = llvm::SHA1::hash(llvm::arrayRefFromStringRef(Key));
    F.Fingerprint = llvm::toHex(llvm::ArrayRef<uint8_t>(Hash.data(), 16), true);
  }
}

//===--- Text -------------------------------------------------------------===//

static void writeLocationLine(llvm::raw_ostream &OS, const Position &P,
                              llvm::StringRef Level, llvm::StringRef Message,
                              llvm::StringRef Check) {
  if (!P.File.empty())
    OS << P.File << ":" << P.Line << ":" << P.Column << ": ";
  OS << Level << ": " << Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS << "\n";
  llvm::StringRef Line = lineText(P);
  if (Line.empty())
    return;
  OS << Line << "\n";
  std::string Caret;
  for (unsigned I = 0; I + 1 < P.Column && I < Line.size(); ++I)
    Caret += Line[I] == '\t' ? '\t' : ' ';
  OS << Caret << "^\n";
}

static void writeFinding(llvm::raw_ostream &OS, const Finding &F) {
  writeLocationLine(OS, F.Pos, F.Level, F.Message, F.Check);
  for (const Note &N : F.Notes)
    writeLocationLine(OS, N.Pos, "note", N.Message, "");
}

static constexpr unsigned ErrorsShown = 3;

void writeText(llvm::raw_ostream &OS, const Report &R) {
  for (const Finding &F : R.Findings)
    writeFinding(OS, F);
  for (const TUResult *T : R.Failed) {
    for (unsigned I = 0; I < T->Errors.size() && I < ErrorsShown; ++I)
      writeFinding(OS, T->Errors[I]);
    OS << T->File << ": error: the translation unit failed to parse ("
       << T->Errors.size() << " error" << (T->Errors.size() == 1 ? "" : "s")
       << "); its findings may be incomplete\n";
  }
}

//===--- JSON -------------------------------------------------------------===//

static llvm::json::Object positionJSON(const Position &P) {
  return llvm::json::Object{{"file", P.File},
                            {"line", P.Line},
                            {"column", P.Column},
                            {"offset", P.Offset}};
}

static llvm::json::Value findingJSON(const Finding &F, llvm::StringRef Root) {
  llvm::json::Object O = positionJSON(F.Pos);
  O["check"] = F.Check;
  O["level"] = F.Level;
  O["message"] = F.Message;
  O["path"] = relativePath(F.Pos.File, Root);
  if (!F.Fingerprint.empty())
    O["fingerprint"] = F.Fingerprint;
  llvm::json::Array Notes;
  for (const Note &N : F.Notes) {
    llvm::json::Object NO = positionJSON(N.Pos);
    NO["message"] = N.Message;
    Notes.push_back(std::move(NO));
  }
  O["notes"] = std::move(Notes);
  llvm::json::Array Edits;
  for (const Edit &E : F.Edits)
    Edits.push_back(llvm::json::Object{{"file", E.File},
                                       {"offset", E.Offset},
                                       {"length", E.Length},
                                       {"replacement", E.Text}});
  O["fixes"] = std::move(Edits);
  return O;
}

void writeJSON(llvm::raw_ostream &OS, const Report &R) {
  llvm::json::Array Findings;
  for (const Finding &F : R.Findings)
    Findings.push_back(findingJSON(F, R.Root));
  llvm::json::Array Failed;
  for (const TUResult *T : R.Failed) {
    llvm::json::Array Errors;
    for (const Finding &E : T->Errors)
      Errors.push_back(findingJSON(E, R.Root));
    Failed.push_back(
        llvm::json::Object{{"file", T->File}, {"errors", std::move(Errors)}});
  }
  llvm::json::Array ToolErrors;
  for (const std::string &E : R.Summary.ToolErrors)
    ToolErrors.push_back(E);
  for (const std::string &E : R.ConfigErrors)
    ToolErrors.push_back(E);
  // A shard's facts and undecided candidates, for `asyncctx merge`.
  llvm::json::Object Program;
  if (!R.Units.empty() || !R.Candidates.empty()) {
    llvm::json::Array Units, Candidates;
    for (const UnitFacts &U : R.Units)
      Units.push_back(toJSON(U));
    for (const auto &[F, C] : R.Candidates)
      Candidates.push_back(llvm::json::Object{
          {"finding", findingJSON(F, R.Root)}, {"candidate", toJSON(C)}});
    Program["units"] = std::move(Units);
    Program["candidates"] = std::move(Candidates);
  }
  llvm::json::Object Doc{
      {"version", 1},
      {"tool", "asyncctx"},
      {"root", R.Root},
      {"findings", std::move(Findings)},
      {"parse_failures", std::move(Failed)},
      {"tool_errors", std::move(ToolErrors)},
      {"summary",
       llvm::json::Object{{"translation_units", R.Summary.TranslationUnits},
                          {"analysed", R.Summary.Analysed},
                          {"failed_to_parse", R.Summary.FailedToParse},
                          {"findings", R.Findings.size()},
                          {"suppressed", R.Summary.Suppressed}}}};
  if (!Program.empty())
    Doc["program"] = std::move(Program);
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
}

static bool readPosition(const llvm::json::Object &O, Position &P) {
  if (auto F = O.getString("file"))
    P.File = F->str();
  P.Line = O.getInteger("line").value_or(0);
  P.Column = O.getInteger("column").value_or(0);
  P.Offset = O.getInteger("offset").value_or(0);
  return true;
}

static bool readFinding(const llvm::json::Value &V, Finding &F) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O || !O->getString("check") || !O->getString("message"))
    return false;
  readPosition(*O, F.Pos);
  F.Check = O->getString("check")->str();
  F.Message = O->getString("message")->str();
  F.Level = O->getString("level").value_or("warning").str();
  F.Fingerprint = O->getString("fingerprint").value_or("").str();
  if (const llvm::json::Array *Notes = O->getArray("notes"))
    for (const llvm::json::Value &N : *Notes)
      if (const llvm::json::Object *NO = N.getAsObject()) {
        Note Nt;
        readPosition(*NO, Nt.Pos);
        Nt.Message = NO->getString("message").value_or("").str();
        F.Notes.push_back(std::move(Nt));
      }
  if (const llvm::json::Array *Edits = O->getArray("fixes"))
    for (const llvm::json::Value &E : *Edits)
      if (const llvm::json::Object *EO = E.getAsObject())
        F.Edits.push_back({EO->getString("file").value_or("").str(),
                           (unsigned)EO->getInteger("offset").value_or(0),
                           (unsigned)EO->getInteger("length").value_or(0),
                           EO->getString("replacement").value_or("").str()});
  return true;
}

bool readJSONReport(llvm::StringRef Path, Report &Into, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFileOrSTDIN(Path);
  if (!Buffer) {
    Error = "cannot read report '" + Path.str() +
            "': " + Buffer.getError().message();
    return false;
  }
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    Error = "malformed report '" + Path.str() +
            "': " + llvm::toString(Parsed.takeError());
    return false;
  }
  const llvm::json::Object *Doc = Parsed->getAsObject();
  const llvm::json::Array *Findings = Doc ? Doc->getArray("findings") : nullptr;
  if (!Findings ||
      Doc->getString("tool") != std::optional<llvm::StringRef>("asyncctx")) {
    Error = "'" + Path.str() + "' is not an asyncctx --format=json report";
    return false;
  }
  if (Into.Root.empty())
    Into.Root = Doc->getString("root").value_or("").str();
  for (const llvm::json::Value &V : *Findings) {
    Finding F;
    if (!readFinding(V, F)) {
      Error = "malformed finding in '" + Path.str() + "'";
      return false;
    }
    Into.Findings.push_back(std::move(F));
  }
  if (const llvm::json::Object *S = Doc->getObject("summary")) {
    Into.Summary.TranslationUnits +=
        S->getInteger("translation_units").value_or(0);
    Into.Summary.Analysed += S->getInteger("analysed").value_or(0);
    Into.Summary.FailedToParse += S->getInteger("failed_to_parse").value_or(0);
    Into.Summary.Suppressed += S->getInteger("suppressed").value_or(0);
  }
  if (const llvm::json::Object *Program = Doc->getObject("program")) {
    llvm::json::Path::Root Root("program");
    llvm::json::Path Section(Root);
    const llvm::json::Array *Units = Program->getArray("units");
    const llvm::json::Array *Candidates = Program->getArray("candidates");
    for (size_t I = 0; Units && I < Units->size(); ++I) {
      UnitFacts U;
      if (!fromJSON((*Units)[I], U, Section.field("units").index(I))) {
        Error = "malformed facts in '" + Path.str() +
                "': " + llvm::toString(Root.getError());
        return false;
      }
      Into.Units.push_back(std::move(U));
    }
    for (size_t I = 0; Candidates && I < Candidates->size(); ++I) {
      const llvm::json::Object *O = (*Candidates)[I].getAsObject();
      Finding F;
      Candidate C;
      if (!O || !O->get("finding") || !readFinding(*O->get("finding"), F) ||
          !O->get("candidate") ||
          !fromJSON(*O->get("candidate"), C,
                    Section.field("candidates").index(I))) {
        Error = "malformed candidate in '" + Path.str() + "'";
        return false;
      }
      Into.Candidates.emplace_back(std::move(F), std::move(C));
    }
  }
  if (const llvm::json::Array *Errors = Doc->getArray("tool_errors"))
    for (const llvm::json::Value &E : *Errors)
      if (auto S = E.getAsString())
        Into.Summary.ToolErrors.push_back(S->str());
  if (const llvm::json::Array *Failed = Doc->getArray("parse_failures"))
    for (const llvm::json::Value &V : *Failed)
      if (const llvm::json::Object *O = V.getAsObject()) {
        auto *T = new TUResult(); // owned by the process (merge is one-shot)
        T->File = O->getString("file").value_or("").str();
        T->Failed = true;
        if (const llvm::json::Array *Errors = O->getArray("errors"))
          for (const llvm::json::Value &E : *Errors) {
            Finding F;
            if (readFinding(E, F))
              T->Errors.push_back(std::move(F));
          }
        Into.Failed.push_back(T);
      }
  return true;
}

//===--- SARIF ------------------------------------------------------------===//

namespace {
struct RuleInfo {
  const char *Id, *Name, *Short, *Full, *Help;
};
const RuleInfo Rules[] = {
    {"asyncctx-callback-without-context", "CallbackWithoutContext",
     "A callable crosses an async boundary without the caller's async context.",
     "A callable passed to an async boundary (std::thread, std::async, "
     "asio::post, an Asio completion handler, a user-listed boundary, ...) "
     "reads async context (an asyncctx::Local, a trace span, a request "
     "context) but runs later or on another thread, where that context is "
     "gone.",
     "Wrap the callable in asyncctx::wrap(...), which captures the caller's "
     "context now and restores it around the call; `asyncctx fix` does this "
     "and adds #include <asyncctx/asyncctx.hpp>. For co_spawn, wrap the "
     "executor with asyncctx::with_context(...). See "
     "docs/checks/asyncctx-callback-without-context.md."},
    {"asyncctx-coroutine-without-context", "CoroutineWithoutContext",
     "A coroutine reads async context after a suspension that may resume on "
     "another thread.",
     "In a coroutine whose return type does not restore context on "
     "resumption, a co_await or co_yield that may resume on another thread "
     "is followed by a context read, which then sees another request's "
     "context or none.",
     "Return asyncctx::task<T> (which restores the context it was created in "
     "on every resumption), or capture a snapshot before suspending and read "
     "inside snapshot.run(...)."},
};

const RuleInfo *findRule(llvm::StringRef Id) {
  for (const RuleInfo &R : Rules)
    if (Id == R.Id)
      return &R;
  return nullptr;
}

std::string fileURI(llvm::StringRef Path) {
  std::string Out = "file://";
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-_.~").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr((unsigned char)C, false, 2);
  }
  return Out;
}

std::string relativeURI(llvm::StringRef Rel) {
  std::string Out;
  for (char C : Rel) {
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
    return llvm::json::Object{{"uri", relativeURI(Rel)},
                              {"uriBaseId", "SRCROOT"}};
  return llvm::json::Object{{"uri", fileURI(File)}};
}

llvm::json::Object physical(const Position &P, llvm::StringRef Root) {
  llvm::json::Object Region{{"startLine", std::max(1u, P.Line)}};
  if (P.Column)
    Region["startColumn"] = P.Column;
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
} // namespace

void writeSARIF(llvm::raw_ostream &OS, const Report &R) {
  // Rules: every asyncctx check, plus any other name that was reported.
  std::vector<std::string> RuleIds;
  for (const RuleInfo &Rule : Rules)
    RuleIds.push_back(Rule.Id);
  for (const Finding &F : R.Findings)
    if (std::find(RuleIds.begin(), RuleIds.end(), F.Check) == RuleIds.end())
      RuleIds.push_back(F.Check);
  llvm::json::Array RulesJSON;
  for (const std::string &Id : RuleIds) {
    const RuleInfo *Info = findRule(Id);
    llvm::json::Object Rule{{"id", Id}};
    if (Info) {
      Rule["name"] = Info->Name;
      Rule["shortDescription"] = llvm::json::Object{{"text", Info->Short}};
      Rule["fullDescription"] = llvm::json::Object{{"text", Info->Full}};
      Rule["help"] =
          llvm::json::Object{{"text", Info->Help}, {"markdown", Info->Help}};
    } else {
      Rule["shortDescription"] = llvm::json::Object{{"text", Id}};
    }
    Rule["defaultConfiguration"] = llvm::json::Object{{"level", "warning"}};
    Rule["properties"] = llvm::json::Object{
        {"tags", llvm::json::Array{"concurrency", "correctness"}}};
    RulesJSON.push_back(std::move(Rule));
  }

  llvm::json::Array Results;
  for (const Finding &F : R.Findings) {
    unsigned Index =
        std::find(RuleIds.begin(), RuleIds.end(), F.Check) - RuleIds.begin();
    llvm::json::Object Result{
        {"ruleId", F.Check},
        {"ruleIndex", Index},
        {"level", F.Level == "error" ? "error" : "warning"},
        {"message", llvm::json::Object{{"text", F.Message}}},
        {"locations", llvm::json::Array{llvm::json::Object{
                          {"physicalLocation", physical(F.Pos, R.Root)}}}}};
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
            {"physicalLocation", physical(N.Pos, R.Root)}});
      Result["relatedLocations"] = std::move(Related);
    }
    if (!F.Edits.empty()) {
      std::map<std::string, llvm::json::Array> ByFile;
      for (const Edit &E : F.Edits) {
        Position Start = at(E.File, E.Offset),
                 End = at(E.File, E.Offset + E.Length);
        ByFile[E.File].push_back(llvm::json::Object{
            {"deletedRegion", llvm::json::Object{{"startLine", Start.Line},
                                                 {"startColumn", Start.Column},
                                                 {"endLine", End.Line},
                                                 {"endColumn", End.Column}}},
            {"insertedContent", llvm::json::Object{{"text", E.Text}}}});
      }
      llvm::json::Array Changes;
      for (auto &Entry : ByFile)
        Changes.push_back(llvm::json::Object{
            {"artifactLocation", artifact(Entry.first, R.Root)},
            {"replacements", std::move(Entry.second)}});
      Result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description",
           llvm::json::Object{{"text", "Wrap in the context adapter"}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Result));
  }

  llvm::json::Array Notifications;
  for (const TUResult *T : R.Failed) {
    std::string Text = "the translation unit failed to parse";
    if (!T->Errors.empty())
      Text += ": " + T->Errors.front().Message;
    Position P = T->Errors.empty() ? Position{T->File} : T->Errors.front().Pos;
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"message", llvm::json::Object{{"text", Text}}},
        {"locations", llvm::json::Array{llvm::json::Object{
                          {"physicalLocation", physical(P, R.Root)}}}}});
  }
  for (const std::string &E : R.ConfigErrors)
    Notifications.push_back(llvm::json::Object{
        {"level", "error"}, {"message", llvm::json::Object{{"text", E}}}});
  for (const std::string &E : R.Summary.ToolErrors)
    Notifications.push_back(llvm::json::Object{
        {"level", "error"}, {"message", llvm::json::Object{{"text", E}}}});
  bool Successful = R.ConfigErrors.empty() && R.Summary.ToolErrors.empty() &&
                    (R.Failed.empty() || R.Summary.AllowParseErrors);
  llvm::json::Object Invocation{{"executionSuccessful", Successful}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);

  std::string RootURI = fileURI(R.Root);
  if (!llvm::StringRef(RootURI).ends_with("/"))
    RootURI += "/";
  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver", llvm::json::Object{{"name", "asyncctx"},
                                         {"version", ASYNCCTX_VERSION},
                                         {"semanticVersion", ASYNCCTX_VERSION},
                                         {"rules", std::move(RulesJSON)}}}}},
      {"invocations", llvm::json::Array{std::move(Invocation)}},
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

//===--- Baseline ---------------------------------------------------------===//

bool writeBaseline(llvm::StringRef Path, const std::vector<Finding> &Findings,
                   llvm::StringRef Root, std::string &Error) {
  llvm::json::Array Entries;
  for (const Finding &F : Findings)
    Entries.push_back(
        llvm::json::Object{{"fingerprint", F.Fingerprint},
                           {"check", F.Check},
                           {"path", relativePath(F.Pos.File, Root)},
                           {"message", F.Message}});
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC) {
    Error = "cannot write baseline '" + Path.str() + "': " + EC.message();
    return false;
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"version", 1},
                                   {"tool", "asyncctx-baseline"},
                                   {"findings", std::move(Entries)}}))
     << "\n";
  return true;
}

bool readBaseline(llvm::StringRef Path, std::multiset<std::string> &Out,
                  std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = "cannot read baseline '" + Path.str() +
            "': " + Buffer.getError().message();
    return false;
  }
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    Error = "malformed baseline '" + Path.str() +
            "': " + llvm::toString(Parsed.takeError());
    return false;
  }
  const llvm::json::Object *Doc = Parsed->getAsObject();
  const llvm::json::Array *Entries = Doc ? Doc->getArray("findings") : nullptr;
  if (!Entries || Doc->getString("tool") !=
                      std::optional<llvm::StringRef>("asyncctx-baseline")) {
    Error = "malformed baseline '" + Path.str() +
            "': not written by --write-baseline";
    return false;
  }
  for (const llvm::json::Value &V : *Entries) {
    const llvm::json::Object *O = V.getAsObject();
    if (!O || !O->getString("fingerprint")) {
      Error = "malformed baseline '" + Path.str() +
              "': entry without a fingerprint";
      return false;
    }
    Out.insert(O->getString("fingerprint")->str());
  }
  return true;
}

} // namespace asyncctx::tool

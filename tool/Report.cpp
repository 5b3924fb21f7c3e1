//===--- Report.cpp - asyncctx standalone tool ----------------------------===//
//
// The text and JSON reports, and reading a JSON report back for `merge`.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

// Reads the fixes of a JSON report (llvm::json finds it by argument-dependent
// lookup); defined at the end of this file.
namespace clang::tooling {
bool fromJSON(const llvm::json::Value &V, Replacement &R, llvm::json::Path P);
} // namespace clang::tooling

namespace asyncctx::tool {

//===--- Text -------------------------------------------------------------===//

/// Blanks as wide as the first \p Bytes bytes of \p Line (tabs kept, one
/// blank per UTF-8 character), so that what follows lines up under them.
static std::string indentUnder(llvm::StringRef Line, unsigned Bytes) {
  std::string Indent;
  for (unsigned char C : Line.take_front(Bytes))
    if ((C & 0xC0) != 0x80) // not a continuation byte
      Indent += C == '\t' ? '\t' : ' ';
  return Indent;
}

/// The line under the caret that shows the fix-its of the line, as clang
/// does: each replacement's text at its column.
static std::string fixItLine(const Finding &F, llvm::StringRef Line) {
  const unsigned LineStart = F.Pos.Offset - (F.Pos.Column - 1);
  std::string Out;
  for (const clang::tooling::Replacement &E : F.Fixes) {
    if (E.getFilePath() != F.Pos.File || E.getOffset() < LineStart ||
        E.getOffset() > LineStart + Line.size() ||
        E.getReplacementText().contains('\n'))
      continue;
    std::string Indent = indentUnder(Line, E.getOffset() - LineStart);
    // Replacements are sorted: one that would overlap the text shown so far
    // moves right by one blank.
    if (Out.size() < Indent.size())
      Out += Indent.substr(Out.size());
    else if (!Out.empty())
      Out += ' ';
    Out += E.getReplacementText();
  }
  return Out;
}

static void writeLocationLine(llvm::raw_ostream &OS, const Position &P,
                              llvm::StringRef Level, llvm::StringRef Message,
                              llvm::StringRef Check,
                              const Finding *WithFixes = nullptr) {
  using Colors = llvm::raw_ostream::Colors;
  const Colors LevelColor = Level == "error"     ? Colors::RED
                            : Level == "warning" ? Colors::MAGENTA
                                                 : Colors::BLACK;
  OS.changeColor(Colors::SAVEDCOLOR, /*Bold=*/true);
  if (!P.File.empty())
    OS << P.File << ":" << P.Line << ":" << P.Column << ": ";
  OS.changeColor(LevelColor, /*Bold=*/true);
  OS << Level << ": ";
  OS.changeColor(Colors::SAVEDCOLOR, /*Bold=*/true);
  OS << Message;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS.resetColor();
  OS << "\n";
  llvm::StringRef Line = lineText(P);
  if (Line.empty())
    return;
  OS << Line << "\n";
  OS << indentUnder(Line, P.Column - 1);
  OS.changeColor(Colors::GREEN, /*Bold=*/true);
  OS << "^";
  OS.resetColor();
  OS << "\n";
  if (!WithFixes)
    return;
  if (std::string FixIts = fixItLine(*WithFixes, Line); !FixIts.empty()) {
    OS.changeColor(Colors::GREEN);
    OS << FixIts;
    OS.resetColor();
    OS << "\n";
  }
}

void writeTextFinding(llvm::raw_ostream &OS, const Finding &F) {
  writeLocationLine(OS, F.Pos, F.Level, F.Message, F.Check, &F);
  for (const Note &N : F.Notes)
    writeLocationLine(OS, N.Pos, "note", N.Message, "");
}

static constexpr unsigned ErrorsShown = 3;

void writeText(llvm::raw_ostream &OS, const Report &R) {
  for (const Finding &F : R.Findings)
    if (!F.Shown)
      writeTextFinding(OS, F);
  for (const ParseFailure &T : R.Failed) {
    for (unsigned I = 0; I < T.Errors.size() && I < ErrorsShown; ++I)
      writeTextFinding(OS, T.Errors[I]);
    OS << T.File << ": error: the translation unit failed to parse ("
       << T.Errors.size() << " error" << (T.Errors.size() == 1 ? "" : "s")
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
  if (!F.SuppressedBy.empty())
    O["suppressed_by"] = F.SuppressedBy;
  llvm::json::Array Notes;
  for (const Note &N : F.Notes) {
    llvm::json::Object NO = positionJSON(N.Pos);
    NO["message"] = N.Message;
    Notes.push_back(std::move(NO));
  }
  O["notes"] = std::move(Notes);
  llvm::json::Array Fixes;
  for (const clang::tooling::Replacement &E : F.Fixes)
    Fixes.push_back(
        llvm::json::Object{{"file", E.getFilePath().str()},
                           {"offset", E.getOffset()},
                           {"length", E.getLength()},
                           {"replacement", E.getReplacementText().str()}});
  O["fixes"] = std::move(Fixes);
  return O;
}

void writeJSON(llvm::raw_ostream &OS, const Report &R) {
  llvm::json::Array Findings;
  for (const Finding &F : R.Findings)
    Findings.push_back(findingJSON(F, R.Root));
  llvm::json::Array Failed;
  for (const ParseFailure &T : R.Failed) {
    llvm::json::Array Errors;
    for (const Finding &E : T.Errors)
      Errors.push_back(findingJSON(E, R.Root));
    Failed.push_back(
        llvm::json::Object{{"file", T.File}, {"errors", std::move(Errors)}});
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
  // For `merge` to report them as a single run would (SARIF suppressions,
  // the HTML report's folded list).
  if (!R.Suppressed.empty()) {
    llvm::json::Array Suppressed;
    for (const Finding &F : R.Suppressed)
      Suppressed.push_back(findingJSON(F, R.Root));
    Doc["suppressed_findings"] = std::move(Suppressed);
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
}

//===--- Reading a JSON report --------------------------------------------===//

namespace {

/// The parts of a --format=json document that `merge` reads back.
struct ReportFile {
  std::string Tool, Root;
  std::vector<Finding> Findings;
  std::vector<ParseFailure> Failed;
  std::vector<std::string> ToolErrors;
  RunSummary Summary;
  std::vector<UnitFacts> Units;
  std::vector<std::pair<Finding, Candidate>> Candidates;
  std::vector<Finding> Suppressed;
};

} // namespace

/// An optional unsigned property (llvm::json maps `unsigned` only since
/// LLVM 20).
static bool mapUnsigned(llvm::json::ObjectMapper &O, llvm::StringLiteral Prop,
                        unsigned &Out) {
  std::optional<int64_t> Value;
  if (!O.mapOptional(Prop, Value))
    return false;
  if (Value)
    Out = *Value;
  return true;
}

// Found by argument-dependent lookup from llvm::json's mapping templates.
bool fromJSON(const llvm::json::Value &V, Position &P, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.mapOptional("file", P.File) && mapUnsigned(O, "line", P.Line) &&
         mapUnsigned(O, "column", P.Column) &&
         mapUnsigned(O, "offset", P.Offset);
}

bool fromJSON(const llvm::json::Value &V, Note &N, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.mapOptional("message", N.Message) && fromJSON(V, N.Pos, P);
}

bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("check", F.Check) && O.map("message", F.Message) &&
         O.mapOptional("level", F.Level) &&
         O.mapOptional("fingerprint", F.Fingerprint) &&
         O.mapOptional("suppressed_by", F.SuppressedBy) &&
         O.mapOptional("notes", F.Notes) && O.mapOptional("fixes", F.Fixes) &&
         fromJSON(V, F.Pos, P);
}

bool fromJSON(const llvm::json::Value &V, ParseFailure &T, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.mapOptional("file", T.File) &&
         O.mapOptional("errors", T.Errors);
}

bool fromJSON(const llvm::json::Value &V, RunSummary &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && mapUnsigned(O, "translation_units", S.TranslationUnits) &&
         mapUnsigned(O, "analysed", S.Analysed) &&
         mapUnsigned(O, "failed_to_parse", S.FailedToParse) &&
         mapUnsigned(O, "suppressed", S.Suppressed);
}

/// One of a shard's candidates: the provisional finding and what decides it.
static bool readCandidate(const llvm::json::Value &V, ReportFile &R,
                          llvm::json::Path P) {
  llvm::json::ObjectMapper Item(V, P);
  Finding F;
  Candidate C;
  if (!Item || !Item.map("finding", F) || !Item.map("candidate", C))
    return false;
  R.Candidates.emplace_back(std::move(F), std::move(C));
  return true;
}

/// A shard's `program` section: units and candidates.
static bool readProgram(const llvm::json::Value &V, ReportFile &R,
                        llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  const llvm::json::Object *Program = V.getAsObject();
  const llvm::json::Array *Candidates =
      Program ? Program->getArray("candidates") : nullptr;
  if (!O || !O.mapOptional("units", R.Units))
    return false;
  for (size_t I = 0; Candidates && I < Candidates->size(); ++I)
    if (!readCandidate((*Candidates)[I], R, P.field("candidates").index(I)))
      return false;
  return true;
}

static bool fromJSON(const llvm::json::Value &V, ReportFile &R,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  const llvm::json::Object *Doc = V.getAsObject();
  return O && O.map("tool", R.Tool) && O.mapOptional("root", R.Root) &&
         O.map("findings", R.Findings) &&
         O.mapOptional("suppressed_findings", R.Suppressed) &&
         O.mapOptional("parse_failures", R.Failed) &&
         O.mapOptional("tool_errors", R.ToolErrors) &&
         O.mapOptional("summary", R.Summary) &&
         (!Doc->get("program") ||
          readProgram(*Doc->get("program"), R, P.field("program")));
}

namespace {

/// Finds the text of each element of a report's `program.units` and
/// `program.candidates` without parsing it: they are most of a shard, and
/// llvm::json's tree of them took up to fifty times the text in memory (an
/// object is a hash table), all at once. Parsed one at a time, one element's
/// tree is in memory (docs/performance.md, "Whole-program analysis").
class ProgramSplitter {
public:
  explicit ProgramSplitter(llvm::StringRef Text) : Text(Text) {}

  /// Where an array is in the text, and each element.
  struct Elements {
    size_t Begin = 0, End = 0;
    std::vector<llvm::StringRef> Items;
  };
  struct Program {
    std::optional<Elements> Units, Candidates;
  };
  /// Both arrays, or none if the text is not an object with them (then it
  /// is parsed whole).
  std::optional<Program> split() {
    Program Found;
    bool Ok = eachMember([&](llvm::StringRef Key) {
      if (Key != "program")
        return skipValue();
      return eachMember([&](llvm::StringRef Key) {
        std::optional<Elements> *Array = Key == "units" ? &Found.Units
                                         : Key == "candidates"
                                             ? &Found.Candidates
                                             : nullptr;
        if (!Array || *Array)
          return skipValue();
        return elements(Array->emplace());
      });
    });
    if (!Ok || !Found.Units || !Found.Candidates)
      return std::nullopt;
    return Found;
  }

private:
  void skipSpace() {
    while (Pos < Text.size() && llvm::isSpace(Text[Pos]))
      ++Pos;
  }
  bool at(char C) {
    skipSpace();
    return Pos < Text.size() && Text[Pos] == C;
  }
  bool skipString() {
    for (++Pos; Pos < Text.size(); ++Pos) {
      if (Text[Pos] == '\\')
        ++Pos;
      else if (Text[Pos] == '"') {
        ++Pos;
        return true;
      }
    }
    return false;
  }
  bool skipValue() {
    skipSpace();
    if (Pos >= Text.size())
      return false;
    if (Text[Pos] == '"')
      return skipString();
    if (Text[Pos] != '{' && Text[Pos] != '[') {
      while (Pos < Text.size() && !llvm::isSpace(Text[Pos]) &&
             !llvm::StringRef(",]}").contains(Text[Pos]))
        ++Pos;
      return true;
    }
    unsigned Depth = 0;
    while (Pos < Text.size()) {
      char C = Text[Pos];
      if (C == '"') {
        if (!skipString())
          return false;
        continue;
      }
      ++Pos;
      if (C == '{' || C == '[')
        ++Depth;
      else if ((C == '}' || C == ']') && --Depth == 0)
        return true;
    }
    return false;
  }
  /// Calls \p Member with each key of the object here, positioned at its
  /// value, which it must skip.
  template <typename MemberFn> bool eachMember(MemberFn Member) {
    if (!at('{'))
      return false;
    ++Pos;
    if (at('}')) {
      ++Pos;
      return true;
    }
    for (;; ++Pos) {
      if (!at('"'))
        return false;
      size_t KeyBegin = Pos + 1;
      if (!skipString())
        return false;
      llvm::StringRef Key = Text.slice(KeyBegin, Pos - 1);
      if (!at(':'))
        return false;
      ++Pos;
      if (!Member(Key))
        return false;
      if (!at(','))
        break;
    }
    if (!at('}'))
      return false;
    ++Pos;
    return true;
  }
  bool elements(Elements &Out) {
    if (!at('['))
      return false;
    Out.Begin = Pos++;
    if (!at(']')) {
      for (;; ++Pos) {
        skipSpace();
        size_t Begin = Pos;
        if (!skipValue())
          return false;
        Out.Items.push_back(Text.slice(Begin, Pos));
        if (!at(','))
          break;
      }
      if (!at(']'))
        return false;
    }
    Out.End = ++Pos;
    return true;
  }

  llvm::StringRef Text;
  size_t Pos = 0;
};

} // namespace

bool readJSONReport(llvm::StringRef Path, Report &Into, std::string &Error) {
  std::unique_ptr<llvm::MemoryBuffer> Buffer = readFile(Path, "report", Error);
  if (!Buffer)
    return false;
  // The document without its units and candidates, then each by itself.
  llvm::StringRef Text = Buffer->getBuffer();
  std::optional<ProgramSplitter::Program> Split = ProgramSplitter(Text).split();
  std::string Rest;
  if (Split) {
    const ProgramSplitter::Elements *First = &*Split->Units,
                                    *Second = &*Split->Candidates;
    if (First->Begin > Second->Begin)
      std::swap(First, Second);
    Rest = (Text.take_front(First->Begin) + "[]" +
            Text.slice(First->End, Second->Begin) + "[]" +
            Text.drop_front(Second->End))
               .str();
    Text = Rest;
  }
  llvm::Expected<llvm::json::Value> Doc = llvm::json::parse(Text);
  if (!Doc) {
    Error = "malformed report '" + Path.str() +
            "': " + llvm::toString(Doc.takeError());
    return false;
  }
  ReportFile File;
  llvm::json::Path::Root Root("report");
  bool Mapped = fromJSON(*Doc, File, Root);
  // Each element parsed, read, and its tree freed before the next.
  auto EachElement = [&](const ProgramSplitter::Elements &Array,
                         llvm::StringRef Field, auto Read) {
    for (size_t I = 0; Mapped && I < Array.Items.size(); ++I) {
      llvm::Expected<llvm::json::Value> Item =
          llvm::json::parse(Array.Items[I]);
      if (!Item) {
        Error = "malformed report '" + Path.str() +
                "': " + llvm::toString(Item.takeError());
        return false;
      }
      Mapped = Read(
          *Item, llvm::json::Path(Root).field("program").field(Field).index(I));
    }
    return true;
  };
  if (Split &&
      (!EachElement(*Split->Units, "units",
                    [&](const llvm::json::Value &V, llvm::json::Path P) {
                      File.Units.emplace_back();
                      return fromJSON(V, File.Units.back(), P);
                    }) ||
       !EachElement(*Split->Candidates, "candidates",
                    [&](const llvm::json::Value &V, llvm::json::Path P) {
                      return readCandidate(V, File, P);
                    })))
    return false;
  llvm::Error MappingError = Root.getError();
  if (File.Tool != "asyncctx") {
    llvm::consumeError(std::move(MappingError));
    Error = "'" + Path.str() + "' is not an asyncctx --format=json report";
    return false;
  }
  if (!Mapped) {
    Error = "malformed report '" + Path.str() +
            "': " + llvm::toString(std::move(MappingError));
    return false;
  }
  if (Into.Root.empty())
    Into.Root = File.Root;
  std::move(File.Findings.begin(), File.Findings.end(),
            std::back_inserter(Into.Findings));
  std::move(File.Failed.begin(), File.Failed.end(),
            std::back_inserter(Into.Failed));
  std::move(File.Suppressed.begin(), File.Suppressed.end(),
            std::back_inserter(Into.Suppressed));
  std::move(File.Units.begin(), File.Units.end(),
            std::back_inserter(Into.Units));
  std::move(File.Candidates.begin(), File.Candidates.end(),
            std::back_inserter(Into.Candidates));
  Into.Summary.ToolErrors.insert(Into.Summary.ToolErrors.end(),
                                 File.ToolErrors.begin(),
                                 File.ToolErrors.end());
  Into.Summary.TranslationUnits += File.Summary.TranslationUnits;
  Into.Summary.Analysed += File.Summary.Analysed;
  Into.Summary.FailedToParse += File.Summary.FailedToParse;
  Into.Summary.Suppressed += File.Summary.Suppressed;
  return true;
}

} // namespace asyncctx::tool

namespace clang::tooling {

bool fromJSON(const llvm::json::Value &V, Replacement &R, llvm::json::Path P) {
  std::string File, Text;
  int64_t Offset = 0;
  unsigned Length = 0;
  llvm::json::ObjectMapper O(V, P);
  if (!(O && O.map("file", File) && O.map("offset", Offset) &&
        asyncctx::tool::mapUnsigned(O, "length", Length) &&
        O.mapOptional("replacement", Text)))
    return false;
  R = Replacement(File, Offset, Length, Text);
  return true;
}

} // namespace clang::tooling

//===--- ProgramFacts.cpp - asyncctx --------------------------------------===//
//
// The JSON form of facts and candidates. Locations inside a unit refer to the
// unit's file table (`[file, offset, line, column]`): a function's facts name
// the same few files over and over. The schema is in docs/whole-program.md.
//
//===----------------------------------------------------------------------===//

#include "checks/ProgramFacts.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/xxhash.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace asyncctx {

std::string contentHash(llvm::StringRef Text) {
  return llvm::utohexstr(llvm::xxh3_64bits(llvm::arrayRefFromStringRef(Text)),
                         /*LowerCase=*/true, /*Width=*/16);
}

namespace {

/// Numbers the files a unit's locations name.
class FileTable {
public:
  explicit FileTable(std::vector<std::string> Initial = {})
      : Paths(std::move(Initial)) {
    for (unsigned I = 0; I < Paths.size(); ++I)
      Index[Paths[I]] = I;
  }
  Value operator()(const FactLocation &L) {
    auto [It, New] = Index.try_emplace(L.File, Paths.size());
    if (New)
      Paths.push_back(L.File);
    return Array{It->second, L.Offset, L.Line, L.Column};
  }
  std::vector<std::string> Paths;

private:
  llvm::StringMap<unsigned> Index;
};

const char *kindName(ForwardFact::Kind K) {
  switch (K) {
  case ForwardFact::Boundary:
    return "boundary";
  case ForwardFact::Parameter:
    return "parameter";
  case ForwardFact::Store:
    return "store";
  }
  llvm_unreachable("forward kind");
}

/// Drops the trailing null or empty fields of \p O beyond the first \p Kept.
void dropTrailingEmpty(Array &O, size_t Kept) {
  while (O.size() > Kept &&
         (O.back().kind() == Value::Null ||
          (O.back().getAsArray() && O.back().getAsArray()->empty()) ||
          (O.back().getAsString() && O.back().getAsString()->empty())))
    O.pop_back();
}

/// `[what, location, variable, lost from, bridge header, advice]`, advice
/// `[message, location]`; trailing empty fields left out.
Value readJSON(const OptionalFact<ReadFact> &R, FileTable &Files) {
  if (!R)
    return nullptr;
  Array O{R->What,
          Files(R->Loc),
          R->Variable,
          R->LostFrom,
          R->BridgeHeader,
          R->Advice ? Value(Array{R->Advice->Message, Files(R->Advice->Loc)})
                    : Value(nullptr)};
  dropTrailingEmpty(O, 2);
  return O;
}

/// A function as an array, fields in the order of FunctionFacts; trailing
/// empty fields are left out. Arrays, not objects: llvm::json gives every
/// object a hash table, which made a program's facts ten times their size in
/// memory.
Value functionJSON(const FunctionFacts &F, FileTable &Files) {
  Array Calls, Forwards, Drains, Spawns;
  for (const CallFact &C : F.Calls)
    Calls.push_back(Array{C.Callee, C.Name, Files(C.Loc), C.Virtual ? 1 : 0});
  for (const ForwardFact &W : F.Forwards)
    Forwards.push_back(Array{W.Param, kindName(W.How), W.Target, W.TargetName,
                             W.TargetParam, Files(W.Loc)});
  for (const DrainFact &D : F.Drains)
    Drains.push_back(Array{D.Member, D.MemberName, D.Function, D.FunctionName,
                           Files(D.Loc)});
  for (const SpawnFact &S : F.Spawns)
    Spawns.push_back(Array{S.Runs, S.Boundary, Files(S.Loc)});
  Array O{F.Key,
          F.QualifiedName,
          F.Name,
          Files(F.Loc),
          readJSON(F.Read, Files),
          std::move(Calls),
          Array(F.Overrides),
          std::move(Forwards),
          std::move(Drains),
          std::move(Spawns),
          readJSON(F.LostRead, Files),
          readJSON(F.BridgeRead, Files),
          readJSON(F.ThreadLocalRead, Files)};
  dropTrailingEmpty(O, 4);
  return O;
}

Value locationJSON(const FactLocation &L) {
  return Object{{"file", L.File},
                {"offset", L.Offset},
                {"line", L.Line},
                {"column", L.Column}};
}

Value notesJSON(const std::vector<NoteFact> &Notes) {
  Array A;
  for (const NoteFact &N : Notes)
    A.push_back(Object{{"message", N.Message}, {"loc", locationJSON(N.Loc)}});
  return A;
}

/// Reads `[file, offset, line, column]` against a unit's file table.
bool fromJSON(const Value &V, FactLocation &L,
              const std::vector<std::string> &Files, llvm::json::Path P) {
  const Array *A = V.getAsArray();
  if (!A || A->size() != 4) {
    P.report("expected [file, offset, line, column]");
    return false;
  }
  std::optional<int64_t> Parts[4];
  for (unsigned I = 0; I < 4; ++I)
    if (!(Parts[I] = (*A)[I].getAsInteger()) || *Parts[I] < 0) {
      P.index(I).report("expected a non-negative integer");
      return false;
    }
  if (static_cast<size_t>(*Parts[0]) >= Files.size()) {
    P.index(0).report("no such file in the unit's file table");
    return false;
  }
  L.File = Files[*Parts[0]];
  L.Offset = *Parts[1];
  L.Line = *Parts[2];
  L.Column = *Parts[3];
  return true;
}

} // namespace

/// An unsigned property (llvm::json maps `unsigned` only since LLVM 20).
static bool mapUnsigned(llvm::json::ObjectMapper &O, llvm::StringLiteral Prop,
                        unsigned &Out, bool Required = true) {
  std::optional<int64_t> Value;
  if (!(Required ? O.map(Prop, Value) : O.mapOptional(Prop, Value)))
    return false;
  if (Value)
    Out = *Value;
  return true;
}

// Found by argument-dependent lookup from llvm::json's vector mapping, which
// does not see into an anonymous namespace.
static bool fromJSON(const Value &V, FactLocation &L, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("file", L.File) && mapUnsigned(O, "offset", L.Offset) &&
         mapUnsigned(O, "line", L.Line) && mapUnsigned(O, "column", L.Column);
}

static bool fromJSON(const Value &V, NoteFact &N, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("message", N.Message) && O.map("loc", N.Loc);
}

static bool fromJSON(const Value &V, IncludeFact &I, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("header", I.Header) && O.map("loc", I.Loc) &&
         O.map("text", I.Text);
}

namespace {

/// Reads the fields of an array one by one, reporting where one is wrong.
class Fields {
public:
  Fields(const Value &V, llvm::json::Path P,
         const std::vector<std::string> &Files)
      : A(V.getAsArray()), P(P), Files(Files) {
    if (!A)
      P.report("expected an array");
  }
  explicit operator bool() const { return A; }
  bool has(size_t I) const { return I < A->size(); }
  bool text(size_t I, std::string &Out) {
    std::optional<llvm::StringRef> S =
        has(I) ? (*A)[I].getAsString() : std::nullopt;
    if (!S)
      return fail(I, "expected a string");
    Out = S->str();
    return true;
  }
  bool number(size_t I, unsigned &Out) {
    std::optional<int64_t> N = has(I) ? (*A)[I].getAsInteger() : std::nullopt;
    if (!N || *N < 0)
      return fail(I, "expected a non-negative integer");
    Out = *N;
    return true;
  }
  bool location(size_t I, FactLocation &Out) {
    if (!has(I))
      return fail(I, "expected [file, offset, line, column]");
    return fromJSON((*A)[I], Out, Files, P.index(I));
  }
  /// Each element of the array at \p I (absent: none) as Fields.
  template <typename ReadOne> bool each(size_t I, ReadOne Read) {
    if (!has(I) || (*A)[I].kind() == Value::Null)
      return true;
    const Array *Items = (*A)[I].getAsArray();
    if (!Items)
      return fail(I, "expected an array");
    for (size_t J = 0; J < Items->size(); ++J)
      if (!Read((*Items)[J], P.index(I).index(J)))
        return false;
    return true;
  }
  const Value *at(size_t I) const { return has(I) ? &(*A)[I] : nullptr; }

private:
  bool fail(size_t I, llvm::StringLiteral Message) {
    P.index(I).report(Message);
    return false;
  }
  const Array *A;
  llvm::json::Path P;
  const std::vector<std::string> &Files;
};

/// A read as readJSON writes it; absent or null: none.
bool readFromJSON(const Value *V, OptionalFact<ReadFact> &Out,
                  const std::vector<std::string> &Files, llvm::json::Path P) {
  if (!V || V->kind() == Value::Null)
    return true;
  Fields Item(*V, P, Files);
  ReadFact R;
  if (!Item || !Item.text(0, R.What) || !Item.location(1, R.Loc) ||
      (Item.has(2) && !Item.text(2, R.Variable)) ||
      (Item.has(3) && !Item.text(3, R.LostFrom)) ||
      (Item.has(4) && !Item.text(4, R.BridgeHeader)))
    return false;
  if (const Value *Advice = Item.at(5);
      Advice && Advice->kind() != Value::Null) {
    Fields Note(*Advice, P.index(5), Files);
    R.Advice.emplace();
    if (!Note || !Note.text(0, R.Advice->Message) ||
        !Note.location(1, R.Advice->Loc))
      return false;
  }
  Out = std::move(R);
  return true;
}

bool functionFromJSON(const Value &V, FunctionFacts &F,
                      const std::vector<std::string> &Files,
                      llvm::json::Path P) {
  Fields R(V, P, Files);
  if (!R || !R.text(0, F.Key) || !R.text(1, F.QualifiedName) ||
      !R.text(2, F.Name) || !R.location(3, F.Loc))
    return false;
  if (!readFromJSON(R.at(4), F.Read, Files, P.index(4)) ||
      !readFromJSON(R.at(10), F.LostRead, Files, P.index(10)) ||
      !readFromJSON(R.at(11), F.BridgeRead, Files, P.index(11)) ||
      !readFromJSON(R.at(12), F.ThreadLocalRead, Files, P.index(12)))
    return false;
  return R.each(5, [&](const Value &E, llvm::json::Path IP) {
    Fields Item(E, IP, Files);
    CallFact C;
    unsigned Virtual = 0;
    if (!Item || !Item.text(0, C.Callee) || !Item.text(1, C.Name) ||
        !Item.location(2, C.Loc) || !Item.number(3, Virtual))
      return false;
    C.Virtual = Virtual;
    F.Calls.push_back(std::move(C));
    return true;
  }) && R.each(6, [&](const Value &E, llvm::json::Path IP) {
    std::optional<llvm::StringRef> Key = E.getAsString();
    if (!Key) {
      IP.report("expected a string");
      return false;
    }
    F.Overrides.push_back(Key->str());
    return true;
  }) && R.each(7, [&](const Value &E, llvm::json::Path IP) {
    Fields Item(E, IP, Files);
    ForwardFact W;
    std::string Kind;
    if (!Item || !Item.number(0, W.Param) || !Item.text(1, Kind) ||
        !Item.text(2, W.Target) || !Item.text(3, W.TargetName) ||
        !Item.number(4, W.TargetParam) || !Item.location(5, W.Loc))
      return false;
    if (Kind == "boundary")
      W.How = ForwardFact::Boundary;
    else if (Kind == "parameter")
      W.How = ForwardFact::Parameter;
    else if (Kind == "store")
      W.How = ForwardFact::Store;
    else {
      IP.index(1).report("expected 'boundary', 'parameter' or 'store'");
      return false;
    }
    F.Forwards.push_back(std::move(W));
    return true;
  }) && R.each(8, [&](const Value &E, llvm::json::Path IP) {
    Fields Item(E, IP, Files);
    DrainFact D;
    if (!Item || !Item.text(0, D.Member) || !Item.text(1, D.MemberName) ||
        !Item.text(2, D.Function) || !Item.text(3, D.FunctionName) ||
        !Item.location(4, D.Loc))
      return false;
    F.Drains.push_back(std::move(D));
    return true;
  }) && R.each(9, [&](const Value &E, llvm::json::Path IP) {
    Fields Item(E, IP, Files);
    SpawnFact S;
    if (!Item || !Item.text(0, S.Runs) || !Item.text(1, S.Boundary) ||
        !Item.location(2, S.Loc))
      return false;
    F.Spawns.push_back(std::move(S));
    return true;
  });
}

} // namespace

Value toJSON(const UnitFacts &Unit) {
  // Files with a hash come first, in their order, so that the table indexes
  // them; files only named by locations follow.
  std::vector<std::string> Hashed;
  for (const auto &Entry : Unit.FileHashes)
    Hashed.push_back(Entry.first);
  FileTable Files(Hashed);
  Array Functions;
  for (const FunctionFacts &F : Unit.Functions)
    Functions.push_back(functionJSON(F, Files));
  Array Bridges;
  for (const BridgeFact &B : Unit.Bridges)
    Bridges.push_back(Array{B.Variable, B.Name, Files(B.Loc)});
  Array FileArray;
  for (unsigned I = 0; I < Files.Paths.size(); ++I) {
    Object Entry{{"path", Files.Paths[I]}};
    if (I < Unit.FileHashes.size())
      Entry["hash"] = Unit.FileHashes[I].second;
    FileArray.push_back(std::move(Entry));
  }
  Object O{{"file", Unit.File},
           {"files", std::move(FileArray)},
           {"functions", std::move(Functions)}};
  if (!Bridges.empty())
    O["bridges"] = std::move(Bridges);
  return O;
}

bool fromJSON(const Value &V, UnitFacts &Unit, llvm::json::Path P) {
  const Object *Obj = V.getAsObject();
  llvm::json::ObjectMapper O(V, P);
  if (!O || !O.map("file", Unit.File))
    return false;
  std::vector<std::string> Paths;
  if (const Array *Files = Obj->getArray("files"))
    for (size_t I = 0; I < Files->size(); ++I) {
      llvm::json::ObjectMapper F((*Files)[I], P.field("files").index(I));
      std::string Path;
      std::optional<std::string> Hash;
      if (!F || !F.map("path", Path) || !F.mapOptional("hash", Hash))
        return false;
      Paths.push_back(Path);
      if (Hash)
        Unit.FileHashes.emplace_back(Path, *Hash);
    }
  const Array *Functions = Obj->getArray("functions");
  if (!Functions) {
    P.field("functions").report("expected an array");
    return false;
  }
  for (size_t I = 0; I < Functions->size(); ++I) {
    FunctionFacts F;
    if (!functionFromJSON((*Functions)[I], F, Paths,
                          P.field("functions").index(I)))
      return false;
    Unit.Functions.push_back(std::move(F));
  }
  if (const Array *Bridges = Obj->getArray("bridges"))
    for (size_t I = 0; I < Bridges->size(); ++I) {
      Fields Item((*Bridges)[I], P.field("bridges").index(I), Paths);
      BridgeFact B;
      if (!Item || !Item.text(0, B.Variable) || !Item.text(1, B.Name) ||
          !Item.location(2, B.Loc))
        return false;
      Unit.Bridges.push_back(std::move(B));
    }
  return true;
}

Value toJSON(const Candidate &C) {
  Object O{{"loc", locationJSON(C.Loc)},
           {"description", C.Description},
           {"boundary", C.Boundary},
           {"report_only", C.ReportOnly},
           {"strict", C.StrictMode},
           {"boundary_notes", notesJSON(C.BoundaryNotes)},
           {"read_notes", notesJSON(C.ReadNotes)}};
  if (!C.ForwardedTo.empty()) {
    O["forwarded_to"] = C.ForwardedTo;
    O["forwarded_param"] = C.ForwardedParam;
  }
  if (C.ReadWhat)
    O["read_what"] = *C.ReadWhat;
  if (!C.ReadLost.empty())
    O["read_lost"] = C.ReadLost;
  if (!C.ReadLostVariable.empty())
    O["read_lost_variable"] = C.ReadLostVariable;
  if (C.LostAdvice)
    O["lost_advice"] = notesJSON({*C.LostAdvice});
  if (!C.Callable.empty())
    O["callable"] = C.Callable;
  if (!C.Adapter.empty())
    O["adapter"] = C.Adapter;
  if (!C.BridgeIncludes.empty()) {
    Array Includes;
    for (const IncludeFact &I : C.BridgeIncludes)
      Includes.push_back(Object{{"header", I.Header},
                                {"loc", locationJSON(I.Loc)},
                                {"text", I.Text}});
    O["bridge_includes"] = std::move(Includes);
  }
  return O;
}

/// The advice note, written as a one-note array.
static bool mapAdvice(llvm::json::ObjectMapper &O,
                      std::optional<NoteFact> &Advice) {
  std::optional<std::vector<NoteFact>> Notes;
  if (!O.mapOptional("lost_advice", Notes))
    return false;
  if (Notes && !Notes->empty())
    Advice = Notes->front();
  return true;
}

bool fromJSON(const Value &V, Candidate &C, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("loc", C.Loc) && O.map("description", C.Description) &&
         O.map("boundary", C.Boundary) && O.map("report_only", C.ReportOnly) &&
         O.map("strict", C.StrictMode) &&
         O.map("boundary_notes", C.BoundaryNotes) &&
         O.map("read_notes", C.ReadNotes) &&
         O.mapOptional("forwarded_to", C.ForwardedTo) &&
         mapUnsigned(O, "forwarded_param", C.ForwardedParam,
                     /*Required=*/false) &&
         O.mapOptional("read_what", C.ReadWhat) &&
         O.mapOptional("read_lost", C.ReadLost) &&
         O.mapOptional("read_lost_variable", C.ReadLostVariable) &&
         mapAdvice(O, C.LostAdvice) && O.mapOptional("callable", C.Callable) &&
         O.mapOptional("adapter", C.Adapter) &&
         O.mapOptional("bridge_includes", C.BridgeIncludes);
}

void writeFactsFile(llvm::raw_ostream &OS, const FactsFile &F) {
  OS << Value(Object{{"version", FactsVersion}, {"asyncctx", "facts"}}) << "\n";
  for (const UnitFacts &U : F.Units)
    OS << toJSON(U) << "\n";
}

llvm::Expected<FactsFile> parseFactsFile(llvm::StringRef Text) {
  // One line a unit: only one unit's JSON tree is in memory at a time.
  auto [Header, Rest] = Text.split('\n');
  llvm::Expected<Value> Parsed = llvm::json::parse(Header);
  if (!Parsed)
    return Parsed.takeError();
  llvm::json::Path::Root Root("facts");
  llvm::json::ObjectMapper O(*Parsed, Root);
  unsigned Version = 0;
  std::string Kind;
  if (!O || !mapUnsigned(O, "version", Version) || !O.map("asyncctx", Kind) ||
      Kind != "facts")
    return llvm::createStringError("not an asyncctx facts file");
  if (Version != FactsVersion)
    return llvm::createStringError(
        "facts version %u, expected %u: rewrite it with this asyncctx", Version,
        FactsVersion);
  FactsFile Result;
  for (unsigned Line = 2; !Rest.empty(); ++Line) {
    llvm::StringRef UnitText;
    std::tie(UnitText, Rest) = Rest.split('\n');
    if (UnitText.trim().empty())
      continue;
    llvm::Expected<Value> Unit = llvm::json::parse(UnitText);
    if (!Unit)
      return llvm::createStringError("line %u: %s", Line,
                                     llvm::toString(Unit.takeError()).c_str());
    llvm::json::Path::Root UnitRoot("unit");
    Result.Units.emplace_back();
    if (!fromJSON(*Unit, Result.Units.back(), UnitRoot))
      return llvm::createStringError(
          "line %u: %s", Line, llvm::toString(UnitRoot.getError()).c_str());
  }
  return Result;
}

} // namespace asyncctx

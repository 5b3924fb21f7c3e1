//===--- ProgramFacts.cpp - asyncctx --------------------------------------===//
//
// The JSON form of facts and candidates. Locations inside a unit refer to the
// unit's file table (`[file, offset, line, column]`): a function's facts name
// the same few files over and over.
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

Value functionJSON(const FunctionFacts &F, FileTable &Files) {
  Object O{{"key", F.Key},
           {"qualified", F.QualifiedName},
           {"name", F.Name},
           {"loc", Files(F.Loc)}};
  if (F.Read)
    O["read"] = Object{{"what", F.Read->What}, {"loc", Files(F.Read->Loc)}};
  if (!F.Calls.empty()) {
    Array Calls;
    for (const CallFact &C : F.Calls) {
      Object Call{
          {"callee", C.Callee}, {"name", C.Name}, {"loc", Files(C.Loc)}};
      if (C.Virtual)
        Call["virtual"] = true;
      Calls.push_back(std::move(Call));
    }
    O["calls"] = std::move(Calls);
  }
  if (!F.Overrides.empty())
    O["overrides"] = Array(F.Overrides);
  if (!F.Forwards.empty()) {
    Array Forwards;
    for (const ForwardFact &W : F.Forwards)
      Forwards.push_back(Object{{"param", W.Param},
                                {"kind", kindName(W.How)},
                                {"target", W.Target},
                                {"target_name", W.TargetName},
                                {"target_param", W.TargetParam},
                                {"loc", Files(W.Loc)}});
    O["forwards"] = std::move(Forwards);
  }
  if (!F.Drains.empty()) {
    Array Drains;
    for (const DrainFact &D : F.Drains)
      Drains.push_back(Object{{"member", D.Member},
                              {"member_name", D.MemberName},
                              {"function", D.Function},
                              {"function_name", D.FunctionName},
                              {"loc", Files(D.Loc)}});
    O["drains"] = std::move(Drains);
  }
  if (!F.Spawns.empty()) {
    Array Spawns;
    for (const SpawnFact &S : F.Spawns)
      Spawns.push_back(Object{
          {"runs", S.Runs}, {"boundary", S.Boundary}, {"loc", Files(S.Loc)}});
    O["spawns"] = std::move(Spawns);
  }
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

// Found by argument-dependent lookup from llvm::json's vector mapping, which
// does not see into an anonymous namespace.
static bool fromJSON(const Value &V, FactLocation &L, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("file", L.File) && O.map("offset", L.Offset) &&
         O.map("line", L.Line) && O.map("column", L.Column);
}

static bool fromJSON(const Value &V, NoteFact &N, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("message", N.Message) && O.map("loc", N.Loc);
}

namespace {

/// Maps a located field against the unit's file table.
struct Located {
  const std::vector<std::string> &Files;
  bool operator()(const Object &O, llvm::StringRef Key, FactLocation &L,
                  llvm::json::Path P) const {
    const Value *V = O.get(Key);
    if (!V) {
      P.field(Key).report("missing value");
      return false;
    }
    return fromJSON(*V, L, Files, P.field(Key));
  }
};

bool functionFromJSON(const Value &V, FunctionFacts &F, const Located &Loc,
                      llvm::json::Path P) {
  const Object *Obj = V.getAsObject();
  llvm::json::ObjectMapper O(V, P);
  if (!O || !O.map("key", F.Key) || !O.map("qualified", F.QualifiedName) ||
      !O.map("name", F.Name) || !Loc(*Obj, "loc", F.Loc, P) ||
      !O.mapOptional("overrides", F.Overrides))
    return false;
  if (const Object *Read = Obj->getObject("read")) {
    llvm::json::ObjectMapper R(*Obj->get("read"), P.field("read"));
    F.Read.emplace();
    if (!R.map("what", F.Read->What) ||
        !Loc(*Read, "loc", F.Read->Loc, P.field("read")))
      return false;
  }
  auto Each = [&](llvm::StringRef Field, auto &&Read) {
    const Array *A = Obj->getArray(Field);
    for (size_t I = 0; A && I < A->size(); ++I) {
      llvm::json::Path Item = P.field(Field).index(I);
      const Object *Elem = (*A)[I].getAsObject();
      if (!Elem) {
        Item.report("expected an object");
        return false;
      }
      if (!Read((*A)[I], *Elem, Item))
        return false;
    }
    return true;
  };
  return Each("calls",
              [&](const Value &E, const Object &EO, llvm::json::Path IP) {
                CallFact C;
                llvm::json::ObjectMapper M(E, IP);
                if (!M.map("callee", C.Callee) || !M.map("name", C.Name) ||
                    !M.mapOptional("virtual", C.Virtual) ||
                    !Loc(EO, "loc", C.Loc, IP))
                  return false;
                F.Calls.push_back(std::move(C));
                return true;
              }) &&
         Each("forwards",
              [&](const Value &E, const Object &EO, llvm::json::Path IP) {
                ForwardFact W;
                std::string Kind;
                llvm::json::ObjectMapper M(E, IP);
                if (!M.map("param", W.Param) || !M.map("kind", Kind) ||
                    !M.map("target", W.Target) ||
                    !M.map("target_name", W.TargetName) ||
                    !M.map("target_param", W.TargetParam) ||
                    !Loc(EO, "loc", W.Loc, IP))
                  return false;
                if (Kind == "boundary")
                  W.How = ForwardFact::Boundary;
                else if (Kind == "parameter")
                  W.How = ForwardFact::Parameter;
                else if (Kind == "store")
                  W.How = ForwardFact::Store;
                else {
                  IP.field("kind").report(
                      "expected 'boundary', 'parameter' or 'store'");
                  return false;
                }
                F.Forwards.push_back(std::move(W));
                return true;
              }) &&
         Each("drains",
              [&](const Value &E, const Object &EO, llvm::json::Path IP) {
                DrainFact D;
                llvm::json::ObjectMapper M(E, IP);
                if (!M.map("member", D.Member) ||
                    !M.map("member_name", D.MemberName) ||
                    !M.map("function", D.Function) ||
                    !M.map("function_name", D.FunctionName) ||
                    !Loc(EO, "loc", D.Loc, IP))
                  return false;
                F.Drains.push_back(std::move(D));
                return true;
              }) &&
         Each("spawns",
              [&](const Value &E, const Object &EO, llvm::json::Path IP) {
                SpawnFact S;
                llvm::json::ObjectMapper M(E, IP);
                if (!M.map("runs", S.Runs) || !M.map("boundary", S.Boundary) ||
                    !Loc(EO, "loc", S.Loc, IP))
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
  Array FileArray;
  for (unsigned I = 0; I < Files.Paths.size(); ++I) {
    Object Entry{{"path", Files.Paths[I]}};
    if (I < Unit.FileHashes.size())
      Entry["hash"] = Unit.FileHashes[I].second;
    FileArray.push_back(std::move(Entry));
  }
  return Object{{"file", Unit.File},
                {"files", std::move(FileArray)},
                {"functions", std::move(Functions)}};
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
  Located Loc{Paths};
  for (size_t I = 0; I < Functions->size(); ++I) {
    FunctionFacts F;
    if (!functionFromJSON((*Functions)[I], F, Loc,
                          P.field("functions").index(I)))
      return false;
    Unit.Functions.push_back(std::move(F));
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
  if (!C.Callable.empty())
    O["callable"] = C.Callable;
  return O;
}

bool fromJSON(const Value &V, Candidate &C, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("loc", C.Loc) && O.map("description", C.Description) &&
         O.map("boundary", C.Boundary) && O.map("report_only", C.ReportOnly) &&
         O.map("strict", C.StrictMode) &&
         O.map("boundary_notes", C.BoundaryNotes) &&
         O.map("read_notes", C.ReadNotes) &&
         O.mapOptional("forwarded_to", C.ForwardedTo) &&
         O.mapOptional("forwarded_param", C.ForwardedParam) &&
         O.mapOptional("read_what", C.ReadWhat) &&
         O.mapOptional("callable", C.Callable);
}

Value toJSON(const FactsFile &F) {
  Array Units;
  for (const UnitFacts &U : F.Units)
    Units.push_back(toJSON(U));
  return Object{{"version", FactsVersion}, {"units", std::move(Units)}};
}

llvm::Expected<FactsFile> parseFactsFile(llvm::StringRef Text) {
  llvm::Expected<Value> Parsed = llvm::json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  llvm::json::Path::Root Root("facts");
  llvm::json::ObjectMapper O(*Parsed, Root);
  unsigned Version = 0;
  FactsFile Result;
  if (!O || !O.map("version", Version))
    return Root.getError();
  if (Version != FactsVersion)
    return llvm::createStringError(
        "facts version %u, expected %u: rewrite it with this asyncctx", Version,
        FactsVersion);
  if (!O.map("units", Result.Units))
    return Root.getError();
  return Result;
}

} // namespace asyncctx

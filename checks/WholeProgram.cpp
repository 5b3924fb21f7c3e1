//===--- WholeProgram.cpp - asyncctx --------------------------------------===//

#include "checks/WholeProgram.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <mutex>

namespace asyncctx {

static thread_local FactsSink *CurrentSink = nullptr;

FactsSink *FactsSink::current() { return CurrentSink; }

FactsSink::Scope::Scope(FactsSink *Sink) : Previous(CurrentSink) {
  CurrentSink = Sink;
}

FactsSink::Scope::~Scope() { CurrentSink = Previous; }

static constexpr llvm::StringLiteral MarkerPrefix = "asyncctx-candidate:";

std::string candidateMarker(unsigned Id) {
  return (MarkerPrefix + llvm::Twine(Id)).str();
}

std::optional<unsigned> parseCandidateMarker(llvm::StringRef Message) {
  unsigned Id = 0;
  if (!Message.consume_front(MarkerPrefix) || Message.getAsInteger(10, Id))
    return std::nullopt;
  return Id;
}

std::shared_ptr<const LoadedFacts> LoadedFacts::load(llvm::StringRef Path,
                                                     std::string &Error) {
  static std::mutex Mutex;
  static llvm::StringMap<std::shared_ptr<const LoadedFacts>> Cache;
  std::lock_guard<std::mutex> Lock(Mutex);
  if (auto It = Cache.find(Path); It != Cache.end())
    return It->second;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = "cannot read '" + Path.str() + "': " + Buffer.getError().message();
    return nullptr;
  }
  llvm::Expected<FactsFile> Parsed = parseFactsFile((*Buffer)->getBuffer());
  if (!Parsed) {
    Error = "malformed facts file '" + Path.str() +
            "': " + llvm::toString(Parsed.takeError());
    return nullptr;
  }
  auto Loaded = std::make_shared<LoadedFacts>();
  Loaded->Facts = std::move(*Parsed);
  // A file counts as changed if its text no longer has the recorded hash (or
  // is gone); its functions are left out.
  llvm::StringMap<bool> Checked;
  for (const UnitFacts &Unit : Loaded->Facts.Units)
    for (const auto &[File, Hash] : Unit.FileHashes) {
      auto [It, New] = Checked.try_emplace(File, false);
      if (!New)
        continue;
      auto Text = llvm::MemoryBuffer::getFile(File);
      if (!Text || contentHash((*Text)->getBuffer()) != Hash) {
        It->second = true;
        Loaded->Stale.push_back(File);
        Loaded->StaleSet.insert(File);
      }
    }
  for (const FunctionFacts *F :
       ProgramSolution::functionsOf(Loaded->Facts.Units))
    if (!Loaded->StaleSet.contains(F->Loc.File))
      Loaded->Current.push_back(F);
  // Bridges count wherever they are registered, even in changed files: a
  // translation unit's own bridges are added to them.
  Loaded->Bridges = ProgramSolution::bridgesOf(Loaded->Facts.Units);
  Loaded->Solution =
      std::make_unique<ProgramSolution>(Loaded->Current, Loaded->Bridges);
  Cache[Path] = Loaded;
  return Loaded;
}

std::unique_ptr<ProgramSolution>
LoadedFacts::solveWith(const UnitFacts &Fresh) const {
  // The fresh facts come first: they win over nothing stale, and over
  // nothing else either, since the stale files' functions are left out.
  std::vector<const FunctionFacts *> All;
  for (const FunctionFacts &F : Fresh.Functions)
    All.push_back(&F);
  llvm::append_range(All, Current);
  std::vector<std::string> AllBridges = Bridges;
  for (const BridgeFact &B : Fresh.Bridges)
    AllBridges.push_back(B.Variable);
  return std::make_unique<ProgramSolution>(std::move(All),
                                           std::move(AllBridges));
}

bool LoadedFacts::takeStaleReport() const {
  static std::mutex Mutex;
  std::lock_guard<std::mutex> Lock(Mutex);
  bool First = !StaleReported;
  StaleReported = true;
  return First;
}

} // namespace asyncctx

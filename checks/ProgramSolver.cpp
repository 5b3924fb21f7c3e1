//===--- ProgramSolver.cpp - asyncctx -------------------------------------===//
//
// Both questions are reachability on a graph built from the facts, answered by
// one breadth-first search backwards from the direct evidence (a read; a
// parameter passed to a boundary or handed off through a queue). Distances
// keep the notes finite through recursion: each hop of a note path goes to a
// node strictly closer to the evidence, the first such in source order.
//
//===----------------------------------------------------------------------===//

#include "checks/ProgramSolver.h"
#include "llvm/ADT/STLExtras.h"
#include <deque>

namespace asyncctx {

std::string callbackMessage(llvm::StringRef Description,
                            llvm::StringRef Boundary,
                            const std::string *ReadWhat, bool ReportOnly,
                            llvm::StringRef WhyReadIsLost) {
  std::string Message = (Description + " passed to '" + Boundary +
                         "' runs without the caller's async context")
                            .str();
  if (ReadWhat)
    Message += ("; it reads '" + *ReadWhat + "'" + WhyReadIsLost).str();
  if (ReportOnly)
    Message += "; a C callback cannot be wrapped in place, pass the context "
               "through its argument";
  return Message;
}

std::string lostReadReason(llvm::StringRef LostFrom, llvm::StringRef Adapter) {
  if (LostFrom.empty())
    return (", a thread_local that '" + Adapter +
            "' does not carry without a bridge")
        .str();
  return (" from '" + LostFrom + "', which '" + Adapter +
          "' does not carry without a bridge")
      .str();
}

std::string forwardingNote(llvm::StringRef Wrapper, llvm::StringRef Inner) {
  return ("'" + Wrapper + "' passes it to '" + Inner +
          "' here, which runs it asynchronously")
      .str();
}

std::string overrideNote(llvm::StringRef Override) {
  return ("'" + Override + "' overrides it here").str();
}

std::string throughCallNote(llvm::StringRef Callee) {
  if (Callee.empty())
    return "through the lambda that runs here";
  return ("through this call to '" + Callee + "'").str();
}

namespace {

/// Reverse edges in compressed form: one allocation whatever the degree.
class ReverseGraph {
public:
  explicit ReverseGraph(unsigned Nodes) : Start(Nodes + 1, 0) {}
  void count(unsigned To) { ++Start[To + 1]; }
  void finishCounting() {
    for (size_t I = 1; I < Start.size(); ++I)
      Start[I] += Start[I - 1];
    Sources.resize(Start.back());
    Fill.assign(Start.begin(), Start.end() - 1);
  }
  void add(unsigned From, unsigned To) { Sources[Fill[To]++] = From; }
  llvm::ArrayRef<unsigned> into(unsigned To) const {
    return llvm::ArrayRef<unsigned>(Sources).slice(Start[To],
                                                   Start[To + 1] - Start[To]);
  }

private:
  std::vector<unsigned> Start, Sources, Fill;
};

/// Breadth-first from the nodes at distance 0, along reversed edges.
void propagate(std::vector<unsigned> &Distance, const ReverseGraph &Graph,
               unsigned Unreached) {
  std::deque<unsigned> Queue;
  for (unsigned N = 0; N < Distance.size(); ++N)
    if (Distance[N] == 0)
      Queue.push_back(N);
  while (!Queue.empty()) {
    unsigned N = Queue.front();
    Queue.pop_front();
    for (unsigned From : Graph.into(N))
      if (Distance[From] == Unreached) {
        Distance[From] = Distance[N] + 1;
        Queue.push_back(From);
      }
  }
}

std::string parameterKey(llvm::StringRef Key, unsigned Param) {
  return (Key + llvm::Twine('\0') + llvm::Twine(Param)).str();
}

} // namespace

std::vector<const FunctionFacts *>
ProgramSolution::functionsOf(llvm::ArrayRef<UnitFacts> Units) {
  std::vector<const FunctionFacts *> Result;
  for (const UnitFacts &Unit : Units)
    for (const FunctionFacts &F : Unit.Functions)
      Result.push_back(&F);
  return Result;
}

std::vector<std::string>
ProgramSolution::bridgesOf(llvm::ArrayRef<UnitFacts> Units) {
  std::vector<std::string> Result;
  for (const UnitFacts &Unit : Units)
    for (const BridgeFact &B : Unit.Bridges)
      Result.push_back(B.Variable);
  return Result;
}

ProgramSolution::ProgramSolution(std::vector<const FunctionFacts *> All,
                                 std::vector<std::string> BridgedVariables) {
  for (const std::string &Key : BridgedVariables)
    Bridged.insert(Key);
  for (const FunctionFacts *F : All)
    if (FunctionIndex.try_emplace(F->Key, Functions.size()).second)
      Functions.push_back(F);
  solveReads();
  solveBoundaries();
}

const FunctionFacts *ProgramSolution::facts(llvm::StringRef Key) const {
  auto It = FunctionIndex.find(Key);
  return It == FunctionIndex.end() ? nullptr : Functions[It->second];
}

unsigned ProgramSolution::functionNode(llvm::StringRef Key) const {
  auto It = FunctionIndex.find(Key);
  return It == FunctionIndex.end() ? Unreached : It->second;
}

unsigned ProgramSolution::dispatchNode(llvm::StringRef Key) const {
  auto It = DispatchIndex.find(Key);
  return It == DispatchIndex.end() ? Unreached : Functions.size() + It->second;
}

unsigned ProgramSolution::callTarget(const CallFact &Call) const {
  return Call.Virtual ? dispatchNode(Call.Callee) : functionNode(Call.Callee);
}

//===--- Reads ------------------------------------------------------------===//

void ProgramSolution::solveReads() {
  auto AddDispatch = [&](llvm::StringRef Key) {
    if (DispatchIndex.try_emplace(Key, DispatchKeys.size()).second)
      DispatchKeys.push_back(Key.str());
  };
  for (const FunctionFacts *F : Functions) {
    for (const CallFact &Call : F->Calls)
      if (Call.Virtual)
        AddDispatch(Call.Callee);
    for (const std::string &Base : F->Overrides) {
      AddDispatch(Base);
      AddDispatch(F->Key);
      OverridersOf[Base].push_back(F);
    }
  }
  // A virtual call may run the method itself or any override, transitively.
  DispatchTargets.resize(DispatchKeys.size());
  for (unsigned D = 0; D < DispatchKeys.size(); ++D) {
    if (unsigned Own = functionNode(DispatchKeys[D]); Own != Unreached)
      DispatchTargets[D].push_back(Own);
    auto Overriders = OverridersOf.find(DispatchKeys[D]);
    if (Overriders != OverridersOf.end())
      for (const FunctionFacts *O : Overriders->second)
        DispatchTargets[D].push_back(dispatchNode(O->Key));
  }

  const unsigned Nodes = Functions.size() + DispatchKeys.size();
  ReverseGraph Graph(Nodes);
  auto ForEachEdge = [&](auto &&Edge) {
    for (unsigned N = 0; N < Functions.size(); ++N)
      for (const CallFact &Call : Functions[N]->Calls)
        if (unsigned To = callTarget(Call); To != Unreached)
          Edge(N, To);
    for (unsigned D = 0; D < DispatchKeys.size(); ++D)
      for (unsigned To : DispatchTargets[D])
        Edge(Functions.size() + D, To);
  };
  ForEachEdge([&](unsigned, unsigned To) { Graph.count(To); });
  Graph.finishCounting();
  ForEachEdge([&](unsigned From, unsigned To) { Graph.add(From, To); });

  // The direct evidence of each question. A thread_local a bridge registers
  // anywhere is a read the fix carries, in every translation unit
  // (docs/whole-program.md#bridges-and-carry).
  auto Solve = [&](ReadPaths &Paths, auto DirectRead) {
    Paths.Direct.assign(Functions.size(), nullptr);
    Paths.Distance.assign(Nodes, Unreached);
    for (unsigned N = 0; N < Functions.size(); ++N)
      if ((Paths.Direct[N] = DirectRead(*Functions[N])))
        Paths.Distance[N] = 0;
    propagate(Paths.Distance, Graph, Unreached);
    // Where each reached dispatch goes on: decided once, since a method may
    // have thousands of overrides and be called from thousands of places.
    Paths.DispatchNext.assign(DispatchKeys.size(), Unreached);
    for (unsigned D = 0; D < DispatchKeys.size(); ++D) {
      unsigned N = Functions.size() + D;
      if (Paths.Distance[N] != Unreached)
        for (unsigned To : DispatchTargets[D])
          if (Paths.Distance[To] < Paths.Distance[N]) {
            Paths.DispatchNext[D] = To;
            break;
          }
    }
  };
  auto BridgedThreadLocal = [&](const OptionalFact<ReadFact> &R) {
    return R && !R->Variable.empty() && Bridged.contains(R->Variable);
  };
  Solve(AnyRead, [&](const FunctionFacts &F) -> const ReadFact * {
    if (F.Read)
      return &*F.Read;
    return BridgedThreadLocal(F.ThreadLocalRead) ? &*F.ThreadLocalRead
                                                 : nullptr;
  });
  Solve(LostReads, [&](const FunctionFacts &F) -> const ReadFact * {
    return F.LostRead && !BridgedThreadLocal(F.LostRead) ? &*F.LostRead
                                                         : nullptr;
  });
  Solve(BridgeReads, [&](const FunctionFacts &F) -> const ReadFact * {
    return F.BridgeRead ? &*F.BridgeRead : nullptr;
  });
}

bool ProgramSolution::reads(llvm::StringRef Key) const {
  unsigned N = functionNode(Key);
  return N != Unreached && AnyRead.Distance[N] != Unreached;
}

unsigned ProgramSolution::resolveDispatch(const ReadPaths &Paths,
                                          unsigned N) const {
  while (N >= Functions.size()) {
    N = Paths.DispatchNext[N - Functions.size()];
    assert(N != Unreached && "a reached dispatch node has a closer target");
  }
  return N;
}

const ReadFact *
ProgramSolution::pathToRead(const ReadPaths &Paths, llvm::StringRef Key,
                            std::vector<NoteFact> *Notes) const {
  unsigned N = functionNode(Key);
  if (N == Unreached || Paths.Distance[N] == Unreached)
    return nullptr;
  while (Paths.Distance[N] != 0) {
    for (const CallFact &Call : Functions[N]->Calls) {
      unsigned To = callTarget(Call);
      if (To == Unreached || Paths.Distance[To] >= Paths.Distance[N])
        continue;
      unsigned Runs = resolveDispatch(Paths, To);
      if (Notes) {
        std::string Message = throughCallNote(Call.Name);
        if (Call.Virtual && Functions[Runs]->Key != Call.Callee)
          Message += ", overridden by '" + Functions[Runs]->QualifiedName + "'";
        Notes->push_back({std::move(Message), Call.Loc});
      }
      N = Runs;
      break;
    }
  }
  const ReadFact *Read = Paths.Direct[N];
  if (Notes)
    Notes->push_back({ReadHereNote.str(), Read->Loc});
  return Read;
}

std::optional<std::string>
ProgramSolution::readWhat(llvm::StringRef Key) const {
  if (const ReadFact *Read = pathToRead(AnyRead, Key, nullptr))
    return Read->What;
  return std::nullopt;
}

std::vector<NoteFact> ProgramSolution::readNotes(llvm::StringRef Key) const {
  std::vector<NoteFact> Notes;
  pathToRead(AnyRead, Key, &Notes);
  return Notes;
}

const ReadFact *ProgramSolution::lostRead(llvm::StringRef Key,
                                          std::vector<NoteFact> *Notes) const {
  return pathToRead(LostReads, Key, Notes);
}

const ReadFact *ProgramSolution::bridgeRead(llvm::StringRef Key) const {
  return pathToRead(BridgeReads, Key, nullptr);
}

//===--- Boundaries -------------------------------------------------------===//

unsigned ProgramSolution::parameterNode(llvm::StringRef Key,
                                        unsigned Param) const {
  auto It = ParameterIndex.find(parameterKey(Key, Param));
  return It == ParameterIndex.end() ? Unreached : It->second;
}

const DrainFact *
ProgramSolution::drainElsewhere(const ForwardFact &Store,
                                llvm::StringRef Function) const {
  auto It = Drains.find(Store.Target);
  if (It == Drains.end())
    return nullptr;
  for (const DrainFact *D : It->second)
    if (D->Function != Function)
      return D;
  return nullptr;
}

void ProgramSolution::solveBoundaries() {
  for (const FunctionFacts *F : Functions) {
    for (const DrainFact &D : F->Drains)
      Drains[D.Member].push_back(&D);
    for (const SpawnFact &S : F->Spawns)
      SpawnsOf[S.Runs].push_back(&S);
    for (const CallFact &C : F->Calls)
      CallersOf[C.Callee].push_back(F->Key);
  }
  // Nodes: every forwarded parameter, and the same parameter of each method
  // an overriding one overrides (a call through the base may run it).
  auto AddNode = [&](llvm::StringRef Key, unsigned Param,
                     const FunctionFacts *F) {
    auto [It, New] =
        ParameterIndex.try_emplace(parameterKey(Key, Param), Parameters.size());
    if (New) {
      Parameters.push_back({F, Param});
      ParameterKeys.push_back(Key.str());
    }
    return New;
  };
  for (const FunctionFacts *F : Functions)
    for (const ForwardFact &W : F->Forwards)
      AddNode(F->Key, W.Param, F);
  for (unsigned N = 0; N < Parameters.size(); ++N)
    if (const FunctionFacts *F = Parameters[N].Function)
      for (const std::string &Base : F->Overrides)
        AddNode(Base, Parameters[N].Param, facts(Base));

  ReverseGraph Graph(Parameters.size());
  auto ForEachEdge = [&](auto &&Edge) {
    for (unsigned N = 0; N < Parameters.size(); ++N) {
      const ParameterNode &P = Parameters[N];
      if (P.Function)
        for (const ForwardFact &W : P.Function->Forwards)
          if (W.Param == P.Param && W.How == ForwardFact::Parameter)
            if (unsigned To = parameterNode(W.Target, W.TargetParam);
                To != Unreached)
              Edge(N, To);
      auto Overriders = OverridersOf.find(ParameterKeys[N]);
      if (Overriders != OverridersOf.end())
        for (const FunctionFacts *O : Overriders->second)
          if (unsigned To = parameterNode(O->Key, P.Param); To != Unreached)
            Edge(N, To);
    }
  };
  ForEachEdge([&](unsigned, unsigned To) { Graph.count(To); });
  Graph.finishCounting();
  ForEachEdge([&](unsigned From, unsigned To) { Graph.add(From, To); });

  BoundaryDistance.assign(Parameters.size(), Unreached);
  for (unsigned N = 0; N < Parameters.size(); ++N) {
    const ParameterNode &P = Parameters[N];
    if (!P.Function)
      continue;
    for (const ForwardFact &W : P.Function->Forwards)
      if (W.Param == P.Param &&
          (W.How == ForwardFact::Boundary ||
           (W.How == ForwardFact::Store && drainElsewhere(W, P.Function->Key))))
        BoundaryDistance[N] = 0;
  }
  propagate(BoundaryDistance, Graph, Unreached);
  // The override a path through a base method goes on to, decided once: a
  // method may have thousands of overrides.
  OverriderHop.assign(Parameters.size(), nullptr);
  for (unsigned N = 0; N < Parameters.size(); ++N) {
    if (BoundaryDistance[N] == Unreached || BoundaryDistance[N] == 0)
      continue;
    auto Overriders = OverridersOf.find(ParameterKeys[N]);
    if (Overriders != OverridersOf.end())
      for (const FunctionFacts *O : Overriders->second)
        if (unsigned To = parameterNode(O->Key, Parameters[N].Param);
            To != Unreached && BoundaryDistance[To] < BoundaryDistance[N]) {
          OverriderHop[N] = O;
          break;
        }
  }
}

bool ProgramSolution::isBoundary(llvm::StringRef Key, unsigned Param) const {
  unsigned N = parameterNode(Key, Param);
  return N != Unreached && BoundaryDistance[N] != Unreached;
}

std::string ProgramSolution::parameterOwner(unsigned N) const {
  const ParameterNode &P = Parameters[N];
  return P.Function ? P.Function->QualifiedName : ParameterKeys[N];
}

ProgramSolution::Evidence ProgramSolution::evidence(unsigned N) const {
  const ParameterNode &P = Parameters[N];
  for (const ForwardFact &W : P.Function->Forwards) {
    if (W.Param != P.Param)
      continue;
    if (W.How == ForwardFact::Boundary)
      return {&W, nullptr};
    if (W.How == ForwardFact::Store)
      if (const DrainFact *D = drainElsewhere(W, P.Function->Key))
        return {&W, D};
  }
  llvm_unreachable("a node at distance 0 has its evidence");
}

std::pair<unsigned, NoteFact> ProgramSolution::nextHop(unsigned N) const {
  const ParameterNode &P = Parameters[N];
  if (P.Function)
    for (const ForwardFact &W : P.Function->Forwards)
      if (W.Param == P.Param && W.How == ForwardFact::Parameter)
        if (unsigned To = parameterNode(W.Target, W.TargetParam);
            To != Unreached && BoundaryDistance[To] < BoundaryDistance[N])
          return {To, {forwardingNote(parameterOwner(N), W.TargetName), W.Loc}};
  // A call through a method may run any override.
  const FunctionFacts *O = OverriderHop[N];
  assert(O && "a reached node has a closer successor");
  return {parameterNode(O->Key, P.Param),
          {overrideNote(O->QualifiedName), O->Loc}};
}

std::vector<NoteFact> ProgramSolution::boundaryNotes(llvm::StringRef Key,
                                                     unsigned Param) const {
  std::vector<NoteFact> Notes;
  unsigned N = parameterNode(Key, Param);
  if (N == Unreached || BoundaryDistance[N] == Unreached)
    return Notes;
  for (; BoundaryDistance[N] != 0;) {
    auto [Next, Note] = nextHop(N);
    Notes.push_back(std::move(Note));
    N = Next;
  }
  auto [Forward, Drain] = evidence(N);
  if (!Drain) {
    Notes.push_back(
        {forwardingNote(parameterOwner(N), Forward->TargetName), Forward->Loc});
    return Notes;
  }
  Notes.push_back({"'" + parameterOwner(N) + "' stores it in '" +
                       Forward->TargetName + "' here, to be run later",
                   Forward->Loc});
  Notes.push_back({"'" + Drain->FunctionName + "' takes it out of '" +
                       Drain->MemberName + "' here, to run it",
                   Drain->Loc});
  return Notes;
}

const SpawnFact *ProgramSolution::startOf(llvm::StringRef Function) const {
  if (auto It = SpawnsOf.find(Function); It != SpawnsOf.end())
    return It->second.front();
  // Started by a callable that calls it (`std::thread([this] { loop(); })`).
  if (auto It = CallersOf.find(Function); It != CallersOf.end())
    for (llvm::StringRef Caller : It->second)
      if (auto Spawn = SpawnsOf.find(Caller); Spawn != SpawnsOf.end())
        return Spawn->second.front();
  return nullptr;
}

std::vector<InferredBoundary> ProgramSolution::inferredBoundaries() const {
  std::vector<InferredBoundary> Result;
  for (unsigned N = 0; N < Parameters.size(); ++N) {
    const ParameterNode &P = Parameters[N];
    if (!P.Function || BoundaryDistance[N] == Unreached)
      continue;
    InferredBoundary B;
    B.Key = P.Function->Key;
    B.Name = P.Function->QualifiedName;
    B.Param = P.Param;
    B.Loc = P.Function->Loc;
    B.Evidence = boundaryNotes(B.Key, B.Param);
    unsigned End = N;
    while (BoundaryDistance[End] != 0)
      End = nextHop(End).first;
    if (auto [Forward, Drain] = evidence(End); Drain) {
      B.Queue = Forward->TargetName;
      B.TakenOut =
          NoteFact{"taken out by '" + Drain->FunctionName + "'", Drain->Loc};
      if (const SpawnFact *Start = startOf(Drain->Function))
        B.RunBy = NoteFact{"run by '" + Start->Boundary + "'", Start->Loc};
    }
    Result.push_back(std::move(B));
  }
  llvm::sort(Result, [](const InferredBoundary &A, const InferredBoundary &B) {
    return std::tie(A.Name, A.Param, A.Key) < std::tie(B.Name, B.Param, B.Key);
  });
  return Result;
}

//===--- Candidates -------------------------------------------------------===//

std::optional<Decision> decide(const Candidate &C, const ProgramSolution &S) {
  if (!C.ForwardedTo.empty() && !S.isBoundary(C.ForwardedTo, C.ForwardedParam))
    return std::nullopt;
  Decision D;
  std::optional<std::string> What = C.ReadWhat;
  std::string Lost;
  std::vector<NoteFact> ReadNotes;
  std::optional<NoteFact> Advice;
  if (What) {
    // Read here; a thread_local it does not carry may be bridged elsewhere.
    ReadNotes = C.ReadNotes;
    if (!C.ReadLost.empty() &&
        (C.ReadLostVariable.empty() || !S.isBridged(C.ReadLostVariable))) {
      Lost = C.ReadLost;
      Advice = C.LostAdvice;
    }
  } else if (!C.Callable.empty()) {
    // Read elsewhere: a read the fix does not carry wins, as in a
    // translation unit
    // (docs/checks/asyncctx-callback-without-context.md#which-reads-get-a-fix).
    if (const ReadFact *LostRead = S.lostRead(C.Callable, &ReadNotes)) {
      What = LostRead->What;
      Lost = lostReadReason(LostRead->LostFrom, C.Adapter);
      Advice = LostRead->Advice;
    } else if ((What = S.readWhat(C.Callable))) {
      ReadNotes = S.readNotes(C.Callable);
      if (const ReadFact *Bridged = S.bridgeRead(C.Callable))
        D.BridgeHeader = Bridged->BridgeHeader;
    }
  }
  if (!What && !C.StrictMode)
    return std::nullopt;
  D.Message = callbackMessage(C.Description, C.Boundary,
                              What ? &*What : nullptr, C.ReportOnly, Lost);
  D.Notes = C.ForwardedTo.empty()
                ? C.BoundaryNotes
                : S.boundaryNotes(C.ForwardedTo, C.ForwardedParam);
  llvm::append_range(D.Notes, ReadNotes);
  if (Advice)
    D.Notes.push_back(*Advice);
  D.Fix = Lost.empty() && !C.ReportOnly;
  return D;
}

} // namespace asyncctx

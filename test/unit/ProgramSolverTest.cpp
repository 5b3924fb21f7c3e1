//===--- ProgramSolverTest.cpp - asyncctx ---------------------------------===//
//
// The whole-program solve on synthetic facts: reads and boundaries across
// functions of different files, recursion, virtual overrides, queues and
// listeners, and candidates.
//
//===----------------------------------------------------------------------===//

#include "checks/ProgramSolver.h"
#include "gtest/gtest.h"
#include <chrono>

namespace asyncctx {
namespace {

FactLocation at(const std::string &File, unsigned Line) {
  return {File, Line * 100, Line, 1};
}

/// Builds facts one function at a time.
class Program {
public:
  // References returned by define() must survive further definitions.
  Program() { Unit.Functions.reserve(64); }

  FunctionFacts &define(const std::string &Name, const std::string &File) {
    FunctionFacts F;
    F.Key = "c:@F@" + Name;
    F.QualifiedName = Name;
    F.Name = Name.substr(
        Name.rfind(':') == std::string::npos ? 0 : Name.rfind(':') + 1);
    F.Loc = at(File, 1);
    Unit.Functions.push_back(std::move(F));
    return Unit.Functions.back();
  }
  static void call(FunctionFacts &F, const std::string &Callee, unsigned Line,
                   bool Virtual = false) {
    F.Calls.push_back({"c:@F@" + Callee, Callee.substr(Callee.rfind(':') + 1),
                       at(F.Loc.File, Line), Virtual});
  }
  static void read(FunctionFacts &F, unsigned Line) {
    F.Read = ReadFact{"request_id", at(F.Loc.File, Line)};
  }
  static void forward(FunctionFacts &F, unsigned Param, ForwardFact::Kind How,
                      const std::string &Target, unsigned TargetParam,
                      unsigned Line) {
    std::string Key = How == ForwardFact::Boundary ? Target : "c:@F@" + Target;
    F.Forwards.push_back(
        {Param, How, Key, Target, TargetParam, at(F.Loc.File, Line)});
  }
  static void drain(FunctionFacts &F, const std::string &Member,
                    unsigned Line) {
    F.Drains.push_back({"c:@F@" + Member, Member, F.Key, F.QualifiedName,
                        at(F.Loc.File, Line)});
  }
  ProgramSolution solve(std::vector<std::string> Bridged = {}) {
    return ProgramSolution(ProgramSolution::functionsOf(Unit),
                           std::move(Bridged));
  }

  UnitFacts Unit;
};

std::vector<std::string> messages(const std::vector<NoteFact> &Notes) {
  std::vector<std::string> Result;
  for (const NoteFact &N : Notes)
    Result.push_back(N.Message + " @" + N.Loc.File + ":" +
                     std::to_string(N.Loc.Line));
  return Result;
}

TEST(ProgramSolverTest, ReadTwoFilesAway) {
  Program P;
  Program::call(P.define("handle", "handlers.cpp"), "format_line", 3);
  Program::call(P.define("format_line", "format.cpp"), "log_line", 5);
  Program::read(P.define("log_line", "log.cpp"), 7);
  P.define("unrelated", "other.cpp");
  ProgramSolution S = P.solve();
  EXPECT_TRUE(S.reads("c:@F@handle"));
  EXPECT_TRUE(S.reads("c:@F@log_line"));
  EXPECT_FALSE(S.reads("c:@F@unrelated"));
  EXPECT_FALSE(S.reads("c:@F@undefined"));
  EXPECT_EQ(S.readWhat("c:@F@handle"), "request_id");
  EXPECT_EQ(messages(S.readNotes("c:@F@handle")),
            (std::vector<std::string>{
                "through this call to 'format_line' @handlers.cpp:3",
                "through this call to 'log_line' @format.cpp:5",
                "context is read here @log.cpp:7"}));
}

TEST(ProgramSolverTest, RecursionAcrossFiles) {
  Program P;
  // a -> b -> a (mutual), b -> c reads; d -> d (self) only.
  FunctionFacts &A = P.define("a", "a.cpp");
  Program::call(A, "a", 2);
  Program::call(A, "b", 3);
  FunctionFacts &B = P.define("b", "b.cpp");
  Program::call(B, "a", 2);
  Program::call(B, "c", 4);
  Program::read(P.define("c", "c.cpp"), 9);
  Program::call(P.define("d", "d.cpp"), "d", 1);
  FunctionFacts &E = P.define("e", "e.cpp");
  Program::call(E, "f", 1);
  Program::call(P.define("f", "f.cpp"), "e", 1);
  ProgramSolution S = P.solve();
  EXPECT_TRUE(S.reads("c:@F@a"));
  EXPECT_TRUE(S.reads("c:@F@b"));
  EXPECT_FALSE(S.reads("c:@F@d"));
  EXPECT_FALSE(S.reads("c:@F@e"));
  EXPECT_FALSE(S.reads("c:@F@f"));
  // The path never loops: each hop gets closer to the read.
  EXPECT_EQ(messages(S.readNotes("c:@F@a")),
            (std::vector<std::string>{"through this call to 'b' @a.cpp:3",
                                      "through this call to 'c' @b.cpp:4",
                                      "context is read here @c.cpp:9"}));
}

TEST(ProgramSolverTest, VirtualCallReadsThroughAnOverride) {
  Program P;
  Program::call(P.define("send", "handlers.cpp"), "Sink::write", 4,
                /*Virtual=*/true);
  Program::call(P.define("send_direct", "handlers.cpp"), "Sink::write", 5);
  FunctionFacts &Quiet = P.define("QuietSink::write", "quiet.cpp");
  Quiet.Overrides.push_back("c:@F@Sink::write");
  FunctionFacts &Logging = P.define("LoggingSink::write", "logging.cpp");
  Logging.Overrides.push_back("c:@F@Sink::write");
  Program::read(Logging, 12);
  ProgramSolution S = P.solve();
  EXPECT_TRUE(S.reads("c:@F@send"));
  // A qualified (non-virtual) call runs Sink::write itself, which has no body.
  EXPECT_FALSE(S.reads("c:@F@send_direct"));
  EXPECT_EQ(
      messages(S.readNotes("c:@F@send")),
      (std::vector<std::string>{"through this call to 'write', overridden by "
                                "'LoggingSink::write' @handlers.cpp:4",
                                "context is read here @logging.cpp:12"}));
}

TEST(ProgramSolverTest, QueueIsABoundaryListenerIsNot) {
  Program P;
  Program::forward(P.define("Pool::submit", "pool.cpp"), 0, ForwardFact::Store,
                   "Pool::queue_", 0, 10);
  Program::drain(P.define("Pool::worker_loop", "pool.cpp"), "Pool::queue_", 20);
  Program::forward(P.define("Bus::subscribe", "bus.cpp"), 0, ForwardFact::Store,
                   "Bus::listeners_", 0, 5);
  // Takes out what it stored itself: not a hand-off to someone else.
  FunctionFacts &Once = P.define("Slot::swap_in", "slot.cpp");
  Program::forward(Once, 0, ForwardFact::Store, "Slot::value_", 0, 3);
  Program::drain(Once, "Slot::value_", 4);
  ProgramSolution S = P.solve();
  EXPECT_TRUE(S.isBoundary("c:@F@Pool::submit", 0));
  EXPECT_FALSE(S.isBoundary("c:@F@Pool::submit", 1));
  EXPECT_FALSE(S.isBoundary("c:@F@Bus::subscribe", 0));
  EXPECT_FALSE(S.isBoundary("c:@F@Slot::swap_in", 0));
  EXPECT_EQ(messages(S.boundaryNotes("c:@F@Pool::submit", 0)),
            (std::vector<std::string>{
                "'Pool::submit' stores it in 'Pool::queue_' here, to be run "
                "later @pool.cpp:10",
                "'Pool::worker_loop' takes it out of 'Pool::queue_' here, to "
                "run it @pool.cpp:20"}));
  std::vector<InferredBoundary> All = S.inferredBoundaries();
  ASSERT_EQ(All.size(), 1u);
  EXPECT_EQ(All[0].Name, "Pool::submit");
  EXPECT_EQ(All[0].Queue, "Pool::queue_");
  ASSERT_TRUE(All[0].TakenOut);
  EXPECT_EQ(All[0].TakenOut->Loc.Line, 20u);
}

TEST(ProgramSolverTest, ForwardingWrappersAcrossFilesAndRecursion) {
  Program P;
  Program::forward(P.define("run_later", "util.cpp"), 0, ForwardFact::Parameter,
                   "Pool::submit", 0, 3);
  Program::forward(P.define("Pool::submit", "pool.cpp"), 0,
                   ForwardFact::Boundary, "std::thread", 0, 10);
  // Forwarding to each other only: never reaches a boundary.
  Program::forward(P.define("ping", "a.cpp"), 0, ForwardFact::Parameter, "pong",
                   0, 1);
  Program::forward(P.define("pong", "b.cpp"), 0, ForwardFact::Parameter, "ping",
                   0, 1);
  ProgramSolution S = P.solve();
  EXPECT_TRUE(S.isBoundary("c:@F@run_later", 0));
  EXPECT_FALSE(S.isBoundary("c:@F@ping", 0));
  EXPECT_EQ(messages(S.boundaryNotes("c:@F@run_later", 0)),
            (std::vector<std::string>{
                "'run_later' passes it to 'Pool::submit' here, which runs it "
                "asynchronously @util.cpp:3",
                "'Pool::submit' passes it to 'std::thread' here, which runs it "
                "asynchronously @pool.cpp:10"}));
}

TEST(ProgramSolverTest, CallThroughABaseMethodWhoseOverrideForwards) {
  Program P;
  FunctionFacts &Impl = P.define("ThreadExecutor::execute", "exec.cpp");
  Impl.Overrides.push_back("c:@F@Executor::execute");
  Program::forward(Impl, 0, ForwardFact::Boundary, "std::thread", 0, 8);
  ProgramSolution S = P.solve();
  EXPECT_TRUE(S.isBoundary("c:@F@Executor::execute", 0));
  EXPECT_EQ(S.boundaryNotes("c:@F@Executor::execute", 0).size(), 2u);
}

TEST(ProgramSolverTest, FirstDefinitionWins) {
  UnitFacts First, Second;
  FunctionFacts Reads;
  Reads.Key = "c:@F@inline_helper";
  Reads.Read = ReadFact{"request_id", at("h.h", 2)};
  FunctionFacts Quiet;
  Quiet.Key = "c:@F@inline_helper";
  First.Functions.push_back(Reads);
  Second.Functions.push_back(Quiet);
  std::vector<UnitFacts> InOrder{First, Second}, Reversed{Second, First};
  EXPECT_TRUE(ProgramSolution(ProgramSolution::functionsOf(InOrder))
                  .reads("c:@F@inline_helper"));
  EXPECT_FALSE(ProgramSolution(ProgramSolution::functionsOf(Reversed))
                   .reads("c:@F@inline_helper"));
}

TEST(ProgramSolverTest, DecideCandidates) {
  Program P;
  Program::read(P.define("log_line", "log.cpp"), 7);
  Program::call(P.define("lambda", "handlers.cpp"), "log_line", 12);
  P.define("quiet_lambda", "handlers.cpp");
  Program::forward(P.define("Pool::submit", "pool.cpp"), 0, ForwardFact::Store,
                   "Pool::queue_", 0, 10);
  Program::drain(P.define("Pool::worker_loop", "pool.cpp"), "Pool::queue_", 20);
  ProgramSolution S = P.solve();

  Candidate Known;
  Known.Description = "lambda";
  Known.Boundary = "std::thread";
  Known.Callable = "c:@F@lambda";
  std::optional<Decision> D = decide(Known, S);
  ASSERT_TRUE(D);
  EXPECT_EQ(D->Message, "lambda passed to 'std::thread' runs without the "
                        "caller's async context; it reads 'request_id'");
  EXPECT_EQ(D->Notes.size(), 2u);

  Candidate Quiet = Known;
  Quiet.Callable = "c:@F@quiet_lambda";
  EXPECT_FALSE(decide(Quiet, S));
  Quiet.StrictMode = true;
  ASSERT_TRUE(decide(Quiet, S));
  EXPECT_EQ(decide(Quiet, S)->Message,
            "lambda passed to 'std::thread' runs without the caller's async "
            "context");

  Candidate Pool = Known;
  Pool.Boundary = "Pool::submit";
  Pool.ForwardedTo = "c:@F@Pool::submit";
  D = decide(Pool, S);
  ASSERT_TRUE(D);
  // The boundary's notes first, then the read's.
  EXPECT_EQ(messages(D->Notes).size(), 4u);
  EXPECT_EQ(D->Notes.front().Loc.File, "pool.cpp");
  EXPECT_EQ(D->Notes.back().Loc.File, "log.cpp");
  Pool.ForwardedParam = 1;
  EXPECT_FALSE(decide(Pool, S));
}

TEST(ProgramSolverTest, BridgesAndCarryAcrossFiles) {
  // log_line reads a listed thread_local no bridge of its unit registers;
  // trace_line reads the OpenTelemetry context; audit_line a thread_local
  // that is no source in its unit.
  Program P;
  FunctionFacts &Log = P.define("log_line", "log.cpp");
  Program::read(Log, 7);
  Log.LostRead = ReadFact{"g_request_id",
                          at("log.cpp", 7),
                          "c:@g_request_id",
                          "",
                          "",
                          NoteFact{"register a bridge", at("log.h", 3)}};
  FunctionFacts &Trace = P.define("trace_line", "trace.cpp");
  Trace.Read = ReadFact{"RuntimeContext", at("trace.cpp", 4)};
  Trace.BridgeRead = Trace.Read;
  Trace.BridgeRead->BridgeHeader = "<asyncctx/opentelemetry.hpp>";
  FunctionFacts &Audit = P.define("audit_line", "audit.cpp");
  Audit.ThreadLocalRead =
      ReadFact{"g_user", at("audit.cpp", 5), "c:@g_user", "", "", {}};
  Program::call(P.define("logs", "handlers.cpp"), "log_line", 12);
  Program::call(P.define("traces", "handlers.cpp"), "trace_line", 13);
  Program::call(P.define("audits", "handlers.cpp"), "audit_line", 14);

  Candidate Logs;
  Logs.Description = "lambda";
  Logs.Boundary = "std::thread";
  Logs.Callable = "c:@F@logs";
  Logs.Adapter = "asyncctx::wrap";
  Candidate Traces = Logs, Audits = Logs;
  Traces.Callable = "c:@F@traces";
  Audits.Callable = "c:@F@audits";

  // No bridge anywhere: the thread_local stays lost, with the reason, the
  // advice and no fix; the unlisted one is no read.
  ProgramSolution Plain = P.solve();
  std::optional<Decision> D = decide(Logs, Plain);
  ASSERT_TRUE(D);
  EXPECT_EQ(D->Message,
            "lambda passed to 'std::thread' runs without the caller's async "
            "context; it reads 'g_request_id', a thread_local that "
            "'asyncctx::wrap' does not carry without a bridge");
  EXPECT_FALSE(D->Fix);
  EXPECT_EQ(
      messages(D->Notes),
      (std::vector<std::string>{
          "through this call to 'log_line' @handlers.cpp:12",
          "context is read here @log.cpp:7", "register a bridge @log.h:3"}));
  EXPECT_FALSE(decide(Audits, Plain));
  D = decide(Traces, Plain);
  ASSERT_TRUE(D);
  EXPECT_TRUE(D->Fix);
  EXPECT_EQ(D->BridgeHeader, "<asyncctx/opentelemetry.hpp>");

  // Bridged in some unit: both thread_locals are carried reads.
  ProgramSolution Bridged = P.solve({"c:@g_request_id", "c:@g_user"});
  D = decide(Logs, Bridged);
  ASSERT_TRUE(D);
  EXPECT_TRUE(D->Fix);
  EXPECT_EQ(D->Message, "lambda passed to 'std::thread' runs without the "
                        "caller's async context; it reads 'request_id'");
  D = decide(Audits, Bridged);
  ASSERT_TRUE(D);
  EXPECT_TRUE(D->Fix);
  EXPECT_EQ(messages(D->Notes).back(), "context is read here @audit.cpp:5");

  // A read in the candidate's own unit, lost there, bridged elsewhere.
  Candidate Local = Logs;
  Local.Callable.clear();
  Local.ReadWhat = "g_request_id";
  Local.ReadLost = lostReadReason("", "asyncctx::wrap");
  Local.ReadLostVariable = "c:@g_request_id";
  Local.LostAdvice = NoteFact{"register a bridge", at("log.h", 3)};
  EXPECT_FALSE(decide(Local, Plain)->Fix);
  EXPECT_EQ(decide(Local, Plain)->Notes.size(), 1u);
  EXPECT_TRUE(decide(Local, Bridged)->Fix);
  EXPECT_TRUE(decide(Local, Bridged)->Notes.empty());
  // A source no bridge carries (folly) stays lost whatever is bridged.
  Local.ReadLostVariable.clear();
  Local.ReadLost = lostReadReason("folly::RequestContext", "asyncctx::wrap");
  EXPECT_FALSE(decide(Local, Bridged)->Fix);
  EXPECT_NE(decide(Local, Bridged)
                ->Message.find(
                    "from 'folly::RequestContext', which 'asyncctx::wrap' does "
                    "not carry without a bridge"),
            std::string::npos);
}

TEST(ProgramSolverTest, LongChainsAreLinear) {
  // A chain of N functions, each calling the next, the last reading; and a
  // chain of N wrappers. Breadth-first, no recursion: no stack to overflow,
  // and doubling N about doubles the time (measured in bench/, not here).
  constexpr unsigned N = 50000;
  UnitFacts Unit;
  Unit.Functions.resize(N);
  for (unsigned I = 0; I < N; ++I) {
    FunctionFacts &F = Unit.Functions[I];
    F.Key = "f" + std::to_string(I);
    F.QualifiedName = F.Name = F.Key;
    if (I + 1 < N) {
      F.Calls.push_back({"f" + std::to_string(I + 1), "", {}, false});
      F.Forwards.push_back(
          {0, ForwardFact::Parameter, "f" + std::to_string(I + 1), "", 0, {}});
    } else {
      F.Read = ReadFact{"request_id", {}};
      F.Forwards.push_back(
          {0, ForwardFact::Boundary, "std::thread", "", 0, {}});
    }
  }
  ProgramSolution S(ProgramSolution::functionsOf(Unit));
  EXPECT_TRUE(S.reads("f0"));
  EXPECT_TRUE(S.isBoundary("f0", 0));
  EXPECT_EQ(S.readNotes("f0").size(), N);
}

} // namespace
} // namespace asyncctx

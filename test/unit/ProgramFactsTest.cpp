//===--- ProgramFactsTest.cpp - asyncctx ----------------------------------===//
//
// The JSON form of facts and candidates: what is written reads back equal,
// and a file of another version or shape is refused with a message.
//
//===----------------------------------------------------------------------===//

#include "checks/ProgramFacts.h"
#include "gtest/gtest.h"

namespace asyncctx {
namespace {

FactsFile sample() {
  FunctionFacts Log;
  Log.Key = "c:@F@log_line#&1$@N@std@S@basic_string>#C";
  Log.QualifiedName = "app::log_line";
  Log.Name = "log_line";
  Log.Loc = {"/src/log.cpp", 40, 5, 6};
  Log.Read = ReadFact{"request_id", {"/src/log.cpp", 90, 7, 27}};
  Log.LostRead =
      ReadFact{"g_request_id",
               {"/src/log.cpp", 95, 7, 32},
               "c:@g_request_id",
               "",
               "",
               NoteFact{"register a bridge", {"/src/log.h", 3, 1, 4}}};
  Log.BridgeRead = ReadFact{"RuntimeContext",
                            {"/src/log.cpp", 99, 8, 3},
                            "",
                            "",
                            "<asyncctx/opentelemetry.hpp>",
                            {}};
  Log.ThreadLocalRead =
      ReadFact{"g_user", {"/src/log.cpp", 120, 9, 3}, "c:@g_user", "", "", {}};
  FunctionFacts Submit;
  Submit.Key = "c:@S@Pool@F@submit#";
  Submit.QualifiedName = "Pool::submit";
  Submit.Name = "submit";
  Submit.Loc = {"/src/pool.cpp", 10, 2, 12};
  Submit.Calls.push_back({Log.Key, "log_line", {"/src/pool.h", 5, 1, 6}, true});
  Submit.Overrides.push_back("c:@S@Executor@F@submit#");
  Submit.Forwards.push_back({0,
                             ForwardFact::Store,
                             "c:@S@Pool@FI@queue_",
                             "Pool::queue_",
                             0,
                             {"/src/pool.cpp", 30, 3, 3}});
  Submit.Drains.push_back({"c:@S@Pool@FI@queue_",
                           "Pool::queue_",
                           "c:@S@Pool@F@loop#",
                           "Pool::loop",
                           {"/src/pool.cpp", 60, 9, 20}});
  Submit.Spawns.push_back(
      {"c:@S@Pool@F@loop#", "std::thread", {"/src/pool.cpp", 70, 12, 5}});
  UnitFacts Unit;
  Unit.File = "/src/pool.cpp";
  Unit.FileHashes = {{"/src/pool.cpp", contentHash("int x;")},
                     {"/src/log.cpp", contentHash("int y;")}};
  Unit.Functions = {Log, Submit};
  Unit.Bridges.push_back(
      {"c:@g_request_id", "g_request_id", {"/src/main.cpp", 12, 2, 3}});
  FactsFile File;
  File.Units.push_back(Unit);
  return File;
}

std::string print(const llvm::json::Value &V) {
  std::string Text;
  llvm::raw_string_ostream(Text) << V;
  return Text;
}

std::string print(const FactsFile &F) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeFactsFile(OS, F);
  return Text;
}

TEST(ProgramFactsTest, RoundTrip) {
  FactsFile Original = sample();
  std::string Text = print(Original);
  llvm::Expected<FactsFile> Read = parseFactsFile(Text);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(print(*Read), Text);
  // A header line, then one unit a line.
  EXPECT_EQ(llvm::StringRef(Text).count('\n'), 2u);
  const FunctionFacts &Submit = Read->Units[0].Functions[1];
  EXPECT_EQ(Submit.Calls[0].Loc.File, "/src/pool.h");
  EXPECT_TRUE(Submit.Calls[0].Virtual);
  EXPECT_EQ(Submit.Forwards[0].How, ForwardFact::Store);
  EXPECT_EQ(Read->Units[0].FileHashes.size(), 2u);
  const FunctionFacts &Log = Read->Units[0].Functions[0];
  ASSERT_TRUE(Log.LostRead && Log.LostRead->Advice);
  EXPECT_EQ(Log.LostRead->Variable, "c:@g_request_id");
  EXPECT_EQ(Log.LostRead->Advice->Loc.File, "/src/log.h");
  EXPECT_EQ(Log.BridgeRead->BridgeHeader, "<asyncctx/opentelemetry.hpp>");
  EXPECT_EQ(Log.ThreadLocalRead->Variable, "c:@g_user");
  ASSERT_EQ(Read->Units[0].Bridges.size(), 1u);
  EXPECT_EQ(Read->Units[0].Bridges[0].Loc.File, "/src/main.cpp");
}

TEST(ProgramFactsTest, CandidateRoundTrip) {
  Candidate C;
  C.Loc = {"/src/handlers.cpp", 120, 9, 15};
  C.Description = "lambda";
  C.Boundary = "Pool::submit";
  C.ForwardedTo = "c:@S@Pool@F@submit#";
  C.ReadWhat = "request_id";
  C.ReadNotes = {{"context is read here", {"/src/handlers.cpp", 130, 9, 30}}};
  C.ReadLost = ", a thread_local that 'asyncctx::wrap' does not carry";
  C.ReadLostVariable = "c:@g_request_id";
  C.LostAdvice = NoteFact{"register a bridge", {"/src/log.h", 3, 1, 4}};
  C.Adapter = "asyncctx::wrap";
  C.BridgeIncludes.push_back({"<asyncctx/opentelemetry.hpp>",
                              {"/src/handlers.cpp", 0, 1, 1},
                              "#include <asyncctx/opentelemetry.hpp>\n"});
  std::string Text = print(toJSON(C));
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  ASSERT_TRUE(bool(Parsed));
  Candidate Back;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(*Parsed, Back, Root));
  EXPECT_EQ(print(toJSON(Back)), Text);
  EXPECT_EQ(Back.LostAdvice->Loc.Line, 1u);
  EXPECT_EQ(Back.BridgeIncludes[0].Text, C.BridgeIncludes[0].Text);
}

TEST(ProgramFactsTest, RefusesOtherVersionsAndShapes) {
  llvm::Expected<FactsFile> Old =
      parseFactsFile(R"({"version": 0, "asyncctx": "facts"})");
  ASSERT_FALSE(bool(Old));
  EXPECT_NE(llvm::toString(Old.takeError()).find("version 0"),
            std::string::npos);
  llvm::Expected<FactsFile> BadFile = parseFactsFile(
      "{\"version\": 2, \"asyncctx\": \"facts\"}\n"
      R"({"file": "a.cpp", "files": [], "functions": [["k", "f", "f", [3, 0, 1, 1]]]})");
  ASSERT_FALSE(bool(BadFile));
  std::string Message = llvm::toString(BadFile.takeError());
  EXPECT_NE(Message.find("file table"), std::string::npos) << Message;
  EXPECT_NE(Message.find("line 2"), std::string::npos) << Message;
  llvm::Expected<FactsFile> NotJSON = parseFactsFile("not json");
  EXPECT_FALSE(bool(NotJSON));
  llvm::consumeError(NotJSON.takeError());
  llvm::Expected<FactsFile> Report = parseFactsFile(R"({"version": 1})");
  ASSERT_FALSE(bool(Report));
  EXPECT_NE(llvm::toString(Report.takeError()).find("not an asyncctx facts"),
            std::string::npos);
}

TEST(ProgramFactsTest, ContentHashIsStable) {
  EXPECT_EQ(contentHash("abc"), contentHash("abc"));
  EXPECT_NE(contentHash("abc"), contentHash("abd"));
  EXPECT_EQ(contentHash("").size(), 16u);
}

} // namespace
} // namespace asyncctx

//===--- Select.cpp - asyncctx standalone tool ----------------------------===//
//
// The select step: the compilation database, and which of its translation
// units this run analyses (FILES, --files-from, --shard).
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace asyncctx::tool {

Database::~Database() = default;

namespace {

/// Loads BUILD_DIR/compile_commands.json (or the file itself).
std::unique_ptr<Database> loadDatabase(llvm::StringRef Path,
                                       std::string &Error) {
  llvm::SmallString<256> File(absolutePath(Path));
  if (llvm::sys::fs::is_directory(File) || !File.str().ends_with(".json"))
    llvm::sys::path::append(File, "compile_commands.json");
  std::unique_ptr<llvm::MemoryBuffer> Buffer =
      readFile(File, "compilation database", Error);
  if (!Buffer)
    return nullptr;
  std::string Message;
  auto DB = tooling::JSONCompilationDatabase::loadFromBuffer(
      Buffer->getBuffer(), Message, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    Error =
        "malformed compilation database '" + File.str().str() + "': " + Message;
    return nullptr;
  }
  auto Result = std::make_unique<Database>();
  Result->DB = std::move(DB);
  Result->Path = File.str().str();
  if (Result->DB->getAllCompileCommands().empty()) {
    Error = "compilation database '" + Result->Path + "' has no entries";
    return nullptr;
  }
  return Result;
}

std::vector<std::string> allFiles(const Database &D) {
  std::set<std::string> Files;
  for (const tooling::CompileCommand &C : D.DB->getAllCompileCommands())
    Files.insert(absolutePath(C.Filename, C.Directory));
  return {Files.begin(), Files.end()};
}

/// Appends the lines of \p Path ('-': standard input) to \p Out, without
/// blank lines and `#` comments.
bool readFileList(llvm::StringRef Path, std::vector<std::string> &Out,
                  std::string &Error) {
  std::unique_ptr<llvm::MemoryBuffer> B = readFile(Path, "--files-from", Error);
  if (!B)
    return false;
  llvm::SmallVector<llvm::StringRef> Lines;
  B->getBuffer().split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    L = L.trim();
    if (!L.empty() && !L.starts_with("#"))
      Out.push_back(L.str());
  }
  return true;
}

/// The requested files, absolute, each readable and in the database.
bool requestedFiles(const SelectionRequest &Request, const Database &DB,
                    std::vector<std::string> &Files, std::string &Error) {
  std::vector<std::string> Requested = Request.Files;
  if (!Request.FilesFrom.empty() &&
      !readFileList(Request.FilesFrom, Requested, Error))
    return false;
  std::set<std::string> Unique;
  for (const std::string &F : Requested) {
    std::string Abs = absolutePath(F);
    if (!readFile(Abs, "", Error))
      return false;
    if (DB.DB->getCompileCommands(Abs).empty()) {
      Error =
          "'" + F + "' is not in the compilation database '" + DB.Path + "'";
      return false;
    }
    Unique.insert(Abs);
  }
  Files.assign(Unique.begin(), Unique.end());
  return true;
}

} // namespace

bool selectTranslationUnits(const SelectionRequest &Request,
                            std::unique_ptr<Database> &DB,
                            std::vector<std::string> &Files,
                            std::string &Error) {
  DB = loadDatabase(Request.BuildDir, Error);
  if (!DB)
    return false;
  if (Request.Files.empty() && Request.FilesFrom.empty())
    Files = allFiles(*DB);
  else if (!requestedFiles(Request, *DB, Files, Error))
    return false;
  if (Request.ShardCount) {
    // Round-robin over the sorted list: deterministic, balanced by count.
    std::vector<std::string> Mine;
    for (size_t I = 0; I < Files.size(); ++I)
      if (I % Request.ShardCount == Request.ShardIndex - 1)
        Mine.push_back(Files[I]);
    Files = std::move(Mine);
  }
  return true;
}

} // namespace asyncctx::tool

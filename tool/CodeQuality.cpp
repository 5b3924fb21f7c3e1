//===--- CodeQuality.cpp - asyncctx standalone tool -----------------------===//
//
// The GitLab Code Quality report: a JSON array of Code Climate issues, which
// GitLab shows in the merge request widget and diff (docs/ci.md, "GitLab CI").
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace asyncctx::tool {

static llvm::json::Object issue(const Finding &F, llvm::StringRef Root) {
  // GitLab compares the fingerprints of the source and target branches to
  // tell new issues from fixed ones; ours do not move with line numbers.
  return llvm::json::Object{
      {"type", "issue"},
      {"check_name", F.Check},
      {"description", F.Message},
      {"categories", llvm::json::Array{"Bug Risk"}},
      {"severity", F.Level == "error" ? "critical" : "major"},
      {"fingerprint", F.Fingerprint},
      {"location", llvm::json::Object{
                       {"path", relativePath(F.Pos.File, Root)},
                       {"lines", llvm::json::Object{
                                     {"begin", std::max(1u, F.Pos.Line)}}}}}};
}

void writeCodeQuality(llvm::raw_ostream &OS, const Report &R) {
  llvm::json::Array Issues;
  for (const Finding &F : R.Findings)
    Issues.push_back(issue(F, R.Root));
  // A file that does not parse is an issue too: its findings are missing.
  // Compiler errors carry no fingerprint; they get one the same way.
  for (const ParseFailure &T : R.Failed) {
    std::vector<Finding> Errors = T.Errors;
    if (Errors.empty()) {
      Finding Unknown;
      Unknown.Check = "clang-diagnostic-error";
      Unknown.Level = "error";
      Unknown.Message = "the translation unit failed to parse";
      Unknown.Pos.File = T.File;
      Errors.push_back(std::move(Unknown));
    }
    assignFingerprints(Errors, R.Root);
    for (const Finding &E : Errors)
      Issues.push_back(issue(E, R.Root));
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Issues))) << "\n";
}

} // namespace asyncctx::tool

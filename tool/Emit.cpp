//===--- Emit.cpp - asyncctx standalone tool ------------------------------===//
//
// The emit step of `check` and `merge`: the report, the summary line, the
// exit status.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/Support/raw_ostream.h"

namespace asyncctx::tool {

namespace {

void writeReport(llvm::raw_ostream &OS, const Report &R, ReportFormat Format) {
  switch (Format) {
  case ReportFormat::JSON:
    return writeJSON(OS, R);
  case ReportFormat::SARIF:
    return writeSARIF(OS, R);
  case ReportFormat::CodeQuality:
    return writeCodeQuality(OS, R);
  case ReportFormat::HTML:
    return writeHTML(OS, R);
  case ReportFormat::Text:
    return writeText(OS, R);
  }
}

} // namespace

std::string summaryLine(const Report &R) {
  const RunSummary &S = R.Summary;
  std::string Line;
  llvm::raw_string_ostream OS(Line);
  OS << R.Findings.size() << " finding" << (R.Findings.size() == 1 ? "" : "s");
  if (S.Suppressed)
    OS << " (" << S.Suppressed << " more suppressed)";
  OS << " in " << S.Analysed << " of " << S.TranslationUnits
     << " translation unit" << (S.TranslationUnits == 1 ? "" : "s");
  if (S.FailedToParse)
    OS << "; " << S.FailedToParse << " failed to parse";
  return Line;
}

int exitStatus(const Report &R) {
  if (!R.ConfigErrors.empty() || !R.Summary.ToolErrors.empty())
    return ExitError;
  if (R.Summary.FailedToParse && !R.Summary.AllowParseErrors)
    return ExitError;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

int emitReport(const Report &R, ReportFormat Format, llvm::StringRef Output) {
  // writeToOutput writes "-" to standard output, and a file through a
  // temporary one renamed over it: a reader never sees half a report.
  std::string Path = Output.empty() ? "-" : Output.str();
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        OS.enable_colors(R.Color && Format == ReportFormat::Text);
        writeReport(OS, R, Format);
        return llvm::Error::success();
      })) {
    llvm::errs() << "asyncctx: error: cannot write report '" << Path
                 << "': " << llvm::toString(std::move(E)) << "\n";
    return ExitError;
  }
  llvm::outs().flush();
  if (!R.Quiet)
    llvm::errs() << "asyncctx: " << summaryLine(R) << "\n";
  // The last line links the page (terminals open file:// addresses).
  if (Format == ReportFormat::HTML && Path != "-")
    llvm::errs() << "asyncctx: HTML report written to file://"
                 << absolutePath(Path) << "\n";
  return exitStatus(R);
}

} // namespace asyncctx::tool

//===--- Html.cpp - asyncctx standalone tool ------------------------------===//
//
// The HTML report: one self-contained page (inline CSS, SVG and script; it
// loads nothing) with a summary chart and, for each finding, its source, the
// path from the callable to the context read, and the proposed fix as a diff.
//
//===----------------------------------------------------------------------===//

#include "tool/Tool.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

namespace asyncctx::tool {

namespace {

/// Lines shown above and below a finding.
constexpr unsigned ExcerptContext = 3;

/// \p Text with every character that means something in HTML (text or a
/// quoted attribute) replaced by its entity.
std::string escape(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

/// The async boundary a finding is about: the callee a callable is passed
/// to, or the suspension of a coroutine; else the check.
std::string boundaryKind(const Finding &F) {
  llvm::SmallVector<llvm::StringRef, 2> Match;
  if (llvm::Regex("passed to '([^']+)'").match(F.Message, &Match) ||
      llvm::Regex("^'(co_await|co_yield)'").match(F.Message, &Match))
    return Match[1].str();
  return F.Check;
}

std::string directoryOf(const Finding &F, llvm::StringRef Root) {
  std::string Rel = relativePath(F.Pos.File, Root);
  llvm::StringRef Dir = llvm::sys::path::parent_path(Rel);
  return Dir.empty() ? "." : Dir.str();
}

/// The source files the page quotes, read once.
class Sources {
public:
  llvm::StringRef text(llvm::StringRef File) {
    auto [It, New] = Texts.try_emplace(File.str());
    if (New)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File))
        It->second = (*Buffer)->getBuffer().str();
    return It->second;
  }

  /// The 1-based lines [First, Last] of \p File that exist.
  std::vector<std::pair<unsigned, llvm::StringRef>>
  lines(llvm::StringRef File, unsigned First, unsigned Last) {
    std::vector<std::pair<unsigned, llvm::StringRef>> Out;
    llvm::StringRef Rest = text(File);
    for (unsigned Line = 1; !Rest.empty() && Line <= Last; ++Line) {
      auto [Text, Next] = Rest.split('\n');
      if (Line >= First)
        Out.emplace_back(Line, Text.rtrim('\r'));
      Rest = Next;
    }
    return Out;
  }

private:
  std::map<std::string, std::string> Texts;
};

class Page {
public:
  Page(llvm::raw_ostream &OS, const Report &R) : OS(OS), R(R) {}

  void write() {
    OS << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
          "charset=\"utf-8\">\n<meta name=\"viewport\" "
          "content=\"width=device-width, initial-scale=1\">\n"
       << "<title>asyncctx report</title>\n<style>" << Style
       << "</style>\n</head>\n<body>\n";
    header();
    charts();
    errors();
    findings();
    suppressed();
    OS << "<footer>asyncctx " << ASYNCCTX_VERSION << "</footer>\n<script>"
       << Script << "</script>\n</body>\n</html>\n";
  }

private:
  void header() {
    OS << "<header>\n<h1>asyncctx report</h1>\n<p class=\"summary\">"
       << escape(summaryLine(R)) << "</p>\n";
    if (!R.Root.empty())
      OS << "<p class=\"root\">Project root: <code>" << escape(R.Root)
         << "</code></p>\n";
    OS << "</header>\n";
  }

  void charts() {
    if (R.Findings.empty())
      return;
    std::map<std::string, unsigned> ByBoundary, ByDirectory;
    for (const Finding &F : R.Findings) {
      ++ByBoundary[boundaryKind(F)];
      ++ByDirectory[directoryOf(F, R.Root)];
    }
    OS << "<section class=\"charts\">\n";
    chart("Findings by async boundary", ByBoundary);
    chart("Findings by directory", ByDirectory);
    OS << "</section>\n";
  }

  /// A horizontal bar chart, largest first; a click on a bar filters the
  /// findings by its label.
  void chart(llvm::StringRef Title, const std::map<std::string, unsigned> &In) {
    std::vector<std::pair<std::string, unsigned>> Bars(In.begin(), In.end());
    llvm::stable_sort(
        Bars, [](const auto &A, const auto &B) { return A.second > B.second; });
    unsigned Max = Bars.front().second;
    constexpr unsigned Row = 26, LabelWidth = 160, BarWidth = 260;
    OS << "<figure>\n<figcaption>" << escape(Title) << "</figcaption>\n"
       << "<svg role=\"img\" width=\"" << LabelWidth + BarWidth + 50
       << "\" height=\"" << Row * Bars.size() << "\">\n";
    for (unsigned I = 0; I < Bars.size(); ++I) {
      auto &[Label, Count] = Bars[I];
      unsigned Y = I * Row, Width = std::max(2u, BarWidth * Count / Max);
      OS << "<g class=\"bar\" data-filter=\"" << escape(Label) << "\"><title>"
         << escape(Label) << ": " << Count << "</title>"
         << "<text x=\"" << LabelWidth - 8 << "\" y=\"" << Y + 17
         << "\" text-anchor=\"end\">" << escape(Label) << "</text>"
         << "<rect x=\"" << LabelWidth << "\" y=\"" << Y + 4 << "\" width=\""
         << Width << "\" height=\"" << Row - 8 << "\" rx=\"3\"/>"
         << "<text class=\"count\" x=\"" << LabelWidth + Width + 6 << "\" y=\""
         << Y + 17 << "\">" << Count << "</text></g>\n";
    }
    OS << "</svg>\n</figure>\n";
  }

  void errors() {
    if (R.Failed.empty() && R.ConfigErrors.empty() &&
        R.Summary.ToolErrors.empty())
      return;
    OS << "<section class=\"errors\">\n<h2>Errors</h2>\n<ul>\n";
    for (const std::string &E : R.ConfigErrors)
      OS << "<li>" << escape(E) << "</li>\n";
    for (const std::string &E : R.Summary.ToolErrors)
      OS << "<li>" << escape(E) << "</li>\n";
    for (const ParseFailure &T : R.Failed) {
      OS << "<li><code>" << escape(relativePath(T.File, R.Root))
         << "</code> failed to parse (" << T.Errors.size() << " error"
         << (T.Errors.size() == 1 ? "" : "s")
         << "); its findings may be incomplete";
      if (!T.Errors.empty()) {
        const Finding &E = T.Errors.front();
        OS << "<br>" << location(E.Pos) << ": " << escape(E.Message);
        excerpt(E.Pos);
      }
      OS << "</li>\n";
    }
    OS << "</ul>\n</section>\n";
  }

  void findings() {
    OS << "<section id=\"findings\">\n<div class=\"controls\"><input "
          "id=\"filter\" type=\"search\" placeholder=\"Filter by text, "
          "file, boundary or check\" aria-label=\"Filter findings\"> <span "
          "id=\"shown\"></span></div>\n";
    if (R.Findings.empty())
      OS << "<p class=\"clean\">No findings.</p>\n";
    for (const Finding &F : R.Findings)
      finding(F, false);
    OS << "</section>\n";
  }

  void suppressed() {
    if (R.Suppressed.empty() && !R.Summary.Suppressed)
      return;
    OS << "<details class=\"suppressed\">\n<summary>" << R.Summary.Suppressed
       << " suppressed finding" << (R.Summary.Suppressed == 1 ? "" : "s")
       << " (baseline or <code>--diff</code>)";
    if (R.Suppressed.size() < R.Summary.Suppressed)
      OS << "; " << R.Suppressed.size() << " shown (the others were "
         << "suppressed in the merged shards)";
    OS << "</summary>\n";
    for (const Finding &F : R.Suppressed)
      finding(F, true);
    OS << "</details>\n";
  }

  void finding(const Finding &F, bool Suppressed) {
    unsigned Id = ++Findings;
    OS << "<article class=\"finding " << (Suppressed ? "is-suppressed " : "")
       << escape(F.Level) << "\" id=\"finding-" << Id << "\" data-filter=\""
       << escape(boundaryKind(F) + " " + directoryOf(F, R.Root)) << "\">\n"
       << "<h3><span class=\"level\">" << escape(F.Level) << "</span> "
       << "<a class=\"loc\" href=\"#finding-" << Id << "\">" << location(F.Pos)
       << "</a> <span class=\"message\">" << escape(F.Message)
       << "</span> <code class=\"check\">" << escape(F.Check)
       << "</code></h3>\n";
    excerpt(F.Pos);
    path(F);
    fix(F);
    OS << "</article>\n";
  }

  std::string location(const Position &P) {
    if (P.File.empty())
      return "(no location)";
    return escape(relativePath(P.File, R.Root)) + ":" + std::to_string(P.Line) +
           ":" + std::to_string(P.Column);
  }

  /// The lines around \p P with \p P's line marked.
  void excerpt(const Position &P) {
    if (P.File.empty() || !P.Line)
      return;
    unsigned First = P.Line > ExcerptContext ? P.Line - ExcerptContext : 1;
    auto Lines = Src.lines(P.File, First, P.Line + ExcerptContext);
    if (Lines.empty())
      return;
    OS << "<pre class=\"excerpt\">";
    for (auto &[Number, Text] : Lines) {
      bool Here = Number == P.Line;
      OS << "<span class=\"line" << (Here ? " here" : "")
         << "\"><span class=\"ln\">" << Number << "</span>";
      if (Here && P.Column >= 1 && P.Column <= Text.size() + 1)
        OS << escape(Text.take_front(P.Column - 1)) << "<mark>"
           << escape(Text.drop_front(P.Column - 1)) << "</mark>";
      else
        OS << escape(Text);
      OS << "</span>\n";
    }
    OS << "</pre>\n";
  }

  /// The callable at the boundary, then each note: the calls it makes and
  /// the context read they reach, possibly in other files.
  void path(const Finding &F) {
    if (F.Notes.empty())
      return;
    OS << "<ol class=\"path\">\n";
    step("crosses the async boundary", F.Pos);
    for (const Note &N : F.Notes)
      step(N.Message, N.Pos);
    OS << "</ol>\n";
  }

  void step(llvm::StringRef What, const Position &P) {
    OS << "<li><span class=\"what\">" << escape(What) << "</span> <span "
       << "class=\"loc\">" << location(P) << "</span>";
    if (llvm::StringRef Line = lineText(P).trim(); !Line.empty())
      OS << "<code>" << escape(Line) << "</code>";
    OS << "</li>\n";
  }

  /// The fix-its as a unified diff of each file they change.
  void fix(const Finding &F) {
    if (F.Fixes.empty())
      return;
    std::map<std::string, clang::tooling::Replacements> ByFile;
    for (const clang::tooling::Replacement &E : F.Fixes)
      if (llvm::Error Err = ByFile[E.getFilePath().str()].add(E))
        llvm::consumeError(std::move(Err)); // shown in `fix`, not here
    std::string Diff;
    llvm::raw_string_ostream DiffOS(Diff);
    for (auto &[File, Edits] : ByFile)
      writeUnifiedDiff(DiffOS, relativePath(File, R.Root), Src.text(File),
                       Edits);
    OS << "<details class=\"fix\" open>\n<summary>Proposed fix "
          "(<code>asyncctx fix</code>)</summary>\n<pre class=\"diff\">";
    for (llvm::StringRef Line :
         llvm::split(llvm::StringRef(Diff).rtrim('\n'), '\n')) {
      const char *Class = Line.starts_with("@@") ? "hunk"
                          : Line.starts_with("---") || Line.starts_with("+++")
                              ? "file"
                          : Line.starts_with("+") ? "add"
                          : Line.starts_with("-") ? "del"
                                                  : "ctx";
      OS << "<span class=\"" << Class << "\">" << escape(Line) << "</span>\n";
    }
    OS << "</pre>\n</details>\n";
  }

  static constexpr const char *Style = R"css(
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--warn:#9a6700;--err:#cf222e;--bar:#4078c0}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg)}
h1{margin:0 0 4px;font-size:26px}
.summary{font-size:17px;margin:0}.root{color:var(--muted);margin:2px 0 0}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.charts{display:flex;flex-wrap:wrap;gap:24px;margin:20px 0}
figure{margin:0;padding:12px 16px;border:1px solid var(--line);border-radius:8px;background:#fff}
figcaption{font-weight:600;margin-bottom:8px}
svg text{font:13px system-ui,sans-serif;fill:var(--fg)}svg .count{fill:var(--muted)}
svg rect{fill:var(--bar)}.bar{cursor:pointer}.bar:hover rect{fill:#2c5a94}
.controls{margin:8px 0 16px}#filter{width:420px;max-width:100%;padding:6px 10px;font-size:15px;border:1px solid var(--line);border-radius:6px}
#shown{color:var(--muted);margin-left:8px}
.finding{border:1px solid var(--line);border-left:4px solid var(--warn);border-radius:8px;padding:4px 16px 12px;margin:0 0 16px;background:#fff}
.finding.error{border-left-color:var(--err)}
.finding h3{font-size:15px;font-weight:500;margin:8px 0}
.level{text-transform:uppercase;font-size:11px;font-weight:700;letter-spacing:.05em;color:#fff;background:var(--warn);border-radius:4px;padding:2px 6px;vertical-align:1px}
.error .level{background:var(--err)}
a.loc{color:#0969da;font-family:ui-monospace,monospace;font-size:13px;text-decoration:none}
.check{color:var(--muted)}
pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 0;overflow-x:auto;margin:8px 0}
pre>span{display:inline-block;min-width:100%;padding:0 12px}
.ln{display:inline-block;width:3.5em;color:var(--muted);user-select:none}
.line.here{background:#fff8c5}mark{background:#ffd33d;border-radius:2px}
.path{margin:8px 0;padding-left:24px}.path li{margin:2px 0}
.path li+li::marker{content:"\2192  "}
.path .what{font-weight:500}.path .loc{color:var(--muted);font-family:ui-monospace,monospace;font-size:13px;margin:0 6px}
.path code{background:var(--bg);padding:1px 6px;border-radius:4px}
.fix summary{cursor:pointer;color:var(--muted)}
.diff .add{background:#dafbe1}.diff .del{background:#ffebe9}.diff .hunk{color:#8250df}.diff .file{color:var(--muted)}
details.suppressed{margin:24px 0;padding:8px 16px;border:1px dashed var(--line);border-radius:8px;color:var(--muted)}
details.suppressed>summary{cursor:pointer}
.is-suppressed{opacity:.75}
.errors{border:1px solid var(--err);border-radius:8px;padding:4px 16px;margin:16px 0;background:#fff5f5}
.errors h2{font-size:17px;color:var(--err)}
.clean{font-size:17px;color:#1a7f37}
footer{color:var(--muted);font-size:12px;margin-top:32px}
)css";

  static constexpr const char *Script = R"js(
(function () {
  var input = document.getElementById('filter');
  var shown = document.getElementById('shown');
  var all = document.querySelectorAll('#findings .finding');
  function apply() {
    var q = input.value.trim().toLowerCase(), n = 0;
    all.forEach(function (f) {
      var hit = !q || (f.textContent + ' ' + f.dataset.filter).toLowerCase().indexOf(q) >= 0;
      f.hidden = !hit;
      if (hit) n++;
    });
    shown.textContent = n + ' of ' + all.length + ' shown';
  }
  input.addEventListener('input', apply);
  document.querySelectorAll('.bar').forEach(function (bar) {
    bar.addEventListener('click', function () {
      input.value = input.value === bar.dataset.filter ? '' : bar.dataset.filter;
      apply();
    });
  });
  apply();
})();
)js";

  llvm::raw_ostream &OS;
  const Report &R;
  Sources Src;
  unsigned Findings = 0;
};

} // namespace

void writeHTML(llvm::raw_ostream &OS, const Report &R) { Page(OS, R).write(); }

} // namespace asyncctx::tool

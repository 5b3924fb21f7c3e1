"""Checks that every message the documentation quotes is one the binaries print.

usage: messages.py --work DIR --source ROOT --tool ASYNCCTX --clang-tidy CT
                   --plugin SO --other-clang-tidy CT --cxx CXX [--docs DIR]

What counts as a quoted message (docs/tool.md, "Messages in these pages"):

* in a fenced block, a line that is a diagnostic: `error: `, `warning: `,
  `note: ` or `asyncctx: ` first, after an optional `file:line:col: ` or
  `file: `;
* an inline code span that starts with one of those, with
  `Unknown command line argument` or with `invalid `.

Each is matched against the output of the scenarios below, which run the
plugin and the tool on small projects: a fenced line must equal a printed line
and an inline span must occur in one, after normalising both (locations and
a trailing ` [check-name]` removed, every number read as any number, `...`
and `…` in the documentation as any text). A quoted message that no scenario
prints fails the test, with the nearest printed line.
"""
import argparse
import difflib
import glob
import json
import os
import re
import shutil
import subprocess
import sys

PREFIXES = ("error: ", "warning: ", "note: ", "asyncctx: ")
INLINE_PREFIXES = PREFIXES + ("Unknown command line argument", "invalid ")
# `file:line:col: ` or `file: ` before a level; `asyncctx: error:` keeps its
# prefix.
LOCATION = re.compile(r"^(?!asyncctx:)\S+?(:\d+:\d+)?: (?=(error|warning|note): )")
CHECK_NAME = re.compile(r" \[[-a-z]+\]$")


def normalise(text):
    text = LOCATION.sub("", text.strip())
    return CHECK_NAME.sub("", text)


def pattern(quoted):
    """A regex for a documented message: numbers and ellipses are holes."""
    out = ""
    for piece in re.split(r"(\.\.\.|…|\d+)", normalise(quoted)):
        if piece in ("...", "…"):
            out += ".*"
        elif piece.isdigit():
            out += r"\d+"
        else:
            out += re.escape(piece)
    return out


def quoted_messages(docs):
    """(file, line, message, inline) for every quoted message in docs."""
    found = []
    for path in sorted(glob.glob(os.path.join(docs, "**", "*.md"), recursive=True)):
        text = open(path, encoding="utf-8").read()
        fenced = False
        for number, line in enumerate(text.split("\n"), 1):
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            if fenced:
                if normalise(line).startswith(PREFIXES):
                    found.append((path, number, line.strip(), False))
        # Inline spans may wrap; read them from the text with newlines as
        # spaces, outside fenced blocks.
        prose = re.sub(r"```.*?```", "", text, flags=re.S)
        for span in re.findall(r"`([^`]+)`", prose):
            span = " ".join(span.split())
            if span.startswith(INLINE_PREFIXES):
                where = re.search(r"\s+".join(map(re.escape, span.split(" "))), text)
                number = text[: where.start()].count("\n") + 1 if where else 0
                found.append((path, number, span, True))
    return found


class Runner:
    def __init__(self, args):
        self.a = args
        self.output = []

    def run(self, cmd, cwd, env=None):
        full_env = dict(os.environ, **(env or {}))
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, universal_newlines=True,
                           env=full_env)
        self.output.extend(p.stdout.split("\n"))
        return p

    def project(self, name, files):
        root = os.path.join(self.a.work, name)
        shutil.rmtree(root, ignore_errors=True)
        for rel, content in files.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(content)
        return root

    def compdb(self, root, sources, flags=(), directory=None):
        build = os.path.join(root, "build")
        os.makedirs(build, exist_ok=True)
        runtime = os.path.join(self.a.source, "runtime", "include")
        entries = [{"directory": directory or build, "file": os.path.join(root, s),
                    "arguments": [self.a.cxx, "-std=c++20", "-I" + runtime]
                    + list(flags) + ["-c", os.path.join(root, s)]}
                   for s in sources]
        with open(os.path.join(build, "compile_commands.json"), "w") as f:
            json.dump(entries, f)

    def tidy(self, root, files, config=None, plugin=None, clang_tidy=None, flags=()):
        cmd = [clang_tidy or self.a.clang_tidy, "-load", plugin or self.a.plugin,
               "-checks=-*,asyncctx-*"]
        if config:
            cmd.append("--config=" + config)
        runtime = os.path.join(self.a.source, "runtime", "include")
        return self.run(cmd + files + ["--", "-std=c++20", "-I" + runtime]
                        + list(flags), root)

    def tool(self, root, *args, env=None):
        return self.run([self.a.tool] + list(args), root, env)


LOG_LINE = """#include <asyncctx/asyncctx.hpp>
#include <cstdio>
#include <string>
#include <thread>

asyncctx::Local<std::string> request_id;

void log_line(const std::string &Message) {
  const std::string *Id = request_id.get();
  std::printf("[request=%s] %s\\n", Id ? Id->c_str() : "none", Message.c_str());
}
"""


def check_messages(r):
    """The checks' warnings and notes, in the plugin."""
    root = r.project("checks", {
        "main.cpp": "#include <asio.hpp>\n" + LOG_LINE + """
void handle(asio::thread_pool &Workers) {
  asio::post(Workers, [] { log_line("parsed"); });
  std::thread([] { log_line("parsed"); }).detach();
}
""",
        "legacy.cpp": """#include <asyncctx/asyncctx.hpp>
#include <string>
#include <thread>
thread_local std::string g_request_id;
void spawn() { std::thread([] { (void)g_request_id.size(); }).detach(); }
""",
        "server.cpp": """#include "coro_support.h"
void log_line() { (void)request_id.get(); }
plain_task handle() {
  co_await hop_thread{};
  log_line();
}
""",
    })
    r.tidy(root, ["main.cpp"])
    r.tidy(root, ["legacy.cpp"], config="{CheckOptions: {asyncctx-callback-"
           "without-context.ContextSources: 'g_request_id'}}")
    r.tidy(root, ["server.cpp"], flags=["-I" + os.path.join(
        r.a.source, "test", "checks", "asyncctx-coroutine-without-context",
        "Inputs")])
    # Malformed options: the plugin's errors, and clang-tidy's own warning.
    r.tidy(root, ["legacy.cpp"], config="{CheckOptions: {"
           "asyncctx-callback-without-context.ContextSources: 'app::bad name', "
           "asyncctx-callback-without-context.StrictMode: maybe}}")


def whole_program_messages(r):
    """The service of docs/whole-program.md: notes through the queue, and a
    stale facts file."""
    root = os.path.join(r.a.work, "service")
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(os.path.join(r.a.source, "test", "tool", "whole-program",
                                 "Inputs", "service"), root)
    sources = ["src/handlers.cpp", "src/log.cpp", "src/main.cpp", "src/pool.cpp"]
    # Compiled from the top directory: the relative FactsFile below is
    # read from the compile command's directory.
    r.compdb(root, sources, ["-I" + os.path.join(root, "include")], root)
    r.tool(root, "check", "-p", "build", "--no-progress")
    r.tool(root, "facts", "-p", "build", "-o", "build/asyncctx-facts.json")
    with open(os.path.join(root, "src", "log.cpp"), "a") as f:
        f.write("void changed_since() {}\n")
    r.run([r.a.clang_tidy, "-load", r.a.plugin, "-checks=-*,asyncctx-*",
           "-p", "build", "--config={CheckOptions: {FactsFile: "
           "build/asyncctx-facts.json}}", "src/handlers.cpp"], root)


def bridges_across_files_messages(r):
    """docs/whole-program.md, "Bridges and carry": the project of
    test/tool/whole-program/bridges-across-files.test, split out of it."""
    root = os.path.join(r.a.work, "bridges")
    shutil.rmtree(root, ignore_errors=True)
    test = os.path.join(r.a.source, "test", "tool", "whole-program",
                        "bridges-across-files.test")
    r.run([r.a.split_file, test, root], r.a.work)
    sources = ["src/handlers.cpp", "src/log.cpp", "src/audit.cpp",
               "src/trace.cpp", "src/request.cpp", "src/bridge.cpp"]
    otel = os.path.join(r.a.source, "third_party", "opentelemetry-cpp", "api",
                        "include")
    r.compdb(root, sources, ["-I" + os.path.join(root, "include"),
                             "-isystem", otel])
    r.tool(root, "check", "-p", "build", "--no-progress",
           "--config-file=" + os.path.join(root, "config.yaml"))


def verification_messages(r):
    """docs/tool.md, "Verification": the project of
    test/tool/fix-verify.test, split out of it."""
    split = os.path.join(r.a.work, "verify")
    shutil.rmtree(split, ignore_errors=True)
    test = os.path.join(r.a.source, "test", "tool", "fix-verify.test")
    r.run([r.a.split_file, test, split], r.a.work)
    root = os.path.join(split, "proj")
    r.compdb(root, ["src/jobs.cpp"], ["-I" + os.path.join(root, "include")])
    r.tool(root, "fix", "-p", "build", "--no-progress", "--root", root)


def tool_messages(r):
    """The tool's own messages: command line, configuration, fix, summary."""
    one = LOG_LINE + "void one() { std::thread([] { log_line(\"1\"); }).detach(); }\n"
    two = ("#include <string>\n#include <thread>\nvoid log_line(const std::string &);\n"
           "void two() {\n  std::thread([] { log_line(\"2\"); }).detach();\n"
           "  std::thread([] { log_line(\"3\"); }).detach();\n}\n")
    root = r.project("tool", {
        "src/one.cpp": one,
        "src/two.cpp": two,
        "src/broken.cpp": "int broken( {\n",
        "src/.clang-tidy": "CheckOptions:\n"
                           "  asyncctx-callback-without-context.ContextSource: 'x'\n",
        "proj/.clang-tidy": "CheckOptions:\n"
                            "  asyncctx-callback-without-context.StrictMode: maybe\n",
        "proj/bad.cpp": "int main() {}\n",
        "fix/src/a.cpp": one,
        "fix/src/b.cpp": two,
    })
    r.compdb(root, ["src/one.cpp", "src/two.cpp", "src/broken.cpp"])
    r.tool(root, "check", "-p", "build", "--dry-run")
    r.tool(root, "check", "-p", "build", "--frobnicate")
    r.tool(root, "check", "-p", "build", "--no-progress", "src/one.cpp",
           "--write-baseline", "baseline.json")
    r.tool(root, "check", "-p", "build", "--no-progress", "--baseline",
           "baseline.json", "--format=html", "-o", "report.html")
    r.tool(root, "check", "-p", "build", "--verify-config")
    # A missing directory in the database, a flag only GCC knows.
    db = os.path.join(root, "build", "compile_commands.json")
    entries = json.load(open(db))
    entries[0]["directory"] = os.path.join(root, "gone")
    entries[1]["arguments"].insert(1, "-fno-canonical-system-headers")
    json.dump(entries, open(db, "w"))
    r.tool(root, "check", "-p", "build", "--no-progress")
    # An option error names its .clang-tidy.
    bad = os.path.join(root, "proj")
    r.compdb(bad, ["bad.cpp"])
    r.tool(bad, "check", "-p", "build", "--no-progress")
    # fix: a read-only file, then an interrupted fix.
    fix = os.path.join(root, "fix")
    r.compdb(fix, ["src/a.cpp", "src/b.cpp"])
    r.tool(fix, "fix", "-p", "build", "--no-progress", "--root", fix,
           env={"ASYNCCTX_TEST_FIX_SIGNAL": "before-rename"})
    os.chmod(os.path.join(fix, "src", "b.cpp"), 0o444)
    r.tool(fix, "fix", "-p", "build", "--no-progress", "--root", fix)
    os.chmod(os.path.join(fix, "src", "b.cpp"), 0o644)
    r.tool(fix, "fix", "-p", "build", "--no-progress", "--root", fix,
           env={"ASYNCCTX_TEST_FIX_SIGNAL": "after-rename=1"})


def plugin_messages(r):
    """The plugin loaded into the clang-tidy of another LLVM version."""
    if r.a.other_clang_tidy:
        r.run([r.a.other_clang_tidy, "-load", r.a.plugin, "--list-checks"],
              r.a.work)


def main():
    p = argparse.ArgumentParser()
    for name in ("work", "source", "tool", "clang-tidy", "plugin", "cxx"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--other-clang-tidy", default="")
    p.add_argument("--split-file", default="split-file",
                   help="LLVM's split-file, to take a lit test's files apart")
    p.add_argument("--docs", help="the pages to read (default: SOURCE/docs)")
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    r = Runner(a)
    for scenario in (check_messages, whole_program_messages,
                     bridges_across_files_messages, verification_messages,
                     tool_messages,
                     plugin_messages):
        scenario(r)
    printed = sorted({normalise(l) for l in r.output if l.strip()})
    docs = a.docs or os.path.join(a.source, "docs")
    failures = 0
    quoted = quoted_messages(docs)
    for path, number, message, inline in quoted:
        rx = re.compile(pattern(message))
        match = rx.search if inline else rx.fullmatch
        if any(match(line) for line in printed):
            continue
        failures += 1
        near = difflib.get_close_matches(normalise(message), printed, 1, 0.0)
        print("%s:%d: quoted message not printed by any scenario:\n  quoted:  %s\n"
              "  nearest: %s" % (os.path.relpath(path, a.source), number,
                                 message, near[0] if near else "(none)"))
    print("%d quoted messages, %d not printed" % (len(quoted), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

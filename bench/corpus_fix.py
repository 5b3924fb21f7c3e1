"""What bench/corpus-fix.sh does in Python: write a code base's compilation
database, syntax-check its translation units, and sort the StrictMode
findings of an `asyncctx check --format=json` report by what they wrap.

  corpus_fix.py db CODEBASE SRC BUILD_DIR RUNTIME_INCLUDE ASIO_INCLUDE EVERY
  corpus_fix.py compile BUILD_DIR OUT_DIR JOBS        -> OUT_DIR/status.txt
  corpus_fix.py classify REPORT.json [GIT_DIR]  (sources as of GIT_DIR's first commit)
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys


def asio_units(src, runtime, _asio):
    """Upstream Asio's examples, built against their own headers (`include/`,
    which `fix` may edit: they are reached with -I, as in a vendored copy).
    Each directory's standard; `cpp11/` as C++14, the oldest standard the
    runtime aims at, and `cpp17/coroutines_ts` as C++20, since Clang has no
    Coroutines TS any more."""
    for std in ("cpp11", "cpp14", "cpp17", "cpp20"):
        top = os.path.join(src, "src", "examples", std)
        for path in walk(top):
            flag = {"cpp11": "c++14", "cpp14": "c++14", "cpp17": "c++20",
                    "cpp20": "c++20"}[std]
            yield path, ["-std=" + flag, "-I" + os.path.join(src, "include"),
                         "-I" + os.path.dirname(path), "-I" + runtime, "-pthread"]


def crow_units(src, runtime, asio):
    """Crow (C++17) examples and tests, Asio as an installed dependency
    (-isystem: never edited, as /usr/include would not be)."""
    for top in ("examples", "tests"):
        for path in walk(os.path.join(src, top)):
            yield path, ["-std=c++17", "-I" + os.path.join(src, "include"),
                         "-I" + os.path.dirname(path), "-isystem", asio,
                         "-I" + runtime, "-pthread"]


CODEBASES = {"asio": asio_units, "crow": crow_units}


def walk(top):
    found = []
    for d, _, files in os.walk(top):
        found += [os.path.join(d, f) for f in files if f.endswith(".cpp")]
    return sorted(found)


def write_db(codebase, src, build, runtime, asio, every, first="0"):
    units = list(CODEBASES[codebase](src, runtime, asio))[int(first)::int(every)]
    db = [{"directory": os.path.dirname(path), "file": path,
           "arguments": ["clang++-22"] + flags + ["-c", path]}
          for path, flags in units]
    os.makedirs(build, exist_ok=True)
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    print(len(db))


def syntax_check(entry, logs):
    args = [a for a in entry["arguments"] if a != "-c"] + ["-fsyntax-only"]
    p = subprocess.run(["nice", "-n", "10"] + args, cwd=entry["directory"],
                       capture_output=True, text=True)
    log = os.path.join(logs, entry["file"].replace("/", "_") + ".log")
    with open(log, "w") as f:
        f.write(p.stderr)
    return entry["file"], p.returncode == 0


def compile_all(build, out, jobs):
    os.makedirs(os.path.join(out, "logs"), exist_ok=True)
    db = json.load(open(os.path.join(build, "compile_commands.json")))
    with concurrent.futures.ThreadPoolExecutor(int(jobs)) as pool:
        results = sorted(pool.map(lambda e: syntax_check(e, os.path.join(out, "logs")), db))
    with open(os.path.join(out, "status.txt"), "w") as f:
        for path, ok in results:
            f.write(("ok " if ok else "fail ") + path + "\n")


# What a finding's argument is, by its text: a completion token, a completion
# or connect condition, a tag, a decorator, or an initiation's extra argument
# is never a callable that crosses a boundary (issue 15, "Deliver" 1).
NOT_HANDLERS = [
    ("token", r"\b(as_tuple|cancel_after|cancel_at|deferred|use_awaitable|use_future|"
              r"use_promise|redirect_error|detached|as_single|use_coro|"
              r"append|prepend|consign|yield)\b"),
    ("condition", r"(\btransfer_\w+|_condition\b|\bany_endpoint\b|connect_condition)"),
    ("tag", r"\b(true_type|false_type|_tag\b|_t\{\})"),
    ("decorator", r"decorator"),
    ("initiation-extra", r"(empty_work_function|\btail_\b)"),
]


def read_original(path, git_dir):
    """The file as the code base has it: before any fix, when git_dir is the
    scratch repository corpus-fix.sh made (its first commit, "original")."""
    if git_dir:
        rel = os.path.relpath(path, git_dir)
        first = subprocess.run(["git", "-C", git_dir, "rev-list", "--max-parents=0", "HEAD"],
                               capture_output=True, text=True).stdout.strip()
        p = subprocess.run(["git", "-C", git_dir, "show", f"{first}:{rel}"], capture_output=True)
        if p.returncode == 0:
            return p.stdout
    try:
        return open(path, "rb").read()
    except OSError:
        return b""


def argument_text(finding, sources):
    """The wrapped text (between the inserted `asyncctx::wrap(` and its `)`),
    else the finding's line from its column."""
    path = finding["file"]
    if path not in sources:
        sources[path] = read_original(path, sources.get(None))
    text = sources[path]
    edits = [e for e in finding.get("fixes", []) if e["file"] == path]
    opens = [e["offset"] for e in edits if e.get("replacement", "").endswith("wrap(")]
    if opens:
        start = opens[0]
        ends = [e["offset"] for e in edits if e.get("replacement") == ")" and e["offset"] > start]
        if ends:
            return text[start:min(ends)].decode(errors="replace"), True
    return one_argument(text, finding["offset"]).decode(errors="replace"), False


def one_argument(text, start):
    """The argument that begins at start: up to the `,` or `)` that ends it."""
    depth = 0
    for i in range(start, min(len(text), start + 2000)):
        c = text[i:i + 1]
        if c in b"([{":
            depth += 1
        elif c in b")]}":
            if depth == 0:
                return text[start:i]
            depth -= 1
        elif c in b",;" and depth == 0:
            return text[start:i]
    return text[start:start + 200]


def classify(report, git_dir=None):
    data = json.load(open(report))
    sources = {None: git_dir}
    kinds = {}
    rows = []
    for f in data.get("findings", []):
        arg, wrapped = argument_text(f, sources)
        # A lambda, a member function pointer or a coroutine call is a callable
        # whatever its text says.
        callable_ = arg.lstrip().startswith(("[", "&")) or f["message"].startswith("coroutine")
        kind = "callable" if callable_ else next(
            (k for k, rx in NOT_HANDLERS if re.search(rx, arg)), "callable")
        kinds[kind] = kinds.get(kind, 0) + 1
        rows.append((kind, f"{f['path']}:{f['line']}:{f['column']}",
                     " ".join(arg.split())[:110], f["message"], wrapped))
    for kind, where, arg, msg, wrapped in sorted(rows, key=lambda r: (r[0] == "callable", r)):
        print(f"{kind}\t{where}\t{'fix' if wrapped else 'no-fix'}\t{arg}\t{msg}")
    return kinds


def main():
    cmd = sys.argv[1]
    if cmd == "db":
        write_db(*sys.argv[2:9])
    elif cmd == "compile":
        compile_all(*sys.argv[2:5])
    elif cmd == "classify":
        kinds = classify(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
        print("KINDS " + " ".join(f"{k}={v}" for k, v in sorted(kinds.items())),
              file=sys.stderr)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

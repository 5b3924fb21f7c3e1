#!/usr/bin/env bash
# Does the whole-program solve stay linear, and small? Generates the shard
# reports of a program of N translation units (facts shaped like a real
# service's: 40 functions per unit, calls within the unit and into 3 other
# units, one logger that reads context, wrappers forwarding a callable into
# a pool whose queue is drained in another unit, virtual overrides, and 4
# candidates per unit), split over 4 shards, and times `asyncctx merge` over
# them: wall and CPU seconds, peak RSS (wait4(2)), and per unit.
#   bench/facts-merge.sh [--units "1000 2500 5000 10000"] [--runs R]
#                        [--out DIR] [--tool BIN]
# Defaults: those sizes, 3 runs each; about 3 minutes on the 2-core reference
# machine. Builds the tool first (bench/setup.sh) when it is the project's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
units="1000 2500 5000 10000"
runs=3
out=$root/build/bench/facts-merge
tool=$root/build/bin/asyncctx
while [ $# -gt 0 ]; do
  case "$1" in
    --units) units=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --tool) tool=$2; shift 2 ;;
    *) echo "usage: bench/facts-merge.sh [--units LIST] [--runs R] [--out DIR] [--tool BIN]" >&2; exit 2 ;;
  esac
done
"$root/bench/setup.sh" --build-for "$tool"
mkdir -p "$out"
exec python3 - "$root" "$out" "$tool" "$runs" "$units" <<'EOF'
import json, os, sys
root, out, tool, runs, units = sys.argv[1:6]
sys.path.insert(0, os.path.join(root, "bench"))
from measure import run, median, log

FUNCTIONS = 40
SHARDS = 4

def unit_facts(u, n):
    """One unit's facts, in the form `asyncctx check --shard` writes
    (docs/whole-program.md, "Facts files")."""
    path = "/gen/src/unit%05d.cpp" % u
    key = lambda v, f: "c:@F@u%05d_f%02d#" % (v, f)
    loc = lambda line: [0, line * 40, line, 3]
    functions = []
    for f in range(FUNCTIONS):
        name = "u%05d_f%02d" % (u, f)
        calls = []
        # A chain through the unit and into three others, none reaching the
        # logger (the last function), which reads in every 97th unit.
        if f + 2 < FUNCTIONS:
            calls.append([key(u, f + 1), "next", loc(f * 10 + 2), 0])
        if f + 1 < FUNCTIONS:
            for d in (1, 7, 31):
                calls.append([key((u + d) % n, f), "other", loc(f * 10 + 3), 0])
        if f == 0:
            calls.append(["c:@S@Sink@F@write#", "write", loc(4), 1])
        read = ["request_id", loc(f * 10 + 5)] if u % 97 == 0 and f == FUNCTIONS - 1 else None
        overrides = ["c:@S@Sink@F@write#"] if f == 4 and u % 10 == 0 else []
        forwards, drains = [], []
        if f == 1:
            forwards = [[0, "parameter", key((u + 3) % n, 2), "wrapper", 0, loc(13)]]
        if f == 2:
            forwards = [[0, "store", "c:@S@Pool%d@FI@Queue" % (u % 50), "Pool::Queue", 0, loc(23)]]
        if f == 3:
            drains = [["c:@S@Pool%d@FI@Queue" % ((u + 1) % 50), "Pool::Queue", key(u, 3),
                       "Pool::loop", loc(33)]]
        functions.append([key(u, f), name, name, loc(f * 10 + 1), read, calls, overrides,
                          forwards, drains])
    return {"file": path, "files": [{"path": path, "hash": "%016x" % u}], "functions": functions}

def candidate(u, c):
    position = {"file": "/gen/src/unit%05d.cpp" % u, "offset": 4000 + c, "line": 100 + c, "column": 5}
    finding = dict(position, check="asyncctx-callback-without-context", level="warning",
                   message="asyncctx-candidate:%d" % c, path="src/unit%05d.cpp" % u, notes=[],
                   fixes=[{"file": position["file"], "offset": 4000 + c, "length": 0,
                           "replacement": "asyncctx::wrap("}])
    cand = {"loc": position, "description": "lambda", "boundary": "std::thread",
            "report_only": False, "strict": False, "boundary_notes": [], "read_notes": [],
            "callable": "c:@F@u%05d_f%02d#" % (u, 10 + c)}
    if c == 0:
        # The one candidate per unit that logs: a read two hops away.
        cand["callable"] = "c:@F@u%05d_f%02d#" % (u - u % 97, FUNCTIONS - 1)
    if c % 2:
        cand["boundary"] = "wrapper"
        cand["forwarded_to"] = "c:@F@u%05d_f01#" % u
        cand["forwarded_param"] = 0
    return {"finding": finding, "candidate": cand}

def shard_report(units):
    return {"version": 1, "tool": "asyncctx", "root": "/gen", "findings": [], "parse_failures": [],
            "tool_errors": [], "summary": {"translation_units": len(units), "analysed": len(units),
                                            "failed_to_parse": 0, "findings": 0, "suppressed": 0},
            "program": {"units": [unit_facts(u, N) for u in units],
                        "candidates": [candidate(u, c) for u in units for c in range(4)]}}

print("| units | facts MiB | per unit KiB | merge wall s | CPU s | per unit ms | peak RSS MiB |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for N in [int(x) for x in units.split()]:
    paths = []
    for s in range(SHARDS):
        p = os.path.join(out, "n%d-s%d.json" % (N, s))
        with open(p, "w") as f:
            json.dump(shard_report(range(s, N, SHARDS)), f)
        paths.append(p)
    size = sum(os.path.getsize(p) for p in paths)
    samples = [run([tool, "merge", "--format=json", "-o", os.devnull] + paths) for _ in range(int(runs))]
    for r in samples:
        if r["rc"] not in (0, 1):
            sys.exit("asyncctx merge failed with %d" % r["rc"])
    wall = median(r["wall"] for r in samples)
    cpu = median(r["cpu"] for r in samples)
    rss = max(r["rss"] for r in samples) / 1024
    print("| %d | %.1f | %.1f | %.2f | %.2f | %.3f | %.0f |" % (
        N, size / 2**20, size / N / 1024, wall, cpu, wall / N * 1000, rss), flush=True)
EOF

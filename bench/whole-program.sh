#!/usr/bin/env bash
# What does whole-program analysis cost on the corpus (bench/asio-corpus.sh),
# and what does it change? Runs, interleaved for R rounds:
#   w  asyncctx check -jJ               (whole program, the default)
#   p  asyncctx check -jJ --per-tu      (each translation unit alone)
# and prints the medians of wall and CPU time and peak RSS, w/p; then, once:
# the findings each mode reports that the other does not; the facts
# (asyncctx facts: size in total and per TU); and `asyncctx merge` of the
# whole corpus as one shard (reading the facts and candidates back and the
# solve: an upper bound of the solve's share of a run), wall and peak RSS.
#   bench/whole-program.sh [--rounds R] [--jobs J] [--files-from FILE]
#                          [--out DIR] [--tool BIN]
# Defaults: 3 rounds, -j2, every TU that compiles; about 12 minutes on the
# 2-core reference machine. Installs what it needs and builds the tool first
# (bench/setup.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=3
jobs=2
files=""
out=$root/build/bench/whole-program
tool=$root/build/bin/asyncctx
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --files-from) files=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --tool) tool=$2; shift 2 ;;
    *) echo "usage: bench/whole-program.sh [--rounds R] [--jobs J] [--files-from FILE] [--out DIR] [--tool BIN]" >&2; exit 2 ;;
  esac
done
"$root/bench/setup.sh" --build-for "$tool"
mkdir -p "$out"
"$root/bench/asio-corpus.sh" "$out/corpus" >&2
exec python3 - "$root" "$out" "$tool" "$rounds" "$jobs" "$files" <<'EOF'
import json, os, sys
root, out, tool, rounds, jobs, files = sys.argv[1:7]
sys.path.insert(0, os.path.join(root, "bench"))
from measure import run, median, log

corpus = os.path.join(out, "corpus")
select = ["--files-from", files] if files else []
common = [tool, "check", "-p", corpus, "-j" + jobs, "--allow-parse-errors",
          "--no-progress", "--format=json"] + select
modes = {"w": [], "p": ["--per-tu"]}
samples = {m: [] for m in modes}
for r in range(int(rounds)):
    order = list(modes) if r % 2 == 0 else list(reversed(modes))
    for m in order:
        report = os.path.join(out, "%s.json" % m)
        s = run(common + modes[m] + ["-o", report])
        if s["rc"] not in (0, 1):
            sys.exit("asyncctx check (%s) failed with %d" % (m, s["rc"]))
        samples[m].append(s)
        log("round %d %s: %.1f s" % (r + 1, m, s["wall"]))

stat = lambda m, k: median(s[k] for s in samples[m])
print("| run | wall s | CPU s | peak RSS MiB |")
print("| --- | --- | --- | --- |")
for m, name in (("p", "`asyncctx check --per-tu`"), ("w", "`asyncctx check` (whole program)")):
    print("| %s | %.2f | %.2f | %.1f |" % (name, stat(m, "wall"), stat(m, "cpu"),
                                          max(s["rss"] for s in samples[m]) / 1024))
print("\nw/p: wall %.3f, CPU %.3f (medians of %s rounds)" % (
    stat("w", "wall") / stat("p", "wall"), stat("w", "cpu") / stat("p", "cpu"), rounds))

key = lambda f: (f["path"], f["line"], f["column"], f["message"])
found = {m: json.load(open(os.path.join(out, "%s.json" % m))) for m in modes}
for a, b, what in (("w", "p", "only over the whole program"), ("p", "w", "only per TU")):
    other = set(key(f) for f in found[b]["findings"])
    extra = [f for f in found[a]["findings"] if key(f) not in other]
    print("\n%d findings %s" % (len(extra), what))
    for f in extra:
        print("  %s:%d:%d: %s" % key(f))
print("\nfindings: whole program %d, per TU %d; translation units %d" % (
    len(found["w"]["findings"]), len(found["p"]["findings"]),
    found["w"]["summary"]["translation_units"]))

facts = os.path.join(out, "facts.json")
s = run([tool, "facts", "-p", corpus, "-j" + jobs, "--allow-parse-errors", "--no-progress",
         "-o", facts] + select)
# JSON Lines: a header, then one unit a line (docs/whole-program.md).
units = [json.loads(line) for line in open(facts).read().splitlines()[1:] if line.strip()]
sizes = sorted(len(json.dumps(u, separators=(",", ":"))) for u in units)
print("\nfacts: %.2f MiB for %d TUs; per TU median %.1f KiB, max %.1f KiB; %d functions" % (
    os.path.getsize(facts) / 2**20, len(units), median(sizes) / 1024, sizes[-1] / 1024,
    sum(len(u["functions"]) for u in units)))

shard = os.path.join(out, "shard.json")
run(common + ["--shard", "1/1", "-o", shard])
m = [run([tool, "merge", "--format=json", "-o", os.devnull, shard]) for _ in range(3)]
print("merge of the corpus as one shard (%.2f MiB): wall %.3f s (%.2f%% of the whole-program run), peak RSS %.1f MiB" % (
    os.path.getsize(shard) / 2**20, median(x["wall"] for x in m),
    100 * median(x["wall"] for x in m) / stat("w", "wall"), max(x["rss"] for x in m) / 1024))
EOF

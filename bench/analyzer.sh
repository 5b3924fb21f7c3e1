#!/usr/bin/env bash
# Analyzer cost on a real corpus: the Asio examples of libasio-doc plus the
# project's examples (bench/asio-corpus.sh). Over the same translation units,
# interleaved in one run (every round runs each TU under every configuration,
# in a rotating order, so drift in machine speed hits all of them alike):
#   a   clang++-22 -fsyntax-only                         (parsing + Sema only)
#   b   clang-tidy-22 --checks='-*,portability-restrict-system-includes'
#       (the baseline "clang-tidy with no checks": clang-tidy 22 with
#       --allow-no-checks --checks='-*' exits before parsing, so b enables one
#       check that registers no AST matcher, only a preprocessor callback that
#       with its default option accepts every #include: b is parsing + Sema +
#       clang-tidy's driver + one AST traversal by an empty MatchFinder)
#   c   clang-tidy-22 -load plugin --checks='-*,asyncctx-*'
#   cs  the same with asyncctx-callback-without-context.StrictMode: true
#   j1  asyncctx check -j1 over all selected TUs (one process)
#   j2  asyncctx check -j2 over the same TUs
# Wall time, CPU time and peak RSS of each process come from wait4(2)
# (ru_maxrss: the child's own peak, not the sum of children). A last pass runs
# c and cs once more with --enable-check-profile for the time of each check.
#
#   bench/analyzer.sh [--tus N | --full] [--rounds R] [--out DIR]
#                     [--plugin SO] [--tool BIN] [--corpus DIR]
# Installs what it needs and builds the plugin and the tool first
# (bench/setup.sh), so it runs from a clean clone.
# Defaults: 10 TUs (the project's examples plus Asio TUs evenly spaced over
# the sorted corpus), 3 rounds: about 7 minutes on the 2-core reference
# machine, plus about 3.5 minutes the first time for compiling the whole corpus
# once (see below). docs/performance.md uses --tus 20 (about 14 minutes);
# --full takes every TU that compiles (about 65 minutes with 3 rounds).
# Translation units that do not compile here (the two cpp03/serialization
# examples, which Asio 1.22 no longer builds, and a Windows-only one) are skipped and counted: each TU is compiled once with
# clang++-22 -fsyntax-only (cached in CORPUS/compile-status.json), the same
# front end and arguments clang-tidy uses, so these are the TUs
# bench/corpus-check.sh reports as compile-errors. If CORPUS/results/summary.txt
# of a corpus-check run exists, every disagreement with it is printed.
# Results: OUT/analyzer.json (every sample) and the table on standard output.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tus=10
rounds=3
out=$root/build/bench/analyzer
plugin=$root/build/lib/libasyncctx-tidy.so
tool=$root/build/bin/asyncctx
corpus=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tus) tus=$2; shift 2 ;;
    --full) tus=0; shift ;;
    --rounds) rounds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --plugin) plugin=$2; shift 2 ;;
    --tool) tool=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
  esac
done
[ -n "$corpus" ] || corpus=$out/corpus
"$root/bench/setup.sh" --build-for "$plugin" "$tool"
for f in "$plugin" "$tool"; do
  [ -e "$f" ] || { echo "analyzer.sh: $f missing (build the project, or pass --plugin/--tool)" >&2; exit 2; }
done
for c in clang++-22 clang-tidy-22 python3; do
  command -v "$c" >/dev/null || { echo "analyzer.sh: $c not found (scripts/install-deps.sh --bench)" >&2; exit 2; }
done
mkdir -p "$out"
[ -s "$corpus/compile_commands.json" ] || "$root/bench/asio-corpus.sh" "$corpus" >&2

load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" 'BEGIN { exit !(l >= 0.5) }'; then
  echo "analyzer.sh: warning: 1-minute load average is $load; the numbers will be noisy" >&2
fi

exec python3 - "$root" "$corpus" "$out" "$plugin" "$tool" "$tus" "$rounds" <<'EOF'
import json, os, subprocess, sys, time

root, corpus, out, plugin, tool = sys.argv[1:6]
sys.path.insert(0, os.path.join(root, "bench"))
from measure import log, median as med, run
ntus, rounds = int(sys.argv[6]), int(sys.argv[7])
db = json.load(open(os.path.join(corpus, "compile_commands.json")))
by_file = {e["file"]: e for e in db}
files = [e["file"] for e in db]

# --- which TUs compile -------------------------------------------------------
source = "clang++-22 -fsyntax-only"
cache = os.path.join(corpus, "compile-status.json")
status = json.load(open(cache)) if os.path.exists(cache) else {}
todo = [f for f in files if f not in status]
if todo:
    log("analyzer.sh: compiling %d TUs once to find those that do not build here" % len(todo))
    procs = []
    for f in todo:
        e = by_file[f]
        argv = [a for a in e["arguments"] if a != "-c"] + ["-fsyntax-only"]
        procs.append((f, subprocess.Popen(argv, cwd=e["directory"],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
        while sum(p.poll() is None for _, p in procs) >= os.cpu_count():
            time.sleep(0.05)
    for f, p in procs:
        status[f] = p.wait()
    json.dump(status, open(cache, "w"), indent=1)
broken = {f for f, rc in status.items() if rc != 0}
# Cross-check with a bench/corpus-check.sh run on this corpus, if there is one.
disagree = []
summary = os.path.join(corpus, "results", "summary.txt")
if os.path.exists(summary):
    for line in open(summary):
        mode, st, _, f = line.split(maxsplit=3)
        f = f.strip()
        if f in status and (st == "compile-errors") != (f in broken):
            disagree.append("%s: corpus-check %s says %s, clang++-22 exit %d" % (f, mode, st, status[f]))
ok = [f for f in files if f not in broken]
skipped = sorted(broken & set(files))

# --- the subset --------------------------------------------------------------
own = [f for f in ok if f.startswith(root + "/")]
asio = [f for f in ok if not f.startswith(root + "/")]
if ntus <= 0 or ntus >= len(ok):
    chosen = ok
else:
    k = max(ntus - len(own), 1)
    step = len(asio) / k
    chosen = own + [asio[int(i * step + step / 2)] for i in range(k)]
log("analyzer.sh: %d TUs in the corpus, %d skipped (do not compile here), %d measured, %d rounds"
    % (len(files), len(skipped), len(chosen), rounds))

tidy = "clang-tidy-22"
strict_cfg = "{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}"
def tidy_argv(cfg, f):
    if cfg == "b":
        return [tidy, "--checks=-*,portability-restrict-system-includes", "--config={}",
                "-p", corpus, f]
    config = strict_cfg if cfg == "cs" else "{}"
    return [tidy, "-load", plugin, "--checks=-*,asyncctx-*", "--config=" + config, "-p", corpus, f]
def argv_for(cfg, f):
    if cfg == "a":
        e = by_file[f]
        return [a for a in e["arguments"] if a != "-c"] + ["-fsyntax-only"], e["directory"]
    return tidy_argv(cfg, f), None

per_tu = ["a", "b", "c", "cs"]
listfile = os.path.join(out, "tus.txt")
with open(listfile, "w") as fh:
    fh.write("\n".join(chosen) + "\n")
def tool_argv(j):
    return [tool, "check", "-p", corpus, "-j%d" % j, "--no-progress", "--files-from", listfile]

# Sanity: every configuration runs (c/cs exit 0 or 1 = findings, the tool 0/1).
f0 = chosen[0]
for cfg in per_tu:
    argv, cwd = argv_for(cfg, f0)
    rc = run(argv, cwd)["rc"]
    if rc not in (0, 1):
        sys.exit("analyzer.sh: configuration %s failed (exit %d): %s" % (cfg, rc, " ".join(argv)))
# The plugin must have registered its checks (a failed -load only warns).
listed = subprocess.run([tidy, "-load", plugin, "--checks=-*,asyncctx-*", "--list-checks"],
                        capture_output=True, text=True).stdout
if "asyncctx-callback-without-context" not in listed:
    sys.exit("analyzer.sh: the plugin did not register its checks:\n" + listed)

# --- timing rounds -----------------------------------------------------------
samples = {cfg: {f: [] for f in chosen} for cfg in per_tu}
whole = {"j1": [], "j2": []}
t_start = time.time()
for r in range(rounds):
    for i, f in enumerate(chosen):
        k = (i + r) % len(per_tu)
        for cfg in per_tu[k:] + per_tu[:k]:
            argv, cwd = argv_for(cfg, f)
            samples[cfg][f].append(run(argv, cwd))
    for j in ((1, 2) if r % 2 == 0 else (2, 1)):
        sample = run(tool_argv(j))
        if sample["rc"] not in (0, 1):
            sys.exit("analyzer.sh: asyncctx check -j%d exited %d" % (j, sample["rc"]))
        whole["j%d" % j].append(sample)
    log("analyzer.sh: round %d/%d done (%.0f s)" % (r + 1, rounds, time.time() - t_start))

# --- check profile (separate pass, not timed) ---------------------------------
prof = {}
for cfg in ("c", "cs"):
    d = os.path.join(out, "profile-" + cfg)
    subprocess.run(["rm", "-rf", d])
    os.makedirs(d)
    for f in chosen:
        argv = tidy_argv(cfg, f)
        argv[1:1] = ["--enable-check-profile", "--store-check-profile=" + d]
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tot = {}
    for name in os.listdir(d):
        p = json.load(open(os.path.join(d, name)))["profile"]
        for key, v in p.items():
            # time.clang-tidy.<check>.wall / .user / .sys
            parts = key.split(".")
            check, kind = ".".join(parts[2:-1]), parts[-1]
            tot.setdefault(check, {}).setdefault(kind, 0.0)
            tot[check][kind] += v
    prof[cfg] = tot

# --- report ------------------------------------------------------------------
def tu_med(cfg, key):
    return {f: med([s[key] for s in samples[cfg][f]]) for f in chosen}
wall = {cfg: tu_med(cfg, "wall") for cfg in per_tu}
cpu = {cfg: tu_med(cfg, "cpu") for cfg in per_tu}
rss = {cfg: {f: max(s["rss"] for s in samples[cfg][f]) for f in chosen} for cfg in per_tu}
total = {cfg: sum(wall[cfg].values()) for cfg in per_tu}
total_cpu = {cfg: sum(cpu[cfg].values()) for cfg in per_tu}

print()
print("corpus: %d TUs, %d skipped (do not compile here; from %s), %d measured x %d rounds"
      % (len(files), len(skipped), source, len(chosen), rounds))
for d in disagree:
    print("  disagreement: " + d)
for f in skipped:
    print("  skipped: " + os.path.relpath(f, "/usr/share/doc/libasio-dev/examples") if f.startswith("/usr/share") else "  skipped: " + f)
print()
names = {"a": "a  clang++-22 -fsyntax-only", "b": "b  clang-tidy-22, no AST check",
         "c": "c  clang-tidy-22 + asyncctx-*", "cs": "cs clang-tidy-22 + asyncctx-*, StrictMode"}
print("%-44s %12s %12s %14s %14s" % ("per TU (median of rounds), summed", "wall s", "cpu s",
                                     "peak RSS MiB", "RSS / b (max)"))
for cfg in per_tu:
    ratio = max(rss[cfg][f] / rss["b"][f] for f in chosen)
    print("%-44s %12.2f %12.2f %14.1f %14.3f" % (names[cfg], total[cfg], total_cpu[cfg],
          max(rss[cfg].values()) / 1024, ratio))
print()
def ratio_line(label, x, y, target=None):
    tot = total[x] / total[y]
    per = [wall[x][f] / wall[y][f] for f in chosen]
    verdict = ""
    if target is not None:
        verdict = "target <= %.2f: %s" % (target, "met" if tot <= target else "MISSED")
    print("%-28s total %.3f   per TU: median %.3f, min %.3f, max %.3f   %s"
          % (label, tot, med(per), min(per), max(per), verdict))
ratio_line("c/b  (default)", "c", "b", 1.10)
ratio_line("cs/b (StrictMode)", "cs", "b", 1.15)
ratio_line("c/a", "c", "a")
ratio_line("cs/a", "cs", "a")
ratio_line("b/a", "b", "a")
print()
j1 = med([s["wall"] for s in whole["j1"]])
j2 = med([s["wall"] for s in whole["j2"]])
print("asyncctx check, %d TUs in one process: -j1 %.2f s (cpu %.2f s, peak RSS %.1f MiB), "
      "-j2 %.2f s (cpu %.2f s, peak RSS %.1f MiB)"
      % (len(chosen), j1, med([s["cpu"] for s in whole["j1"]]), max(s["rss"] for s in whole["j1"]) / 1024,
         j2, med([s["cpu"] for s in whole["j2"]]), max(s["rss"] for s in whole["j2"]) / 1024))
print("  -j2 speed-up (throughput -j2 / -j1): %.2fx   target >= 1.8x: %s"
      % (j1 / j2, "met" if j1 / j2 >= 1.8 else "MISSED"))
print("  -j1 vs the sum of per-TU clang-tidy runs (c): %.3f" % (j1 / total["c"]))
print("  all samples -j1: %s" % ", ".join("%.2f" % s["wall"] for s in whole["j1"]))
print("  all samples -j2: %s" % ", ".join("%.2f" % s["wall"] for s in whole["j2"]))
print("peak RSS: worst TU c/b %.3f, cs/b %.3f   target <= 1.2: %s"
      % (max(rss["c"][f] / rss["b"][f] for f in chosen), max(rss["cs"][f] / rss["b"][f] for f in chosen),
         "met" if max(max(rss[c][f] / rss["b"][f] for f in chosen) for c in ("c", "cs")) <= 1.2 else "MISSED"))
print()
print("check profile (--enable-check-profile, one extra pass, summed over the TUs):")
for cfg in ("c", "cs"):
    for check, t in sorted(prof[cfg].items()):
        w = t.get("wall", 0.0)
        print("  %-3s %-40s wall %7.3f s  user %7.3f s  = %5.1f%% of the run's wall time"
              % (cfg, check, w, t.get("user", 0.0), 100 * w / total[cfg]))
print()
print("slowest TUs by c/b:")
for f in sorted(chosen, key=lambda f: -wall["c"][f] / wall["b"][f])[:5]:
    print("  %.3f  a %.2f s  b %.2f s  c %.2f s  cs %.2f s  %s" % (wall["c"][f] / wall["b"][f], wall["a"][f],
          wall["b"][f], wall["c"][f], wall["cs"][f], f))

json.dump({"corpus_tus": len(files), "skipped": skipped, "skip_source": source, "measured": chosen,
           "rounds": rounds, "samples": samples, "tool": whole, "profile": prof,
           "loadavg_end": open("/proc/loadavg").read().split()[:3]},
          open(os.path.join(out, "analyzer.json"), "w"), indent=1)
print()
print("analyzer.sh: every sample in %s" % os.path.join(out, "analyzer.json"))
EOF

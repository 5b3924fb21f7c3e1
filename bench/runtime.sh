#!/usr/bin/env bash
# Builds bench/runtime/runtime_bench.cpp (Google Benchmark) with clang++-22 -O2
# and runs it, then prints a table of medians with the targets of
# docs/performance.md. Installs libbenchmark-dev first (bench/setup.sh).
#   bench/runtime.sh [--reps N] [--min-time SECONDS] [--out DIR] [--filter REGEX]
# Defaults: 5 repetitions of at least 0.5 s each; results in
# build/bench/runtime/runtime.json. Takes about 2 minutes. Measure on an idle
# machine (the script warns when the 1-minute load average is above 0.5).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
reps=5
min_time=0.5
out=$root/build/bench/runtime
filter=.
cxx=${CXX:-clang++-22}
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --min-time) min_time=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --filter) filter=$2; shift 2 ;;
    *) echo "usage: bench/runtime.sh [--reps N] [--min-time S] [--out DIR] [--filter REGEX]" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
"$root/bench/setup.sh" # libbenchmark-dev, clang++-22

bin=$out/runtime_bench
cmd=("$cxx" -std=c++20 -O2 -DNDEBUG -Wall -Wextra -I"$root/runtime/include"
     "$root/bench/runtime/runtime_bench.cpp" -o "$bin" -lbenchmark -lpthread)
echo "+ ${cmd[*]}"
"${cmd[@]}"

load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" 'BEGIN { exit !(l >= 0.5) }'; then
  echo "runtime.sh: warning: 1-minute load average is $load; the numbers will be noisy" >&2
fi

run=("$bin" --benchmark_repetitions="$reps" --benchmark_min_time="$min_time"
     --benchmark_report_aggregates_only=true --benchmark_filter="$filter"
     --benchmark_out="$out/runtime.json" --benchmark_out_format=json)
echo "+ ${run[*]}"
"${run[@]}" > "$out/runtime.txt"

python3 - "$out/runtime.json" <<'EOF'
import json, sys

doc = json.load(open(sys.argv[1]))
med, cv = {}, {}
for b in doc["benchmarks"]:
    name = b["run_name"]
    assert b["time_unit"] == "ns"
    if b.get("run_type") == "aggregate":
        if b["aggregate_name"] == "median":
            med[name] = b["real_time"] / b.get("batch", 1)
        elif b["aggregate_name"] == "cv":
            cv[name] = b["real_time"]  # a ratio, not a time
    elif b.get("repetitions", 1) <= 1:
        # --reps 1: Google Benchmark reports the single run, no aggregates.
        med[name] = b["real_time"] / b.get("batch", 1)

direct = med.get("Direct_call")
print()
print("%-48s %10s %7s %10s" % ("benchmark", "median ns", "cv %", "- direct"))
for name, t in med.items():
    extra = ""
    if direct is not None and ("invoke" in name or "snapshot_run" in name or name == "Direct_call"):
        extra = "%+10.2f" % (t - direct)
    print("%-48s %10.2f %7.1f %10s" % (name, t, 100 * cv.get(name, 0.0), extra))

def m(name):
    return med.get(name)

print()
print("targets (docs/performance.md):")
rows = []
if m("Asyncctx_wrap_invoke") is not None and direct is not None:
    d = m("Asyncctx_wrap_invoke") - direct
    rows.append(("wrap(f)() - f()", "<= 5 ns", d, d <= 5))
if m("Asyncctx_wrap_invoke_from_empty") is not None and direct is not None:
    d = m("Asyncctx_wrap_invoke_from_empty") - direct
    rows.append(("wrap(f)() - f(), caller in empty context", "<= 5 ns", d, d <= 5))
for n in ("Asyncctx_get_hit/live:1", "Asyncctx_get_hit/live:16",
          "Asyncctx_get_miss/live:1", "Asyncctx_get_miss/live:16"):
    if m(n) is not None:
        rows.append(("Local::get " + n.split("_get_")[1], "<= 2 ns", m(n), m(n) <= 2))
if m("Asyncctx_capture_only") is not None:
    rows.append(("capture() alone (batched)", "<= 3 ns", m("Asyncctx_capture_only"), m("Asyncctx_capture_only") <= 3))
for n in ("Asyncctx_capture/live:1", "Asyncctx_capture_shared/real_time/threads:1"):
    if m(n) is not None:
        rows.append(("capture() + ~Snapshot " + n.split("/", 1)[1], "<= 3 ns", m(n), m(n) <= 3))
# Google Benchmark divides the wall time by the iterations of all threads:
# per-thread latency is twice the figure (informational, no target).
for n2, what in (("Asyncctx_capture_shared/real_time/threads:2",
                  "capture() + ~Snapshot, 2 threads, same context"),
                 ("Asyncctx_copy_uninstalled_shared/real_time/threads:2",
                  "Snapshot copy + ~Snapshot, 2 threads, atomic path"),
                 ("Floor_atomic_inc_dec/real_time/threads:1",
                  "floor: atomic increment + decrement, 1 thread"),
                 ("Floor_atomic_inc_dec/real_time/threads:2",
                  "floor: atomic increment + decrement, 2 threads")):
    if m(n2) is not None:
        threads = int(n2.rsplit(":", 1)[1])
        rows.append((what + ", per op per thread", "(info)", threads * m(n2), None))
for what, target, value, ok in rows:
    verdict = "" if ok is None else ("met" if ok else "MISSED")
    print("  %-52s %-12s %8.2f ns  %s" % (what, target, value, verdict))
EOF
echo
echo "runtime.sh: raw results in $out/runtime.json and $out/runtime.txt"

#!/usr/bin/env bash
# Builds bench/runtime/runtime_bench.cpp (Google Benchmark) with clang++-22 -O2
# and runs it, then prints a table of medians with the targets of
# docs/performance.md. Installs libbenchmark-dev first (bench/setup.sh).
#   bench/runtime.sh [--reps N] [--min-time SECONDS] [--out DIR] [--filter REGEX]
#                    [--baseline REF] [--bridges] [--cpu-time]
# Defaults: 5 repetitions of at least 0.5 s each; results in
# build/bench/runtime/. Takes about 2 minutes per binary. Measure on an idle
# machine (the script warns when the 1-minute load average is above 0.5).
#
# More binaries of the same source, measured side by side in one run:
#   --baseline REF  one built against the runtime headers of git REF (e.g.
#                   main), for a before/after comparison of the same
#                   benchmarks;
#   --bridges       one with a std::string thread_local bridge registered and
#                   one with the OpenTelemetry bridge (<asyncctx/opentelemetry.hpp>,
#                   against third_party/opentelemetry-cpp), which also
#                   measures OpenTelemetry's own GetCurrent and Attach; with
#                   --baseline also the string bridge against REF's headers.
# Each repetition runs every binary once, in turn, so that drift in machine
# speed hits all of them alike; medians over the repetitions. --cpu-time
# tabulates CPU time instead of wall time: on a shared machine it leaves out
# the time the benchmark thread waited for a core (the multi-threaded
# benchmarks, whose figures are wall time per operation, lose their meaning).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
reps=5
min_time=0.5
out=$root/build/bench/runtime
filter=.
baseline=
bridges=0
time_field=real_time
cxx=${CXX:-clang++-22}
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --min-time) min_time=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --filter) filter=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --bridges) bridges=1; shift ;;
    --cpu-time) time_field=cpu_time; shift ;;
    *) echo "usage: bench/runtime.sh [--reps N] [--min-time S] [--out DIR] [--filter REGEX] [--baseline REF] [--bridges] [--cpu-time]" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
"$root/bench/setup.sh" # libbenchmark-dev, clang++-22

# variant name, then extra compiler arguments
build() {
  local name=$1; shift
  local cmd=("$cxx" -std=c++20 -O2 -DNDEBUG -Wall -Wextra "$@"
             "$root/bench/runtime/runtime_bench.cpp" -o "$out/runtime_bench_$name"
             -lbenchmark -lpthread)
  echo "+ ${cmd[*]}"
  "${cmd[@]}"
  variants+=("$name")
}
variants=()
build current -I"$root/runtime/include"
if [ -n "$baseline" ]; then
  rm -rf "$out/baseline"
  mkdir -p "$out/baseline"
  git -C "$root" archive "$baseline" runtime/include | tar -x -C "$out/baseline"
  build baseline -I"$out/baseline/runtime/include"
fi
if [ "$bridges" = 1 ]; then
  otel=$root/third_party/opentelemetry-cpp/api/include
  build string_bridge -I"$root/runtime/include" -DASYNCCTX_BENCH_BRIDGE=1
  build otel_bridge -I"$root/runtime/include" -isystem "$otel" -DASYNCCTX_BENCH_BRIDGE=2
  if [ -n "$baseline" ]; then
    build baseline_string_bridge -I"$out/baseline/runtime/include" -DASYNCCTX_BENCH_BRIDGE=1
  fi
fi

load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v l="$load" 'BEGIN { exit !(l >= 0.5) }'; then
  echo "runtime.sh: warning: 1-minute load average is $load; the numbers will be noisy" >&2
fi

for ((r = 1; r <= reps; r++)); do
  for v in "${variants[@]}"; do
    run=("$out/runtime_bench_$v" --benchmark_min_time="$min_time"
         --benchmark_filter="$filter"
         --benchmark_out="$out/$v.$r.json" --benchmark_out_format=json)
    echo "+ ${run[*]}"
    "${run[@]}" > "$out/$v.$r.txt"
  done
done

python3 - "$out" "$reps" "$time_field" "${variants[@]}" <<'EOF'
import json, statistics, sys

out, reps, field, variants = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]

def load(variant):
    """Median and coefficient of variation over the repetitions, per benchmark,
    in ns per operation (per element for batched benchmarks)."""
    samples = {}
    for r in range(1, reps + 1):
        doc = json.load(open("%s/%s.%d.json" % (out, variant, r)))
        for b in doc["benchmarks"]:
            assert b["time_unit"] == "ns"
            samples.setdefault(b["run_name"], []).append(
                b[field] / b.get("batch", 1))
    med = {n: statistics.median(s) for n, s in samples.items()}
    cv = {n: (statistics.stdev(s) / statistics.mean(s) if len(s) > 1 else 0.0)
          for n, s in samples.items()}
    return med, cv

results = {v: load(v) for v in variants}
med, cv = results["current"]
direct = med.get("Direct_call")

print()
print("times: %s" % field)
print("%-48s %10s %7s %10s" % ("benchmark", "median ns", "cv %", "- direct"))
for name, t in med.items():
    extra = ""
    if direct is not None and ("invoke" in name or "snapshot_run" in name or name == "Direct_call"):
        extra = "%+10.2f" % (t - direct)
    print("%-48s %10.2f %7.1f %10s" % (name, t, 100 * cv.get(name, 0.0), extra))

def m(name, variant="current"):
    return results[variant][0].get(name) if variant in results else None

print()
print("targets (docs/performance.md):")
rows = []
if m("Asyncctx_wrap_invoke") is not None and direct is not None:
    d = m("Asyncctx_wrap_invoke") - direct
    rows.append(("wrap(f)() - f()", "<= 5 ns", d, d <= 5))
if m("Asyncctx_wrap_invoke_from_empty") is not None and direct is not None:
    d = m("Asyncctx_wrap_invoke_from_empty") - direct
    rows.append(("wrap(f)() - f(), caller in empty context", "<= 5 ns", d, d <= 5))
# A wrapper made, called once as an rvalue and destroyed in each iteration
# (informational: it includes the capture).
if m("Asyncctx_wrap_once") is not None and direct is not None:
    rows.append(("wrap(f)() once, rvalue: capture + call + destruction - f()",
                 "(info)", m("Asyncctx_wrap_once") - direct, None))
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

def bridge_rows(variant, label):
    d = m("Direct_call", variant)
    # The targets are for a request id that fits std::string's small buffer;
    # a longer one costs an allocation per copy (informational).
    for n, what, limit in (("Asyncctx_capture_only", "capture() alone (batched)", 10),
                           ("Asyncctx_capture/live:1", "capture() + ~Snapshot", 10),
                           ("Bridge_capture_long/live:1", "capture() + ~Snapshot, 36-char value", None)):
        if m(n, variant) is not None:
            t = m(n, variant)
            rows.append(("%s: %s" % (label, what), "<= %d ns" % limit if limit else "(info)",
                         t, None if limit is None else t <= limit))
    for n, what, limit in (("Asyncctx_wrap_invoke", "wrap(f)() - f()", 15),
                           ("Asyncctx_wrap_invoke_from_empty", "wrap(f)() - f(), from the empty context", 15),
                           ("Bridge_wrap_invoke_long", "wrap(f)() - f(), 36-char value", None),
                           ("Floor_string_bridge_invoke",
                            "floor: the same string moves by hand around f() - f()", None),
                           ("Asyncctx_wrap_once", "wrap(f)() once, rvalue (with capture) - f()", None),
                           ("Bridge_wrap_once_long", "wrap(f)() once, 36-char value - f()", None),
                           ("Floor_string_bridge_once",
                            "floor: copy, then moves by hand around f() - f()", None)):
        if m(n, variant) is not None and d is not None:
            t = m(n, variant) - d
            rows.append(("%s: %s" % (label, what), "<= %d ns" % limit if limit else "(info)",
                         t, None if limit is None else t <= limit))

if "string_bridge" in results:
    bridge_rows("string_bridge", "string bridge")
if "baseline_string_bridge" in results:
    bridge_rows("baseline_string_bridge", "string bridge, baseline")
if "otel_bridge" in results:
    d = m("Direct_call", "otel_bridge")
    for n, what in (("Asyncctx_capture/live:1", "capture() + ~Snapshot"),
                    ("Otel_get_current", "OpenTelemetry GetCurrent() alone"),
                    ("Otel_attach_detach", "OpenTelemetry Attach + detach alone")):
        if m(n, "otel_bridge") is not None:
            rows.append(("OTel bridge: " + what, "(info)", m(n, "otel_bridge"), None))
    for n, what in (("Asyncctx_wrap_invoke", "wrap(f)() - f()"),
                    ("Otel_hand_wrapped_invoke", "hand-made Attach/detach around f() - f()")):
        if m(n, "otel_bridge") is not None and d is not None:
            rows.append(("OTel bridge: " + what, "(info)", m(n, "otel_bridge") - d, None))
for what, target, value, ok in rows:
    verdict = "" if ok is None else ("met" if ok else "MISSED")
    print("  %-60s %-10s %8.2f ns  %s" % (what, target, value, verdict))

if len(variants) > 1:
    print()
    print("side by side (median ns over %d interleaved repetitions):" % reps)
    names = list(med)
    for v in variants[1:]:
        names += [n for n in results[v][0] if n not in names]
    print("%-48s" % "benchmark" + "".join("%14s" % v for v in variants))
    for n in names:
        cells = ["%14s" % ("%.2f" % results[v][0][n] if n in results[v][0] else "")
                 for v in variants]
        print("%-48s" % n + "".join(cells))
EOF
echo
echo "runtime.sh: raw results in $out/<variant>.<repetition>.json and .txt"

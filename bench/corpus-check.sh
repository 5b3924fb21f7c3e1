#!/usr/bin/env bash
# Runs the asyncctx checks in clang-tidy over every translation unit of a
# compilation database, in default mode and in StrictMode, and sorts each run
# into: clean, findings, compile errors (the TU does not build here, e.g. a
# missing OpenSSL), or CRASH. Exits 1 if anything crashed.
#   bench/corpus-check.sh CORPUS_DIR [PLUGIN]   (CORPUS_DIR from asio-corpus.sh)
set -uo pipefail
corpus=${1:?usage: corpus-check.sh CORPUS_DIR [PLUGIN]}
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${2:-$root/build/lib/libasyncctx-tidy.so}
tidy=${CLANG_TIDY:-clang-tidy-22}
results=$corpus/results
rm -rf "$results" && mkdir -p "$results"

run_one() { # mode file
  local mode=$1 file=$2 config="{}"
  [ "$mode" = strict ] && config="{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}"
  local log=$results/$mode.$(echo "$file" | tr '/' '_').log
  "$tidy" -load "$plugin" -checks='-*,asyncctx-*' -config="$config" -p "$corpus" "$file" > "$log" 2>&1
  local rc=$?
  local status=clean
  if [ $rc -gt 1 ] || grep -q "Stack dump\|PLEASE submit a bug report" "$log"; then status=CRASH
  elif grep -q "error:" "$log"; then status=compile-errors
  elif grep -q "warning:.*asyncctx" "$log"; then status=findings
  fi
  echo "$mode $status $(grep -c 'warning:.*\[asyncctx' "$log") $file"
}
export -f run_one
export tidy plugin corpus results

for mode in default strict; do
  xargs -a "$corpus/files.txt" -P "$(nproc)" -I{} bash -c 'run_one "$0" "$1"' "$mode" {}
done > "$results/summary.txt"

for mode in default strict; do
  awk -v m=$mode '$1==m {n[$2]++; w+=$3} END {printf "%-8s", m; for (s in n) printf "  %s: %d", s, n[s]; printf "  findings: %d\n", w}' "$results/summary.txt"
done
if grep -q " CRASH " "$results/summary.txt"; then
  grep " CRASH " "$results/summary.txt"
  exit 1
fi

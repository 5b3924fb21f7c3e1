#!/usr/bin/env bash
# The corpus gate: does StrictMode `asyncctx fix` keep real code building?
# Copies a code base nobody here wrote to a scratch directory, writes its
# compilation database, and then:
#   1. syntax-checks every translation unit (clang++-22 -fsyntax-only);
#   2. `asyncctx check` in StrictMode over those that compiled (JSON report);
#   3. `asyncctx fix` in StrictMode, then syntax-checks them again: a TU that
#      compiled before and not after is a fix that broke the build;
#   4. `asyncctx fix` a second time: any further edit means not idempotent;
#   5. sorts the findings by the text they wrap: completion tokens,
#      conditions, tags, decorators and initiation arguments are never
#      handlers (bench/corpus_fix.py, NOT_HANDLERS).
# Prints one summary line; exits 1 if a target is missed (a crash, a broken
# build, a second fix that edits, a token/condition/tag/decorator finding).
#
#   bench/corpus-fix.sh CODEBASE SRC_DIR [WORK_DIR]
#     CODEBASE  asio: SRC_DIR is a checkout of github.com/chriskohlhoff/asio
#                     (its include/ and src/examples/cpp{11,14,17,20})
#               crow: SRC_DIR is a checkout of github.com/CrowCpp/Crow
#                     (examples/ and tests/, C++17), against the Asio
#                     checkout ASIO_DIR (its include/ as a system header)
#     WORK_DIR  scratch directory (default build/corpus-fix/CODEBASE); its
#               results/ keeps the logs, reports and diffs
#   Environment: ASIO_DIR (crow only: the Asio checkout); EVERY=K analyses every K-th TU only (default 1, all),
#   starting with the FIRST-th (0-based, default 0: EVERY=2 FIRST=1 is the other half of EVERY=2);
#   JOBS (default 2); ASYNCCTX (default build/bin/asyncctx).
# docs/precision.md ("Fixes on real code") gives the commits measured and
# how to fetch the code bases with git.
set -uo pipefail
codebase=${1:?usage: corpus-fix.sh asio|crow SRC_DIR [WORK_DIR]}
src=$(cd "${2:?usage: corpus-fix.sh asio|crow SRC_DIR [WORK_DIR]}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=${3:-$root/build/corpus-fix/$codebase}
every=${EVERY:-1}
first=${FIRST:-0}
jobs=${JOBS:-2}
tool=${ASYNCCTX:-$root/build/bin/asyncctx}
helper="python3 $root/bench/corpus_fix.py"
strict='{CheckOptions: {asyncctx-callback-without-context.StrictMode: true}}'

rm -rf "$work" && mkdir -p "$work/results"
work=$(cd "$work" && pwd)
results=$work/results
case "$codebase" in
  asio) mkdir -p "$work/src/src" && cp -a "$src/include" "$work/src/" &&
        cp -a "$src/src/examples" "$work/src/src/" ;;
  crow) [ -f "${ASIO_DIR:-}/include/asio.hpp" ] ||
          { echo "corpus-fix.sh: set ASIO_DIR to an Asio checkout for crow" >&2; exit 2; }
        cp -a "$src/." "$work/src/" && rm -rf "$work/src/.git" ;;
  *) echo "corpus-fix.sh: unknown code base '$codebase' (asio, crow)" >&2; exit 2 ;;
esac
# A git repository of its own: it is the root `fix` may edit, and its diff
# counts the edits of each run.
git -C "$work/src" init -q && git -C "$work/src" add -A &&
  git -C "$work/src" -c user.name=corpus -c user.email=corpus@localhost commit -qm original
units=$($helper db "$codebase" "$work/src" "$work/build" "$root/runtime/include" \
  "${ASIO_DIR:-/usr}/include" "$every" "$first")

# 1. What compiles before.
$helper compile "$work/build" "$results/before" "$jobs"
grep '^ok ' "$results/before/status.txt" | cut -d' ' -f2- > "$results/compiled.txt"
compiled=$(wc -l < "$results/compiled.txt")

run_tool() { # LOG COMMAND ARGS... ; prints the exit status
  local log=$1
  shift
  nice -n 10 "$tool" "$@" -p "$work/build" --root "$work/src" -j "$jobs" --no-progress \
    --config "$strict" --allow-parse-errors --files-from "$results/compiled.txt" \
    > "$results/$log.out" 2> "$results/$log.err"
  echo $?
}
crashed() { [ "$1" -gt 3 ]; } # 0-3 are the documented statuses; the rest a crash or signal

# 2. Findings.
rc_check=$(run_tool check check --format=json -o "$results/check.json")
crashes=0
if crashed "$rc_check"; then
  # One process analyses every TU: find which ones crash.
  while read -r f; do
    nice -n 10 "$tool" check -p "$work/build" --config "$strict" --allow-parse-errors \
      --no-progress "$f" > /dev/null 2>&1
    crashed $? && { crashes=$((crashes + 1)); echo "CRASH check $f"; }
  done < "$results/compiled.txt"
  [ "$crashes" -gt 0 ] || crashes=1
fi
findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' \
  "$results/check.json" 2>/dev/null || echo "?")
parse_failures=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["parse_failures"]))' \
  "$results/check.json" 2>/dev/null || echo "?")
$helper classify "$results/check.json" "$work/src" > "$results/findings.tsv" 2> "$results/kinds.txt"
not_handlers=$(grep -vc '^callable' "$results/findings.tsv")

# 3. Fix, then does each TU that compiled still compile?
rc_fix=$(run_tool fix1 fix)
crashed "$rc_fix" && { crashes=$((crashes + 1)); echo "CRASH fix (first run)"; }
git -C "$work/src" diff > "$results/fix1.diff"
wraps=$(grep '^+' "$results/fix1.diff" | grep -o 'asyncctx::wrap(' | wc -l)
edited_files=$(git -C "$work/src" diff --name-only | wc -l)
$helper compile "$work/build" "$results/after" "$jobs"
broke=$(grep -Fxf <(sed 's/^/fail /' "$results/compiled.txt") "$results/after/status.txt" |
  cut -d' ' -f2- | tee "$results/broke.txt" | wc -l)
git -C "$work/src" add -A &&
  git -C "$work/src" -c user.name=corpus -c user.email=corpus@localhost commit -qm fix1

# 4. A second fix changes nothing.
rc_fix2=$(run_tool fix2 fix)
crashed "$rc_fix2" && { crashes=$((crashes + 1)); echo "CRASH fix (second run)"; }
git -C "$work/src" diff > "$results/fix2.diff"
if [ -s "$results/fix2.diff" ]; then idempotent=no; else idempotent=yes; fi

printf '%s: TUs %s, compiled before %s, crashes %s, findings %s (parse failures %s), ' \
  "$codebase" "$units" "$compiled" "$crashes" "$findings" "$parse_failures"
printf 'on tokens/conditions/tags/decorators %s [%s], wraps applied %s in %s files, ' \
  "$not_handlers" "$(cat "$results/kinds.txt" | sed 's/^KINDS //')" "$wraps" "$edited_files"
printf 'fix-broke-build %s, idempotent %s (exit: check %s, fix %s, fix again %s)\n' \
  "$broke" "$idempotent" "$rc_check" "$rc_fix" "$rc_fix2"
[ "$crashes" = 0 ] && [ "$broke" = 0 ] && [ "$idempotent" = yes ] && [ "$not_handlers" = 0 ]

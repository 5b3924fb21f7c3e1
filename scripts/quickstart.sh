#!/usr/bin/env bash
# Quick start: installs dependencies, builds the clang-tidy plugin, then runs
# asyncctx on the bundled example (examples/worker-pool): the findings, the
# fix as a diff, and the program's output before and after the fix. Exits
# non-zero unless the fixed program propagates every request id.
# The example is copied to build/quickstart; the repository is not modified.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tidy=clang-tidy-22

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Installing dependencies (Debian packages)"
scripts/install-deps.sh

step "Building the clang-tidy plugin"
cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
cmake --build build --target asyncctx-tidy -j"$(nproc)"
plugin=$root/build/lib/libasyncctx-tidy.so
"$tidy" -load "$plugin" -checks='-*,asyncctx-*' --list-checks | grep -q asyncctx-callback-without-context

work=$root/build/quickstart
rm -rf "$work" && mkdir -p "$work"
cp -r examples/worker-pool "$work/original"
cp -r examples/worker-pool "$work/fixed"

build_example() { # dir
  cmake -S "$1" -B "$1/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 \
    -DASYNCCTX_RUNTIME_INCLUDE="$root/runtime/include" >/dev/null
  cmake --build "$1/build" >/dev/null
}

step "Before: the example as written"
build_example "$work/original"
"$work/original/build/worker_pool" | tee "$work/before.txt"

step "Findings: $tidy -load $plugin -checks='-*,asyncctx-*' -p <build dir> main.cpp"
build_example "$work/fixed"
"$tidy" -load "$plugin" -checks='-*,asyncctx-*' -p "$work/fixed/build" \
  "$work/fixed/main.cpp" 2>/dev/null || true

step "The fix (clang-tidy --fix), as a diff"
"$tidy" -load "$plugin" -checks='-*,asyncctx-*' -p "$work/fixed/build" --fix \
  "$work/fixed/main.cpp" >/dev/null 2>&1
(cd "$work" && diff -u original/main.cpp fixed/main.cpp) || true

step "After: the fixed example"
cmake --build "$work/fixed/build" >/dev/null
"$work/fixed/build/worker_pool" | tee "$work/after.txt"

step "Result"
lost_before=$(grep -c 'request=none' "$work/before.txt" || true)
lost_after=$(grep -c 'request=none' "$work/after.txt" || true)
echo "log lines without a request id: before $lost_before, after $lost_after"
if [ "$lost_before" -eq 0 ] || [ "$lost_after" -ne 0 ]; then
  echo "FAILED: the fixed program does not propagate the request id everywhere" >&2
  exit 1
fi
again=$("$tidy" -load "$plugin" -checks='-*,asyncctx-*' -p "$work/fixed/build" \
  "$work/fixed/main.cpp" 2>/dev/null | grep -c 'warning:' || true)
if [ "$again" -ne 0 ]; then
  echo "FAILED: the fixed program still has $again findings" >&2
  exit 1
fi
echo "OK: every hop now logs its caller's request id, and a second run finds nothing."

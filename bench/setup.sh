#!/usr/bin/env bash
# What every bench script needs first, so that each runs from a clean clone
# with one command: the Debian packages (scripts/install-deps.sh --bench) and,
# when any FILE given is one of the project's own build outputs (build/...),
# the plugin and the tool in build/ (the project's default RelWithDebInfo:
# -O2 -g, as a user builds it). Incremental: a second call costs a second or two.
#   bench/setup.sh [--build-for FILE...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --bench
[ "${1:-}" = "--build-for" ] || exit 0
shift
for f in "$@"; do
  case "$f" in
    "$root"/build/*)
      cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
      cmake --build "$root/build" --target asyncctx-tidy asyncctx -j"$(nproc)" >&2
      exit 0 ;;
  esac
done

#!/usr/bin/env bash
# The format gate of the test command: every tracked C++ file of the product,
# its tests, benchmarks and examples must be formatted with the repository's
# .clang-format. Prints the offending files and fails otherwise.
#   scripts/check-format.sh [CLANG_FORMAT]
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${1:-clang-format-22}
dirs=(checks rewriter tool runtime/include test/runtime test/rewriter bench/runtime examples)
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- "${dirs[@]}" | grep -E '\.(cpp|h|hpp)$')
else
  mapfile -t files < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' \) | sort)
fi
status=0
for f in "${files[@]}"; do
  if ! "$clang_format" --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "check-format.sh: $f is not formatted ($clang_format -i $f)" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "check-format.sh: ${#files[@]} files formatted"
exit "$status"

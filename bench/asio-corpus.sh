#!/usr/bin/env bash
# Writes a compilation database for every translation unit of the Asio
# examples shipped in Debian's libasio-doc, plus the project's own examples.
#   bench/asio-corpus.sh OUT_DIR
# OUT_DIR/compile_commands.json lists them; OUT_DIR/files.txt one path a line.
# C++03 examples are built as C++14, the rest as C++20 with Asio's coroutine
# support enabled (docs/runtime.md explains the Asio 1.22 macros).
set -euo pipefail
out=${1:?usage: asio-corpus.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
examples=/usr/share/doc/libasio-dev/examples
[ -d "$examples" ] || { echo "asio-corpus.sh: $examples missing (package libasio-doc)" >&2; exit 2; }
mkdir -p "$out"
: > "$out/files.txt"
{
  echo "["
  first=1
  while IFS= read -r f; do
    case "$f" in
      */cpp03/*) std="\"-std=c++14\", \"-DASIO_HAS_BOOST_BIND\"" ;;
      *) std="\"-std=c++20\", \"-DASIO_HAS_CO_AWAIT=1\", \"-DASIO_HAS_STD_COROUTINE=1\"" ;;
    esac
    dir=$(dirname "$f")
    args="\"clang++-22\", $std, \"-I$root/runtime/include\", \"-I$dir\", \"-pthread\", \"-c\", \"$f\""
    [ $first -eq 1 ] || echo ","
    first=0
    printf '  {"directory": "%s", "file": "%s", "arguments": [%s]}' "$dir" "$f" "$args"
    echo "$f" >> "$out/files.txt"
  done < <(find "$examples" "$root/examples" -name '*.cpp' -not -path '*/build/*' | sort)
  echo
  echo "]"
} > "$out/compile_commands.json"
echo "asio-corpus.sh: $(wc -l < "$out/files.txt") translation units in $out/compile_commands.json"

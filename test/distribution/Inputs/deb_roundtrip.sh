#!/usr/bin/env bash
# The Debian package round trip (docs/install.md, "Debian package"):
# build the .deb with CPack from BUILD_DIR, lint it, install it, run the
# installed asyncctx on the bundled example from another directory, remove
# it, and require that the removal leaves the file system as it was.
#   deb_roundtrip.sh BUILD_DIR WORK_DIR LLVM_MAJOR
# (grep without -q in pipes: with pipefail, an early exit would fail the pipe.)
set -euo pipefail
build=$1 work=$2 llvm=$3
rm -rf "$work" && mkdir -p "$work"

if dpkg-query -W -f='${Status}' asyncctx 2>/dev/null | grep "ok installed" >/dev/null; then
  echo "deb_roundtrip.sh: asyncctx is installed on this machine already; not replacing it" >&2
  exit 1
fi

echo "== cpack"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" > "$work/cpack.log" ||
  { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/pkg/asyncctx_*.deb)
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
# The plugin loads only into the clang-tidy it was built for.
dpkg-deb --field "$deb" Depends | tr ',' '\n' | grep -x " *clang-tidy-$llvm" >/dev/null ||
  { echo "Depends does not name clang-tidy-$llvm" >&2; exit 1; }

echo "== lintian"
# Errors and warnings fail; every one is fixed or overridden with its reason
# (packaging/lintian-overrides). Info and pedantic tags are shown, not fatal:
# spelling-error-in-binary reads machine code as text and comes and goes with
# code changes (" withoutH" once), so it cannot be overridden stably.
lintian --fail-on error,warning --display-info --pedantic "$deb"

# What dpkg may touch outside its own database.
snapshot() {
  find /usr /etc /opt /var/lib/dpkg/info -xdev -path /usr/share/man/index.db -prune -o -print 2>/dev/null | sort
}
snapshot > "$work/before.txt"
installed=0
cleanup() { if [ "$installed" = 1 ]; then dpkg -r asyncctx >/dev/null || true; fi; }
trap cleanup EXIT

echo "== dpkg -i"
dpkg -i "$deb"
installed=1
test -x /usr/bin/asyncctx
man -w asyncctx
test -f /usr/lib/cmake/asyncctx/asyncctxConfig.cmake
test -f /usr/include/asyncctx/asyncctx.hpp
# Completion from the installed tool's own help.
bash -c 'source /usr/share/bash-completion/completions/asyncctx
  COMP_WORDS=(asyncctx ch); COMP_CWORD=1; _asyncctx; [ "${COMPREPLY[*]}" = check ]'
"clang-tidy-$llvm" -load "/usr/lib/asyncctx/llvm-$llvm/libasyncctx-tidy.so" -checks='-*,asyncctx-*' --list-checks |
  grep asyncctx-callback-without-context >/dev/null

echo "== the installed asyncctx on the bundled example"
cp -r /usr/share/doc/asyncctx/examples/worker-pool "$work/example"
cmake -S "$work/example" -B "$work/example/build" -G Ninja -DCMAKE_CXX_COMPILER="clang++-$llvm" \
  > "$work/example-configure.log"
mkdir -p "$work/elsewhere"
status=0
(cd "$work/elsewhere" && asyncctx check -p "$work/example/build" --no-progress) > "$work/check.txt" || status=$?
cat "$work/check.txt"
[ "$status" = 1 ] || { echo "asyncctx check exited $status, expected 1 (findings)" >&2; exit 1; }
grep -q "main.cpp:.*warning: lambda passed to 'asio::post' runs without the caller's async context" "$work/check.txt"
# SARIF help links lead to the installed check pages.
(cd "$work/elsewhere" && asyncctx check -p "$work/example/build" --no-progress --format=sarif) > "$work/check.sarif" || true
grep -q '"helpUri": "file:///usr/share/doc/asyncctx/checks/asyncctx-callback-without-context.md"' "$work/check.sarif"
test -f /usr/share/doc/asyncctx/checks/asyncctx-callback-without-context.md

echo "== dpkg -r"
dpkg -r asyncctx
installed=0
if dpkg-query -W -f='${Status}' asyncctx 2>/dev/null | grep "ok installed" >/dev/null; then
  echo "asyncctx is still installed after dpkg -r" >&2
  exit 1
fi
snapshot > "$work/after.txt"
if ! diff -u "$work/before.txt" "$work/after.txt"; then
  echo "dpkg -r asyncctx left the file system different (above)" >&2
  exit 1
fi
echo "deb_roundtrip.sh: ok"

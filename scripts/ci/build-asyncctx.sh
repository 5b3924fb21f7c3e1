#!/usr/bin/env bash
# CI: builds the asyncctx plugin and tool from this checkout and installs them
# (with the runtime headers, the CMake package and the man page) into PREFIX.
#   scripts/ci/build-asyncctx.sh PREFIX [LLVM_MAJOR]     (default 22)
set -euo pipefail
prefix=$1 llvm=${2:-22}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(mktemp -d)
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="clang++-$llvm" -DASYNCCTX_LLVM_VERSION="$llvm" -DASYNCCTX_BUILD_TESTS=OFF
cmake --build "$build"
cmake --install "$build" --prefix "$prefix"
rm -rf "$build"

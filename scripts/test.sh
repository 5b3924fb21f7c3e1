#!/usr/bin/env bash
# The test command: installs dependencies, builds, and runs every test.
#   lit: the check tests (real plugin in real clang-tidy-22) and end-to-end
#        tests (fix, compile, run, assert the context arrives);
#   runtime unit tests, plain and under ThreadSanitizer and ASan+UBSan, as
#   C++14, C++17 and C++20, against Asio 1.22, the newest Asio and Boost.Asio;
#   the plugin built against LLVM 19 running the same check tests;
#   the runtime tests built with GCC (C++14, C++17, C++20, both Asios).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/install-deps.sh --llvm19 --dist

echo "== build (LLVM 22)"
cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
cmake --build build -j"$jobs"

echo "== build (LLVM 19)"
cmake -S . -B build-llvm19 -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 \
  -DASYNCCTX_LLVM_VERSION=19 -DASYNCCTX_RUNTIME_TESTS=OFF >/dev/null
cmake --build build-llvm19 -j"$jobs"

echo "== runtime tests (GCC)"
# docs/runtime.md promises GCC as well as Clang ("Language standard", "Asio
# versions"): the C++20 suites with standalone Asio and bridges, the portable
# suites as C++14 (both Asios) and C++17, the newest Asio at C++14 and C++20,
# and mixed standards. Boost.Asio at C++17 and C++20 runs with Clang only,
# to keep the test command within its time budget.
cmake -S . -B build-gcc -G Ninja -DCMAKE_CXX_COMPILER=g++ -DASYNCCTX_BUILD_PLUGIN=OFF >/dev/null
gcc_suites=(asyncctx-runtime-tests asyncctx-runtime-tests-bridges
  asyncctx-runtime-tests-std14 asyncctx-runtime-tests-std14-boost
  asyncctx-runtime-tests-std17
  asyncctx-runtime-tests-asio-newest asyncctx-runtime-tests-asio-newest-std14
  asyncctx-runtime-tests-mixed-standards)
cmake --build build-gcc -j"$jobs" --target "${gcc_suites[@]}"
for suite in "${gcc_suites[@]}"; do
  build-gcc/bin/"$suite"
done

echo "== tests (LLVM 19 plugin)"
ctest --test-dir build-llvm19 --output-on-failure -j"$jobs"
echo "== tests (LLVM 22 plugin, runtime)"
ctest --test-dir build --output-on-failure -j"$jobs"

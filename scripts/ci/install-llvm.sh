#!/usr/bin/env bash
# CI: installs what building and running asyncctx needs: Clang, clang-tidy and
# the development packages of LLVM N, CMake, Ninja, help2man. From the
# distribution's own archive when it has clang-tidy-N (Debian), otherwise
# from apt.llvm.org through its llvm.sh (GitHub's Ubuntu runners, Debian 12).
#   scripts/ci/install-llvm.sh [N]      (default 22; root or sudo)
set -euo pipefail
llvm=${1:-22}
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Not `apt-cache ... | grep -q`: with pipefail, grep's early exit fails the pipe.
policy=$(apt-cache policy "clang-tidy-$llvm")
if [[ "$policy" != *"Candidate: "[0-9]* ]]; then
  echo "install-llvm.sh: clang-tidy-$llvm is not in this system's archive, adding apt.llvm.org"
  $sudo apt-get install -y -qq --no-install-recommends \
    ca-certificates gnupg lsb-release software-properties-common wget >/dev/null
  tmp=$(mktemp -d)
  wget -qO "$tmp/llvm.sh" https://apt.llvm.org/llvm.sh
  $sudo bash "$tmp/llvm.sh" "$llvm"
  rm -rf "$tmp"
fi
$sudo apt-get install -y -qq --no-install-recommends \
  "clang-$llvm" "clang-tidy-$llvm" "libclang-$llvm-dev" "llvm-$llvm-dev" \
  cmake ninja-build git file help2man >/dev/null
echo "install-llvm.sh: $("clang-tidy-$llvm" --version | grep -m1 -i version)"

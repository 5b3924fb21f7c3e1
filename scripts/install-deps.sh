#!/usr/bin/env bash
# Installs what asyncctx needs to build and test on Debian 12, from Debian's
# own packages. Does nothing when everything is already installed.
#   scripts/install-deps.sh [--llvm19] [--bench]
set -euo pipefail

packages=(
  cmake ninja-build git python3 diffutils g++
  clang-22 clang-tidy-22 clang-tools-22 clang-format-22
  libclang-22-dev llvm-22-dev llvm-22-tools libclang-rt-22-dev
  libasio-dev libasio-doc libboost-dev libgtest-dev
)
for arg in "$@"; do
  case "$arg" in
    --llvm19) packages+=(llvm-19-dev libclang-19-dev clang-tidy-19) ;;
    --bench) packages+=(libbenchmark-dev linux-perf) ;;
    *) echo "install-deps.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps.sh: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps.sh: need root or sudo to install ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

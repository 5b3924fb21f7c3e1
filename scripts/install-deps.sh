#!/usr/bin/env bash
# Installs what asyncctx needs to build and test on Debian 12, from Debian's
# own packages. Does nothing when everything is already installed.
#   scripts/install-deps.sh [--llvm19] [--bench] [--dist]
set -euo pipefail

packages=(
  cmake ninja-build git python3 diffutils g++
  clang-22 clang-tidy-22 clang-tools-22 clang-format-22
  libclang-22-dev llvm-22-dev llvm-22-tools libclang-rt-22-dev
  libasio-dev libasio-doc libboost-dev libgtest-dev help2man
)
# npm packages, installed into build/npm (never globally).
npm_packages=()
for arg in "$@"; do
  case "$arg" in
    --llvm19) packages+=(llvm-19-dev libclang-19-dev clang-tidy-19) ;;
    --bench) packages+=(libbenchmark-dev linux-perf) ;;
    # The distribution tests (test/distribution/): the Debian package
    # (dpkg-shlibdeps, lintian, man), the pre-commit hook, the CI recipes;
    # a headless browser for the HTML report (test/tool/html-report.test).
    --dist) packages+=(dpkg-dev file man-db lintian pre-commit python3-yaml chromium)
            npm_packages+=(@action-validator/cli@0.6.0) ;;
    *) echo "install-deps.sh: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

# Node's own packaging (NodeSource's nodejs includes npm) is kept if present.
if [ ${#npm_packages[@]} -gt 0 ] && ! command -v npm >/dev/null; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps.sh: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps.sh: need root or sudo to install ${missing[*]}" >&2; exit 2; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm_prefix="$(cd "$(dirname "$0")/.." && pwd)/build/npm"
for p in ${npm_packages[@]+"${npm_packages[@]}"}; do
  if [ ! -f "$npm_prefix/node_modules/${p%@*}/package.json" ] ||
     ! grep -q "\"version\": \"${p##*@}\"" "$npm_prefix/node_modules/${p%@*}/package.json"; then
    echo "install-deps.sh: npm install $p into $npm_prefix"
    npm install --prefix "$npm_prefix" --no-audit --no-fund --loglevel=error "$p" >/dev/null
  fi
done

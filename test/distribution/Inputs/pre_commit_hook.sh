#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml) in Debian's pre-commit, on a
# scratch repository with a compile_commands.json: a commit of a clean file
# passes, a commit of a file with a finding is refused.
#   pre_commit_hook.sh SOURCE_ROOT ASYNCCTX COMPILER WORK_DIR
set -euo pipefail
src=$1 asyncctx=$2 compiler=$3 work=$4
rm -rf "$work" && mkdir -p "$work/bin"
ln -s "$asyncctx" "$work/bin/asyncctx"          # the hook runs `asyncctx` from PATH
export PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/pre-commit-cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
export GIT_CONFIG_NOSYSTEM=1 HOME="$work"

# The hook repository: this checkout's .pre-commit-hooks.yaml as committed
# content (pre-commit clones the repository at a revision).
git init -q "$work/hooks"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

project="$work/project"
git init -q "$project"
cd "$project"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: asyncctx
YAML
printf 'build/\n' > .gitignore
cat > clean.cpp <<'CPP'
#include <asyncctx/asyncctx.hpp>
#include <string>
#include <thread>
asyncctx::Local<std::string> request_id;
void clean() { std::thread(asyncctx::wrap([] { (void)request_id.get(); })).join(); }
CPP
cat > finding.cpp <<'CPP'
#include <asyncctx/asyncctx.hpp>
#include <string>
#include <thread>
extern asyncctx::Local<std::string> request_id;
void finding() { std::thread([] { (void)request_id.get(); }).join(); }
CPP
python3 "$src/test/tool/Inputs/compdb.py" --compiler "$compiler" --runtime "$src/runtime/include" \
  build clean.cpp finding.cpp
git add .pre-commit-config.yaml .gitignore
git commit -qm config
pre-commit install

echo "== commit clean.cpp"
git add clean.cpp
git commit -m clean 2>&1
echo "== commit finding.cpp"
git add finding.cpp
if git commit -m finding > "$work/refused.txt" 2>&1; then
  cat "$work/refused.txt"
  echo "pre_commit_hook.sh: the commit of finding.cpp was not refused" >&2
  exit 1
fi
cat "$work/refused.txt"
echo "== log"
git log --format=%s

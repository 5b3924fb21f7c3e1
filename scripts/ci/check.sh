#!/usr/bin/env bash
# CI: runs `asyncctx check` (or `asyncctx merge` of shard reports) the way
# action.yml and the GitLab recipe in docs/ci.md do. Settings come from the
# environment:
#   ASYNCCTX_BUILD_DIR   directory with compile_commands.json (default: build)
#   ASYNCCTX_BASELINE    --baseline FILE
#   ASYNCCTX_DIFF_BASE   --diff REV: only findings on lines changed since REV
#   ASYNCCTX_ARGS        more arguments for `asyncctx check`, split on spaces
#   ASYNCCTX_SHARD       I/N: analyse one shard into asyncctx-shard-I.json
#                        (JSON, for `asyncctx merge`), fail only on errors
#   ASYNCCTX_MERGE       shard reports (a glob) to merge instead of analysing
#   ASYNCCTX_SARIF       the SARIF file (default: asyncctx.sarif)
#   ASYNCCTX_DOCS_URL    where the SARIF rules' help links point (--docs-url)
#   ASYNCCTX_CODEQUALITY also write a GitLab Code Quality report to this file
#   ASYNCCTX_FAIL_ON     findings (default) or errors
#   ASYNCCTX             the asyncctx command (default: asyncctx from PATH)
# Prints the findings as text; writes `status` (asyncctx's exit status:
# 0 clean, 1 findings, 2 error), `gate` (this script's exit status), `sarif`
# and `report` (paths) to $GITHUB_OUTPUT when it is set.
set -uo pipefail
build_dir=${ASYNCCTX_BUILD_DIR:-build}
sarif=${ASYNCCTX_SARIF:-asyncctx.sarif}
codequality=${ASYNCCTX_CODEQUALITY:-}
fail_on=${ASYNCCTX_FAIL_ON:-findings}
shard=${ASYNCCTX_SHARD:-}
merge=${ASYNCCTX_MERGE:-}
asyncctx=${ASYNCCTX:-asyncctx}

check_args=(-p "$build_dir" --no-progress)
[ -n "${ASYNCCTX_BASELINE:-}" ] && check_args+=(--baseline "$ASYNCCTX_BASELINE")
[ -n "${ASYNCCTX_DIFF_BASE:-}" ] && check_args+=(--diff "$ASYNCCTX_DIFF_BASE")
# shellcheck disable=SC2206 # split on purpose
[ -n "${ASYNCCTX_ARGS:-}" ] && check_args+=($ASYNCCTX_ARGS)

check_status=0
if [ -n "$merge" ]; then
  # shellcheck disable=SC2206 # the glob expands here
  reports=($merge)
elif [ -n "$shard" ]; then
  report="asyncctx-shard-${shard%%/*}.json"
  reports=("$report")
  "$asyncctx" check "${check_args[@]}" --shard "$shard" --format=json -o "$report" || check_status=$?
  fail_on=errors
  sarif=""
  codequality=""
else
  # One analysis; the SARIF file and the text both come from its report.
  report=$(mktemp -p "${RUNNER_TEMP:-${TMPDIR:-/tmp}}" --suffix=.json asyncctx-report.XXXXXX)
  reports=("$report")
  "$asyncctx" check "${check_args[@]}" --format=json -o "$report" || check_status=$?
fi

if [ -n "$sarif" ]; then
  rm -f "$sarif"
  sarif_args=()
  [ -n "${ASYNCCTX_DOCS_URL:-}" ] && sarif_args+=(--docs-url "$ASYNCCTX_DOCS_URL")
  "$asyncctx" merge --format=sarif "${sarif_args[@]}" -o "$sarif" "${reports[@]}"
  [ -f "$sarif" ] || sarif=""
fi
if [ -n "$codequality" ]; then
  rm -f "$codequality"
  "$asyncctx" merge --format=codequality -o "$codequality" "${reports[@]}"
fi
# The findings as text in the log, and the exit status of the whole run.
status=0
"$asyncctx" merge "${reports[@]}" || status=$?
if [ "$check_status" = 2 ]; then status=2; fi

gate=$status
if [ "$status" = 1 ] && [ "$fail_on" = errors ]; then gate=0; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "status=$status"
    echo "gate=$gate"
    echo "sarif=$sarif"
    echo "report=${report:-}"
  } >> "$GITHUB_OUTPUT"
fi
exit "$gate"

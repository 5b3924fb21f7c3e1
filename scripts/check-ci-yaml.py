#!/usr/bin/env python3
"""Validates the CI recipes: action.yml, .pre-commit-hooks.yaml, and every
```yaml block of a Markdown page (docs/ci.md), so that they cannot rot.

    scripts/check-ci-yaml.py --action-validator build/npm/node_modules/.bin/action-validator \
        action.yml .pre-commit-hooks.yaml docs/ci.md

A YAML block in a page must follow a `<!-- ci-yaml: KIND -->` line naming
what it is:
  github-workflow    GitHub's workflow schema (action-validator), plus: every
                     job that runs `asyncctx` gets it from the asyncctx action
                     first;
  github-action      GitHub's action schema (action-validator);
  gitlab-ci          YAML, plus the structure GitLab requires (no schema
                     validator is packaged): known keywords, a script, known
                     stages, report types GitLab reads, `needs` and `parallel`;
  pre-commit-config  `pre-commit validate-config`;
  pre-commit-hooks   `pre-commit validate-manifest`.
A block without the line is an error. Exit status 0 valid, 1 not.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import yaml

# Files validated by name rather than by a marker.
KIND_BY_NAME = {
    "action.yml": "github-action",
    "action.yaml": "github-action",
    ".pre-commit-hooks.yaml": "pre-commit-hooks",
    ".pre-commit-config.yaml": "pre-commit-config",
    ".gitlab-ci.yml": "gitlab-ci",
}

MARKER = re.compile(r"<!--\s*ci-yaml:\s*([\w-]+)\s*-->")
FENCE = re.compile(r"^(\s*)```(\S*)\s*$")


def yaml_blocks(path):
    """(line, kind, text) of each ```yaml block; kind is None without a marker."""
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks, kind_line, i = [], None, 0
    while i < len(lines):
        marker = MARKER.search(lines[i])
        if marker:
            kind_line = (i, marker.group(1))
        fence = FENCE.match(lines[i])
        if fence and fence.group(2):
            start, indent, language = i, fence.group(1), fence.group(2)
            i += 1
            body = []
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i][len(indent):])
                i += 1
            if language in ("yaml", "yml"):
                # The marker counts when only blank lines separate it from the fence.
                kind = None
                if kind_line and all(not l.strip() for l in lines[kind_line[0] + 1:start]):
                    kind = kind_line[1]
                blocks.append((start + 1, kind, "\n".join(body) + "\n"))
            kind_line = None
        i += 1
    return blocks


class Checker:
    def __init__(self, action_validator, pre_commit):
        self.action_validator = action_validator
        self.pre_commit = pre_commit
        self.errors = 0

    def error(self, where, message):
        print("%s: error: %s" % (where, message))
        self.errors += 1

    def run_tool(self, where, command, file_name, text):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, file_name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            try:
                result = subprocess.run(command + [path], stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, universal_newlines=True)
            except FileNotFoundError:
                self.error(where, "%s not found (scripts/install-deps.sh --dist installs it)"
                           % command[0])
                return False
        if result.returncode != 0:
            self.error(where, "%s rejects it:\n%s" % (os.path.basename(command[0]),
                                                       result.stdout.strip()))
            return False
        return True

    def check(self, where, kind, text):
        try:
            document = yaml.safe_load(text)
        except yaml.YAMLError as e:
            self.error(where, "not valid YAML: %s" % str(e).replace("\n", " "))
            return
        if kind == "github-workflow":
            if self.run_tool(where, [self.action_validator], "workflow.yml", text):
                self.check_github_workflow(where, document)
        elif kind == "github-action":
            self.run_tool(where, [self.action_validator], "action.yml", text)
        elif kind == "gitlab-ci":
            self.check_gitlab(where, document)
        elif kind == "pre-commit-config":
            self.run_tool(where, [self.pre_commit, "validate-config"], ".pre-commit-config.yaml", text)
        elif kind == "pre-commit-hooks":
            self.run_tool(where, [self.pre_commit, "validate-manifest"], ".pre-commit-hooks.yaml", text)
        else:
            self.error(where, "unknown kind '%s'" % kind)

    def check_github_workflow(self, where, workflow):
        for name, job in workflow.get("jobs", {}).items():
            # `asyncctx` is on PATH only after the asyncctx action ran in the job.
            installed = False
            for step in job.get("steps", []):
                uses = step.get("uses", "")
                if re.match(r"[^/@]+/asyncctx(/[^@]*)?@|\./", uses):
                    installed = True
                if re.search(r"(^|[\s;&|(])asyncctx\s", step.get("run", "")) and not installed:
                    self.error(where, "job '%s' runs asyncctx before the asyncctx action installs it" % name)

    # GitLab CI keywords (docs.gitlab.com/ee/ci/yaml/).
    GITLAB_GLOBAL = {"default", "include", "stages", "variables", "workflow", "image", "services",
                     "cache", "before_script", "after_script"}
    GITLAB_JOB = {"after_script", "allow_failure", "artifacts", "before_script", "cache", "coverage",
                  "dependencies", "environment", "extends", "id_tokens", "image", "inherit",
                  "interruptible", "needs", "parallel", "release", "resource_group", "retry", "rules",
                  "script", "secrets", "services", "stage", "tags", "timeout", "trigger", "variables",
                  "when"}
    GITLAB_ARTIFACTS = {"paths", "exclude", "expire_in", "expose_as", "name", "public", "reports",
                        "untracked", "when", "access"}
    GITLAB_REPORTS = {"accessibility", "annotations", "api_fuzzing", "browser_performance",
                      "coverage_report", "codequality", "container_scanning", "coverage_fuzzing",
                      "cyclonedx", "dast", "dependency_scanning", "dotenv", "junit", "load_performance",
                      "metrics", "requirements", "repository_xray", "sast", "secret_detection", "terraform"}

    def check_gitlab(self, where, pipeline):
        if not isinstance(pipeline, dict):
            self.error(where, "a GitLab CI file is a mapping of keywords and jobs")
            return
        stages = pipeline.get("stages", ["build", "test", "deploy"]) + [".pre", ".post"]
        jobs = {k: v for k, v in pipeline.items() if k not in self.GITLAB_GLOBAL}
        for name, job in jobs.items():
            at = "%s: job '%s'" % (where, name)
            if not isinstance(job, dict):
                self.error(where, "job '%s' is not a mapping" % name)
                continue
            for key in job:
                if key not in self.GITLAB_JOB:
                    self.error(where, "job '%s': unknown keyword '%s'" % (name, key))
            hidden = name.startswith(".")
            if not hidden and not ({"script", "trigger", "extends"} & set(job)):
                self.error(where, "job '%s' has no script" % name)
            for key in ("before_script", "script", "after_script"):
                script = job.get(key)
                if script is not None and not (isinstance(script, str) or
                                               all(isinstance(s, (str, list)) for s in script)):
                    self.error(where, "job '%s': %s must be a string or a list of strings" % (name, key))
            if "stage" in job and job["stage"] not in stages:
                self.error(where, "job '%s': stage '%s' is not in stages %s" % (name, job["stage"], stages))
            artifacts = job.get("artifacts", {})
            for key in artifacts:
                if key not in self.GITLAB_ARTIFACTS:
                    self.error(where, "job '%s': unknown artifacts keyword '%s'" % (name, key))
            for report in artifacts.get("reports", {}):
                if report not in self.GITLAB_REPORTS:
                    self.error(where, "job '%s': GitLab reads no '%s' report" % (name, report))
            for need in job.get("needs", []):
                need_name = need.get("job") if isinstance(need, dict) else need
                if need_name not in jobs:
                    self.error(where, "job '%s' needs '%s', which is not a job" % (name, need_name))
            parallel = job.get("parallel")
            if parallel is not None and not (isinstance(parallel, int) and 1 <= parallel <= 200
                                             or isinstance(parallel, dict) and "matrix" in parallel):
                self.error(where, "job '%s': parallel must be 1..200 or a matrix" % name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--action-validator", required=True,
                        help="the action-validator command (npm @action-validator/cli)")
    parser.add_argument("--pre-commit", default="pre-commit")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    checker = Checker(args.action_validator, args.pre_commit)
    checked = 0
    for path in args.files:
        if path.endswith(".md"):
            for line, kind, text in yaml_blocks(path):
                where = "%s:%d" % (path, line)
                if kind is None:
                    checker.error(where, "YAML block without a '<!-- ci-yaml: KIND -->' line before it")
                else:
                    checker.check(where, kind, text)
                checked += 1
        else:
            kind = KIND_BY_NAME.get(os.path.basename(path))
            if kind is None:
                checker.error(path, "unknown file (expected %s or a .md page)" % ", ".join(KIND_BY_NAME))
            else:
                checker.check(path, kind, open(path, encoding="utf-8").read())
            checked += 1
    print("check-ci-yaml: %d documents, %d errors" % (checked, checker.errors))
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())

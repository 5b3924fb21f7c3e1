"""Runs the steps of a composite action (action.yml) the way GitHub's runner
does, as far as a test without GitHub can: each `run` step in bash with its
`env`, `${{ inputs.* }}` and `${{ steps.*.outputs.* }}` substituted, outputs
read from $GITHUB_OUTPUT, directories appended to $GITHUB_PATH put on PATH
for the later steps, `if:` conditions evaluated. `uses` steps are not run:
they are printed with their evaluated `with:`, and actions/cache reports a hit
(the test fills the cached directory itself). Prints each step and the
action's outputs; exits with the status of the first failing step.

usage: run_action.py ACTION_YML WORKDIR [--input NAME=VALUE]... [--skip STEP_NAME_PREFIX]...
"""
import argparse
import os
import re
import subprocess
import sys

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Context:
    def __init__(self, inputs, action_path, runner_temp):
        self.inputs = inputs
        self.steps = {}
        self.github = {"action_path": action_path}
        self.runner = {"temp": runner_temp, "os": "Linux"}

    def value(self, term):
        term = term.strip()
        if re.fullmatch(r"'[^']*'", term):
            return term[1:-1]
        parts = term.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            return self.inputs[parts[1]]
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.steps.get(parts[1], {}).get(parts[3], "")
        if parts[0] in ("github", "runner") and len(parts) == 2:
            return getattr(self, parts[0])[parts[1]]
        raise SystemExit("run_action.py: unsupported expression '%s'" % term)

    def substitute(self, text):
        return EXPRESSION.sub(lambda m: str(self.value(m.group(1))), str(text))

    def condition(self, text):
        """`A == B`, `A != B` and single terms, joined with &&."""
        text = EXPRESSION.sub(lambda m: m.group(1), str(text))
        for clause in text.split("&&"):
            m = re.fullmatch(r"\s*(.+?)\s*(==|!=)\s*(.+?)\s*", clause)
            if m:
                equal = self.value(m.group(1)) == self.value(m.group(3))
                if equal != (m.group(2) == "=="):
                    return False
            elif not self.value(clause):
                return False
        return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action")
    parser.add_argument("workdir")
    parser.add_argument("--input", action="append", default=[])
    parser.add_argument("--skip", action="append", default=[])
    args = parser.parse_args()

    action = yaml.safe_load(open(args.action))
    action_path = os.path.dirname(os.path.abspath(args.action))
    runner_temp = os.path.join(os.path.abspath(args.workdir), "runner-temp")
    os.makedirs(runner_temp, exist_ok=True)
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for item in args.input:
        name, value = item.split("=", 1)
        if name not in inputs:
            raise SystemExit("run_action.py: the action has no input '%s'" % name)
        inputs[name] = value
    context = Context(inputs, action_path, runner_temp)
    path = os.environ["PATH"]
    status = 0

    for index, step in enumerate(action["runs"]["steps"]):
        name = context.substitute(step.get("name", "step %d" % index))
        if any(name.startswith(prefix) for prefix in args.skip):
            print("== skipped: %s" % name)
            continue
        if "if" in step and not context.condition(step["if"]):
            print("== not run (if): %s" % name)
            continue
        outputs = {}
        if "uses" in step:
            with_ = {k: context.substitute(v) for k, v in step.get("with", {}).items()}
            print("== uses %s with %s" % (step["uses"], with_))
            if step["uses"].startswith("actions/cache@"):
                outputs["cache-hit"] = "true"
        else:
            print("== run: %s" % name)
            output_file = os.path.join(runner_temp, "output-%d" % index)
            path_file = os.path.join(runner_temp, "path-%d" % index)
            open(output_file, "w").close()
            open(path_file, "w").close()
            env = dict(os.environ, PATH=path, GITHUB_ACTION_PATH=action_path,
                       GITHUB_OUTPUT=output_file, GITHUB_PATH=path_file, RUNNER_TEMP=runner_temp)
            env.update({k: context.substitute(v) for k, v in step.get("env", {}).items()})
            sys.stdout.flush()
            # GitHub's bash: bash --noprofile --norc -eo pipefail {0}
            status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                     context.substitute(step["run"])],
                                    env=env, cwd=args.workdir).returncode
            for line in open(output_file):
                key, _, value = line.rstrip("\n").partition("=")
                outputs[key] = value
            for line in open(path_file):
                path = line.strip() + os.pathsep + path
        if "id" in step:
            context.steps[step["id"]] = outputs
        if "run" in step and status != 0:
            print("== step '%s' failed with exit status %d" % (name, status))
            break
    for name, spec in action.get("outputs", {}).items():
        print("output %s=%s" % (name, context.substitute(spec["value"])))
    return status


if __name__ == "__main__":
    sys.exit(main())

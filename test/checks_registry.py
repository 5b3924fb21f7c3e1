#!/usr/bin/env python3
"""The asyncctx check registry (checks/Checks.def) and its consistency test.

  checks_registry.py --cpp clang++-22 --root REPO --clang-tidy clang-tidy-22 \\
                     --plugin build/lib/libasyncctx-tidy.so

Checks.def is expanded by the C preprocessor, as the plugin expands it. The
command exits 1, listing every disagreement, unless
  * the plugin registers exactly the checks of Checks.def (`--list-checks`);
  * docs/checks/ holds exactly one page per check, docs/checks/<Name>.md,
    titled `# <Name>`;
  * the "Documentation" section of README.md links exactly those pages;
  * every option the check stores (`--dump-config`) is named in the
    `## Options` section of its page.

lit.cfg.py imports `read_checks` to assert that the plugin under test
registered every check before running anything.
"""

import argparse
import ast
import os
import re
import subprocess
import sys


def read_checks(cpp, root):
    """The rows of checks/Checks.def as dicts, in table order."""
    expanded = subprocess.run(
        [cpp, "-E", "-P", "-x", "c++",
         "-DASYNCCTX_CHECK(Name,Class,Short,Full,Help)="
         "(Name,#Class,Short,Full,Help),",
         os.path.join(root, "checks", "Checks.def")],
        check=True, stdout=subprocess.PIPE, universal_newlines=True).stdout
    # Adjacent string literals concatenate in Python as in C++.
    rows = ast.literal_eval("[" + expanded + "]")
    return [dict(zip(("name", "class", "short", "full", "help"), row))
            for row in rows]


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)


def section(markdown, title):
    """The text of the `## title` section of a Markdown page."""
    match = re.search(r"^## %s\n(.*?)(?=^## |\Z)" % re.escape(title), markdown,
                      re.S | re.M)
    return match.group(1) if match else ""


def disagreements(checks, root, clang_tidy, plugin):
    names = [c["name"] for c in checks]
    problems = []

    tidy = [clang_tidy, "-load", plugin, "-checks=-*,asyncctx-*"]
    listed = run(tidy + ["--list-checks"])
    registered = set(re.findall(r"^\s+(asyncctx-[\w-]+)\s*$", listed.stdout,
                                re.M))
    for name in sorted(set(names) - registered):
        problems.append("%s is in Checks.def but the plugin does not register "
                        "it" % name)
    for name in sorted(registered - set(names)):
        problems.append("the plugin registers %s, which is not in Checks.def"
                        % name)

    docs = os.path.join(root, "docs", "checks")
    pages = {f[:-3] for f in os.listdir(docs) if f.endswith(".md")}
    for name in names:
        if name not in pages:
            problems.append("%s has no page docs/checks/%s.md" % (name, name))
            continue
        with open(os.path.join(docs, name + ".md"), encoding="utf-8") as f:
            page = f.read()
        if not page.startswith("# %s\n" % name):
            problems.append("docs/checks/%s.md is not titled '# %s'"
                            % (name, name))
    for page in sorted(pages - set(names)):
        problems.append("docs/checks/%s.md documents no check of Checks.def"
                        % page)

    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        linked = set(re.findall(r"\(docs/checks/([\w-]+)\.md\)",
                                section(f.read(), "Documentation")))
    for name in names:
        if name not in linked:
            problems.append("README.md's Documentation section does not link "
                            "docs/checks/%s.md" % name)
    for name in sorted(linked - set(names)):
        problems.append("README.md links docs/checks/%s.md, which is not a "
                        "check of Checks.def" % name)

    dumped = run(tidy + ["--dump-config"])
    stored = re.findall(r"^\s+'?(asyncctx-[\w-]+)\.(\w+)'?:", dumped.stdout,
                        re.M)
    if not stored:
        problems.append("clang-tidy --dump-config shows no asyncctx option:\n"
                        + dumped.stdout)
    for name, option in sorted(set(stored)):
        if name not in pages:
            continue
        with open(os.path.join(docs, name + ".md"), encoding="utf-8") as f:
            documented = re.findall(r"`(\w+)`", section(f.read(), "Options"))
        if option not in documented:
            problems.append("option %s.%s is not documented in the Options "
                            "section of docs/checks/%s.md"
                            % (name, option, name))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpp", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    args = parser.parse_args()
    problems = disagreements(read_checks(args.cpp, args.root), args.root,
                             args.clang_tidy, args.plugin)
    for problem in problems:
        print("checks_registry.py: " + problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

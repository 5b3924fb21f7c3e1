#!/usr/bin/env python3
"""Renders checks/Catalogue.def, the one table of built-in names, as Markdown.

  scripts/render-catalogue.py [--cpp clang++-22] > docs/catalogue.md

The table is expanded by the C preprocessor exactly as the checks expand it,
so the page cannot list anything the checks do not know (a lit test diffs the
committed page against a fresh rendering).
"""
import argparse
import os
import re
import subprocess

KINDS = {
    "BOUNDARY": ("Async boundaries", ["Name", "Callable argument"]),
    "LAUNCH_POLICY": ("Launch policies (an argument of this type before the "
                      "callable is skipped)", ["Enumeration"]),
    "INITIATING_NAMESPACE": ("Asio namespaces: every `async_*` function in "
                             "them is an initiating function (the argument of "
                             "its completion token parameter); a fix for a "
                             "boundary declared in one also includes the "
                             "header",
                             ["Namespace", "Fix also includes"]),
    "C_CALLBACK": ("C callbacks (reported, never fixed; every function "
                   "pointer argument)", ["Name"]),
    "BINDER": ("Binders (what runs is the selected argument)",
               ["Name", "Argument", "Fix also includes"]),
    "SOURCE": ("Context sources", ["Name", "Carried by the fix",
                                   "Bridge header"]),
    "ADAPTER": ("Adapters", ["Name"]),
    "FIX_STANDARD": ("C++ standard a fix adapter needs (below it: no fix)",
                     ["Adapter", "C++"]),
    "RESTORE_GUARD": ("Restore guards (manual capture)", ["Name"]),
    "CONTEXT_AWARE_COROUTINE": ("Context-aware coroutine types",
                                ["Class template"]),
    "NON_SUSPENDING_AWAITER": ("Awaiters that never suspend (a `co_await` "
                               "on one is not reported)", ["Class"]),
    "CONTEXT_EXECUTOR": ("Context executors (a boundary call that gets one "
                         "propagates)", ["Class template"]),
    "COROUTINE_SPAWN": ("Coroutine spawns (argument 1 is the coroutine, "
                        "argument 2 the handler)",
                        ["Name", "Fix adapter (executor)", "Fix header"]),
    "COMPLETION_TOKEN": ("Completion tokens (never reported; besides every "
                         "class `async_result` is partially specialized for)",
                         ["Class"]),
}
ARGUMENT = {
    "First": "first",
    "Last": "last one passed",
    "AfterLaunchPolicy": "first, or second after a `std::launch`",
    "Carried": "yes",
    "WithBridge": "with the bridge header, which the fix includes",
    "NotCarried": "no: reported without a fix unless `BridgedSources` "
                  "names it",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpp", default="clang++-22")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    catalogue = os.path.join(root, "checks", "Catalogue.def")
    with open(catalogue) as f:
        declared = re.findall(r"#ifndef ASYNCCTX_(\w+)\n#define ASYNCCTX_\w+\(([^)]*)\)",
                              f.read())
    unknown = [kind for kind, _ in declared if kind not in KINDS]
    if unknown:
        raise SystemExit("render-catalogue.py: no section for row kinds %s" % unknown)
    defines = ["-DASYNCCTX_%s(%s)=@%s %s" % (
        kind, params, kind, " ~ ".join(p.strip() for p in params.split(",")))
        for kind, params in declared]
    expanded = subprocess.run(
        [args.cpp, "-E", "-P", "-x", "c++"] + defines +
        [catalogue],
        check=True, stdout=subprocess.PIPE, universal_newlines=True).stdout
    rows = {kind: [] for kind in KINDS}
    for kind, rest in re.findall(r"@(\w+) ([^@]*)", expanded):
        cells = []
        for cell in rest.split("~"):
            strings = re.findall(r'"([^"]*)"', cell)
            if not strings:
                cells.append(ARGUMENT.get(cell.strip(), cell.strip()))
            elif "".join(strings):
                cells.append("`%s`" % "".join(strings))
            else:
                cells.append("none")
        rows[kind].append(cells)

    print("# The built-in catalogue\n")
    print("Generated from [`checks/Catalogue.def`](../checks/Catalogue.def) by")
    print("`scripts/render-catalogue.py`; do not edit by hand. Names are fully")
    print("qualified, without template arguments or inline namespaces. The")
    print("options `ContextSources` and `Adapters` add to these lists.")
    for kind, (title, columns) in KINDS.items():
        print("\n## %s (%d)\n" % (title, len(rows[kind])))
        print("| " + " | ".join(columns) + " |")
        print("|" + " --- |" * len(columns))
        for row in rows[kind]:
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fails when the files of one directory include each other in a cycle.

  include_cycles.py DIR PREFIX      e.g. include_cycles.py checks checks/

X.h and X.cpp are one unit: `A.cpp` including `B.h` while `B.cpp` includes
`A.h` is a cycle, as is any longer one. Only `#include "PREFIX..."` lines
count. Prints each cycle found and exits 1.
"""

import os
import re
import sys


def unit_graph(directory, prefix):
    graph = {}
    for name in sorted(os.listdir(directory)):
        unit, ext = os.path.splitext(name)
        if ext not in (".h", ".cpp", ".def"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            for included in re.findall(r'^\s*#\s*include\s+"%s([^"/]+)"'
                                       % re.escape(prefix), f.read(), re.M):
                target = os.path.splitext(included)[0]
                graph.setdefault(unit, {})
                if target != unit:
                    graph[unit].setdefault(target, name + " -> " + included)
    return graph


def cycles(graph):
    """One cycle per strongly connected component, as a list of edges."""
    found, state, stack = [], {}, []

    def visit(unit):
        state[unit] = "open"
        stack.append(unit)
        for target in sorted(graph.get(unit, {})):
            if state.get(target) == "open":
                ring = stack[stack.index(target):] + [target]
                found.append([graph[a][b] for a, b in zip(ring, ring[1:])])
            elif target not in state:
                visit(target)
        stack.pop()
        state[unit] = "done"

    for unit in sorted(graph):
        if unit not in state:
            visit(unit)
    return found


def main():
    directory, prefix = sys.argv[1], sys.argv[2]
    found = cycles(unit_graph(directory, prefix))
    for ring in found:
        print("include cycle: " + ", ".join(ring))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()

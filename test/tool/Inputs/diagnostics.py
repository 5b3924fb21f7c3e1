"""Prints the diagnostics of a clang-tidy or `asyncctx check` text output in
one canonical form, so that the two can be compared: each warning with its
notes, as `path:line:col: kind: message`, paths relative to ROOT, warnings
sorted by location, the check name and the source excerpts dropped.

usage: diagnostics.py ROOT OUTPUT_FILE
"""
import os, re, sys

root = os.path.realpath(sys.argv[1])
line_re = re.compile(r"^(/[^:]+):(\d+):(\d+): (warning|note|error): (.*?)(?: \[[\w,.-]+\])?$")
groups = []
for line in open(sys.argv[2]):
    m = line_re.match(line.rstrip("\n"))
    if not m:
        continue
    path, ln, col, kind, message = m.groups()
    path = os.path.relpath(os.path.realpath(path), root)
    text = "%s:%s:%s: %s: %s" % (path, ln, col, kind, message)
    if kind == "note" and groups:
        groups[-1].append(text)
    else:
        groups.append([text])
key = lambda g: [int(x) if x.isdigit() else x for x in re.split(r"[:]", g[0])[:3]]
for group in sorted(groups, key=key):
    print("\n  ".join(group))

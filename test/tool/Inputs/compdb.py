"""Writes BUILD_DIR/compile_commands.json for the given sources.

usage: compdb.py --compiler CXX --runtime DIR BUILD_DIR SOURCE... [-- FLAG...]
"""
import argparse, json, os, sys

argv = sys.argv[1:]
extra = []
if "--" in argv:
    extra = argv[argv.index("--") + 1:]
    argv = argv[:argv.index("--")]
p = argparse.ArgumentParser()
p.add_argument("--compiler", required=True)
p.add_argument("--runtime", required=True)
p.add_argument("build")
p.add_argument("sources", nargs="+")
a = p.parse_args(argv)
os.makedirs(a.build, exist_ok=True)
entries = []
for src in a.sources:
    src = os.path.abspath(src)
    obj = os.path.basename(src) + ".o"
    entries.append({
        "directory": os.path.abspath(a.build),
        "arguments": [a.compiler, "-std=c++20", "-I" + a.runtime] + extra +
                     ["-c", src, "-o", obj],
        "file": src,
    })
with open(os.path.join(a.build, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=2)

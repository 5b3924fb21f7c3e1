"""Fails unless two directory trees have the same files with the same
contents (ignoring build/ and names given with --ignore)."""
import filecmp, os, sys

args = sys.argv[1:]
ignore = {"build"}
while args and args[0] == "--ignore":
    ignore.add(args[1]); args = args[2:]
a, b = args

def files(root):
    out = set()
    for d, dirs, names in os.walk(root):
        dirs[:] = [x for x in dirs if x not in ignore]
        for n in names:
            if n not in ignore:
                out.add(os.path.relpath(os.path.join(d, n), root))
    return out

fa, fb = files(a), files(b)
ok = fa == fb
if not ok:
    print("different files:", sorted(fa ^ fb))
for f in sorted(fa & fb):
    if not filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False):
        print("differs:", f); ok = False
sys.exit(0 if ok else 1)

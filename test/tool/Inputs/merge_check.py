"""Compares the findings of JSON reports: the union of the shard reports
(deduplicated) must equal the unsharded report, and every translation unit is
counted exactly once."""
import json, sys

whole = json.load(open(sys.argv[1]))
shards = [json.load(open(p)) for p in sys.argv[2:]]
key = lambda f: (f["file"], f["line"], f["column"], f["check"], f["message"], f["fingerprint"])
union = sorted(set(key(f) for s in shards for f in s["findings"]))
expected = sorted(key(f) for f in whole["findings"])
tus = sum(s["summary"]["translation_units"] for s in shards)
if union != expected or tus != whole["summary"]["translation_units"]:
    print("shards:", union, tus)
    print("whole:", expected, whole["summary"]["translation_units"])
    sys.exit(1)
print("merged %d findings from %d translation units" % (len(union), tus))

#!/usr/bin/env python3
"""Runs one asyncctx check over a test file and verifies its output.

Modelled on LLVM's check_clang_tidy.py (which Debian does not ship):

  check_clang_tidy.py [options] INPUT CHECK TEMP [CLANG_TIDY_ARGS...] -- [COMPILER_ARGS...]

* The `// CHECK-...:` comments are blanked out of a copy of INPUT (lines keep
  their numbers), clang-tidy runs with `-fix` on the copy, and
* `CHECK-MESSAGES[-SUFFIX]:` lines are matched against the diagnostics, with
  every other warning or error forbidden (`-implicit-check-not`);
* `CHECK-FIXES[-SUFFIX]:` lines are matched against the fixed file;
* without CHECK-MESSAGES lines the run must produce no warning at all.

Before anything else it asserts that the plugin registered the check:
`clang-tidy -load` of a broken plugin only warns and would let every negative
test pass.
"""

import argparse
import re
import subprocess
import sys


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kwargs)


def fail(message, output=""):
    sys.stderr.write("check_clang_tidy.py: " + message + "\n")
    if output:
        sys.stderr.write("------ output ------\n" + output + "\n--------------------\n")
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("-check-suffix", "-check-suffixes", dest="suffixes",
                        default="", help="comma-separated prefix suffixes")
    parser.add_argument("input")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    compiler_args = []
    if "--" in argv:
        split = argv.index("--")
        argv, compiler_args = argv[:split], argv[split + 1:]
    args, tidy_args = parser.parse_known_args(argv)
    # clang-tidy infers the language from the extension.
    args.temp += ".cpp"

    tidy = [args.clang_tidy, "-load", args.plugin]
    listed = run(tidy + ["-checks=-*," + args.check, "--list-checks"])
    if listed.returncode != 0 or args.check not in listed.stdout.split():
        fail("check '%s' is not registered by %s" % (args.check, args.plugin),
             listed.stdout)

    suffixes = [s for s in args.suffixes.split(",") if s]
    messages_prefixes = ["CHECK-MESSAGES" + ("-" + s if s else "")
                         for s in (suffixes or [""])]
    fixes_prefixes = ["CHECK-FIXES" + ("-" + s if s else "")
                      for s in (suffixes or [""])]

    with open(args.input, encoding="utf-8") as f:
        original = f.read()
    cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", original)
    with open(args.temp, "w", encoding="utf-8") as f:
        f.write(cleaned)

    def uses(prefixes):
        return any(re.search(re.escape(p) + r"(-NOT)?:", original)
                   for p in prefixes)

    has_messages = uses(messages_prefixes)
    has_fixes = uses(fixes_prefixes)

    result = run(tidy + ["-checks=-*," + args.check, "-fix", args.temp]
                 + tidy_args + ["--"] + compiler_args)
    output = result.stdout
    if result.returncode != 0:
        fail("clang-tidy exited with %d" % result.returncode, output)
    if "error:" in output:
        fail("clang-tidy reported an error", output)

    if has_messages:
        check = run([args.filecheck, args.input,
                     "-check-prefixes=" + ",".join(messages_prefixes),
                     "-implicit-check-not={{warning|error}}:"],
                    input=output)
        if check.returncode != 0:
            fail("CHECK-MESSAGES failed", check.stdout + "\n" + output)
    elif re.search(r"(warning|error):", output):
        fail("unexpected diagnostics (the test has no CHECK-MESSAGES)", output)

    if has_fixes:
        with open(args.temp, encoding="utf-8") as f:
            fixed = f.read()
        check = run([args.filecheck, args.input,
                     "-check-prefixes=" + ",".join(fixes_prefixes),
                     "-strict-whitespace"], input=fixed)
        if check.returncode != 0:
            fail("CHECK-FIXES failed", check.stdout + "\n" + fixed)
    elif has_messages and cleaned != open(args.temp, encoding="utf-8").read() \
            and not tidy_args_expect_fixes(original):
        fail("fixes were applied but the test has no CHECK-FIXES lines")


def tidy_args_expect_fixes(original):
    # A test may opt out of checking fixes explicitly.
    return "NO-FIXES-CHECKED" in original


if __name__ == "__main__":
    main()

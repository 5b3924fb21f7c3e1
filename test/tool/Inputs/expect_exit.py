"""Runs a command and fails unless it exits with the expected status.

usage: expect_exit.py STATUS COMMAND...   (output is passed through; a
negative STATUS -N: ended by signal N)
"""
import subprocess, sys

want = int(sys.argv[1])
got = subprocess.call(sys.argv[2:])
if got != want:
    sys.stderr.write("expect_exit: %r exited %d, expected %d\n" % (sys.argv[2:], got, want))
    sys.exit(1)

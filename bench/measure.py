"""What the bench scripts share: timing one process and summarizing samples."""
import os
import statistics
import subprocess
import sys
import time

median = statistics.median


def run(argv, cwd=None):
    """Runs argv with its output discarded. Returns its wall and CPU seconds,
    peak RSS in KiB (wait4(2): the child's own peak) and exit status."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    return {"wall": time.perf_counter() - t0, "cpu": ru.ru_utime + ru.ru_stime,
            "rss": ru.ru_maxrss, "rc": os.waitstatus_to_exitcode(status)}


def log(*args):
    print(*args, file=sys.stderr, flush=True)

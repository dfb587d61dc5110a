#!/usr/bin/env python3
"""Wall time of two commands run in turn, A B A B ..., with the ratio A/B pair by pair.

    python3 alternate.py [--runs N] [--warmup N] 'COMMAND A' 'COMMAND B'

Each command is one string split as a shell splits words (no shell runs it); its standard
input is empty and its standard output and error go to /dev/null. One warm-up pair is not
counted. Each run's wall time is a monotonic clock read around the start and the reaping of
the process; user + system seconds and peak resident memory are the kernel's accounting of
the finished child (wait4). Pairing keeps the ratio meaningful when the machine's speed
drifts during the call, so quote the median of the pairwise ratios.

Prints one tab-separated line: runs, A wall median, B wall median, ratio median, ratio min,
ratio max (seconds and ratios), A cpu median, B cpu median. Exit 0, or 1 when a run exits
with a status other than 0 (its command and status on the standard error).
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    """Runs argv once; returns (wall seconds, cpu seconds)."""
    with open(os.devnull, "rb") as stdin, open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdin=stdin, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"alternate.py: {shlex.join(argv)} exited with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="counted pairs (default 7)")
    parser.add_argument("--warmup", type=int, default=1, help="pairs run first and not counted (default 1)")
    parser.add_argument("a", help="command A (the one measured)")
    parser.add_argument("b", help="command B (the yardstick)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")
    a, b = shlex.split(args.a), shlex.split(args.b)

    for _ in range(args.warmup):
        run_once(a)
        run_once(b)
    walls_a, walls_b, cpus_a, cpus_b, ratios = [], [], [], [], []
    for _ in range(args.runs):
        wall_a, cpu_a = run_once(a)
        wall_b, cpu_b = run_once(b)
        walls_a.append(wall_a)
        walls_b.append(wall_b)
        cpus_a.append(cpu_a)
        cpus_b.append(cpu_b)
        ratios.append(wall_a / wall_b)
    median = statistics.median
    print("\t".join([str(args.runs)] + [f"{x:.4f}" for x in (
        median(walls_a), median(walls_b), median(ratios), min(ratios), max(ratios),
        median(cpus_a), median(cpus_b))]))


if __name__ == "__main__":
    main()

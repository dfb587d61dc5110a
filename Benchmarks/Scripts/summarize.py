#!/usr/bin/env python3
"""Summarize a package-benchmark run of LoaderBenchmarks: loader/floor ratios and peak memory.

Reads the raw samples that `swift package benchmark baseline read NAME --format
histogramSamples --path DIR` writes, one file per benchmark and metric:

    DIR/<baseline>.<target>.<benchmark, '/' as '_'>.<metric>.histogram.samples.tsv

whose first line names the metric and its unit, e.g. "Time (wall clock) (μs)", followed by
one sample a line. Prints the median wall clock of each benchmark, the loader/floor ratio of
the medians for both layouts, and the loader's peak resident memory (the largest sample), then
checks the requirement: on the single multi-document file, ratio <= 2.0 and peak <= 64 MiB.
Exits 1 when the requirement is not met (2 when samples are missing).
"""

import argparse
import os
import re
import statistics
import sys

MAX_RATIO = 2.0
MAX_PEAK_MIB = 64.0

FILE_NAME = re.compile(r"^(?P<baseline>[^.]+)\.(?P<target>[^.]+)\.(?P<name>.+)\.(?P<metric>[A-Za-z]+)"
                       r"\.histogram\.samples\.tsv$")
UNIT = re.compile(r"\((?P<unit>[^()]*)\)\s*$")
# Multipliers to nanoseconds (time) or to a plain count (everything else).
TIME_UNITS = {"ns": 1, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
COUNT_UNITS = {"": 1, "#": 1, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}

LAYOUTS = [("single-file", "one multi-document file"), ("10000-files", "one file per preparation")]


def read_samples(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        values = [float(line) for line in f if line.strip()]
    match = UNIT.search(header)
    unit = match.group("unit").strip() if match else ""
    if header.startswith("Time"):
        factor = TIME_UNITS.get(unit)
    else:
        # countable metrics: the header ends in "(#)", "(K)", "(M)", ... or in no unit at all
        factor = COUNT_UNITS.get(unit, 1 if unit not in TIME_UNITS else None)
    if factor is None:
        sys.exit(f"{path}: unknown unit in header {header!r}")
    return [v * factor for v in values]


def load(directory, target):
    """{(benchmark name, metric): [samples in ns or counts]} for the target."""
    results = {}
    baselines = set()
    for entry in sorted(os.listdir(directory)):
        match = FILE_NAME.match(entry)
        if not match or match.group("target") != target:
            continue
        baselines.add(match.group("baseline"))
        name = match.group("name").replace("_", "/", 1)
        results[(name, match.group("metric"))] = read_samples(os.path.join(directory, entry))
    if len(baselines) > 1:
        sys.exit(f"{directory} holds samples of several runs ({', '.join(sorted(baselines))}); export into an empty folder")
    return results


def fmt_ms(ns):
    return f"{ns / 1e6:.1f} ms"


def fmt_mib(b):
    return f"{b / 1048576:.1f} MiB"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", help="folder holding the exported *.histogram.samples.tsv files")
    parser.add_argument("--target", default="LoaderBenchmarks")
    parser.add_argument("--markdown", help="also write the summary as a markdown table to this file")
    args = parser.parse_args(argv)

    results = load(args.directory, args.target)
    missing = [f"{kind}/{layout} {metric}" for layout, _ in LAYOUTS for kind in ("floor", "loader")
               for metric in ("wallClock", "peakMemoryResident") if (f"{kind}/{layout}", metric) not in results]
    if missing:
        print(f"missing samples in {args.directory}: {', '.join(missing)}", file=sys.stderr)
        return 2

    def median(name, metric):
        return statistics.median(results[(name, metric)])

    rows = []
    for layout, label in LAYOUTS:
        floor = median(f"floor/{layout}", "wallClock")
        loader = median(f"loader/{layout}", "wallClock")
        loader_peak = max(results[(f"loader/{layout}", "peakMemoryResident")])
        floor_peak = max(results[(f"floor/{layout}", "peakMemoryResident")])
        mallocs = results.get((f"loader/{layout}", "mallocCountTotal"))
        rows.append({
            "layout": f"{layout} ({label})",
            "floor": floor, "loader": loader, "ratio": loader / floor,
            "min_ratio": min(results[(f"loader/{layout}", "wallClock")]) / min(results[(f"floor/{layout}", "wallClock")]),
            "loader_peak": loader_peak, "floor_peak": floor_peak,
            "mallocs": statistics.median(mallocs) if mallocs else None,
            "samples": len(results[(f"loader/{layout}", "wallClock")]),
            "floor_samples": len(results[(f"floor/{layout}", "wallClock")]),
        })

    header = ["layout", "floor median", "loader median", "loader / floor", "(of fastest runs)", "loader peak RSS",
              "floor peak RSS", "loader mallocs", "samples (floor, loader)"]
    table = [header]
    for r in rows:
        table.append([r["layout"], fmt_ms(r["floor"]), fmt_ms(r["loader"]), f"{r['ratio']:.2f}", f"{r['min_ratio']:.2f}",
                      fmt_mib(r["loader_peak"]), fmt_mib(r["floor_peak"]),
                      f"{r['mallocs']:,.0f}" if r["mallocs"] is not None else "-",
                      f"{r['floor_samples']}, {r['samples']}"])
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    print()
    for n, row in enumerate(table):
        print("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)))
        if n == 0:
            print("  ".join("-" * w for w in widths))

    single = rows[0]
    ratio_ok = single["ratio"] <= MAX_RATIO
    peak_ok = single["loader_peak"] <= MAX_PEAK_MIB * 1048576
    print()
    print(f"requirement, single file: loader/floor {single['ratio']:.2f} <= {MAX_RATIO:.1f}: "
          f"{'yes' if ratio_ok else 'NO'}; loader peak {fmt_mib(single['loader_peak'])} <= {MAX_PEAK_MIB:.0f} MiB: "
          f"{'yes' if peak_ok else 'NO'}")
    print(f"reported, 10,000 files: loader/floor {rows[1]['ratio']:.2f}, loader peak {fmt_mib(rows[1]['loader_peak'])}")
    print("(loader / floor: ratio of the medians of wall clock, the measure of the requirement; (of fastest runs):\n"
          " ratio of the fastest iterations, less sensitive to a noisy machine; peak RSS: the largest sample of the\n"
          " whole benchmark process's resident memory, sampled every 10 ms)")

    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write("| " + " | ".join(header) + " |\n")
            f.write("|" + "|".join(" --- " for _ in header) + "|\n")
            for row in table[1:]:
                f.write("| " + " | ".join(row) + " |\n")
    return 0 if ratio_ok and peak_ok else 1


if __name__ == "__main__":
    sys.exit(main())

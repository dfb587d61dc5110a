#!/usr/bin/env python3
"""The table of commands.sh: instructions, ratios and peak memory of each `catalog` command
against the libyaml floor, and the targets of issue 16 with pass or fail.

    python3 commands_table.py RESULTS [--markdown FILE] [--check 0|1] [--commit C]
                              [--concern WORD] [--machine TEXT] [--wall 0|1]

Reads RESULTS/commands.tsv (count, layout, command, instructions, peak KiB),
RESULTS/catalogues.tsv (count, layout, files, MiB, warnings, query rows, course lines, the
id shown, the concern) and RESULTS/wall.tsv (count, layout, then the line of alternate.py).
Prints the markdown and writes it to FILE. Exit 0, or 1 with --check 1 when a target fails.
"""

import argparse
import csv
import os
import sys

# command key -> how the table names it (DIR, ID, CONCERN filled in)
COMMANDS = [
    ("floor", "libyaml event loop alone (the floor)"),
    ("validate", "`catalog validate --catalogue DIR`"),
    ("query-null", "`catalog query --catalogue DIR --area face > /dev/null`"),
    ("query-pipe", "`catalog query --catalogue DIR --area face \\| cat` (COLUMNS unset)"),
    ("course", "`catalog course face --concern CONCERN --catalogue DIR --start 2026-01-05`"),
    ("show", "`catalog show ID --catalogue DIR`"),
]

# (command key, what it is compared with, at most) for every count and layout
RATIO_TARGETS = [
    ("validate", "floor", 1.5),
    ("query-null", "validate", 1.2),
    ("query-pipe", "validate", 1.2),
    ("course", "validate", 1.1),
    ("show", "validate", 0.9),
]
PEAK_TARGET_MIB = 40.0
PEAK_TARGET_COUNT = 10000  # "peak memory for the 10,000-preparation file"
PEAK_TARGET_LAYOUT = "single"


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8") as f:
        return [row for row in csv.reader(f, delimiter="\t") if row]


def order(item):
    """Sorts by count, then the one-file layout before the one-file-per-preparation one."""
    (count, layout), _ = item
    return count, layout != "single", layout


def giga(instructions):
    return f"{instructions / 1e9:.3f} G"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results")
    parser.add_argument("--markdown")
    parser.add_argument("--check", type=int, default=0)
    parser.add_argument("--commit", default="unknown")
    parser.add_argument("--concern", default="dehydration")
    parser.add_argument("--machine", default="")
    parser.add_argument("--wall", type=int, default=0)
    args = parser.parse_args(argv)

    figures = {}  # (count, layout) -> {key: (instructions, peak KiB)}
    for count, layout, key, instructions, peak in read_tsv(os.path.join(args.results, "commands.tsv")):
        figures.setdefault((int(count), layout), {})[key] = (int(instructions), int(peak))
    catalogues = {(int(r[0]), r[1]): r[2:] for r in read_tsv(os.path.join(args.results, "catalogues.tsv"))}
    walls = {(int(r[0]), r[1]): r[2:] for r in read_tsv(os.path.join(args.results, "wall.tsv"))}
    if not figures:
        sys.exit("commands_table.py: no figures in " + args.results)

    out = ["# `catalog` commands end to end", ""]
    out.append(f"Commit {args.commit}; {args.machine}. Instructions: `valgrind --tool=callgrind`, whole "
               "process, every thread. Peak: `/usr/bin/time -f %M`, the median of the runs. Ratios "
               "against the floor and `validate` of the same catalogue, in the same run.")
    out.append("")
    targets = []  # (count, layout, target text, measured text, ok)
    for (count, layout), by_key in sorted(figures.items(), key=order):
        files, mib, warnings, rows, course_lines, shown, concern = catalogues.get(
            (count, layout), ["?"] * 6 + [args.concern])
        where = "one file" if layout == "single" else f"{int(files) - 1:,} files" if files != "?" else "files"
        out.append(f"## {count:,} preparations, {where} ({layout}, {mib} MiB)")
        out.append("")
        out.append(f"`catalog validate`: exit 0, {warnings} warnings. `query --area face`: {rows} rows; "
                   f"`course`: {course_lines} lines; `show {shown}`; course concern `{concern}`.")
        out.append("")
        out.append("| command | instructions | / floor | / validate | peak RSS MiB |")
        out.append("| --- | --- | --- | --- | --- |")
        floor = by_key.get("floor", (0, 0))[0]
        validate = by_key.get("validate", (0, 0))[0]
        for key, label in COMMANDS:
            if key not in by_key:
                continue
            instructions, peak = by_key[key]
            label = label.replace("CONCERN", concern).replace("ID", shown)
            to_floor = f"{instructions / floor:.2f}x" if floor else "-"
            to_validate = f"{instructions / validate:.2f}x" if validate and key != "floor" else "-"
            out.append(f"| {label} | {giga(instructions)} | {to_floor} | {to_validate} | {peak / 1024:.1f} |")
        out.append("")
        for key, base, limit in RATIO_TARGETS:
            if key in by_key and base in by_key and by_key[base][0]:
                ratio = by_key[key][0] / by_key[base][0]
                targets.append((count, layout, f"`{key}` <= {limit}x `{base}`", f"{ratio:.2f}x", ratio <= limit))
        if count == PEAK_TARGET_COUNT and layout == PEAK_TARGET_LAYOUT:
            for key, _ in COMMANDS[1:]:
                if key in by_key:
                    mib_peak = by_key[key][1] / 1024
                    targets.append((count, layout, f"`{key}` peak <= {PEAK_TARGET_MIB:.0f} MiB",
                                    f"{mib_peak:.1f} MiB", mib_peak <= PEAK_TARGET_MIB))

    if args.wall:
        out.append("## Wall time: `validate` against the floor, in turn")
        out.append("")
        out.append("Medians of the pairs (the ratio: the median of the pairwise ratios). The issue's target, "
                   "at most 1.4x, holds for a quiet 2-core machine; on a busy one this is for information.")
        out.append("")
        out.append("| catalogue | pairs | validate | floor | validate / floor (min-max) | cpu validate | cpu floor |")
        out.append("| --- | --- | --- | --- | --- | --- | --- |")
        for (count, layout), w in sorted(walls.items(), key=order):
            runs, a, b, ratio, low, high, cpu_a, cpu_b = w
            out.append(f"| {count:,}, {layout} | {runs} | {float(a) * 1000:.0f} ms | {float(b) * 1000:.0f} ms | "
                       f"{float(ratio):.2f}x ({float(low):.2f}-{float(high):.2f}) | {float(cpu_a) * 1000:.0f} ms | "
                       f"{float(cpu_b) * 1000:.0f} ms |")
        out.append("")
    else:
        out.append("Wall time not measured (`--wall` measures it).")
        out.append("")

    out.append("## Targets (issue 16, \"Done when\")")
    out.append("")
    out.append("| catalogue | target | measured | result |")
    out.append("| --- | --- | --- | --- |")
    for count, layout, target, measured, ok in targets:
        out.append(f"| {count:,}, {layout} | {target} | {measured} | {'pass' if ok else '**fail**'} |")
    failed = sum(1 for t in targets if not t[4])
    out.append("")
    out.append(f"{len(targets) - failed} of {len(targets)} targets met.")
    text = "\n".join(out) + "\n"
    print(text, end="")
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    sys.exit(1 if args.check and failed else 0)


if __name__ == "__main__":
    main()

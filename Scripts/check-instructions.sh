#!/usr/bin/env bash
# The loader's instructions against the libyaml floor, as a guard in CI (.ci/run): on a
# generated catalogue of 10,000 preparations (Benchmarks/Scripts/generate-catalogue.py), in one
# file and in one file each, `catalog validate` (release build) must stay within 1.5 times the
# instructions of libyaml's bare event loop over the same files (Benchmarks' LibYAMLFloorRun,
# built here with the C compiler), issue 16's target. Instruction counts (callgrind, every
# thread) repeat from run to run, so a change that slows the load fails here, where a timed
# test would flicker. The full table of every command is Benchmarks/commands.sh.
#
#   Scripts/check-instructions.sh [CATALOG-BINARY]
#
# Exit 0 when both ratios are within the limit, 1 when one is not, 2 when a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=${INSTRUCTION_LIMIT:-1.5}
catalog=${1:-.build/release/catalog}
work=.build/check-instructions
mkdir -p "$work"
for tool in valgrind cc python3 pkg-config; do
    command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is needed" >&2; exit 2; }
done
[ -x "$catalog" ] || { echo "error: no catalog binary at $catalog (swift build -c release --product catalog)" >&2; exit 2; }

floor_src=Benchmarks/Sources
cc -O2 -I "$floor_src/LibYAMLFloor/include" "$floor_src/LibYAMLFloor/LibYAMLFloor.c" \
    "$floor_src/LibYAMLFloorRun/main.c" $(pkg-config --cflags --libs yaml-0.1) -o "$work/floor"

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$work/callgrind.log" "$@" \
        </dev/null >/dev/null 2>&1 || { echo "error: $* failed" >&2; cat "$work/callgrind.log" >&2; exit 1; }
    sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$work/callgrind.log"
}

status=0
for layout in single files; do
    dir="$work/10000-$layout"
    [ -d "$dir" ] || python3 Benchmarks/Scripts/generate-catalogue.py --layout "$layout" --count 10000 --out "$dir" >/dev/null
    floor=$(instructions "$work/floor" "$dir")
    validate=$(instructions "$catalog" validate --catalogue "$dir")
    if awk -v v="$validate" -v f="$floor" -v l="$limit" 'BEGIN { exit !(v <= l * f) }'; then verdict=ok; else verdict=OVER; status=1; fi
    printf 'validate, 10,000 preparations, %-6s %6.3f G / floor %6.3f G = %.3fx (limit %sx) %s\n' \
        "$layout:" "$(awk -v n="$validate" 'BEGIN { print n / 1e9 }')" "$(awk -v n="$floor" 'BEGIN { print n / 1e9 }')" \
        "$(awk -v v="$validate" -v f="$floor" 'BEGIN { print v / f }')" "$limit" "$verdict"
done
exit $status

#!/usr/bin/env bash
# The loader's instructions against the libyaml floor, as a guard in CI (.ci/run): on a
# generated catalogue of 10,000 preparations (Benchmarks/Scripts/generate-catalogue.py), in one
# file and in one file each, `catalog validate` (release build) must stay within 1.5 times the
# instructions of libyaml's bare event loop over the same files (Benchmarks' LibYAMLFloorRun,
# built here with the C compiler), issue 16's target. Instruction counts (callgrind, every
# thread) repeat from run to run, so a change that slows the load fails here, where a timed
# test would flicker. On the one file, `query --area face` and `course face --concern
# dehydration` must stay within 1.2 and 1.1 times `validate`'s instructions, and `course`'s peak
# memory (median of 3 runs) within 40 MiB, issue 16's other targets: their costs had moved twice
# between measurements with nothing to notice. The peak is whole-process (shared libraries count,
# about 16 MiB of it) and moves by about 1 % between runs and machines, so it fails only beyond
# the target and 3 % (PEAK_ALLOWANCE); between the two it prints "over target". The full table of
# every command, `show` included, is Benchmarks/commands.sh.
#
#   Scripts/check-instructions.sh [CATALOG-BINARY]
#
# Exit 0 when every figure is within its limit, 1 when one is not, 2 when a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=${INSTRUCTION_LIMIT:-1.5}
query_limit=1.2 course_limit=1.1 peak_target_kib=40960 peak_allowance=${PEAK_ALLOWANCE:-0.03}
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
    [ "$layout" = single ] || continue

    # The commands against `validate` on the one file.
    query=$(instructions "$catalog" query --area face --catalogue "$dir")
    course_args=(course face --concern dehydration --start 2026-01-05 --catalogue "$dir")
    course=$(instructions "$catalog" "${course_args[@]}")
    for pair in "query --area face:$query:$query_limit" "course face:$course:$course_limit"; do
        IFS=: read -r name count allowed <<<"$pair"
        if awk -v c="$count" -v v="$validate" -v l="$allowed" 'BEGIN { exit !(c <= l * v) }'; then verdict=ok; else verdict=OVER; status=1; fi
        printf '%-17s 10,000 preparations, single: %6.3f G / validate %6.3f G = %.3fx (limit %sx) %s\n' \
            "$name," "$(awk -v n="$count" 'BEGIN { print n / 1e9 }')" "$(awk -v n="$validate" 'BEGIN { print n / 1e9 }')" \
            "$(awk -v c="$count" -v v="$validate" 'BEGIN { print c / v }')" "$allowed" "$verdict"
    done

    # `course`'s peak resident memory, the median of 3 runs (ru_maxrss of the child, in KiB).
    peaks=()
    for _ in 1 2 3; do
        peaks+=("$(python3 - "$catalog" "${course_args[@]}" <<'PY'
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if done.returncode == 0 else -1)
PY
)")
    done
    peak=$(printf '%s\n' "${peaks[@]}" | sort -n | sed -n 2p)
    [ "$peak" -gt 0 ] || { echo "error: $catalog ${course_args[*]} failed" >&2; exit 1; }
    if [ "$peak" -le "$peak_target_kib" ]; then verdict=ok
    elif awk -v p="$peak" -v t="$peak_target_kib" -v a="$peak_allowance" 'BEGIN { exit !(p <= t * (1 + a)) }'; then verdict="over target"
    else verdict=OVER; status=1; fi
    printf 'course face, peak memory, single: %.1f MiB (median of %s KiB; target 40 MiB, fails beyond +%s) %s\n' \
        "$(awk -v p="$peak" 'BEGIN { print p / 1024 }')" "$(printf '%s\n' "${peaks[@]}" | sort -n | paste -sd/)" \
        "$(awk -v a="$peak_allowance" 'BEGIN { print a * 100 "%" }')" "$verdict"
done
exit $status

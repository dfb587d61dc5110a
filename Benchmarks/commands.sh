#!/usr/bin/env bash
# Measures the `catalog` commands end to end, as whole processes, against the libyaml floor
# in the same run: instructions with callgrind (repeatable on a busy machine) and peak
# resident memory with /usr/bin/time, on generated catalogues in one file and in one file per
# preparation. See "Commands end to end" in README.md.
#
#   cd Benchmarks && ./commands.sh [--check] [--wall] [COUNT ...]     (default COUNTs: 1000 10000)
#
#   --check   exit 1 when a target of issue 16 fails (without it, a failed target exits 0)
#   --wall    also time `catalog validate` against the floor, in turn A B A B ..., by wall
#             clock (Scripts/alternate.py); the issue's wall-time target assumes a quiet machine
#
# Environment (all optional):
#   BENCH_DATA       where the catalogues and results go (default Benchmarks/.build-data)
#   CATALOG          a `catalog` binary to measure; then nothing is built for it
#   CATALOG_SCRATCH  scratch path for the release build of `catalog` (default: the
#                    repository's own .build)
#   LAYOUTS          layouts to measure (default "single files")
#   COURSE_CONCERN   the concern of the `course` command (default dehydration)
#   PEAK_RUNS        runs of each command for its peak memory, median taken (default 3)
#   WALL_RUNS        counted pairs of --wall (default 7)
#
# Writes .build-data/results/commands.md (the table, also printed) and, beside it, the raw
# figures commands.tsv, catalogues.tsv and wall.tsv. Exit status: 0 (with --check: every
# target met), 1 a target failed under --check, 2 a step failed (a build, a catalogue that
# is not lint-clean, a command that did not exit 0), 64 a usage error.
set -euo pipefail

cd "$(dirname "$0")"
here=$PWD
root=$(cd .. && pwd)

check=0
wall=0
counts=()
for arg in "$@"; do
    case $arg in
        --check) check=1 ;;
        --wall) wall=1 ;;
        -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *[!0-9]*|'') echo "commands.sh: not a count or an option: '$arg'" >&2; exit 64 ;;
        *) counts+=("$arg") ;;
    esac
done
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)

data=${BENCH_DATA:-$here/.build-data}
mkdir -p "$data"
data=$(cd "$data" && pwd)
results=$data/results
layouts=${LAYOUTS:-single files}
concern=${COURSE_CONCERN:-dehydration}
peak_runs=${PEAK_RUNS:-3}
wall_runs=${WALL_RUNS:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "commands.sh: $*" >&2; exit 2; }

for tool in valgrind /usr/bin/time python3; do
    command -v "$tool" >/dev/null || fail "needs $tool"
done

# --- 1. catalog, release build ----------------------------------------------------------
if [ -n "${CATALOG:-}" ]; then
    catalog=$CATALOG
    [ -x "$catalog" ] || fail "CATALOG=$catalog is not an executable"
    echo "== Measuring $catalog (CATALOG; not built)"
else
    scratch=()
    [ -z "${CATALOG_SCRATCH:-}" ] || scratch=(--scratch-path "$CATALOG_SCRATCH")
    echo "== Building catalog (release) in $root"
    if ! out=$(cd "$root" && swift build -c release "${scratch[@]}" --product catalog 2>&1); then
        echo "$out" | tail -30
        fail "the release build of catalog failed"
    fi
    catalog=$(cd "$root" && swift build -c release "${scratch[@]}" --show-bin-path)/catalog
fi

# --- 3. the floor, release build (built before generating, so a build error shows early) --
echo "== Building the floor (LibYAMLFloorRun, release)"
if ! out=$(swift build -c release --product LibYAMLFloorRun 2>&1); then
    echo "$out" | tail -30
    fail "the release build of LibYAMLFloorRun failed"
fi
floor=$(swift build -c release --show-bin-path)/LibYAMLFloorRun

# --- helpers ----------------------------------------------------------------------------
# run MODE CMD...: runs CMD with COLUMNS unset and an empty standard input, its standard
# output to /dev/null (MODE null) or through a pipe (MODE pipe), its standard error to
# $tmp/stderr; returns CMD's exit status.
run() {
    local mode=$1
    shift
    if [ "$mode" = pipe ]; then
        env -u COLUMNS "$@" </dev/null 2>"$tmp/stderr" | cat >/dev/null
        return "${PIPESTATUS[0]}"
    fi
    env -u COLUMNS "$@" </dev/null >/dev/null 2>"$tmp/stderr"
}

# measure COUNT LAYOUT KEY MODE CMD...: instructions (callgrind, every thread) and the median
# peak RSS of PEAK_RUNS runs; appends a line to commands.tsv.
measure() {
    local count=$1 layout=$2 key=$3 mode=$4
    shift 4
    local status=0
    printf '   %-11s' "$key"
    run "$mode" valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$tmp/callgrind.log" \
        "$@" || status=$?
    if [ $status -ne 0 ]; then
        echo
        cat "$tmp/stderr" >&2
        fail "$* exited with $status under callgrind"
    fi
    local instructions
    instructions=$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$tmp/callgrind.log")
    [ -n "$instructions" ] || { cat "$tmp/callgrind.log" >&2; fail "no instruction count from callgrind"; }
    local peaks=() i
    for ((i = 0; i < peak_runs; i++)); do
        status=0
        run "$mode" /usr/bin/time -f %M -o "$tmp/peak" "$@" || status=$?
        [ $status -eq 0 ] || { cat "$tmp/stderr" >&2; fail "$* exited with $status"; }
        peaks+=("$(tail -1 "$tmp/peak")")
    done
    local peak
    peak=$(printf '%s\n' "${peaks[@]}" | sort -n | sed -n "$(((peak_runs + 1) / 2))p")
    awk -v i="$instructions" -v p="$peak" 'BEGIN { printf "%6.2f G instructions, peak %5.1f MiB\n", i / 1e9, p / 1024 }'
    printf '%s\t%s\t%s\t%s\t%s\n' "$count" "$layout" "$key" "$instructions" "$peak" >>"$results/commands.tsv"
}

rm -rf "$results/commands.tsv" "$results/catalogues.tsv" "$results/wall.tsv"
mkdir -p "$results"
: >"$results/commands.tsv"
: >"$results/catalogues.tsv"
: >"$results/wall.tsv"

for count in "${counts[@]}"; do
    [ "$count" -ge 1 ] || fail "a count must be at least 1"
    for layout in $layouts; do
        dir=$data/commands/$count-$layout
        # --- 2. the catalogue, lint-clean --------------------------------------------
        echo "== $count preparations, layout $layout: $dir"
        python3 Scripts/generate-catalogue.py --layout "$layout" --count "$count" --out "$dir" | sed 's/^/   /'
        status=0
        env -u COLUMNS "$catalog" validate --catalogue "$dir" >"$tmp/validate" 2>&1 || status=$?
        if [ $status -ne 0 ]; then
            tail -20 "$tmp/validate" >&2
            fail "catalog validate exited with $status on $dir: the catalogue is not lint-clean"
        fi
        summary=$(tail -1 "$tmp/validate")
        warnings=$(echo "$summary" | sed -n 's/.* \([0-9][0-9]*\) warnings\{0,1\}$/\1/p')
        echo "   validate: $summary"
        files=$(find "$dir" -name '*.yaml' | wc -l)
        mib=$(du -sb "$dir" | awk '{ printf "%.1f", $1 / 1048576 }')
        # the first id in order, the same in both layouts
        id=$(grep -h '^id: ' -r "$dir/preparations" | sed 's/^id: //' | sort | sed -n 1p)
        rows=$(env -u COLUMNS "$catalog" query --area face --catalogue "$dir" --format jsonl | wc -l)
        status=0
        env -u COLUMNS "$catalog" course face --concern "$concern" --catalogue "$dir" --start 2026-01-05 \
            >"$tmp/course" 2>&1 || status=$?
        if [ $status -ne 0 ]; then
            tail -20 "$tmp/course" >&2
            fail "catalog course face --concern $concern exited with $status on $dir (COURSE_CONCERN chooses another)"
        fi
        course_lines=$(wc -l <"$tmp/course")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$count" "$layout" "$files" "$mib" "${warnings:-?}" \
            "$rows" "$course_lines" "$id" "$concern" >>"$results/catalogues.tsv"

        # --- 4. the measurements -----------------------------------------------------
        echo "   callgrind and peak memory (a few minutes a command at 10,000):"
        measure "$count" "$layout" floor null "$floor" "$dir"
        measure "$count" "$layout" validate null "$catalog" validate --catalogue "$dir"
        measure "$count" "$layout" query-null null "$catalog" query --catalogue "$dir" --area face
        measure "$count" "$layout" query-pipe pipe "$catalog" query --catalogue "$dir" --area face
        measure "$count" "$layout" course null "$catalog" course face --concern "$concern" \
            --catalogue "$dir" --start 2026-01-05
        measure "$count" "$layout" show null "$catalog" show "$id" --catalogue "$dir"

        if [ $wall -eq 1 ]; then
            echo "   wall time, validate against the floor in turn ($wall_runs pairs)"
            line=$(python3 Scripts/alternate.py --runs "$wall_runs" \
                "$(printf '%q ' "$catalog" validate --catalogue "$dir")" "$(printf '%q ' "$floor" "$dir")") ||
                fail "the wall-time run failed"
            printf '%s\t%s\t%s\n' "$count" "$layout" "$line" >>"$results/wall.tsv"
        fi
    done
done

# --- 5. the table -----------------------------------------------------------------------
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
(cd "$root" && git diff --quiet HEAD -- Sources Package.swift 2>/dev/null) || commit="$commit (with uncommitted changes)"
echo
python3 Scripts/commands_table.py "$results" --markdown "$results/commands.md" \
    --commit "$commit" --concern "$concern" --wall "$wall" \
    --machine "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), $(valgrind --version)" \
    --check "$check"

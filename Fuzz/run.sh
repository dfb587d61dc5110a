#!/usr/bin/env bash
# Builds the fuzz targets (when needed) and runs each for a while on its corpus.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]
#
#   SECONDS   how long each target runs (default 30)
#   TARGET    loader, ranges, manifest, roundtrip (default: all four, one after the other)
#
# Environment (all optional):
#   FUZZ_WORK   where corpora, crashes and logs go (default Fuzz/.build-fuzz-work, git-ignored)
#   FUZZ_JOBS   libFuzzer processes per target (default 1)
#   FUZZ_SEED   libFuzzer's random seed (default: a new one each run)
#   FUZZ_RUNS   stop each target after this many inputs (with FUZZ_SEED: a repeatable run)
#
# Each run starts from the seeds (the bundled catalogue and the test fixtures, copied afresh)
# and the corpus earlier runs kept in $FUZZ_WORK/corpus/TARGET. A crash, a timeout (10 s) or an
# out-of-memory (2 GiB) is written to $FUZZ_WORK/crashes/TARGET/ and the run ends; the exit
# status is then 1 and the reproducer's path is printed. 2 when the build fails.
set -uo pipefail

cd "$(dirname "$0")"
here=$PWD
root=$(cd .. && pwd)
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(loader ranges manifest roundtrip)
work=${FUZZ_WORK:-$here/.build-fuzz-work}
mkdir -p "$work"
work=$(cd "$work" && pwd)
jobs=${FUZZ_JOBS:-1}

# AddressSanitizer and libFuzzer's coverage for every module (SwiftPM's --sanitize=fuzzer would
# compile the main package's build tool with -parse-as-library: see Package.swift).
build=(swift build -c release --scratch-path "$here/.build-fuzz" --sanitize=address
       -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table)
echo "== Building the fuzz targets"
if ! out=$("${build[@]}" 2>&1); then
    echo "$out" | grep -v "Cannot export local symbol" | tail -30
    echo "run.sh: the fuzz build failed" >&2
    exit 2
fi
bin=$("${build[@]}" --show-bin-path 2>/dev/null)

# The seeds of each target, copied afresh (never kept in git twice).
seed() {
    local target=$1 dir=$work/seeds/$1
    rm -rf "$dir"
    mkdir -p "$dir"
    case $target in
    loader | roundtrip)
        find "$root/Catalogue/preparations" "$root"/Tests/*/Fixtures -type f \( -name '*.yaml' -o -name '*.yml' \) \
            ! -name catalogue.yaml -print0
        ;;
    manifest)
        find "$root/Catalogue" "$root"/Tests/*/Fixtures -type f -name catalogue.yaml -print0
        ;;
    ranges)
        # Every range text of the agreement fixture, and every range of the bundled catalogue.
        python3 - "$root" "$dir" <<'PY'
import json, pathlib, re, sys
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
texts = set()
for line in (root / "Tests/PreparationRegistryTests/Fixtures/ranges/range-texts.txt").read_text().splitlines():
    m = re.match(r'\s*\S+\s+\S+\s+(".*")\s*$', line)
    if m and not line.lstrip().startswith("#"):
        texts.add(json.loads(m.group(1)))
keys = r"(depth|residence|session-time|sessions|interval|per-point|spacing|max-per-session|concentration|lasts|for)"
for path in (root / "Catalogue/preparations").rglob("*.yaml"):
    for m in re.finditer(keys + r":\s*([^\n#{}\[\],]+)", path.read_text()):
        texts.add(m.group(2).strip().strip("\"'"))
for i, text in enumerate(sorted(texts)):
    (out / f"range-{i:04d}").write_text(text)
PY
        return
        ;;
    esac | while IFS= read -r -d '' file; do
        # Flattened names: fixtures of several folders share names.
        name=${file#"$root"/}
        cp "$file" "$dir/${name//\//_}"
    done
}

max_len() {
    case $1 in
    ranges) echo 256 ;;
    *) echo 65536 ;;
    esac
}

status=0
summary=()
for target in "${targets[@]}"; do
    case $target in
    loader) exe=FuzzLoader ;;
    ranges) exe=FuzzRanges ;;
    manifest) exe=FuzzManifest ;;
    roundtrip) exe=FuzzRoundTrip ;;
    *) echo "run.sh: unknown target '$target' (loader, ranges, manifest, roundtrip)" >&2; exit 2 ;;
    esac
    seed "$target"
    corpus=$work/corpus/$target
    crashes=$work/crashes/$target/
    log=$work/logs/$target.log
    mkdir -p "$corpus" "$crashes" "$work/logs"
    echo "== $target: ${seconds} s (corpus $corpus, log $log)"
    # New inputs go to the first folder (the corpus); the seeds are only read.
    # With FUZZ_JOBS > 1, libFuzzer's -fork mode: that many processes share the corpus.
    parallel=()
    [ "$jobs" -gt 1 ] && parallel=(-fork="$jobs" -ignore_crashes=0)
    # FUZZ_SEED and FUZZ_RUNS make a run repeatable (CI): the same seed and the same number of
    # inputs from the same seeds explore the same inputs on any machine, however fast.
    [ -n "${FUZZ_SEED:-}" ] && parallel+=(-seed="$FUZZ_SEED")
    [ -n "${FUZZ_RUNS:-}" ] && parallel+=(-runs="$FUZZ_RUNS")
    "$bin/$exe" "$corpus" "$work/seeds/$target" \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -dict="$here/yaml.dict" -artifact_prefix="$crashes" -print_final_stats=1 \
        "${parallel[@]}" >"$log" 2>&1
    code=$?
    # The last status line: executions, coverage (cov: edges, ft: features), speed.
    last=$(grep -E '^#[0-9]+.*(cov|DONE)' "$log" | grep -v "Cannot export" | tail -1)
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}')
    speed=$(grep -E '^stat::average_exec_per_sec' "$log" | tail -1 | awk '{print $2}')
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    line="$target: ${runs:-?} runs, ${speed:-?} exec/s, cov ${cov:-?}, ft ${ft:-?}, corpus $(ls "$corpus" | wc -l) files"
    if [ $code -ne 0 ]; then
        status=1
        found=$(sed -nE 's/.*(Test unit written to|written to) (\S+).*/\2/p' "$log" | tail -1)
        line="$line: FAILED (exit $code)${found:+, reproducer $found}"
        echo "-- $target failed; the end of its log:"
        grep -v "Cannot export local symbol" "$log" | tail -40
        echo "-- reproduce with: $bin/$exe ${found:-<reproducer>}"
    fi
    echo "   $line"
    summary+=("$line")
done

echo "== Fuzzing summary (${seconds} s per target)"
printf '   %s\n' "${summary[@]}"
exit $status

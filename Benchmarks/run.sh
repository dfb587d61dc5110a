#!/usr/bin/env bash
# Runs the loader benchmarks: generates the two synthetic catalogues, runs every benchmark
# once with package-benchmark (each in its own process), prints package-benchmark's table,
# then the loader/floor ratios and the loader's peak memory.
#
#   cd Benchmarks && ./run.sh
#
# Environment (all optional):
#   BENCH_COUNT   preparations per catalogue (default 10000)
#   BENCH_DATA    where the catalogues and results go (default Benchmarks/.build-data)
# Exit status: 0 when the requirement holds (single file: loader <= 2.0 x floor, loader peak
# <= 64 MiB), 1 when it does not, anything else when the run failed.
set -euo pipefail

cd "$(dirname "$0")"
here=$PWD
count=${BENCH_COUNT:-10000}
data=${BENCH_DATA:-$here/.build-data}
mkdir -p "$data"
data=$(cd "$data" && pwd)
baseline=loader-run
results=$data/results

echo "== Generating catalogues ($count preparations) in $data"
python3 Scripts/generate-catalogue.py --layout single --count "$count" --out "$data/single"
python3 Scripts/generate-catalogue.py --layout files --count "$count" --out "$data/files"
export BENCH_SINGLE=$data/single
export BENCH_FILES=$data/files

echo "== Checking that the loader accepts both catalogues"
if ! out=$(swift build -c release --product CatalogueCheck 2>&1); then
    echo "$out" | tail -30
    echo "run.sh: the release build failed" >&2
    exit 2
fi
"$(swift build -c release --show-bin-path)/CatalogueCheck" "$BENCH_SINGLE" "$BENCH_FILES"

# package-benchmark's command plugin writes the baseline into .benchmarkBaselines/ and the
# exported samples into $results: both need write permission outside the plugin's sandbox.
bench() {
    swift package --disable-sandbox --allow-writing-to-package-directory \
        --allow-writing-to-directory "$data" benchmark "$@"
}

echo "== Running the benchmarks (release build; the first build takes a few minutes)"
bench baseline update "$baseline" --target LoaderBenchmarks --no-progress

echo "== package-benchmark's results"
bench baseline read "$baseline" --target LoaderBenchmarks --no-progress

rm -rf "$results"
mkdir -p "$results"
bench baseline read "$baseline" --target LoaderBenchmarks --no-progress \
    --format histogramSamples --path "$results" >/dev/null

echo "== Loader against the libyaml floor"
python3 Scripts/summarize.py "$results" --markdown "$results/summary.md"

#!/usr/bin/env bash
# Runs the query benchmarks: generates the 10,000-preparation catalogue (one multi-document
# file) if it is not there yet, then runs QueryBenchmarks with package-benchmark and prints
# its table. See README.md, "Query benchmarks".
#
#   cd Benchmarks && ./run-query.sh
#
# Environment (optional): BENCH_DATA, where the catalogue goes (default Benchmarks/.build-data).
set -euo pipefail

cd "$(dirname "$0")"
here=$PWD
data=${BENCH_DATA:-$here/.build-data}
mkdir -p "$data"
data=$(cd "$data" && pwd)

if [ ! -f "$data/single/preparations/all.yaml" ]; then
    echo "== Generating the catalogue (10000 preparations) in $data/single"
    python3 Scripts/generate-catalogue.py --layout single --count 10000 --out "$data/single"
fi
export BENCH_SINGLE=$data/single

echo "== Running the query benchmarks (release build; the first build takes a few minutes)"
swift package --disable-sandbox --allow-writing-to-package-directory benchmark \
    --target QueryBenchmarks --no-progress

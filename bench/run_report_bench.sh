#!/usr/bin/env bash
# The HR workspace's reports at city scale (docs/performance.md, "Reports at city scale"):
# builds a city of 10,000 staff, 100,000 survey responses and 200,000 queue tickets into a
# fresh central store through the store's push path, then times every report endpoint over
# loopback HTTP as HR (and two as a supervisor): one first request and N runs each, median
# and max in ms against the 300 ms target, one `TARGET … PASS|MISS` line per report.
# Builds the `release` preset. Exits 0 when the benchmark ran (targets met or not); non-zero
# on a build or run failure (a refused change while building the city, a failed request).
#
#   bench/run_report_bench.sh                         # the city above, 7 runs per report
#   bench/run_report_bench.sh --runs 3 --pdf-runs 1   # flags go to kinerja_report_bench
#   bench/run_report_bench.sh --db /tmp/city.db       # keep the city there; later runs reuse it
#   KINERJA_BENCH_BUILD_DIR=build/mine bench/run_report_bench.sh   # a Release build elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${KINERJA_BENCH_BUILD_DIR:-}" ]]; then
  build_dir="$KINERJA_BENCH_BUILD_DIR"
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release > /dev/null
  cmake --build "$build_dir" -j2 --target kinerja_report_bench
else
  build_dir=build/release
  cmake --preset release > /dev/null
  cmake --build --preset release --target kinerja_report_bench
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
     "$(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
if ! "$build_dir/bench/kinerja_report_bench" "$@" | tee "$log"; then
  echo "!! kinerja_report_bench failed" >&2
  status=1
fi
echo
echo "== targets"
grep '^TARGET' "$log" || true
exit "$status"

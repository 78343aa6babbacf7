#!/usr/bin/env bash
# Sync-server benchmarks (docs/performance.md, "Sync server: ingest and load"):
#   ingest  100,000 appraisal notes through the API vs raw SQLite inserts, same run
#   load    200 devices over loopback HTTP: back to back, then paced (1 s mean think time),
#           each without and with HTTP keep-alive (devices reusing their connection)
# Builds the `release` preset and prints the figures with PASS/MISS per target. Exits 0 when
# the benchmarks ran (targets met or not); non-zero on a build or run failure, or when a
# change was lost or duplicated.
#
#   bench/run_sync_bench.sh                       # everything
#   bench/run_sync_bench.sh ingest                # one part: ingest | load | paced |
#                                                 #   load-keepalive | paced-keepalive
#   KINERJA_BENCH_BUILD_DIR=build/mine bench/run_sync_bench.sh   # a Release build elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${KINERJA_BENCH_BUILD_DIR:-}" ]]; then
  build_dir="$KINERJA_BENCH_BUILD_DIR"
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release > /dev/null
  cmake --build "$build_dir" -j2 --target kinerja_sync_bench
else
  build_dir=build/release
  cmake --preset release > /dev/null
  cmake --build --preset release --target kinerja_sync_bench
fi
bench="$build_dir/bench/kinerja_sync_bench"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
     "$(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

parts=("${@:-ingest load load-keepalive paced paced-keepalive}")
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for part in ${parts[*]}; do
  case "$part" in
    ingest) args=(ingest) ;;
    load) args=(load) ;;
    paced) args=(load --think-ms 1000) ;;
    load-keepalive) args=(load --keep-alive --workers 256) ;;
    paced-keepalive) args=(load --think-ms 1000 --keep-alive --workers 256) ;;
    *) echo "unknown part '$part' (ingest, load, paced, load-keepalive, paced-keepalive)" >&2; exit 2 ;;
  esac
  if ! "$bench" "${args[@]}" | tee -a "$log"; then
    echo "!! kinerja_sync_bench ${args[*]} failed (a failure, or lost/duplicated changes)" >&2
    status=1
  fi
done

echo
echo "== targets"
grep '^TARGET' "$log" || true
exit "$status"

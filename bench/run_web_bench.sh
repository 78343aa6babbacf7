#!/usr/bin/env bash
# Field-app benchmarks (docs/performance.md, "Field app"): payload, cold and warm start,
# frame time while drag-scrolling a 5,000-row roster, local save with 1,000 and 10,000
# records stored. Builds what they need (the wasm app into public/, the native `kinerja`
# server), then runs bench/web/web_bench.mjs against the real server on loopback in headless
# Chromium, and prints every figure and a TARGET ... PASS|MISS line per target. Exits 0 when
# the benchmarks ran (targets met or not), non-zero on a build or run failure.
#
#   bench/run_web_bench.sh                 # 3 runs of each start, 5,000 staff
#   bench/run_web_bench.sh --runs 5        # arguments go to web_bench.mjs (--runs, --staff)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

cmake --preset wasm > /dev/null
cmake --build --preset wasm --target kinerja_web
cmake --preset dev > /dev/null
cmake --build --preset dev --target kinerja

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
     "$(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(chromium --version 2>/dev/null | head -1)"
KINERJA_BIN=build/dev/kinerja node --no-warnings bench/web/web_bench.mjs "$@"
echo "== done: $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Engine benchmarks, native vs wasm in one run (docs/performance.md, "Engine: native vs wasm"):
# 100,000 rating and 100,000 numeric appraisals, 1,000,000 SKM responses (in memory and parsed
# from CSV), objectivity analytics, and a full city of 10,000 staff.
# Builds kinerja_engine_bench with the `release` preset (native) and the `wasm` preset, runs
# native then wasm under Node (alternating, KINERJA_BENCH_ROUNDS times; the best median per
# side is kept, which damps noise from other work on the machine), and prints per case the
# native and wasm medians, the wasm/native ratio and PASS/MISS against the targets:
#   every case: wasm/native <= 1.5;  city_10k: wasm median < 1000 ms.
# Exits 0 when everything ran (targets met or not); non-zero on a build or run failure, or
# when native and wasm checksums differ (the engine computed different results).
#
#   bench/run_engine_bench.sh                    # full run
#   bench/run_engine_bench.sh --quick            # 3 repetitions per case (smoke run)
#   bench/run_engine_bench.sh --only city        # cases by name prefix (comma-separated)
#   KINERJA_BENCH_ROUNDS=1 bench/run_engine_bench.sh
#   KINERJA_BENCH_NATIVE_DIR=build/a KINERJA_BENCH_WASM_DIR=build/b bench/run_engine_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

rounds="${KINERJA_BENCH_ROUNDS:-2}"
native_dir="${KINERJA_BENCH_NATIVE_DIR:-build/release}"
wasm_dir="${KINERJA_BENCH_WASM_DIR:-build/wasm}"

# Configure with the preset's settings, in the preset's folder unless another was given.
cmake --preset release -B "$native_dir" > /dev/null
cmake --build "$native_dir" -j2 --target kinerja_engine_bench
cmake --preset wasm -B "$wasm_dir" > /dev/null
cmake --build "$wasm_dir" -j2 --target kinerja_engine_bench

native=("$native_dir/bench/kinerja_engine_bench")
wasm=(node --no-experimental-fetch "$wasm_dir/bench/kinerja_engine_bench.js")

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
     "$(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(g++ --version | head -1); emcc $(emcc --version | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1); node $(node --version)"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
for ((round = 1; round <= rounds; ++round)); do
  for side in native wasm; do
    echo "== round $round/$rounds: $side"
    if [[ $side == native ]]; then cmd=("${native[@]}"); else cmd=("${wasm[@]}"); fi
    if ! "${cmd[@]}" "$@" > "$log.out"; then
      cat "$log.out"
      echo "!! kinerja_engine_bench ($side) failed" >&2
      exit 1
    fi
    cat "$log.out"
    sed -n "s/^case=/$side case=/p" "$log.out" >> "$log"
  done
done
rm -f "$log.out"

echo
awk '
  {
    side = $1
    for (i = 2; i <= NF; ++i) { split($i, kv, "="); f[kv[1]] = kv[2] }
    c = f["case"]
    if (!(c in seen)) { seen[c] = 1; order[++n] = c; items[c] = f["n"] }
    key = side SUBSEP c
    if (!(key in best) || f["median_ms"] + 0 < best[key]) best[key] = f["median_ms"] + 0
    if (key in sum && sum[key] != f["checksum"]) unstable[c] = 1
    sum[key] = f["checksum"]
  }
  END {
    printf "%-24s %9s %11s %11s %8s  %-6s %-9s %s\n", "case", "items", "native ms", "wasm ms",
           "wasm/nat", "ratio", "checksum", "wasm target"
    bad = 0; miss = 0
    for (k = 1; k <= n; ++k) {
      c = order[k]
      nk = "native" SUBSEP c; wk = "wasm" SUBSEP c
      if (!(nk in best) || !(wk in best)) {
        printf "%-24s missing on one side\n", c; bad = 1; continue
      }
      ratio = best[nk] > 0 ? best[wk] / best[nk] : 0
      part = (index(c, ".") > 0)  # parts of the city are shown, not judged
      verdict = part ? "-" : (ratio <= 1.5 ? "PASS" : "MISS")
      if (verdict == "MISS") ++miss
      same = (sum[nk] == sum[wk] && !(c in unstable)) ? "same" : "DIFFERENT"
      if (same != "same") bad = 1
      extra = ""
      if (c == "city_10k") {
        extra = best[wk] < 1000 ? "< 1000 ms PASS" : ">= 1000 ms MISS"
        if (best[wk] >= 1000) ++miss
      }
      printf "%-24s %9s %11.3f %11.3f %8.2f  %-6s %-9s %s\n", (part ? "  " c : c), items[c],
             best[nk], best[wk], ratio, verdict, same, extra
    }
    print ""
    printf "targets: wasm/native <= 1.5 per case; full city (city_10k) in wasm < 1000 ms; "
    printf "%d missed\n", miss
    if (bad) { print "!! checksums differ between native and wasm (or a case is missing)"; exit 1 }
  }' "$log"

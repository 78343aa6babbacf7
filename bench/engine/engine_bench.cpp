// kinerja_engine_bench: times the engine's hot paths on generated inputs and prints one
// machine-readable line per case:
//
//   case=appraisal_rating_100k n=100000 reps=9 median_ms=12.345 min_ms=... max_ms=...
//        per_item_ns=123.4 checksum=0123456789abcdef
//
// Each case runs untimed (warm-up: 3 runs and at least 250 ms), then `reps` times; the median
// is reported. The checksum folds every output and must be the same on every repetition (else
// exit 1) and the same natively and in wasm (bench/run_engine_bench.sh compares them).
//
//   kinerja_engine_bench [--quick] [--only NAME[,NAME...]] [--seed N]
//     --quick   3 repetitions per case (a smoke run)
//     --only    cases whose name starts with one of the given prefixes

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/engine/engine_bench.h"

namespace kinerja::bench {

void Fail(const std::string& message) {
  std::fprintf(stderr, "kinerja_engine_bench: %s\n", message.c_str());
  std::fflush(stdout);
  std::exit(1);
}

std::vector<int> UnitSizes(const CityShape& shape, uint64_t seed) {
  // Pairs of units trade staff (a + d, b - d), so the total stays exact; an odd unit out
  // keeps the mean. Sizes stay within [mean / 2, 3 × mean / 2].
  const int mean = shape.staff / shape.units;
  std::vector<int> sizes(static_cast<size_t>(shape.units), mean);
  sizes.back() += shape.staff - mean * shape.units;
  Rng rng(seed ^ 0x517E);
  for (size_t i = 0; i + 1 < sizes.size(); i += 2) {
    const int d = rng.Between(-mean / 2, mean / 2);
    sizes[i] += d;
    sizes[i + 1] -= d;
  }
  return sizes;
}

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

void PrintCase(const std::string& name, int64_t items, const std::vector<double>& ms,
               uint64_t checksum) {
  const double median = Median(ms);
  std::printf("case=%s n=%" PRId64 " reps=%zu median_ms=%.3f min_ms=%.3f max_ms=%.3f "
              "per_item_ns=%.1f checksum=%016" PRIx64 "\n",
              name.c_str(), items, ms.size(), median, *std::min_element(ms.begin(), ms.end()),
              *std::max_element(ms.begin(), ms.end()),
              median * 1e6 / static_cast<double>(items), checksum);
  std::fflush(stdout);
}

void RunCase(const BenchCase& c, int reps) {
  const Clock::time_point t_prepare = Clock::now();
  std::function<uint64_t()> body = c.prepare();
  const double prepare_ms = MsSince(t_prepare);
  // Warm-up, untimed: at least 3 runs and 250 ms. V8 first runs wasm from its baseline
  // compiler and swaps in the optimised code when a background compile finishes, which on a
  // busy machine can take longer than one run; the timed repetitions measure the steady
  // state, the same rule for native and wasm.
  const Clock::time_point t_warm = Clock::now();
  const uint64_t expected = body();
  for (int w = 1; w < 50 && (w < 3 || MsSince(t_warm) < 250.0); ++w) {
    if (body() != expected) Fail(c.name + ": checksum changed between repetitions");
  }
  std::vector<double> ms;
  for (int r = 0; r < reps; ++r) {
    const Clock::time_point t0 = Clock::now();
    const uint64_t got = body();
    ms.push_back(MsSince(t0));
    if (got != expected) Fail(c.name + ": checksum changed between repetitions");
  }
  std::fprintf(stderr, "  (%s: inputs generated in %.0f ms)\n", c.name.c_str(), prepare_ms);
  PrintCase(c.name, c.items, ms, expected);
}

// The full city: every appraisal scored + distribution per unit, IKM for the service units,
// competency gaps/JPM for every staff member + training needs per unit. Prints the whole and
// each part.
void RunCity(uint64_t seed, int reps) {
  const CityShape shape;
  struct Part {
    const char* name;
    int64_t items;
    std::function<uint64_t()> body;
    uint64_t checksum = 0;
    std::vector<double> ms;
  };
  std::vector<Part> parts;
  parts.push_back({"city_10k.appraisal", shape.staff, PrepareCityAppraisal(shape, seed), 0, {}});
  parts.push_back({"city_10k.survey",
                   static_cast<int64_t>(shape.survey_units) * shape.responses_per_survey_unit,
                   PrepareCitySurvey(shape, seed), 0, {}});
  parts.push_back({"city_10k.competency", shape.staff, PrepareCityCompetency(shape, seed), 0, {}});
  for (Part& p : parts) p.checksum = p.body();  // warm-up
  std::vector<double> total_ms;
  for (int r = 0; r < reps; ++r) {
    const Clock::time_point t0 = Clock::now();
    for (Part& p : parts) {
      const Clock::time_point tp = Clock::now();
      if (p.body() != p.checksum) Fail(std::string(p.name) + ": checksum changed");
      p.ms.push_back(MsSince(tp));
    }
    total_ms.push_back(MsSince(t0));
  }
  Checksum whole;
  for (const Part& p : parts) whole.Add(p.checksum);
  PrintCase("city_10k", shape.staff, total_ms, whole.value());
  for (const Part& p : parts) PrintCase(p.name, p.items, p.ms, p.checksum);
}

bool Selected(const std::vector<std::string>& only, const std::string& name) {
  if (only.empty()) return true;
  for (const std::string& prefix : only) {
    if (name.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

}  // namespace
}  // namespace kinerja::bench

int main(int argc, char** argv) {
  using namespace kinerja::bench;
  bool quick = false;
  uint64_t seed = 20240611;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick") {
      quick = true;
    } else if (arg == "--only" && i + 1 < argc) {
      std::string list = argv[++i];
      size_t start = 0;
      while (start <= list.size()) {
        const size_t comma = std::min(list.find(',', start), list.size());
        if (comma > start) only.push_back(list.substr(start, comma - start));
        start = comma + 1;
      }
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: kinerja_engine_bench [--quick] [--only NAME,...] [--seed N]\n");
      return 2;
    }
  }
#ifdef __EMSCRIPTEN__
  const char* target = "wasm";
#else
  const char* target = "native";
#endif
  std::printf("engine_bench target=%s seed=%" PRIu64 "\n", target, seed);
  std::vector<BenchCase> cases;
  for (auto* group : {AppraisalCases, SurveyCases, AnalyticsCases}) {
    for (BenchCase& c : group(seed)) cases.push_back(std::move(c));
  }
  for (const BenchCase& c : cases) {
    if (Selected(only, c.name)) RunCase(c, quick ? 3 : c.reps);
  }
  if (Selected(only, "city_10k")) RunCity(seed, quick ? 3 : 9);
  return 0;
}

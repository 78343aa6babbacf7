#pragma once
// Engine benchmarks (kinerja_engine_bench), built natively and to wasm from the same sources so
// one run of bench/run_engine_bench.sh compares the two (docs/performance.md, "Engine: native
// vs wasm"). Inputs are generated from a fixed seed; every case folds its outputs into a
// checksum that must be identical natively and in wasm (the run script compares them).
//
// One case file per engine area; only the plain types below cross between them.

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace kinerja::bench {

// splitmix64: a tiny deterministic generator, identical on every target (std::*_distribution
// are not specified bit for bit, so they are not used).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0. The modulo bias is irrelevant for benchmark inputs.
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  // True with probability percent / 100.
  bool Percent(int percent) { return Below(100) < percent; }

 private:
  uint64_t state_;
};

// FNV-1a style fold of 64-bit words; doubles are folded by their bit pattern, so a checksum
// only matches when native and wasm computed the very same values.
class Checksum {
 public:
  void Add(uint64_t v) { h_ = (h_ ^ v) * 0x100000001B3ull; }
  void AddInt(int64_t v) { Add(static_cast<uint64_t>(v)); }
  void AddDouble(double d) {
    uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    Add(bits);
  }
  void AddText(const std::string& s) {
    for (char c : s) Add(static_cast<unsigned char>(c));
    Add(0xFF);
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 0xCBF29CE484222325ull;
};

// prefix + decimal i ("p" 17 -> "p17"). Built by appending: g++ 12 at -O3 gives a false
// -Wrestrict warning on `"literal" + std::to_string(i)` (GCC bug 105329).
inline std::string Numbered(const char* prefix, int64_t i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

// Prints the message to stderr and exits with status 1 (a generated input was rejected: the
// benchmark itself is wrong, so its figures would mean nothing).
[[noreturn]] void Fail(const std::string& message);

// One benchmark case. `prepare` builds the inputs (not timed) and returns the timed body,
// which returns the checksum of its outputs; inputs are freed when the case is done.
struct BenchCase {
  std::string name;
  int64_t items = 0;  // appraisals, responses, staff ... (per_item_ns = median / items)
  int reps = 7;       // timed repetitions after the untimed warm-up (3 runs, >= 250 ms)
  std::function<std::function<uint64_t()>()> prepare;
};

// The "full city" scenario is composed from parts living in different files; each part
// builds its inputs in its constructor-like Prepare and runs in Run.
struct CityShape {
  int staff = 10000;
  int units = 200;           // unit sizes vary around staff / units (see UnitSizes)
  int survey_units = 50;     // service units with an SKM survey
  int responses_per_survey_unit = 400;
};
// Unit sizes summing to shape.staff (deterministic, between 0.5x and 1.5x the mean).
std::vector<int> UnitSizes(const CityShape& shape, uint64_t seed);

// Each returns the timed body of that part of the city (inputs built before returning).
std::function<uint64_t()> PrepareCityAppraisal(const CityShape& shape, uint64_t seed);
std::function<uint64_t()> PrepareCitySurvey(const CityShape& shape, uint64_t seed);
std::function<uint64_t()> PrepareCityCompetency(const CityShape& shape, uint64_t seed);

// Cases per file.
std::vector<BenchCase> AppraisalCases(uint64_t seed);
std::vector<BenchCase> SurveyCases(uint64_t seed);
std::vector<BenchCase> AnalyticsCases(uint64_t seed);

}  // namespace kinerja::bench

#pragma once
// Small pieces shared by the sync-server benchmarks (kinerja_sync_bench): a scratch folder,
// a stopwatch, latency percentiles and the PASS/MISS lines the run script prints.
// Benchmarks are programs, not tests: they print figures measured in one run on this machine.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace kinerja::bench {

// A fresh folder under the system temp dir, removed (with its files) on destruction unless
// `keep` is set. Path() is empty when the folder could not be made.
class ScratchDir {
 public:
  explicit ScratchDir(const char* tag, bool keep = false);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& Path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
  bool keep_;
};

using Clock = std::chrono::steady_clock;

inline double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Nearest-rank percentiles of latencies in milliseconds.
struct LatencySummary {
  size_t count = 0;
  double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};

inline LatencySummary Summarize(std::vector<double> ms) {
  LatencySummary s;
  s.count = ms.size();
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  auto rank = [&](double p) {
    size_t i = static_cast<size_t>(p * static_cast<double>(ms.size()) + 0.999999);
    return ms[std::min(ms.size(), std::max<size_t>(i, 1)) - 1];
  };
  s.p50 = rank(0.50);
  s.p90 = rank(0.90);
  s.p99 = rank(0.99);
  s.max = ms.back();
  double sum = 0;
  for (double v : ms) sum += v;
  s.mean = sum / static_cast<double>(ms.size());
  return s;
}

inline void PrintLatency(const char* label, const LatencySummary& s) {
  std::printf("  %-14s n=%-6zu p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms  mean %6.1f ms\n",
              label, s.count, s.p50, s.p90, s.p99, s.max, s.mean);
}

// One line per target, greppable: "TARGET <name>: <measured> (target <what>) PASS|MISS".
inline void PrintTarget(const char* name, const std::string& measured, const char* target, bool met) {
  std::printf("TARGET %-30s %-28s (target %s) %s\n", name, measured.c_str(), target,
              met ? "PASS" : "MISS");
}

inline std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Subcommands; each returns the process exit code: 0 when it ran (targets met or not),
// 1 on a failure or when changes were lost or duplicated, 2 on bad flags.
int RunIngest(int argc, char** argv);
int RunLoad(int argc, char** argv);
int RunLoginBurst(int argc, char** argv);

}  // namespace kinerja::bench

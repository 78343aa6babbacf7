#include "engine/numeric/rounding.h"

#include <cassert>
#include <cmath>

namespace kinerja {
namespace {

double Pow10(int decimals) {
  static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  assert(decimals >= 0 && decimals <= 9);
  return kPow10[decimals];
}

}  // namespace

int64_t RoundScaled(double value, int decimals) {
  const double scaled = value * Pow10(decimals);
  const double magnitude = std::fabs(scaled);
  const double tolerance = 1e-9 * (magnitude > 1.0 ? magnitude : 1.0);
  const auto rounded = static_cast<int64_t>(std::floor(magnitude + 0.5 + tolerance));
  return scaled < 0 ? -rounded : rounded;
}

double RoundHalfAwayFromZero(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  int64_t r = RoundScaled(value, decimals);
  if (r == 0) return 0.0;
  return static_cast<double>(r) / Pow10(decimals);
}

}  // namespace kinerja

#include "engine/survey/rounding.h"

#include <cassert>
#include <cmath>

namespace kinerja {
namespace {

double Pow10(int decimals) {
  double p = 1.0;
  for (int i = 0; i < decimals; ++i) p *= 10.0;
  return p;
}

}  // namespace

int64_t SurveyRoundScaled(double x, int decimals) {
  assert(decimals >= 0 && decimals <= 9);
  const double scaled = x * Pow10(decimals);
  constexpr double kTieTolerance = 1e-7;
  if (scaled >= 0) return static_cast<int64_t>(std::floor(scaled + 0.5 + kTieTolerance));
  return -static_cast<int64_t>(std::floor(-scaled + 0.5 + kTieTolerance));
}

double SurveyRound(double x, int decimals) {
  return static_cast<double>(SurveyRoundScaled(x, decimals)) / Pow10(decimals);
}

}  // namespace kinerja

#include "engine/survey/sample_size.h"

#include <string>

#include "engine/numeric/rounding.h"

namespace kinerja {

Result<double> KrejcieMorganExact(int64_t population) {
  if (population < 1) {
    return Status::InvalidArgument("population must be a whole number >= 1, got " +
                                   std::to_string(population));
  }
  constexpr double kChiSquare = 3.841;  // 1 degree of freedom, 95 % confidence
  constexpr double kP = 0.5;
  constexpr double kD = 0.05;
  const double n = static_cast<double>(population);
  const double pq = kP * (1.0 - kP);
  return kChiSquare * n * pq / (kD * kD * (n - 1.0) + kChiSquare * pq);
}

Result<int64_t> KrejcieMorganSampleSize(int64_t population) {
  Result<double> exact = KrejcieMorganExact(population);
  if (!exact.ok()) return exact.status();
  int64_t s = RoundScaled(*exact, 0);
  if (s > population) s = population;
  if (s < 1) s = 1;
  return s;
}

Result<SampleVerdict> CheckSample(int64_t population, int64_t achieved) {
  if (achieved < 0) {
    return Status::InvalidArgument("achieved sample must be >= 0, got " + std::to_string(achieved));
  }
  Result<int64_t> required = KrejcieMorganSampleSize(population);
  if (!required.ok()) return required.status();
  SampleVerdict v;
  v.population = population;
  v.required = *required;
  v.achieved = achieved;
  v.sufficient = achieved >= v.required;
  v.shortfall = v.sufficient ? 0 : v.required - achieved;
  v.exceeds_population = achieved > population;
  return v;
}

}  // namespace kinerja

#pragma once
// Minimum SKM sample size from the population of service users, by the Krejcie & Morgan (1970)
// formula that PermenPANRB 14/2017 allows (docs/rules/survey.md §"Sample size"), and the verdict
// "sample achieved vs required" shown next to every IKM.

#include <cstdint>

#include "shared/result.h"

namespace kinerja {

// s = chi2*N*P(1-P) / (d^2*(N-1) + chi2*P(1-P)) with chi2 = 3.841, P = 0.5, d = 0.05, unrounded.
// Fails with kInvalidArgument when population < 1.
Result<double> KrejcieMorganExact(int64_t population);

// The exact value rounded to the nearest integer (halves away from zero), as the published
// table does (N = 50 -> 44.34 -> 44; a ceiling would give 45). Never more than the population.
// Fails with kInvalidArgument when population < 1.
Result<int64_t> KrejcieMorganSampleSize(int64_t population);

struct SampleVerdict {
  int64_t population = 0;
  int64_t required = 0;
  int64_t achieved = 0;
  bool sufficient = false;       // achieved >= required
  int64_t shortfall = 0;         // max(0, required - achieved)
  bool exceeds_population = false;  // achieved > population: the population figure is suspect
};

// Compares `achieved` responses with the Krejcie-Morgan minimum for `population`.
// Fails with kInvalidArgument when population < 1 or achieved < 0.
Result<SampleVerdict> CheckSample(int64_t population, int64_t achieved);

}  // namespace kinerja

#pragma once
// Small numeric helpers shared by the objectivity analytics and the competency report:
// rounding as the reports print it, descriptive statistics, Shannon entropy and the
// chi-square distribution (through the regularized incomplete gamma function).

#include <cstdint>
#include <vector>

#include "engine/numeric/rounding.h"  // RoundHalfAwayFromZero, used by every report

namespace kinerja {


// Arithmetic mean; 0 for an empty input.
double Mean(const std::vector<double>& values);
// Sample standard deviation (divisor n - 1); 0 for fewer than two values.
double SampleSd(const std::vector<double>& values);
// Population standard deviation (divisor n); 0 for an empty input.
double PopulationSd(const std::vector<double>& values);
// Pearson correlation of two equally long series; false when fewer than 3 pairs or either
// series has zero variance (then *r is untouched).
bool PearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y, double* r);

// Shannon entropy in bits of a count distribution; zero counts contribute nothing; 0 when the
// total is 0.
double ShannonEntropyBits(const std::vector<int64_t>& counts);

// Regularized lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a), for a > 0, x >= 0.
// Series expansion for x < a + 1, Lentz continued fraction otherwise; relative error ~1e-14.
// Returns NaN for a <= 0 or x < 0.
double RegularizedGammaP(double a, double x);
// Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), computed directly (no cancellation).
double RegularizedGammaQ(double a, double x);

// Upper-tail probability of the chi-square distribution: P(X >= statistic) with `df` degrees
// of freedom = Q(df / 2, statistic / 2). NaN for df <= 0 or statistic < 0.
double ChiSquareSurvival(double statistic, int df);

}  // namespace kinerja

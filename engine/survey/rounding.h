#pragma once
// The one rounding rule used by the survey (IKM) and service-indicator reports:
// round half away from zero to a fixed number of decimals, applied only to final outputs.
// Intermediate values (NRR, IKM 1-4) are kept unrounded; see docs/rules/survey.md.

#include <cstdint>

namespace kinerja {

// `x` scaled by 10^decimals and rounded half away from zero, as an integer
// (e.g. 91.4752, 2 -> 9148). A tie tolerance of 1e-7 of the last unit absorbs binary
// floating-point noise so that a true 76.605 gives 7661, not 7660. `decimals` must be 0..9.
int64_t SurveyRoundScaled(double x, int decimals);

// SurveyRoundScaled(x, decimals) / 10^decimals as a double (the nearest double to the
// decimal result, so 88.31 compares equal to the literal 88.31).
double SurveyRound(double x, int decimals);

}  // namespace kinerja

#pragma once
// The one rounding rule of every report in the engine: half away from zero to a fixed number
// of decimals, applied to final outputs only (intermediate values stay unrounded). The rules
// documents in docs/rules/ say where each report rounds.

#include <cstdint>

namespace kinerja {

// `value` scaled by 10^decimals and rounded half away from zero, as an integer
// (91.4752, 2 -> 9148). A tolerance of 1e-9 relative (at least 1e-9 of the last unit) absorbs
// binary floating-point noise, so a true 76.605 computed as 76.60499999999999 gives 7661.
// `decimals` must be 0..9; `value` must be finite.
int64_t RoundScaled(double value, int decimals);

// RoundScaled(value, decimals) / 10^decimals: the nearest double to the decimal result, so
// 88.31 compares equal to the literal 88.31. Never returns -0. Non-finite values pass through.
double RoundHalfAwayFromZero(double value, int decimals);

}  // namespace kinerja

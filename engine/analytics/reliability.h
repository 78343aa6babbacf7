#pragma once
// Inter-rater reliability for ratings of the same people by several raters (360-degree input,
// calibration panels): intraclass correlations after Shrout & Fleiss (1979) on a complete
// ratee x rater matrix, and Krippendorff's alpha, which tolerates missing ratings (domain §4.3).

#include <string>
#include <vector>

#include "shared/result.h"

namespace kinerja {

// Mean squares of the two-way ANOVA behind the ICCs and the six Shrout & Fleiss forms.
// ICC(1,*) is the one-way random model, ICC(2,*) two-way random (absolute agreement),
// ICC(3,*) two-way mixed (consistency); *_1 is a single rater, *_k the mean of k raters.
struct IccResult {
  int targets = 0;  // n
  int raters = 0;   // k
  double msr = 0;   // between targets
  double msw = 0;   // within targets
  double msc = 0;   // between raters (columns)
  double mse = 0;   // residual
  double icc1_1 = 0, icc2_1 = 0, icc3_1 = 0;
  double icc1_k = 0, icc2_k = 0, icc3_k = 0;
};

// `matrix[i][j]` is rater j's rating of target i; every row must have the same k >= 2 values
// and there must be n >= 2 rows. Fails with kInvalidArgument on a ragged or too small matrix,
// when all values are equal, or when every ratee has the same mean (MSR = 0).
Result<IccResult> ComputeIcc(const std::vector<std::vector<double>>& matrix);

// Koo & Li (2016): < 0.50 poor, 0.50 to < 0.75 moderate, 0.75 to < 0.90 good, >= 0.90 excellent.
enum class IccBand { kPoor, kModerate, kGood, kExcellent };
IccBand InterpretIcc(double icc);
// "poor", "moderate", "good", "excellent".
const char* IccBandName(IccBand band);

// Distance functions of Krippendorff's alpha (delta squared between two values).
enum class AlphaMetric { kNominal, kOrdinal, kInterval, kRatio };
const char* AlphaMetricName(AlphaMetric metric);

struct AlphaResult {
  double alpha = 0;
  double observed_disagreement = 0;  // D_o
  double expected_disagreement = 0;  // D_e
  int units_used = 0;                // units with at least two values (pairable)
  int pairable_values = 0;           // n: values in those units
};

// `units[u]` holds the values given to unit u by whichever coders rated it (missing ratings are
// simply absent). Units with fewer than two values are ignored, as Krippendorff prescribes.
// Fails with kInvalidArgument when fewer than two pairable values remain, or when every
// pairable value is identical (D_e = 0, alpha undefined). Ratio metric needs values >= 0.
Result<AlphaResult> KrippendorffAlpha(const std::vector<std::vector<double>>& units,
                                      AlphaMetric metric);

}  // namespace kinerja

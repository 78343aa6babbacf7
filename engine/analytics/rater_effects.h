#pragma once
// Objectivity analytics (domain §4): per-rater indices of leniency/severity, central tendency,
// halo and distribution, self-vs-supervisor gaps, and inter-rater reliability per dimension.
// Every flag comes with the numbers behind it; raters with too few ratees get no flag at all.
// Works on plain structs; JSON lives in objectivity_json.h (the JSON edge).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analytics/reliability.h"
#include "shared/result.h"

namespace kinerja {

// Who gave the rating, as in 360-degree feedback (§4.5).
enum class RaterRole { kSelf, kSupervisor, kPeer, kSubordinate };
// "self", "supervisor", "peer", "subordinate".
const char* RaterGroupName(RaterRole group);
// Parses the names above; false for anything else.
bool ParseRaterGroup(std::string_view name, RaterRole* group);

// An integer ordinal scale min..max: 3-level ratings (Di Bawah / Sesuai / Di Atas Ekspektasi)
// map to 1..3, the five predikat to 1..5, competency levels are 1..5.
struct RatingScale {
  int min = 1;
  int max = 3;
};

// One rating. `dimension` is free text: a BerAKHLAK value, "hasil_kerja", "predikat", ...
struct RaterRating {
  std::string rater_id;
  RaterRole group = RaterRole::kSupervisor;
  std::string ratee_id;
  std::string dimension;
  int value = 0;
};

// Thresholds; the defaults are the ones documented in docs/rules/objectivity.md.
struct ObjectivityOptions {
  int min_ratees = 3;                // fewer distinct ratees: "insufficient_data", no flags
  double leniency_z = 2.0;           // |z| above this flags lenient / severe
  double sd_ratio_max = 0.5;         // rater SD / pooled SD below this flags restricted range
  double midpoint_share_min = 0.5;   // ... and with this midpoint share, central tendency
  double halo_sd_fraction = 0.1;     // halo when mean within-ratee SD <= this x (max - min)
  double self_gap_min = 1.0;         // |self - supervisor| at or above this is flagged
  double chi_square_alpha = 0.05;    // distribution differs when p < this
};

enum class LeniencyBaseline {
  kOtherRatersSameRatees,  // mean of the other raters' ratings of the same ratee and dimension
  kGrandMean,              // mean of all other raters' ratings (too few shared ratees)
  kNone,                   // nobody else rated anything
};
// "other_raters_same_ratees", "grand_mean", "none".
const char* LeniencyBaselineName(LeniencyBaseline baseline);

struct LeniencyStats {
  LeniencyBaseline baseline = LeniencyBaseline::kNone;
  int ratees_used = 0;            // ratees behind the mean difference
  double mean_difference = 0;     // mean over ratees of (own rating - baseline), scale points
  double effect_size = 0;         // mean_difference / pooled SD of all ratings
  std::optional<double> z;        // mean_difference / (pooled within-rater SD / sqrt(ratees_used))
};

struct SpreadStats {
  double sd = 0;                          // sample SD of the rater's ratings
  std::optional<double> sd_ratio;         // sd / pooled SD (absent when pooled SD is 0)
  std::optional<double> midpoint_share;   // absent on a scale without a midpoint
  double entropy_bits = 0;                // Shannon entropy of the rater's categories
  double entropy_normalised = 0;          // entropy / log2(number of categories)
};

struct HaloStats {
  int ratees_with_several_dimensions = 0;
  std::optional<double> mean_within_ratee_sd;    // population SD across dimensions, averaged
  std::optional<double> mean_inter_dimension_r;  // mean Pearson r over dimension pairs
  int dimension_pairs_used = 0;
};

struct DistributionStats {
  std::vector<int64_t> counts;    // per category min..max
  std::vector<double> expected;   // ratings x pooled share of the category
  std::optional<double> chi_square;
  int df = 0;
  std::optional<double> p_value;
  int expected_below_5 = 0;       // cells where the chi-square approximation is rough
};

struct RaterFlags {
  bool lenient = false;
  bool severe = false;
  bool restricted_range = false;
  bool central_tendency = false;
  bool halo = false;
  bool distribution_differs = false;
};
// The set flags as stable names in the order above ("lenient", "severe", "restricted_range",
// "central_tendency", "halo", "distribution_differs").
std::vector<std::string> FlagNames(const RaterFlags& flags);

struct RaterReport {
  std::string rater_id;
  std::vector<RaterRole> groups;  // groups this rater rated in (self ratings excluded)
  int ratings = 0;                 // non-self ratings
  int ratees = 0;
  bool sufficient = false;         // ratees >= min_ratees; otherwise no flag is raised
  LeniencyStats leniency;
  SpreadStats spread;
  HaloStats halo;
  DistributionStats distribution;
  RaterFlags flags;
};

struct SelfSupervisorGap {
  std::string ratee_id;
  int dimensions = 0;         // dimensions with both a self and a supervisor rating
  int supervisors = 0;
  double self_mean = 0;
  double supervisor_mean = 0;
  double gap = 0;             // self_mean - supervisor_mean (mean of per-dimension differences)
  bool flagged = false;       // |gap| >= self_gap_min
};

// Reliability of one dimension (or of all dimensions pooled, dimension = "*").
struct DimensionReliability {
  std::string dimension;
  int ratees = 0;
  int raters = 0;
  std::optional<AlphaResult> alpha_ordinal;
  std::optional<AlphaResult> alpha_interval;
  std::string alpha_unavailable;  // why, when the alphas are absent
  std::optional<IccResult> icc;
  int icc_ratees_used = 0;        // ratees rated by every one of icc_raters
  std::vector<std::string> icc_raters;  // the complete block's raters (see docs/rules)
  std::string icc_unavailable;    // why, when icc is absent
};

struct ObjectivityReport {
  RatingScale scale;
  ObjectivityOptions options;
  int ratings = 0;
  int self_ratings = 0;
  int raters = 0;
  int ratees = 0;
  int dimensions = 0;
  double grand_mean = 0;   // of non-self ratings
  double pooled_sd = 0;    // sample SD of non-self ratings
  double pooled_within_sd_other_raters = 0;  // denominators behind the leniency z
  double pooled_within_sd_grand_mean = 0;
  std::vector<RaterReport> rater_reports;           // sorted by rater id
  std::vector<SelfSupervisorGap> self_vs_supervisor;  // sorted by ratee id
  std::vector<DimensionReliability> reliability;      // per dimension (sorted), then "*"
};

// Checks min < max and a span of at most 100 categories.
Status ValidateScale(const RatingScale& scale);
// Checks every threshold is in its documented range.
Status ValidateOptions(const ObjectivityOptions& options);

// Analyses `ratings`. Fails with kInvalidArgument naming the rating (0-based index) when a value
// is off the scale, an id or dimension is empty, a self rating has rater != ratee (or a
// non-self rating rater == ratee), or the same rater rates the same ratee and dimension twice.
// The result does not depend on the order of `ratings`.
Result<ObjectivityReport> AnalyseRatings(const std::vector<RaterRating>& ratings,
                                         const RatingScale& scale,
                                         const ObjectivityOptions& options);

}  // namespace kinerja

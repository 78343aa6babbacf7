#pragma once
// Multi-rater (360°) behaviour input: self-assessment, supervisor, peers and subordinates.
// Group weights come from the template (PermenPANRB 6/2022 default: supervisor only) and are
// renormalised over the groups that are present; a peer or subordinate group with fewer than
// template.min_group_raters raters is suppressed (not shown, not used) to protect anonymity.
// Self-assessment is shown beside the others and is mixed in only if the template weights it.

#include <array>
#include <span>

#include "engine/appraisal/levels.h"
#include "engine/appraisal/template.h"
#include "shared/result.h"

namespace kinerja {

inline constexpr int kMaxRaterDimensions = 16;

// One rater's scores, one per dimension (BerAKHLAK value or PP 46 unsur), in template order.
// Rating templates use 1 = Di Bawah, 2 = Sesuai, 3 = Di Atas (RatingScore); numeric 0-100.
struct RaterInput {
  RaterGroup group = RaterGroup::kSupervisor;
  std::array<double, kMaxRaterDimensions> scores{};
};

struct GroupSummary {
  int rater_count = 0;
  bool suppressed = false;  // peer/subordinate below the minimum count: mean hidden, not used
  bool included = false;    // entered the combined score (present, not suppressed, weight > 0)
  double weight = 0;        // renormalised weight used (0 when not included)
  std::array<double, kMaxRaterDimensions> mean{};  // unrounded; meaningless when suppressed
};

struct MultiRaterResult {
  int dimensions = 0;
  std::array<GroupSummary, kRaterGroupCount> groups;     // by RaterGroup
  std::array<double, kMaxRaterDimensions> combined{};    // weighted mean per dimension
  bool peer_input_used = false;  // a peer or subordinate group was included
};

inline double RatingScore(Rating r) { return static_cast<double>(static_cast<int>(r) + 1); }
// The rating nearest to a mean score: RoundHalfAwayFromZero(mean, 2) >= 2.5 Di Atas, >= 1.5 Sesuai, else Di Bawah.
Rating RatingFromScore(double mean_score);

// Combines the raters. Fails with kInvalidArgument when dimensions is not 1-16, a score is
// not finite, or no group with a positive weight has usable (unsuppressed) ratings; the
// message lists the template's weights.
Result<MultiRaterResult> CombineRaters(const Template& t, int dimensions,
                                       std::span<const RaterInput> raters);

}  // namespace kinerja

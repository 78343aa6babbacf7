#include "engine/appraisal/multi_rater.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace kinerja {

Rating RatingFromScore(double mean_score) {
  const double m = RoundHalfAwayFromZero(mean_score, 2);
  if (m >= 2.5) return Rating::kDiAtas;
  if (m >= 1.5) return Rating::kSesuai;
  return Rating::kDiBawah;
}

Result<MultiRaterResult> CombineRaters(const Template& t, int dimensions,
                                       std::span<const RaterInput> raters) {
  if (dimensions < 1 || dimensions > kMaxRaterDimensions) {
    return Status::InvalidArgument("multi-rater input must have 1-16 dimensions");
  }
  MultiRaterResult out;
  out.dimensions = dimensions;
  for (const RaterInput& r : raters) {
    GroupSummary& g = out.groups[static_cast<int>(r.group)];
    ++g.rater_count;
    for (int d = 0; d < dimensions; ++d) {
      if (!std::isfinite(r.scores[d])) {
        return Status::InvalidArgument("multi-rater input: a score is not a finite number");
      }
      g.mean[d] += r.scores[d];
    }
  }
  double weight_sum = 0;
  for (int gi = 0; gi < kRaterGroupCount; ++gi) {
    GroupSummary& g = out.groups[gi];
    if (g.rater_count == 0) continue;
    for (int d = 0; d < dimensions; ++d) g.mean[d] /= g.rater_count;
    const auto group = static_cast<RaterGroup>(gi);
    const bool anonymous = group == RaterGroup::kPeer || group == RaterGroup::kSubordinate;
    if (anonymous && g.rater_count < t.min_group_raters) {
      g.suppressed = true;
      g.mean.fill(0.0);  // never expose a suppressed mean
      continue;
    }
    if (t.rater_weights[gi] > 0) {
      g.included = true;
      weight_sum += t.rater_weights[gi];
    }
  }
  if (!(weight_sum > 0)) {
    std::string w;
    for (int gi = 0; gi < kRaterGroupCount; ++gi) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "%s%s %g", gi ? ", " : "",
                    RaterGroupCode(static_cast<RaterGroup>(gi)), t.rater_weights[gi]);
      w += buf;
    }
    return Status::InvalidArgument(
        "no rater group with a weight has usable ratings (template '" + t.id + "' weights: " + w +
        "; peer/subordinate groups need at least " + std::to_string(t.min_group_raters) +
        " raters)");
  }
  for (int gi = 0; gi < kRaterGroupCount; ++gi) {
    GroupSummary& g = out.groups[gi];
    if (!g.included) continue;
    g.weight = t.rater_weights[gi] / weight_sum;
    for (int d = 0; d < dimensions; ++d) out.combined[d] += g.weight * g.mean[d];
    const auto group = static_cast<RaterGroup>(gi);
    if (group == RaterGroup::kPeer || group == RaterGroup::kSubordinate) {
      out.peer_input_used = true;
    }
  }
  return out;
}

}  // namespace kinerja

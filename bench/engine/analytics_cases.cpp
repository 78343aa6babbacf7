// Objectivity analytics (domain §4): rater effects and inter-rater reliability over the
// BerAKHLAK ratings of 2,000 staff, each rated by a supervisor, two peers and themselves.
// Not part of the full city (it is an on-demand report), but it runs in the same places.

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "bench/engine/engine_bench.h"
#include "engine/analytics/rater_effects.h"

namespace kinerja::bench {
namespace {

// Values that go through exp/log/lgamma (p-values) may differ in the last bits between
// glibc and the wasm libc; they are folded rounded to 6 decimals.
int64_t Round6(double v) { return static_cast<int64_t>(std::llround(v * 1e6)); }

void FoldOptional(Checksum& sum, const std::optional<double>& v) {
  sum.AddInt(v ? Round6(*v) : INT64_MIN);
}

}  // namespace

std::vector<BenchCase> AnalyticsCases(uint64_t seed) {
  constexpr int kStaff = 2000;
  constexpr int kTeam = 10;  // ratees per supervisor
  std::vector<BenchCase> cases;
  cases.push_back({"objectivity_2k", kStaff, 5, [seed] {
    auto ratings = std::make_shared<std::vector<RaterRating>>();
    const char* kValues[7] = {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis",
                              "loyal", "adaptif", "kolaboratif"};
    Rng rng(seed ^ 0x0B);
    std::vector<int> leniency(kStaff / kTeam);
    for (int& l : leniency) l = rng.Between(-1, 1);
    for (int i = 0; i < kStaff; ++i) {
      const std::string ratee = Numbered("p", i);
      const int team = i / kTeam;
      const int true_level = rng.Between(1, 3);
      for (const char* value : kValues) {
        auto add = [&](const std::string& rater, RaterRole group, int bias) {
          int v = true_level + bias + (rng.Percent(25) ? rng.Between(-1, 1) : 0);
          v = v < 1 ? 1 : v > 3 ? 3 : v;
          ratings->push_back({rater, group, ratee, value, v});
        };
        add(Numbered("s", team), RaterRole::kSupervisor, leniency[static_cast<size_t>(team)]);
        const int team_base = team * kTeam;
        add(Numbered("p", team_base + (i - team_base + 1) % kTeam), RaterRole::kPeer, 0);
        add(Numbered("p", team_base + (i - team_base + 2) % kTeam), RaterRole::kPeer, 0);
        if (rng.Percent(30)) add(ratee, RaterRole::kSelf, 1);
      }
    }
    return std::function<uint64_t()>([ratings] {
      Result<ObjectivityReport> r = AnalyseRatings(*ratings, RatingScale{1, 3}, ObjectivityOptions{});
      if (!r.ok()) Fail("objectivity: " + r.status().ToString());
      Checksum sum;
      sum.AddInt(r->ratings);
      sum.AddInt(r->raters);
      sum.AddInt(r->ratees);
      sum.AddInt(Round6(r->grand_mean));
      sum.AddInt(Round6(r->pooled_sd));
      for (const RaterReport& rr : r->rater_reports) {
        sum.AddText(rr.rater_id);
        sum.AddInt(rr.ratings);
        sum.AddInt(rr.ratees);
        sum.AddInt(Round6(rr.leniency.mean_difference));
        FoldOptional(sum, rr.leniency.z);
        sum.AddInt(Round6(rr.spread.sd));
        FoldOptional(sum, rr.distribution.p_value);
        for (const std::string& f : FlagNames(rr.flags)) sum.AddText(f);
      }
      for (const SelfSupervisorGap& g : r->self_vs_supervisor) {
        sum.AddInt(Round6(g.gap));
        sum.Add(g.flagged);
      }
      for (const DimensionReliability& d : r->reliability) {
        sum.AddText(d.dimension);
        sum.AddInt(d.ratees);
        FoldOptional(sum, d.alpha_ordinal ? std::optional<double>(d.alpha_ordinal->alpha)
                                          : std::nullopt);
        FoldOptional(sum, d.icc ? std::optional<double>(d.icc->icc2_1) : std::nullopt);
      }
      return sum.value();
    });
  }});
  return cases;
}

}  // namespace kinerja::bench

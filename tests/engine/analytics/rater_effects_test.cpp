#include "engine/analytics/rater_effects.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

RaterRating R(const std::string& rater, RaterRole g, const std::string& ratee, const std::string& dim,
         int value) {
  return RaterRating{rater, g, ratee, dim, value};
}

const RaterRole kSup = RaterRole::kSupervisor;
const RaterRole kPeer = RaterRole::kPeer;
const RaterRole kSelf = RaterRole::kSelf;

const RaterReport* Find(const ObjectivityReport& rep, const std::string& id) {
  for (const auto& r : rep.rater_reports) {
    if (r.rater_id == id) return &r;
  }
  return nullptr;
}

// Three raters, three shared ratees, one dimension, scale 1-3. Worked by hand in
// docs/rules/objectivity.md §"Leniency / severity": A gives 3,3,3; B 2,2,1; C 2,1,2.
std::vector<RaterRating> HandExample() {
  return {R("A", kPeer, "X", "kinerja", 3), R("A", kPeer, "Y", "kinerja", 3),
          R("A", kPeer, "Z", "kinerja", 3), R("B", kPeer, "X", "kinerja", 2),
          R("B", kPeer, "Y", "kinerja", 2), R("B", kPeer, "Z", "kinerja", 1),
          R("C", kPeer, "X", "kinerja", 2), R("C", kPeer, "Y", "kinerja", 1),
          R("C", kPeer, "Z", "kinerja", 2)};
}

TEST(RaterEffects, LeniencyAgainstOtherRatersMatchesTheHandComputation) {
  auto rep = AnalyseRatings(HandExample(), {1, 3}, {});
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  const RaterReport* a = Find(*rep, "A");
  const RaterReport* b = Find(*rep, "B");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->leniency.baseline, LeniencyBaseline::kOtherRatersSameRatees);
  EXPECT_EQ(a->leniency.ratees_used, 3);
  EXPECT_NEAR(a->leniency.mean_difference, 4.0 / 3.0, 1e-12);
  EXPECT_NEAR(b->leniency.mean_difference, -2.0 / 3.0, 1e-12);
  // Pooled within-rater SD of deviations: sqrt(2.5 / 6).
  EXPECT_NEAR(rep->pooled_within_sd_other_raters, std::sqrt(2.5 / 6.0), 1e-12);
  ASSERT_TRUE(a->leniency.z.has_value());
  EXPECT_NEAR(*a->leniency.z, (4.0 / 3.0) / (std::sqrt(2.5 / 6.0) / std::sqrt(3.0)), 1e-12);
  EXPECT_NEAR(*a->leniency.z, 3.5777, 1e-4);
  EXPECT_NEAR(*b->leniency.z, -1.7889, 1e-4);
  EXPECT_NEAR(rep->pooled_sd, std::sqrt(44.0 / 72.0), 1e-12);
  EXPECT_NEAR(a->leniency.effect_size, (4.0 / 3.0) / std::sqrt(44.0 / 72.0), 1e-12);
  EXPECT_TRUE(a->flags.lenient);
  EXPECT_FALSE(b->flags.severe);
  EXPECT_FALSE(b->flags.lenient);
}

TEST(RaterEffects, ChiSquareOfTheHandExampleIsSixOnTwoDegreesOfFreedom) {
  auto rep = AnalyseRatings(HandExample(), {1, 3}, {});
  ASSERT_TRUE(rep.ok());
  const RaterReport* a = Find(*rep, "A");
  EXPECT_EQ(a->distribution.counts, (std::vector<int64_t>{0, 0, 3}));
  EXPECT_NEAR(a->distribution.expected[0], 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(a->distribution.expected[1], 4.0 / 3.0, 1e-12);
  EXPECT_NEAR(a->distribution.expected[2], 1.0, 1e-12);
  ASSERT_TRUE(a->distribution.chi_square.has_value());
  EXPECT_NEAR(*a->distribution.chi_square, 6.0, 1e-12);
  EXPECT_EQ(a->distribution.df, 2);
  EXPECT_NEAR(*a->distribution.p_value, std::exp(-3.0), 1e-12);  // 0.0498 < 0.05
  EXPECT_EQ(a->distribution.expected_below_5, 3);
  EXPECT_TRUE(a->flags.distribution_differs);
  ObjectivityOptions strict;
  strict.chi_square_alpha = 0.04;
  auto rep2 = AnalyseRatings(HandExample(), {1, 3}, strict);
  EXPECT_FALSE(Find(*rep2, "A")->flags.distribution_differs);
}

TEST(RaterEffects, ConstantExtremeRaterHasRestrictedRangeButNoCentralTendency) {
  auto rep = AnalyseRatings(HandExample(), {1, 3}, {});
  const RaterReport* a = Find(*rep, "A");
  EXPECT_DOUBLE_EQ(a->spread.sd, 0.0);
  EXPECT_DOUBLE_EQ(*a->spread.sd_ratio, 0.0);
  EXPECT_DOUBLE_EQ(*a->spread.midpoint_share, 0.0);
  EXPECT_DOUBLE_EQ(a->spread.entropy_bits, 0.0);
  EXPECT_TRUE(a->flags.restricted_range);
  EXPECT_FALSE(a->flags.central_tendency);
  EXPECT_EQ(FlagNames(a->flags),
            (std::vector<std::string>{"lenient", "restricted_range", "distribution_differs"}));
}

TEST(RaterEffects, MidpointRaterIsFlaggedForCentralTendency) {
  std::vector<RaterRating> v;
  const int truth[6] = {1, 3, 2, 3, 1, 2};
  for (int e = 0; e < 6; ++e) {
    std::string ratee = "E" + std::to_string(e);
    v.push_back(R("P1", kPeer, ratee, "d", truth[e]));
    v.push_back(R("P2", kPeer, ratee, "d", truth[e]));
    v.push_back(R("MID", kPeer, ratee, "d", 2));
  }
  auto rep = AnalyseRatings(v, {1, 3}, {});
  ASSERT_TRUE(rep.ok());
  const RaterReport* mid = Find(*rep, "MID");
  EXPECT_DOUBLE_EQ(*mid->spread.midpoint_share, 1.0);
  EXPECT_TRUE(mid->flags.restricted_range);
  EXPECT_TRUE(mid->flags.central_tendency);
  EXPECT_FALSE(Find(*rep, "P1")->flags.central_tendency);
  EXPECT_NEAR(Find(*rep, "P1")->spread.entropy_normalised, 1.0, 1e-12);  // 2 of each
}

TEST(RaterEffects, ScaleWithoutMidpointReportsNoMidpointShare) {
  std::vector<RaterRating> v = {R("A", kSup, "X", "d", 1), R("A", kSup, "Y", "d", 4),
                           R("A", kSup, "Z", "d", 2)};
  auto rep = AnalyseRatings(v, {1, 4}, {});
  ASSERT_TRUE(rep.ok());
  EXPECT_FALSE(rep->rater_reports[0].spread.midpoint_share.has_value());
}

TEST(RaterEffects, UndifferentiatedDimensionsAreFlaggedAsHalo) {
  const char* dims[7] = {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis",
                         "loyal", "adaptif", "kolaboratif"};
  std::vector<RaterRating> v;
  const int level[4] = {1, 2, 3, 2};
  for (int e = 0; e < 4; ++e) {
    for (int d = 0; d < 7; ++d) {
      v.push_back(R("HALO", kSup, "E" + std::to_string(e), dims[d], level[e]));
      v.push_back(R("FINE", kSup, "E" + std::to_string(e), dims[d], 1 + (e + d) % 3));
    }
  }
  auto rep = AnalyseRatings(v, {1, 3}, {});
  ASSERT_TRUE(rep.ok());
  const RaterReport* halo = Find(*rep, "HALO");
  EXPECT_EQ(halo->halo.ratees_with_several_dimensions, 4);
  EXPECT_DOUBLE_EQ(*halo->halo.mean_within_ratee_sd, 0.0);
  EXPECT_NEAR(*halo->halo.mean_inter_dimension_r, 1.0, 1e-12);
  EXPECT_EQ(halo->halo.dimension_pairs_used, 21);
  EXPECT_TRUE(halo->flags.halo);
  const RaterReport* fine = Find(*rep, "FINE");
  EXPECT_GT(*fine->halo.mean_within_ratee_sd, 0.2);
  EXPECT_FALSE(fine->flags.halo);
  // Only one dimension: no halo statistics at all.
  auto one = AnalyseRatings(HandExample(), {1, 3}, {});
  EXPECT_FALSE(Find(*one, "A")->halo.mean_within_ratee_sd.has_value());
}

TEST(RaterEffects, RaterWithFewerThanThreeRateesGetsInsufficientDataNotAFlag) {
  std::vector<RaterRating> v = HandExample();
  v.push_back(R("D", kPeer, "X", "kinerja", 3));
  v.push_back(R("D", kPeer, "Y", "kinerja", 3));
  auto rep = AnalyseRatings(v, {1, 3}, {});
  ASSERT_TRUE(rep.ok());
  const RaterReport* d = Find(*rep, "D");
  EXPECT_EQ(d->ratees, 2);
  EXPECT_FALSE(d->sufficient);
  EXPECT_TRUE(FlagNames(d->flags).empty());
  // Two shared ratees are fewer than min_ratees, so the grand-mean baseline is used.
  EXPECT_EQ(d->leniency.baseline, LeniencyBaseline::kGrandMean);
  ObjectivityOptions lax;
  lax.min_ratees = 2;
  auto rep2 = AnalyseRatings(v, {1, 3}, lax);
  EXPECT_TRUE(Find(*rep2, "D")->sufficient);
  EXPECT_EQ(Find(*rep2, "D")->leniency.baseline, LeniencyBaseline::kOtherRatersSameRatees);
}

TEST(RaterEffects, SelfVersusSupervisorGapIsFlaggedFromOneScalePoint) {
  std::vector<RaterRating> v;
  // E1: self 3 on all 7 dims, supervisor 2 -> gap exactly 1 (flagged).
  // E2: self 3 on all 7 dims, supervisor 2 on six and 3 on one -> gap 6/7 (not flagged).
  // E3: self 1, supervisor 3 -> gap -2 (flagged, self lower).
  for (int d = 0; d < 7; ++d) {
    std::string dim = "v" + std::to_string(d);
    v.push_back(R("E1", kSelf, "E1", dim, 3));
    v.push_back(R("S", kSup, "E1", dim, 2));
    v.push_back(R("E2", kSelf, "E2", dim, 3));
    v.push_back(R("S", kSup, "E2", dim, d == 0 ? 3 : 2));
    v.push_back(R("E3", kSelf, "E3", dim, 1));
    v.push_back(R("S", kSup, "E3", dim, 3));
  }
  auto rep = AnalyseRatings(v, {1, 3}, {});
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_EQ(rep->self_vs_supervisor.size(), 3u);
  const auto& g = rep->self_vs_supervisor;
  EXPECT_EQ(g[0].ratee_id, "E1");
  EXPECT_EQ(g[0].dimensions, 7);
  EXPECT_EQ(g[0].supervisors, 1);
  EXPECT_DOUBLE_EQ(g[0].gap, 1.0);
  EXPECT_TRUE(g[0].flagged);
  EXPECT_NEAR(g[1].gap, 6.0 / 7.0, 1e-12);
  EXPECT_FALSE(g[1].flagged);
  EXPECT_DOUBLE_EQ(g[2].gap, -2.0);
  EXPECT_TRUE(g[2].flagged);
  EXPECT_EQ(rep->self_ratings, 21);
  // Self ratings do not enter the rater indices.
  EXPECT_EQ(Find(*rep, "E1"), nullptr);
  ObjectivityOptions o;
  o.self_gap_min = 0.85;
  auto rep2 = AnalyseRatings(v, {1, 3}, o);
  EXPECT_TRUE(rep2->self_vs_supervisor[1].flagged);
}

TEST(RaterEffects, PanelDimensionsGetIccAndAlphaSparseOnesExplainWhyNot) {
  // Shrout & Fleiss Table 2 as a panel of 4 judges on a 1-10 scale.
  const int sf[6][4] = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8},
                        {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
  std::vector<RaterRating> v;
  for (int t = 0; t < 6; ++t) {
    for (int j = 0; j < 4; ++j) {
      v.push_back(R("J" + std::to_string(j + 1), kPeer, "T" + std::to_string(t + 1), "panel",
                    sf[t][j]));
    }
  }
  v.push_back(R("J1", kPeer, "T1", "sparse", 4));
  v.push_back(R("J2", kPeer, "T1", "sparse", 4));
  v.push_back(R("J1", kPeer, "T2", "sparse", 6));
  auto rep = AnalyseRatings(v, {1, 10}, {});
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_EQ(rep->reliability.size(), 3u);
  const auto& panel = rep->reliability[0];
  EXPECT_EQ(panel.dimension, "panel");
  ASSERT_TRUE(panel.icc.has_value());
  EXPECT_EQ(panel.icc_ratees_used, 6);
  EXPECT_EQ(panel.icc_raters, (std::vector<std::string>{"J1", "J2", "J3", "J4"}));
  EXPECT_NEAR(panel.icc->icc2_1, 0.29, 0.005);
  EXPECT_NEAR(panel.icc->icc3_k, 0.91, 0.005);
  ASSERT_TRUE(panel.alpha_interval.has_value());
  const auto& sparse = rep->reliability[1];
  EXPECT_EQ(sparse.dimension, "sparse");
  EXPECT_FALSE(sparse.icc.has_value());
  EXPECT_EQ(sparse.icc_unavailable,
            "ICC needs a complete ratee x rater matrix: no 2 raters rated the same 2 ratees");
  EXPECT_FALSE(sparse.alpha_ordinal.has_value());
  EXPECT_EQ(sparse.alpha_unavailable, "alpha is undefined: every pairable value is the same");
  EXPECT_EQ(rep->reliability[2].dimension, "*");
}

TEST(RaterEffects, IccUsesTheLargestCompleteBlockOfBestCoveringRaters) {
  // J1-J3 rate T1-T5; J4 rates only T1 and T2. The 5 x 3 block (15 cells) beats 2 x 4 (8).
  std::vector<RaterRating> v;
  const int vals[5][3] = {{1, 2, 1}, {3, 3, 2}, {2, 2, 2}, {5, 4, 5}, {4, 4, 3}};
  for (int t = 0; t < 5; ++t) {
    for (int j = 0; j < 3; ++j) {
      v.push_back(R("J" + std::to_string(j + 1), kPeer, "T" + std::to_string(t), "d", vals[t][j]));
    }
  }
  v.push_back(R("J4", kPeer, "T0", "d", 1));
  v.push_back(R("J4", kPeer, "T1", "d", 3));
  auto rep = AnalyseRatings(v, {1, 5}, {});
  ASSERT_TRUE(rep.ok());
  ASSERT_EQ(rep->reliability.size(), 1u);
  const auto& d = rep->reliability[0];
  ASSERT_TRUE(d.icc.has_value());
  EXPECT_EQ(d.raters, 4);
  EXPECT_EQ(d.icc_ratees_used, 5);
  EXPECT_EQ(d.icc_raters, (std::vector<std::string>{"J1", "J2", "J3"}));
  EXPECT_EQ(d.icc->raters, 3);
}

std::vector<RaterRating> RandomRatings(uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> value(1, 5);
  std::uniform_int_distribution<int> coin(0, 3);
  std::vector<RaterRating> v;
  const char* dims[3] = {"akuntabel", "kompeten", "predikat"};
  for (int e = 0; e < 30; ++e) {
    std::string ratee = "E" + std::to_string(e);
    for (int r = 0; r < 8; ++r) {
      if (coin(rng) == 0) continue;
      for (const char* d : dims) {
        v.push_back(R("R" + std::to_string(r), r == 0 ? kSup : kPeer, ratee, d, value(rng)));
      }
    }
    v.push_back(R(ratee, kSelf, ratee, "predikat", value(rng)));
  }
  return v;
}

TEST(RaterEffects, ResultIsIndependentOfInputOrder) {
  auto v = RandomRatings(42);
  auto a = AnalyseRatings(v, {1, 5}, {});
  std::mt19937 rng(5);
  std::shuffle(v.begin(), v.end(), rng);
  auto b = AnalyseRatings(v, {1, 5}, {});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->rater_reports.size(), b->rater_reports.size());
  for (size_t i = 0; i < a->rater_reports.size(); ++i) {
    const auto& x = a->rater_reports[i];
    const auto& y = b->rater_reports[i];
    EXPECT_EQ(x.rater_id, y.rater_id);
    EXPECT_EQ(FlagNames(x.flags), FlagNames(y.flags));
    EXPECT_EQ(x.leniency.z, y.leniency.z);
    EXPECT_EQ(x.spread.sd, y.spread.sd);
    EXPECT_EQ(x.distribution.p_value, y.distribution.p_value);
    EXPECT_EQ(x.halo.mean_inter_dimension_r, y.halo.mean_inter_dimension_r);
  }
  ASSERT_EQ(a->reliability.size(), b->reliability.size());
  for (size_t i = 0; i < a->reliability.size(); ++i) {
    EXPECT_EQ(a->reliability[i].alpha_ordinal->alpha, b->reliability[i].alpha_ordinal->alpha);
  }
  EXPECT_EQ(a->self_vs_supervisor.size(), b->self_vs_supervisor.size());
}

TEST(RaterEffects, StatisticsStayInRangeForRandomValidInput) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    auto rep = AnalyseRatings(RandomRatings(seed), {1, 5}, {});
    ASSERT_TRUE(rep.ok());
    for (const auto& r : rep->rater_reports) {
      EXPECT_GE(r.spread.entropy_normalised, 0.0);
      EXPECT_LE(r.spread.entropy_normalised, 1.0 + 1e-12);
      EXPECT_GE(*r.spread.sd_ratio, 0.0);
      if (r.distribution.p_value) {
        EXPECT_GE(*r.distribution.p_value, 0.0);
        EXPECT_LE(*r.distribution.p_value, 1.0);
      }
      if (r.halo.mean_inter_dimension_r) {
        EXPECT_GE(*r.halo.mean_inter_dimension_r, -1.0 - 1e-12);
        EXPECT_LE(*r.halo.mean_inter_dimension_r, 1.0 + 1e-12);
      }
      EXPECT_LE(std::fabs(r.leniency.mean_difference), 4.0);
    }
    for (const auto& d : rep->reliability) {
      if (d.alpha_ordinal) EXPECT_LE(d.alpha_ordinal->alpha, 1.0 + 1e-12);
    }
  }
}

TEST(RaterEffectsMalformed, RejectsBadRatingsWithTheRowNamed) {
  auto off = AnalyseRatings({R("A", kSup, "X", "d", 4)}, {1, 3}, {});
  ASSERT_FALSE(off.ok());
  EXPECT_EQ(off.status().message(),
            "rating 0 (rater A, ratee X, d) has value 4; the scale allows 1-3");
  EXPECT_EQ(AnalyseRatings({R("A", kSelf, "X", "d", 2)}, {1, 3}, {}).status().message(),
            "rating 0: a self rating needs rater == ratee, got A rating X");
  EXPECT_EQ(AnalyseRatings({R("A", kPeer, "A", "d", 2)}, {1, 3}, {}).status().message(),
            "rating 0: A rates themself; use group \"self\"");
  EXPECT_EQ(AnalyseRatings({R("A", kPeer, "X", "d", 2), R("A", kSup, "X", "d", 3)}, {1, 3}, {})
                .status()
                .message(),
            "rating 1 repeats rating 0: rater A already rated X on d");
  EXPECT_EQ(AnalyseRatings({R("", kPeer, "X", "d", 2)}, {1, 3}, {}).status().message(),
            "rating 0: rater, ratee and dimension must be non-empty");
  EXPECT_EQ(AnalyseRatings({}, {3, 3}, {}).status().message(),
            "scale min 3 and max 3 are invalid; need min < max and at most 101 categories");
  ObjectivityOptions bad;
  bad.min_ratees = 0;
  EXPECT_EQ(AnalyseRatings({}, {1, 3}, bad).status().message(),
            "options.min_ratees must be 1-1000, got 0");
  bad = {};
  bad.chi_square_alpha = 1.5;
  EXPECT_EQ(AnalyseRatings({}, {1, 3}, bad).status().message(),
            "options.chi_square_alpha must be in (0, 1)");
}

TEST(RaterEffects, EmptyInputGivesAnEmptyReport) {
  auto rep = AnalyseRatings({}, {1, 5}, {});
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep->raters, 0);
  EXPECT_TRUE(rep->reliability.empty());
}

TEST(RaterGroupNames, RoundTrip) {
  for (RaterRole g : {kSelf, kSup, kPeer, RaterRole::kSubordinate}) {
    RaterRole parsed = kSelf;
    ASSERT_TRUE(ParseRaterGroup(RaterGroupName(g), &parsed));
    EXPECT_EQ(parsed, g);
  }
  RaterRole g = kSelf;
  EXPECT_FALSE(ParseRaterGroup("boss", &g));
}

}  // namespace
}  // namespace kinerja

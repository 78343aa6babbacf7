#include "engine/analytics/reliability.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

// Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges.
const std::vector<std::vector<double>> kShroutFleiss = {
    {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};

TEST(Icc, ReproducesShroutFleissTable2) {
  auto r = ComputeIcc(kShroutFleiss);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->targets, 6);
  EXPECT_EQ(r->raters, 4);
  // Published to two decimals.
  EXPECT_NEAR(r->icc1_1, 0.17, 0.005);
  EXPECT_NEAR(r->icc2_1, 0.29, 0.005);
  EXPECT_NEAR(r->icc3_1, 0.71, 0.005);
  EXPECT_NEAR(r->icc1_k, 0.44, 0.005);
  EXPECT_NEAR(r->icc2_k, 0.62, 0.005);
  EXPECT_NEAR(r->icc3_k, 0.91, 0.005);
  // Mean squares of their Table 3: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
  EXPECT_NEAR(r->msr, 11.24, 0.005);
  EXPECT_NEAR(r->msw, 6.26, 0.005);
  EXPECT_NEAR(r->msc, 32.49, 0.005);
  EXPECT_NEAR(r->mse, 1.02, 0.005);
}

TEST(Icc, IsIndependentOfRowOrder) {
  auto shuffled = kShroutFleiss;
  std::mt19937 rng(7);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  auto a = ComputeIcc(kShroutFleiss);
  auto b = ComputeIcc(shuffled);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NEAR(a->icc2_1, b->icc2_1, 1e-12);
  EXPECT_NEAR(a->icc3_k, b->icc3_k, 1e-12);
}

TEST(Icc, IdenticalRatersGiveOne) {
  auto r = ComputeIcc({{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {2, 2, 2}});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->icc1_1, 1.0, 1e-12);
  EXPECT_NEAR(r->icc2_1, 1.0, 1e-12);
  EXPECT_NEAR(r->icc3_1, 1.0, 1e-12);
  EXPECT_NEAR(r->icc2_k, 1.0, 1e-12);
}

TEST(Icc, RejectsRaggedSmallOrConstantMatrices) {
  auto ragged = ComputeIcc({{1, 2}, {1}});
  ASSERT_FALSE(ragged.ok());
  EXPECT_EQ(ragged.status().message(), "ICC needs a complete matrix: row 1 has 1 ratings, row 0 has 2");
  EXPECT_EQ(ComputeIcc({{1, 2}}).status().message(), "ICC needs at least 2 ratees, got 1");
  EXPECT_EQ(ComputeIcc({{1}, {2}}).status().message(), "ICC needs at least 2 raters, got 1");
  EXPECT_EQ(ComputeIcc({{2, 2}, {2, 2}}).status().message(),
            "ICC is undefined: every rating is the same");
  EXPECT_FALSE(ComputeIcc({{1, 2}, {2, 1}}).ok());
}

TEST(Icc, KooLiBandsHaveInclusiveLowerBounds) {
  EXPECT_EQ(InterpretIcc(0.4999), IccBand::kPoor);
  EXPECT_EQ(InterpretIcc(0.50), IccBand::kModerate);
  EXPECT_EQ(InterpretIcc(0.7499), IccBand::kModerate);
  EXPECT_EQ(InterpretIcc(0.75), IccBand::kGood);
  EXPECT_EQ(InterpretIcc(0.8999), IccBand::kGood);
  EXPECT_EQ(InterpretIcc(0.90), IccBand::kExcellent);
  EXPECT_EQ(InterpretIcc(-0.2), IccBand::kPoor);
  EXPECT_STREQ(IccBandName(IccBand::kGood), "good");
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
// 12 units, values 1-5, with missing data. Unit 12 has one value and is not pairable.
std::vector<std::vector<double>> KrippendorffExampleUnits() {
  const double kNa = -1;
  const double data[4][12] = {
      {1, 2, 3, 3, 2, 1, 4, 1, 2, kNa, kNa, kNa},
      {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, kNa, 3},
      {kNa, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, kNa},
      {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, kNa},
  };
  std::vector<std::vector<double>> units(12);
  for (int c = 0; c < 4; ++c) {
    for (int u = 0; u < 12; ++u) {
      if (data[c][u] != kNa) units[u].push_back(data[c][u]);
    }
  }
  return units;
}

TEST(KrippendorffAlphaTest, ReproducesKrippendorffsPublishedExample) {
  auto units = KrippendorffExampleUnits();
  auto nominal = KrippendorffAlpha(units, AlphaMetric::kNominal);
  auto ordinal = KrippendorffAlpha(units, AlphaMetric::kOrdinal);
  auto interval = KrippendorffAlpha(units, AlphaMetric::kInterval);
  auto ratio = KrippendorffAlpha(units, AlphaMetric::kRatio);
  ASSERT_TRUE(nominal.ok() && ordinal.ok() && interval.ok() && ratio.ok());
  EXPECT_EQ(nominal->units_used, 11);
  EXPECT_EQ(nominal->pairable_values, 40);
  EXPECT_NEAR(nominal->alpha, 0.743, 0.0005);
  EXPECT_NEAR(ordinal->alpha, 0.815, 0.0005);
  EXPECT_NEAR(interval->alpha, 0.849, 0.0005);
  EXPECT_NEAR(ratio->alpha, 0.797, 0.0005);
}

TEST(KrippendorffAlphaTest, MatchesAHandComputedTwoCoderCase) {
  // Units (1,1), (2,2), (1,2): n = 6, n_1 = n_2 = 3; o_12 = o_21 = 1.
  // Nominal: D_o = 2/6, D_e = 2*3*3/(6*5) = 0.6, alpha = 1 - (1/3)/0.6 = 4/9.
  auto r = KrippendorffAlpha({{1, 1}, {2, 2}, {1, 2}}, AlphaMetric::kNominal);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->alpha, 4.0 / 9.0, 1e-12);
  // Interval with the same two adjacent values has the same delta (1), so the same alpha.
  auto i = KrippendorffAlpha({{1, 1}, {2, 2}, {1, 2}}, AlphaMetric::kInterval);
  ASSERT_TRUE(i.ok());
  EXPECT_NEAR(i->alpha, 4.0 / 9.0, 1e-12);
}

TEST(KrippendorffAlphaTest, IdenticalRatersGiveOneForEveryMetric) {
  std::mt19937 rng(2024);
  std::uniform_int_distribution<int> value(1, 5);
  std::vector<std::vector<double>> units;
  for (int u = 0; u < 50; ++u) {
    double v = value(rng);
    units.push_back({v, v, v});
  }
  units.push_back({1, 1});
  units.push_back({5, 5});
  for (AlphaMetric m : {AlphaMetric::kNominal, AlphaMetric::kOrdinal, AlphaMetric::kInterval,
                        AlphaMetric::kRatio}) {
    auto r = KrippendorffAlpha(units, m);
    ASSERT_TRUE(r.ok()) << AlphaMetricName(m);
    EXPECT_DOUBLE_EQ(r->alpha, 1.0) << AlphaMetricName(m);
  }
}

TEST(KrippendorffAlphaTest, IsIndependentOfUnitAndValueOrder) {
  auto units = KrippendorffExampleUnits();
  auto before = KrippendorffAlpha(units, AlphaMetric::kOrdinal);
  std::mt19937 rng(99);
  std::shuffle(units.begin(), units.end(), rng);
  for (auto& u : units) std::shuffle(u.begin(), u.end(), rng);
  auto after = KrippendorffAlpha(units, AlphaMetric::kOrdinal);
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_NEAR(before->alpha, after->alpha, 1e-12);
}

TEST(KrippendorffAlphaTest, RejectsDataWithoutPairsOrWithoutVariation) {
  EXPECT_EQ(KrippendorffAlpha({{1}, {2}}, AlphaMetric::kOrdinal).status().message(),
            "alpha needs at least 2 pairable values (units rated twice or more)");
  EXPECT_EQ(KrippendorffAlpha({{3, 3}, {3, 3, 3}}, AlphaMetric::kInterval).status().message(),
            "alpha is undefined: every pairable value is the same");
  EXPECT_FALSE(KrippendorffAlpha({{-1, 2}}, AlphaMetric::kRatio).ok());
}

}  // namespace
}  // namespace kinerja

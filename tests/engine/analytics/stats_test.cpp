#include "engine/analytics/stats.h"

#include <cmath>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

TEST(AnalyticsStats, RoundsHalfAwayFromZeroAtTheDecimalNotTheBinaryImage) {
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(0.285, 2), 0.29);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(1.005, 2), 1.01);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(-0.285, 2), -0.29);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(2.5, 0), 3.0);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(-2.5, 0), -3.0);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(0.28449, 2), 0.28);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(0.0, 4), 0.0);
}

TEST(AnalyticsStats, DescriptiveStatisticsMatchHandValues) {
  std::vector<double> v = {2, 4, 4, 4, 5, 5, 7, 9};
  EXPECT_DOUBLE_EQ(Mean(v), 5.0);
  EXPECT_DOUBLE_EQ(PopulationSd(v), 2.0);
  EXPECT_NEAR(SampleSd(v), std::sqrt(32.0 / 7.0), 1e-12);
  EXPECT_DOUBLE_EQ(SampleSd({3.0}), 0.0);
  double r = 0;
  ASSERT_TRUE(PearsonCorrelation({1, 2, 3, 4}, {2, 4, 6, 8}, &r));
  EXPECT_NEAR(r, 1.0, 1e-12);
  ASSERT_TRUE(PearsonCorrelation({1, 2, 3}, {3, 2, 1}, &r));
  EXPECT_NEAR(r, -1.0, 1e-12);
  EXPECT_FALSE(PearsonCorrelation({1, 1, 1}, {1, 2, 3}, &r));
  EXPECT_FALSE(PearsonCorrelation({1, 2}, {1, 2}, &r));
}

TEST(AnalyticsStats, ShannonEntropyOfUniformIsLog2OfCategories) {
  EXPECT_DOUBLE_EQ(ShannonEntropyBits({5, 5}), 1.0);
  EXPECT_NEAR(ShannonEntropyBits({3, 3, 3}), std::log2(3.0), 1e-12);
  EXPECT_DOUBLE_EQ(ShannonEntropyBits({0, 7, 0}), 0.0);
  EXPECT_DOUBLE_EQ(ShannonEntropyBits({0, 0}), 0.0);
  EXPECT_NEAR(ShannonEntropyBits({1, 3}), 0.8112781244591328, 1e-12);
}

TEST(AnalyticsStats, RegularizedGammaMatchesClosedForms) {
  // P(1, x) = 1 - exp(-x); Q(1/2, x) = erfc(sqrt(x)); P(2, x) = 1 - (1 + x) exp(-x).
  for (double x : {0.01, 0.5, 1.0, 2.0, 5.0, 20.0, 60.0}) {
    EXPECT_NEAR(RegularizedGammaP(1.0, x), 1.0 - std::exp(-x), 1e-13) << x;
    EXPECT_NEAR(RegularizedGammaQ(0.5, x), std::erfc(std::sqrt(x)), 1e-13) << x;
    EXPECT_NEAR(RegularizedGammaP(2.0, x), 1.0 - (1.0 + x) * std::exp(-x), 1e-13) << x;
    EXPECT_NEAR(RegularizedGammaP(3.5, x) + RegularizedGammaQ(3.5, x), 1.0, 1e-13) << x;
  }
  EXPECT_DOUBLE_EQ(RegularizedGammaP(2.0, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(RegularizedGammaQ(2.0, 0.0), 1.0);
  EXPECT_TRUE(std::isnan(RegularizedGammaP(0.0, 1.0)));
  EXPECT_TRUE(std::isnan(RegularizedGammaQ(1.0, -1.0)));
}

TEST(AnalyticsStats, ChiSquareSurvivalMatchesPublishedCriticalValues) {
  // Critical values from standard chi-square tables (upper-tail probability).
  EXPECT_NEAR(ChiSquareSurvival(3.841459, 1), 0.05, 1e-6);
  EXPECT_NEAR(ChiSquareSurvival(6.634897, 1), 0.01, 1e-6);
  EXPECT_NEAR(ChiSquareSurvival(5.991465, 2), 0.05, 1e-6);
  EXPECT_NEAR(ChiSquareSurvival(7.814728, 3), 0.05, 1e-6);
  EXPECT_NEAR(ChiSquareSurvival(13.276704, 4), 0.01, 1e-6);
  EXPECT_NEAR(ChiSquareSurvival(18.307038, 10), 0.05, 1e-6);
  EXPECT_NEAR(ChiSquareSurvival(2.705543, 1), 0.10, 1e-6);
  // df = 2 has the closed form exp(-x/2).
  EXPECT_NEAR(ChiSquareSurvival(10.0, 2), std::exp(-5.0), 1e-14);
  EXPECT_DOUBLE_EQ(ChiSquareSurvival(0.0, 3), 1.0);
  EXPECT_TRUE(std::isnan(ChiSquareSurvival(1.0, 0)));
}

}  // namespace
}  // namespace kinerja

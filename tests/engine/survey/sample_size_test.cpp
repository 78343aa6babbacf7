// Krejcie & Morgan (1970) minimum sample: every row of the table in docs/rules/survey.md
// §"Krejcie-Morgan table".
#include "engine/survey/sample_size.h"

#include <gtest/gtest.h>

namespace kinerja {
namespace {

TEST(KrejcieMorgan, MatchesEveryRowOfThePublishedTable) {
  const int64_t table[][2] = {
      {10, 10},     {20, 19},     {30, 28},     {50, 44},       {75, 63},     {100, 80},
      {110, 86},    {150, 108},   {200, 132},   {220, 140},     {250, 152},   {300, 169},
      {400, 196},   {500, 217},   {750, 254},   {1000, 278},    {1200, 291},  {1300, 297},
      {1400, 302},  {1500, 306},  {2000, 322},  {3000, 341},    {5000, 357},  {10000, 370},
      {20000, 377}, {50000, 381}, {1000000, 384}};
  for (const auto& row : table) {
    Result<int64_t> s = KrejcieMorganSampleSize(row[0]);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(*s, row[1]) << "N = " << row[0];
  }
}

TEST(KrejcieMorgan, RoundsToNearestNotUp) {
  Result<double> exact = KrejcieMorganExact(50);
  ASSERT_TRUE(exact.ok());
  EXPECT_NEAR(*exact, 44.34, 0.01);
  EXPECT_EQ(*KrejcieMorganSampleSize(50), 44);  // a ceiling would give 45
}

TEST(KrejcieMorgan, NeverAsksForMoreThanThePopulation) {
  for (int64_t n = 1; n <= 400; ++n) {
    Result<int64_t> s = KrejcieMorganSampleSize(n);
    ASSERT_TRUE(s.ok());
    EXPECT_LE(*s, n);
    EXPECT_GE(*s, 1);
    if (n > 1) EXPECT_GE(*s, *KrejcieMorganSampleSize(n - 1));  // monotone
  }
  EXPECT_EQ(*KrejcieMorganSampleSize(1), 1);
}

TEST(KrejcieMorgan, VerdictComparesAchievedWithRequired) {
  Result<SampleVerdict> short_sample = CheckSample(500, 120);
  ASSERT_TRUE(short_sample.ok());
  EXPECT_EQ(short_sample->required, 217);
  EXPECT_FALSE(short_sample->sufficient);
  EXPECT_EQ(short_sample->shortfall, 97);
  EXPECT_FALSE(short_sample->exceeds_population);

  Result<SampleVerdict> enough = CheckSample(500, 217);
  EXPECT_TRUE(enough->sufficient);
  EXPECT_EQ(enough->shortfall, 0);

  Result<SampleVerdict> odd = CheckSample(100, 150);
  EXPECT_TRUE(odd->sufficient);
  EXPECT_TRUE(odd->exceeds_population);
}

TEST(KrejcieMorganMalformed, PopulationBelowOneAndNegativeSampleAreRejected) {
  Result<int64_t> zero = KrejcieMorganSampleSize(0);
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.status().message(), "population must be a whole number >= 1, got 0");
  EXPECT_FALSE(KrejcieMorganExact(-5).ok());
  EXPECT_FALSE(CheckSample(100, -1).ok());
  EXPECT_FALSE(CheckSample(0, 10).ok());
}

}  // namespace
}  // namespace kinerja

#include "engine/org/date.h"

#include <gtest/gtest.h>

#include <random>

namespace kinerja::org {
namespace {

TEST(OrgDate, LeapYearsFollowTheGregorianRule) {
  EXPECT_TRUE(IsLeapYear(1984));
  EXPECT_FALSE(IsLeapYear(1985));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(2100));
}

TEST(OrgDate, February29IsValidOnlyInLeapYears) {
  EXPECT_TRUE(IsValidDate(1984, 2, 29));
  EXPECT_FALSE(IsValidDate(1985, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
}

TEST(OrgDate, DaysInMonthCoversEveryMonth) {
  const int expected[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) EXPECT_EQ(DaysInMonth(2025, m), expected[m - 1]) << m;
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2024, 0), 0);
  EXPECT_EQ(DaysInMonth(2024, 13), 0);
}

TEST(OrgDate, DayOfWeekMatchesKnownDates) {
  EXPECT_EQ(DayOfWeek({1970, 1, 1}), 4);   // Thursday
  EXPECT_EQ(DayOfWeek({1945, 8, 17}), 5);  // Friday, Proklamasi
  EXPECT_EQ(DayOfWeek({2000, 2, 29}), 2);  // Tuesday
  EXPECT_EQ(DayOfWeek({2026, 1, 1}), 4);   // Thursday
  EXPECT_EQ(DayOfWeek({2024, 12, 29}), 7); // Sunday
}

TEST(OrgDate, AddDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays({2025, 2, 28}, 1), (Date{2025, 3, 1}));
  EXPECT_EQ(AddDays({2025, 12, 31}, 1), (Date{2026, 1, 1}));
  EXPECT_EQ(AddDays({2026, 1, 1}, -1), (Date{2025, 12, 31}));
  EXPECT_EQ(DaysBetween({2026, 1, 1}, {2027, 1, 1}), 365);
  EXPECT_EQ(DaysBetween({2024, 1, 1}, {2025, 1, 1}), 366);
}

TEST(OrgDate, CivilDaysRoundTripForRandomDates) {
  std::mt19937 rng(20260115);
  std::uniform_int_distribution<int64_t> dist(-719162, 2932896);  // 0001-01-01 .. 9999-12-31
  for (int i = 0; i < 20000; ++i) {
    const int64_t n = dist(rng);
    const Date d = CivilFromDays(n);
    ASSERT_TRUE(IsValidDate(d)) << n;
    ASSERT_EQ(DaysFromCivil(d), n);
    ASSERT_EQ(AddDays(d, 1) > d, true);
  }
}

TEST(OrgDate, FormatAndParseRoundTrip) {
  EXPECT_EQ(FormatDate({2026, 3, 1}), "2026-03-01");
  auto d = ParseDate("2000-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, (Date{2000, 2, 29}));
}

TEST(OrgDateMalformed, ParseDateRejectsBadText) {
  EXPECT_EQ(ParseDate("2026-1-01").status().message(),
            "date '2026-1-01' must have the form YYYY-MM-DD");
  EXPECT_EQ(ParseDate("2026-0a-01").status().message(),
            "date '2026-0a-01' must have the form YYYY-MM-DD (digits only)");
  EXPECT_EQ(ParseDate("2025-02-29").status().message(),
            "date '2025-02-29' is not a calendar date: 2025-02-29: February 2025 has 28 days");
  EXPECT_EQ(ParseDate("2025-13-01").status().message(),
            "date '2025-13-01' is not a calendar date: month 13 is outside 1-12");
  EXPECT_EQ(MakeDate(0, 1, 1).status().message(), "year 0 is outside 1-9999");
}

}  // namespace
}  // namespace kinerja::org

// DaysFromCivil / CivilFromDays: the calendar arithmetic behind dates and timestamps.
#include "shared/civil_date.h"

#include <gtest/gtest.h>

namespace kinerja {
namespace {

TEST(CivilDate, EpochIsDayZero) {
  static_assert(DaysFromCivil(1970, 1, 1) == 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
}

TEST(CivilDate, CountsLeapDays) {
  EXPECT_EQ(DaysFromCivil(2024, 3, 1) - DaysFromCivil(2024, 2, 28), 2);  // 2024 is leap
  EXPECT_EQ(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28), 1);  // 1900 is not
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);  // 2000 is
}

TEST(CivilDate, RoundTripsEveryDayFromYear1To9999) {
  for (int64_t days = DaysFromCivil(1, 1, 1); days <= DaysFromCivil(9999, 12, 31); ++days) {
    const CivilDay c = CivilFromDays(days);
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), days);
  }
}

TEST(CivilDate, DaysFollowEachOtherAcrossMonthsAndYears) {
  const CivilDay a = CivilFromDays(DaysFromCivil(2023, 12, 31) + 1);
  EXPECT_EQ(a.year, 2024);
  EXPECT_EQ(a.month, 1);
  EXPECT_EQ(a.day, 1);
  const CivilDay b = CivilFromDays(DaysFromCivil(2024, 2, 28) + 1);
  EXPECT_EQ(b.month, 2);
  EXPECT_EQ(b.day, 29);
}

}  // namespace
}  // namespace kinerja

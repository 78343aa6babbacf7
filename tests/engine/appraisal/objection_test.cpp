#include "engine/appraisal/objection.h"

#include <gtest/gtest.h>

#include "engine/service/timestamp.h"

namespace kinerja {
namespace {

int64_t At(const char* iso) { return *ParseIsoTimestamp(iso); }

TEST(ObjectionWindow, FourteenCalendarDaysCountedInWibFromTheSignOffDay) {
  // Signed off on Friday 2 October 2026 at 09:00 WIB: the last day is Friday 16 October.
  const int64_t signed_off = At("2026-10-02T09:00:00+07:00");
  EXPECT_EQ(ObjectionDeadlineText(signed_off), "2026-10-16");
  EXPECT_EQ(ObjectionDaysLeft(signed_off, signed_off), 14);
  EXPECT_EQ(ObjectionDaysLeft(signed_off, At("2026-10-16T23:59:00+07:00")), 0);
  EXPECT_EQ(ObjectionDaysLeft(signed_off, At("2026-10-17T00:00:00+07:00")), -1);
}

TEST(ObjectionWindow, ASignOffLateInTheUtcDayIsTheNextWibDay) {
  // 20:00 UTC on 1 October is 03:00 WIB on 2 October: the window counts from 2 October.
  const int64_t signed_off = At("2026-10-01T20:00:00Z");
  EXPECT_EQ(ObjectionDeadlineText(signed_off), "2026-10-16");
  EXPECT_EQ(ObjectionDaysLeft(signed_off, At("2026-10-16T16:59:59Z")), 0);
  EXPECT_EQ(ObjectionDaysLeft(signed_off, At("2026-10-16T17:00:00Z")), -1);
}

TEST(ObjectionWindow, CrossesMonthAndYearEnds) {
  EXPECT_EQ(ObjectionDeadlineText(At("2026-12-25T10:00:00+07:00")), "2027-01-08");
  EXPECT_EQ(ObjectionDeadlineText(At("2028-02-20T10:00:00+07:00")), "2028-03-05");  // leap year
}

}  // namespace
}  // namespace kinerja

#include "engine/org/period.h"

#include <gtest/gtest.h>

#include <random>

namespace kinerja::org {
namespace {

Period P(std::string_view s) {
  auto p = ParsePeriod(s);
  EXPECT_TRUE(p.ok()) << s << ": " << p.status().message();
  return p.ok() ? *p : Period{};
}

TEST(OrgPeriod, ParsesEachStringForm) {
  EXPECT_EQ(P("2026-01"), (Period{PeriodKind::kMonthly, 2026, 1}));
  EXPECT_EQ(P("2026-12"), (Period{PeriodKind::kMonthly, 2026, 12}));
  EXPECT_EQ(P("2026-Q1"), (Period{PeriodKind::kQuarterly, 2026, 1}));
  EXPECT_EQ(P("2026-Q4"), (Period{PeriodKind::kQuarterly, 2026, 4}));
  EXPECT_EQ(P("2026-S2"), (Period{PeriodKind::kSemester, 2026, 2}));
  EXPECT_EQ(P("2026"), (Period{PeriodKind::kAnnual, 2026, 1}));
}

TEST(OrgPeriod, FormatIsTheInverseOfParseForEveryPeriodOfAYear) {
  for (PeriodKind k : {PeriodKind::kMonthly, PeriodKind::kQuarterly, PeriodKind::kSemester,
                       PeriodKind::kAnnual}) {
    for (const Period& p : PeriodsOfYear(k, 2026)) {
      EXPECT_EQ(P(FormatPeriod(p)), p) << FormatPeriod(p);
    }
  }
  EXPECT_EQ(FormatPeriod({PeriodKind::kMonthly, 2026, 3}), "2026-03");
  EXPECT_EQ(FormatPeriod({PeriodKind::kAnnual, 2026, 1}), "2026");
}

TEST(OrgPeriod, StartAndEndAreInclusiveCivilDates) {
  EXPECT_EQ(PeriodStart(P("2026-Q1")), (Date{2026, 1, 1}));
  EXPECT_EQ(PeriodEnd(P("2026-Q1")), (Date{2026, 3, 31}));
  EXPECT_EQ(PeriodStart(P("2026-Q2")), (Date{2026, 4, 1}));
  EXPECT_EQ(PeriodEnd(P("2026-Q2")), (Date{2026, 6, 30}));
  EXPECT_EQ(PeriodEnd(P("2026-Q3")), (Date{2026, 9, 30}));
  EXPECT_EQ(PeriodEnd(P("2026-Q4")), (Date{2026, 12, 31}));
  EXPECT_EQ(PeriodEnd(P("2024-02")), (Date{2024, 2, 29}));
  EXPECT_EQ(PeriodEnd(P("2025-02")), (Date{2025, 2, 28}));
  EXPECT_EQ(PeriodStart(P("2026-S2")), (Date{2026, 7, 1}));
  EXPECT_EQ(PeriodEnd(P("2026-S1")), (Date{2026, 6, 30}));
  EXPECT_EQ(PeriodStart(P("2026")), (Date{2026, 1, 1}));
  EXPECT_EQ(PeriodEnd(P("2026")), (Date{2026, 12, 31}));
}

TEST(OrgPeriod, ContainsDateOnBothSidesOfEachBoundary) {
  const Period q1 = P("2026-Q1");
  EXPECT_FALSE(ContainsDate(q1, {2025, 12, 31}));
  EXPECT_TRUE(ContainsDate(q1, {2026, 1, 1}));
  EXPECT_TRUE(ContainsDate(q1, {2026, 3, 31}));
  EXPECT_FALSE(ContainsDate(q1, {2026, 4, 1}));
  EXPECT_TRUE(ContainsDate(P("2024-02"), {2024, 2, 29}));
}

TEST(OrgPeriod, PeriodContainingADate) {
  EXPECT_EQ(FormatPeriod(PeriodContaining({2026, 3, 31}, PeriodKind::kQuarterly)), "2026-Q1");
  EXPECT_EQ(FormatPeriod(PeriodContaining({2026, 4, 1}, PeriodKind::kQuarterly)), "2026-Q2");
  EXPECT_EQ(FormatPeriod(PeriodContaining({2026, 6, 30}, PeriodKind::kSemester)), "2026-S1");
  EXPECT_EQ(FormatPeriod(PeriodContaining({2026, 7, 1}, PeriodKind::kSemester)), "2026-S2");
  EXPECT_EQ(FormatPeriod(PeriodContaining({2026, 11, 5}, PeriodKind::kMonthly)), "2026-11");
  EXPECT_EQ(FormatPeriod(PeriodContaining({2026, 11, 5}, PeriodKind::kAnnual)), "2026");
}

TEST(OrgPeriod, EveryDateOfAYearFallsInExactlyOnePeriodOfEachKind) {
  for (PeriodKind k : {PeriodKind::kMonthly, PeriodKind::kQuarterly, PeriodKind::kSemester,
                       PeriodKind::kAnnual}) {
    const auto periods = PeriodsOfYear(k, 2024);
    for (Date d{2024, 1, 1}; d.year == 2024; d = AddDays(d, 1)) {
      int hits = 0;
      for (const Period& p : periods) hits += ContainsDate(p, d) ? 1 : 0;
      ASSERT_EQ(hits, 1) << FormatDate(d);
      ASSERT_TRUE(ContainsDate(PeriodContaining(d, k), d));
    }
  }
}

TEST(OrgPeriod, AnnualPeriodAndNextPeriod) {
  EXPECT_EQ(FormatPeriod(AnnualPeriodOf(P("2026-Q3"))), "2026");
  EXPECT_EQ(FormatPeriod(AnnualPeriodOf(P("2026-07"))), "2026");
  EXPECT_EQ(FormatPeriod(NextPeriod(P("2026-Q4"))), "2027-Q1");
  EXPECT_EQ(FormatPeriod(NextPeriod(P("2026-12"))), "2027-01");
  EXPECT_EQ(FormatPeriod(NextPeriod(P("2026-S1"))), "2026-S2");
  EXPECT_EQ(FormatPeriod(NextPeriod(P("2026"))), "2027");
}

// §1.3: the official example labels the quarters "TRIWULAN I/II/III/IV-AKHIR".
TEST(OrgPeriod, QuarterLabelsMatchThe6Of2022Form) {
  EXPECT_EQ(PeriodLabel(P("2026-Q1")), "TRIWULAN I");
  EXPECT_EQ(PeriodLabel(P("2026-Q2")), "TRIWULAN II");
  EXPECT_EQ(PeriodLabel(P("2026-Q3")), "TRIWULAN III");
  EXPECT_EQ(PeriodLabel(P("2026-Q4")), "TRIWULAN IV-AKHIR");
  EXPECT_EQ(PeriodLabel(P("2026-S1")), "SEMESTER I");
  EXPECT_EQ(PeriodLabel(P("2026-S2")), "SEMESTER II-AKHIR");
  EXPECT_EQ(PeriodLabel(P("2026-01")), "BULAN JANUARI");
  EXPECT_EQ(PeriodLabel(P("2026-12")), "BULAN DESEMBER-AKHIR");
  EXPECT_EQ(PeriodLabel(P("2026")), "TAHUNAN");
  EXPECT_EQ(PeriodRangeText(P("2026-Q1")), "1 Januari 2026 sd 31 Maret 2026");
  EXPECT_EQ(PeriodRangeText(P("2026")), "1 Januari 2026 sd 31 Desember 2026");
}

TEST(OrgPeriod, RandomDatesMapIntoTheirContainingPeriods) {
  std::mt19937 rng(314);
  std::uniform_int_distribution<int64_t> days(DaysFromCivil({1950, 1, 1}),
                                              DaysFromCivil({2100, 12, 31}));
  for (int i = 0; i < 5000; ++i) {
    const Date d = CivilFromDays(days(rng));
    for (PeriodKind k : {PeriodKind::kMonthly, PeriodKind::kQuarterly, PeriodKind::kSemester,
                         PeriodKind::kAnnual}) {
      const Period p = PeriodContaining(d, k);
      ASSERT_TRUE(ContainsDate(p, d));
      ASSERT_TRUE(ContainsDate(AnnualPeriodOf(p), d));
      ASSERT_FALSE(ContainsDate(NextPeriod(p), d));
    }
  }
}

TEST(OrgPeriodMalformed, RejectsBadFormsWithTheAcceptedForms) {
  const std::string forms =
      "must be YYYY (annual), YYYY-MM (monthly), YYYY-Qn (quarterly, n 1-4) or YYYY-Sn "
      "(semester, n 1-2)";
  for (const char* bad : {"", "26", "2026-1", "2026-q1", "2026-Q", "2026/01", "2026-001",
                          "2026-T1", "20261", "abcd", "2026-Q1 ", " 2026"}) {
    auto r = ParsePeriod(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().message(), "period '" + std::string(bad) + "' " + forms) << bad;
  }
  EXPECT_EQ(ParsePeriod("2026-13").status().message(),
            "period '2026-13' has monthly index 13; it must be 1-12");
  EXPECT_EQ(ParsePeriod("2026-00").status().message(),
            "period '2026-00' has monthly index 0; it must be 1-12");
  EXPECT_EQ(ParsePeriod("2026-Q5").status().message(),
            "period '2026-Q5' has quarterly index 5; it must be 1-4");
  EXPECT_EQ(ParsePeriod("2026-Q0").status().message(),
            "period '2026-Q0' has quarterly index 0; it must be 1-4");
  EXPECT_EQ(ParsePeriod("2026-S3").status().message(),
            "period '2026-S3' has semester index 3; it must be 1-2");
  EXPECT_EQ(ParsePeriod("1949").status().message(),
            "period '1949' has year 1949; years must be 1950-9999");
  EXPECT_EQ(MakePeriod(PeriodKind::kQuarterly, 2026, 5).status().message(),
            "quarterly period index 5 is outside 1-4");
  EXPECT_EQ(ParsePeriodKind("yearly").status().message(),
            "period kind 'yearly' is not one of monthly, quarterly, semester, annual");
}

}  // namespace
}  // namespace kinerja::org

namespace kinerja::org {
namespace {

TEST(AppraisalPeriodAt, IsTheCalendarYearInWib) {
  // 2025-12-31T16:59:59Z is 23:59:59 WIB; one second later it is 2026 in Palangkaraya.
  EXPECT_EQ(AppraisalPeriod(1767200399), "2025");
  EXPECT_EQ(AppraisalPeriod(1767200400), "2026");
  EXPECT_EQ(AppraisalPeriod(1'800'000'000), "2027");
}

}  // namespace
}  // namespace kinerja::org

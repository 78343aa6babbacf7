#include "engine/org/nip.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace kinerja::org {
namespace {

const Date kToday{2026, 1, 15};

TEST(OrgNip, ExposesEveryPartOfAValidNip) {
  auto nip = ParseNip("19850312 201001 1 003", kToday);
  ASSERT_TRUE(nip.ok()) << nip.status().ToString();
  EXPECT_EQ(nip->birth_date(), (Date{1985, 3, 12}));
  EXPECT_EQ(nip->tmt_year(), 2010);
  EXPECT_EQ(nip->tmt_month(), 1);
  EXPECT_EQ(nip->gender(), Gender::kMale);
  EXPECT_EQ(nip->sequence(), 3);
  EXPECT_EQ(nip->canonical(), "198503122010011003");
  EXPECT_EQ(nip->formatted(), "19850312 201001 1 003");
}

TEST(OrgNip, SpacedAndUnspacedFormsAreTheSameNip) {
  auto a = ParseNip("198008152005012002", kToday);
  auto b = ParseNip("19800815 200501 2 002", kToday);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(a->gender(), Gender::kFemale);
  EXPECT_STREQ(GenderName(a->gender()), "female");
}

TEST(OrgNip, LeapDayBirthDatesFollowTheCalendar) {
  EXPECT_TRUE(ParseNip("19840229 200801 1 001", kToday).ok());
  EXPECT_FALSE(ParseNip("19850229 200801 1 001", kToday).ok());
  EXPECT_FALSE(ParseNip("19000229 195001 1 001", kToday).ok());
  EXPECT_TRUE(ParseNip("20000229 201803 2 001", kToday).ok());
}

TEST(OrgNip, TmtIsAllowedFromTheMonthTheHolderTurns18) {
  EXPECT_FALSE(ParseNip("20000229 201801 2 001", kToday).ok());
  EXPECT_TRUE(ParseNip("20000229 201802 2 001", kToday).ok());
}

TEST(OrgNip, BirthYearUpperBoundComesFromTodayNotAClock) {
  // Born 2007-12-01: 18 in 2025-12; valid with today 2026, impossible with today 2006.
  EXPECT_TRUE(ParseNip("20071201 202512 1 001", kToday).ok());
  auto r = ParseNip("20071201 202512 1 001", Date{2006, 6, 1});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "NIP birth year 2007 (digits 1-4) must be 1940-2006");
  auto ahead = ParseNip("20071201 202512 1 001", Date{2020, 6, 1});
  ASSERT_FALSE(ahead.ok());
  EXPECT_EQ(ahead.status().message(),
            "NIP TMT 2025-12 (digits 9-14) is more than 12 months after today; latest allowed "
            "2021-06");
  auto later = ParseNip("20260301 204401 1 001", kToday);
  ASSERT_FALSE(later.ok());
  EXPECT_EQ(later.status().message(),
            "NIP birth date 2026-03-01 (digits 1-8) is after today (2026-01-15)");
}

// Golden cases from tests/data/org/nip_cases.tsv: "ok" or a fragment of the message.
TEST(OrgNip, GoldenCasesFromTheFixtureFile) {
  std::ifstream in(std::string(KINERJA_TEST_DATA) + "/org/nip_cases.tsv");
  ASSERT_TRUE(in.good());
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string input = line.substr(0, tab);
    const std::string expected = line.substr(tab + 1);
    auto r = ParseNip(input, kToday);
    if (expected == "ok") {
      EXPECT_TRUE(r.ok()) << "'" << input << "': " << r.status().message();
    } else {
      ASSERT_FALSE(r.ok()) << "'" << input << "' should fail with: " << expected;
      EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
      EXPECT_NE(r.status().message().find(expected), std::string::npos)
          << "'" << input << "' gave: " << r.status().message();
    }
    ++cases;
  }
  EXPECT_GE(cases, 35);
}

TEST(OrgNipMalformed, MessagesNameTheDigitsAndTheAllowedRange) {
  EXPECT_EQ(ParseNip("19850312 201001 1 000", kToday).status().message(),
            "NIP sequence (digits 16-18) is 000; it must be 001-999");
  EXPECT_EQ(ParseNip("19850312 201001 5 003", kToday).status().message(),
            "NIP gender digit (digit 15) is 5; it must be 1 (male) or 2 (female)");
  EXPECT_EQ(ParseNip("1985", kToday).status().message(),
            "NIP has 4 digits; it must have exactly 18 (YYYYMMDD birth date, YYYYMM TMT, gender "
            "digit, 3-digit sequence)");
  EXPECT_EQ(ParseNip("19850312.201001.1.003", kToday).status().message(),
            "NIP has '.' at position 9; only digits and single spaces between the groups are "
            "allowed");
  EXPECT_EQ(ParseNip("19850312\t201001 1 003", kToday).status().message(),
            "NIP has a non-digit character (byte 0x09) at position 9; only digits and single "
            "spaces between the groups are allowed");
  EXPECT_EQ(ParseNip("19850312 201001 1 003\n", kToday).status().code(), Code::kInvalidArgument);
  // A UTF-8 multibyte digit lookalike (full-width 1) is rejected at its first byte.
  EXPECT_EQ(ParseNip("\xEF\xBC\x91" "9850312 201001 1 003", kToday).status().message(),
            "NIP has a non-digit character (byte 0xEF) at position 1; only digits and single "
            "spaces between the groups are allowed");
}

TEST(OrgNip, RandomValidNipsRoundTripThroughBothForms) {
  std::mt19937 rng(42);
  int checked = 0;
  for (int i = 0; i < 5000; ++i) {
    const int by = std::uniform_int_distribution<int>(1940, 2007)(rng);
    const int bm = std::uniform_int_distribution<int>(1, 12)(rng);
    const int bd = std::uniform_int_distribution<int>(1, DaysInMonth(by, bm))(rng);
    const int first_tmt = std::max(1950 * 12, (by + 18) * 12 + bm - 1);
    const int last_tmt = 2026 * 12;  // 2026-01
    if (first_tmt > last_tmt) continue;
    const int t = std::uniform_int_distribution<int>(first_tmt, last_tmt)(rng);
    const int g = std::uniform_int_distribution<int>(1, 2)(rng);
    const int seq = std::uniform_int_distribution<int>(1, 999)(rng);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d%04d%02d%d%03d", by, bm, bd, t / 12, t % 12 + 1, g,
                  seq);
    auto nip = ParseNip(buf, kToday);
    ASSERT_TRUE(nip.ok()) << buf << ": " << nip.status().message();
    EXPECT_EQ(nip->canonical(), buf);
    auto again = ParseNip(nip->formatted(), kToday);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *nip);
    EXPECT_EQ(nip->birth_date(), (Date{by, bm, bd}));
    EXPECT_EQ(nip->sequence(), seq);
    ++checked;
  }
  EXPECT_GT(checked, 4000);
}

TEST(OrgNip, RandomBytesNeverCrashAndFailWithInvalidArgument) {
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789 0123456789-x\t";
  for (int i = 0; i < 20000; ++i) {
    const int len = std::uniform_int_distribution<int>(0, 24)(rng);
    std::string s;
    for (int k = 0; k < len; ++k) {
      s.push_back(alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)]);
    }
    auto r = ParseNip(s, kToday);
    if (!r.ok()) {
      ASSERT_EQ(r.status().code(), Code::kInvalidArgument);
      ASSERT_EQ(r.status().message().rfind("NIP ", 0), 0u);
    } else {
      ASSERT_EQ(r->canonical().size(), 18u);
    }
  }
}

}  // namespace
}  // namespace kinerja::org

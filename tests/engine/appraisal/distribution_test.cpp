#include "engine/appraisal/distribution.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/appraisal/builtin_templates.h"

namespace kinerja {
namespace {

const Template& T6() {
  static const Template t = *BuiltinTemplate("permenpanrb-6-2022.v1");
  return t;
}

// Staff list from counts, best first: Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang.
std::vector<Predikat> Staff(int sb, int b, int bp, int k, int sk) {
  std::vector<Predikat> v;
  v.insert(v.end(), sb, Predikat::kSangatBaik);
  v.insert(v.end(), b, Predikat::kBaik);
  v.insert(v.end(), bp, Predikat::kButuhPerbaikan);
  v.insert(v.end(), k, Predikat::kKurang);
  v.insert(v.end(), sk, Predikat::kSangatKurang);
  return v;
}

DistributionReport Check(OrgPredikat org, const std::vector<Predikat>& staff) {
  auto r = CheckDistribution(T6(), org, staff);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : DistributionReport{};
}

const DistributionCheck* Find(const DistributionReport& r, const std::string& id) {
  for (const auto& c : r.checks) {
    if (c.rule->id == id) return &c;
  }
  ADD_FAILURE() << "rule " << id << " not checked";
  return nullptr;
}

void ExpectRule(const DistributionReport& r, const std::string& id, bool ok, int bound,
                int actual) {
  const DistributionCheck* c = Find(r, id);
  if (!c) return;
  EXPECT_EQ(c->ok, ok) << id;
  EXPECT_EQ(c->bound_count, bound) << id;
  EXPECT_EQ(c->actual_count, actual) << id;
}

TEST(AppraisalDistribution, PercentBoundsRoundMaximaDownAndMinimaUp) {
  EXPECT_EQ(PercentBound(DistributionRuleKind::kMaxPercent, 70, 7), 4);   // 4.9 -> 4
  EXPECT_EQ(PercentBound(DistributionRuleKind::kMaxPercent, 70, 10), 7);  // exact
  EXPECT_EQ(PercentBound(DistributionRuleKind::kMinPercent, 60, 7), 5);   // 4.2 -> 5
  EXPECT_EQ(PercentBound(DistributionRuleKind::kMinPercent, 60, 10), 6);  // exact
  EXPECT_EQ(PercentBound(DistributionRuleKind::kMinPercent, 10, 7), 1);   // 0.7 -> 1
  EXPECT_EQ(PercentBound(DistributionRuleKind::kMaxPercent, 10, 9), 0);   // 0.9 -> 0
  EXPECT_EQ(PercentBound(DistributionRuleKind::kMaxPercent, 10, 20), 2);
}

// ---- Istimewa: most, max 70 %, Sangat Baik

TEST(AppraisalDistribution, IstimewaAllowsSevenSangatBaikOfTen) {
  auto r = Check(OrgPredikat::kIstimewa, Staff(7, 3, 0, 0, 0));
  ExpectRule(r, "ISTIMEWA_SB_MAX_70", true, 7, 7);
  ExpectRule(r, "ISTIMEWA_SB_MOST", true, 3, 7);
  EXPECT_TRUE(r.all_ok);
  EXPECT_EQ(r.checks.size(), 2u);
}

TEST(AppraisalDistribution, IstimewaRejectsEightSangatBaikOfTen) {
  auto r = Check(OrgPredikat::kIstimewa, Staff(8, 2, 0, 0, 0));
  ExpectRule(r, "ISTIMEWA_SB_MAX_70", false, 7, 8);
  EXPECT_DOUBLE_EQ(Find(r, "ISTIMEWA_SB_MAX_70")->actual_percent, 80.0);
  EXPECT_FALSE(r.all_ok);
}

TEST(AppraisalDistribution, IstimewaOfSevenStaffAllowsFourNotFive) {
  ExpectRule(Check(OrgPredikat::kIstimewa, Staff(4, 3, 0, 0, 0)), "ISTIMEWA_SB_MAX_70", true, 4, 4);
  auto r = Check(OrgPredikat::kIstimewa, Staff(5, 2, 0, 0, 0));
  ExpectRule(r, "ISTIMEWA_SB_MAX_70", false, 4, 5);
  EXPECT_DOUBLE_EQ(Find(r, "ISTIMEWA_SB_MAX_70")->actual_percent, 71.43);
}

TEST(AppraisalDistribution, IstimewaNeedsSangatBaikToBeTheLargestGroup) {
  ExpectRule(Check(OrgPredikat::kIstimewa, Staff(4, 4, 2, 0, 0)), "ISTIMEWA_SB_MOST", true, 4, 4);
  ExpectRule(Check(OrgPredikat::kIstimewa, Staff(3, 4, 3, 0, 0)), "ISTIMEWA_SB_MOST", false, 4, 3);
}

// ---- Baik: most, max 70 %, Baik; some Butuh Perbaikan and/or Kurang

TEST(AppraisalDistribution, BaikAllowsSevenBaikOfTenNotEight) {
  ExpectRule(Check(OrgPredikat::kBaik, Staff(2, 7, 1, 0, 0)), "BAIK_B_MAX_70", true, 7, 7);
  ExpectRule(Check(OrgPredikat::kBaik, Staff(1, 8, 1, 0, 0)), "BAIK_B_MAX_70", false, 7, 8);
}

TEST(AppraisalDistribution, BaikNeedsAtLeastOneButuhPerbaikanOrKurang) {
  ExpectRule(Check(OrgPredikat::kBaik, Staff(3, 6, 0, 1, 0)), "BAIK_BP_OR_K_PRESENT", true, 1, 1);
  ExpectRule(Check(OrgPredikat::kBaik, Staff(3, 6, 1, 0, 0)), "BAIK_BP_OR_K_PRESENT", true, 1, 1);
  auto r = Check(OrgPredikat::kBaik, Staff(3, 6, 0, 0, 1));
  ExpectRule(r, "BAIK_BP_OR_K_PRESENT", false, 1, 0);
  EXPECT_FALSE(r.all_ok);
}

TEST(AppraisalDistribution, BaikNeedsBaikToBeTheLargestGroup) {
  ExpectRule(Check(OrgPredikat::kBaik, Staff(4, 4, 2, 0, 0)), "BAIK_B_MOST", true, 4, 4);
  ExpectRule(Check(OrgPredikat::kBaik, Staff(5, 4, 1, 0, 0)), "BAIK_B_MOST", false, 5, 4);
}

TEST(AppraisalDistribution, BaikAllowsSangatBaikAndSangatKurangInTheRest) {
  auto r = Check(OrgPredikat::kBaik, Staff(2, 6, 1, 0, 1));
  EXPECT_TRUE(r.all_ok);
  EXPECT_EQ(r.checks.size(), 3u);
}

// ---- Butuh Perbaikan: min 60 % BP; Sangat Baik max 10 %

TEST(AppraisalDistribution, ButuhPerbaikanNeedsSixOfTen) {
  ExpectRule(Check(OrgPredikat::kButuhPerbaikan, Staff(0, 4, 6, 0, 0)), "BP_BP_MIN_60", true, 6, 6);
  ExpectRule(Check(OrgPredikat::kButuhPerbaikan, Staff(0, 5, 5, 0, 0)), "BP_BP_MIN_60", false, 6, 5);
}

TEST(AppraisalDistribution, ButuhPerbaikanOfSevenNeedsFiveNotFour) {
  ExpectRule(Check(OrgPredikat::kButuhPerbaikan, Staff(0, 2, 5, 0, 0)), "BP_BP_MIN_60", true, 5, 5);
  ExpectRule(Check(OrgPredikat::kButuhPerbaikan, Staff(0, 3, 4, 0, 0)), "BP_BP_MIN_60", false, 5, 4);
}

TEST(AppraisalDistribution, ButuhPerbaikanAllowsOneSangatBaikOfTenNotTwo) {
  ExpectRule(Check(OrgPredikat::kButuhPerbaikan, Staff(1, 2, 7, 0, 0)), "BP_SB_MAX_10", true, 1, 1);
  ExpectRule(Check(OrgPredikat::kButuhPerbaikan, Staff(2, 1, 7, 0, 0)), "BP_SB_MAX_10", false, 1, 2);
  // 9 staff: 10 % = 0.9 -> no Sangat Baik at all.
  ExpectRule(Check(OrgPredikat::kButuhPerbaikan, Staff(1, 1, 7, 0, 0)), "BP_SB_MAX_10", false, 0, 1);
}

// ---- Kurang: min 60 % Kurang; min 10 % BP; Sangat Baik max 10 %

TEST(AppraisalDistribution, KurangNeedsSixKurangOfTen) {
  ExpectRule(Check(OrgPredikat::kKurang, Staff(0, 3, 1, 6, 0)), "KURANG_K_MIN_60", true, 6, 6);
  ExpectRule(Check(OrgPredikat::kKurang, Staff(0, 4, 1, 5, 0)), "KURANG_K_MIN_60", false, 6, 5);
}

TEST(AppraisalDistribution, KurangNeedsTwoButuhPerbaikanOfTwenty) {
  ExpectRule(Check(OrgPredikat::kKurang, Staff(0, 6, 2, 12, 0)), "KURANG_BP_MIN_10", true, 2, 2);
  ExpectRule(Check(OrgPredikat::kKurang, Staff(0, 7, 1, 12, 0)), "KURANG_BP_MIN_10", false, 2, 1);
}

TEST(AppraisalDistribution, KurangAllowsTwoSangatBaikOfTwentyNotThree) {
  ExpectRule(Check(OrgPredikat::kKurang, Staff(2, 4, 2, 12, 0)), "KURANG_SB_MAX_10", true, 2, 2);
  ExpectRule(Check(OrgPredikat::kKurang, Staff(3, 3, 2, 12, 0)), "KURANG_SB_MAX_10", false, 2, 3);
}

// ---- Sangat Kurang: min 60 % SK; min 10 % Kurang and/or BP; no Sangat Baik

TEST(AppraisalDistribution, SangatKurangNeedsSixOfTen) {
  ExpectRule(Check(OrgPredikat::kSangatKurang, Staff(0, 3, 0, 1, 6)), "SK_SK_MIN_60", true, 6, 6);
  ExpectRule(Check(OrgPredikat::kSangatKurang, Staff(0, 4, 0, 1, 5)), "SK_SK_MIN_60", false, 6, 5);
}

TEST(AppraisalDistribution, SangatKurangNeedsKurangOrButuhPerbaikan) {
  ExpectRule(Check(OrgPredikat::kSangatKurang, Staff(0, 3, 1, 0, 6)), "SK_K_OR_BP_MIN_10", true, 1, 1);
  ExpectRule(Check(OrgPredikat::kSangatKurang, Staff(0, 3, 1, 1, 15)), "SK_K_OR_BP_MIN_10", true, 2, 2);
  ExpectRule(Check(OrgPredikat::kSangatKurang, Staff(0, 4, 0, 0, 6)), "SK_K_OR_BP_MIN_10", false, 1, 0);
  ExpectRule(Check(OrgPredikat::kSangatKurang, Staff(0, 4, 0, 1, 15)), "SK_K_OR_BP_MIN_10", false, 2, 1);
}

TEST(AppraisalDistribution, SangatKurangAllowsNoSangatBaik) {
  ExpectRule(Check(OrgPredikat::kSangatKurang, Staff(0, 3, 1, 0, 6)), "SK_SB_NONE", true, 0, 0);
  ExpectRule(Check(OrgPredikat::kSangatKurang, Staff(1, 2, 1, 0, 6)), "SK_SB_NONE", false, 0, 1);
}

// ---- small units, properties, errors

TEST(AppraisalDistribution, OnePersonIstimewaUnitCannotSatisfyTheRules) {
  auto r = Check(OrgPredikat::kIstimewa, Staff(1, 0, 0, 0, 0));
  EXPECT_FALSE(r.all_ok);
  ASSERT_TRUE(r.feasible.has_value());
  EXPECT_FALSE(*r.feasible);
}

TEST(AppraisalDistribution, FeasibilityIsReportedForSmallUnits) {
  auto r = Check(OrgPredikat::kBaik, Staff(0, 7, 0, 0, 0));
  EXPECT_FALSE(r.all_ok);
  ASSERT_TRUE(r.feasible.has_value());
  EXPECT_TRUE(*r.feasible);  // e.g. 4 Baik, 1 Butuh Perbaikan, 2 Sangat Baik
  // Sangat Kurang needs >= 60 % SK and >= 10 % K/BP: impossible for one person.
  auto one = Check(OrgPredikat::kSangatKurang, Staff(0, 0, 0, 0, 1));
  ASSERT_TRUE(one.feasible.has_value());
  EXPECT_FALSE(*one.feasible);
  // Above the enumeration limit feasibility is not computed.
  auto big = Check(OrgPredikat::kBaik, Staff(0, 50, 0, 0, 0));
  EXPECT_FALSE(big.feasible.has_value());
}

TEST(AppraisalDistribution, EveryOrgPredikatIsFeasibleFromTenStaff) {
  for (int o = 0; o < kOrgPredikatCount; ++o) {
    for (int n = 10; n <= kFeasibilityLimit; ++n) {
      // An all-Sangat-Kurang unit violates something for every org predikat except
      // (maybe) Sangat Kurang; feasibility is what matters here.
      auto r = Check(static_cast<OrgPredikat>(o), Staff(0, 0, 0, 0, n));
      ASSERT_TRUE(r.feasible.has_value());
      EXPECT_TRUE(*r.feasible) << OrgPredikatCode(static_cast<OrgPredikat>(o)) << " n=" << n;
    }
  }
}

TEST(AppraisalDistribution, ResultDoesNotDependOnStaffOrder) {
  std::vector<Predikat> staff = Staff(2, 9, 3, 2, 1);
  auto base = Check(OrgPredikat::kBaik, staff);
  std::vector<Predikat> rev(staff.rbegin(), staff.rend());
  auto r = Check(OrgPredikat::kBaik, rev);
  ASSERT_EQ(base.checks.size(), r.checks.size());
  for (size_t i = 0; i < r.checks.size(); ++i) {
    EXPECT_EQ(base.checks[i].ok, r.checks[i].ok);
    EXPECT_EQ(base.checks[i].actual_count, r.checks[i].actual_count);
  }
  EXPECT_EQ(base.counts, r.counts);
}

TEST(AppraisalDistributionMalformed, EmptyUnitIsAnError) {
  auto r = CheckDistribution(T6(), OrgPredikat::kBaik, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "the unit has no staff predikat to check");
}

}  // namespace
}  // namespace kinerja

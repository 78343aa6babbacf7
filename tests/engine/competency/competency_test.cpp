#include "engine/competency/competency.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

TEST(CompetencyDictionary, HasTheEightManagerialAndOneSocioCulturalCompetency) {
  const auto& d = StandardCompetencies();
  ASSERT_EQ(d.size(), 9u);
  const char* expected[9][2] = {{"M.01", "Integritas"},
                                {"M.02", "Kerjasama"},
                                {"M.03", "Komunikasi"},
                                {"M.04", "Orientasi pada Hasil"},
                                {"M.05", "Pelayanan Publik"},
                                {"M.06", "Pengembangan Diri dan Orang Lain"},
                                {"M.07", "Mengelola Perubahan"},
                                {"M.08", "Pengambilan Keputusan"},
                                {"S.01", "Perekat Bangsa"}};
  for (size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(d[i].code, expected[i][0]);
    EXPECT_EQ(d[i].name, expected[i][1]);
    EXPECT_EQ(d[i].type, i < 8 ? CompetencyType::kManajerial : CompetencyType::kSosialKultural);
  }
  ASSERT_NE(FindStandardCompetency("M.05"), nullptr);
  EXPECT_EQ(FindStandardCompetency("M.05")->name, "Pelayanan Publik");
  EXPECT_EQ(FindStandardCompetency("M.09"), nullptr);
  EXPECT_EQ(FindStandardCompetency("T.01"), nullptr);
}

TEST(CompetencyDefaults, ManagerialLevelsByJenjangFollowDomainTable) {
  EXPECT_EQ(DefaultManagerialLevel(Jenjang::kJptUtama), 5);
  EXPECT_EQ(DefaultManagerialLevel(Jenjang::kJptMadya), 5);
  EXPECT_EQ(DefaultManagerialLevel(Jenjang::kJptPratama), 4);
  EXPECT_EQ(DefaultManagerialLevel(Jenjang::kAdministrator), 3);
  EXPECT_EQ(DefaultManagerialLevel(Jenjang::kPengawas), 2);
  EXPECT_EQ(DefaultManagerialLevel(Jenjang::kPelaksana), 1);
  PositionProfile p = DefaultManagerialProfile(Jenjang::kAdministrator, "KABID");
  ASSERT_EQ(p.competencies.size(), 8u);
  for (const auto& c : p.competencies) {
    EXPECT_EQ(c.required_level, 3);
    EXPECT_TRUE(c.level_is_default);
    EXPECT_EQ(c.type, CompetencyType::kManajerial);
  }
  Jenjang j = Jenjang::kPelaksana;
  EXPECT_TRUE(ParseJenjang("jpt_pratama", &j));
  EXPECT_EQ(j, Jenjang::kJptPratama);
  EXPECT_FALSE(ParseJenjang("eselon_2", &j));
}

// A profile of ten competencies required at level 5 (sum 50): each assessed point is 2 %.
PositionProfile TenAtFive() {
  PositionProfile p;
  p.id = "P10";
  for (int i = 1; i <= 10; ++i) {
    p.competencies.push_back({"T." + std::to_string(i), CompetencyType::kTeknis, 5, 1.0, false});
  }
  return p;
}

std::vector<AssessedLevel> LevelsSumming(int sum) {
  std::vector<AssessedLevel> a;
  for (int i = 1; i <= 10; ++i) {
    int level = std::min(5, std::max(1, sum - (10 - i)));  // greedy fill, each at least 1
    level = std::min(level, 5);
    a.push_back({"T." + std::to_string(i), level});
    sum -= level;
  }
  return a;
}

struct JpmCase {
  int sum;
  double jpm;
  const char* mapping;
  const char* selection;
};

TEST(Jpm, CategoriesOnBothSidesOfEveryBound) {
  const JpmCase cases[] = {
      {50, 100.00, "O", "MS"},  {45, 90.00, "O", "MS"},   {44, 88.00, "CO", "MS"},
      {40, 80.00, "CO", "MS"},  {39, 78.00, "CO", "MMS"}, {38, 76.00, "KO", "MMS"},
      {34, 68.00, "KO", "MMS"}, {33, 66.00, "KO", "KMS"}, {10, 20.00, "KO", "KMS"},
  };
  for (const auto& c : cases) {
    auto r = AssessEmployee(TenAtFive(), LevelsSumming(c.sum));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->jpm.sum_assessed_capped, c.sum);
    EXPECT_DOUBLE_EQ(r->jpm.jpm, c.jpm) << c.sum;
    EXPECT_STREQ(MappingCategoryCode(r->jpm.mapping), c.mapping) << c.sum;
    EXPECT_STREQ(SelectionCategoryCode(r->jpm.selection), c.selection) << c.sum;
  }
}

TEST(Jpm, ExactIntegerBoundsLeaveNoRoundingGap) {
  // 899/1000 = 89.9 % is below Optimal; 9/10 is exactly on it.
  EXPECT_EQ(ClassifyForMapping(899, 1000), MappingCategory::kCukupOptimal);
  EXPECT_EQ(ClassifyForMapping(9, 10), MappingCategory::kOptimal);
  EXPECT_EQ(ClassifyForMapping(389, 500), MappingCategory::kKurangOptimal);  // 77.8
  EXPECT_EQ(ClassifyForMapping(39, 50), MappingCategory::kCukupOptimal);     // 78
  EXPECT_EQ(ClassifyForSelection(399, 500), SelectionCategory::kMasihMemenuhiSyarat);  // 79.8
  EXPECT_EQ(ClassifyForSelection(4, 5), SelectionCategory::kMemenuhiSyarat);           // 80
  EXPECT_EQ(ClassifyForSelection(339, 500), SelectionCategory::kKurangMemenuhiSyarat);  // 67.8
  EXPECT_EQ(ClassifyForSelection(17, 25), SelectionCategory::kMasihMemenuhiSyarat);    // 68
}

TEST(Jpm, PercentageClassifiersHaveInclusiveLowerBounds) {
  EXPECT_EQ(ClassifyForMapping(90.0), MappingCategory::kOptimal);
  EXPECT_EQ(ClassifyForMapping(89.99), MappingCategory::kCukupOptimal);
  EXPECT_EQ(ClassifyForMapping(78.0), MappingCategory::kCukupOptimal);
  EXPECT_EQ(ClassifyForMapping(77.99), MappingCategory::kKurangOptimal);
  EXPECT_EQ(ClassifyForSelection(80.0), SelectionCategory::kMemenuhiSyarat);
  EXPECT_EQ(ClassifyForSelection(79.99), SelectionCategory::kMasihMemenuhiSyarat);
  EXPECT_EQ(ClassifyForSelection(68.0), SelectionCategory::kMasihMemenuhiSyarat);
  EXPECT_EQ(ClassifyForSelection(67.99), SelectionCategory::kKurangMemenuhiSyarat);
  EXPECT_STREQ(MappingCategoryName(MappingCategory::kCukupOptimal), "Cukup Optimal");
  EXPECT_STREQ(SelectionCategoryName(SelectionCategory::kMasihMemenuhiSyarat),
               "Masih Memenuhi Syarat");
}

TEST(Jpm, SurplusInOneCompetencyCannotMaskAGapInAnother) {
  PositionProfile p;
  p.id = "P";
  p.competencies = {{"M.01", CompetencyType::kManajerial, 3, 1.0, false},
                    {"M.02", CompetencyType::kManajerial, 3, 1.0, false}};
  auto r = AssessEmployee(p, {{"M.01", 5}, {"M.02", 1}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->jpm.sum_assessed, 6);
  EXPECT_EQ(r->jpm.sum_assessed_capped, 4);
  EXPECT_DOUBLE_EQ(r->jpm.jpm_raw, 100.00);
  EXPECT_DOUBLE_EQ(r->jpm.jpm, 66.67);
  EXPECT_EQ(r->jpm.mapping, MappingCategory::kKurangOptimal);
  EXPECT_EQ(r->jpm.selection, SelectionCategory::kKurangMemenuhiSyarat);
  EXPECT_EQ(r->gaps[0].gap, 2);
  EXPECT_EQ(r->gaps[1].gap, -2);
  // Raw JPM can exceed 100 (the 138.89 % seen in one implementation): 25/18.
  PositionProfile q;
  q.id = "Q";
  for (int i = 0; i < 6; ++i) {
    q.competencies.push_back({"T" + std::to_string(i), CompetencyType::kTeknis, 3, 1.0, false});
  }
  std::vector<AssessedLevel> a;
  for (int i = 0; i < 6; ++i) a.push_back({"T" + std::to_string(i), i == 0 ? 5 : 4});
  auto r2 = AssessEmployee(q, a);
  ASSERT_TRUE(r2.ok());
  EXPECT_DOUBLE_EQ(r2->jpm.jpm_raw, 138.89);
  EXPECT_DOUBLE_EQ(r2->jpm.jpm, 100.00);
}

TEST(Jpm, PercentRoundsHalfAwayFromZeroInIntegers) {
  EXPECT_DOUBLE_EQ(PercentHalfAwayFromZero2(2, 3), 66.67);
  EXPECT_DOUBLE_EQ(PercentHalfAwayFromZero2(1, 3), 33.33);
  EXPECT_DOUBLE_EQ(PercentHalfAwayFromZero2(1, 800), 0.13);  // 0.125 -> 0.13
  EXPECT_DOUBLE_EQ(PercentHalfAwayFromZero2(-1, 800), -0.13);
  EXPECT_DOUBLE_EQ(PercentHalfAwayFromZero2(7, 7), 100.0);
}

TEST(Jpm, CappedJpmStaysWithinZeroToHundredForRandomInput) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> level(1, 5), count(1, 12);
  for (int t = 0; t < 500; ++t) {
    PositionProfile p;
    p.id = "R";
    std::vector<AssessedLevel> a;
    int n = count(rng);
    for (int i = 0; i < n; ++i) {
      std::string code = "C" + std::to_string(i);
      p.competencies.push_back({code, CompetencyType::kTeknis, level(rng), 1.0, false});
      a.push_back({code, level(rng)});
    }
    auto forward = AssessEmployee(p, a);
    std::shuffle(a.begin(), a.end(), rng);
    auto shuffled = AssessEmployee(p, a);
    ASSERT_TRUE(forward.ok() && shuffled.ok());
    EXPECT_GT(forward->jpm.jpm, 0.0);
    EXPECT_LE(forward->jpm.jpm, 100.0);
    EXPECT_LE(forward->jpm.jpm, forward->jpm.jpm_raw);
    EXPECT_DOUBLE_EQ(forward->jpm.jpm, shuffled->jpm.jpm);
    EXPECT_EQ(forward->jpm.mapping, ClassifyForMapping(forward->jpm.jpm));
  }
}

TEST(CompetencyMalformed, AssessEmployeeNamesTheCompetency) {
  PositionProfile p;
  p.id = "KASI";
  p.competencies = {{"M.01", CompetencyType::kManajerial, 2, 1.0, false}};
  EXPECT_EQ(AssessEmployee(p, {}).status().message(),
            "no assessed level for M.01, which position KASI requires");
  EXPECT_EQ(AssessEmployee(p, {{"M.01", 6}}).status().message(),
            "assessed level of M.01 is 6; levels are 1-5");
  p.competencies[0].required_level = 0;
  EXPECT_EQ(AssessEmployee(p, {{"M.01", 2}}).status().message(),
            "position KASI requires M.01 at level 0; levels are 1-5");
  p.competencies.clear();
  EXPECT_EQ(AssessEmployee(p, {}).status().message(), "position KASI requires no competencies");
}

}  // namespace
}  // namespace kinerja

#include "engine/competency/training_needs.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

CompetencyGap Gap(const std::string& code, CompetencyType t, int required, int assessed,
                  double importance = 1.0) {
  return {code, t, required, assessed, assessed - required, importance};
}

const CompetencyType kM = CompetencyType::kManajerial;
const CompetencyType kS = CompetencyType::kSosialKultural;
const CompetencyType kT = CompetencyType::kTeknis;

std::vector<EmployeeGaps> Sample() {
  return {
      {"E1", "Bidang Anggaran", {Gap("M.01", kM, 3, 2), Gap("M.02", kM, 3, 3),
                                 Gap("S.01", kS, 3, 1), Gap("T.KEU", kT, 3, 1, 3.0)}},
      {"E2", "Bidang Anggaran", {Gap("M.01", kM, 3, 1), Gap("M.02", kM, 3, 2),
                                 Gap("S.01", kS, 3, 3), Gap("T.KEU", kT, 3, 3, 3.0)}},
      {"E3", "Bidang Anggaran", {Gap("M.01", kM, 2, 2), Gap("M.02", kM, 2, 1)}},
      {"E4", "Bidang Aset", {Gap("M.01", kM, 2, 3)}},
  };
}

TEST(TrainingNeeds, CountsTotalsMeansAndPrioritiesPerUnit) {
  auto units = AnalyseTrainingNeeds(Sample());
  ASSERT_EQ(units.size(), 2u);
  const auto& a = units[0];
  EXPECT_EQ(a.unit, "Bidang Anggaran");
  EXPECT_EQ(a.staff, 3);
  ASSERT_EQ(a.manajerial.size(), 2u);
  // M.01: gaps -1, -2 -> total 3, mean 1.5, priority 3. M.02: gaps -1, -1 -> total 2.
  EXPECT_EQ(a.manajerial[0].code, "M.01");
  EXPECT_EQ(a.manajerial[0].staff_assessed, 3);
  EXPECT_EQ(a.manajerial[0].staff_with_gap, 2);
  EXPECT_EQ(a.manajerial[0].total_gap, 3);
  EXPECT_DOUBLE_EQ(a.manajerial[0].mean_gap, 1.5);
  EXPECT_DOUBLE_EQ(a.manajerial[0].priority, 3.0);
  EXPECT_EQ(a.manajerial[1].code, "M.02");
  EXPECT_DOUBLE_EQ(a.manajerial[1].priority, 2.0);
  ASSERT_EQ(a.sosial_kultural.size(), 1u);
  EXPECT_EQ(a.sosial_kultural[0].total_gap, 2);
  ASSERT_EQ(a.teknis.size(), 1u);
  EXPECT_DOUBLE_EQ(a.teknis[0].priority, 6.0);  // |−2| x importance 3
  // Bidang Aset has a surplus only: no needs listed.
  EXPECT_EQ(units[1].unit, "Bidang Aset");
  EXPECT_TRUE(units[1].manajerial.empty());
}

TEST(TrainingNeeds, ImportanceReordersPriorities) {
  std::vector<EmployeeGaps> v = {
      {"E1", "U", {Gap("M.03", kM, 3, 1, 1.0), Gap("M.04", kM, 3, 2, 4.0)}}};
  auto units = AnalyseTrainingNeeds(v);
  ASSERT_EQ(units[0].manajerial.size(), 2u);
  EXPECT_EQ(units[0].manajerial[0].code, "M.04");  // 1 x 4 = 4 beats 2 x 1 = 2
  EXPECT_DOUBLE_EQ(units[0].manajerial[0].priority, 4.0);
  EXPECT_EQ(units[0].manajerial[1].code, "M.03");
}

TEST(TrainingNeeds, ResultIsIndependentOfEmployeeOrder) {
  auto v = Sample();
  auto a = AnalyseTrainingNeeds(v);
  std::mt19937 rng(3);
  std::shuffle(v.begin(), v.end(), rng);
  auto b = AnalyseTrainingNeeds(v);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].manajerial.size(), b[i].manajerial.size());
    for (size_t j = 0; j < a[i].manajerial.size(); ++j) {
      EXPECT_EQ(a[i].manajerial[j].code, b[i].manajerial[j].code);
      EXPECT_EQ(a[i].manajerial[j].priority, b[i].manajerial[j].priority);
    }
  }
}

TEST(Remeasure, ComparesMeansAndPairedChange) {
  std::vector<LevelObservation> before = {{"E1", "M.01", 2}, {"E2", "M.01", 1}, {"E3", "M.01", 3},
                                          {"E1", "M.02", 2}};
  std::vector<LevelObservation> after = {{"E1", "M.01", 3}, {"E2", "M.01", 2}, {"E4", "M.01", 1},
                                         {"E1", "S.01", 2}};
  auto rows = CompareRemeasure(before, after);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].code, "M.01");
  EXPECT_EQ(rows[0].n_before, 3);
  EXPECT_EQ(rows[0].n_after, 3);
  EXPECT_EQ(rows[0].n_paired, 2);
  EXPECT_DOUBLE_EQ(rows[0].mean_before, 2.0);
  EXPECT_DOUBLE_EQ(rows[0].mean_after, 2.0);
  EXPECT_DOUBLE_EQ(rows[0].change, 0.0);
  EXPECT_DOUBLE_EQ(rows[0].mean_paired_change, 1.0);  // E1 +1, E2 +1
  EXPECT_EQ(rows[1].code, "M.02");
  EXPECT_EQ(rows[1].n_after, 0);
  EXPECT_DOUBLE_EQ(rows[1].change, 0.0);
  EXPECT_EQ(rows[2].code, "S.01");
  EXPECT_EQ(rows[2].n_before, 0);
}

}  // namespace
}  // namespace kinerja

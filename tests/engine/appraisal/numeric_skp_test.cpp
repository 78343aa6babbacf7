#include "engine/appraisal/numeric_skp.h"

#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "engine/appraisal/builtin_templates.h"
#include "engine/appraisal/levels.h"

namespace kinerja {
namespace {

const Template& P46() {
  static const Template t = *BuiltinTemplate("pp-46-2011.v1");
  return t;
}
const Template& P30() {
  static const Template t = *BuiltinTemplate("pp-30-2019.v1");
  return t;
}

Activity Act(double to, double ro, double tk, double rk, double tw, double rw) {
  Activity a;
  a.kuantitas = {to, ro};
  a.kualitas = {tk, rk};
  a.waktu = {tw, rw};
  return a;
}

NumericAppraisal Perilaku(std::vector<double> unsur) {
  NumericAppraisal in;
  for (size_t i = 0; i < unsur.size(); ++i) {
    in.unsur[i] = unsur[i];
    in.unsur_rated[i] = true;
  }
  return in;
}

// ---- Waktu / Biaya two-branch formula (Perka BKN 1/2013)

TEST(AppraisalNumericWaktu, OnTimeGives76) {
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(TimeCostValue(P46(), 12, 12), 2), 76.0);
}

TEST(AppraisalNumericWaktu, EfficiencyOf24PercentUsesTheFirstBranch) {
  // RW = 0.76 × TW: efisiensi exactly 24 -> ((1.76×TW − RW)/TW)×100 = 100.
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(TimeCostValue(P46(), 25, 19), 2), 100.0);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(TimeCostValue(P46(), 100, 76), 2), 100.0);
}

TEST(AppraisalNumericWaktu, EfficiencyAbove24PercentUsesTheSecondBranch) {
  // 12 months target, 9 realised: efisiensi 25 -> 76 − (101 − 100) = 75.
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(TimeCostValue(P46(), 12, 9), 2), 75.0);
  // 100 target, 75.99 realised: efisiensi 24.01 -> 76 − (100.01 − 100) = 75.99.
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(TimeCostValue(P46(), 100, 75.99), 2), 75.99);
  // Half the time: 76 − (126 − 100) = 50.
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(TimeCostValue(P46(), 12, 6), 2), 50.0);
}

TEST(AppraisalNumericWaktu, LateWorkLowersTheValueAndMayGoNegative) {
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(TimeCostValue(P46(), 12, 15), 2), 51.0);   // (21.12 − 15)/12
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(TimeCostValue(P46(), 10, 20), 2), -24.0);  // as the formula gives
}

// ---- per activity

TEST(AppraisalNumericActivity, ClassicExampleGives88_67) {
  ActivityScore s = ScoreActivity(P46(), Act(12, 12, 100, 90, 12, 12));
  EXPECT_DOUBLE_EQ(s.kuantitas, 100.0);
  EXPECT_DOUBLE_EQ(s.kualitas, 90.0);
  EXPECT_DOUBLE_EQ(s.waktu, 76.0);
  EXPECT_DOUBLE_EQ(s.perhitungan, 266.0);
  EXPECT_DOUBLE_EQ(s.capaian, 88.67);
}

TEST(AppraisalNumericActivity, BiayaDividesByFour) {
  Activity a = Act(5, 5, 100, 100, 6, 5);
  a.has_biaya = true;
  a.biaya = {1000000, 900000};
  ActivityScore s = ScoreActivity(P46(), a);
  EXPECT_DOUBLE_EQ(s.waktu, 92.67);
  EXPECT_DOUBLE_EQ(s.biaya, 86.0);
  EXPECT_DOUBLE_EQ(s.perhitungan, 378.67);
  EXPECT_DOUBLE_EQ(s.capaian, 94.67);
}

TEST(AppraisalNumericActivity, ValidationNamesTheAspect) {
  Activity a = Act(12, 12, 100, 90, 0, 12);
  EXPECT_EQ(ValidateActivity(a, "kegiatan[0]").message(),
            "kegiatan[0].waktu.target must be a number > 0");
  a = Act(12, -1, 100, 90, 12, 12);
  EXPECT_EQ(ValidateActivity(a, "kegiatan[3]").message(),
            "kegiatan[3].kuantitas.realisasi must be a number >= 0");
}

// ---- tugas tambahan & kreativitas

TEST(AppraisalNumericPoints, TugasTambahanStepsAt1_4_7) {
  EXPECT_EQ(TugasTambahanPoints(P46(), 0), 0);
  EXPECT_EQ(TugasTambahanPoints(P46(), 1), 1);
  EXPECT_EQ(TugasTambahanPoints(P46(), 3), 1);
  EXPECT_EQ(TugasTambahanPoints(P46(), 4), 2);
  EXPECT_EQ(TugasTambahanPoints(P46(), 6), 2);
  EXPECT_EQ(TugasTambahanPoints(P46(), 7), 3);
  EXPECT_EQ(TugasTambahanPoints(P46(), 40), 3);
}

TEST(AppraisalNumericPoints, KreativitasIs3_6_12) {
  EXPECT_EQ(KreativitasPoints(P46(), Kreativitas::kNone), 0);
  EXPECT_EQ(KreativitasPoints(P46(), Kreativitas::kUnit), 3);
  EXPECT_EQ(KreativitasPoints(P46(), Kreativitas::kOrganisasi), 6);
  EXPECT_EQ(KreativitasPoints(P46(), Kreativitas::kNasional), 12);
}

// ---- bands: both sides of each cut-off, on the value rounded to 2 decimals

TEST(AppraisalNumericBands, CutOffsAt91_76_61_51) {
  struct Case {
    double v;
    const char* name;
  } cases[] = {
      {100, "Sangat Baik"}, {91, "Sangat Baik"}, {90.995, "Sangat Baik"}, {90.99, "Baik"},
      {90.5, "Baik"},       {76, "Baik"},        {75.99, "Cukup"},        {61, "Cukup"},
      {60.99, "Kurang"},    {51, "Kurang"},      {50.99, "Buruk"},        {50, "Buruk"},
      {0, "Buruk"},
  };
  for (const auto& c : cases) EXPECT_EQ(BandName(P46(), c.v), c.name) << c.v;
}

// ---- whole appraisal

TEST(AppraisalNumericScore, ThreeActivitiesWithPointsAndPerilaku) {
  std::vector<Activity> acts = {Act(12, 12, 100, 90, 12, 12), Act(10, 8, 100, 85, 12, 9),
                                Act(5, 5, 100, 100, 6, 5)};
  acts[2].has_biaya = true;
  acts[2].biaya = {1000000, 900000};
  NumericAppraisal in = Perilaku({80, 85, 78, 90, 82});
  in.activities = acts;
  in.tugas_tambahan_count = 2;
  in.kreativitas = Kreativitas::kUnit;
  auto out = ScoreNumericAppraisal(P46(), in);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_DOUBLE_EQ(out->nilai_capaian_kegiatan, 87.78);  // (88.67 + 80 + 94.67) / 3
  EXPECT_DOUBLE_EQ(out->nilai_skp, 91.78);                // + 1 + 3
  EXPECT_EQ(P46().bands[out->band_skp].name, "Sangat Baik");
  EXPECT_EQ(out->unsur_count, 5);
  EXPECT_DOUBLE_EQ(out->nilai_perilaku, 83.0);
  EXPECT_DOUBLE_EQ(out->weight_skp, 60);
  EXPECT_DOUBLE_EQ(out->nilai_prestasi_kerja, 88.27);  // 55.068 + 33.2
  EXPECT_EQ(P46().bands[out->band_prestasi_kerja].name, "Baik");
}

TEST(AppraisalNumericScore, StrukturalIsRatedOnKepemimpinanToo) {
  Activity a = Act(1, 1, 100, 100, 12, 12);
  NumericAppraisal in = Perilaku({80, 80, 80, 80, 80, 50});
  in.activities = std::span<const Activity>(&a, 1);
  in.struktural = true;
  auto out = ScoreNumericAppraisal(P46(), in);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->unsur_count, 6);
  EXPECT_DOUBLE_EQ(out->nilai_perilaku, 75.0);
}

TEST(AppraisalNumericScore, Pp30WeightsAre70_30Or60_40WithPeerInput) {
  Activity a = Act(1, 1, 100, 100, 12, 12);  // capaian 92
  NumericAppraisal in = Perilaku({80, 80, 80, 80, 80});
  in.activities = std::span<const Activity>(&a, 1);
  auto out = ScoreNumericAppraisal(P30(), in);
  ASSERT_TRUE(out.ok());
  EXPECT_DOUBLE_EQ(out->nilai_skp, 92.0);
  EXPECT_DOUBLE_EQ(out->nilai_prestasi_kerja, 88.4);  // 64.4 + 24
  in.perilaku_has_peer_input = true;
  out = ScoreNumericAppraisal(P30(), in);
  ASSERT_TRUE(out.ok());
  EXPECT_DOUBLE_EQ(out->weight_skp, 60);
  EXPECT_DOUBLE_EQ(out->nilai_prestasi_kerja, 87.2);  // 55.2 + 32
  // PP 46/2011 has one weighting only.
  out = ScoreNumericAppraisal(P46(), in);
  ASSERT_TRUE(out.ok());
  EXPECT_DOUBLE_EQ(out->weight_skp, 60);
}

TEST(AppraisalNumericScore, SkpBelow50IsFlaggedForSanction) {
  Activity a = Act(10, 2, 100, 40, 12, 12);  // 20 + 40 + 76 = 136 / 3 = 45.33
  NumericAppraisal in = Perilaku({80, 80, 80, 80, 80});
  in.activities = std::span<const Activity>(&a, 1);
  auto out = ScoreNumericAppraisal(P46(), in);
  ASSERT_TRUE(out.ok());
  EXPECT_DOUBLE_EQ(out->nilai_skp, 45.33);
  EXPECT_TRUE(out->warnings & kWarnSkpBelowSanction);
  EXPECT_EQ(P46().bands[out->band_skp].name, "Buruk");
}

TEST(AppraisalNumericScore, RandomValidInputIsOrderIndependentAndConsistent) {
  std::mt19937 rng(46);
  auto uniform = [&rng](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng()) / 4294967295.0;
  };
  for (int iter = 0; iter < 300; ++iter) {
    std::vector<Activity> acts;
    const int n = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) {
      acts.push_back(Act(uniform(1, 50), uniform(0, 60), 100, uniform(40, 100), uniform(1, 12),
                         uniform(0.5, 14)));
    }
    NumericAppraisal in = Perilaku({uniform(0, 100), uniform(0, 100), uniform(0, 100),
                                    uniform(0, 100), uniform(0, 100)});
    in.activities = acts;
    auto a = ScoreNumericAppraisal(P46(), in);
    ASSERT_TRUE(a.ok());
    std::vector<Activity> rev(acts.rbegin(), acts.rend());
    in.activities = rev;
    auto b = ScoreNumericAppraisal(P46(), in);
    ASSERT_TRUE(b.ok());
    EXPECT_NEAR(a->nilai_skp, b->nilai_skp, 0.005);
    EXPECT_GE(a->nilai_perilaku, 0);
    EXPECT_LE(a->nilai_perilaku, 100);
    // The final value is 60/40 of the two reported values, rounded once.
    EXPECT_DOUBLE_EQ(a->nilai_prestasi_kerja,
                     RoundHalfAwayFromZero(a->nilai_skp * 0.6 + a->nilai_perilaku * 0.4, 2));
  }
}

// ---- malformed

TEST(AppraisalNumericMalformed, MissingGeneralUnsurIsAnError) {
  Activity a = Act(1, 1, 100, 100, 12, 12);
  NumericAppraisal in = Perilaku({80, 80, 80, 80});
  in.activities = std::span<const Activity>(&a, 1);
  auto out = ScoreNumericAppraisal(P46(), in);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(), "perilaku.kerja_sama is missing; every pegawai is rated on it");
}

TEST(AppraisalNumericMalformed, KepemimpinanForNonStrukturalIsAnError) {
  Activity a = Act(1, 1, 100, 100, 12, 12);
  NumericAppraisal in = Perilaku({80, 80, 80, 80, 80, 80});
  in.activities = std::span<const Activity>(&a, 1);
  auto out = ScoreNumericAppraisal(P46(), in);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(),
            "perilaku.kepemimpinan is rated only for pejabat struktural; set struktural to true "
            "or remove it");
}

TEST(AppraisalNumericMalformed, UnsurAbove100AndNoActivitiesAreErrors) {
  Activity a = Act(1, 1, 100, 100, 12, 12);
  NumericAppraisal in = Perilaku({101, 80, 80, 80, 80});
  in.activities = std::span<const Activity>(&a, 1);
  EXPECT_EQ(ScoreNumericAppraisal(P46(), in).status().message(),
            "perilaku.orientasi_pelayanan must be 0-100");
  in = Perilaku({80, 80, 80, 80, 80});
  EXPECT_EQ(ScoreNumericAppraisal(P46(), in).status().message(),
            "kegiatan must list at least one activity");
}

}  // namespace
}  // namespace kinerja

#include "engine/appraisal/skp_rating.h"

#include <algorithm>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "engine/appraisal/builtin_templates.h"

namespace kinerja {
namespace {

const Template& T6() {
  static const Template t = *BuiltinTemplate("permenpanrb-6-2022.v1");
  return t;
}

constexpr Rating kBawah = Rating::kDiBawah;
constexpr Rating kSesuai = Rating::kSesuai;
constexpr Rating kAtas = Rating::kDiAtas;

// ---- the predikat matrix, every cell (docs/rules/appraisal.md §"Predikat matrix")

struct Cell {
  Rating hasil;
  Rating perilaku;
  Predikat predikat;
};

TEST(AppraisalMatrix, EveryCellMatchesPermenpanrb6Of2022) {
  const Cell cells[] = {
      {kAtas, kBawah, Predikat::kKurang},          {kAtas, kSesuai, Predikat::kBaik},
      {kAtas, kAtas, Predikat::kSangatBaik},       {kSesuai, kBawah, Predikat::kKurang},
      {kSesuai, kSesuai, Predikat::kBaik},         {kSesuai, kAtas, Predikat::kBaik},
      {kBawah, kBawah, Predikat::kSangatKurang},   {kBawah, kSesuai, Predikat::kButuhPerbaikan},
      {kBawah, kAtas, Predikat::kButuhPerbaikan},
  };
  for (const Cell& c : cells) {
    EXPECT_EQ(PredikatFromRatings(T6(), c.hasil, c.perilaku), c.predikat)
        << RatingCode(c.hasil) << "/" << RatingCode(c.perilaku);
  }
}

TEST(AppraisalMatrix, PredikatNamesAreTheRegulationsFive) {
  EXPECT_EQ(PredikatName(T6(), Predikat::kSangatBaik), "Sangat Baik");
  EXPECT_EQ(PredikatName(T6(), Predikat::kBaik), "Baik");
  EXPECT_EQ(PredikatName(T6(), Predikat::kButuhPerbaikan), "Butuh Perbaikan");
  EXPECT_EQ(PredikatName(T6(), Predikat::kKurang), "Kurang/Misconduct");
  EXPECT_EQ(PredikatName(T6(), Predikat::kSangatKurang), "Sangat Kurang");
}

TEST(AppraisalMatrix, OnlyBothAboveGivesSangatBaikAndBehaviourBelowCapsAtKurang) {
  for (int h = 0; h < 3; ++h) {
    for (int p = 0; p < 3; ++p) {
      Predikat pr = PredikatFromRatings(T6(), static_cast<Rating>(h), static_cast<Rating>(p));
      EXPECT_EQ(pr == Predikat::kSangatBaik, h == 2 && p == 2);
      if (p == 0) EXPECT_LE(static_cast<int>(pr), static_cast<int>(Predikat::kKurang));
      if (h == 0) EXPECT_LE(static_cast<int>(pr), static_cast<int>(Predikat::kButuhPerbaikan));
    }
  }
}

TEST(AppraisalAngkaKredit, PercentagesFollowPermenpanrb1Of2023) {
  EXPECT_EQ(AngkaKreditPercent(Predikat::kSangatBaik), 150);
  EXPECT_EQ(AngkaKreditPercent(Predikat::kBaik), 100);
  EXPECT_EQ(AngkaKreditPercent(Predikat::kButuhPerbaikan), 75);
  EXPECT_EQ(AngkaKreditPercent(Predikat::kKurang), 50);
  EXPECT_EQ(AngkaKreditPercent(Predikat::kSangatKurang), 25);
  EXPECT_DOUBLE_EQ(AngkaKredit(37.5, Predikat::kBaik), 37.5);
  EXPECT_DOUBLE_EQ(AngkaKredit(12.5, Predikat::kSangatBaik), 18.75);
  EXPECT_DOUBLE_EQ(AngkaKredit(12.5, Predikat::kButuhPerbaikan), 9.38);  // 9.375 half up
  for (int p = 0; p < kPredikatCount; ++p) {
    EXPECT_EQ(T6().angka_kredit_percent[p], AngkaKreditPercent(static_cast<Predikat>(p)));
  }
}

TEST(AppraisalRounding, TwoDecimalRoundingIsHalfAwayFromZero) {
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(0.125, 2), 0.13);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(-0.125, 2), -0.13);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(88.666666, 2), 88.67);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(1.005, 2), 1.01);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(90.994, 2), 90.99);
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(-0.001, 2), 0.0);
}

// ---- capaian IKI (PermenPANRB 8/2021)

TEST(AppraisalCapaian, NormalIndicatorIsRealisasiOverTarget) {
  Indicator i;
  i.target = 120;
  i.realisasi = 126;
  EXPECT_DOUBLE_EQ(CapaianIki(i), 105.0);
}

TEST(AppraisalCapaian, KondisiKhususRangeExampleFromRegulation) {
  Indicator i;
  i.lower_is_better = true;
  i.has_range = true;
  i.target = 7;
  i.target_upper = 8;
  i.realisasi = 6.5;  // below the range: uses 7 -> (1 + (1 - 6.5/7)) = 107 %
  EXPECT_DOUBLE_EQ(RoundHalfAwayFromZero(CapaianIki(i), 2), 107.14);
  i.realisasi = 9;  // above the range: uses 8 -> 87.5 %
  EXPECT_DOUBLE_EQ(CapaianIki(i), 87.5);
  i.realisasi = 7.5;  // inside the range
  EXPECT_DOUBLE_EQ(CapaianIki(i), 100.0);
}

TEST(AppraisalCapaian, NormalRangeUsesTheNearestBound) {
  Indicator i;
  i.has_range = true;
  i.target = 80;
  i.target_upper = 100;
  i.realisasi = 110;
  EXPECT_DOUBLE_EQ(CapaianIki(i), 110.0);
  i.realisasi = 60;
  EXPECT_DOUBLE_EQ(CapaianIki(i), 75.0);
  i.realisasi = 90;
  EXPECT_DOUBLE_EQ(CapaianIki(i), 100.0);
}

TEST(AppraisalCapaian, KondisiKhususNeverGoesBelowZero) {
  Indicator i;
  i.lower_is_better = true;
  i.target = 5;
  i.realisasi = 15;
  EXPECT_DOUBLE_EQ(CapaianIki(i), 0.0);
  i.realisasi = 5;
  EXPECT_DOUBLE_EQ(CapaianIki(i), 100.0);
}

TEST(AppraisalCapaian, ValidationNamesTheField) {
  Indicator i;
  i.target = -5;
  EXPECT_EQ(ValidateIndicator(i, "hasil_kerja[0]").message(),
            "hasil_kerja[0].target must be a number > 0");
  i.target = 5;
  i.realisasi = -1;
  EXPECT_EQ(ValidateIndicator(i, "hasil_kerja[1]").message(),
            "hasil_kerja[1].realisasi must be a number >= 0");
  i.realisasi = 1;
  i.has_range = true;
  i.target_upper = 4;
  EXPECT_EQ(ValidateIndicator(i, "hasil_kerja[2]").message(),
            "hasil_kerja[2].target_max must be a number >= target");
}

// ---- suggestion: both sides of each cut-off

RatingSuggestion SuggestFor(double capaian) {
  Indicator i;
  i.target = 100;
  i.realisasi = capaian;
  return SuggestRatingHasilKerja(T6(), std::span<const Indicator>(&i, 1));
}

TEST(AppraisalSuggestion, CutOffsAt101And80) {
  EXPECT_EQ(SuggestFor(101).rating, kAtas);
  EXPECT_EQ(SuggestFor(100.99).rating, kSesuai);
  EXPECT_EQ(SuggestFor(100.995).rating, kAtas);  // the mean is rounded to 2 decimals first
  EXPECT_EQ(SuggestFor(80).rating, kSesuai);
  EXPECT_EQ(SuggestFor(79.99).rating, kBawah);
}

TEST(AppraisalSuggestion, UsesOnlyUtamaAndCapsEachCapaian) {
  std::vector<Indicator> v(3);
  v[0].target = 10;
  v[0].realisasi = 50;  // 500 % capped at 120
  v[1].target = 10;
  v[1].realisasi = 8;  // 80 %
  v[2].kind = IndicatorKind::kTambahan;
  v[2].target = 10;
  v[2].realisasi = 0;  // ignored
  RatingSuggestion s = SuggestRatingHasilKerja(T6(), v);
  ASSERT_TRUE(s.available);
  EXPECT_EQ(s.indicator_count, 2);
  EXPECT_DOUBLE_EQ(s.mean_capaian, 100.0);
  EXPECT_EQ(s.rating, kSesuai);
  EXPECT_FALSE(SuggestRatingHasilKerja(T6(), std::span<const Indicator>(&v[2], 1)).available);
}

// ---- rating perilaku from the seven values

std::vector<Rating> Values(int bawah, int sesuai, int atas) {
  std::vector<Rating> v;
  v.insert(v.end(), bawah, kBawah);
  v.insert(v.end(), sesuai, kSesuai);
  v.insert(v.end(), atas, kAtas);
  return v;
}

TEST(AppraisalPerilaku, MedianOfSevenIsTheFourthRating) {
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMedian, Values(0, 3, 4)), kAtas);
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMedian, Values(0, 4, 3)), kSesuai);
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMedian, Values(4, 0, 3)), kBawah);
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMedian, Values(3, 1, 3)), kSesuai);
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMedian, Values(3, 0, 4)), kAtas);
}

TEST(AppraisalPerilaku, MedianOfAnEvenCountTakesTheLowerMiddle) {
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMedian, Values(0, 3, 3)), kSesuai);
}

TEST(AppraisalPerilaku, MajorityTiesGoToTheLowerRating) {
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMajority, Values(1, 2, 4)), kAtas);
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMajority, Values(1, 3, 3)), kSesuai);
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMajority, Values(3, 1, 3)), kBawah);
}

TEST(AppraisalPerilaku, MinimumIsTheLowestValue) {
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMinimum, Values(0, 1, 6)), kSesuai);
  EXPECT_EQ(DerivePerilaku(PerilakuAggregation::kMinimum, Values(0, 0, 7)), kAtas);
}

TEST(AppraisalPerilaku, ResultDoesNotDependOnValueOrder) {
  std::mt19937 rng(20240601);
  for (int iter = 0; iter < 500; ++iter) {
    std::vector<Rating> v(7);
    for (auto& r : v) r = static_cast<Rating>(static_cast<int>(rng() % 3));
    for (int rule = 0; rule < 3; ++rule) {
      auto agg = static_cast<PerilakuAggregation>(rule);
      Rating before = DerivePerilaku(agg, v);
      std::vector<Rating> w = v;
      for (size_t k = w.size(); k > 1; --k) {  // Fisher-Yates; same on libstdc++ and libc++
        std::swap(w[k - 1], w[static_cast<size_t>(rng() % k)]);
      }
      EXPECT_EQ(DerivePerilaku(agg, w), before);
      // Always one of the given ratings, between the minimum and maximum.
      auto [mn, mx] = std::minmax_element(v.begin(), v.end());
      EXPECT_GE(static_cast<int>(before), static_cast<int>(*mn));
      EXPECT_LE(static_cast<int>(before), static_cast<int>(*mx));
    }
  }
}

// ---- ScoreRatingAppraisal

RatingAppraisal WithValues(std::vector<Rating> v) {
  RatingAppraisal in;
  for (size_t i = 0; i < v.size(); ++i) in.value_ratings[i] = v[i];
  in.value_count = static_cast<int>(v.size());
  return in;
}

TEST(AppraisalScore, StaffAppraisalUsesRatersJudgmentAndDerivedPerilaku) {
  RatingAppraisal in = WithValues(Values(0, 3, 4));
  in.rating_hasil_kerja = kAtas;
  auto out = ScoreRatingAppraisal(T6(), in);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->rating_perilaku, kAtas);
  EXPECT_EQ(out->perilaku_source, PerilakuSource::kDerived);
  EXPECT_EQ(out->predikat, Predikat::kSangatBaik);
  EXPECT_EQ(out->warnings, 0u);
}

TEST(AppraisalScore, RaterOverrideOfPerilakuWinsAndIsFlagged) {
  RatingAppraisal in = WithValues(Values(0, 3, 4));
  in.rating_hasil_kerja = kAtas;
  in.rating_perilaku_override = kSesuai;
  auto out = ScoreRatingAppraisal(T6(), in);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->rating_perilaku, kSesuai);
  EXPECT_EQ(out->derived_perilaku, kAtas);
  EXPECT_EQ(out->perilaku_source, PerilakuSource::kOverride);
  EXPECT_EQ(out->predikat, Predikat::kBaik);
  EXPECT_TRUE(out->warnings & kWarnOverrideDiffersFromDerived);
}

TEST(AppraisalScore, UnitLeaderRatingHasilKerjaFollowsCapaianKinerjaOrganisasi) {
  const Rating expected[kOrgPredikatCount] = {kBawah, kBawah, kBawah, kSesuai, kAtas};
  for (int o = 0; o < kOrgPredikatCount; ++o) {
    RatingAppraisal in;
    in.is_unit_leader = true;
    in.capaian_kinerja_organisasi = static_cast<OrgPredikat>(o);
    in.rating_hasil_kerja = kSesuai;  // the rater's own view is replaced
    in.rating_perilaku_override = kAtas;
    auto out = ScoreRatingAppraisal(T6(), in);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->rating_hasil_kerja, expected[o]) << OrgPredikatCode(in.capaian_kinerja_organisasi.value());
    EXPECT_EQ(out->hasil_kerja_source, HasilKerjaSource::kUnitLeaderRule);
    EXPECT_EQ((out->warnings & kWarnLeaderRuleReplacedRating) != 0, expected[o] != kSesuai);
  }
}

TEST(AppraisalScore, SuggestionDifferingFromTheRatingIsFlaggedNotApplied) {
  Indicator i;
  i.target = 100;
  i.realisasi = 50;
  RatingAppraisal in;
  in.rating_hasil_kerja = kSesuai;
  in.rating_perilaku_override = kSesuai;
  in.indicators = std::span<const Indicator>(&i, 1);
  auto out = ScoreRatingAppraisal(T6(), in);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->rating_hasil_kerja, kSesuai);
  EXPECT_EQ(out->suggestion.rating, kBawah);
  EXPECT_TRUE(out->warnings & kWarnSuggestionDiffers);
}

TEST(AppraisalScoreMalformed, MissingRatingHasilKerjaIsAnError) {
  RatingAppraisal in = WithValues(Values(0, 7, 0));
  auto out = ScoreRatingAppraisal(T6(), in);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("rating_hasil_kerja is missing"), std::string::npos);
}

TEST(AppraisalScoreMalformed, LeaderWithoutOrgPredikatIsAnError) {
  RatingAppraisal in;
  in.is_unit_leader = true;
  in.rating_perilaku_override = kSesuai;
  auto out = ScoreRatingAppraisal(T6(), in);
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("capaian_kinerja_organisasi is missing"),
            std::string::npos);
}

TEST(AppraisalScoreMalformed, WrongNumberOfValueRatingsIsAnError) {
  RatingAppraisal in = WithValues(Values(0, 5, 0));
  in.rating_hasil_kerja = kSesuai;
  auto out = ScoreRatingAppraisal(T6(), in);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(),
            "perilaku rates 5 values; template 'permenpanrb-6-2022.v1' has 7 (rate all of them "
            "or none)");
}

TEST(AppraisalScoreMalformed, NumericTemplateIsRefused) {
  auto t = BuiltinTemplate("pp-46-2011.v1");
  ASSERT_TRUE(t.ok());
  RatingAppraisal in = WithValues(Values(0, 7, 0));
  in.rating_hasil_kerja = kSesuai;
  EXPECT_FALSE(ScoreRatingAppraisal(*t, in).ok());
}

TEST(AppraisalScore, RandomValidInputAlwaysGivesTheMatrixCell) {
  std::mt19937 rng(7);
  for (int iter = 0; iter < 1000; ++iter) {
    RatingAppraisal in;
    in.value_count = 7;
    for (int d = 0; d < 7; ++d) in.value_ratings[d] = static_cast<Rating>(static_cast<int>(rng() % 3));
    in.rating_hasil_kerja = static_cast<Rating>(static_cast<int>(rng() % 3));
    if (iter % 3 == 0) in.rating_perilaku_override = static_cast<Rating>(static_cast<int>(rng() % 3));
    auto out = ScoreRatingAppraisal(T6(), in);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(out->predikat, PredikatFromRatings(T6(), out->rating_hasil_kerja, out->rating_perilaku));
    if (in.rating_perilaku_override) EXPECT_EQ(out->rating_perilaku, *in.rating_perilaku_override);
  }
}

}  // namespace
}  // namespace kinerja

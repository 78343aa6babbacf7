// IKM per PermenPANRB 14/2017: the unsur table, NRR, the 25-100 conversion, the grade cut-offs
// (both sides of each), the rounding pitfall (docs/rules/survey.md §"Rounding pitfall"), and
// properties on random data.
#include "engine/survey/skm.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

const SkmScheme& Scheme() { return Permenpanrb14Of2017Scheme(); }

// `n` responses in which every unsur's answers sum to `sum` (answers base and base+1).
std::vector<SurveyResponse> UniformResponses(int64_t n, int64_t sum) {
  const int64_t base = sum / n;
  const int64_t high = sum - base * n;  // responses answering base + 1
  std::vector<SurveyResponse> out(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    for (int u = 0; u < 9; ++u) {
      out[static_cast<size_t>(i)].answers[static_cast<size_t>(u)] =
          static_cast<uint8_t>(i < high ? base + 1 : base);
    }
  }
  return out;
}

TEST(IkmScheme, HasTheNineUnsurOf14Of2017ByCode) {
  const SkmScheme& s = Scheme();
  ASSERT_EQ(s.unsur.size(), 9u);
  const char* names[9] = {"Persyaratan",
                          "Sistem, Mekanisme, dan Prosedur",
                          "Waktu Penyelesaian",
                          "Biaya/Tarif",
                          "Produk Spesifikasi Jenis Pelayanan",
                          "Kompetensi Pelaksana",
                          "Perilaku Pelaksana",
                          "Penanganan Pengaduan, Saran dan Masukan",
                          "Sarana dan Prasarana"};
  for (int i = 0; i < 9; ++i) {
    EXPECT_EQ(s.unsur[static_cast<size_t>(i)].code, "U" + std::to_string(i + 1));
    EXPECT_EQ(s.unsur[static_cast<size_t>(i)].name, names[i]);
  }
  EXPECT_EQ(s.unsur[0].labels[0], "Tidak sesuai");
  EXPECT_EQ(s.unsur[0].labels[3], "Sangat sesuai");
  EXPECT_EQ(s.unsur[2].labels[3], "Sangat cepat");
  EXPECT_EQ(s.unsur[7].labels[1], "Ada tetapi tidak berfungsi");
  EXPECT_EQ(s.unsur[8].labels[0], "Buruk");
  EXPECT_TRUE(s.weights.empty());
  EXPECT_TRUE(ValidateScheme(s).ok());
  EXPECT_EQ(FindUnsur(s, "u9"), 8);
  EXPECT_EQ(FindUnsur(s, "U10"), -1);
}

TEST(IkmGrade, LabelsFollowTheConversionTable) {
  EXPECT_STREQ(GradeLetter(IkmGrade::kA), "A");
  EXPECT_STREQ(GradeLabel(IkmGrade::kA), "Sangat baik");
  EXPECT_STREQ(GradeLabel(IkmGrade::kB), "Baik");
  EXPECT_STREQ(GradeLabel(IkmGrade::kC), "Kurang baik");
  EXPECT_STREQ(GradeLabel(IkmGrade::kD), "Tidak baik");
}

TEST(IkmGrade, GradeBChangesToAAt88_31) {
  EXPECT_EQ(GradeForIkmUnit(88.30), IkmGrade::kB);
  EXPECT_EQ(GradeForIkmUnit(88.31), IkmGrade::kA);
  EXPECT_EQ(GradeForIkmUnit(100.00), IkmGrade::kA);
}

TEST(IkmGrade, GradeCChangesToBAt76_61) {
  EXPECT_EQ(GradeForIkmUnit(76.60), IkmGrade::kC);
  EXPECT_EQ(GradeForIkmUnit(76.61), IkmGrade::kB);
}

TEST(IkmGrade, GradeDChangesToCAt65_00) {
  EXPECT_EQ(GradeForIkmUnit(64.99), IkmGrade::kD);
  EXPECT_EQ(GradeForIkmUnit(65.00), IkmGrade::kC);
  EXPECT_EQ(GradeForIkmUnit(25.00), IkmGrade::kD);
}

// The NI column of the table (1-4) times 25 gives the NIK bounds exactly.
struct CutOff {
  int64_t n;
  int64_t sum;         // per unsur, so NRR = sum / n
  int64_t hundredths;  // expected IKM unit x 100
  IkmGrade grade;
};

TEST(IkmGrade, TableBoundsComputedFromResponsesLandOnTheRightSide) {
  const CutOff cases[] = {
      {2500, 8831, 8831, IkmGrade::kA},  // NI 3.5324 -> 88.31
      {250, 883, 8830, IkmGrade::kB},    // NI 3.532  -> 88.30
      {2500, 7661, 7661, IkmGrade::kB},  // NI 3.0644 -> 76.61
      {250, 766, 7660, IkmGrade::kC},    // NI 3.064  -> 76.60
      {5, 13, 6500, IkmGrade::kC},       // NI 2.60   -> 65.00
      {2500, 6499, 6499, IkmGrade::kD},  // NI 2.5996 -> 64.99
      {3, 3, 2500, IkmGrade::kD},        // all 1     -> 25.00
      {3, 12, 10000, IkmGrade::kA},      // all 4     -> 100.00
  };
  for (const CutOff& c : cases) {
    auto responses = UniformResponses(c.n, c.sum);
    Result<IkmResult> r = ComputeIkm(Scheme(), responses);
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_TRUE(r->complete);
    EXPECT_EQ(r->ikm_unit_hundredths, c.hundredths) << c.sum << "/" << c.n;
    EXPECT_EQ(r->grade, c.grade) << c.sum << "/" << c.n;
    EXPECT_EQ(r->respondents, c.n);
  }
}

TEST(IkmRounding, PublishedSampleNrrSum32_9311Gives91_48WithExactNinths) {
  const std::array<double, 9> nrr = {3.65, 3.70, 3.60, 3.6811, 3.65, 3.70, 3.65, 3.65, 3.65};
  Result<IkmResult> r = IkmFromNrr(Scheme(), nrr);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->ikm, 32.9311 / 9.0, 1e-12);
  EXPECT_EQ(r->ikm_unit, 91.48);
  EXPECT_EQ(r->ikm_unit_hundredths, 9148);
  EXPECT_EQ(r->grade, IkmGrade::kA);

  // Explicit weights of exactly 1/9 give the same value.
  SkmScheme explicit_ninths = Scheme();
  explicit_ninths.weights.assign(9, 1.0 / 9.0);
  Result<IkmResult> r2 = IkmFromNrr(explicit_ninths, nrr);
  ASSERT_TRUE(r2.ok()) << r2.status().message();
  EXPECT_EQ(r2->ikm_unit_hundredths, 9148);
}

TEST(IkmRounding, RoundedWeightsThatDoNotSumToOneAreRejected) {
  SkmScheme s = Scheme();
  s.weights.assign(9, 0.111);  // would give 91.38
  Status st = ValidateScheme(s);
  EXPECT_EQ(st.code(), Code::kInvalidArgument);
  EXPECT_NE(st.message().find("sum to 1"), std::string::npos) << st.message();
  s.weights.assign(9, 0.11);  // would give 90.56
  EXPECT_FALSE(ValidateScheme(s).ok());
}

TEST(IkmRounding, AnExactHalfHundredthRoundsUp) {
  // NRR 3.0642 everywhere -> 76.605 -> 76.61 (B), despite binary noise.
  auto responses = UniformResponses(5000, 15321);
  Result<IkmResult> r = ComputeIkm(Scheme(), responses);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ikm_unit_hundredths, 7661);
  EXPECT_EQ(r->grade, IkmGrade::kB);
}

TEST(IkmWeights, AUnitMayAddAnUnsurWithWeightsSummingToOne) {
  SkmScheme s = Scheme();
  s.unsur.push_back({"U10", "Maklumat Pelayanan", {"a", "b", "c", "d"}});
  s.weights = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
  ASSERT_TRUE(ValidateScheme(s).ok());
  std::vector<SurveyResponse> rs(2);
  for (auto& r : rs) r.answers.fill(0);
  for (int i = 0; i < 10; ++i) {
    rs[0].answers[static_cast<size_t>(i)] = 4;
    rs[1].answers[static_cast<size_t>(i)] = static_cast<uint8_t>(i < 5 ? 4 : 2);
  }
  Result<IkmResult> r = ComputeIkm(s, rs);
  ASSERT_TRUE(r.ok()) << r.status().message();
  // NRR: five unsur 4.0, five unsur 3.0 -> IKM 3.5 -> 87.50 (B).
  EXPECT_EQ(r->ikm_unit_hundredths, 8750);
  EXPECT_EQ(r->grade, IkmGrade::kB);
}

TEST(IkmNrr, DividesByThoseWhoAnsweredNotByAllRespondents) {
  std::vector<SurveyResponse> rs(3);
  for (auto& r : rs) r.answers.fill(0);
  for (int u = 0; u < 9; ++u) {
    rs[0].answers[static_cast<size_t>(u)] = 4;
    rs[1].answers[static_cast<size_t>(u)] = 3;
    rs[2].answers[static_cast<size_t>(u)] = 2;
  }
  rs[2].answers[3] = 0;  // U4 unanswered by the third respondent
  Result<IkmResult> r = ComputeIkm(Scheme(), rs);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->respondents, 3);
  EXPECT_EQ(r->unsur[3].answered, 2);
  EXPECT_DOUBLE_EQ(r->unsur[3].nrr, 3.5);
  EXPECT_DOUBLE_EQ(r->unsur[0].nrr, 3.0);
  EXPECT_EQ(r->unsur[0].counts, (std::array<int64_t, 4>{0, 1, 1, 1}));
  // IKM = (8 x 3 + 3.5) / 9 = 3.0556 -> 76.39 (C).
  EXPECT_NEAR(r->ikm, 27.5 / 9.0, 1e-12);
  EXPECT_EQ(r->ikm_unit_hundredths, 7639);
  EXPECT_EQ(r->grade, IkmGrade::kC);
  EXPECT_NEAR(r->unsur[3].weighted_nrr, 3.5 / 9.0, 1e-12);
}

TEST(IkmNrr, AnUnsurNobodyAnsweredLeavesTheIndexUndefined) {
  auto rs = UniformResponses(4, 12);
  for (auto& r : rs) r.answers[7] = 0;
  Result<IkmResult> r = ComputeIkm(Scheme(), rs);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->complete);
  EXPECT_EQ(r->missing, std::vector<int>{7});
}

TEST(IkmMalformed, AnswerAboveFourIsAnError) {
  auto rs = UniformResponses(4, 12);
  rs[2].answers[4] = 5;
  Result<IkmResult> r = ComputeIkm(Scheme(), rs);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "1 answer(s) to U5 are outside 1-4");
}

TEST(IkmMalformed, AnswerInASlotTheSchemeDoesNotHaveIsAnError) {
  auto rs = UniformResponses(2, 6);
  rs[0].answers[12] = 3;
  Result<IkmResult> r = ComputeIkm(Scheme(), rs);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("slot 13"), std::string::npos) << r.status().message();
}

TEST(IkmMalformed, NrrOutsideOneToFourAndBadSchemesAreRejected) {
  std::array<double, 9> nrr;
  nrr.fill(3.0);
  nrr[2] = 4.5;
  EXPECT_FALSE(IkmFromNrr(Scheme(), nrr).ok());
  EXPECT_FALSE(IkmFromNrr(Scheme(), std::span<const double>(nrr.data(), 8)).ok());
  SkmScheme empty;
  EXPECT_FALSE(ValidateScheme(empty).ok());
  SkmScheme dup = Scheme();
  dup.unsur[8].code = "u1";
  EXPECT_NE(ValidateScheme(dup).message().find("appears twice"), std::string::npos);
  SkmScheme negative = Scheme();
  negative.weights = {0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
  EXPECT_TRUE(ValidateScheme(negative).ok()) << ValidateScheme(negative).message();
  negative.weights[0] = -0.1;
  negative.weights[1] = 0.4;  // still sums to 1, but a weight is negative
  EXPECT_NE(ValidateScheme(negative).message().find(">= 0"), std::string::npos);
}

// Deterministic across libstdc++ and libc++: mt19937's raw output is fixed by the standard.
std::vector<SurveyResponse> RandomResponses(uint32_t seed, int n) {
  std::mt19937 gen(seed);
  std::vector<SurveyResponse> rs(static_cast<size_t>(n));
  for (auto& r : rs) {
    for (int u = 0; u < 9; ++u) {
      const uint32_t x = gen() % 10;  // 0 = unanswered (10 %), else 1..4
      r.answers[static_cast<size_t>(u)] = static_cast<uint8_t>(x == 0 ? 0 : 1 + x % 4);
    }
    r.answers[0] = static_cast<uint8_t>(1 + gen() % 4);  // keep U1 always answered
    r.unit = gen() % 5;
    r.service = gen() % 3;
    r.period = 202401 + static_cast<int32_t>(gen() % 12);
  }
  return rs;
}

TEST(IkmProperty, IndexStaysWithin25And100ForRandomValidInput) {
  std::mt19937 sizes(42);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + static_cast<int>(sizes() % 60);
    auto rs = RandomResponses(1000u + static_cast<uint32_t>(trial), n);
    // Make sure each unsur has an answer.
    for (int u = 0; u < 9; ++u) rs[0].answers[static_cast<size_t>(u)] = static_cast<uint8_t>(1 + trial % 4);
    Result<IkmResult> r = ComputeIkm(Scheme(), rs);
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(r->complete);
    EXPECT_GE(r->ikm, 1.0);
    EXPECT_LE(r->ikm, 4.0);
    EXPECT_GE(r->ikm_unit, 25.0);
    EXPECT_LE(r->ikm_unit, 100.0);
    EXPECT_EQ(r->grade, GradeForIkmUnit(r->ikm_unit));
  }
}

TEST(IkmProperty, ResultIsIndependentOfRowOrder) {
  auto rs = RandomResponses(7, 5000);
  Result<IkmResult> a = ComputeIkm(Scheme(), rs);
  std::mt19937 gen(99);
  for (size_t i = rs.size() - 1; i > 0; --i) std::swap(rs[i], rs[gen() % (i + 1)]);
  Result<IkmResult> b = ComputeIkm(Scheme(), rs);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->ikm, b->ikm);  // integer tallies: bit-identical
  EXPECT_EQ(a->ikm_unit_hundredths, b->ikm_unit_hundredths);
  for (size_t u = 0; u < 9; ++u) EXPECT_EQ(a->unsur[u].nrr, b->unsur[u].nrr);
}

TEST(IkmGroups, GroupsAreSortedByKeyAndTheirTalliesAddUpToTheWhole) {
  auto rs = RandomResponses(11, 3000);
  Result<IkmResult> all = ComputeIkm(Scheme(), rs);
  ASSERT_TRUE(all.ok());
  for (GroupBy by : {GroupBy::kUnit, GroupBy::kService, GroupBy::kPeriod}) {
    Result<std::vector<GroupIkm>> groups = ComputeIkmByGroup(Scheme(), rs, by);
    ASSERT_TRUE(groups.ok());
    int64_t respondents = 0;
    std::array<int64_t, 9> sums{};
    for (size_t g = 0; g < groups->size(); ++g) {
      if (g > 0) EXPECT_LT((*groups)[g - 1].key, (*groups)[g].key);
      respondents += (*groups)[g].result.respondents;
      for (size_t u = 0; u < 9; ++u) sums[u] += (*groups)[g].result.unsur[u].sum;
    }
    EXPECT_EQ(respondents, 3000);
    for (size_t u = 0; u < 9; ++u) EXPECT_EQ(sums[u], all->unsur[u].sum);
  }
  Result<std::vector<GroupIkm>> periods = ComputeIkmByGroup(Scheme(), rs, GroupBy::kPeriod);
  EXPECT_EQ(periods->size(), 12u);
  EXPECT_EQ(periods->front().key, 202401);
}

// The counts of a scheme with all 16 slots, tallied one answer at a time (the reference).
SkmScheme SixteenSlots() {
  SkmScheme scheme;
  for (int i = 0; i < kMaxUnsur; ++i) scheme.unsur.push_back({"X" + std::to_string(i + 1), "", {}});
  return scheme;
}
std::vector<std::array<int64_t, 4>> NaiveCounts(const std::vector<SurveyResponse>& rs) {
  std::vector<std::array<int64_t, 4>> counts(static_cast<size_t>(kMaxUnsur));
  for (const SurveyResponse& r : rs) {
    for (size_t i = 0; i < counts.size(); ++i) {
      if (r.answers[i] >= 1 && r.answers[i] <= 4) ++counts[i][r.answers[i] - 1u];
    }
  }
  return counts;
}
std::vector<SurveyResponse> RandomSixteen(uint32_t seed, int n) {
  std::mt19937 gen(seed);
  std::vector<SurveyResponse> rs(static_cast<size_t>(n));
  for (auto& r : rs) {
    for (auto& a : r.answers) a = static_cast<uint8_t>(gen() % 5);  // 0 = unanswered
  }
  return rs;
}

TEST(IkmAccumulator, CountsEveryAnswerOfAllSixteenSlotsExactlyForAnyBatchSizes) {
  const SkmScheme scheme = SixteenSlots();
  // Lengths around the 30-response stretches and 255-response flushes, and far beyond.
  for (int n : {1, 2, 29, 30, 31, 61, 254, 255, 256, 511, 1000, 70001}) {
    const auto rs = RandomSixteen(static_cast<uint32_t>(n), n);
    const auto want = NaiveCounts(rs);
    std::mt19937 gen(static_cast<uint32_t>(n) + 5u);
    IkmAccumulator whole, pieces, one_by_one;
    whole.Add(rs);
    for (size_t start = 0; start < rs.size();) {
      const size_t len = std::min<size_t>(rs.size() - start, 1 + gen() % 100);
      pieces.Add(std::span<const SurveyResponse>(rs.data() + start, len));
      start += len;
    }
    for (const SurveyResponse& r : rs) one_by_one.Add(r);
    for (const IkmAccumulator* acc : {&whole, &pieces, &one_by_one}) {
      EXPECT_EQ(acc->respondents(), n);
      Result<IkmResult> r = acc->Finish(scheme);
      ASSERT_TRUE(r.ok()) << r.status().message();
      for (size_t i = 0; i < want.size(); ++i) {
        for (size_t v = 0; v < 4; ++v) ASSERT_EQ(r->unsur[i].counts[v], want[i][v]) << n << " " << i;
      }
    }
  }
}

TEST(IkmAccumulator, MergedAccumulatorsCountAsOne) {
  const SkmScheme scheme = SixteenSlots();
  const auto rs = RandomSixteen(3, 500);
  IkmAccumulator a, b, all;
  a.Add(std::span<const SurveyResponse>(rs.data(), 130));
  b.Add(std::span<const SurveyResponse>(rs.data() + 130, rs.size() - 130));
  all.Add(rs);
  a.Merge(b);
  Result<IkmResult> merged = a.Finish(scheme);
  Result<IkmResult> whole = all.Finish(scheme);
  ASSERT_TRUE(merged.ok() && whole.ok());
  EXPECT_EQ(merged->respondents, 500);
  for (size_t i = 0; i < 16; ++i) EXPECT_EQ(merged->unsur[i].counts, whole->unsur[i].counts);
  EXPECT_EQ(merged->ikm, whole->ikm);
}

TEST(IkmAccumulator, AnswersAboveFourAmongValidOnesAreCountedPerSlot) {
  // Bytes that could carry into a neighbouring slot in a word-wide sum (0x85, 0xFF) as well as
  // 5; the valid answers around them must still be counted exactly.
  const SkmScheme scheme = SixteenSlots();
  auto rs = RandomSixteen(9, 300);
  rs[10].answers[3] = 5;
  rs[70].answers[15] = 0xFF;
  rs[71].answers[8] = 0x85;
  rs[71].answers[9] = 0x85;
  rs[200].answers[0] = 6;
  rs[201].answers[1] = 7;
  rs[202].answers[2] = 8;
  rs[203].answers[3] = 0x10;
  IkmAccumulator acc;
  acc.Add(rs);
  Result<IkmResult> r = acc.Finish(scheme);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "1 answer(s) to X1 are outside 1-4");
  // Without the bad answers, the same responses count as the reference does.
  rs[10].answers[3] = 0;
  rs[70].answers[15] = 0;
  rs[71].answers[8] = 0;
  rs[71].answers[9] = 1;
  for (size_t i = 0; i < 4; ++i) rs[200 + i].answers[i] = 2;
  IkmAccumulator clean;
  clean.Add(rs);
  const auto want = NaiveCounts(rs);
  Result<IkmResult> ok = clean.Finish(scheme);
  ASSERT_TRUE(ok.ok());
  for (size_t i = 0; i < 16; ++i) {
    for (size_t v = 0; v < 4; ++v) EXPECT_EQ(ok->unsur[i].counts[v], want[i][v]);
  }
}

TEST(IkmAccumulator, EveryAnswerAboveFourIsCaughtWhereverItStands) {
  const SkmScheme scheme = SixteenSlots();
  for (uint8_t bad : {5, 6, 7, 8, 9, 12, 0x10, 0x40, 0x7F, 0x80, 0x84, 0x85, 0xFF}) {
    for (size_t row : {0u, 1u, 28u, 29u, 30u, 254u, 255u}) {
      for (size_t slot : {0u, 7u, 8u, 15u}) {
        auto rs = RandomSixteen(bad + 1000u * row, 300);
        rs[row].answers[slot] = bad;
        IkmAccumulator acc;
        acc.Add(rs);
        Result<IkmResult> r = acc.Finish(scheme);
        ASSERT_FALSE(r.ok()) << int{bad} << " " << row << " " << slot;
        EXPECT_EQ(r.status().message(),
                  "1 answer(s) to X" + std::to_string(slot + 1) + " are outside 1-4");
      }
    }
  }
}

TEST(IkmAccumulator, TwoOutOfRangeAnswersInOneSlotAreBothReported) {
  auto rs = UniformResponses(200, 600);
  rs[5].answers[2] = 9;
  rs[150].answers[2] = 0x80;
  Result<IkmResult> r = ComputeIkm(Scheme(), rs);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "2 answer(s) to U3 are outside 1-4");
}

TEST(IkmPerformance, AMillionResponsesInOnePass) {
  std::vector<SurveyResponse> rs(1000000);
  for (size_t i = 0; i < rs.size(); ++i) {
    for (size_t u = 0; u < 9; ++u) rs[i].answers[u] = static_cast<uint8_t>(1 + (i + u) % 4);
  }
  Result<IkmResult> r = ComputeIkm(Scheme(), rs);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->respondents, 1000000);
  EXPECT_EQ(r->ikm_unit_hundredths, 6250);  // mean answer 2.5
}

}  // namespace
}  // namespace kinerja

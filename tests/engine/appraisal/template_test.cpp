#include "engine/appraisal/template.h"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "engine/appraisal/builtin_templates.h"

namespace kinerja {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string TemplatePath(const std::string& id) {
  return std::string(KINERJA_TEST_DATA) + "/../../engine/appraisal/templates/" + id + ".json";
}

TEST(AppraisalTemplates, EveryBuiltinLoads) {
  ASSERT_EQ(BuiltinTemplateIds().size(), 3u);
  for (const auto& id : BuiltinTemplateIds()) {
    auto t = BuiltinTemplate(id);
    ASSERT_TRUE(t.ok()) << id << ": " << t.status().ToString();
    EXPECT_EQ(t->id, id);
  }
}

TEST(AppraisalTemplates, EmbeddedTextEqualsFileOnDisk) {
  for (const auto& id : BuiltinTemplateIds()) {
    auto text = BuiltinTemplateText(id);
    ASSERT_TRUE(text.ok());
    std::string disk = ReadFile(TemplatePath(id));
    ASSERT_FALSE(disk.empty()) << TemplatePath(id);
    EXPECT_EQ(std::string(*text), disk) << id;
  }
}

}  // namespace
}  // namespace kinerja

namespace kinerja {
namespace {

// Returns the built-in 6/2022 text with `from` replaced by `to` (first occurrence).
std::string PatchedRatingTemplate(const std::string& from, const std::string& to) {
  std::string s(*BuiltinTemplateText("permenpanrb-6-2022.v1"));
  size_t pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

std::string PatchedNumericTemplate(const std::string& from, const std::string& to) {
  std::string s(*BuiltinTemplateText("pp-46-2011.v1"));
  size_t pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

void ExpectTemplateError(const std::string& text, const std::string& fragment) {
  auto t = LoadTemplate(text);
  ASSERT_FALSE(t.ok()) << "expected failure containing: " << fragment;
  EXPECT_EQ(t.status().code(), Code::kInvalidArgument);
  EXPECT_NE(t.status().message().find(fragment), std::string::npos) << t.status().message();
}

TEST(AppraisalTemplates, RatingTemplateHoldsTheSevenBerakhlakValuesWithGuidance) {
  auto t = BuiltinTemplate("permenpanrb-6-2022.v1");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->behaviour_values.size(), 7u);
  const char* names[] = {"Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis",
                         "Loyal", "Adaptif", "Kolaboratif"};
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(t->behaviour_values[i].name, names[i]);
    EXPECT_EQ(t->behaviour_values[i].guidance.size(), 3u);
  }
  EXPECT_EQ(t->perilaku_aggregation, PerilakuAggregation::kMedian);
  EXPECT_EQ(t->rater_weights[static_cast<int>(RaterGroup::kSupervisor)], 1.0);
  EXPECT_EQ(t->rater_weights[static_cast<int>(RaterGroup::kPeer)], 0.0);
  EXPECT_EQ(t->min_group_raters, 3);
}

TEST(AppraisalTemplates, NumericTemplatesCarryTheirWeights) {
  auto p46 = BuiltinTemplate("pp-46-2011.v1");
  ASSERT_TRUE(p46.ok());
  EXPECT_EQ(p46->weight_skp, 60);
  EXPECT_EQ(p46->weight_perilaku, 40);
  EXPECT_FALSE(p46->has_peer_weights);
  ASSERT_EQ(p46->behaviour_unsur.size(), 6u);
  EXPECT_TRUE(p46->behaviour_unsur[5].struktural_only);
  auto p30 = BuiltinTemplate("pp-30-2019.v1");
  ASSERT_TRUE(p30.ok());
  EXPECT_EQ(p30->weight_skp, 70);
  EXPECT_EQ(p30->weight_perilaku, 30);
  EXPECT_TRUE(p30->has_peer_weights);
  EXPECT_EQ(p30->weight_skp_with_peer, 60);
  EXPECT_EQ(p30->weight_perilaku_with_peer, 40);
}

TEST(AppraisalTemplates, RatingTextIsMatchedByNameCodeOrAliasIgnoringCase) {
  auto t = BuiltinTemplate("permenpanrb-6-2022.v1");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*ParseRating(*t, "Di Atas Ekspektasi", "x"), Rating::kDiAtas);
  EXPECT_EQ(*ParseRating(*t, "  di atas ekspektasi ", "x"), Rating::kDiAtas);
  EXPECT_EQ(*ParseRating(*t, "sesuai", "x"), Rating::kSesuai);
  EXPECT_EQ(*ParseRating(*t, "di_bawah", "x"), Rating::kDiBawah);
  EXPECT_EQ(*ParsePredikat(*t, "Misconduct", "x"), Predikat::kKurang);
  EXPECT_EQ(*ParsePredikat(*t, "Cukup", "x"), Predikat::kButuhPerbaikan);
  EXPECT_EQ(*ParseOrgPredikat(*t, "Cukup", "x"), OrgPredikat::kButuhPerbaikan);
  EXPECT_EQ(*ParseOrgPredikat(*t, "Istimewa", "x"), OrgPredikat::kIstimewa);
  auto bad = ParseRating(*t, "Luar Biasa", "rating_hasil_kerja");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "rating_hasil_kerja is 'Luar Biasa', which is not a rating; allowed: 'Di Atas "
            "Ekspektasi', 'Sesuai Ekspektasi', 'Di Bawah Ekspektasi'");
}

TEST(AppraisalTemplates, CityTemplateWithMajorityRuleAnd360WeightsLoads) {
  std::string s = PatchedRatingTemplate("\"perilaku_aggregation\": \"median\"",
                                        "\"perilaku_aggregation\": \"majority\"");
  size_t pos = s.find("\"rater_weights\"");
  size_t end = s.find('}', pos);
  s.replace(pos, end - pos + 1,
            "\"rater_weights\": {\"self\": 0, \"supervisor\": 50, \"peer\": 30, "
            "\"subordinate\": 20}");
  auto t = LoadTemplate(s);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->perilaku_aggregation, PerilakuAggregation::kMajority);
  EXPECT_EQ(t->rater_weights[static_cast<int>(RaterGroup::kPeer)], 30);
}

// ---- malformed templates

TEST(AppraisalTemplatesMalformed, BadJsonIsRejected) {
  ExpectTemplateError("{\"id\": ", "template: malformed JSON");
}

TEST(AppraisalTemplatesMalformed, UnknownKindIsRejected) {
  ExpectTemplateError(PatchedRatingTemplate("\"kind\": \"rating\"", "\"kind\": \"score\""),
                      "template.kind is 'score'; allowed: rating, numeric");
}

TEST(AppraisalTemplatesMalformed, MissingMatrixCellIsRejected) {
  ExpectTemplateError(
      PatchedRatingTemplate(
          "{\"hasil_kerja\": \"sesuai\", \"perilaku\": \"di_atas\", \"predikat\": \"baik\"},", ""),
      "template.matrix: cell (sesuai, di_atas) is missing; all 9 are needed");
}

TEST(AppraisalTemplatesMalformed, DuplicateMatrixCellIsRejected) {
  ExpectTemplateError(
      PatchedRatingTemplate("{\"hasil_kerja\": \"sesuai\", \"perilaku\": \"di_atas\"",
                            "{\"hasil_kerja\": \"sesuai\", \"perilaku\": \"sesuai\""),
      "template.matrix[5]: cell (sesuai, sesuai) is given twice");
}

TEST(AppraisalTemplatesMalformed, UnknownPredikatInMatrixIsRejected) {
  ExpectTemplateError(PatchedRatingTemplate("\"predikat\": \"sangat_baik\"}",
                                            "\"predikat\": \"istimewa\"}"),
                      "template.matrix[2].predikat is 'istimewa'; allowed: sangat_kurang, kurang, "
                      "butuh_perbaikan, baik, sangat_baik");
}

TEST(AppraisalTemplatesMalformed, LevelsOutOfOrderAreRejected) {
  ExpectTemplateError(PatchedRatingTemplate("{\"code\": \"di_bawah\"", "{\"code\": \"di_atas\""),
                      "template.rating_levels[0].code is 'di_atas'; expected 'di_bawah'");
}

TEST(AppraisalTemplatesMalformed, AliasNamingTwoLevelsIsRejected) {
  ExpectTemplateError(PatchedRatingTemplate("\"aliases\": [\"Sesuai\"]",
                                            "\"aliases\": [\"Sesuai\", \"Di Atas\"]"),
                      "a name or alias of 'sesuai' also names 'di_atas'");
}

TEST(AppraisalTemplatesMalformed, DistributionPercentAbove100IsRejected) {
  ExpectTemplateError(PatchedRatingTemplate("\"percent\": 70", "\"percent\": 170"),
                      "template.distribution_rules[1].percent must be 0-100");
}

TEST(AppraisalTemplatesMalformed, UnknownTopLevelFieldIsRejected) {
  ExpectTemplateError(PatchedRatingTemplate("\"version\": 1,", "\"version\": 1, \"extra\": 2,"),
                      "unknown field template.extra");
}

TEST(AppraisalTemplatesMalformed, WeightsNotSummingTo100AreRejected) {
  ExpectTemplateError(PatchedNumericTemplate("\"perilaku\": 40", "\"perilaku\": 30"),
                      "template.weights: skp + perilaku must be 100 (percent)");
}

TEST(AppraisalTemplatesMalformed, BandsNotDescendingAreRejected) {
  ExpectTemplateError(PatchedNumericTemplate("{\"min\": 76,", "{\"min\": 95,"),
                      "template.bands[1].min must be below the previous band's min");
}

TEST(AppraisalTemplatesMalformed, AllRaterWeightsZeroIsRejected) {
  ExpectTemplateError(PatchedNumericTemplate("\"supervisor\": 1", "\"supervisor\": 0"),
                      "template.rater_weights: at least one weight must be > 0");
}

TEST(AppraisalTemplatesMalformed, NegativeWeightIsRejected) {
  ExpectTemplateError(PatchedNumericTemplate("\"peer\": 0", "\"peer\": -1"),
                      "template.rater_weights.peer must be >= 0");
}

TEST(AppraisalTemplatesMalformed, UnknownBuiltinIdIsNotFound) {
  auto t = BuiltinTemplate("pp-46-2011.v9");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Code::kNotFound);
  EXPECT_EQ(t.status().message(),
            "unknown template 'pp-46-2011.v9'; built-in templates: permenpanrb-6-2022.v1, "
            "pp-30-2019.v1, pp-46-2011.v1");
}

}  // namespace
}  // namespace kinerja

// Competency assessments as records carry them: a position body's required levels and the
// engine's gaps and JPM for assessed levels, partial while the supervisor is still tapping.
#include "engine/competency/position_assessment.h"

#include <gtest/gtest.h>

namespace kinerja {
namespace {

Json Position() {
  return Json::parse(R"({"position_id": "petugas", "name": "Petugas Loket", "unit_id": "pelayanan",
    "competencies": [{"code": "M.01", "required_level": 2}, {"code": "M.02", "required_level": 2},
                     {"code": "T.X.01", "required_level": 3, "importance": 2}],
    "technical_competencies": [{"code": "T.X.01", "name": "Pelayanan Perizinan"}]})");
}

TEST(PositionAssessment, RequiredLevelsListTheProfileInOrderWithNamesAndTypes) {
  auto rows = RequiredLevels(Position());
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].code, "M.01");
  EXPECT_EQ((*rows)[0].name, "Integritas");
  EXPECT_EQ((*rows)[0].type, "manajerial");
  EXPECT_EQ((*rows)[0].required_level, 2);
  EXPECT_EQ((*rows)[2].code, "T.X.01");
  EXPECT_EQ((*rows)[2].name, "Pelayanan Perizinan");
  EXPECT_EQ((*rows)[2].type, "teknis");
  EXPECT_EQ((*rows)[2].required_level, 3);
}

TEST(PositionAssessment, ABadPositionBodyIsRefusedNamingTheField) {
  struct Case { const char* what; const char* patch; const char* message; };
  const Case cases[] = {
      {"unknown field", R"({"grade": 3})", "unknown field position.grade"},
      {"no competencies", R"({"competencies": []})", "position.competencies must list"},
      {"level 6", R"({"competencies": [{"code": "M.01", "required_level": 6}]})",
       "position.competencies[0].required_level is 6"},
      {"undeclared technical code", R"({"competencies": [{"code": "T.Y.09", "required_level": 2}]})",
       "T.Y.09"},
      {"empty id", R"({"position_id": ""})", "position_id must not be empty"},
  };
  for (const auto& c : cases) {
    Json body = Position();
    body.merge_patch(Json::parse(c.patch));
    auto rows = RequiredLevels(body);
    ASSERT_FALSE(rows.ok()) << c.what;
    EXPECT_EQ(rows.status().code(), Code::kInvalidArgument) << c.what;
    EXPECT_NE(rows.status().message().find(c.message), std::string::npos)
        << c.what << ": " << rows.status().message();
  }
}

TEST(PositionAssessment, IsPartialUntilEveryRequiredCompetencyIsAssessed) {
  auto none = ScoreCompetencyAssessment(Position(), Json::object());
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE((*none)["complete"].get<bool>());
  EXPECT_EQ((*none)["missing"], Json::parse(R"(["M.01", "M.02", "T.X.01"])"));
  EXPECT_TRUE((*none)["gaps"].empty());

  auto some = ScoreCompetencyAssessment(Position(), Json{{"M.02", 1}});
  ASSERT_TRUE(some.ok()) << some.status().ToString();
  EXPECT_FALSE((*some)["complete"].get<bool>());
  EXPECT_EQ((*some)["missing"], Json::parse(R"(["M.01", "T.X.01"])"));
  ASSERT_EQ((*some)["gaps"].size(), 1u);
  EXPECT_EQ((*some)["gaps"][0]["code"], "M.02");
  EXPECT_EQ((*some)["gaps"][0]["gap"], -1);
  EXPECT_FALSE(some->contains("jpm")) << "no JPM over part of the profile";
}

TEST(PositionAssessment, ACompleteAssessmentGetsTheEnginesGapsAndCappedJpm) {
  // Required 2+2+3 = 7; assessed 3, 1, 3: capped 2+1+3 = 6 -> 85.71 (Cukup Optimal, MS);
  // raw 7/7 = 100.
  auto r = ScoreCompetencyAssessment(Position(), Json{{"M.01", 3}, {"M.02", 1}, {"T.X.01", 3}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE((*r)["complete"].get<bool>());
  EXPECT_EQ((*r)["sum_required"], 7);
  EXPECT_DOUBLE_EQ((*r)["jpm"].get<double>(), 85.71);
  EXPECT_DOUBLE_EQ((*r)["jpm_raw"].get<double>(), 100.0);
  EXPECT_EQ((*r)["mapping_code"], "CO");
  EXPECT_EQ((*r)["selection_code"], "MS");
  EXPECT_EQ((*r)["competencies_below_required"], 1);
  ASSERT_EQ((*r)["gaps"].size(), 3u);
  EXPECT_EQ((*r)["gaps"][0]["gap"], 1);
  EXPECT_EQ((*r)["gaps"][1]["gap"], -1);
  EXPECT_EQ((*r)["gaps"][2]["gap"], 0);
  EXPECT_FALSE(r->contains("missing"));
}

TEST(PositionAssessment, AssessedLevelsOutsideTheProfileOrScaleAreRefused) {
  struct Case { Json assessed; const char* message; };
  const Case cases[] = {
      {Json{{"M.08", 3}}, "assessed.M.08 is not a competency of position petugas"},
      {Json{{"M.01", 6}}, "assessed.M.01 must be an integer level 1-5"},
      {Json{{"M.01", 0}}, "assessed.M.01 must be an integer level 1-5"},
      {Json{{"M.01", "3"}}, "assessed.M.01 must be an integer level 1-5"},
      {Json{{"M.01", 2.5}}, "assessed.M.01 must be an integer level 1-5"},
      {Json::array({2, 2, 3}), "assessed must be an object"},
  };
  for (const auto& c : cases) {
    auto r = ScoreCompetencyAssessment(Position(), c.assessed);
    ASSERT_FALSE(r.ok()) << c.assessed;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
    EXPECT_NE(r.status().message().find(c.message), std::string::npos) << r.status().message();
  }
}

}  // namespace
}  // namespace kinerja

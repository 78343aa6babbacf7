#include "engine/competency/competency_json.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream f(std::string(KINERJA_TEST_DATA) + "/competency/" + name);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(CompetencyCommand, GoodFileGivesGapsJpmCategoriesAndUnitNeeds) {
  auto r = CompetencyReportFromJson(Fixture("good.json"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Json& emps = (*r)["employees"];
  ASSERT_EQ(emps.size(), 4u);
  // Kabid: administrator defaults (3) with M.08 and T.KEU.01 raised to 4, S.01 3 -> 29/32.
  const Json& kabid = emps[0];
  EXPECT_EQ(kabid["sum_required"], 32);
  EXPECT_EQ(kabid["sum_assessed_capped"], 29);
  EXPECT_EQ(kabid["jpm"], 90.63);
  EXPECT_EQ(kabid["mapping_code"], "O");
  EXPECT_EQ(kabid["selection_code"], "MS");
  EXPECT_EQ(kabid["gaps"].size(), 10u);
  EXPECT_EQ(kabid["gaps"][0]["level_source"], "default_unverified");
  EXPECT_EQ(kabid["gaps"][7]["code"], "M.08");
  EXPECT_EQ(kabid["gaps"][7]["level_source"], "position");
  EXPECT_EQ(kabid["gaps"][7]["gap"], -1);
  // Analis 2: M.01 surplus 3 vs 2 is capped: capped 2+2+1+2+1 = 8 of 11, raw 9 of 11.
  const Json& analis = emps[2];
  EXPECT_EQ(analis["sum_required"], 11);
  EXPECT_EQ(analis["sum_assessed"], 9);
  EXPECT_EQ(analis["sum_assessed_capped"], 8);
  EXPECT_EQ(analis["jpm"], 72.73);
  EXPECT_EQ(analis["jpm_raw"], 81.82);
  EXPECT_EQ(analis["mapping_category"], "Kurang Optimal");
  EXPECT_EQ(analis["selection_category"], "Masih Memenuhi Syarat");

  const Json& units = (*r)["training_needs"];
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0]["unit"], "Bidang Anggaran");
  EXPECT_EQ(units[0]["staff"], 3);
  const Json& teknis = units[0]["teknis"];
  ASSERT_EQ(teknis.size(), 1u);
  EXPECT_EQ(teknis[0]["code"], "T.KEU.01");
  EXPECT_EQ(teknis[0]["staff_with_gap"], 3);
  EXPECT_EQ(teknis[0]["total_gap"], 4);
  EXPECT_EQ(teknis[0]["mean_gap"], 1.33);
  EXPECT_EQ(teknis[0]["priority"], 9.0);  // 1 x 3 + 1 x 2 + 2 x 2
  EXPECT_EQ(units[0]["manajerial"][0]["code"], "M.08");  // priority 2 (importance 2)
  ASSERT_TRUE(units[0].contains("remeasure"));
  EXPECT_EQ(units[0]["remeasure"][0]["code"], "M.01");
  EXPECT_EQ(units[0]["remeasure"][0]["mean_paired_change"], 1.0);
  EXPECT_FALSE(units[1].contains("remeasure"));
  EXPECT_EQ((*r)["notes"].size(), 2u);
}

struct BadCase {
  const char* file;
  const char* message;
};

TEST(CompetencyCommandMalformed, EachBadFileIsRejectedWithAnActionableMessage) {
  const BadCase cases[] = {
      {"level_6.json", "employees[1].assessed.M.02 is 6; levels are integers 1-5"},
      {"required_level_6.json",
       "positions[0].competencies[0].required_level is 6; levels are integers 1-5"},
      {"unknown_code.json",
       "employees[2].assessed.M.99: unknown competency code \"M.99\"; use M.01-M.08, S.01 or a "
       "code listed in technical_competencies"},
      {"unknown_code_in_position.json",
       "positions[1].competencies[5].code: unknown competency code \"T.HUKUM.01\"; use "
       "M.01-M.08, S.01 or a code listed in technical_competencies"},
      {"unknown_position.json",
       "employees[3].position \"KASUBAG-UMUM\" is not the id of any entry in positions"},
      {"unknown_jenjang.json",
       "positions[0].jenjang \"eselon_3\" is not one of jpt_utama, jpt_madya, jpt_pratama, "
       "administrator, pengawas, pelaksana"},
      {"wrong_type_level.json", "employees[0].assessed.M.01 must be an integer level 1-5, not string"},
      {"wrong_type_employees.json", "employees must be an array, not object"},
      {"missing_level.json",
       "employees[1] (id 199001012015032001): no assessed level for T.KEU.01, which position "
       "ANALIS-ANG requires"},
  };
  for (const auto& c : cases) {
    auto r = CompetencyReportFromJson(Fixture(c.file));
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << c.file;
    EXPECT_EQ(r.status().message(), c.message) << c.file;
  }
}

TEST(CompetencyCommandMalformed, BadJsonNamesThePosition) {
  auto r = CompetencyReportFromJson(Fixture("bad_json.json"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("malformed JSON at byte", 0), 0u) << r.status().message();
}

TEST(CompetencyCommandMalformed, InlinePayloads) {
  EXPECT_EQ(CompetencyReportFromJson("[]").status().message(), "the file must hold a JSON object");
  EXPECT_EQ(CompetencyReportFromJson("{}").status().message(), "positions is missing");
  EXPECT_EQ(CompetencyReportFromJson(R"({"positions": [], "employees": [], "extra": 1})")
                .status()
                .message(),
            "unknown field extra");
  EXPECT_EQ(CompetencyReportFromJson(
                R"({"positions": [{"id": "P"}], "employees": []})")
                .status()
                .message(),
            "positions[0] (P) requires no competencies; give jenjang or competencies");
  EXPECT_EQ(CompetencyReportFromJson(
                R"({"technical_competencies": [{"code": "M.01", "name": "x"}],
                    "positions": [], "employees": []})")
                .status()
                .message(),
            "technical_competencies[0].code \"M.01\" is a managerial/socio-cultural code; pick "
            "another code");
  EXPECT_EQ(CompetencyReportFromJson(
                R"({"positions": [{"id": "P", "jenjang": "pengawas"}],
                    "employees": [{"id": "E", "position": "P", "unit": "U", "assessed": []}]})")
                .status()
                .message(),
            "employees[0].assessed must be an object of competency code -> level, not array");
  EXPECT_EQ(CompetencyReportFromJson(
                R"({"positions": [{"id": "P", "competencies": [{"code": "M.01",
                    "required_level": 2, "importance": 0}]}], "employees": []})")
                .status()
                .message(),
            "positions[0].competencies[0].importance must be > 0 and <= 100");
}

TEST(CompetencyCommand, EmptyEmployeeListGivesEmptyReport) {
  auto r = CompetencyReportFromJson(
      R"({"positions": [{"id": "P", "jenjang": "pengawas"}], "employees": []})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE((*r)["employees"].empty());
  EXPECT_TRUE((*r)["training_needs"].empty());
}

}  // namespace
}  // namespace kinerja

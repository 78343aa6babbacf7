#include "engine/analytics/objectivity_json.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream f(std::string(KINERJA_TEST_DATA) + "/objectivity/" + name);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

const Json* FindRater(const Json& report, const std::string& id) {
  for (const auto& r : report["raters"]) {
    if (r["rater"] == id) return &r;
  }
  return nullptr;
}

TEST(ObjectivityCommand, GoodFileFlagsTheLenientRaterWithItsNumbers) {
  auto r = ObjectivityReportFromJson(Fixture("good.json"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["scale"]["min"], 1);
  EXPECT_EQ((*r)["scale"]["max"], 3);
  EXPECT_EQ((*r)["scale"]["midpoint"], 2);
  EXPECT_EQ((*r)["summary"]["ratings"], 58);
  EXPECT_EQ((*r)["summary"]["self_ratings"], 6);
  EXPECT_EQ((*r)["summary"]["raters"], 5);
  const Json* len = FindRater(*r, "LEN");
  ASSERT_NE(len, nullptr);
  EXPECT_EQ((*len)["status"], "ok");
  EXPECT_EQ((*len)["flags"], Json::parse(R"(["lenient","restricted_range","halo","distribution_differs"])"));
  EXPECT_EQ((*len)["leniency"]["baseline"], "other_raters_same_ratees");
  EXPECT_EQ((*len)["leniency"]["ratees_used"], 6);
  EXPECT_GT((*len)["leniency"]["z"].get<double>(), 2.0);
  EXPECT_EQ((*len)["distribution"]["counts"], Json::parse("[0,0,12]"));
  const Json* fresh = FindRater(*r, "NEW");
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ((*fresh)["status"], "insufficient_data");
  EXPECT_TRUE((*fresh)["flags"].empty());
  EXPECT_EQ((*fresh)["leniency"]["baseline"], "grand_mean");
  EXPECT_TRUE(FindRater(*r, "P1")->at("flags").empty());

  const Json& gaps = (*r)["self_vs_supervisor"];
  ASSERT_EQ(gaps.size(), 3u);
  EXPECT_EQ(gaps[2]["ratee"], "E3");
  EXPECT_EQ(gaps[2]["gap"], -2.0);
  EXPECT_EQ(gaps[2]["flag"], "self_lower");
  EXPECT_TRUE(gaps[0]["flag"].is_null());

  const Json& rel = (*r)["reliability"];
  ASSERT_EQ(rel.size(), 3u);
  EXPECT_EQ(rel[0]["dimension"], "akuntabel");
  EXPECT_EQ(rel[0]["icc"]["ratees_used"], 6);
  EXPECT_EQ(rel[0]["icc"]["raters"], Json::parse(R"(["LEN","P1","P2","P3"])"));
  EXPECT_TRUE(rel[0]["icc"]["icc2_1"]["value"].is_number());
  EXPECT_TRUE(rel[0]["krippendorff_alpha"]["ordinal"]["alpha"].is_number());
  EXPECT_EQ(rel[2]["dimension"], "*");
  EXPECT_EQ(rel[2]["icc"]["unavailable"], "ICC is reported per dimension only");
}

TEST(ObjectivityCommand, OptionsChangeTheThresholds) {
  auto r = ObjectivityReportFromJson(R"({"scale": {"min": 1, "max": 5},
      "options": {"min_ratees": 1},
      "ratings": [{"rater": "A", "group": "peer", "ratee": "X", "dimension": "d", "value": 5}]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["options"]["min_ratees"], 1);
  EXPECT_EQ((*r)["raters"][0]["status"], "ok");
  EXPECT_EQ((*r)["raters"][0]["leniency"]["baseline"], "none");
  EXPECT_TRUE((*r)["raters"][0]["leniency"]["z"].is_null());
  EXPECT_EQ((*r)["reliability"][0]["krippendorff_alpha"]["unavailable"],
            "alpha needs at least 2 pairable values (units rated twice or more)");
}

struct BadCase {
  const char* file;
  const char* message;
};

TEST(ObjectivityCommandMalformed, EachBadFileIsRejectedWithAnActionableMessage) {
  const BadCase cases[] = {
      {"value_off_scale.json", "ratings[1].value is 4; the scale allows integers 1-3"},
      {"unknown_group.json",
       "ratings[0].group \"atasan\" is not one of self, supervisor, peer, subordinate"},
      {"wrong_type.json", "ratings[0].value must be an integer, not string"},
      {"duplicate.json", "ratings[2] repeats ratings[0]: rater A already rated X on akuntabel"},
      {"self_mismatch.json", "ratings[0]: a self rating needs rater == ratee, got A rating X"},
      {"bad_scale.json",
       "scale min 3 and max 1 are invalid; need min < max and at most 101 categories"},
      {"unknown_scale.json",
       "scale \"likert_7\" is not one of rating_3, predikat_5, level_5 (or give {\"min\": 1, "
       "\"max\": 3})"},
      {"bad_option.json", "options.leniency_z must be a number > 0"},
      {"missing_ratings.json", "ratings is missing"},
  };
  for (const auto& c : cases) {
    auto r = ObjectivityReportFromJson(Fixture(c.file));
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << c.file;
    EXPECT_EQ(r.status().message(), c.message) << c.file;
  }
}

TEST(ObjectivityCommandMalformed, BadJsonAndInlinePayloads) {
  auto bad = ObjectivityReportFromJson(Fixture("bad_json.json"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("malformed JSON at byte", 0), 0u);
  EXPECT_EQ(ObjectivityReportFromJson("42").status().message(), "the file must hold a JSON object");
  EXPECT_EQ(ObjectivityReportFromJson(R"({"scale": 3, "ratings": []})").status().message(),
            "scale must be a name or an object, not number");
  EXPECT_EQ(ObjectivityReportFromJson(R"({"scale": "rating_3", "ratings": {}})").status().message(),
            "ratings must be an array, not object");
  EXPECT_EQ(ObjectivityReportFromJson(
                R"({"scale": "rating_3", "ratings": [{"rater": "A", "group": "peer",
                    "ratee": "B", "dimension": "d", "value": 2, "note": "x"}]})")
                .status()
                .message(),
            "unknown field ratings[0].note");
  EXPECT_EQ(ObjectivityReportFromJson(
                R"({"scale": "rating_3", "options": {"min_ratees": 0}, "ratings": []})")
                .status()
                .message(),
            "options.min_ratees must be 1-1000, got 0");
}

}  // namespace
}  // namespace kinerja

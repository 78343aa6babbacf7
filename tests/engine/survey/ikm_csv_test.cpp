// `kinerja ikm FILE`: report from fixture CSVs in tests/data/survey, including bad sheets
// whose error messages must name the row and column.
#include "engine/survey/ikm_csv.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace kinerja {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(KINERJA_TEST_DATA) + "/survey/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string ErrorOf(const std::string& fixture, std::optional<int64_t> population = {}) {
  Result<Json> r = IkmReportFromCsv(Fixture(fixture), population);
  EXPECT_FALSE(r.ok()) << fixture;
  return r.ok() ? "" : r.status().message();
}

TEST(IkmReport, GroupedSheetGivesOverallAndPerUnitServiceAndMonth) {
  Result<Json> r = IkmReportFromCsv(Fixture("good_grouped.csv"), 500);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Json& j = *r;
  EXPECT_EQ(j["respondents"], 40);
  const Json& o = j["overall"];
  EXPECT_EQ(o["ikm_unit"], 80.28);
  EXPECT_EQ(o["ikm"], 3.2112);
  EXPECT_EQ(o["grade"], "B");
  EXPECT_EQ(o["label"], "Baik");
  EXPECT_EQ(o["few_responses"], false);
  ASSERT_EQ(o["elements"].size(), 9u);
  EXPECT_EQ(o["elements"][3]["code"], "U4");
  EXPECT_EQ(o["elements"][3]["name"], "Biaya/Tarif");
  EXPECT_EQ(o["elements"][3]["answered"], 39);
  EXPECT_EQ(o["elements"][3]["nrr"], 3.0256);
  EXPECT_EQ(o["elements"][0]["nrr"], 3.125);

  ASSERT_EQ(j["by_unit"].size(), 2u);
  EXPECT_EQ(j["by_unit"][0]["unit"], "DPMPTSP");  // sorted by name, byte order
  EXPECT_EQ(j["by_unit"][1]["unit"], "Disdukcapil");
  for (const Json& u : j["by_unit"]) {
    if (u["unit"] == "Disdukcapil") EXPECT_EQ(u["ikm_unit"], 81.94);
    if (u["unit"] == "DPMPTSP") EXPECT_EQ(u["ikm_unit"], 78.60);
    EXPECT_EQ(u["respondents"], 20);
    EXPECT_EQ(u["few_responses"], true);
  }
  ASSERT_EQ(j["by_service"].size(), 2u);
  ASSERT_EQ(j["by_period"].size(), 2u);
  EXPECT_EQ(j["by_period"][0]["period"], "2024-01");
  EXPECT_EQ(j["by_period"][0]["ikm_unit"], 80.34);
  EXPECT_EQ(j["by_period"][0]["respondents"], 26);
  EXPECT_EQ(j["by_period"][1]["period"], "2024-02");
  EXPECT_EQ(j["by_period"][1]["ikm_unit"], 80.16);

  EXPECT_EQ(j["ignored_columns"], Json::array({"No"}));
  const Json& s = j["sample"];
  EXPECT_EQ(s["population"], 500);
  EXPECT_EQ(s["required"], 217);
  EXPECT_EQ(s["achieved"], 40);
  EXPECT_EQ(s["sufficient"], false);
  EXPECT_EQ(s["shortfall"], 177);
  EXPECT_NE(s["message"].get<std::string>().find("too few"), std::string::npos);
}

TEST(IkmReport, WithoutPopulationTheSampleVerdictIsUnknown) {
  Result<Json> r = IkmReportFromCsv(Fixture("good_grouped.csv"), std::nullopt);
  ASSERT_TRUE(r.ok());
  const Json& s = (*r)["sample"];
  EXPECT_TRUE(s["population"].is_null());
  EXPECT_TRUE(s["required"].is_null());
  EXPECT_TRUE(s["sufficient"].is_null());
  EXPECT_NE(s["message"].get<std::string>().find("unknown"), std::string::npos);
}

TEST(IkmReport, BomCrLfLowercaseHeadersAndQuotedUnitNames) {
  Result<Json> r = IkmReportFromCsv(Fixture("bom_crlf_quoted.csv"), 2);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)["respondents"], 2);
  EXPECT_EQ((*r)["overall"]["ikm_unit"], 87.5);
  EXPECT_EQ((*r)["overall"]["grade"], "B");
  ASSERT_EQ((*r)["by_unit"].size(), 1u);
  EXPECT_EQ((*r)["by_unit"][0]["unit"], "Kantor \"Satu\", Pusat");
  EXPECT_EQ((*r)["by_service"], Json::array());
  EXPECT_EQ((*r)["by_period"], Json::array());
  EXPECT_EQ((*r)["sample"]["required"], 2);
  EXPECT_EQ((*r)["sample"]["sufficient"], true);
}

TEST(IkmReport, BlankAnswerRowsAreSkippedAndCounted) {
  Result<Json> r = IkmReportFromCsv("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n,,,,,,,,\n",
                                    std::nullopt);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["respondents"], 1);
  EXPECT_EQ((*r)["skipped_blank_rows"], 1);
  EXPECT_EQ((*r)["overall"]["ikm_unit"], 100.0);
}

TEST(IkmReport, ParsesAMillionRowSheet) {
  std::string text = "U1,U2,U3,U4,U5,U6,U7,U8,U9,unit,date\n";
  const char* rows[2] = {"4,4,3,3,4,4,4,3,4,A,2024-01-05\n", "3,3,3,2,3,4,3,3,3,B,2024-02-05\n"};
  for (int i = 0; i < 1000000; ++i) text += rows[i % 2];
  Result<SurveyTable> t = ParseSurveyCsv(text, Permenpanrb14Of2017Scheme());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->responses.size(), 1000000u);
  EXPECT_EQ(t->units.size(), 3u);  // "", A, B
  Result<IkmResult> r = ComputeIkm(Permenpanrb14Of2017Scheme(), t->responses);
  ASSERT_TRUE(r.ok());
  // Per unsur NRR is the mean of the two rows' answers; IKM = (33 + 27) / 18 = 3.3333.
  EXPECT_EQ(r->ikm_unit_hundredths, 8333);
}

TEST(IkmReport, ManyInterleavedUnitAndServiceNamesEachKeepOneId) {
  // 300 units (the name table grows several times) in an order that defeats a last-hit cache,
  // names sharing long prefixes and differing only in length or in the last byte.
  std::string text = "U1,U2,U3,U4,U5,U6,U7,U8,U9,unit,layanan\n";
  std::vector<std::string> unit_of_row;
  for (int i = 0; i < 3000; ++i) {
    const int u = (i * 7919) % 300;
    std::string unit = "Unit Pelayanan Terpadu Satu Pintu " + std::to_string(u);
    unit_of_row.push_back(unit);
    text += "3,3,3,3,3,3,3,3,3,\"" + unit + "\",\"Layanan " + std::string(1 + u % 3, 'x') + "\"\n";
  }
  Result<SurveyTable> t = ParseSurveyCsv(text, Permenpanrb14Of2017Scheme());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->units.size(), 301u);     // "" and 300 units
  EXPECT_EQ(t->services.size(), 4u);    // "" and three lengths
  for (size_t i = 1; i < t->units.size(); ++i) {
    for (size_t j = 0; j < i; ++j) ASSERT_NE(t->units[i], t->units[j]);
  }
  for (size_t i = 0; i < unit_of_row.size(); ++i) {
    ASSERT_EQ(t->units[t->responses[i].unit], unit_of_row[i]) << i;
  }
}

// --- malformed sheets ---

TEST(IkmReportMalformed, AnswerFiveNamesRowAndColumn) {
  EXPECT_EQ(ErrorOf("bad_answer_5.csv"),
            "row 3 (line 4), column U5: \"5\" is not an answer; answers must be 1, 2, 3 or 4 "
            "(leave the cell empty when unanswered)");
}

TEST(IkmReportMalformed, AnswerZeroNamesRowAndColumn) {
  const std::string m = ErrorOf("bad_answer_0.csv");
  EXPECT_NE(m.find("row 1 (line 2), column U1: \"0\""), std::string::npos) << m;
}

TEST(IkmReportMalformed, NonNumericAnswerNamesRowAndColumn) {
  const std::string m = ErrorOf("bad_answer_x.csv");
  EXPECT_NE(m.find("row 2 (line 3), column U3: \"x\""), std::string::npos) << m;
}

TEST(IkmReportMalformed, MissingUnsurColumnIsNamed) {
  const std::string m = ErrorOf("bad_missing_u4.csv");
  EXPECT_NE(m.find("missing column(s) U4 (Biaya/Tarif)"), std::string::npos) << m;
}

TEST(IkmReportMalformed, EmptyFileAndHeaderOnlyFile) {
  EXPECT_EQ(ErrorOf("empty.csv"), "the file is empty; a header row is required");
  EXPECT_NE(ErrorOf("header_only.csv").find("no respondent"), std::string::npos);
}

TEST(IkmReportMalformed, RowWithWrongFieldCountNamesTheLine) {
  EXPECT_EQ(ErrorOf("bad_field_count.csv"),
            "line 3 (row 2): expected 9 fields as in the header, found 8");
}

TEST(IkmReportMalformed, ImpossibleDateNamesRowAndColumn) {
  const std::string m = ErrorOf("bad_date.csv");  // 2024-02-29 is fine, 2023-02-29 is not
  EXPECT_NE(m.find("row 2 (line 3), column date: \"2023-02-29\" is not a valid date"),
            std::string::npos)
      << m;
  Result<Json> r = IkmReportFromCsv(
      "U1,U2,U3,U4,U5,U6,U7,U8,U9,tanggal\n4,4,4,4,4,4,4,4,4,15/03/2024\n", std::nullopt);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("column tanggal"), std::string::npos);
}

TEST(IkmReportMalformed, UnclosedQuoteNamesTheLine) {
  const std::string m = ErrorOf("bad_unclosed_quote.csv");
  EXPECT_NE(m.find("line 2"), std::string::npos) << m;
}

TEST(IkmReportMalformed, UnsurNobodyAnsweredAndBadPopulation) {
  Result<Json> r =
      IkmReportFromCsv("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,,4,4,4,4,4\n", std::nullopt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "no respondent answered U4; the IKM needs an NRR for every unsur");
  Result<Json> p = IkmReportFromCsv(Fixture("good_grouped.csv"), 0);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("population must be"), std::string::npos);
}

}  // namespace
}  // namespace kinerja

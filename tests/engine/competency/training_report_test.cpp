// Training needs over stored competency assessment records, as the server's report and the
// supervisor's tablet compute them: which records count, the re-measure baseline, skipped
// assessments, and units named beside their ids.
#include "engine/competency/training_report.h"

#include <gtest/gtest.h>

namespace kinerja {
namespace {

Json Position(const char* id, int m01, int t01) {
  return Json{{"position_id", id}, {"name", std::string("Jabatan ") + id}, {"unit_id", "pelayanan"},
              {"competencies", Json::array({Json{{"code", "M.01"}, {"required_level", m01}},
                                            Json{{"code", "T.X.01"}, {"required_level", t01},
                                                 {"importance", 2}}})},
              {"technical_competencies", Json::array({Json{{"code", "T.X.01"}, {"name", "Perizinan"}}})}};
}

AssessmentRecord Record(const std::string& id, const std::string& employee, const std::string& period,
                        const std::string& status, const std::string& position, int m01, int t01) {
  return AssessmentFromBody(
      id, employee,
      Json{{"employee_id", employee}, {"period", period}, {"status", status},
           {"position_id", position}, {"assessed", {{"M.01", m01}, {"T.X.01", t01}}}});
}

TrainingReportInput City() {
  TrainingReportInput in;
  in.period = "2026";
  in.positions = {{"loket", Position("loket", 2, 3)}, {"analis", Position("analis", 3, 3)}};
  in.employees = {{"e-ani", {"Ani", "pelayanan"}}, {"e-dedi", {"Dedi", "pelayanan"}},
                  {"e-agus", {"Agus", "pengaduan"}}};
  in.unit_names = {{"pelayanan", "Bidang Pelayanan"}, {"pengaduan", "Bidang Pengaduan"}};
  in.assessments = {
      Record("a25", "e-ani", "2025", "submitted", "loket", 2, 1),
      Record("a26", "e-ani", "2026", "submitted", "loket", 2, 2),
      Record("d26", "e-dedi", "2026", "submitted", "analis", 2, 3),
      Record("g26", "e-agus", "2026", "draft", "loket", 1, 1),
  };
  return in;
}

const Json* Find(const Json& list, const std::string& key, const std::string& value) {
  for (const auto& item : list) {
    if (item.value(key, "") == value) return &item;
  }
  return nullptr;
}

TEST(TrainingReport, OnlySubmittedAssessmentsOfThePeriodCountAndUnitsAreNamedBesideTheirIds) {
  auto r = TrainingNeedsFromRecords(City());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["period"], "2026");
  EXPECT_EQ((*r)["previous_period"], "2025");
  EXPECT_EQ((*r)["assessed"], 2) << "Agus's draft is left out";
  ASSERT_EQ((*r)["training_needs"].size(), 1u);
  const Json& unit = (*r)["training_needs"][0];
  EXPECT_EQ(unit["unit_id"], "pelayanan");
  EXPECT_EQ(unit["unit"], "Bidang Pelayanan");
  EXPECT_EQ(unit["staff"], 2);
  const Json* m01 = Find(unit["manajerial"], "code", "M.01");
  ASSERT_NE(m01, nullptr) << unit.dump();
  EXPECT_EQ((*m01)["staff_with_gap"], 1) << "Dedi: 2 of the 3 analis requires";
  const Json* t01 = Find(unit["teknis"], "code", "T.X.01");
  ASSERT_NE(t01, nullptr) << unit.dump();
  EXPECT_EQ((*t01)["staff_with_gap"], 1) << "Ani: 2 of the 3 loket requires";
  EXPECT_EQ((*t01)["name"], "Perizinan");
  const Json* ani = Find((*r)["employees"], "id", "e-ani");
  ASSERT_NE(ani, nullptr);
  EXPECT_EQ((*ani)["name"], "Ani");
  EXPECT_EQ((*ani)["unit"], "Bidang Pelayanan");
}

TEST(TrainingReport, TheSubmittedAssessmentOfTheYearBeforeIsTheRemeasureBaseline) {
  auto r = TrainingNeedsFromRecords(City());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Json& unit = (*r)["training_needs"][0];
  const Json* t01 = Find(unit["remeasure"], "code", "T.X.01");
  ASSERT_NE(t01, nullptr) << unit.dump();
  EXPECT_EQ((*t01)["n_paired"], 1);
  EXPECT_EQ((*t01)["mean_paired_change"], 1.0) << "Ani: 1 in 2025, 2 in 2026";

  // A draft of the year before is no baseline; neither is a non-year period's "before".
  TrainingReportInput in = City();
  in.assessments[0].status = "draft";
  auto no_base = TrainingNeedsFromRecords(in);
  ASSERT_TRUE(no_base.ok());
  EXPECT_FALSE((*no_base)["training_needs"][0].contains("remeasure"));
  EXPECT_EQ(PreviousPeriod("2026-S1"), "");
  EXPECT_EQ(PreviousPeriod("2000"), "1999");
}

TEST(TrainingReport, ABaselineKeepsOnlyLevelsThePositionStillRequires) {
  TrainingReportInput in = City();
  in.assessments[0] = AssessmentFromBody(
      "a25", "e-ani",
      Json{{"period", "2025"}, {"status", "submitted"}, {"position_id", "loket"},
           {"assessed", {{"M.01", 2}, {"T.X.01", 1}, {"M.09", 4}, {"M.02", "x"}}}});
  auto r = TrainingNeedsFromRecords(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["assessed"], 2);
  EXPECT_TRUE((*r)["skipped"].empty());
  const Json& remeasure = (*r)["training_needs"][0]["remeasure"];
  ASSERT_NE(Find(remeasure, "code", "T.X.01"), nullptr) << remeasure.dump();
  EXPECT_EQ((*Find(remeasure, "code", "T.X.01"))["n_paired"], 1);
  EXPECT_EQ(Find(remeasure, "code", "M.09"), nullptr);
}

TEST(TrainingReport, AnAssessmentThatNoLongerFitsItsPositionIsSkippedWithTheReason) {
  TrainingReportInput in = City();
  in.positions["loket"]["competencies"].push_back(Json{{"code", "M.02"}, {"required_level", 2}});
  in.assessments.push_back(Record("x26", "e-agus", "2026", "submitted", "gone", 2, 2));
  auto r = TrainingNeedsFromRecords(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["assessed"], 1) << "only Dedi's still fits";
  ASSERT_EQ((*r)["skipped"].size(), 2u);
  const Json* ani = Find((*r)["skipped"], "record_id", "a26");
  ASSERT_NE(ani, nullptr);
  EXPECT_NE((*ani)["reason"].get<std::string>().find("M.02"), std::string::npos) << *ani;
  const Json* agus = Find((*r)["skipped"], "record_id", "x26");
  ASSERT_NE(agus, nullptr);
  EXPECT_NE((*agus)["reason"].get<std::string>().find("position gone"), std::string::npos) << *agus;
}

TEST(TrainingReport, EachNeedNamesTheStaffBelowTheStandardAndTheEmployeeListIsOptional) {
  auto built = BuildTrainingReport(City());
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  Json full = TrainingReportJson(**built);
  Json needs_only = TrainingReportJson(**built, /*with_employees=*/false);
  EXPECT_EQ(full["employees"].size(), 2u);
  EXPECT_FALSE(needs_only.contains("employees"));
  EXPECT_EQ(needs_only["training_needs"], full["training_needs"]);
  const Json& unit = needs_only["training_needs"][0];
  EXPECT_EQ((*Find(unit["manajerial"], "code", "M.01"))["staff_below_standard"],
            Json::array({{{"employee_id", "e-dedi"}, {"name", "Dedi"}}}));
  EXPECT_EQ((*Find(unit["teknis"], "code", "T.X.01"))["staff_below_standard"],
            Json::array({{{"employee_id", "e-ani"}, {"name", "Ani"}}}));
  auto below = StaffBelowStandard(needs_only);
  EXPECT_EQ(below["pelayanan"]["T.X.01"], std::vector<std::string>{"Ani"});
  EXPECT_EQ(TrainingNeedsCsv(needs_only), TrainingNeedsCsv(full)) << "the CSV needs no employee list";
}

TEST(TrainingReport, TheLastSubmittedAssessmentOfAnEmployeeCountsAndTheEarlierIsSkipped) {
  TrainingReportInput in = City();
  in.assessments.push_back(Record("a26b", "e-ani", "2026", "submitted", "loket", 2, 3));
  auto r = TrainingNeedsFromRecords(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["assessed"], 2);
  ASSERT_EQ((*r)["skipped"].size(), 1u);
  EXPECT_EQ((*r)["skipped"][0]["record_id"], "a26");
  EXPECT_NE((*r)["skipped"][0]["reason"].get<std::string>().find("(a26b) replaces it"), std::string::npos);
  EXPECT_EQ(Find((*r)["training_needs"][0]["teknis"], "code", "T.X.01"), nullptr)
      << "Ani's later assessment meets T.X.01";
}

TEST(TrainingReport, ALevelThatIsNotAWholeNumberOneToFiveIsSkippedNamingTheCode) {
  TrainingReportInput in = City();
  in.assessments[1] = AssessmentFromBody(
      "a26", "e-ani",
      Json{{"period", "2026"}, {"status", "submitted"}, {"position_id", "loket"},
           {"assessed", {{"M.01", 2.5}, {"T.X.01", 2}}}});
  in.assessments[2].assessed->at(0).level = 6;
  auto r = TrainingNeedsFromRecords(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["assessed"], 0);
  ASSERT_EQ((*r)["skipped"].size(), 2u);
  for (const auto& s : (*r)["skipped"]) {
    EXPECT_NE(s["reason"].get<std::string>().find("must be an integer level 1-5"), std::string::npos) << s;
  }
  EXPECT_TRUE((*r)["employees"].empty());
  // A body whose `assessed` is not an object reads as no levels at all.
  AssessmentRecord odd = AssessmentFromBody("x", "e-x", Json{{"assessed", Json::array({1})}, {"period", 2026}});
  EXPECT_FALSE(odd.assessed.has_value());
  EXPECT_EQ(odd.period, "") << "a period that is not text";
}

TEST(TrainingReport, NothingToReportIsAnEmptyReportAndABadPeriodIsRefused) {
  TrainingReportInput in = City();
  in.period = "2030";
  auto r = TrainingNeedsFromRecords(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["assessed"], 0);
  EXPECT_TRUE((*r)["training_needs"].empty());
  EXPECT_TRUE((*r)["employees"].empty());
  in.period = "";
  EXPECT_EQ(TrainingNeedsFromRecords(in).status().code(), Code::kInvalidArgument);
  in.period = std::string(21, '1');
  EXPECT_EQ(TrainingNeedsFromRecords(in).status().code(), Code::kInvalidArgument);
}

TEST(TrainingReport, TheCsvHasOneRowPerCompetencyShortOfTheStandardWithItsStaff) {
  TrainingReportInput in = City();
  in.employees["e-ani"].name = "=HYPERLINK(\"x\")";  // a name a spreadsheet must not evaluate
  in.unit_names["pelayanan"] = "Bidang Pelayanan, Perizinan";
  auto r = TrainingNeedsFromRecords(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::string csv = TrainingNeedsCsv(*r);
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBFperiod,unit_id,unit,type,code,competency,", 0), 0u) << csv;
  std::vector<std::string> lines;
  for (size_t pos = 0, end; (end = csv.find("\r\n", pos)) != std::string::npos; pos = end + 2) {
    lines.push_back(csv.substr(pos, end - pos));
  }
  ASSERT_EQ(lines.size(), 3u) << csv;  // the header, M.01 (Dedi), T.X.01 (Ani)
  EXPECT_EQ(lines[1], "2026,pelayanan,\"Bidang Pelayanan, Perizinan\",manajerial,M.01,Integritas,2,1,1,1.0,1.0,Dedi")
      << csv;
  EXPECT_EQ(lines[2], "2026,pelayanan,\"Bidang Pelayanan, Perizinan\",teknis,T.X.01,Perizinan,2,1,1,1.0,2.0,"
                      "\"'=HYPERLINK(\"\"x\"\")\"")
      << csv;
}

}  // namespace
}  // namespace kinerja

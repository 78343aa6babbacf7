// GET /api/v1/reports/training-needs: the submitted competency assessments a caller may read,
// scored by the engine against each employee's position and summed per unit, with the
// re-measure against the period before; an assessment that no longer fits its position is
// listed as skipped, never guessed at.
#include "tests/server/export/file_tools.h"
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class TrainingNeedsApi : public DemoCity {
 protected:
  static Json Assessment(const std::string& id, const std::string& employee,
                         const std::string& period, const std::string& status, const Json& assessed) {
    return Json{{"change_id", "c-" + id}, {"record_id", id}, {"kind", "competency_assessment"},
                {"base_version", 0},
                {"body", {{"employee_id", employee}, {"period", period}, {"status", status},
                          {"assessed", assessed}}}};
  }

  // Levels at `level` for every code, with the exceptions given.
  static Json Levels(std::initializer_list<const char*> codes, int level, const Json& except = Json::object()) {
    Json a;
    for (const char* c : codes) a[c] = level;
    for (const auto& [code, l] : except.items()) a[code] = l;
    return a;
  }

  void PushAll(const std::string& user, const Json& changes) {
    std::string device = user + "-tab";
    auto r = Call("POST", "/api/v1/sync/push", Push(device, changes), LoginAs(user, device));
    ASSERT_EQ(r.status, 200) << r.body;
  }

  // Budi assesses Ani (2025 and 2026) and Dedi (2026), and leaves Sri's as a draft; Rina
  // assesses Agus (2026).
  void SetUp() override {
    DemoCity::SetUp();
    const auto ani = {"M.01", "M.02", "M.03", "M.04", "M.05", "S.01", "T.PTSP.01", "T.ARS.01"};
    const auto dedi = {"M.01", "M.02", "M.05", "M.08", "S.01"};
    PushAll("budi", Json::array({
        Assessment("cmp-ani-2025", "e-ani", "2025", "submitted",
                   Levels(ani, 2, {{"M.03", 1}, {"T.PTSP.01", 1}})),
        Assessment("cmp-ani-2026", "e-ani", "2026", "submitted", Levels(ani, 2, {{"M.03", 1}})),
        Assessment("cmp-dedi-2026", "e-dedi", "2026", "submitted",
                   Levels(dedi, 2, {{"M.04", 2}, {"T.PTSP.01", 2}})),
        Assessment("cmp-sri-2026", "e-sri", "2026", "draft", Json{{"M.01", 1}}),
    }));
    PushAll("rina", Json::array({Assessment(
        "cmp-agus-2026", "e-agus", "2026", "submitted",
        Levels({"M.01", "M.03", "M.05", "S.01", "T.PGD.01"}, 3, {{"M.01", 2}, {"S.01", 2}, {"M.03", 2}}))}));
  }

  Json Report(const std::string& user, const std::string& query, int expect = 200) {
    auto r = Call("GET", "/api/v1/reports/training-needs" + query, "", LoginAs(user, user + "-pc"));
    EXPECT_EQ(r.status, expect) << r.body;
    return Json::parse(r.body);
  }

  static const Json* Find(const Json& list, const std::string& key, const std::string& value) {
    for (const auto& item : list) {
      if (item.value(key, "") == value) return &item;
    }
    return nullptr;
  }
};

TEST_F(TrainingNeedsApi, HrSeesEverySubmittedAssessmentOfThePeriodSummedPerUnitWithTheRemeasure) {
  Json r = Report("hr", "?period=2026");
  EXPECT_EQ(r["period"], "2026");
  EXPECT_EQ(r["previous_period"], "2025");
  EXPECT_EQ(r["assessed"], 3) << "Ani, Dedi, Agus; Sri's draft is not counted";
  EXPECT_EQ(r["skipped"].size(), 0u) << r.dump();
  ASSERT_EQ(r["training_needs"].size(), 2u) << r.dump();

  const Json* pelayanan = Find(r["training_needs"], "unit_id", "pelayanan");
  ASSERT_NE(pelayanan, nullptr) << r.dump();
  EXPECT_EQ((*pelayanan)["unit"], "Bidang Pelayanan Perizinan Terpadu");
  EXPECT_EQ((*pelayanan)["staff"], 2);
  const Json* m03 = Find((*pelayanan)["manajerial"], "code", "M.03");
  ASSERT_NE(m03, nullptr) << pelayanan->dump();
  EXPECT_EQ((*m03)["staff_with_gap"], 1);
  EXPECT_EQ((*m03)["total_gap"], 1);
  const Json* m04 = Find((*pelayanan)["manajerial"], "code", "M.04");
  ASSERT_NE(m04, nullptr) << pelayanan->dump();
  EXPECT_EQ((*m04)["staff_with_gap"], 1) << "Dedi: level 2 of the 3 his position requires";
  const Json* ptsp = Find((*pelayanan)["teknis"], "code", "T.PTSP.01");
  ASSERT_NE(ptsp, nullptr) << pelayanan->dump();
  EXPECT_EQ((*ptsp)["staff_with_gap"], 1) << "Dedi short; Ani at her position's level now";
  EXPECT_EQ((*ptsp)["staff_assessed"], 2);

  // Ani's 2025 assessment: T.PTSP.01 rose from 1 to 2 after a year, M.03 stayed at 1.
  const Json* rm_ptsp = Find((*pelayanan)["remeasure"], "code", "T.PTSP.01");
  ASSERT_NE(rm_ptsp, nullptr) << pelayanan->dump();
  EXPECT_EQ((*rm_ptsp)["n_paired"], 1);
  EXPECT_EQ((*rm_ptsp)["mean_paired_change"], 1.0);
  const Json* rm_m03 = Find((*pelayanan)["remeasure"], "code", "M.03");
  ASSERT_NE(rm_m03, nullptr);
  EXPECT_EQ((*rm_m03)["mean_paired_change"], 0.0);

  const Json* pengaduan = Find(r["training_needs"], "unit_id", "pengaduan");
  ASSERT_NE(pengaduan, nullptr);
  EXPECT_EQ((*pengaduan)["staff"], 1);
  EXPECT_FALSE(pengaduan->contains("remeasure")) << "no earlier assessment there";

  // The city-wide answer names who is short under each need, not every employee's gaps.
  EXPECT_FALSE(r.contains("employees")) << "HR reads the employee list per unit";
  EXPECT_EQ((*m03)["staff_below_standard"], Json::array({{{"employee_id", "e-ani"}, {"name", "Ani Lestari"}}}));
  EXPECT_EQ((*m04)["staff_below_standard"], Json::array({{{"employee_id", "e-dedi"}, {"name", "Dedi Kurniawan"}}}));
  EXPECT_TRUE(r["unit"].is_null());
}

TEST_F(TrainingNeedsApi, HrDrillsIntoAUnitAndItsSubtreeWithEveryEmployeesGaps) {
  Json r = Report("hr", "?period=2026&unit=pelayanan");
  EXPECT_EQ(r["unit"], Json({{"unit_id", "pelayanan"}, {"name", "Bidang Pelayanan Perizinan Terpadu"}}));
  EXPECT_EQ(r["assessed"], 2) << "Ani and Dedi; Agus is in pengaduan";
  ASSERT_EQ(r["training_needs"].size(), 1u);
  ASSERT_EQ(r["employees"].size(), 2u);
  const Json* ani = Find(r["employees"], "id", "e-ani");
  ASSERT_NE(ani, nullptr);
  EXPECT_EQ((*ani)["name"], "Ani Lestari");
  EXPECT_EQ((*ani)["unit_id"], "pelayanan");
  EXPECT_EQ((*ani)["competencies_below_required"], 1);
  EXPECT_EQ(Report("hr", "?period=2026&unit=dpmptsp")["assessed"], 3) << "the dinas holds both bidang";
  EXPECT_NE(Report("hr", "?period=2026&unit=nowhere", 404).dump().find("unit nowhere does not exist"),
            std::string::npos);
  // A supervisor's unit filter stays inside their scope.
  EXPECT_EQ(Report("budi", "?period=2026&unit=pengaduan")["assessed"], 0);

  auto xlsx = Call("GET", "/api/v1/reports/training-needs?period=2026&unit=pelayanan&format=xlsx", "",
                   LoginAs("hr", "hr-pc"));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.headers[0].second, "attachment; filename=\"kebutuhan-pelatihan-2026-pelayanan.xlsx\"");
  testing::ScratchFile file("training-needs-unit.xlsx", xlsx.body);
  std::string workbook = testing::ZipMember(file.path(), "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"employees\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"gaps\""), std::string::npos) << workbook;
}

TEST_F(TrainingNeedsApi, ASupervisorSeesOnlyTheStaffTheyAppraise) {
  Json r = Report("budi", "?period=2026");
  EXPECT_EQ(r["assessed"], 2);
  ASSERT_EQ(r["training_needs"].size(), 1u);
  EXPECT_EQ(r["training_needs"][0]["unit_id"], "pelayanan");
  EXPECT_EQ(r["employees"].size(), 2u) << "a supervisor's own staff are listed";
  EXPECT_EQ(Find(r["employees"], "id", "e-agus"), nullptr);
  EXPECT_EQ(Report("rina", "?period=2026")["assessed"], 1);
}

TEST_F(TrainingNeedsApi, HrCanTakeTheReportAsCsvForASpreadsheet) {
  auto r = Call("GET", "/api/v1/reports/training-needs?period=2026&format=csv", "", LoginAs("hr", "hr-pc"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(r.body.find("\r\n2026,pelayanan,Bidang Pelayanan Perizinan Terpadu,manajerial,M.03,Komunikasi,1,1,1,"),
            std::string::npos) << r.body;
  EXPECT_NE(r.body.find(",Ani Lestari\r\n"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("2026,pengaduan,"), std::string::npos) << r.body;
  r = Call("GET", "/api/v1/reports/training-needs?period=2026&format=xml", "", LoginAs("hr", "hr-pc"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("format must be json, csv or xlsx"), std::string::npos) << r.body;
}

TEST_F(TrainingNeedsApi, HrCanTakeTheReportAsAnXlsxWorkbook) {
  auto r = Call("GET", "/api/v1/reports/training-needs?period=2026&format=xlsx", "",
                LoginAs("hr", "hr-pc"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Content-Disposition");
  EXPECT_EQ(r.headers[0].second, "attachment; filename=\"kebutuhan-pelatihan-2026.xlsx\"");
  testing::ScratchFile file("training-needs.xlsx", r.body);
  std::string workbook = testing::ZipMember(file.path(), "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"training_needs\""), std::string::npos) << workbook;
  EXPECT_EQ(workbook.find("name=\"employees\""), std::string::npos)
      << "the city's workbook is its needs; a unit's adds employees and gaps";
  // training_needs: staff_assessed, staff_with_gap and total_gap (G, H, I) are numbers.
  std::string needs = testing::ZipMember(file.path(), "xl/worksheets/sheet1.xml");
  for (const char* cell : {"<c r=\"G2\"><v>", "<c r=\"H2\"><v>", "<c r=\"I2\"><v>"}) {
    EXPECT_NE(needs.find(cell), std::string::npos) << cell << " in " << needs;
  }
  EXPECT_NE(needs.find("state=\"frozen\""), std::string::npos);
  std::string strings = testing::ZipMember(file.path(), "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Ani Lestari"), std::string::npos) << strings;
  EXPECT_NE(strings.find("Bidang Pelayanan Perizinan Terpadu"), std::string::npos);

  EXPECT_EQ(Call("GET", "/api/v1/reports/training-needs?period=2026&format=xlsx", "",
                 LoginAs("ani", "ani-pc"))
                .status,
            403);
  EXPECT_EQ(Call("GET", "/api/v1/reports/training-needs?period=2026&format=pdf", "",
                 LoginAs("hr", "hr-pc"))
                .status,
            400);
}

TEST_F(TrainingNeedsApi, TheCsvDownloadIsNamedAfterThePeriod) {
  auto r = Call("GET", "/api/v1/reports/training-needs?period=2026&format=csv", "",
                LoginAs("hr", "hr-pc"));
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "attachment; filename=\"kebutuhan-pelatihan-2026.csv\"");
}

TEST_F(TrainingNeedsApi, EmployeesAndEnumeratorsAreRefused) {
  EXPECT_EQ(Report("ani", "?period=2026", 403)["error"]["code"], "permission_denied");
  EXPECT_EQ(Report("loket1", "?period=2026", 403)["error"]["code"], "permission_denied");
  auto r = Call("GET", "/api/v1/reports/training-needs?period=2026", "");
  EXPECT_EQ(r.status, 401);
  r = Call("POST", "/api/v1/reports/training-needs", "{}", LoginAs("hr", "hr-pc"));
  EXPECT_EQ(r.status, 405);
}

TEST_F(TrainingNeedsApi, ThePeriodDefaultsToThisYearAndMustBeShort) {
  Json r = Report("hr", "");
  EXPECT_EQ(r["period"], "2027") << "the test clock is in January 2027";
  EXPECT_EQ(r["assessed"], 0);
  EXPECT_EQ(r["training_needs"].size(), 0u);
  EXPECT_EQ(Report("hr", "?period=", 400)["error"]["code"], "invalid_argument");
  EXPECT_EQ(Report("hr", "?period=" + std::string(21, '9'), 400)["error"]["code"], "invalid_argument");
  EXPECT_EQ(Report("hr", "?period=2024")["assessed"], 0);
}

TEST_F(TrainingNeedsApi, AnAssessmentThatNoLongerFitsItsPositionIsSkippedWithTheReason) {
  // HR adds a competency to Ani's position after she was assessed.
  auto pos = store_->RecordsById({"position.pengadministrasi-perizinan"});
  ASSERT_TRUE(pos.ok());
  Json body = pos->at("position.pengadministrasi-perizinan").body;
  body["competencies"].push_back(Json{{"code", "M.06"}, {"required_level", 2}});
  ASSERT_TRUE(store_->PutServerRecord("position.pengadministrasi-perizinan", "position", "pelayanan", body).ok());
  Json r = Report("hr", "?period=2026");
  EXPECT_EQ(r["assessed"], 2);
  ASSERT_EQ(r["skipped"].size(), 1u);
  EXPECT_EQ(r["skipped"][0]["record_id"], "cmp-ani-2026");
  EXPECT_NE(r["skipped"][0]["reason"].get<std::string>().find("M.06"), std::string::npos) << r["skipped"];
}

}  // namespace
}  // namespace kinerja::server::testing

#include "web/app/hr_report_view.h"

#include <gtest/gtest.h>

#include <cmath>

#include "web/app/hr_reports.h"
#include "web/app/i18n.h"

namespace kinerja::web {
namespace {

Json Parse(const char* text) { return *ParseJson(text); }

const ReportTable* Table(const HrReportView& v, const std::string& id) {
  for (const auto& t : v.tables) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const ReportChart* Chart(const HrReportView& v, const std::string& id) {
  for (const auto& c : v.charts) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

bool HasLine(const HrReportView& v, const std::string& part, bool warn) {
  for (const auto& l : v.lines) {
    if (l.text.find(part) != std::string::npos && l.warn == warn) return true;
  }
  return false;
}

const char* kProgress = R"({"report": "progress", "period": "2026", "period_start": "2026-01-01",
 "period_end": "2026-12-31", "as_of": "2027-01-15T08:00:00Z", "unit": null,
 "totals": {"staff": 3, "not_started": 1, "draft": 1, "submitted": 0, "signed_off": 1, "objected": 0, "overdue": 2},
 "units": [{"unit_id": "pelayanan", "unit": "Bidang Pelayanan", "staff": 2, "not_started": 1, "draft": 0,
            "submitted": 0, "signed_off": 1, "objected": 0, "overdue": 1},
           {"unit_id": "pengaduan", "unit": "Bidang Pengaduan", "staff": 1, "not_started": 0, "draft": 1,
            "submitted": 0, "signed_off": 0, "objected": 0, "overdue": 1}],
 "employees": [{"employee_id": "e-ani", "name": "Ani Lestari", "unit_id": "pelayanan", "status": "signed_off",
                "appraisal_id": "skp-e-ani-2026", "overdue": false},
               {"employee_id": "e-sri", "name": "Sri Wahyuni", "unit_id": "pelayanan", "status": "not_started",
                "overdue": true, "days_overdue": 15},
               {"employee_id": "e-agus", "name": "Agus Salim", "unit_id": "pengaduan", "status": "draft",
                "overdue": true, "days_overdue": 15}]})";

TEST(HrReportView, ProgressDrillsFromTheCityToAUnitToAnEmployee) {
  SetLang(Lang::kId);
  const Json r = Parse(kProgress);
  auto top = BuildHrReportView(HrReportKind::kProgress, r, {});
  ASSERT_TRUE(top.ok()) << top.status().message();
  EXPECT_EQ(top->heading, "Seluruh pemerintah kota");
  const ReportChart* status = Chart(*top, "status");
  ASSERT_NE(status, nullptr);
  ASSERT_TRUE(status->bars.has_value());
  EXPECT_EQ(status->bars->values, (std::vector<double>{1, 1, 0, 1, 0}));
  const ReportTable* units = Table(*top, "units");
  ASSERT_NE(units, nullptr);
  ASSERT_EQ(units->rows.size(), 2u);
  EXPECT_EQ(units->rows[0].drill_unit, "pelayanan");
  EXPECT_EQ(units->rows[0].cells[0].text, "Bidang Pelayanan");
  EXPECT_EQ(units->rows[0].cells.back().text, "1");  // overdue
  EXPECT_TRUE(units->rows[0].warn);
  EXPECT_TRUE(HasLine(*top, "2026-12-31", false));

  auto unit = BuildHrReportView(HrReportKind::kProgress, r, {"pelayanan", ""});
  ASSERT_TRUE(unit.ok());
  EXPECT_EQ(unit->heading, "Bidang Pelayanan");
  const ReportTable* staff = Table(*unit, "employees");
  ASSERT_NE(staff, nullptr);
  ASSERT_EQ(staff->rows.size(), 2u) << "only the unit's own staff";
  EXPECT_EQ(staff->rows[1].cells[0].text, "Sri Wahyuni");
  EXPECT_EQ(staff->rows[1].cells[1].text, "belum dinilai");
  EXPECT_EQ(staff->rows[1].cells[2].text, "15");
  EXPECT_TRUE(staff->rows[1].warn);
  EXPECT_EQ(staff->rows[1].drill_id, "e-sri");

  auto ani = BuildHrReportView(HrReportKind::kProgress, r, {"pelayanan", "e-ani"});
  ASSERT_TRUE(ani.ok());
  EXPECT_EQ(ani->heading, "Bidang Pelayanan › Ani Lestari");
  EXPECT_EQ(ani->document_employee, "e-ani") << "a signed-off appraisal prints";
  auto sri = BuildHrReportView(HrReportKind::kProgress, r, {"pelayanan", "e-sri"});
  ASSERT_TRUE(sri.ok());
  EXPECT_EQ(sri->document_employee, "") << "nothing to print before an appraisal is submitted";
  EXPECT_TRUE(HasLine(*sri, "15", true));

  EXPECT_EQ(BuildHrReportView(HrReportKind::kProgress, r, {"nowhere", ""}).status().code(),
            Code::kNotFound);
  EXPECT_EQ(BuildHrReportView(HrReportKind::kProgress, r, {"", "e-nobody"}).status().code(),
            Code::kNotFound);
}

TEST(HrReportView, AReportOfAnotherKindOrNotAnObjectIsRefused) {
  EXPECT_EQ(BuildHrReportView(HrReportKind::kDistribution, Parse(kProgress), {}).status().code(),
            Code::kInvalidArgument);
  EXPECT_FALSE(BuildHrReportView(HrReportKind::kProgress, Json::array(), {}).ok());
}

TEST(HrReportView, MissingNumbersShowAsADashNotAFailure) {
  auto v = BuildHrReportView(
      HrReportKind::kProgress,
      Parse(R"({"report": "progress", "units": [{"unit_id": "x", "unit": "X", "staff": "many"}]})"), {});
  ASSERT_TRUE(v.ok());
  const ReportTable* units = Table(*v, "units");
  ASSERT_NE(units, nullptr);
  EXPECT_EQ(units->rows[0].cells[1].text, "-");
  EXPECT_TRUE(std::isnan(units->rows[0].cells[1].sort));
}

const char* kDistribution = R"({"report": "distribution", "period": "2026", "unit": null, "appraisals_not_counted": 1,
 "units": [{"unit_id": "pelayanan", "unit": "Bidang Pelayanan", "staff_count": 3,
            "counts": {"sangat_baik": 1, "baik": 2, "butuh_perbaikan": 0, "kurang": 0, "sangat_kurang": 0},
            "capaian_kinerja_organisasi": "butuh_perbaikan",
            "checks": [{"rule": "BP_BP_MIN_60", "kind": "min_percent", "predikat": ["butuh_perbaikan"], "percent": 60,
                        "bound": 2, "actual_count": 0, "actual_percent": 0.0, "ok": false},
                       {"rule": "BP_SB_MAX_10", "kind": "max_percent", "predikat": ["sangat_baik"], "percent": 10,
                        "bound": 0, "actual_count": 1, "actual_percent": 33.33, "ok": false},
                       {"rule": "BP_B_SB_MAX", "kind": "max_percent", "predikat": ["baik", "sangat_baik"], "percent": 40,
                        "bound": 1, "actual_count": 3, "actual_percent": 100.0, "ok": false}],
            "violations": [{"rule": "BP_BP_MIN_60"}, {"rule": "BP_SB_MAX_10"}, {"rule": "BP_B_SB_MAX"}],
            "ok": false, "feasible": true},
           {"unit_id": "pengaduan", "unit": "Bidang Pengaduan", "staff_count": 1,
            "counts": {"sangat_baik": 0, "baik": 1, "butuh_perbaikan": 0, "kurang": 0, "sangat_kurang": 0},
            "capaian_kinerja_organisasi": null, "note": "no capaian"}],
 "units_without_org_predikat": [{"unit_id": "pengaduan", "unit": "Bidang Pengaduan"}]})";

TEST(HrReportView, TheDistributionCurveBoundsEachPredikatItsOwnRuleNames) {
  SetLang(Lang::kId);
  const Json r = Parse(kDistribution);
  auto top = BuildHrReportView(HrReportKind::kDistribution, r, {});
  ASSERT_TRUE(top.ok());
  const ReportChart* curve = Chart(*top, "distribution");
  ASSERT_NE(curve, nullptr);
  // Lowest predikat first: sangat kurang, kurang, butuh perbaikan, baik, sangat baik.
  EXPECT_EQ(curve->bars->values, (std::vector<double>{0, 0, 0, 3, 1}));
  EXPECT_TRUE(curve->bars->bands.empty()) << "the city's sum has no bounds of its own";
  EXPECT_TRUE(HasLine(*top, "Bidang Pengaduan", true)) << "a unit without capaian is named";
  const ReportTable* units = Table(*top, "units");
  ASSERT_NE(units, nullptr);
  EXPECT_EQ(units->rows[0].cells.back().text, "3");
  EXPECT_TRUE(units->rows[0].warn);
  EXPECT_EQ(units->rows[1].cells[7].text, "Belum ditetapkan");

  auto unit = BuildHrReportView(HrReportKind::kDistribution, r, {"pelayanan", ""});
  ASSERT_TRUE(unit.ok());
  curve = Chart(*unit, "distribution");
  ASSERT_NE(curve, nullptr);
  ASSERT_EQ(curve->bars->bands.size(), 5u);
  EXPECT_EQ(curve->bars->bands[2].lower, 2) << "butuh perbaikan at least 2";
  EXPECT_TRUE(std::isnan(curve->bars->bands[2].upper));
  EXPECT_EQ(curve->bars->bands[4].upper, 0) << "sangat baik at most 0";
  EXPECT_FALSE(curve->bars->bands[3].any()) << "a rule over a set bounds no single bar";
  EXPECT_TRUE(HasLine(*unit, "BP_BP_MIN_60: 0 dari 3 pegawai Butuh Perbaikan; minimal 2", true));
  EXPECT_TRUE(HasLine(*unit, "BP_B_SB_MAX: 3 dari 3 pegawai Baik + Sangat Baik; maksimal 1", true));
  EXPECT_TRUE(HasLine(*unit, "Butuh Perbaikan", false)) << "the capaian";

  auto none = BuildHrReportView(HrReportKind::kDistribution, r, {"pengaduan", ""});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(HasLine(*none, "belum ditetapkan", true));
}

TEST(HrReportView, ObjectivityChartsLeniencyAgainstItsThresholdAndShowsARatersNumbers) {
  SetLang(Lang::kEn);
  const Json r = Parse(R"({"report": "objectivity", "period": "2026", "unit": null,
   "options": {"min_ratees": 3, "leniency_z": 2.0},
   "raters": [{"rater": "e-budi", "name": "Budi", "ratees": 4, "status": "ok", "flags": ["lenient", "halo"],
               "leniency": {"mean_difference": 0.9, "z": 2.5, "threshold": 2.0},
               "central_tendency": {"sd_ratio": 0.4, "sd_ratio_threshold": 0.5, "midpoint_share": 0.25},
               "halo": {"mean_within_ratee_sd": 0.0, "sd_threshold": 0.2},
               "distribution": {"counts": [0, 4, 28], "chi_square": 9.1, "p_value": 0.01, "alpha": 0.05}},
              {"rater": "e-rina", "name": "Rina", "ratees": 1, "status": "insufficient_data", "flags": [],
               "leniency": {"z": -0.4}}],
   "self_vs_supervisor": [{"ratee": "e-ani", "name": "Ani", "self_mean": 3.0, "supervisor_mean": 2.0,
                           "gap": 1.0, "flag": "self_higher"}]})");
  auto top = BuildHrReportView(HrReportKind::kObjectivity, r, {});
  ASSERT_TRUE(top.ok());
  const ReportChart* leniency = Chart(*top, "leniency");
  ASSERT_NE(leniency, nullptr);
  EXPECT_EQ(leniency->bars->values[0], 2.5);
  EXPECT_TRUE(std::isnan(leniency->bars->values[1])) << "too few ratees: no bar";
  EXPECT_EQ(leniency->bars->bands[0].lower, -2.0);
  EXPECT_EQ(leniency->bars->bands[0].upper, 2.0);
  const ReportTable* raters = Table(*top, "raters");
  ASSERT_NE(raters, nullptr);
  EXPECT_EQ(raters->rows[0].cells[2].text, "lenient, halo");
  EXPECT_TRUE(raters->rows[0].warn);
  EXPECT_EQ(raters->rows[1].cells[2].text, "too few");
  EXPECT_FALSE(raters->rows[1].warn);
  EXPECT_EQ(raters->rows[0].drill_id, "e-budi");
  EXPECT_TRUE(HasLine(*top, "fewer than 3 ratees", false));
  const ReportTable* gaps = Table(*top, "self_vs_supervisor");
  ASSERT_NE(gaps, nullptr);
  EXPECT_EQ(gaps->rows[0].cells[4].text, "self higher");

  auto budi = BuildHrReportView(HrReportKind::kObjectivity, r, {"", "e-budi"});
  ASSERT_TRUE(budi.ok());
  EXPECT_TRUE(HasLine(*budi, "z 2.50 (threshold 2.0)", false));
  EXPECT_EQ(Chart(*budi, "rater_ratings")->bars->values, (std::vector<double>{0, 4, 28}));
  auto rina = BuildHrReportView(HrReportKind::kObjectivity, r, {"", "e-rina"});
  ASSERT_TRUE(rina.ok());
  EXPECT_TRUE(HasLine(*rina, "Only 1 ratees (at least 3 needed)", true));
  SetLang(Lang::kId);
}

TEST(HrReportView, SatisfactionShowsElementsTrendSampleAndLowestElementsPerUnit) {
  SetLang(Lang::kId);
  const Json r = Parse(R"({"report": "satisfaction", "period": "2026", "unit": null,
   "overall": {"respondents": 3, "ikm_unit": 81.48, "grade": "B",
               "elements": [{"code": "U1", "nrr": 3.33}, {"code": "U9", "nrr": 2.67}]},
   "units": [{"unit_id": "dpmptsp", "unit": "DPMPTSP", "respondents": 3, "ikm_unit": 81.48, "grade": "B",
              "few_responses": true,
              "elements": [{"code": "U1", "name": "Persyaratan", "answered": 3, "nrr": 3.3333},
                           {"code": "U9", "name": "Sarana dan Prasarana", "answered": 3, "nrr": 2.6667}],
              "lowest_elements": [{"code": "U9", "name": "Sarana dan Prasarana", "nrr": 2.6667}],
              "sample": {"population": 50, "required": 44, "achieved": 3, "sufficient": false},
              "services": [{"service": "IMB", "respondents": 2, "ikm_unit": 84.72, "grade": "B"}],
              "trend": [{"month": "2026-01", "ikm_unit": 87.5}, {"month": "2026-02", "ikm_unit": 69.44}]}]})");
  auto top = BuildHrReportView(HrReportKind::kSatisfaction, r, {});
  ASSERT_TRUE(top.ok());
  EXPECT_TRUE(HasLine(*top, "IKM 81.48 (mutu B), 3 responden", false));
  const ReportTable* units = Table(*top, "units");
  ASSERT_NE(units, nullptr);
  EXPECT_EQ(units->rows[0].cells[4].text, "44");
  EXPECT_EQ(units->rows[0].cells[5].text, "kurang");
  EXPECT_TRUE(units->rows[0].warn);

  auto unit = BuildHrReportView(HrReportKind::kSatisfaction, r, {"dpmptsp", ""});
  ASSERT_TRUE(unit.ok());
  EXPECT_TRUE(HasLine(*unit, "Sampel kurang: 3 dari 44 yang diperlukan (populasi 50", true));
  EXPECT_TRUE(HasLine(*unit, "U9 Sarana dan Prasarana (2.67)", false));
  const ReportChart* elements = Chart(*unit, "ikm_elements");
  ASSERT_NE(elements, nullptr);
  EXPECT_EQ(elements->bars->labels, (std::vector<std::string>{"U1", "U9"}));
  EXPECT_EQ(elements->bars->options.domain_min, 1);
  EXPECT_EQ(elements->bars->options.domain_max, 4);
  const ReportChart* trend = Chart(*unit, "ikm_trend");
  ASSERT_NE(trend, nullptr);
  ASSERT_EQ(trend->lines->series.size(), 1u);
  EXPECT_EQ(trend->lines->series[0].points[1].y, 69.44);
  EXPECT_EQ(trend->lines->x_labels[1].text, "Feb 2026");
  EXPECT_EQ(BuildHrReportView(HrReportKind::kSatisfaction, r, {"dpmptsp", "someone"}).status().code(),
            Code::kNotFound)
      << "survey answers have no person level";
}

TEST(HrReportView, ServiceTimeDrawsTheMonthlyWaitAgainstTheStandardWithTheSplitMarked) {
  SetLang(Lang::kId);
  const Json r = Parse(R"({"report": "service-time", "period": "2026", "unit": null, "split": "2026-04-16",
   "units": [{"unit_id": "dpmptsp", "unit": "DPMPTSP", "tickets": 4, "open_tickets": 1,
              "standard": {"max_wait_minutes": 15, "max_total_minutes": 30},
              "wait": {"median_minutes": 15.0, "p90_minutes": 27.0}, "wait_within_standard_share": 0.5,
              "months": [{"month": "2026-03", "wait": {"count": 3, "median_minutes": 20.0, "p90_minutes": 28.0},
                          "wait_within_standard_share": 0.3333},
                         {"month": "2026-04", "wait": {"count": 1, "median_minutes": 5.0, "p90_minutes": 5.0},
                          "wait_within_standard_share": 1.0}],
              "comparison": {"before": {"wait": {"median_minutes": 20.0}}, "after": {"wait": {"median_minutes": 5.0}},
                             "median_wait_change_minutes": -15.0, "wait_within_standard_share_change": 0.6667}}]})");
  auto top = BuildHrReportView(HrReportKind::kServiceTime, r, {});
  ASSERT_TRUE(top.ok());
  const ReportTable* units = Table(*top, "units");
  ASSERT_NE(units, nullptr);
  EXPECT_EQ(units->rows[0].cells[4].text, "50 %");
  auto unit = BuildHrReportView(HrReportKind::kServiceTime, r, {"dpmptsp", ""});
  ASSERT_TRUE(unit.ok());
  const ReportChart* wait = Chart(*unit, "wait_trend");
  ASSERT_NE(wait, nullptr);
  ASSERT_EQ(wait->lines->series.size(), 2u);
  EXPECT_EQ(wait->lines->series[0].points[0].y, 20.0);
  EXPECT_EQ(wait->lines->series[1].points[0].y, 28.0);
  EXPECT_EQ(wait->lines->options.reference_y, 15);
  EXPECT_NEAR(wait->lines->options.marker_x, 1 + 15 / 31.0, 1e-9) << "16 April on the April slot";
  EXPECT_TRUE(HasLine(*unit, "median tunggu 20.0 -> 5.0 mnt (-15.0 mnt)", false));
  const ReportTable* months = Table(*unit, "months");
  ASSERT_NE(months, nullptr);
  EXPECT_EQ(months->rows[0].cells[0].text, "Mar 2026");
  EXPECT_EQ(months->rows[0].cells[4].text, "33 %");
}

TEST(HrReportView, TheCaseStudyPutsWaitIkmAndTrainingOnOneTimeAxis) {
  SetLang(Lang::kId);
  const Json r = Parse(R"({"report": "unit-timeline", "from": "2026-04", "to": "2026-06", "unit": {"unit_id": "dpmptsp", "name": "DPMPTSP"},
   "standard": {"max_wait_minutes": 15},
   "months": [{"month": "2026-04", "tickets": 100, "wait_median_minutes": 24.0, "wait_p90_minutes": 40.0, "respondents": 50, "ikm_unit": 70.1, "grade": "C"},
              {"month": "2026-05", "tickets": 0, "wait_median_minutes": null, "wait_p90_minutes": null, "respondents": 0, "ikm_unit": null, "grade": null},
              {"month": "2026-06", "tickets": 90, "wait_median_minutes": 12.0, "wait_p90_minutes": 20.0, "respondents": 40, "ikm_unit": 82.0, "grade": "B"}],
   "trainings": [{"record_id": "training.1", "title": "Pelayanan Prima", "start_date": "2026-05-11", "hours": 24,
                  "participants": 2, "participant_names": ["Ani Lestari", "Sri Wahyuni"]}]})");
  auto v = BuildHrReportView(HrReportKind::kTimeline, r, {});
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->heading, "DPMPTSP");
  const ReportChart* wait = Chart(*v, "timeline_wait");
  const ReportChart* ikm = Chart(*v, "timeline_ikm");
  ASSERT_NE(wait, nullptr);
  ASSERT_NE(ikm, nullptr);
  EXPECT_TRUE(std::isnan(wait->lines->series[0].points[1].y)) << "an empty month breaks the line";
  EXPECT_EQ(ikm->lines->series[0].points[2].y, 82.0);
  EXPECT_NEAR(wait->lines->options.marker_x, 1 + 10 / 31.0, 1e-9);
  EXPECT_EQ(wait->lines->options.marker_x, ikm->lines->options.marker_x) << "one time axis";
  EXPECT_EQ(wait->lines->marker_label, "Pelayanan Prima");
  EXPECT_TRUE(HasLine(*v, "Ani Lestari, Sri Wahyuni", false));
  const ReportTable* trainings = Table(*v, "trainings");
  ASSERT_NE(trainings, nullptr);
  EXPECT_EQ(trainings->rows[0].cells[2].text, "24");
}

TEST(HrReportView, SortingOrdersNumbersWithMissingLastAndTextIgnoringCase) {
  ReportTable t{"t", "", {{"name", false}, {"n", true}}, {}};
  t.rows.push_back(Row({{"budi", chart::kNoValue}, {"3", 3}}));
  t.rows.push_back(Row({{"Ani", chart::kNoValue}, {"-", chart::kNoValue}}));
  t.rows.push_back(Row({{"cici", chart::kNoValue}, {"1", 1}}));
  SortReportTable(t, 1, true);
  EXPECT_EQ(t.rows[0].cells[0].text, "cici");
  EXPECT_EQ(t.rows[2].cells[0].text, "Ani") << "missing last";
  SortReportTable(t, 1, false);
  EXPECT_EQ(t.rows[0].cells[0].text, "budi");
  EXPECT_EQ(t.rows[2].cells[0].text, "Ani") << "missing last either way";
  SortReportTable(t, 0, true);
  EXPECT_EQ(t.rows[0].cells[0].text, "Ani");
  EXPECT_EQ(t.sort_column, 0);
  SortReportTable(t, 7, true);
  EXPECT_EQ(t.sort_column, 0) << "a column out of range changes nothing";
}

TEST(HrReportView, MonthLabelsFollowTheLanguage) {
  SetLang(Lang::kId);
  EXPECT_EQ(MonthLabel("2026-08"), "Agu 2026");
  SetLang(Lang::kEn);
  EXPECT_EQ(MonthLabel("2026-08"), "Aug 2026");
  SetLang(Lang::kId);
  EXPECT_EQ(MonthLabel("2026-13"), "2026-13");
  EXPECT_EQ(MonthLabel("soon"), "soon");
}

TEST(HrReportCache, TheOldestFetchIsDroppedBeyondTheLimitAndPathsCarryUnitAndSplit) {
  Json cache = Json::object();
  cache = CacheReport(cache, "a", Json{{"report", "progress"}}, 100, 2);
  cache = CacheReport(cache, "b", Json{{"report", "progress"}}, 50, 2);
  cache = CacheReport(cache, "c", Json{{"report", "progress"}}, 200, 2);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_FALSE(cache.contains("b"));
  EXPECT_EQ(cache["c"]["fetched_at"], 200);
  EXPECT_EQ(CacheReport(Json("garbage"), "x", Json::object(), 1, 2).size(), 1u);

  HrReportScreen s;
  s.kind = HrReportKind::kServiceTime;
  s.period = "2026-S1";
  s.unit_id = "dpmptsp";
  s.split = "2026-04-01";
  EXPECT_EQ(s.Path(), "/api/v1/reports/service-time?period=2026-S1&unit=dpmptsp&split=2026-04-01");
  EXPECT_NE(s.CacheKey(), HrReportScreen{}.CacheKey());
  s.kind = HrReportKind::kTimeline;
  s.split.clear();
  EXPECT_EQ(s.Path(), "/api/v1/reports/unit-timeline?unit=dpmptsp");
}

}  // namespace
}  // namespace kinerja::web

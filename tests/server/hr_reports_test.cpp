// GET /api/v1/reports/{progress,distribution,objectivity,satisfaction,service-time}: the HR
// workspace's reports over a small city pushed through the real API, each number held to a
// hand-computed case; plus who may ask (a supervisor: their own staff only), and the 400, 403
// and 404 answers. Nothing is written by a report.
#include <regex>
#include <sstream>

#include "server/reports/evaluation_documents.h"
#include "tests/server/export/file_tools.h"
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

Json Perilaku(const char* rating) {
  Json p;
  for (const char* v : {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal",
                        "adaptif", "kolaboratif"}) {
    p[v] = rating;
  }
  return p;
}

Json Skp(const char* hasil, const char* perilaku) {
  return Json{{"template", "permenpanrb-6-2022.v1"},
              {"rating_hasil_kerja", hasil},
              {"perilaku", Perilaku(perilaku)}};
}

Json Change(const std::string& id, const char* kind, const Json& body) {
  return Json{{"change_id", "c-" + id},
              {"record_id", id},
              {"kind", kind},
              {"base_version", 0},
              {"body", body}};
}

Json Appraisal(const std::string& employee, const char* status, const char* hasil,
               const char* perilaku) {
  return Change("skp-" + employee + "-2026", "appraisal",
                Json{{"employee_id", employee},
                     {"period", "2026"},
                     {"status", status},
                     {"skp", Skp(hasil, perilaku)}});
}

Json Survey(int n, const char* date, const char* service, int all, int u9, const char* gender) {
  Json answers;
  for (int i = 1; i <= 8; ++i) answers["U" + std::to_string(i)] = all;
  answers["U9"] = u9;
  Json body{{"unit_id", "dpmptsp"}, {"service", service}, {"date", date}, {"answers", answers}};
  if (gender[0] != '\0') body["profile"] = Json{{"gender", gender}};
  return Change("skm-" + std::to_string(n), "survey_response", body);
}

Json Ticket(int n, const char* issued, const char* called, const char* finished) {
  Json body{{"unit_id", "dpmptsp"}, {"ticket", n}, {"issued_at", issued}, {"officer", "e-ani"}};
  if (called[0] != '\0') body["called_at"] = called;
  if (finished[0] != '\0') body["finished_at"] = finished;
  return Change("tkt-" + std::to_string(n), "queue_ticket", body);
}

// The city of the demo: Budi appraises Ani (signed off, Baik; she objects), Dedi (signed off,
// Baik), Sri (a draft) and Yusuf (submitted, Sangat Baik); Rina appraises Agus (submitted,
// Baik). Ani assesses herself Di Atas throughout. HR sets pelayanan's capaian kinerja
// organisasi for 2026 to Butuh Perbaikan and dpmptsp's service users to 50. Enumerator loket1
// collects three SKM answers for dpmptsp in 2026 and one in 2025; Ani logs five queue tickets.
class HrReports : public DemoCity {
 protected:
  void PushAll(const std::string& user, const Json& changes) {
    auto r = Call("POST", "/api/v1/sync/push", Push(user + "-tab", changes),
                  LoginAs(user, user + "-tab"));
    ASSERT_EQ(r.status, 200) << user << ": " << r.body;
  }

  void SetUp() override {
    DemoCity::SetUp();
    PushAll("budi", Json::array({Appraisal("e-ani", "signed_off", "Sesuai", "Sesuai"),
                                 Appraisal("e-dedi", "signed_off", "Sesuai", "Sesuai"),
                                 Appraisal("e-sri", "draft", "Sesuai", "Sesuai"),
                                 Appraisal("e-yusuf", "submitted", "Di Atas", "Di Atas")}));
    PushAll("rina", Json::array({Appraisal("e-agus", "submitted", "Sesuai", "Sesuai")}));
    PushAll("ani",
            Json::array(
                {Change("resp-ani-2026", "appraisal_response",
                        Json{{"appraisal_id", "skp-e-ani-2026"},
                             {"decision", "object"},
                             {"reason", "Target izin terlampaui"}}),
                 Change("self-e-ani-2026", "self_assessment",
                        Json{{"employee_id", "e-ani"},
                             {"period", "2026"},
                             {"status", "submitted"},
                             {"skp", Skp("Di Atas", "Di Atas")}}),
                 Ticket(1, "2026-03-02T01:00:00Z", "2026-03-02T01:10:00Z", "2026-03-02T01:30:00Z"),
                 Ticket(2, "2026-03-02T02:00:00Z", "2026-03-02T02:20:00Z", "2026-03-02T02:25:00Z"),
                 Ticket(3, "2026-03-03T01:00:00Z", "2026-03-03T01:30:00Z", "2026-03-03T01:40:00Z"),
                 Ticket(4, "2026-04-06T01:00:00Z", "2026-04-06T01:05:00Z", "2026-04-06T01:15:00Z"),
                 Ticket(5, "2026-04-06T02:00:00Z", "2026-04-06T02:06:00Z", "")}));
    PushAll("hr", Json::array({Change("unit_performance.pelayanan.2026", "unit_performance",
                                      Json{{"unit_id", "pelayanan"},
                                           {"period", "2026"},
                                           {"predikat", "butuh_perbaikan"}}),
                               Change("unit_performance.dpmptsp.2026", "unit_performance",
                                      Json{{"unit_id", "dpmptsp"},
                                           {"period", "2026"},
                                           {"predikat", "baik"},
                                           {"service_users", 50}})}));
    PushAll("loket1", Json::array({Survey(1, "2026-01-10", "IMB", 4, 4, "L"),
                                   Survey(2, "2026-01-20", "SIUP", 3, 3, "P"),
                                   Survey(3, "2026-02-05", "IMB", 3, 1, ""),
                                   Survey(4, "2025-12-31", "IMB", 1, 1, "L")}));
  }

  Json Report(const std::string& user, const std::string& path, int expect = 200) {
    auto r = Call("GET", "/api/v1/reports/" + path, "", LoginAs(user, user + "-pc"));
    EXPECT_EQ(r.status, expect) << path << ": " << r.body;
    return Json::parse(r.body);
  }

  static const Json* Find(const Json& list, const std::string& key, const std::string& value) {
    for (const auto& item : list) {
      if (item.value(key, "") == value) return &item;
    }
    return nullptr;
  }
};

TEST_F(HrReports, ProgressCountsTheCitysStaffByStatusAndNamesTheOverdue) {
  Json r = Report("hr", "progress?period=2026");
  EXPECT_EQ(r["report"], "progress");
  EXPECT_EQ(r["period"], "2026");
  EXPECT_EQ(r["period_end"], "2026-12-31");
  EXPECT_EQ(r["as_of"], "2027-01-15T08:00:00Z");
  const Json& t = r["totals"];
  EXPECT_EQ(t["staff"], 11);
  EXPECT_EQ(t["not_started"], 6) << "Maya, Lina, the three heads and the Kepala Dinas";
  EXPECT_EQ(t["not_started"].get<int>() + t["draft"].get<int>() + t["submitted"].get<int>() +
                t["signed_off"].get<int>() + t["objected"].get<int>(),
            11);
  EXPECT_EQ(t["draft"], 1);
  EXPECT_EQ(t["submitted"], 2) << "Yusuf and Agus";
  EXPECT_EQ(t["signed_off"], 1);
  EXPECT_EQ(t["objected"], 1);
  EXPECT_EQ(t["overdue"], 9) << "2026 ended 15 days ago: all but the signed off and the objected";
  const Json* pelayanan = Find(r["units"], "unit_id", "pelayanan");
  ASSERT_NE(pelayanan, nullptr) << r.dump();
  EXPECT_EQ((*pelayanan)["staff"], 5);
  EXPECT_EQ((*pelayanan)["objected"], 1);
  ASSERT_NE(Find((*pelayanan)["overdue_staff"], "employee_id", "e-sri"), nullptr);
  const Json* sri = Find((*pelayanan)["overdue_staff"], "employee_id", "e-sri");
  EXPECT_EQ((*sri)["name"], "Sri Wahyuni");
  EXPECT_EQ((*sri)["status"], "draft");
  EXPECT_EQ((*sri)["days_overdue"], 15);
  EXPECT_EQ(Find((*pelayanan)["overdue_staff"], "employee_id", "e-ani"), nullptr) << "objected";
  EXPECT_EQ(Find((*pelayanan)["overdue_staff"], "employee_id", "e-dedi"), nullptr) << "signed off";
}

TEST_F(HrReports, ProgressIsNotOverdueBeforeThePeriodEnds) {
  now_ = 1'790'000'000;  // 2026-09-21
  Json r = Report("hr", "progress?period=2026");
  EXPECT_EQ(r["totals"]["overdue"], 0);
}

TEST_F(HrReports, ASupervisorsProgressHoldsOnlyTheStaffTheyAppraise) {
  Json r = Report("budi", "progress?period=2026");
  EXPECT_EQ(r["totals"]["staff"], 4);
  EXPECT_EQ(r["totals"]["not_started"], 0);
  EXPECT_EQ(r["totals"]["draft"], 1);
  EXPECT_EQ(r["totals"]["submitted"], 1);
  EXPECT_EQ(r["totals"]["signed_off"], 1);
  EXPECT_EQ(r["totals"]["objected"], 1);
  EXPECT_EQ(Find(r["employees"], "employee_id", "e-agus"), nullptr);
  r = Report("budi", "progress?period=2026&unit=pengaduan");
  EXPECT_EQ(r["totals"]["staff"], 0);
  EXPECT_NE(r["note"].get<std::string>().find("appraiser"), std::string::npos) << r.dump();
  r = Report("hr", "progress?period=2026&unit=dpmptsp");
  EXPECT_EQ(r["totals"]["staff"], 9) << "pelayanan's 5, pengaduan's 3 and the Kepala Dinas";
  EXPECT_EQ(r["unit"]["unit_id"], "dpmptsp");
}

TEST_F(HrReports, DistributionChecksEachUnitAgainstItsCapaianKinerjaOrganisasi) {
  Json r = Report("hr", "distribution?period=2026");
  EXPECT_EQ(r["appraisals_not_counted"], 1) << "Sri's draft";
  const Json* pelayanan = Find(r["units"], "unit_id", "pelayanan");
  ASSERT_NE(pelayanan, nullptr) << r.dump();
  EXPECT_EQ((*pelayanan)["capaian_kinerja_organisasi"], "butuh_perbaikan");
  EXPECT_EQ((*pelayanan)["staff_count"], 3);
  EXPECT_EQ((*pelayanan)["counts"]["baik"], 2);
  EXPECT_EQ((*pelayanan)["counts"]["sangat_baik"], 1);
  EXPECT_EQ((*pelayanan)["ok"], false);
  // n = 3: Butuh Perbaikan at least ceil(60 % x 3) = 2 (there are 0); Sangat Baik at most
  // floor(10 % x 3) = 0 (there is 1).
  const Json& v = (*pelayanan)["violations"];
  ASSERT_EQ(v.size(), 2u) << v.dump();
  const Json* min60 = Find(v, "rule", "BP_BP_MIN_60");
  ASSERT_NE(min60, nullptr) << v.dump();
  EXPECT_EQ((*min60)["bound"], 2);
  EXPECT_EQ((*min60)["actual_count"], 0);
  EXPECT_EQ((*min60)["message"],
            "BP_BP_MIN_60: 0 of 3 staff are butuh_perbaikan; at least 2 (60 %) required");
  const Json* max10 = Find(v, "rule", "BP_SB_MAX_10");
  ASSERT_NE(max10, nullptr) << v.dump();
  EXPECT_EQ((*max10)["bound"], 0);
  EXPECT_EQ((*max10)["actual_count"], 1);
  EXPECT_EQ((*max10)["actual_percent"], 33.33);
  EXPECT_EQ((*max10)["message"],
            "BP_SB_MAX_10: 1 of 3 staff are sangat_baik; at most 0 (10 %) allowed");
  const Json* pengaduan = Find(r["units"], "unit_id", "pengaduan");
  ASSERT_NE(pengaduan, nullptr);
  EXPECT_TRUE((*pengaduan)["capaian_kinerja_organisasi"].is_null());
  EXPECT_EQ((*pengaduan)["counts"]["baik"], 1);
  ASSERT_EQ(r["units_without_org_predikat"].size(), 1u);
  EXPECT_EQ(r["units_without_org_predikat"][0]["unit_id"], "pengaduan");
  // Rina sees her own unit only.
  r = Report("rina", "distribution?period=2026");
  ASSERT_EQ(r["units"].size(), 1u);
  EXPECT_EQ(r["units"][0]["unit_id"], "pengaduan");
  EXPECT_EQ(Report("hr", "distribution?period=2025")["units"].size(), 0u);
}

TEST_F(HrReports, ObjectivityShowsEachRatersNumbersAndTheMinimumDataRule) {
  Json r = Report("hr", "objectivity?period=2026");
  EXPECT_NE(r["minimum_data_rule"].get<std::string>().find("fewer than 3 ratees"),
            std::string::npos);
  const Json* budi = Find(r["raters"], "rater", "e-budi");
  ASSERT_NE(budi, nullptr) << r.dump();
  EXPECT_EQ((*budi)["name"], "Budi Santoso, S.Sos");
  EXPECT_EQ((*budi)["ratees"], 3) << "Ani, Dedi, Yusuf; Sri's draft is not counted";
  EXPECT_EQ((*budi)["ratings"], 24) << "hasil kerja and seven BerAKHLAK values each";
  EXPECT_EQ((*budi)["status"], "ok");
  // Nobody else rated Budi's ratees: the baseline is Rina's ratings (all 2). Deviations per
  // ratee 0, 0, 1 -> mean 1/3; s_w = sqrt(((1/9+1/9+4/9) + 0) / (2 + 0)) = sqrt(1/3);
  // z = (1/3) / (sqrt(1/3) / sqrt(3)) = 1.
  EXPECT_EQ((*budi)["leniency"]["baseline"], "grand_mean");
  EXPECT_NEAR((*budi)["leniency"]["mean_difference"].get<double>(), 1.0 / 3, 1e-3);
  EXPECT_NEAR((*budi)["leniency"]["z"].get<double>(), 1.0, 1e-3);
  // The same rating on every dimension of each ratee: within-ratee SD 0 -> halo.
  EXPECT_EQ((*budi)["halo"]["mean_within_ratee_sd"], 0.0);
  EXPECT_EQ((*budi)["flags"], Json::array({"halo"}));
  const Json* rina = Find(r["raters"], "rater", "e-rina");
  ASSERT_NE(rina, nullptr);
  EXPECT_EQ((*rina)["status"], "insufficient_data");
  EXPECT_EQ((*rina)["flags"], Json::array());
  // Ani rated herself 3 everywhere; Budi 2: gap +1 -> self_higher.
  const Json* ani = Find(r["self_vs_supervisor"], "ratee", "e-ani");
  ASSERT_NE(ani, nullptr) << r["self_vs_supervisor"].dump();
  EXPECT_EQ((*ani)["name"], "Ani Lestari");
  EXPECT_EQ((*ani)["gap"], 1.0);
  EXPECT_EQ((*ani)["flag"], "self_higher");
  // Budi sees himself only.
  r = Report("budi", "objectivity?period=2026");
  ASSERT_EQ(r["raters"].size(), 1u);
  EXPECT_EQ(r["raters"][0]["rater"], "e-budi");
  r = Report("hr", "objectivity?period=2025");
  EXPECT_EQ(r["raters"].size(), 0u);
  EXPECT_TRUE(r.contains("note"));
}

TEST_F(HrReports, SatisfactionGivesTheIkmPerUnitServiceAndMonthWithTheSampleVerdict) {
  Json r = Report("hr", "satisfaction?period=2026");
  ASSERT_EQ(r["units"].size(), 1u) << r.dump();
  const Json& u = r["units"][0];
  EXPECT_EQ(u["unit_id"], "dpmptsp");
  EXPECT_EQ(u["respondents"], 3) << "the 2025 answer is another period";
  // U1-U8: (4 + 3 + 3) / 3 = 3.3333; U9: (4 + 3 + 1) / 3 = 2.6667;
  // IKM = (8 x 3.3333 + 2.6667) / 9 = 3.2593 -> x 25 = 81.48, grade B.
  EXPECT_EQ(u["ikm_unit"], 81.48);
  EXPECT_EQ(u["grade"], "B");
  EXPECT_EQ(u["lowest_elements"][0]["code"], "U9");
  EXPECT_EQ(u["lowest_elements"][0]["nrr"], 2.6667);
  EXPECT_EQ(u["lowest_elements"].size(), 3u);
  // Krejcie-Morgan for 50 service users: 44 respondents needed.
  EXPECT_EQ(u["population"], 50);
  EXPECT_EQ(u["sample"]["required"], 44);
  EXPECT_EQ(u["sample"]["achieved"], 3);
  EXPECT_EQ(u["sample"]["shortfall"], 41);
  EXPECT_EQ(u["sample"]["sufficient"], false);
  EXPECT_EQ(u["profile"]["gender"], Json({{"L", 1}, {"P", 1}, {"unknown", 1}}));
  // January: every element 3.5 -> 87.5 (B); February: (8 x 3 + 1) / 9 x 25 = 69.44 (C).
  ASSERT_EQ(u["trend"].size(), 2u);
  EXPECT_EQ(u["trend"][0],
            Json({{"month", "2026-01"}, {"respondents", 2}, {"ikm_unit", 87.5}, {"grade", "B"}}));
  EXPECT_EQ(u["trend"][1]["ikm_unit"], 69.44);
  EXPECT_EQ(u["trend"][1]["grade"], "C");
  // IMB: U1-U8 3.5, U9 2.5 -> (28 + 2.5) / 9 x 25 = 84.72.
  const Json* imb = Find(u["services"], "service", "IMB");
  ASSERT_NE(imb, nullptr);
  EXPECT_EQ((*imb)["ikm_unit"], 84.72);
  // Aggregates only: nothing names a device, an enumerator or a day.
  for (const char* secret : {"loket1", "tab", "2026-01-10", "skm-1", "author"}) {
    EXPECT_EQ(r.dump().find(secret), std::string::npos) << secret;
  }
}

TEST_F(HrReports, SatisfactionOfASupervisorCoversTheirOwnUnitOnly) {
  Json r = Report("budi", "satisfaction?period=2026");
  EXPECT_EQ(r["units"].size(), 0u);
  EXPECT_NE(r["note"].get<std::string>().find("your unit"), std::string::npos);
  r = Report("hr", "satisfaction?period=2026-03");
  EXPECT_EQ(r["units"].size(), 0u);
  EXPECT_EQ(r["note"], "no survey responses in this period");
}

TEST_F(HrReports, ServiceTimeGivesMedianAndP90PerMonthAndTheChangeAfterTheSplit) {
  Json r = Report("hr", "service-time?period=2026&split=2026-04-01");
  EXPECT_EQ(r["split"], "2026-04-01");
  ASSERT_EQ(r["units"].size(), 1u) << r.dump();
  const Json& u = r["units"][0];
  EXPECT_EQ(u["unit_id"], "dpmptsp");
  EXPECT_EQ(u["open_tickets"], 1);
  EXPECT_EQ(u["standard"]["max_wait_minutes"], 15);
  // Waits 5, 10, 20, 30: median 15, p90 at h = 2.7 -> 20 + 0.7 x 10 = 27.
  EXPECT_EQ(u["wait"]["median_minutes"], 15.0);
  EXPECT_EQ(u["wait"]["p90_minutes"], 27.0);
  ASSERT_EQ(u["months"].size(), 2u);
  const Json& march = u["months"][0];
  EXPECT_EQ(march["month"], "2026-03");
  // March waits 10, 20, 30: median 20, p90 = 20 + 0.8 x 10 = 28; service 20, 5, 10: median 10,
  // p90 = 10 + 0.8 x 10 = 18; one of three waited within 15 minutes.
  EXPECT_EQ(march["wait"]["median_minutes"], 20.0);
  EXPECT_EQ(march["wait"]["p90_minutes"], 28.0);
  EXPECT_EQ(march["service"]["median_minutes"], 10.0);
  EXPECT_EQ(march["service"]["p90_minutes"], 18.0);
  EXPECT_EQ(march["wait_within_standard_share"], 0.3333);
  EXPECT_EQ(u["months"][1]["wait"]["median_minutes"], 5.0);
  EXPECT_EQ(u["comparison"]["median_wait_change_minutes"], -15.0);
  EXPECT_EQ(u["comparison"]["median_wait_change_percent"], -75.0);
  // Budi's subtree holds Ani's tickets; Rina's holds none.
  EXPECT_EQ(Report("budi", "service-time?period=2026")["units"].size(), 1u);
  r = Report("rina", "service-time?period=2026");
  EXPECT_EQ(r["units"].size(), 0u);
  EXPECT_EQ(r["note"], "no queue tickets in this period");
}

// The workspace's first screen from the server: every unit with its parent and kind, and the
// staff in it by the status the tablet counts (the appraisal's own; objections are progress's).
TEST_F(HrReports, TheWorkspaceSummaryGivesEveryUnitItsOwnStaffByStatusAsTheTabletCounts) {
  Json r = Report("hr", "workspace?period=2026");
  EXPECT_EQ(r["report"], "workspace");
  EXPECT_EQ(r["period"], "2026");
  const Json& t = r["totals"];
  EXPECT_EQ(t, Json({{"staff", 11}, {"not_started", 6}, {"draft", 1}, {"submitted", 2},
                     {"signed_off", 2}}))
      << "Ani's objected appraisal counts as what it is, signed off; the progress report shows the objection";
  const Json* pelayanan = Find(r["units"], "unit_id", "pelayanan");
  ASSERT_NE(pelayanan, nullptr) << r.dump();
  EXPECT_EQ((*pelayanan)["name"], "Bidang Pelayanan Perizinan Terpadu");
  EXPECT_EQ((*pelayanan)["parent_id"], "dpmptsp");
  EXPECT_EQ((*pelayanan)["staff"], 5);
  EXPECT_EQ((*pelayanan)["signed_off"], 2);
  const Json* dinas = Find(r["units"], "unit_id", "dpmptsp");
  ASSERT_NE(dinas, nullptr);
  EXPECT_EQ((*dinas)["parent_id"], "pemkot");
  int staff = 0;
  for (const auto& u : r["units"]) staff += u["staff"].get<int>();
  EXPECT_EQ(staff, 11) << "each employee counted once, in their own unit (the tablet rolls up)";
  EXPECT_EQ(Report("budi", "workspace?period=2026")["totals"]["staff"], 4) << "a supervisor's own staff";
  EXPECT_EQ(Report("hr", "workspace?period=2025")["totals"]["not_started"], 11);
}

TEST_F(HrReports, EveryReportRefusesEmployeesAndEnumeratorsABadPeriodAndAnUnknownUnit) {
  for (const char* name :
       {"progress", "distribution", "objectivity", "satisfaction", "service-time", "workspace"}) {
    std::string n = name;
    EXPECT_EQ(Report("ani", n + "?period=2026", 403)["error"]["code"], "permission_denied") << n;
    EXPECT_EQ(Report("loket1", n + "?period=2026", 403)["error"]["code"], "permission_denied") << n;
    EXPECT_EQ(Report("hr", n + "?period=2026-13", 400)["error"]["code"], "invalid_argument") << n;
    EXPECT_EQ(Report("hr", n + "?period=", 400)["error"]["code"], "invalid_argument") << n;
    Json nf = Report("hr", n + "?period=2026&unit=dinas-hantu", 404);
    EXPECT_EQ(nf["error"]["message"], "unit dinas-hantu does not exist") << n;
    EXPECT_EQ(Call("GET", "/api/v1/reports/" + n, "").status, 401) << n;
    EXPECT_EQ(Call("POST", "/api/v1/reports/" + n, "{}", LoginAs("hr", "hr-pc")).status, 405) << n;
    Json r = Report("admin", n);
    EXPECT_EQ(r["period"], "2027") << "this year by default";
  }
  EXPECT_EQ(Report("hr", "service-time?period=2026&split=2026-02-30", 400)["error"]["code"],
            "invalid_argument");
  EXPECT_EQ(Report("hr", "nonsense", 404)["error"]["code"], "not_found");
}

// The unit-timeline over Dec 2025 - Apr 2026 for dpmptsp: the survey answers of December,
// January and February, the tickets of March and April, and a training in between.
TEST_F(HrReports, UnitTimelineLinesUpWaitsIkmAndTrainingsMonthByMonth) {
  PushAll("hr", Json::array({Change("training.prima", "training_record",
                                    Json{{"unit_id", "pelayanan"},
                                         {"title", "Pelatihan Pelayanan Prima"},
                                         {"start_date", "2026-03-20"},
                                         {"end_date", "2026-03-22"},
                                         {"hours", 24},
                                         {"participants", Json::array({"e-ani", "e-sri"})},
                                         {"competencies", Json::array({"M.03"})}}),
                             Change("training.old", "training_record",
                                    Json{{"unit_id", "pelayanan"},
                                         {"title", "Orientasi"},
                                         {"start_date", "2025-11-30"},
                                         {"participants", Json::array({"e-ani"})}})}));
  Json r = Report("hr", "unit-timeline?unit=dpmptsp&from=2025-12&to=2026-04");
  EXPECT_EQ(r["report"], "unit-timeline");
  EXPECT_EQ(r["from"], "2025-12");
  EXPECT_EQ(r["to"], "2026-04");
  EXPECT_EQ(r["as_of"], "2027-01-15T08:00:00Z");
  EXPECT_EQ(r["unit"], Json({{"unit_id", "dpmptsp"}, {"name", "Dinas Penanaman Modal dan PTSP"}}));
  EXPECT_EQ(r["standard"], Json({{"max_wait_minutes", 15}, {"max_total_minutes", 30}}));
  const Json& m = r["months"];
  ASSERT_EQ(m.size(), 5u) << "every month of the range, empty ones too";
  // December 2025: one answer of 1 everywhere -> 25 (D); no tickets.
  EXPECT_EQ(m[0]["month"], "2025-12");
  EXPECT_EQ(m[0]["respondents"], 1);
  EXPECT_EQ(m[0]["ikm_unit"], 25.0);
  EXPECT_EQ(m[0]["grade"], "D");
  EXPECT_EQ(m[0]["tickets"], 0);
  EXPECT_TRUE(m[0]["wait_median_minutes"].is_null());
  EXPECT_TRUE(m[0]["wait_within_standard_share"].is_null());
  // January: 87.5 (B); February: (8 x 3 + 1) / 9 x 25 = 69.44 (C).
  EXPECT_EQ(m[1]["ikm_unit"], 87.5);
  EXPECT_EQ(m[1]["grade"], "B");
  EXPECT_EQ(m[2]["ikm_unit"], 69.44);
  // March: waits 10, 20 and 30 minutes: median 20, p90 20 + 0.8 x 10 = 28, 1 of 3 within 15.
  EXPECT_EQ(m[3]["tickets"], 3);
  EXPECT_EQ(m[3]["wait_median_minutes"], 20.0);
  EXPECT_EQ(m[3]["wait_p90_minutes"], 28.0);
  EXPECT_EQ(m[3]["wait_within_standard_share"], 0.3333);
  EXPECT_EQ(m[3]["respondents"], 0);
  EXPECT_TRUE(m[3]["ikm_unit"].is_null());
  EXPECT_TRUE(m[3]["grade"].is_null());
  // April: one finished ticket waiting 5 minutes (the open one is not measured).
  EXPECT_EQ(m[4]["tickets"], 1);
  EXPECT_EQ(m[4]["wait_median_minutes"], 5.0);
  EXPECT_EQ(m[4]["wait_within_standard_share"], 1.0);
  ASSERT_EQ(r["trainings"].size(), 1u) << "the November one starts before the range";
  EXPECT_EQ(r["trainings"][0],
            Json({{"record_id", "training.prima"},
                  {"title", "Pelatihan Pelayanan Prima"},
                  {"start_date", "2026-03-20"},
                  {"end_date", "2026-03-22"},
                  {"hours", 24},
                  {"participants", 2},
                  {"participant_names", Json::array({"Ani Lestari", "Sri Wahyuni"})},
                  {"competencies", Json::array({"M.03"})}}));
  EXPECT_FALSE(r.contains("note"));
  // Aggregates only: nothing names a device, an enumerator or a day of an answer.
  for (const char* secret : {"loket1", "2026-01-10", "skm-1"}) {
    EXPECT_EQ(r.dump().find(secret), std::string::npos) << secret;
  }
}

TEST_F(HrReports, UnitTimelineOfASupervisorCoversTheirScope) {
  PushAll("hr", Json::array({Change("training.prima", "training_record",
                                    Json{{"unit_id", "pelayanan"},
                                         {"title", "Pelatihan Pelayanan Prima"},
                                         {"start_date", "2026-03-20"},
                                         {"participants", Json::array({"e-ani", "e-agus"})}})}));
  Json r = Report("budi", "unit-timeline?unit=pelayanan&from=2026-01&to=2026-12");
  ASSERT_EQ(r["trainings"].size(), 1u);
  EXPECT_EQ(r["trainings"][0]["participants"], 2);
  EXPECT_EQ(r["trainings"][0]["participant_names"], Json::array({"Ani Lestari"}))
      << "Agus is not in budi's scope";
  EXPECT_TRUE(r["trainings"][0]["hours"].is_null());
  r = Report("rina", "unit-timeline?unit=pelayanan&from=2026-01&to=2026-12");
  EXPECT_EQ(r["trainings"].size(), 0u) << "another bidang's training";
  EXPECT_EQ(r["note"], "no queue tickets, survey responses or trainings for this unit in the range");
}

TEST_F(HrReports, UnitTimelineDefaultsToTheLastTwelveMonthsAndChecksItsRange) {
  Json r = Report("hr", "unit-timeline?unit=dpmptsp");
  EXPECT_EQ(r["from"], "2026-02");
  EXPECT_EQ(r["to"], "2027-01") << "the 12 months ending with this WIB month";
  EXPECT_EQ(r["months"].size(), 12u);
  EXPECT_EQ(Report("hr", "unit-timeline?unit=dpmptsp&from=2024-01&to=2026-12")["months"].size(),
            36u);
  EXPECT_EQ(Report("hr", "unit-timeline?unit=pendaftaran")["standard"], Json());
  auto bad = [&](const std::string& q) {
    return Report("hr", "unit-timeline?" + q, 400)["error"]["message"].get<std::string>();
  };
  EXPECT_NE(bad("unit=dpmptsp&from=2023-12&to=2026-12").find("37 months; at most 36"),
            std::string::npos);
  EXPECT_NE(bad("unit=dpmptsp&from=2026-05&to=2026-04").find("after"), std::string::npos);
  EXPECT_NE(bad("unit=dpmptsp&from=2026-13").find("from must be a month YYYY-MM"),
            std::string::npos);
  EXPECT_NE(bad("unit=dpmptsp&to=2026-4").find("to must be a month"), std::string::npos);
  EXPECT_NE(bad("from=2026-01").find("unit is required"), std::string::npos);
  EXPECT_EQ(Report("hr", "unit-timeline?unit=dinas-hantu", 404)["error"]["message"],
            "unit dinas-hantu does not exist");
  EXPECT_EQ(Report("ani", "unit-timeline?unit=pelayanan", 403)["error"]["code"],
            "permission_denied");
  EXPECT_EQ(Report("loket1", "unit-timeline?unit=dpmptsp", 403)["error"]["code"],
            "permission_denied");
}

TEST_F(HrReports, AReportWritesNothing) {
  auto before = Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", LoginAs("hr", "hr-tab"));
  for (const char* name :
       {"progress", "distribution", "objectivity", "satisfaction", "service-time"}) {
    Report("hr", std::string(name) + "?period=2026");
  }
  auto after = Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", LoginAs("hr", "hr-tab"));
  EXPECT_EQ(Json::parse(before.body)["head"], Json::parse(after.body)["head"]);
}

// GET /api/v1/reports/unit-recap: the distribution report's entry for one unit, printed.
// The count printed in the recap's table row of `predikat` ("Sangat Baik   1   33,33 %").
int PrintedCount(const std::string& text, const std::string& predikat) {
  std::istringstream lines(text);
  std::string line;
  const std::regex row("^\\s*" + predikat + "\\s{2,}(\\d+)\\s");
  std::smatch m;
  while (std::getline(lines, line)) {
    if (std::regex_search(line, m, row)) return std::stoi(m[1].str());
  }
  return -1;
}

TEST_F(HrReports, TheUnitRecapPrintsTheDistributionReportsCountsAndViolationsOnOnePage) {
  auto r = Call("GET", "/api/v1/reports/unit-recap?unit=pelayanan&period=2026", "",
                LoginAs("hr", "hr-pc"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/pdf");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "inline; filename=\"rekap-unit-pelayanan-2026.pdf\"");
  EXPECT_EQ(PdfPages(r.body), "1");
  const std::string text = PdfText(r.body);
  for (const char* expected :
       {"REKAPITULASI EVALUASI KINERJA UNIT", "Bidang Pelayanan Perizinan Terpadu",
        "PERIODE: AKHIR", "Butuh Perbaikan", "BP_BP_MIN_60", "MELANGGAR", "Progres penilaian",
        "Palangka Raya, 15 Januari 2027"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing in:\n" << text;
  }
  // The same numbers as the distribution report for the unit.
  Json dist = Report("hr", "distribution?period=2026&unit=pelayanan");
  const Json* pelayanan = Find(dist["units"], "unit_id", "pelayanan");
  ASSERT_NE(pelayanan, nullptr) << dist.dump();
  const std::pair<const char*, const char*> kPredikat[] = {
      {"sangat_baik", "Sangat Baik"}, {"baik", "Baik"}, {"butuh_perbaikan", "Butuh Perbaikan"},
      {"kurang", "Kurang/Misconduct"}, {"sangat_kurang", "Sangat Kurang"}};
  for (const auto& [code, name] : kPredikat) {
    EXPECT_EQ(PrintedCount(text, name), (*pelayanan)["counts"][code].get<int>()) << name;
  }
  EXPECT_EQ(PrintedCount(text, "Jumlah"), (*pelayanan)["staff_count"].get<int>());
  ASSERT_EQ((*pelayanan)["violations"].size(), 2u);
  for (const auto& v : (*pelayanan)["violations"]) {
    const std::string line = v["rule"].get<std::string>() + ": " +
                             std::to_string(v["actual_count"].get<int>()) + " dari " +
                             std::to_string((*pelayanan)["staff_count"].get<int>()) + " pegawai";
    EXPECT_NE(text.find(line), std::string::npos) << line << " missing in:\n" << text;
  }
  // And the recap's own values, field by field.
  auto who = store_->Authenticate(LoginAs("hr", "hr-pc"), now_);
  ASSERT_TRUE(who.ok());
  ReportQuery q;
  q.period = "2026";
  q.unit_id = "pelayanan";
  q.now = now_;
  auto recap = UnitRecapOf(*store_, *who, q);
  ASSERT_TRUE(recap.ok()) << recap.status().ToString();
  EXPECT_EQ(recap->staff_count, (*pelayanan)["staff_count"].get<int>());
  ASSERT_EQ(recap->predikat.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(recap->predikat[i].count, (*pelayanan)["counts"][kPredikat[i].first].get<int>());
  }
  ASSERT_EQ(recap->rules.size(), (*pelayanan)["checks"].size());
  for (size_t i = 0; i < recap->rules.size(); ++i) {
    EXPECT_EQ(recap->rules[i].rule, (*pelayanan)["checks"][i]["rule"]);
    EXPECT_EQ(recap->rules[i].ok, (*pelayanan)["checks"][i]["ok"].get<bool>());
  }
  EXPECT_EQ(recap->violations.size(), 2u);
  EXPECT_EQ(recap->kepala.nama, "Budi Santoso, S.Sos") << "pelayanan's head, who appraises its staff";
}

TEST_F(HrReports, TheUnitRecapFollowsTheDistributionReportsScopeAndErrors) {
  auto get = [&](const std::string& user, const std::string& query) {
    return Call("GET", "/api/v1/reports/unit-recap" + query, "", LoginAs(user, user + "-pc"));
  };
  EXPECT_EQ(get("admin", "?unit=pelayanan&period=2026").status, 200);
  EXPECT_EQ(get("budi", "?unit=pelayanan&period=2026").status, 200);
  EXPECT_EQ(get("ani", "?unit=pelayanan&period=2026").status, 403);
  EXPECT_EQ(get("loket1", "?unit=pelayanan&period=2026").status, 403);
  auto r = get("hr", "?unit=nowhere&period=2026");
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(get("hr", "?unit=pelayanan&period=2026-H1").status, 400);
  EXPECT_EQ(get("hr", "?period=2026").status, 400) << "the unit is required";
  EXPECT_EQ(Call("GET", "/api/v1/reports/unit-recap?unit=pelayanan&period=2026", "").status, 401);
  EXPECT_EQ(Call("POST", "/api/v1/reports/unit-recap", "{}", LoginAs("hr", "hr-pc")).status, 405);
  // Rina appraises nobody in pelayanan: her view of it counts nobody, and says so.
  r = get("rina", "?unit=pelayanan&period=2026");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(PdfText(r.body).find("Belum ada penilaian kinerja"), std::string::npos);
}

TEST_F(HrReports, AUnitWithNoAppraisalsStillGetsARecapThatSaysSo) {
  auto r = Call("GET", "/api/v1/reports/unit-recap?unit=pelayanan&period=2025", "",
                LoginAs("hr", "hr-pc"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(PdfPages(r.body), "1");
  const std::string text = PdfText(r.body);
  EXPECT_NE(text.find("Belum ada penilaian kinerja yang diajukan"), std::string::npos) << text;
  EXPECT_NE(text.find("Belum ditetapkan"), std::string::npos) << "no capaian for 2025";
  EXPECT_EQ(PrintedCount(text, "Jumlah"), 0);
}

}  // namespace
}  // namespace kinerja::server::testing

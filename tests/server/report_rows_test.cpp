// Report rows (server/store/report_rows.h): beside each appraisal, self-assessment, queue
// ticket and survey answer, the store keeps the fields reports read, always those of the
// record's current version, in the caller's scope as the pull gives it; a version 8 store
// gets them from the records it already holds.
#include <unistd.h>

#include <filesystem>

#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

Json Change(const std::string& id, const char* kind, int64_t base, const Json& body) {
  return Json{{"change_id", "c-" + id + "-" + std::to_string(base)},
              {"record_id", id},
              {"kind", kind},
              {"base_version", base},
              {"body", body}};
}

Json Appraisal(const std::string& employee, const char* status) {
  Json perilaku;
  for (const char* v : {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal",
                        "adaptif", "kolaboratif"}) {
    perilaku[v] = "Di Atas";
  }
  return Json{{"employee_id", employee},
              {"period", "2026"},
              {"status", status},
              {"skp",
               {{"template", "permenpanrb-6-2022.v1"},
                {"rating_hasil_kerja", "Di Atas"},
                {"perilaku", perilaku}}}};
}

Json Ticket(const char* called, const char* finished) {
  Json body{{"unit_id", "dpmptsp"},
            {"ticket", 7},
            {"issued_at", "2026-03-02T01:00:00Z"},
            {"officer", "e-ani"}};
  if (called) body["called_at"] = called;
  if (finished) body["finished_at"] = finished;
  return body;
}

Json Survey() {
  return Json{{"unit_id", "dpmptsp"},
              {"service", "IMB"},
              {"date", "2026-01-10"},
              {"answers", {{"U1", 4}, {"U2", 3}, {"U3", nullptr}}},
              {"profile", {{"gender", "P"}, {"education", "S1"}}}};
}

class ReportRows : public DemoCity {
 protected:
  void PushAs(const std::string& user, const Json& changes) {
    auto r = Call("POST", "/api/v1/sync/push", Push(user + "-tab", changes),
                  LoginAs(user, user + "-tab"));
    ASSERT_EQ(r.status, 200) << user << ": " << r.body;
  }

  std::vector<TicketRow> Tickets(const Principal& who) {
    std::vector<TicketRow> out;
    EXPECT_TRUE(store_->EachTicketRow(who, [&out](const TicketRow& t) { out.push_back(t); }).ok());
    return out;
  }

  std::vector<SurveyRow> Surveys(const std::string& unit_path) {
    std::vector<SurveyRow> out;
    EXPECT_TRUE(
        store_->EachSurveyRowUnder(unit_path, [&out](const SurveyRow& s) { out.push_back(s); }).ok());
    return out;
  }

  Principal As(const std::string& user) {
    auto p = store_->PrincipalOf(user, user + "-tab");
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : Principal{};
  }
};

TEST_F(ReportRows, EachRecordHasOneRowHoldingItsCurrentVersion) {
  PushAs("ani", Json::array({Change("tkt-7", "queue_ticket", 0, Ticket(nullptr, nullptr))}));
  PushAs("ani", Json::array({Change("tkt-7", "queue_ticket", 1,
                                    Ticket("2026-03-02T01:10:00Z", "2026-03-02T01:30:00Z"))}));
  PushAs("budi", Json::array({Change("skp-e-ani-2026", "appraisal", 0, Appraisal("e-ani", "draft"))}));
  PushAs("budi",
         Json::array({Change("skp-e-ani-2026", "appraisal", 1, Appraisal("e-ani", "submitted"))}));

  auto tickets = Tickets(As("hr"));
  ASSERT_EQ(tickets.size(), 1u) << "the ticket's second version replaced its first row";
  const TicketRow& t = tickets.front();
  EXPECT_EQ(t.id, "tkt-7");
  EXPECT_EQ(t.unit_id, "dpmptsp");
  EXPECT_EQ(t.officer, "e-ani");
  EXPECT_EQ(t.ticket, 7);
  EXPECT_EQ(t.issued_at, "2026-03-02T01:00:00Z");
  EXPECT_EQ(t.called_at, "2026-03-02T01:10:00Z");
  EXPECT_EQ(t.finished_at, "2026-03-02T01:30:00Z");
  EXPECT_EQ(t.unit_path, "/pemkot/dpmptsp/pelayanan/");

  auto appraisals = store_->AppraisalRows(As("hr"), "appraisal", "2026");
  ASSERT_TRUE(appraisals.ok()) << appraisals.status().ToString();
  ASSERT_EQ(appraisals->size(), 1u);
  const AppraisalRow& a = appraisals->front();
  EXPECT_EQ(a.id, "skp-e-ani-2026");
  EXPECT_EQ(a.subject_id, "e-ani");
  EXPECT_EQ(a.status, "submitted");
  EXPECT_EQ(a.result_kind, "rating") << "the server's own scoring, not the device's";
  EXPECT_EQ(a.template_id, "permenpanrb-6-2022.v1");
  EXPECT_EQ(a.predikat_code, "sangat_baik");
  EXPECT_EQ(a.hasil_kerja_code, "di_atas");
  ASSERT_EQ(a.perilaku.size(), 7u);
  for (const auto& [code, rating] : a.perilaku) EXPECT_EQ(rating, "di_atas") << code;
  auto other = store_->AppraisalRows(As("hr"), "appraisal", "2025");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty()) << "another period's rows are not read";
}

TEST_F(ReportRows, ASurveyRowHoldsItsAnswersAndProfileButNothingFinerThanTheDate) {
  PushAs("loket1", Json::array({Change("skm-1", "survey_response", 0, Survey())}));
  auto rows = Surveys("/pemkot/dpmptsp/");
  ASSERT_EQ(rows.size(), 1u);
  const SurveyRow& s = rows.front();
  EXPECT_EQ(s.unit_id, "dpmptsp");
  EXPECT_EQ(s.service, "IMB");
  EXPECT_EQ(s.date, "2026-01-10");
  using Answers = std::vector<std::pair<std::string, std::string>>;
  Answers answers;
  ForEachPair(s.answers, [&answers](std::string_view code, std::string_view value) {
    answers.emplace_back(code, value);
  });
  EXPECT_EQ(answers, (Answers{{"U1", "4"}, {"U2", "3"}, {"U3", ""}}));
  EXPECT_EQ(s.gender, "P");
  EXPECT_EQ(s.education, "S1");
  EXPECT_EQ(s.age_band, "");
  EXPECT_TRUE(Surveys("/pemkot/disdukcapil/").empty());
}

TEST_F(ReportRows, ACompetencyRowHoldsTheLevelsOfItsCurrentVersion) {
  auto assessment = [](const char* status, const Json& assessed) {
    return Json{{"employee_id", "e-ani"}, {"period", "2026"}, {"status", status},
                {"assessed", assessed}};
  };
  PushAs("budi", Json::array({Change("cmp-ani-2026", "competency_assessment", 0,
                                     assessment("draft", {{"M.01", 2}}))}));
  PushAs("budi", Json::array({Change("cmp-ani-2026", "competency_assessment", 1,
                                     assessment("draft", {{"M.01", 3}, {"M.03", 2}}))}));
  auto rows = store_->CompetencyRows(As("hr"), "2026", "2025");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u) << "the second version replaced the first row";
  const CompetencyRow& r = rows->front();
  EXPECT_EQ(r.id, "cmp-ani-2026");
  EXPECT_EQ(r.subject_id, "e-ani");
  EXPECT_EQ(r.status, "draft");
  EXPECT_EQ(r.position_id, "pengadministrasi-perizinan") << "the server sets the position it scored";
  using Levels = std::vector<std::pair<std::string, std::string>>;
  ASSERT_TRUE(r.levels.has_value());
  EXPECT_EQ(*r.levels, (Levels{{"M.01", "3"}, {"M.03", "2"}}));
  auto other = store_->CompetencyRows(As("hr"), "2024", "");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());
  auto rina = store_->CompetencyRows(As("rina"), "2026", "");
  ASSERT_TRUE(rina.ok());
  EXPECT_TRUE(rina->empty()) << "Ani is not Rina's to read";
}

TEST_F(ReportRows, ASupervisorReadsTheRowsOfTheRecordsHerPullHolds) {
  PushAs("budi", Json::array({Change("skp-e-ani-2026", "appraisal", 0, Appraisal("e-ani", "submitted")),
                              Change("skp-e-dedi-2026", "appraisal", 0, Appraisal("e-dedi", "submitted"))}));
  PushAs("rina", Json::array({Change("skp-e-agus-2026", "appraisal", 0, Appraisal("e-agus", "submitted"))}));
  PushAs("ani", Json::array({Change("tkt-7", "queue_ticket", 0, Ticket(nullptr, nullptr))}));
  for (const char* user : {"budi", "rina", "hendra"}) {
    const Principal who = As(user);
    auto records = store_->ScopedRecords(who, "appraisal");
    auto rows = store_->AppraisalRows(who, "appraisal", "2026");
    ASSERT_TRUE(records.ok() && rows.ok());
    std::vector<std::string> want, got;
    for (const auto& r : *records) want.push_back(r.id);
    for (const auto& r : *rows) got.push_back(r.id);
    EXPECT_EQ(got, want) << user;
    auto tickets = store_->ScopedRecords(who, "queue_ticket");
    ASSERT_TRUE(tickets.ok());
    EXPECT_EQ(Tickets(who).size(), tickets->size()) << user;
  }
  auto budi = store_->AppraisalRows(As("budi"), "appraisal", "2026");
  ASSERT_TRUE(budi.ok());
  EXPECT_EQ(budi->size(), 2u) << "Ani and Dedi; not Rina's Agus";
}

TEST(ReportRowsMigration, AVersionEightStoreFillsThemFromTheRecordsItHoldsCompetencyRowsToo) {
  ASSERT_TRUE(InitCrypto().ok());
  const auto dir = std::filesystem::temp_directory_path() /
                   ("kinerja-report-rows-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "k.db").string();
  std::vector<std::string> before;
  {
    auto store = CentralStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(SeedDemoCity(**store).ok());
    Api api(**store, ApiLimits{}, [] { return int64_t{1'800'000'000}; });
    auto call = [&](const std::string& path, const Json& body, const std::string& token) {
      HttpRequest r;
      r.method = "POST";
      r.path = path;
      r.body = body.dump();
      r.remote_addr = "127.0.0.1";
      if (!token.empty()) r.authorization = "Bearer " + token;
      return api.Handle(r);
    };
    auto login = call("/api/v1/login",
                      Json{{"username", "budi"}, {"password", kDemoPassword}, {"device_id", "t"}}, "");
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string token = Json::parse(login.body)["token"];
    auto push = call("/api/v1/sync/push",
                     Json{{"protocol", 1},
                          {"device_id", "t"},
                          {"changes", Json::array({Change("skp-e-ani-2026", "appraisal", 0,
                                                          Appraisal("e-ani", "submitted")),
                                                   Change("skp-e-sri-2026", "appraisal", 0,
                                                          Appraisal("e-sri", "draft")),
                                                   Change("cmp-ani-2026", "competency_assessment", 0,
                                                          Json{{"employee_id", "e-ani"},
                                                               {"period", "2026"},
                                                               {"status", "draft"},
                                                               {"assessed", {{"M.01", 2}}}})})}},
                     token);
    ASSERT_EQ(push.status, 200) << push.body;
  }
  {
    // Back to version 8: no report tables, no triggers.
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    std::string undo;
    for (const char* t : {"report_appraisals", "report_tickets", "report_surveys", "report_competency"}) {
      for (const char* e : {"INSERT", "UPDATE", "DELETE"}) {
        undo += std::string("DROP TRIGGER ") + t + "_" + e + "; ";
      }
      undo += std::string("DROP TABLE ") + t + "; ";
    }
    ASSERT_TRUE((*db)->Exec(undo + "PRAGMA user_version=8;").ok());
    auto triggers = (*db)->Prepare("SELECT count(*) FROM sqlite_master WHERE type='trigger'");
    ASSERT_TRUE(triggers.ok() && *triggers->Step());
    EXPECT_EQ(triggers->ColumnInt(0), 0);
  }
  auto store = CentralStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto hr = (*store)->PrincipalOf("hr", "pc");
  ASSERT_TRUE(hr.ok());
  auto rows = (*store)->AppraisalRows(*hr, "appraisal", "2026");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].id, "skp-e-ani-2026");
  EXPECT_EQ((*rows)[0].predikat_code, "sangat_baik");
  EXPECT_EQ((*rows)[1].status, "draft");
  auto competency = (*store)->CompetencyRows(*hr, "2026", "");
  ASSERT_TRUE(competency.ok()) << competency.status().ToString();
  ASSERT_EQ(competency->size(), 1u) << "v10 filled from the assessment already stored";
  EXPECT_EQ((*competency)[0].levels, (std::vector<std::pair<std::string, std::string>>{{"M.01", "2"}}));
  store->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kinerja::server::testing

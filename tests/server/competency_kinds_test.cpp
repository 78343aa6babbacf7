// The competency_assessment and queue_ticket record kinds on the push path: who may write
// them, bad input refused with the field named and nothing stored, the server's own scoring,
// the lock after submitting, and who reads them back.
#include <set>

#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class FieldKinds : public DemoCity {
 protected:
  // Ani's position (pengadministrasi-perizinan, server/cli/demo.cpp) requires level 2 of M.01-M.05,
  // S.01, T.PTSP.01 and T.ARS.01: 16 levels in all.
  static Json AllAtTwo() {
    Json a;
    for (const char* c : {"M.01", "M.02", "M.03", "M.04", "M.05", "S.01", "T.PTSP.01", "T.ARS.01"}) {
      a[c] = 2;
    }
    return a;
  }

  static Json Assessment(const std::string& change, const std::string& record, int64_t base,
                         const std::string& employee, const std::string& status, const Json& assessed) {
    return Json{{"change_id", change}, {"record_id", record}, {"kind", "competency_assessment"},
                {"base_version", base},
                {"body", {{"employee_id", employee}, {"period", "2026"}, {"status", status},
                          {"assessed", assessed}}}};
  }

  static Json Ticket(const std::string& change, const std::string& record, int64_t base,
                     const Json& body) {
    return Json{{"change_id", change}, {"record_id", record}, {"kind", "queue_ticket"},
                {"base_version", base}, {"body", body}};
  }

  static Json TicketBody(const std::string& unit = "dpmptsp", const std::string& officer = "e-ani") {
    return Json{{"unit_id", unit}, {"ticket", 1}, {"issued_at", "2026-11-29T01:00:00Z"},
                {"officer", officer}};
  }

  HttpResponse PushAs(const std::string& token, const std::string& device, const Json& change) {
    return Call("POST", "/api/v1/sync/push", Push(device, Json::array({change})), token);
  }

  // The body of record `id` as HR pulls it (null when absent).
  Json Stored(const std::string& id) {
    auto pull = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", LoginAs("hr", "hr-pc")).body);
    for (const auto& rec : pull["records"]) {
      if (rec["id"] == id) return rec["body"];
    }
    return Json();
  }

  std::set<std::string> PulledIds(const std::string& token, const std::string& kind) {
    auto pull = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", token).body);
    std::set<std::string> ids;
    for (const auto& rec : pull["records"]) {
      if (rec["kind"] == kind) ids.insert(rec["id"].get<std::string>());
    }
    return ids;
  }

  static std::string ErrorCode(const HttpResponse& r) {
    return Json::parse(r.body)["error"].value("code", "");
  }
  static std::string Message(const HttpResponse& r) {
    return Json::parse(r.body)["error"].value("message", "");
  }
};

TEST_F(FieldKinds, TheServerScoresAnAssessmentItselfAndIgnoresTheDevicesNumbers) {
  std::string budi = LoginAs("budi", "budi-tab");
  Json change = Assessment("c-1", "cmp-ani", 0, "e-ani", "draft", Json{{"M.01", 3}, {"M.03", 1}});
  change["body"]["position_id"] = "kabid-pelayanan";
  change["body"]["result"] = Json{{"complete", true}, {"jpm", 100}};
  auto r = PushAs(budi, "budi-tab", change);
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = Stored("cmp-ani");
  EXPECT_EQ(body["position_id"], "pengadministrasi-perizinan") << "the employee's position, not the device's";
  EXPECT_FALSE(body["result"]["complete"].get<bool>());
  EXPECT_FALSE(body["result"].contains("jpm"));
  EXPECT_EQ(body["result"]["missing"].size(), 6u);
  ASSERT_EQ(body["result"]["gaps"].size(), 2u);
  EXPECT_EQ(body["result"]["gaps"][0]["gap"], 1);
  EXPECT_EQ(body["result"]["gaps"][1]["gap"], -1);
}

TEST_F(FieldKinds, ASubmittedAssessmentCarriesTheEnginesJpmAndIsThenLocked) {
  std::string budi = LoginAs("budi", "budi-tab");
  Json assessed = AllAtTwo();
  assessed["M.03"] = 1;
  assessed["T.ARS.01"] = 3;
  ASSERT_EQ(PushAs(budi, "budi-tab", Assessment("c-1", "cmp-ani", 0, "e-ani", "submitted", assessed)).status, 200);
  Json result = Stored("cmp-ani")["result"];
  // Capped: 2x6 + 1 + 2 = 15 of 16 = 93.75 (Optimal); uncapped 16/16 = 100.
  EXPECT_TRUE(result["complete"].get<bool>());
  EXPECT_DOUBLE_EQ(result["jpm"].get<double>(), 93.75);
  EXPECT_DOUBLE_EQ(result["jpm_raw"].get<double>(), 100.0);
  EXPECT_EQ(result["mapping_code"], "O");
  EXPECT_EQ(result["competencies_below_required"], 1);

  auto again = PushAs(budi, "budi-tab", Assessment("c-2", "cmp-ani", 1, "e-ani", "draft", AllAtTwo()));
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(ErrorCode(again), "locked");
  auto refused = Json::parse(Call("GET", "/api/v1/refused", "", LoginAs("hr", "hr-pc")).body);
  ASSERT_EQ(refused["refused"].size(), 1u) << refused;
  EXPECT_EQ(refused["refused"][0]["change_id"], "c-2");
}

TEST_F(FieldKinds, BadAssessmentsAreRefusedNamingTheFieldAndNothingIsStored) {
  std::string budi = LoginAs("budi", "budi-tab");
  Json level_six = AllAtTwo();
  level_six["M.01"] = 6;
  Json foreign = AllAtTwo();
  foreign["M.08"] = 3;
  Json incomplete = AllAtTwo();
  incomplete.erase("T.ARS.01");
  Json unknown_field = Assessment("c-u", "cmp-u", 0, "e-ani", "draft", AllAtTwo());
  unknown_field["body"]["nilai_akhir"] = 100;
  Json signed_off = Assessment("c-s", "cmp-s", 0, "e-ani", "signed_off", AllAtTwo());
  Json no_levels = Assessment("c-n", "cmp-n", 0, "e-ani", "draft", AllAtTwo());
  no_levels["body"].erase("assessed");
  struct Case { const char* what; Json change; const char* message; };
  const Case cases[] = {
      {"level 6", Assessment("c-6", "cmp-6", 0, "e-ani", "draft", level_six), "assessed.M.01 must be an integer level 1-5"},
      {"a competency the position lacks", Assessment("c-8", "cmp-8", 0, "e-ani", "draft", foreign),
       "assessed.M.08 is not a competency of position pengadministrasi-perizinan"},
      {"submitted incomplete", Assessment("c-i", "cmp-i", 0, "e-ani", "submitted", incomplete),
       "must assess every competency"},
      {"unknown field", unknown_field, "unknown field changes[0].body.nilai_akhir"},
      {"status", signed_off, "status must be draft or submitted"},
      {"no levels", no_levels, "assessed must be an object"},
  };
  for (const auto& c : cases) {
    auto r = PushAs(budi, "budi-tab", c.change);
    EXPECT_EQ(r.status, 400) << c.what << ": " << r.body;
    EXPECT_NE(Message(r).find(c.message), std::string::npos) << c.what << ": " << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("competency_assessment"), 0);
}

TEST_F(FieldKinds, OnlyTheAppraiserHrAndAdminWriteAnAssessment) {
  struct Case { const char* user; const char* employee; int status; };
  const Case cases[] = {
      {"budi", "e-ani", 200},    // appraiser
      {"budi", "e-budi", 403},   // himself: not his own appraiser
      {"rina", "e-ani", 404},    // another unit
      {"ani", "e-ani", 403},     // the employee
      {"loket1", "e-ani", 403},  // enumerator
      {"hr", "e-lina", 200},
      {"admin", "e-maya", 200},
  };
  int n = 0;
  for (const auto& c : cases) {
    std::string device = std::string(c.user) + "-dev";
    std::string id = "cmp-" + std::to_string(++n);
    Json levels = std::string(c.employee) == "e-ani" ? AllAtTwo() : Json::object();
    auto r = PushAs(LoginAs(c.user, device), device,
                    Assessment("c-" + id, id, 0, c.employee, "draft", levels));
    EXPECT_EQ(r.status, c.status) << c.user << " for " << c.employee << ": " << r.body;
  }
}

TEST_F(FieldKinds, AnEmployeeWithoutAPositionCannotBeAssessed) {
  ASSERT_TRUE(store_->UpsertEmployee({"e-baru", "199901012024011001", "Pegawai Baru", "Magang",
                                      "pelayanan", "e-budi", ""}).ok());
  std::string budi = LoginAs("budi", "budi-tab");
  auto r = PushAs(budi, "budi-tab", Assessment("c-1", "cmp-1", 0, "e-baru", "draft", Json::object()));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(Message(r).find("has no position with required competency levels"), std::string::npos);
}

TEST_F(FieldKinds, AnEmployeeReadsHerOwnAssessmentOnlyOnceSubmitted) {
  std::string budi = LoginAs("budi", "budi-tab");
  std::string ani = LoginAs("ani", "ani-hp");
  ASSERT_EQ(PushAs(budi, "budi-tab", Assessment("c-1", "cmp-ani", 0, "e-ani", "draft", AllAtTwo())).status, 200);
  ASSERT_EQ(PushAs(budi, "budi-tab", Assessment("c-2", "cmp-dedi", 0, "e-dedi", "draft", Json::object())).status, 200);
  EXPECT_TRUE(PulledIds(ani, "competency_assessment").empty()) << "a draft is the appraiser's";
  ASSERT_EQ(PushAs(budi, "budi-tab", Assessment("c-3", "cmp-ani", 1, "e-ani", "submitted", AllAtTwo())).status, 200);
  EXPECT_EQ(PulledIds(ani, "competency_assessment"), (std::set<std::string>{"cmp-ani"}));
  EXPECT_EQ(PulledIds(budi, "competency_assessment"), (std::set<std::string>{"cmp-ani", "cmp-dedi"}));
  EXPECT_TRUE(PulledIds(LoginAs("rina", "rina-tab"), "competency_assessment").empty());
}

TEST_F(FieldKinds, SupervisorsReceiveThePositionsOfTheirSubtreeWithTheRoster) {
  auto ids = PulledIds(LoginAs("budi", "budi-tab"), "position");
  EXPECT_EQ(ids, (std::set<std::string>{"position.kabid-pelayanan", "position.pengadministrasi-perizinan",
                                        "position.analis-perizinan", "position.petugas-loket",
                                        "position.verifikator-berkas"}));
  EXPECT_TRUE(PulledIds(LoginAs("ani", "ani-hp"), "position").empty());
  EXPECT_EQ(PulledIds(LoginAs("hr", "hr-pc"), "position").size(), 10u);
}

TEST_F(FieldKinds, AnOfficerLogsATicketThroughIssuedCalledAndFinished) {
  std::string ani = LoginAs("ani", "ani-hp");
  Json body = TicketBody();
  ASSERT_EQ(PushAs(ani, "ani-hp", Ticket("c-1", "q-1", 0, body)).status, 200);
  body["called_at"] = "2026-11-29T08:04:00+07:00";
  ASSERT_EQ(PushAs(ani, "ani-hp", Ticket("c-2", "q-1", 1, body)).status, 200);
  body["finished_at"] = "2026-11-29T01:10:00Z";
  auto r = PushAs(ani, "ani-hp", Ticket("c-3", "q-1", 2, body));
  ASSERT_EQ(r.status, 200) << r.body;
  auto pull = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", ani).body);
  Json stored;
  for (const auto& rec : pull["records"]) {
    if (rec["id"] == "q-1") stored = rec;
  }
  EXPECT_EQ(stored["version"], 3);
  EXPECT_EQ(stored["unit_path"], "/pemkot/dpmptsp/pelayanan/") << "kept in the officer's unit";
  EXPECT_EQ(stored["body"]["called_at"], "2026-11-29T01:04:00Z") << "stored in UTC";
  EXPECT_EQ(stored["body"]["finished_at"], "2026-11-29T01:10:00Z");
}

TEST_F(FieldKinds, BadTicketsAreRefusedNamingTheReasonAndNothingIsStored) {
  std::string ani = LoginAs("ani", "ani-hp");
  auto with = [](const char* key, Json value) {
    Json b = TicketBody();
    b[key] = std::move(value);
    return b;
  };
  struct Case { const char* what; Json body; int status; const char* message; };
  const Case cases[] = {
      {"called before issued", with("called_at", "2026-11-29T00:59:00Z"), 400, "called_at is before issued_at"},
      {"unknown field", with("nik", "6271010101010001"), 400, "unknown field changes[0].body.nik"},
      {"another officer", with("officer", "e-dedi"), 403, "officer must be your own employee id"},
      {"a unit without queue log", TicketBody("pelayanan"), 400, "does not keep a queue log"},
      {"a unit outside the scope", TicketBody("disdukcapil"), 404, "unit disdukcapil is not in your scope"},
      {"an unknown unit", TicketBody("nowhere"), 404, "unit nowhere does not exist"},
      {"ticket 0", with("ticket", 0), 400, "ticket must be 1-99999"},
  };
  int n = 0;
  for (const auto& c : cases) {
    std::string id = "q-" + std::to_string(++n);
    auto r = PushAs(ani, "ani-hp", Ticket("c-" + id, id, 0, c.body));
    EXPECT_EQ(r.status, c.status) << c.what << ": " << r.body;
    EXPECT_NE(Message(r).find(c.message), std::string::npos) << c.what << ": " << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("queue_ticket"), 0);
}

TEST_F(FieldKinds, ATicketsTimesOnceSetNeverChange) {
  std::string ani = LoginAs("ani", "ani-hp");
  Json body = TicketBody();
  body["called_at"] = "2026-11-29T01:04:00Z";
  ASSERT_EQ(PushAs(ani, "ani-hp", Ticket("c-1", "q-1", 0, body)).status, 200);
  Json moved = body;
  moved["called_at"] = "2026-11-29T01:02:00Z";
  auto r = PushAs(ani, "ani-hp", Ticket("c-2", "q-1", 1, moved));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(Message(r).find("called_at cannot change"), std::string::npos) << r.body;
  Json earlier = body;
  earlier["issued_at"] = "2026-11-29T00:30:00Z";
  EXPECT_EQ(PushAs(ani, "ani-hp", Ticket("c-3", "q-1", 1, earlier)).status, 400);
  // Another officer cannot finish Ani's ticket, even her supervisor.
  Json finished = body;
  finished["finished_at"] = "2026-11-29T01:09:00Z";
  EXPECT_EQ(PushAs(LoginAs("budi", "budi-tab"), "budi-tab", Ticket("c-4", "q-1", 1, finished)).status, 403);
  finished["officer"] = "e-budi";
  EXPECT_EQ(PushAs(LoginAs("budi", "budi-tab"), "budi-tab", Ticket("c-5", "q-1", 1, finished)).status, 400);
}

TEST_F(FieldKinds, OfficersWriteTicketsAndTheirSupervisorsPullThemHrOnlyInReports) {
  struct Case { const char* user; const char* officer; int status; };
  const Case cases[] = {
      {"ani", "e-ani", 200}, {"budi", "e-budi", 200}, {"rina", "e-rina", 200},
      {"hendra", "e-hendra", 404},  // Disdukcapil: the DPMPTSP queue is not his
      {"loket1", "", 403}, {"hr", "", 403}, {"admin", "", 403},
  };
  int n = 0;
  for (const auto& c : cases) {
    std::string device = std::string(c.user) + "-dev";
    std::string id = "q-" + std::string(c.user);
    Json body = TicketBody("dpmptsp", c.officer);
    body["ticket"] = ++n;
    auto r = PushAs(LoginAs(c.user, device), device, Ticket("c-" + id, id, 0, body));
    EXPECT_EQ(r.status, c.status) << c.user << ": " << r.body;
  }
  EXPECT_EQ(PulledIds(LoginAs("ani", "ani-hp"), "queue_ticket"), (std::set<std::string>{"q-ani"}));
  EXPECT_EQ(PulledIds(LoginAs("budi", "budi-tab"), "queue_ticket"),
            (std::set<std::string>{"q-ani", "q-budi"}));
  EXPECT_EQ(PulledIds(LoginAs("rina", "rina-tab"), "queue_ticket"), (std::set<std::string>{"q-rina"}));
  EXPECT_TRUE(PulledIds(LoginAs("hr", "hr-pc"), "queue_ticket").empty())
      << "HR reads tickets in the service-time report, not one by one";
  EXPECT_TRUE(PulledIds(LoginAs("admin", "admin-pc"), "queue_ticket").empty());
  EXPECT_TRUE(PulledIds(LoginAs("loket1", "kiosk-1"), "queue_ticket").empty());
}

TEST_F(FieldKinds, EveryoneReceivesTheUnitsAboveTheirOwnWithTheQueueOption) {
  auto pull = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", LoginAs("ani", "ani-hp")).body);
  std::set<std::string> units;
  bool queue_log = false;
  for (const auto& rec : pull["records"]) {
    if (rec["kind"] != "unit") continue;
    units.insert(rec["id"].get<std::string>());
    if (rec["id"] == "unit.dpmptsp") queue_log = rec["body"].value("queue_log", false);
  }
  EXPECT_EQ(units, (std::set<std::string>{"unit.pemkot", "unit.dpmptsp", "unit.pelayanan"}));
  EXPECT_TRUE(queue_log);
}

}  // namespace
}  // namespace kinerja::server::testing

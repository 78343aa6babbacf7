// The API as plain functions: login, push, pull, scope and malformed input, without sockets.
#include "server/http/api.h"

#include <set>

#include "engine/appraisal/builtin_templates.h"

#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

using Api_ = DemoCity;

TEST_F(Api_, LoginWithTheRightPasswordReturnsASessionWithRoleAndScope) {
  auto r = Call("POST", "/api/v1/login",
                R"({"username":"budi","password":"kinerja-demo","device_id":"tab-1"})");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Json::parse(r.body);
  EXPECT_EQ(j["user"]["role"], "supervisor");
  EXPECT_EQ(j["user"]["unit_path"], "/pemkot/dpmptsp/pelayanan/");
  EXPECT_EQ(j["token"].get<std::string>().size(), 64u);
}

TEST_F(Api_, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto a = Call("POST", "/api/v1/login", R"({"username":"budi","password":"nope","device_id":"t"})");
  auto b = Call("POST", "/api/v1/login", R"({"username":"nobody","password":"nope","device_id":"t"})");
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(a.body, b.body);
}

TEST_F(Api_, RepeatedFailedLoginsAreRateLimited) {
  for (int i = 0; i < 5; ++i) {
    Call("POST", "/api/v1/login", R"({"username":"budi","password":"x","device_id":"t"})");
  }
  auto r = Call("POST", "/api/v1/login",
                R"({"username":"budi","password":"kinerja-demo","device_id":"t"})");
  EXPECT_EQ(r.status, 429) << r.body;
  now_ += 301;  // the window passes
  r = Call("POST", "/api/v1/login", R"({"username":"budi","password":"kinerja-demo","device_id":"t"})");
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(Api_, SupervisorPullsOnlyTheStaffOfTheirOwnSubtree) {
  std::string token = LoginAs("budi");
  auto r = Call("GET", "/api/v1/sync/pull?since=0", "", token);
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Json::parse(r.body);
  std::set<std::string> ids;
  for (const auto& rec : j["records"]) ids.insert(rec["id"].get<std::string>());
  EXPECT_TRUE(ids.count("e-ani"));
  EXPECT_TRUE(ids.count("e-budi"));
  EXPECT_FALSE(ids.count("e-agus")) << "another bidang";
  EXPECT_FALSE(ids.count("e-lina")) << "another dinas";
  EXPECT_FALSE(j["more"].get<bool>());
}

TEST_F(Api_, PushingTheSameChangeTwiceStoresItOnce) {
  std::string token = LoginAs("budi", "tab-1");
  std::string body = Push("tab-1", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "Tepat waktu")}));
  auto first = Call("POST", "/api/v1/sync/push", body, token);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Json::parse(first.body)["acks"][0]["outcome"], "applied");
  auto second = Call("POST", "/api/v1/sync/push", body, token);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(Json::parse(second.body)["acks"][0]["outcome"], "duplicate");
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 1);
}

TEST_F(Api_, AResentCreationIsADuplicateEvenAfterItsRecordWasEdited) {
  std::string token = LoginAs("budi", "tab-1");
  std::string create = Push("tab-1", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "v1")}));
  ASSERT_EQ(Call("POST", "/api/v1/sync/push", create, token).status, 200);
  ASSERT_EQ(Call("POST", "/api/v1/sync/push",
                 Push("tab-1", Json::array({NoteChange("c-2", "n-1", 1, "e-ani", "v2")})), token)
                .status, 200);
  auto again = Call("POST", "/api/v1/sync/push", create, token);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json::parse(again.body)["acks"][0]["outcome"], "duplicate");
  EXPECT_EQ(Json::parse(again.body)["acks"][0]["version"], 1) << "its first result";
  auto pull = Json::parse(Call("GET", "/api/v1/sync/pull?since=0", "", token).body);
  for (const auto& rec : pull["records"]) {
    if (rec["id"] == "n-1") EXPECT_EQ(rec["body"]["text"], "v2") << "the edit stands";
  }
}

TEST_F(Api_, AChangeIdAlreadyUsedForAnotherRecordIsRefusedWhereverItIsStored) {
  std::string token = LoginAs("budi", "tab-1");
  ASSERT_EQ(Call("POST", "/api/v1/sync/push",
                 Push("tab-1", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "v1"),
                                            NoteChange("c-2", "n-2", 0, "e-ani", "v1"),
                                            NoteChange("c-3", "n-2", 1, "e-ani", "v2")})),
                 token).status, 200);
  // c-1 made n-1's current version; c-2 made a version of n-2 since replaced.
  for (const char* used : {"c-1", "c-2"}) {
    auto r = Call("POST", "/api/v1/sync/push",
                  Push("tab-1", Json::array({NoteChange("c-9", "n-8", 0, "e-ani", "fine"),
                                             NoteChange(used, "n-9", 0, "e-ani", "reused id")})),
                  token);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(r.body.find("already used for another record"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("changes[1]"), std::string::npos) << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 2) << "neither batch wrote anything";
}

TEST_F(Api_, ACreationOfARecordThatExistsIsKeptAsAConflict) {
  std::string a = LoginAs("budi", "tab-a");
  std::string b = LoginAs("budi", "tab-b");
  ASSERT_EQ(Call("POST", "/api/v1/sync/push",
                 Push("tab-a", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "from a")})), a)
                .status, 200);
  auto r = Call("POST", "/api/v1/sync/push",
                Push("tab-b", Json::array({NoteChange("c-2", "n-1", 0, "e-ani", "from b")})), b);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json::parse(r.body)["acks"][0]["outcome"], "conflict");
  auto conflicts = Json::parse(Call("GET", "/api/v1/conflicts", "", a).body);
  ASSERT_EQ(conflicts["conflicts"].size(), 1u) << conflicts.dump();
  EXPECT_EQ(conflicts["conflicts"][0]["kept"][0]["change_id"], "c-2");
  EXPECT_EQ(conflicts["conflicts"][0]["record"]["body"]["text"], "from a");
}

TEST_F(Api_, ASupervisorsSubtreeEndsAtTheirUnitsPathNotAtSimilarNames) {
  // Siblings whose ids start like budi's unit ("pelayanan"), with every character an id may
  // hold after it: below '/' ('-', '.'), above it (digits, letters, '_').
  for (const char* id : {"pelayanan-b", "pelayanan.b", "pelayanan2", "pelayananb", "pelayanan_b"}) {
    ASSERT_TRUE(store_->AddUnit(id, "dpmptsp", id, "bidang").ok()) << id;
    EmployeeSpec e;
    e.id = std::string("e-") + id;
    e.nip = "1";
    e.name = id;
    e.position = "Staf";
    e.unit_id = id;
    ASSERT_TRUE(store_->UpsertEmployee(e).ok()) << id;
  }
  std::string token = LoginAs("budi", "tab-1");
  auto pull = Json::parse(Call("GET", "/api/v1/sync/pull?since=0", "", token).body);
  bool own_staff = false;
  for (const auto& rec : pull["records"]) {
    const std::string path = rec["unit_path"];
    EXPECT_EQ(path.rfind("/pemkot/dpmptsp/pelayanan/", 0) == 0 ||
                  std::string("/pemkot/dpmptsp/pelayanan/").rfind(path, 0) == 0,
              true)
        << rec["id"] << " at " << path;
    own_staff = own_staff || rec["id"] == "e-ani";
  }
  EXPECT_TRUE(own_staff) << "budi still sees his own staff";
}

TEST_F(Api_, ABatchWithOneForbiddenChangeWritesNothing) {
  std::string token = LoginAs("budi", "tab-1");
  Json changes = Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "ok"),
                              NoteChange("c-2", "n-2", 0, "e-agus", "not my staff")});
  auto r = Call("POST", "/api/v1/sync/push", Push("tab-1", changes), token);
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_NE(r.body.find("changes[1]"), std::string::npos) << r.body;
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 0);
}

TEST_F(Api_, TwoEditsFromTheSameBaseAreKeptAsAConflict) {
  std::string a = LoginAs("budi", "tab-a");
  std::string b = LoginAs("budi", "tab-b");
  ASSERT_EQ(Call("POST", "/api/v1/sync/push",
                 Push("tab-a", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "v1")})), a).status, 200);
  auto ra = Call("POST", "/api/v1/sync/push",
                 Push("tab-a", Json::array({NoteChange("c-2", "n-1", 1, "e-ani", "from a")})), a);
  auto rb = Call("POST", "/api/v1/sync/push",
                 Push("tab-b", Json::array({NoteChange("c-3", "n-1", 1, "e-ani", "from b")})), b);
  EXPECT_EQ(Json::parse(ra.body)["acks"][0]["outcome"], "applied");
  EXPECT_EQ(Json::parse(rb.body)["acks"][0]["outcome"], "conflict");
  auto pull = Json::parse(Call("GET", "/api/v1/sync/pull?since=0", "", a).body);
  bool flagged = false;
  for (const auto& rec : pull["records"]) {
    if (rec["id"] == "n-1") flagged = rec["conflict"].get<bool>() && rec["body"]["text"] == "from a";
  }
  EXPECT_TRUE(flagged);
}

TEST_F(Api_, AnEmployeeMayNotWriteAppraisalNotes) {
  std::string token = LoginAs("ani", "tab-ani");
  auto r = Call("POST", "/api/v1/sync/push",
                Push("tab-ani", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "self")})), token);
  EXPECT_EQ(r.status, 403) << r.body;
}

TEST_F(Api_, PushWithoutATokenIsRefused) {
  auto r = Call("POST", "/api/v1/sync/push", "{}");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("log in"), std::string::npos);
}

// Malformed input: each gets a 4xx with a message naming the problem, and nothing is stored.
TEST_F(Api_, MalformedPushBodiesGetClearErrorsAndStoreNothing) {
  std::string token = LoginAs("budi", "tab-1");
  struct Case { std::string body; int status; std::string says; };
  const Case cases[] = {
      {"{not json", 400, "malformed JSON"},
      {"", 400, "empty"},
      {R"({"protocol":1,"device_id":"tab-1","changes":"x"})", 400, "changes must be an array"},
      {R"({"protocol":2,"device_id":"tab-1","changes":[]})", 400, "protocol 2 is not supported"},
      {R"({"protocol":1,"device_id":"tab-1","changes":[],"extra":1})", 400, "unknown field push.extra"},
      {Push("tab-1", Json::array({Json{{"change_id", "c"}, {"record_id", "r"}, {"kind", "appraisal_note"},
                                       {"base_version", "0"}, {"body", Json::object()}}})),
       400, "changes[0].base_version must be an integer, not string"},
      {Push("tab-1", Json::array({NoteChange("c/1", "n-1", 0, "e-ani", "x")})), 400, "change_id must be"},
      {Push("tab-1", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "")})), 400, "text must be 1-4000"},
      {Push("tab-1", Json::array({NoteChange("c-1", "n-1", 0, "nobody", "x")})), 404, "not in your scope"},
      {Push("tab-2", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "x")})), 403, "does not match"},
      {Push("tab-1", Json::array({NoteChange("c-1", "n-1", 3, "e-ani", "x")})), 409, "push its earlier changes"},
  };
  for (const auto& c : cases) {
    auto r = Call("POST", "/api/v1/sync/push", c.body, token);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    EXPECT_NE(r.body.find(c.says), std::string::npos) << c.body << " -> " << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 0);
}

TEST_F(Api_, OversizedBodiesAreRefusedBeforeParsing) {
  std::string token = LoginAs("budi", "tab-1");
  std::string huge(5 * 1024 * 1024, ' ');
  auto r = Call("POST", "/api/v1/sync/push", huge, token);
  EXPECT_EQ(r.status, 413);
}

TEST_F(Api_, PullRejectsABadCursor) {
  std::string token = LoginAs("budi");
  EXPECT_EQ(Call("GET", "/api/v1/sync/pull?since=-1", "", token).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/sync/pull?since=abc", "", token).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/sync/pull?limit=0", "", token).status, 400);
}

TEST_F(Api_, UnknownPathsAndMethodsAreNamed) {
  EXPECT_EQ(Call("GET", "/api/v1/nothing", "").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/sync/push", "").status, 405);
}

}  // namespace
}  // namespace kinerja::server::testing

namespace kinerja::server::testing {
namespace {

Json SurveyChange(const std::string& id, const Json& body) {
  return Json{{"change_id", "c-" + id}, {"record_id", id}, {"kind", "survey_response"},
              {"base_version", 0}, {"body", body}};
}

Json GoodSurvey() {
  return Json{{"unit_id", "pelayanan"}, {"service", "Izin Usaha"}, {"date", "2026-11-20"},
              {"answers", {{"U1", 4}, {"U2", 3}, {"U3", 2}, {"U4", 4}, {"U5", 3}, {"U6", 3},
                           {"U7", 4}, {"U8", 3}, {"U9", 3}}},
              {"profile", {{"gender", "P"}, {"age_band", "25-34"}}}};
}

using Survey = DemoCity;

TEST_F(Survey, AnEnumeratorAddsAnonymousResponsesInTheirUnit) {
  std::string token = LoginAs("loket1", "kiosk-1");
  auto r = Call("POST", "/api/v1/sync/push",
                Push("kiosk-1", Json::array({SurveyChange("s-1", GoodSurvey())})), token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(*store_->CountRecords("survey_response"), 1);
}

TEST_F(Survey, ResponsesRefuseIdentityFieldsAndOutOfRangeAnswers) {
  std::string token = LoginAs("loket1", "kiosk-1");
  Json with_name = GoodSurvey();
  with_name["profile"]["name"] = "Pak Amir";
  Json five = GoodSurvey();
  five["answers"]["U3"] = 5;
  Json unknown_element = GoodSurvey();
  unknown_element["answers"]["U10"] = 3;
  Json other_unit = GoodSurvey();
  other_unit["unit_id"] = "pendaftaran";
  struct Case { Json body; int status; std::string says; };
  const Case cases[] = {
      {with_name, 400, "unknown field changes[0].body.profile.name"},
      {five, 400, "answers.U3 must be 1, 2, 3 or 4"},
      {unknown_element, 400, "U10 is not an SKM element"},
      {other_unit, 404, "unit pendaftaran is not in your scope"},
  };
  for (const auto& c : cases) {
    auto r = Call("POST", "/api/v1/sync/push", Push("kiosk-1", Json::array({SurveyChange("s-1", c.body)})), token);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_NE(r.body.find(c.says), std::string::npos) << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("survey_response"), 0);
}

TEST_F(Survey, AnEnumeratorCannotWriteAppraisalNotesAndASupervisorCannotAddResponses) {
  std::string kiosk = LoginAs("loket1", "kiosk-1");
  auto r = Call("POST", "/api/v1/sync/push",
                Push("kiosk-1", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "x")})), kiosk);
  EXPECT_EQ(r.status, 403) << r.body;
  std::string budi = LoginAs("budi", "tab-1");
  r = Call("POST", "/api/v1/sync/push", Push("tab-1", Json::array({SurveyChange("s-1", GoodSurvey())})), budi);
  EXPECT_EQ(r.status, 403) << r.body;
}

}  // namespace
}  // namespace kinerja::server::testing

namespace kinerja::server::testing {
namespace {

using Conflicts = DemoCity;

TEST_F(Conflicts, AResolutionIsAChangeThatSettlesTheKeptEditAndClearsTheFlag) {
  std::string a = LoginAs("budi", "tab-a");
  std::string b = LoginAs("budi", "tab-b");
  Call("POST", "/api/v1/sync/push", Push("tab-a", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "v1")})), a);
  Call("POST", "/api/v1/sync/push", Push("tab-a", Json::array({NoteChange("c-2", "n-1", 1, "e-ani", "from a")})), a);
  Call("POST", "/api/v1/sync/push", Push("tab-b", Json::array({NoteChange("c-3", "n-1", 1, "e-ani", "from b")})), b);

  auto list = Json::parse(Call("GET", "/api/v1/conflicts", "", a).body);
  ASSERT_EQ(list["conflicts"].size(), 1u) << list;
  EXPECT_EQ(list["conflicts"][0]["record"]["body"]["text"], "from a");
  EXPECT_EQ(list["conflicts"][0]["kept"][0]["change_id"], "c-3");
  EXPECT_EQ(list["conflicts"][0]["kept"][0]["body"]["text"], "from b");

  // HR sees it too; an employee may not look.
  std::string hr = LoginAs("hr", "hr-pc");
  EXPECT_EQ(Json::parse(Call("GET", "/api/v1/conflicts", "", hr).body)["conflicts"].size(), 1u);
  EXPECT_EQ(Call("GET", "/api/v1/conflicts", "", LoginAs("ani", "ani-hp")).status, 403);

  Json resolution = NoteChange("c-4", "n-1", 2, "e-ani", "from a + from b");
  resolution["resolves"] = Json::array({"c-3"});
  auto r = Call("POST", "/api/v1/sync/push", Push("tab-b", Json::array({resolution})), b);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json::parse(r.body)["acks"][0]["outcome"], "applied");
  EXPECT_TRUE(Json::parse(Call("GET", "/api/v1/conflicts", "", a).body)["conflicts"].empty());
}

TEST_F(Conflicts, AResolutionNamingNoOpenConflictIsRefused) {
  std::string a = LoginAs("budi", "tab-a");
  Call("POST", "/api/v1/sync/push", Push("tab-a", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "v1")})), a);
  Json resolution = NoteChange("c-2", "n-1", 1, "e-ani", "v2");
  resolution["resolves"] = Json::array({"c-99"});
  auto r = Call("POST", "/api/v1/sync/push", Push("tab-a", Json::array({resolution})), a);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("c-99 is not an open conflict"), std::string::npos) << r.body;
  EXPECT_EQ(Json::parse(r.body)["error"]["change_id"], "c-2");
}

using Admin = DemoCity;

TEST_F(Admin, ARevokedDeviceCanNeitherSyncNorLogInAgain) {
  std::string tablet = LoginAs("budi", "lost-tablet");
  std::string admin = LoginAs("admin", "admin-pc");
  auto devices = Json::parse(Call("GET", "/api/v1/devices", "", admin).body);
  EXPECT_GE(devices["devices"].size(), 2u);
  auto r = Call("POST", "/api/v1/devices/revoke", R"({"device_id":"lost-tablet"})", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Call("GET", "/api/v1/sync/pull", "", tablet).status, 401);
  r = Call("POST", "/api/v1/login",
           R"({"username":"budi","password":"kinerja-demo","device_id":"lost-tablet"})");
  EXPECT_EQ(r.status, 403) << r.body;
}

TEST_F(Admin, OnlyAnAdminOrTheOwnerMayRevokeADevice) {
  LoginAs("budi", "budi-tab");
  std::string rina = LoginAs("rina", "rina-tab");
  auto r = Call("POST", "/api/v1/devices/revoke", R"({"device_id":"budi-tab"})", rina);
  EXPECT_EQ(r.status, 403) << r.body;
  r = Call("POST", "/api/v1/devices/revoke", R"({"device_id":"nope"})", rina);
  EXPECT_EQ(r.status, 404) << r.body;
}

TEST_F(Admin, TheAuditLogRecordsLoginsPushesAndRevocationsForHrOnly) {
  std::string budi = LoginAs("budi", "tab-1");
  Call("POST", "/api/v1/sync/push", Push("tab-1", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "v1")})), budi);
  Call("POST", "/api/v1/login", R"({"username":"budi","password":"wrong","device_id":"x"})");
  std::string hr = LoginAs("hr", "hr-pc");
  auto r = Call("GET", "/api/v1/audit?since=0", "", hr);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string all = r.body;
  EXPECT_NE(all.find("\"login\""), std::string::npos);
  EXPECT_NE(all.find("\"push\""), std::string::npos);
  EXPECT_NE(all.find("\"login_failed\""), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/v1/audit", "", budi).status, 403);
}

}  // namespace
}  // namespace kinerja::server::testing

namespace kinerja::server::testing {
namespace {

Json Skp() {
  return Json{{"template", "permenpanrb-6-2022.v1"},
              {"hasil_kerja", Json::array({{{"iki", "Izin terbit"}, {"target", 120}, {"realisasi", 126}}})},
              {"rating_hasil_kerja", "Di Atas Ekspektasi"},
              {"perilaku", {{"berorientasi_pelayanan", "Di Atas"}, {"akuntabel", "Di Atas"},
                            {"kompeten", "Di Atas"}, {"harmonis", "Sesuai"}, {"loyal", "Di Atas"},
                            {"adaptif", "Di Atas"}, {"kolaboratif", "Sesuai"}}}};
}

Json AppraisalChange(const std::string& change_id, int64_t base, const std::string& status,
                     Json skp, const Json& result = nullptr) {
  Json body{{"employee_id", "e-ani"}, {"period", "2026"}, {"status", status}, {"skp", std::move(skp)}};
  if (!result.is_null()) body["result"] = result;
  return Json{{"change_id", change_id}, {"record_id", "skp-ani-2026"}, {"kind", "appraisal"},
              {"base_version", base}, {"body", body}};
}

using Appraisal = DemoCity;

TEST_F(Appraisal, TheServerRecomputesThePredikatAndIgnoresTheDevicesResult) {
  std::string budi = LoginAs("budi", "tab-1");
  Json forged{{"predikat", "Sangat Baik"}, {"hacked", true}};
  auto r = Call("POST", "/api/v1/sync/push",
                Push("tab-1", Json::array({AppraisalChange("a-1", 0, "submitted", Skp(), forged)})), budi);
  ASSERT_EQ(r.status, 200) << r.body;
  auto pull = Json::parse(Call("GET", "/api/v1/sync/pull", "", budi).body);
  for (const auto& rec : pull["records"]) {
    if (rec["kind"] != "appraisal") continue;
    EXPECT_FALSE(rec["body"]["result"].contains("hacked"));
    EXPECT_EQ(rec["body"]["result"]["predikat"], "Sangat Baik");  // Di Atas x Di Atas (median)
  }
}

TEST_F(Appraisal, ADraftMayBeIncompleteButASubmittedOneMustScore) {
  std::string budi = LoginAs("budi", "tab-1");
  Json partial{{"template", "permenpanrb-6-2022.v1"}};
  auto r = Call("POST", "/api/v1/sync/push",
                Push("tab-1", Json::array({AppraisalChange("a-1", 0, "draft", partial)})), budi);
  ASSERT_EQ(r.status, 200) << r.body;
  r = Call("POST", "/api/v1/sync/push",
           Push("tab-1", Json::array({AppraisalChange("a-2", 1, "submitted", partial)})), budi);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("body.skp: "), std::string::npos) << r.body;
}

TEST_F(Appraisal, ASignedOffAppraisalIsLockedAndTheRefusedEditIsKeptForReview) {
  std::string budi = LoginAs("budi", "tab-1");
  ASSERT_EQ(Call("POST", "/api/v1/sync/push",
                 Push("tab-1", Json::array({AppraisalChange("a-1", 0, "signed_off", Skp())})), budi).status, 200);
  Json later = AppraisalChange("a-2", 1, "submitted", Skp());
  Json note = NoteChange("c-9", "n-9", 0, "e-ani", "in the same batch");
  auto r = Call("POST", "/api/v1/sync/push", Push("tab-1", Json::array({note, later})), budi);
  EXPECT_EQ(r.status, 409) << r.body;
  auto err = Json::parse(r.body)["error"];
  EXPECT_EQ(err["code"], "locked");
  EXPECT_EQ(err["change_id"], "a-2");
  EXPECT_NE(err["message"].get<std::string>().find("signed off"), std::string::npos);
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 0) << "the batch wrote nothing";
  // Pushed again (a retry), it is still refused and kept once, for HR to review.
  EXPECT_EQ(Call("POST", "/api/v1/sync/push", Push("tab-1", Json::array({later})), budi).status, 409);
  std::string hr = LoginAs("hr", "hr-pc");
  Json refused = Json::parse(Call("GET", "/api/v1/refused", "", hr).body)["refused"];
  ASSERT_EQ(refused.size(), 1u) << refused;
  EXPECT_EQ(refused[0]["change_id"], "a-2");
  EXPECT_EQ(refused[0]["code"], "locked");
  EXPECT_EQ(Call("GET", "/api/v1/refused", "", budi).status, 403);
}

TEST_F(Appraisal, AnEmployeeSeesTheirAppraisalOnlyOnceSubmitted) {
  std::string budi = LoginAs("budi", "tab-1");
  std::string ani = LoginAs("ani", "ani-hp");
  Call("POST", "/api/v1/sync/push", Push("tab-1", Json::array({AppraisalChange("a-1", 0, "draft", Skp())})), budi);
  auto count = [&] {
    int n = 0;
    auto resp = Call("GET", "/api/v1/sync/pull", "", ani);
    EXPECT_EQ(resp.status, 200) << resp.body;
    Json pulled = Json::parse(resp.body);
    for (const auto& rec : pulled["records"]) {
      n += rec["kind"] == "appraisal";
    }
    return n;
  };
  EXPECT_EQ(count(), 0);
  auto r = Call("POST", "/api/v1/sync/push",
                Push("tab-1", Json::array({AppraisalChange("a-2", 1, "submitted", Skp())})), budi);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(count(), 1);
}

}  // namespace
}  // namespace kinerja::server::testing

namespace kinerja::server::testing {
namespace {

using CityTemplates = DemoCity;

// A city's own version of the 6/2022 template: the built-in text under a new id.
std::string CityTemplate(const std::string& id) {
  std::string text(*BuiltinTemplateText("permenpanrb-6-2022.v1"));
  size_t at = text.find("permenpanrb-6-2022.v1");
  text.replace(at, std::string("permenpanrb-6-2022.v1").size(), id);
  return text;
}

TEST_F(CityTemplates, AStoredTemplateScoresAppraisalsOnTheServer) {
  auto id = store_->AddTemplate(CityTemplate("palangkaraya-2027.v1"), "test", now_);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  std::string budi = LoginAs("budi", "tab-1");
  Json skp = Skp();
  skp["template"] = "palangkaraya-2027.v1";
  auto r = Call("POST", "/api/v1/sync/push",
                Push("tab-1", Json::array({AppraisalChange("a-1", 0, "submitted", skp)})), budi);
  ASSERT_EQ(r.status, 200) << r.body;
  Json pulled = Json::parse(Call("GET", "/api/v1/sync/pull", "", budi).body);
  bool scored = false;
  for (const auto& rec : pulled["records"]) {
    if (rec["kind"] == "appraisal") scored = rec["body"]["result"]["predikat"] == "Sangat Baik";
  }
  EXPECT_TRUE(scored);
}

TEST_F(CityTemplates, TemplatesAreValidatedAndNeverOverwritten) {
  EXPECT_EQ(store_->AddTemplate(CityTemplate("permenpanrb-6-2022.v1"), "t", now_).status().code(),
            Code::kAlreadyExists);
  ASSERT_TRUE(store_->AddTemplate(CityTemplate("kota.v1"), "t", now_).ok());
  EXPECT_EQ(store_->AddTemplate(CityTemplate("kota.v1"), "t", now_).status().code(),
            Code::kAlreadyExists);
  auto bad = store_->AddTemplate(R"({"id": "x.v1"})", "t", now_);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument) << bad.status().ToString();
}

}  // namespace
}  // namespace kinerja::server::testing

// The employee's own record kinds: self_assessment (her SKP ratings, scored by the server) and
// appraisal_response (accept, or object with a reason). Only she writes them; her appraiser,
// HR and admins read them; bad bodies are refused with a message and change nothing.
#include <set>

#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

constexpr const char* kSkpTemplate = "permenpanrb-6-2022.v1";

Json Skp(const std::string& hasil, const std::string& perilaku) {
  Json values = Json::object();
  for (const char* v : {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal",
                        "adaptif", "kolaboratif"}) {
    values[v] = perilaku;
  }
  return Json{{"template", kSkpTemplate}, {"periode", "2026"},
              {"hasil_kerja", Json::array({{{"iki", "Izin terbit"}, {"target", 120}, {"realisasi", 126}}})},
              {"rating_hasil_kerja", hasil}, {"perilaku", values}};
}

Json Change(const std::string& change_id, const std::string& record_id, const std::string& kind,
            int64_t base, const Json& body) {
  return Json{{"change_id", change_id}, {"record_id", record_id}, {"kind", kind},
              {"base_version", base}, {"body", body}, {"created_at", "2026-11-29T05:00:00Z"}};
}

Json SelfBody(const std::string& employee, const std::string& status, const Json& skp) {
  return Json{{"employee_id", employee}, {"period", "2026"}, {"status", status}, {"skp", skp}};
}

class EmployeeKinds : public DemoCity {
 protected:
  void SetUp() override {
    DemoCity::SetUp();
    // A second employee account in Ani's unit: a colleague, also appraised by Budi.
    UserSpec dedi{"dedi", kDemoPassword, "Dedi Kurniawan", wire::Role::kEmployee, "pelayanan",
                  "e-dedi", ""};
    ASSERT_TRUE(store_->AddUser(dedi).ok());
    budi_ = LoginAs("budi", "budi-tab");
    ani_ = LoginAs("ani", "ani-hp");
  }

  // Budi's appraisal of `employee` with `status`, pushed as change `change_id`.
  HttpResponse Appraise(const std::string& change_id, const std::string& employee,
                        const std::string& status, int64_t base = 0) {
    Json body{{"employee_id", employee}, {"period", "2026"}, {"status", status},
              {"skp", Skp("Sesuai", "Sesuai")}};
    return Call("POST", "/api/v1/sync/push",
                Push("budi-tab", Json::array({Change(change_id, "skp-" + employee + "-2026",
                                                     "appraisal", base, body)})),
                budi_);
  }

  HttpResponse PushAs(const std::string& token, const std::string& device, const Json& change) {
    return Call("POST", "/api/v1/sync/push", Push(device, Json::array({change})), token);
  }

  static std::string Code(const HttpResponse& r) {
    return Json::parse(r.body)["error"].value("code", "");
  }
  static std::string Message(const HttpResponse& r) {
    return Json::parse(r.body)["error"].value("message", "");
  }

  std::set<std::string> PulledIds(const std::string& token) {
    Json j = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", token).body);
    std::set<std::string> ids;
    for (const auto& r : j["records"]) ids.insert(r["id"].get<std::string>());
    return ids;
  }

  Json Stored(const std::string& token, const std::string& id) {
    Json j = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", token).body);
    for (const auto& r : j["records"]) {
      if (r["id"] == id) return r;
    }
    return Json();
  }

  std::string budi_, ani_;
};

TEST_F(EmployeeKinds, TheServerScoresASelfAssessmentWhateverTheDeviceSent) {
  Json body = SelfBody("e-ani", "draft", Skp("Di Atas", "Di Atas"));
  body["result"] = {{"predikat", "Sangat Kurang"}};  // a device cannot choose its own result
  auto r = PushAs(ani_, "ani-hp", Change("c-1", "self-e-ani-2026", "self_assessment", 0, body));
  ASSERT_EQ(r.status, 200) << r.body;
  Json rec = Stored(ani_, "self-e-ani-2026");
  EXPECT_EQ(rec["body"]["result"]["predikat_code"], "sangat_baik") << rec;
  EXPECT_EQ(rec["subject_id"], "e-ani");
  EXPECT_EQ(rec["unit_path"], "/pemkot/dpmptsp/pelayanan/");
}

TEST_F(EmployeeKinds, AnIncompleteDraftIsKeptWithItsErrorButAnIncompleteSubmissionIsRefused) {
  Json skp{{"template", kSkpTemplate}, {"rating_hasil_kerja", "Sesuai"}};  // no perilaku
  auto draft = PushAs(ani_, "ani-hp",
                      Change("c-1", "self-e-ani-2026", "self_assessment", 0, SelfBody("e-ani", "draft", skp)));
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_TRUE(Stored(ani_, "self-e-ani-2026")["body"]["result"].contains("error"));
  auto submit = PushAs(ani_, "ani-hp", Change("c-2", "self-e-ani-2026", "self_assessment", 1,
                                              SelfBody("e-ani", "submitted", skp)));
  EXPECT_EQ(submit.status, 400) << submit.body;
  EXPECT_NE(Message(submit).find("changes[0].body.skp"), std::string::npos) << submit.body;
  EXPECT_EQ(Stored(ani_, "self-e-ani-2026")["body"]["status"], "draft") << "nothing changed";
}

TEST_F(EmployeeKinds, ASubmittedSelfAssessmentIsFinalAndALaterEditIsKeptForReview) {
  ASSERT_EQ(PushAs(ani_, "ani-hp", Change("c-1", "self-e-ani-2026", "self_assessment", 0,
                                          SelfBody("e-ani", "submitted", Skp("Sesuai", "Sesuai"))))
                .status,
            200);
  auto edit = PushAs(ani_, "ani-hp", Change("c-2", "self-e-ani-2026", "self_assessment", 1,
                                            SelfBody("e-ani", "draft", Skp("Di Atas", "Di Atas"))));
  EXPECT_EQ(edit.status, 409) << edit.body;
  EXPECT_EQ(Code(edit), "locked");
  auto refused = Json::parse(Call("GET", "/api/v1/refused", "", LoginAs("hr", "hr-pc")).body);
  ASSERT_EQ(refused["refused"].size(), 1u) << refused;
  EXPECT_EQ(refused["refused"][0]["change_id"], "c-2");
  EXPECT_EQ(Stored(ani_, "self-e-ani-2026")["body"]["result"]["predikat_code"], "baik");
}

TEST_F(EmployeeKinds, NobodyWritesASelfAssessmentForSomeoneElse) {
  Json about_dedi = SelfBody("e-dedi", "draft", Skp("Sesuai", "Sesuai"));
  auto r = PushAs(ani_, "ani-hp", Change("c-1", "self-e-dedi-2026", "self_assessment", 0, about_dedi));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_NE(Message(r).find("you are employee e-ani, not e-dedi"), std::string::npos) << r.body;
  // Not her appraiser, not HR, not an admin either.
  for (const char* user : {"budi", "hr", "admin"}) {
    std::string device = std::string(user) + "-x";
    auto other = PushAs(LoginAs(user, device), device,
                        Change(std::string("c-") + user, "self-e-ani-2026", "self_assessment", 0,
                               SelfBody("e-ani", "draft", Skp("Sesuai", "Sesuai"))));
    EXPECT_EQ(other.status, 403) << user << ": " << other.body;
  }
  EXPECT_EQ(*store_->CountRecords("self_assessment"), 0);
}

TEST_F(EmployeeKinds, ASelfAssessmentWithAStrangersNameInsideIsRefused) {
  Json skp = Skp("Sesuai", "Sesuai");
  skp["pegawai"] = {{"id", "e-dedi"}, {"nama", "Dedi"}};
  auto r = PushAs(ani_, "ani-hp", Change("c-1", "self-e-ani-2026", "self_assessment", 0,
                                         SelfBody("e-ani", "draft", skp)));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(Message(r).find("skp.pegawai.id must be e-ani"), std::string::npos) << r.body;
}

TEST_F(EmployeeKinds, BadSelfAssessmentBodiesAreRefusedWithTheFieldNamed) {
  struct Case { const char* what; Json body; const char* expect; };
  Json good = SelfBody("e-ani", "draft", Skp("Sesuai", "Sesuai"));
  Json unknown = good;
  unknown["score"] = 99;
  Json wrong_type = good;
  wrong_type["period"] = 2026;
  Json bad_status = good;
  bad_status["status"] = "signed_off";
  Json no_skp = good;
  no_skp.erase("skp");
  Json skp_text = good;
  skp_text["skp"] = "Di Atas";
  Json long_comments = good;
  long_comments["comments"] = std::string(4001, 'x');
  Json empty_period = good;
  empty_period["period"] = "";
  const Case cases[] = {
      {"an unknown field", unknown, "score"},
      {"a number for a text", wrong_type, "period"},
      {"a status an employee cannot give", bad_status, "status must be draft or submitted"},
      {"no skp", no_skp, "skp must be an object"},
      {"skp as text", skp_text, "skp must be an object"},
      {"comments too long", long_comments, "comments must be at most 4000 characters (has 4001)"},
      {"an empty period", empty_period, "period must be 1-20"},
  };
  for (const auto& c : cases) {
    auto r = PushAs(ani_, "ani-hp", Change("c-x", "self-e-ani-2026", "self_assessment", 0, c.body));
    EXPECT_EQ(r.status, 400) << c.what << ": " << r.body;
    EXPECT_NE(Message(r).find(c.expect), std::string::npos) << c.what << ": " << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("self_assessment"), 0);
}

TEST_F(EmployeeKinds, OnePeriodHasOneSelfAssessment) {
  Json body = SelfBody("e-ani", "draft", Skp("Sesuai", "Sesuai"));
  ASSERT_EQ(PushAs(ani_, "ani-hp", Change("c-1", "self-e-ani-2026", "self_assessment", 0, body)).status, 200);
  auto second = PushAs(ani_, "ani-hp", Change("c-2", "self-2", "self_assessment", 0, body));
  EXPECT_EQ(second.status, 400) << second.body;
  EXPECT_NE(Message(second).find("already has self-assessment self-e-ani-2026"), std::string::npos);
  EXPECT_EQ(*store_->CountRecords("self_assessment"), 1);
}

TEST_F(EmployeeKinds, AnEmployeeAcceptsHerSubmittedAppraisalOnceAndTheResponseNamesItsVersion) {
  ASSERT_EQ(Appraise("a-1", "e-ani", "draft").status, 200);
  ASSERT_EQ(Appraise("a-2", "e-ani", "submitted", 1).status, 200);
  Json accept{{"appraisal_id", "skp-e-ani-2026"}, {"decision", "accept"}};
  auto r = PushAs(ani_, "ani-hp", Change("r-1", "resp-skp-e-ani-2026", "appraisal_response", 0, accept));
  ASSERT_EQ(r.status, 200) << r.body;
  Json rec = Stored(ani_, "resp-skp-e-ani-2026");
  EXPECT_EQ(rec["body"]["appraisal_version"], 2) << rec;
  EXPECT_EQ(rec["body"]["appraisal_status"], "submitted");
  EXPECT_EQ(rec["body"]["employee_id"], "e-ani");
  EXPECT_EQ(rec["subject_id"], "e-ani");

  // Final: no edit of it, and no second response under another id.
  auto edit = PushAs(ani_, "ani-hp",
                     Change("r-2", "resp-skp-e-ani-2026", "appraisal_response", 1,
                            {{"appraisal_id", "skp-e-ani-2026"}, {"decision", "object"}, {"reason", "x"}}));
  EXPECT_EQ(edit.status, 409) << edit.body;
  EXPECT_EQ(Code(edit), "locked");
  auto again = PushAs(ani_, "ani-hp",
                      Change("r-3", "resp-2", "appraisal_response", 0,
                             {{"appraisal_id", "skp-e-ani-2026"}, {"decision", "object"}, {"reason", "x"}}));
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_NE(Message(again).find("already has response resp-skp-e-ani-2026"), std::string::npos);
  EXPECT_EQ(*store_->CountRecords("appraisal_response"), 1);
}

TEST_F(EmployeeKinds, AnObjectionNeedsAReasonAndKeepsItTrimmed) {
  ASSERT_EQ(Appraise("a-1", "e-ani", "signed_off").status, 200);
  Json bare{{"appraisal_id", "skp-e-ani-2026"}, {"decision", "object"}, {"reason", "   "}};
  auto r = PushAs(ani_, "ani-hp", Change("r-1", "resp-1", "appraisal_response", 0, bare));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(Message(r).find("reason is required for an objection"), std::string::npos) << r.body;
  Json objection{{"appraisal_id", "skp-e-ani-2026"}, {"decision", "object"},
                 {"reason", "  Target izin tercapai 105%.\n"}};
  ASSERT_EQ(PushAs(ani_, "ani-hp", Change("r-2", "resp-1", "appraisal_response", 0, objection)).status, 200);
  EXPECT_EQ(Stored(ani_, "resp-1")["body"]["reason"], "Target izin tercapai 105%.");
}

TEST_F(EmployeeKinds, NoResponseToADraftAnUnknownOrSomeoneElsesAppraisal) {
  ASSERT_EQ(Appraise("a-1", "e-ani", "draft").status, 200);
  ASSERT_EQ(Appraise("a-2", "e-dedi", "submitted").status, 200);
  Json to_draft{{"appraisal_id", "skp-e-ani-2026"}, {"decision", "accept"}};
  auto draft = PushAs(ani_, "ani-hp", Change("r-1", "resp-1", "appraisal_response", 0, to_draft));
  EXPECT_EQ(draft.status, 404) << draft.body;
  EXPECT_NE(Message(draft).find("not submitted yet"), std::string::npos) << draft.body;
  Json unknown{{"appraisal_id", "skp-nobody"}, {"decision", "accept"}};
  EXPECT_EQ(PushAs(ani_, "ani-hp", Change("r-2", "resp-2", "appraisal_response", 0, unknown)).status, 404);
  Json dedis{{"appraisal_id", "skp-e-dedi-2026"}, {"decision", "accept"}};
  auto other = PushAs(ani_, "ani-hp", Change("r-3", "resp-3", "appraisal_response", 0, dedis));
  EXPECT_EQ(other.status, 403) << other.body;
  // Her appraiser may not answer for his staff.
  EXPECT_EQ(PushAs(budi_, "budi-tab", Change("r-4", "resp-4", "appraisal_response", 0, dedis)).status, 403);
  EXPECT_EQ(*store_->CountRecords("appraisal_response"), 0);
}

TEST_F(EmployeeKinds, BadResponseBodiesAreRefusedWithTheFieldNamed) {
  ASSERT_EQ(Appraise("a-1", "e-ani", "submitted").status, 200);
  struct Case { const char* what; Json body; const char* expect; };
  const Case cases[] = {
      {"an unknown field", {{"appraisal_id", "skp-e-ani-2026"}, {"decision", "accept"}, {"rating", 3}}, "rating"},
      {"a decision that is not one", {{"appraisal_id", "skp-e-ani-2026"}, {"decision", "maybe"}},
       "decision must be accept or object"},
      {"a number for the appraisal", {{"appraisal_id", 7}, {"decision", "accept"}}, "appraisal_id"},
      {"a list for the reason", {{"appraisal_id", "skp-e-ani-2026"}, {"decision", "object"}, {"reason", {"a"}}},
       "reason"},
      {"someone else's id", {{"appraisal_id", "skp-e-ani-2026"}, {"decision", "accept"}, {"employee_id", "e-dedi"}},
       "not e-dedi"},
      {"a reason too long", {{"appraisal_id", "skp-e-ani-2026"}, {"decision", "object"},
                             {"reason", std::string(4001, 'x')}}, "reason must be at most 4000 characters (has 4001)"},
  };
  for (const auto& c : cases) {
    auto r = PushAs(ani_, "ani-hp", Change("r-x", "resp-x", "appraisal_response", 0, c.body));
    EXPECT_TRUE(r.status == 400 || r.status == 403) << c.what << ": " << r.body;
    EXPECT_NE(Message(r).find(c.expect), std::string::npos) << c.what << ": " << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("appraisal_response"), 0);
}

TEST_F(EmployeeKinds, TheAppraiserSeesASelfAssessmentOnlyOnceSubmittedAndOthersNeverDo) {
  ASSERT_EQ(PushAs(ani_, "ani-hp", Change("c-1", "self-e-ani-2026", "self_assessment", 0,
                                          SelfBody("e-ani", "draft", Skp("Sesuai", "Sesuai"))))
                .status,
            200);
  std::string rina = LoginAs("rina", "rina-tab");
  std::string dedi = LoginAs("dedi", "dedi-hp");
  EXPECT_FALSE(PulledIds(budi_).count("self-e-ani-2026")) << "a draft is hers alone";
  EXPECT_TRUE(PulledIds(ani_).count("self-e-ani-2026"));
  ASSERT_EQ(PushAs(ani_, "ani-hp", Change("c-2", "self-e-ani-2026", "self_assessment", 1,
                                          SelfBody("e-ani", "submitted", Skp("Sesuai", "Sesuai"))))
                .status,
            200);
  EXPECT_TRUE(PulledIds(budi_).count("self-e-ani-2026"));
  EXPECT_TRUE(PulledIds(LoginAs("hr", "hr-pc")).count("self-e-ani-2026"));
  EXPECT_FALSE(PulledIds(rina).count("self-e-ani-2026")) << "another unit's supervisor";
  EXPECT_FALSE(PulledIds(dedi).count("self-e-ani-2026")) << "a colleague";
}

}  // namespace
}  // namespace kinerja::server::testing

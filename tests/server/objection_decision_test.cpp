// Objections decided (PP 30/2019 Pasal 59): an objection to a signed-off appraisal is taken
// within 14 WIB days and routed to the atasan pejabat penilai (the appraiser's supervisor),
// who alone decides it, once: upheld (the server rescores the appraisal with her ratings and
// stores it as its next version) or rejected.
#include <set>

#include "engine/appraisal/objection.h"
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

Json Skp(const std::string& hasil, const std::string& perilaku) {
  Json values = Json::object();
  for (const char* v : {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal",
                        "adaptif", "kolaboratif"}) {
    values[v] = perilaku;
  }
  return Json{{"template", "permenpanrb-6-2022.v1"}, {"periode", "2026"},
              {"rating_hasil_kerja", hasil}, {"perilaku", values}};
}

Json Change(const std::string& change_id, const std::string& record_id, const std::string& kind,
            const Json& body) {
  return Json{{"change_id", change_id}, {"record_id", record_id}, {"kind", kind},
              {"base_version", 0}, {"body", body}};
}

// The demo city: Darmawan (e-darmawan, supervisor account "darmawan"), Kepala Dinas above Budi, is the
// atasan pejabat penilai of Budi's staff.
class ObjectionDecision : public DemoCity {
 protected:
  void SetUp() override {
    DemoCity::SetUp();
    budi_ = LoginAs("budi", "budi-tab");
    ani_ = LoginAs("ani", "ani-hp");
    darmawan_ = LoginAs("darmawan", "darmawan-tab");
    hr_ = LoginAs("hr", "hr-pc");
    signed_off_at_ = now_;
    ASSERT_EQ(PushAs(budi_, "budi-tab",
                     Change("a-1", "skp-e-ani-2026", "appraisal",
                            {{"employee_id", "e-ani"}, {"period", "2026"},
                             {"status", "signed_off"}, {"skp", Skp("Sesuai", "Sesuai")}}))
                  .status,
              200);
  }

  HttpResponse PushAs(const std::string& token, const std::string& device, const Json& change) {
    return Call("POST", "/api/v1/sync/push", Push(device, Json::array({change})), token);
  }
  HttpResponse Object(const std::string& change_id) {
    return PushAs(ani_, "ani-hp",
                  Change(change_id, "resp-ani", "appraisal_response",
                         {{"appraisal_id", "skp-e-ani-2026"}, {"decision", "object"},
                          {"reason", "Realisasi izin 126 dari target 120."}}));
  }
  static Json Decision(const std::string& outcome, const Json& extra = Json::object()) {
    Json body{{"response_id", "resp-ani"}, {"outcome", outcome}, {"reason", "Kedua pihak didengar."}};
    body.update(extra);
    return Change("d-1", "decision.resp-ani", "objection_decision", body);
  }
  Json Pulled(const std::string& token, const std::string& id) {
    Json j = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", token).body);
    for (const auto& r : j["records"]) {
      if (r["id"] == id) return r;
    }
    return Json();
  }
  static std::string Code(const HttpResponse& r) {
    return Json::parse(r.body)["error"].value("code", "");
  }

  std::string budi_, ani_, darmawan_, hr_;
  int64_t signed_off_at_ = 0;
};

TEST_F(ObjectionDecision, AnObjectionIsRoutedToTheAtasanWithItsDeadlineAndWhatWasObjectedTo) {
  ASSERT_EQ(Object("r-1").status, 200);
  Json r = Pulled(darmawan_, "resp-ani");
  ASSERT_FALSE(r.is_null()) << "the atasan pulls the objection routed to her";
  EXPECT_EQ(r["body"]["atasan_id"], "e-darmawan");
  EXPECT_EQ(r["body"]["appraiser_id"], "e-budi");
  EXPECT_EQ(r["body"]["deadline"], ObjectionDeadlineText(signed_off_at_));
  EXPECT_EQ(r["body"]["appraisal"]["predikat_code"], "baik");
  EXPECT_EQ(r["body"]["employee_name"], "Ani Lestari") << "her name, for a tablet without her";
  EXPECT_TRUE(Pulled(darmawan_, "skp-e-ani-2026").is_null()) << "not the appraisal itself";
  EXPECT_FALSE(Pulled(budi_, "resp-ani").is_null()) << "the appraiser reads it too";
}

TEST_F(ObjectionDecision, ALateObjectionIsRefusedNamingTheRuleAndKeptForHr) {
  now_ = signed_off_at_ + 15 * 86400;
  auto late = Object("r-1");
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(Code(late), "locked");
  EXPECT_NE(late.body.find("14-day window"), std::string::npos) << late.body;
  EXPECT_EQ(*store_->CountRecords("appraisal_response"), 0);
  now_ = signed_off_at_ + 14 * 86400 - 3600;  // still the 14th WIB day? only if before midnight WIB
  if (ObjectionDaysLeft(signed_off_at_, now_) >= 0) EXPECT_EQ(Object("r-2").status, 200);
}

TEST_F(ObjectionDecision, AnObjectionToAnAppraisalNotSignedOffIsRefusedNamingTheRule) {
  ASSERT_EQ(PushAs(budi_, "budi-tab",
                   Change("a-2", "skp-e-ani-2025", "appraisal",
                          {{"employee_id", "e-ani"}, {"period", "2025"},
                           {"status", "submitted"}, {"skp", Skp("Sesuai", "Sesuai")}}))
                .status,
            200);
  auto early = PushAs(ani_, "ani-hp",
                      Change("r-9", "resp-ani-2025", "appraisal_response",
                             {{"appraisal_id", "skp-e-ani-2025"}, {"decision", "object"},
                              {"reason", "Belum ditandatangani."}}));
  EXPECT_EQ(early.status, 400) << early.body;
  EXPECT_NE(early.body.find("not signed off yet"), std::string::npos) << early.body;
  EXPECT_NE(early.body.find("Pasal 59"), std::string::npos) << early.body;
  EXPECT_EQ(*store_->CountRecords("appraisal_response"), 0) << "nothing stored";
}

TEST_F(ObjectionDecision, OnlyTheAtasanDecides) {
  ASSERT_EQ(Object("r-1").status, 200);
  for (const auto& [token, device] : {std::pair{budi_, "budi-tab"}, std::pair{ani_, "ani-hp"},
                                       std::pair{hr_, "hr-pc"}}) {
    auto r = PushAs(token, device, Decision("rejected"));
    EXPECT_EQ(r.status, 403) << device << ": " << r.body;
    EXPECT_NE(r.body.find("atasan pejabat penilai e-darmawan"), std::string::npos) << r.body;
  }
  auto rina = PushAs(LoginAs("rina", "rina-tab"), "rina-tab", Decision("rejected"));
  EXPECT_EQ(rina.status, 403) << rina.body;
  EXPECT_EQ(*store_->CountRecords("objection_decision"), 0);
}

TEST_F(ObjectionDecision, UpheldTheServerRescoresTheAppraisalAsItsNextVersionOnceAndForAll) {
  ASSERT_EQ(Object("r-1").status, 200);
  auto r = PushAs(darmawan_, "darmawan-tab", Decision("upheld", {{"rating_hasil_kerja", "Di Atas"},
                                                         {"rating_perilaku", "Di Atas"}}));
  ASSERT_EQ(r.status, 200) << r.body;
  Json a = Pulled(ani_, "skp-e-ani-2026");
  EXPECT_EQ(a["version"], 2);
  EXPECT_EQ(a["body"]["result"]["predikat_code"], "sangat_baik") << a;
  EXPECT_EQ(a["body"]["status"], "signed_off");
  EXPECT_EQ(a["body"]["objection_decision"], "decision.resp-ani");
  Json d = Pulled(budi_, "decision.resp-ani");
  EXPECT_EQ(d["body"]["predikat_before"], "baik");
  EXPECT_EQ(d["body"]["predikat_after"], "sangat_baik");
  EXPECT_EQ(d["body"]["decided_by"], "e-darmawan");
  EXPECT_FALSE(Pulled(ani_, "decision.resp-ani").is_null()) << "she sees the decision";

  // The same change again (a lost answer): acknowledged once, nothing written twice.
  auto again = PushAs(darmawan_, "darmawan-tab", Decision("upheld", {{"rating_hasil_kerja", "Di Atas"},
                                                             {"rating_perilaku", "Di Atas"}}));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json::parse(again.body)["acks"][0]["outcome"], "duplicate");
  EXPECT_EQ(Pulled(ani_, "skp-e-ani-2026")["version"], 2);
  // Final: another decision on the same objection is refused.
  Json other = Decision("rejected");
  other["change_id"] = "d-2";
  auto later = PushAs(darmawan_, "darmawan-tab", other);
  EXPECT_EQ(later.status, 409) << later.body;
  EXPECT_EQ(Code(later), "locked");
}

TEST_F(ObjectionDecision, BadDecisionsNameTheFieldAndChangeNothing) {
  ASSERT_EQ(Object("r-1").status, 200);
  struct Bad { Json change; int status; const char* says; };
  Json wrong_id = Decision("rejected");
  wrong_id["record_id"] = "decision-x";
  Json unknown = Decision("rejected");
  unknown["body"]["response_id"] = "resp-nobody";
  unknown["record_id"] = "decision.resp-nobody";
  Json no_reason = Decision("rejected");
  no_reason["body"].erase("reason");
  const Bad bad[] = {
      {Decision("maybe"), 400, "outcome must be upheld or rejected"},
      {Decision("rejected", {{"rating_perilaku", "Di Atas"}}), 400, "upheld only"},
      {Decision("upheld"), 400, "give rating_hasil_kerja"},
      {Decision("upheld", {{"rating_hasil_kerja", "Sesuai"}}), 400, "leave the result as it was"},
      {Decision("upheld", {{"rating_hasil_kerja", "Luar Biasa"}}), 400, "rating"},
      {wrong_id, 400, "record_id must be decision.resp-ani"},
      {unknown, 404, "does not exist"},
      {no_reason, 400, "reason is required"},
  };
  for (const auto& b : bad) {
    auto r = PushAs(darmawan_, "darmawan-tab", b.change);
    EXPECT_EQ(r.status, b.status) << b.change.dump() << " -> " << r.body;
    EXPECT_NE(r.body.find(b.says), std::string::npos) << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("objection_decision"), 0);
  EXPECT_EQ(Pulled(ani_, "skp-e-ani-2026")["version"], 1);
}

TEST_F(ObjectionDecision, WithNoAtasanInTheRosterHrRecordsTheDecision) {
  ASSERT_TRUE(store_->UpsertEmployee({"e-budi", "197905122005011003", "Budi Santoso, S.Sos",
                                      "Kepala Bidang Pelayanan", "pelayanan", "",
                                      "kabid-pelayanan"}).ok());
  ASSERT_EQ(Object("r-1").status, 200);
  EXPECT_EQ(PushAs(darmawan_, "darmawan-tab", Decision("rejected")).status, 403);
  auto r = PushAs(hr_, "hr-pc", Decision("rejected"));
  EXPECT_EQ(r.status, 200) << r.body;
}

}  // namespace
}  // namespace kinerja::server::testing

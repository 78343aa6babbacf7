// The atasan's objections as data (web/app/objection_view.h): a case from the record the
// server routed, her decision form with the live predikat, and the decision body.
#include "web/app/objection_view.h"

#include <gtest/gtest.h>

#include "engine/appraisal/builtin_templates.h"
#include "engine/appraisal/levels.h"
#include "engine/service/timestamp.h"

namespace kinerja::web {
namespace {

const Template& Tpl() {
  static const Template t = *BuiltinTemplate("permenpanrb-6-2022.v1");
  return t;
}

wire::Record Objection() {
  wire::Record r;
  r.id = "resp-skp-e-ani-2026";
  r.kind = "appraisal_response";
  r.subject_id = "e-ani";
  r.unit_path = "/pemkot/dpmptsp/pelayanan";
  r.body = Json{{"appraisal_id", "skp-e-ani-2026"}, {"decision", "object"},
                {"reason", "Realisasi 130 dari 120."}, {"employee_id", "e-ani"},
                {"employee_name", "Ani Lestari"}, {"appraiser_id", "e-budi"},
                {"atasan_id", "e-wati"}, {"signed_off_at", "2026-10-02T03:00:00Z"},
                {"deadline", "2026-10-16"},
                {"appraisal", {{"period", "2026"}, {"comments", "Target belum tercapai."},
                               {"predikat", "Baik"}, {"predikat_code", "baik"},
                               {"rating_hasil_kerja_code", "sesuai"},
                               {"rating_perilaku_code", "sesuai"}}}};
  return r;
}

TEST(ObjectionView, ACaseCarriesBothSidesAndTheResultObjectedTo) {
  auto c = ObjectionCaseOf(Objection(), Tpl());
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->employee_name, "Ani Lestari");
  EXPECT_EQ(c->reason, "Realisasi 130 dari 120.");
  EXPECT_EQ(c->appraiser_comments, "Target belum tercapai.");
  EXPECT_EQ(c->predikat_code, "baik");
  EXPECT_EQ(c->hasil, static_cast<int>(Rating::kSesuai));
  EXPECT_EQ(c->perilaku, static_cast<int>(Rating::kSesuai));
  EXPECT_EQ(c->atasan_id, "e-wati");
  EXPECT_EQ(c->unit_path, "/pemkot/dpmptsp/pelayanan");
  EXPECT_FALSE(c->decided);
}

TEST(ObjectionView, AnAcceptanceIsNoCase) {
  wire::Record r = Objection();
  r.body["decision"] = "accept";
  EXPECT_FALSE(ObjectionCaseOf(r, Tpl()).ok());
  r.body = Json::array();
  EXPECT_FALSE(ObjectionCaseOf(r, Tpl()).ok()) << "a malformed body is no case either";
}

TEST(ObjectionView, TheWindowCountsWibDaysFromTheSignOff) {
  auto c = *ObjectionCaseOf(Objection(), Tpl());
  EXPECT_EQ(*WindowDaysLeft(c, *ParseIsoTimestamp("2026-10-02T03:00:00Z")), 14);
  EXPECT_EQ(*WindowDaysLeft(c, *ParseIsoTimestamp("2026-10-16T16:59:00Z")), 0);
  EXPECT_LT(*WindowDaysLeft(c, *ParseIsoTimestamp("2026-10-16T17:00:00Z")), 0) << "midnight WIB";
  c.signed_off_at = "";
  EXPECT_FALSE(WindowDaysLeft(c, 0).has_value());
}

TEST(ObjectionView, TheDecisionFormStartsFromTheAppraisersRatingsAndShowsTheNewPredikat) {
  auto c = *ObjectionCaseOf(Objection(), Tpl());
  DecisionForm f = NewDecisionForm(c);
  EXPECT_EQ(f.response_id, c.response_id);
  EXPECT_EQ(f.outcome, -1);
  EXPECT_EQ(DecidedPredikat(f, Tpl()), Predikat::kBaik);
  f.hasil = static_cast<int>(Rating::kDiAtas);
  f.perilaku = static_cast<int>(Rating::kDiAtas);
  EXPECT_EQ(DecidedPredikat(f, Tpl()), Predikat::kSangatBaik);
  f.perilaku = -1;
  EXPECT_FALSE(DecidedPredikat(f, Tpl()).has_value());
}

TEST(ObjectionView, AnUpheldDecisionSendsOnlyTheRatingsSheChanged) {
  auto c = *ObjectionCaseOf(Objection(), Tpl());
  DecisionForm f = NewDecisionForm(c);
  f.outcome = kUpheld;
  f.hasil = static_cast<int>(Rating::kDiAtas);
  auto body = DecisionBody(c, f, "Kedua pihak didengar.", Tpl());
  ASSERT_TRUE(body.ok()) << body.status().message();
  EXPECT_EQ((*body)["response_id"], c.response_id);
  EXPECT_EQ((*body)["outcome"], "upheld");
  EXPECT_EQ((*body)["rating_hasil_kerja"], "di_atas");
  EXPECT_FALSE(body->contains("rating_perilaku"));
}

TEST(ObjectionView, ARejectionCarriesNoRatings) {
  auto c = *ObjectionCaseOf(Objection(), Tpl());
  DecisionForm f = NewDecisionForm(c);
  f.outcome = kRejected;
  f.hasil = static_cast<int>(Rating::kDiAtas);  // chosen before switching to reject
  auto body = DecisionBody(c, f, "Penilaian sesuai bukti.", Tpl());
  ASSERT_TRUE(body.ok());
  EXPECT_EQ((*body)["outcome"], "rejected");
  EXPECT_FALSE(body->contains("rating_hasil_kerja"));
}

TEST(ObjectionView, AnIncompleteDecisionNamesWhatIsMissing) {
  auto c = *ObjectionCaseOf(Objection(), Tpl());
  DecisionForm f = NewDecisionForm(c);
  EXPECT_EQ(DecisionBody(c, f, "alasan", Tpl()).status().message(), "decision_outcome_needed");
  f.outcome = kRejected;
  EXPECT_EQ(DecisionBody(c, f, "  \n", Tpl()).status().message(), "decision_reason_needed");
  f.outcome = kUpheld;
  EXPECT_EQ(DecisionBody(c, f, "alasan", Tpl()).status().message(), "decision_changes_nothing")
      << "upheld with the appraiser's own ratings";
}

TEST(ObjectionView, AnUpheldDecisionNotYetSyncedShowsThePredikatItsRatingsGive) {
  auto c = *ObjectionCaseOf(Objection(), Tpl());
  wire::Record decision;
  decision.body = Json{{"outcome", "upheld"}, {"reason", "x"}, {"rating_hasil_kerja", "di_atas"},
                       {"rating_perilaku", "di_atas"}};
  ApplyDecision(c, decision, false, Tpl());
  EXPECT_EQ(c.predikat_after_code, "sangat_baik");
  decision.body["predikat_after"] = "baik";  // the server's word wins once pulled
  ApplyDecision(c, decision, true, Tpl());
  EXPECT_EQ(c.predikat_after_code, "baik");
}

TEST(ObjectionView, OpenCasesComeFirstByDeadline) {
  auto a = *ObjectionCaseOf(Objection(), Tpl());
  auto b = a, d = a;
  b.response_id = "b";
  b.deadline = "2026-10-10";
  d.response_id = "d";
  wire::Record decision;
  decision.body = Json{{"outcome", "rejected"}, {"reason", "x"}};
  ApplyDecision(d, decision, true, Tpl());
  std::vector<ObjectionCase> cases{d, a, b};
  SortCases(cases);
  EXPECT_EQ(cases[0].response_id, "b");
  EXPECT_EQ(cases[1].response_id, a.response_id);
  EXPECT_EQ(cases[2].response_id, "d");
  EXPECT_EQ(OpenCount(cases), 2);
  EXPECT_EQ(cases[2].outcome, "rejected");
}

}  // namespace
}  // namespace kinerja::web

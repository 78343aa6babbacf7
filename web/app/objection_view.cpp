// The atasan's objections as data: cases from the records the server routed to her, and the
// decision body she sends.
#include "web/app/objection_view.h"

#include <algorithm>

#include "engine/appraisal/levels.h"
#include "engine/appraisal/objection.h"
#include "engine/appraisal/skp_rating.h"
#include "engine/service/timestamp.h"

namespace kinerja::web {
namespace {

// A rating code the server stamped on the snapshot ("di_atas"); -1 when absent or unknown.
int RatingOf(const Template& t, const Json& snapshot, const char* key) {
  auto it = snapshot.find(key);
  if (it == snapshot.end() || !it->is_string()) return -1;
  auto r = ParseRating(t, it->get<std::string>(), key);
  return r.ok() ? static_cast<int>(*r) : -1;
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string DecisionId(const std::string& response_id) { return "decision." + response_id; }

Result<ObjectionCase> ObjectionCaseOf(const wire::Record& response, const Template& t) {
  const Json& b = response.body;
  if (!b.is_object() || Str(b, "decision") != "object" || Str(b, "appraisal_id").empty()) {
    return Status::InvalidArgument("record " + response.id + " is not an objection");
  }
  ObjectionCase c;
  c.response_id = response.id;
  c.appraisal_id = Str(b, "appraisal_id");
  c.employee_id = Str(b, "employee_id");
  if (c.employee_id.empty()) c.employee_id = response.subject_id;
  c.employee_name = Str(b, "employee_name");
  if (c.employee_name.empty()) c.employee_name = c.employee_id;
  c.appraiser_id = Str(b, "appraiser_id");
  c.unit_path = response.unit_path;
  c.reason = Str(b, "reason");
  c.atasan_id = Str(b, "atasan_id");
  c.signed_off_at = Str(b, "signed_off_at");
  c.deadline = Str(b, "deadline");
  if (auto s = b.find("appraisal"); s != b.end() && s->is_object()) {
    c.period = Str(*s, "period");
    c.appraiser_comments = Str(*s, "comments");
    c.predikat_code = Str(*s, "predikat_code");
    c.predikat = Str(*s, "predikat");
    c.hasil = RatingOf(t, *s, "rating_hasil_kerja_code");
    c.perilaku = RatingOf(t, *s, "rating_perilaku_code");
  }
  return c;
}

std::optional<int64_t> WindowDaysLeft(const ObjectionCase& c, int64_t now_unix) {
  auto signed_off = ParseIsoTimestamp(c.signed_off_at);
  if (!signed_off.ok()) return std::nullopt;
  return ObjectionDaysLeft(*signed_off, now_unix);
}

void ApplyDecision(ObjectionCase& c, const wire::Record& decision, bool sent, const Template& t) {
  c.decided = true;
  c.decision_sent = sent;
  c.outcome = Str(decision.body, "outcome");
  c.decision_reason = Str(decision.body, "reason");
  c.predikat_after_code = Str(decision.body, "predikat_after");
  if (c.outcome != "upheld" || !c.predikat_after_code.empty()) return;
  DecisionForm f = NewDecisionForm(c);  // the appraiser's ratings, then the ones she changed
  if (int r = RatingOf(t, decision.body, "rating_hasil_kerja"); r >= 0) f.hasil = r;
  if (int r = RatingOf(t, decision.body, "rating_perilaku"); r >= 0) f.perilaku = r;
  if (auto p = DecidedPredikat(f, t)) c.predikat_after_code = PredikatCode(*p);
}

DecisionForm NewDecisionForm(const ObjectionCase& c) {
  DecisionForm f;
  f.response_id = c.response_id;
  f.hasil = c.hasil;
  f.perilaku = c.perilaku;
  return f;
}

std::optional<Predikat> DecidedPredikat(const DecisionForm& f, const Template& t) {
  if (f.hasil < 0 || f.hasil >= kRatingCount || f.perilaku < 0 || f.perilaku >= kRatingCount) {
    return std::nullopt;
  }
  return PredikatFromRatings(t, static_cast<Rating>(f.hasil), static_cast<Rating>(f.perilaku));
}

Result<Json> DecisionBody(const ObjectionCase& c, const DecisionForm& f, const std::string& reason,
                          const Template& t) {
  if (f.outcome != kUpheld && f.outcome != kRejected) {
    return Status::InvalidArgument("decision_outcome_needed");
  }
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("decision_reason_needed");
  }
  Json body{{"response_id", c.response_id},
            {"outcome", f.outcome == kUpheld ? "upheld" : "rejected"},
            {"reason", reason}};
  if (f.outcome == kRejected) return body;
  if (!DecidedPredikat(f, t) || (f.hasil == c.hasil && f.perilaku == c.perilaku)) {
    return Status::InvalidArgument("decision_changes_nothing");
  }
  // Only what she changed: the server keeps the appraiser's other inputs.
  if (f.hasil != c.hasil) body["rating_hasil_kerja"] = RatingCode(static_cast<Rating>(f.hasil));
  if (f.perilaku != c.perilaku) body["rating_perilaku"] = RatingCode(static_cast<Rating>(f.perilaku));
  return body;
}

void SortCases(std::vector<ObjectionCase>& cases) {
  std::stable_sort(cases.begin(), cases.end(), [](const ObjectionCase& a, const ObjectionCase& b) {
    if (a.decided != b.decided) return !a.decided;
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    return a.employee_name < b.employee_name;
  });
}

int OpenCount(const std::vector<ObjectionCase>& cases) {
  int n = 0;
  for (const auto& c : cases) n += c.decided ? 0 : 1;
  return n;
}

}  // namespace kinerja::web

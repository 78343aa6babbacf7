#include "server/kinds/employee_kinds.h"

#include "engine/appraisal/appraise_json.h"
#include "engine/appraisal/objection.h"
#include "engine/service/timestamp.h"
#include "server/kinds/kind_checks.h"

namespace kinerja::server {
namespace {

const kinds::CommonRules kSelfAssessmentRules{
    {}, "self-assessment", nullptr, "",
    {"employee_id", "period", "status", "skp", "comments", "result"}, true, true,
    {"draft", "submitted"}};

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// The caller may only write about herself: `subject` must be her own employee id.
Status MustBeSelf(const Principal& who, const std::string& subject, const char* what,
                  const std::string& where) {
  if (!who.employee_id.empty() && subject == who.employee_id) return Status::Ok();
  std::string you = who.employee_id.empty() ? "your account has no employee record"
                                            : "you are employee " + who.employee_id;
  return Status::PermissionDenied(where + ": " + what + " is written only by the employee " +
                                  "herself; " + you + ", not " + subject);
}

// The caller's own employee record (its unit path scopes the new record).
Result<StoredRecord> OwnEmployee(Database& db, const Principal& who, const std::string& where) {
  auto employee = LoadRecord(db, who.employee_id);
  if (!employee.ok()) return employee.status();
  if (!employee->has_value() || (*employee)->kind != "employee") {
    return Status::NotFound(where + ": your employee record " + who.employee_id +
                            " is not on the server; ask HR to import it");
  }
  return **employee;
}

// Another record of `kind` with the same `json_path` value (and subject, when given), so one
// employee has one self-assessment per period and one response per appraisal. "" when none.
Result<std::string> OtherRecordWith(Database& db, const char* kind, const char* json_path,
                                    const std::string& value, const std::string& subject,
                                    const std::string& record_id) {
  auto st = db.Cached(
      "SELECT id FROM records WHERE kind=?1 AND json_extract(body, ?2)=?3 AND"
      " (?4='' OR subject_id=?4) AND id<>?5 LIMIT 1");
  if (!st.ok()) return st.status();
  Statement* q = *st;
  q->Bind(1, kind).Bind(2, json_path).Bind(3, value).Bind(4, subject).Bind(5, record_id);
  auto row = q->Step();
  if (!row.ok()) return row.status();
  std::string id = *row ? q->ColumnText(0) : "";
  q->Reset();
  return id;
}

Json AppraisalSnapshot(const StoredRecord& a);

// What the server adds to an objection (keberatan, PP 30/2019 Pasal 59), after checking it
// is in time: the result is received at sign-off, and an objection to a signed-off appraisal
// must arrive by the 14th WIB day after (engine/appraisal/objection.h; a late one is
// refused as locked, so it is kept for HR). It is routed to the atasan pejabat penilai: the
// appraiser's own supervisor in the roster at this moment ("" when the chain ends, then HR
// decides), and carries what was objected to, so the atasan's tablet can show it without the
// appraisal record (which it does not pull).
Result<Json> ObjectionFacts(Database& db, const StoredRecord& a, const std::string& appraisal_id,
                            PushContext& push, const std::string& where) {
  const int64_t now = push.now;
  // PP 30/2019 Pasal 59: the window opens when the result is received, i.e. at sign-off.
  if (a.body.value("status", "") != "signed_off") {
    return Status::InvalidArgument(
        where + ": appraisal " + appraisal_id + " is not signed off yet; an objection answers a "
        "signed-off result, within " + std::to_string(kObjectionWindowDays) +
        " days of the sign-off (PP 30/2019 Pasal 59)");
  }
  // An employee in the roster, through the push's employee cache (nullptr when none).
  auto employee = [&](const std::string& id) -> Result<const StoredRecord*> {
    KINERJA_ASSIGN_OR_RETURN(const std::optional<StoredRecord>* e, push.employees.Get(db, id));
    return e->has_value() ? &**e : nullptr;
  };
  KINERJA_ASSIGN_OR_RETURN(const StoredRecord* objector, employee(a.subject_id));
  const std::string appraiser_id = objector ? objector->body.value("supervisor_id", "") : "";
  std::string atasan_id;
  if (!appraiser_id.empty()) {
    KINERJA_ASSIGN_OR_RETURN(const StoredRecord* appraiser, employee(appraiser_id));
    if (appraiser) atasan_id = appraiser->body.value("supervisor_id", "");
  }
  // The name travels with the objection: the atasan's tablet holds her own staff, not theirs.
  Json facts{{"appraiser_id", appraiser_id}, {"atasan_id", atasan_id},
             {"employee_name", objector ? objector->body.value("name", "") : ""},
             {"appraisal", AppraisalSnapshot(a)}};
  // Appraisals signed off before the server stamped signed_off_at: their row's time (a
  // signed-off record never changes again).
  std::string signed_off_iso = a.body.value("signed_off_at", a.updated_at);
  auto signed_off = ParseIsoTimestamp(signed_off_iso);
  if (!signed_off.ok()) {
    return Status::Corruption("appraisal " + appraisal_id + " has an unreadable sign-off time");
  }
  const std::string deadline = ObjectionDeadlineText(*signed_off);
  if (ObjectionDaysLeft(*signed_off, now) < 0) {
    return Status::Locked(where + ": the " + std::to_string(kObjectionWindowDays) +
                          "-day window for an objection to appraisal " + appraisal_id +
                          " closed on " + deadline + " (signed off " + signed_off_iso.substr(0, 10) +
                          ", PP 30/2019 Pasal 59); the objection is kept for HR to review");
  }
  facts["signed_off_at"] = signed_off_iso;
  facts["deadline"] = deadline;
  return facts;
}

// What was objected to, for the atasan's screen: period, ratings, predikat, comments.
Json AppraisalSnapshot(const StoredRecord& a) {
  Json snapshot{{"period", a.body.value("period", "")}};
  if (auto c = a.body.find("comments"); c != a.body.end() && c->is_string()) {
    snapshot["comments"] = *c;
  }
  if (auto r = a.body.find("result"); r != a.body.end() && r->is_object()) {
    for (const char* k : {"predikat", "predikat_code", "rating_hasil_kerja",
                          "rating_hasil_kerja_code", "rating_perilaku", "rating_perilaku_code"}) {
      if (auto f = r->find(k); f != r->end()) snapshot[k] = *f;
    }
  }
  return snapshot;
}

}  // namespace

Result<Accepted> CheckSelfAssessment(Database& db, const Principal& who, const wire::Change& c,
                                     const std::optional<StoredRecord>& existing,
                                     const std::string& where, PushContext& /*push*/) {
  // No writer roles and no final status in the rules: whoever writes must be the employee
  // herself, and that is told before whether the record is final.
  KINERJA_ASSIGN_OR_RETURN(const kinds::CommonFields f,
                           kinds::BeginCheck(who, c, existing, where, kSelfAssessmentRules));
  const std::string w = where + ".body";
  const std::string& employee_id = f.employee_id;
  const std::string& period = *f.period;
  KINERJA_RETURN_IF_ERROR(MustBeSelf(who, employee_id, "a self-assessment", where));
  if (existing && existing->subject_id != who.employee_id) {
    return Status::PermissionDenied(where + ": self-assessment " + c.record_id +
                                    " belongs to employee " + existing->subject_id);
  }
  if (existing && existing->body.value("status", "") == "submitted") {
    return Status::Locked(where + ": self-assessment " + c.record_id +
                          " was submitted and is final; the edit is kept for HR to review");
  }
  KINERJA_ASSIGN_OR_RETURN(const auto comments, GetOptString(c.body, "comments", w));
  if (comments) KINERJA_RETURN_IF_ERROR(kinds::TextWithinLimit(*comments, "comments", w));
  auto skp = c.body.find("skp");
  if (skp == c.body.end() || !skp->is_object()) {
    return Status::InvalidArgument(w + ".skp must be an object (the SKP inputs, as in an appraisal)");
  }
  if (auto p = skp->find("pegawai"); p != skp->end() && p->is_object() && p->contains("id") &&
                                     (*p)["id"] != Json(employee_id)) {
    return Status::InvalidArgument(w + ".skp.pegawai.id must be " + employee_id +
                                   ", the employee assessing herself");
  }
  auto employee = OwnEmployee(db, who, where);
  if (!employee.ok()) return employee.status();
  auto other = OtherRecordWith(db, "self_assessment", "$.period", period, employee_id,
                               c.record_id);
  if (!other.ok()) return other.status();
  if (!other->empty()) {
    return Status::InvalidArgument(where + ": employee " + employee_id +
                                   " already has self-assessment " + *other + " for period " +
                                   period + "; edit that record instead");
  }
  Json body = c.body;
  KINERJA_RETURN_IF_ERROR(kinds::ScoreSkpInto(db, *skp, f.status == "draft", w, body));
  return Accepted{employee->unit_path, employee_id, std::move(body)};
}

Result<Accepted> CheckAppraisalResponse(Database& db, const Principal& who, const wire::Change& c,
                                        const std::optional<StoredRecord>& existing,
                                        const std::string& where, PushContext& push) {
  const std::string w = where + ".body";
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      c.body,
      {"appraisal_id", "decision", "reason", "employee_id", "appraisal_version", "appraisal_status",
       "signed_off_at", "deadline", "appraiser_id", "atasan_id", "appraisal"},
      w));
  auto appraisal_id = GetString(c.body, "appraisal_id", w);
  if (!appraisal_id.ok()) return appraisal_id.status();
  auto claimed = GetOptString(c.body, "employee_id", w);
  if (!claimed.ok()) return claimed.status();
  if (claimed->has_value()) {
    KINERJA_RETURN_IF_ERROR(MustBeSelf(who, **claimed, "a response to an appraisal", where));
  }
  if (existing) {
    KINERJA_RETURN_IF_ERROR(
        MustBeSelf(who, existing->subject_id, "a response to an appraisal", where));
    return Status::Locked(where + ": response " + c.record_id +
                          " was already sent and is final; the edit is kept for HR to review");
  }
  auto decision = GetString(c.body, "decision", w);
  if (!decision.ok()) return decision.status();
  if (*decision != "accept" && *decision != "object") {
    return Status::InvalidArgument(w + ".decision must be accept or object, not '" + *decision +
                                   "'");
  }
  auto reason = GetOptString(c.body, "reason", w);
  if (!reason.ok()) return reason.status();
  std::string text = reason->has_value() ? Trimmed(**reason) : "";
  if (*decision == "object" && text.empty()) {
    return Status::InvalidArgument(w + ".reason is required for an objection: say what you "
                                   "disagree with and why");
  }
  KINERJA_RETURN_IF_ERROR(kinds::TextWithinLimit(text, "reason", w));
  auto appraisal = LoadRecord(db, *appraisal_id);
  if (!appraisal.ok()) return appraisal.status();
  if (!appraisal->has_value() || (*appraisal)->kind != "appraisal") {
    return Status::NotFound(where + ": appraisal " + *appraisal_id + " does not exist");
  }
  const StoredRecord& a = **appraisal;
  KINERJA_RETURN_IF_ERROR(MustBeSelf(who, a.subject_id, "a response to an appraisal", where));
  std::string a_status = a.body.value("status", "");
  if (a_status != "submitted" && a_status != "signed_off") {
    return Status::NotFound(where + ": appraisal " + *appraisal_id +
                            " is not submitted yet; respond once your appraiser submits it");
  }
  auto other = OtherRecordWith(db, "appraisal_response", "$.appraisal_id", *appraisal_id, "",
                               c.record_id);
  if (!other.ok()) return other.status();
  if (!other->empty()) {
    return Status::Locked(where + ": appraisal " + *appraisal_id + " already has response " +
                          *other + "; a response is final; the edit is kept for HR to review");
  }
  std::optional<Json> objection;
  if (*decision == "object") {
    KINERJA_ASSIGN_OR_RETURN(objection, ObjectionFacts(db, a, *appraisal_id, push, where));
  }
  Json body{{"appraisal_id", *appraisal_id}, {"decision", *decision},
            {"employee_id", a.subject_id}, {"appraisal_version", a.version},
            {"appraisal_status", a_status}};
  if (!text.empty()) body["reason"] = text;
  if (objection) body.update(*objection);
  return Accepted{a.unit_path, a.subject_id, std::move(body)};
}

const char* SupervisorReadsEmployeeKindsSql() {
  return "((kind IN ('appraisal_response', 'objection_decision') OR (kind='self_assessment' AND"
         " json_extract(body, '$.status')='submitted')) AND subject_id IN"
         " (SELECT e.id FROM records e WHERE e.kind='employee' AND"
         " json_extract(e.body, '$.supervisor_id')=?5))";
}

const char* EmployeeReadsOwnKindsSql() {
  return "(kind IN ('self_assessment', 'appraisal_response', 'objection_decision') AND"
         " subject_id=?5)";
}

const char* AtasanReadsObjectionsSql() {
  return "(kind IN ('appraisal_response', 'objection_decision') AND ?5 <> '' AND"
         " json_extract(body, '$.atasan_id')=?5)";
}

}  // namespace kinerja::server

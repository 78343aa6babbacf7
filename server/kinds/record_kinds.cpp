#include "server/kinds/record_kinds.h"

#include <cstring>

#include "engine/appraisal/appraise_json.h"
#include "engine/sync/ids.h"
#include "server/kinds/competency_kinds.h"
#include "server/kinds/objection_kinds.h"
#include "server/kinds/employee_kinds.h"
#include "server/kinds/kind_checks.h"
#include "server/kinds/unit_kinds.h"
#include "shared/utf8.h"
#include "shared/wire/limits.h"

namespace kinerja::server {
namespace {

using kinds::IsOneOf;
using kinds::RoleMayWrite;
using kinds::StartsWith;

const kinds::CommonRules kNoteRules{
    {wire::Role::kSupervisor, wire::Role::kHr, wire::Role::kAdmin}, "appraisal note", nullptr, "",
    {"employee_id", "text", "period"}, false, false, {}};

Result<Accepted> CheckAppraisalNote(Database& db, const Principal& who, const wire::Change& c,
                                    const std::optional<StoredRecord>& existing,
                                    const std::string& where, PushContext& push) {
  KINERJA_ASSIGN_OR_RETURN(const kinds::CommonFields f,
                           kinds::BeginCheck(who, c, existing, where, kNoteRules));
  auto text = c.body.find("text");  // read in place: a note's text is its longest string
  if (text == c.body.end() || !text->is_string()) {
    return GetString(c.body, "text", where + ".body").status();  // says what is wrong with it
  }
  KINERJA_RETURN_IF_ERROR(
      kinds::TextWithinLimit(text->get_ref<const std::string&>(), "text", where + ".body", 1));
  KINERJA_ASSIGN_OR_RETURN(const StoredRecord* employee,
                           kinds::AppraisedEmployee(db, who, f.employee_id, existing, "a note",
                                                    where, push.employees));
  return Accepted{employee->unit_path, f.employee_id, Json(), true};
}

// An anonymous public-satisfaction (SKM) response: nine answers 1-4 and an optional
// respondent profile; no name, NIK or phone can be stored (unknown fields are refused).
Result<Accepted> CheckSurveyResponse(Database& db, const Principal& who, const wire::Change& c,
                                     const std::optional<StoredRecord>& existing,
                                     const std::string& where, PushContext& /*push*/) {
  KINERJA_RETURN_IF_ERROR(RoleMayWrite(who, c.kind, where,
                                       {wire::Role::kEnumerator, wire::Role::kHr, wire::Role::kAdmin}));
  if (existing || c.base_version != 0) {
    return Status::InvalidArgument(where + ": a survey response cannot be changed once sent");
  }
  const std::string w = where + ".body";
  KINERJA_RETURN_IF_ERROR(
      RejectUnknownKeys(c.body, {"unit_id", "service", "date", "answers", "profile"}, w));
  auto unit_id = GetString(c.body, "unit_id", w);
  if (!unit_id.ok()) return unit_id.status();
  auto service = GetString(c.body, "service", w);
  if (!service.ok()) return service.status();
  KINERJA_RETURN_IF_ERROR(CheckTextLength(*service, w + ".service", 1, wire::kMaxServiceChars));
  auto date = GetString(c.body, "date", w);
  if (!date.ok()) return date.status();
  if (date->size() != 10 || (*date)[4] != '-' || (*date)[7] != '-') {
    return Status::InvalidArgument(w + ".date must be YYYY-MM-DD");
  }
  auto answers = c.body.find("answers");
  if (answers == c.body.end() || !answers->is_object()) {
    return Status::InvalidArgument(w + ".answers must be an object of U1..U9 to 1-4");
  }
  int answered = 0;
  for (auto it = answers->begin(); it != answers->end(); ++it) {
    const std::string& k = it.key();
    bool known = k.size() == 2 && k[0] == 'U' && k[1] >= '1' && k[1] <= '9';
    if (!known) return Status::InvalidArgument(w + ".answers." + k + " is not an SKM element (U1..U9)");
    if (it->is_null()) continue;
    if (!it->is_number_integer() || it->get<int64_t>() < 1 || it->get<int64_t>() > 4) {
      return Status::InvalidArgument(w + ".answers." + k + " must be 1, 2, 3 or 4");
    }
    ++answered;
  }
  if (answered == 0) return Status::InvalidArgument(w + ".answers has no answer");
  if (auto p = c.body.find("profile"); p != c.body.end()) {
    KINERJA_RETURN_IF_ERROR(
        RejectUnknownKeys(*p, {"gender", "age_band", "education", "occupation"}, w + ".profile"));
    for (auto it = p->begin(); it != p->end(); ++it) {
      if (!it->is_string()) {
        return Status::InvalidArgument(w + ".profile." + it.key() + " must be a short text");
      }
      KINERJA_RETURN_IF_ERROR(CheckTextLength(it->get_ref<const std::string&>(),
                                              w + ".profile." + it.key(), 0,
                                              wire::kMaxProfileFieldChars));
    }
  }
  auto unit = db.Prepare("SELECT path FROM units WHERE id=?");
  if (!unit.ok()) return unit.status();
  unit->Bind(1, *unit_id);
  auto row = unit->Step();
  if (!row.ok()) return row.status();
  bool hr = IsOneOf(who.role, {wire::Role::kHr, wire::Role::kAdmin});
  if (!*row || (!hr && !StartsWith(unit->ColumnText(0), who.unit_path))) {
    return Status::NotFound(where + ": unit " + *unit_id + " is not in your scope");
  }
  return Accepted{unit->ColumnText(0), "", Json(), true};
}

// An appraisal (SKP) for one employee and period. The device sends the raw inputs under
// "skp" (the `kinerja appraise` input format); the server scores them with the engine and
// stores its own "result", whatever the device sent. A draft may be incomplete; a submitted
// or signed-off appraisal must score. Once signed off, the record is locked.
const kinds::CommonRules kAppraisalRules{
    {wire::Role::kSupervisor, wire::Role::kHr, wire::Role::kAdmin}, "appraisal", "signed_off",
    "signed off",
    {"employee_id", "period", "status", "skp", "comments", "result", "signed_off_at",
     "objection_decision"},
    true, false,
    {"draft", "submitted", "signed_off"}};

Result<Accepted> CheckAppraisal(Database& db, const Principal& who, const wire::Change& c,
                                const std::optional<StoredRecord>& existing,
                                const std::string& where, PushContext& push) {
  KINERJA_ASSIGN_OR_RETURN(const kinds::CommonFields f,
                           kinds::BeginCheck(who, c, existing, where, kAppraisalRules));
  const std::string w = where + ".body";
  KINERJA_ASSIGN_OR_RETURN(const auto comments, GetOptString(c.body, "comments", w));
  if (comments) KINERJA_RETURN_IF_ERROR(kinds::TextWithinLimit(*comments, "comments", w));
  auto skp = c.body.find("skp");
  if (skp == c.body.end() || !skp->is_object()) {
    return Status::InvalidArgument(w + ".skp must be an object (the SKP inputs)");
  }
  KINERJA_ASSIGN_OR_RETURN(const StoredRecord* employee,
                           kinds::AppraisedEmployee(db, who, f.employee_id, existing,
                                                    "an appraisal", where, push.employees));
  Json body = c.body;
  KINERJA_RETURN_IF_ERROR(kinds::ScoreSkpInto(db, *skp, f.status == "draft", w, body));
  // The server's: when the result was given (an objection's 14 days count from it), and the
  // decision that changed it (set only by an upheld objection, never by a device).
  body.erase("objection_decision");
  body.erase("signed_off_at");
  if (f.status == "signed_off") body["signed_off_at"] = IsoUtc(push.now);
  return Accepted{employee->unit_path, f.employee_id, std::move(body)};
}

struct Kind {
  const char* name;
  Result<Accepted> (*check)(Database&, const Principal&, const wire::Change&,
                            const std::optional<StoredRecord>&, const std::string&,
                            PushContext&);
};

constexpr Kind kKinds[] = {
    {"appraisal_note", CheckAppraisalNote},
    {"survey_response", CheckSurveyResponse},
    {"appraisal", CheckAppraisal},
    {"self_assessment", CheckSelfAssessment},        // server/kinds/employee_kinds.cpp
    {"appraisal_response", CheckAppraisalResponse},  // server/kinds/employee_kinds.cpp
    {"competency_assessment", CheckCompetencyAssessment},
    {"queue_ticket", CheckQueueTicket},
    {"unit_performance", CheckUnitPerformance},  // server/kinds/unit_kinds.cpp
    {"training_record", CheckTrainingRecord},    // server/kinds/unit_kinds.cpp
    {"objection_decision", CheckObjectionDecision},  // server/kinds/objection_kinds.cpp
};

}  // namespace

const char* PushableKinds() {
  return "appraisal_note, survey_response, appraisal, self_assessment, appraisal_response,"
         " competency_assessment, queue_ticket, unit_performance, training_record,"
         " objection_decision";
}

Result<std::optional<StoredRecord>> LoadRecord(Database& db, const std::string& id) {
  auto cached = db.Cached(
      "SELECT version, kind, unit_path, subject_id, author_id, conflict, body, updated_at"
      " FROM records"
      " WHERE id=?");
  if (!cached.ok()) return cached.status();
  Statement* st = *cached;
  st->Bind(1, id);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<StoredRecord>();
  StoredRecord r;
  r.version = st->ColumnInt(0);
  r.kind = st->ColumnText(1);
  r.unit_path = st->ColumnText(2);
  r.subject_id = st->ColumnText(3);
  r.author_id = st->ColumnText(4);
  r.conflict = st->ColumnInt(5) != 0;
  auto body = ParseJson(st->ColumnText(6));
  if (!body.ok()) return Status::Corruption("record " + id + " has an unreadable body");
  r.body = std::move(body).value();
  r.updated_at = st->ColumnText(7);
  return std::optional<StoredRecord>(std::move(r));
}

Result<const std::optional<StoredRecord>*> EmployeeCache::Get(Database& db, const std::string& id) {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) {
    auto loaded = LoadRecord(db, id);
    if (!loaded.ok()) return loaded.status();
    it = by_id_.emplace(id, std::move(loaded).value()).first;
  }
  return &it->second;
}

Result<Accepted> CheckChange(Database& db, const Principal& who, const wire::Change& c,
                             const std::optional<StoredRecord>& existing, const std::string& where,
                             PushContext& push) {
  if (existing && existing->kind != c.kind) {
    return Status::InvalidArgument(where + ": record " + c.record_id + " is a " + existing->kind +
                                   ", not a " + c.kind);
  }
  for (const auto& k : kKinds) {
    if (c.kind == k.name) return k.check(db, who, c, existing, where, push);
  }
  return Status::InvalidArgument(where + ".kind '" + c.kind + "' cannot be pushed; known kinds: " +
                                 PushableKinds());
}

}  // namespace kinerja::server

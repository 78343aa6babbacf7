#include "server/kinds/unit_kinds.h"

#include <set>

#include "engine/appraisal/levels.h"
#include "engine/org/date.h"
#include "engine/org/period.h"
#include "server/kinds/kind_checks.h"
#include "shared/utf8.h"
#include "shared/wire/limits.h"

namespace kinerja::server {
namespace {

constexpr int64_t kMaxServiceUsers = 100'000'000;

const kinds::CommonRules kUnitPerformanceRules{
    {wire::Role::kHr, wire::Role::kAdmin},
    "unit performance",
    nullptr,
    "",
    {"unit_id", "period", "predikat", "note", "service_users"},
    true,
    false,
    {}};

constexpr int64_t kMaxTrainingHours = 1000;  // JP (jam pelajaran)
constexpr size_t kMaxParticipants = 500;
constexpr size_t kMaxCompetencyCodeChars = 32;

const kinds::CommonRules kTrainingRules{
    {wire::Role::kHr, wire::Role::kAdmin},
    "training record",
    nullptr,
    "",
    {"unit_id", "title", "start_date", "end_date", "hours", "participants", "competencies",
     "provider"},
    false,
    false,
    {}};

// A competency code as the dictionaries write them: upper-case letters and digits in two or
// more parts joined by dots, beginning with a letter ("M.03", "S.01", "T.PTSP.01").
bool IsCompetencyCode(const std::string& code) {
  if (code.empty() || code.size() > kMaxCompetencyCodeChars) return false;
  if (code[0] < 'A' || code[0] > 'Z') return false;
  bool dot = false;
  char prev = 0;
  for (char ch : code) {
    const bool alnum = (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    if (ch == '.') {
      if (prev == '.') return false;
      dot = true;
    } else if (!alnum) {
      return false;
    }
    prev = ch;
  }
  return dot && prev != '.';
}

Result<org::Date> DateField(const Json& body, const char* field, const std::string& w) {
  KINERJA_ASSIGN_OR_RETURN(const std::string text, GetString(body, field, w));
  auto d = org::ParseDate(text);
  if (!d.ok() || text.size() != 10) {
    return Status::InvalidArgument(w + "." + field + " must be a date YYYY-MM-DD, not '" + text +
                                   "'");
  }
  return *d;
}

// The organisation predikat code `text` names (docs/rules/distribution.md §"Capaian kinerja
// organisasi": codes, worst to best), or kInvalidArgument listing them.
Result<OrgPredikat> OrgPredikatFromCode(const std::string& text, const std::string& where_body) {
  std::string list;
  for (int i = kOrgPredikatCount - 1; i >= 0; --i) {
    auto p = static_cast<OrgPredikat>(i);
    if (text == OrgPredikatCode(p)) return p;
    list += std::string(list.empty() ? "" : ", ") + OrgPredikatCode(p);
  }
  return Status::InvalidArgument(where_body + ".predikat is '" + text +
                                 "', not a capaian kinerja organisasi; allowed: " + list);
}

}  // namespace

std::string UnitPerformanceId(const std::string& unit_id, const std::string& period) {
  return "unit_performance." + unit_id + "." + period;
}

Result<Accepted> CheckUnitPerformance(Database& db, const Principal& who, const wire::Change& c,
                                      const std::optional<StoredRecord>& existing,
                                      const std::string& where, PushContext& /*push*/) {
  KINERJA_ASSIGN_OR_RETURN(const kinds::CommonFields f,
                           kinds::BeginCheck(who, c, existing, where, kUnitPerformanceRules));
  const std::string w = where + ".body";
  KINERJA_ASSIGN_OR_RETURN(const std::string unit_id, GetString(c.body, "unit_id", w));
  if (auto p = org::ParsePeriod(*f.period); !p.ok()) {
    return Status::InvalidArgument(w + ".period: " + p.status().message());
  }
  KINERJA_ASSIGN_OR_RETURN(const std::string code, GetString(c.body, "predikat", w));
  KINERJA_ASSIGN_OR_RETURN(const OrgPredikat predikat, OrgPredikatFromCode(code, w));
  KINERJA_ASSIGN_OR_RETURN(const auto note, GetOptString(c.body, "note", w));
  if (note) KINERJA_RETURN_IF_ERROR(kinds::TextWithinLimit(*note, "note", w));
  std::optional<int64_t> users;
  if (auto it = c.body.find("service_users"); it != c.body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<int64_t>() < 1 ||
        it->get<int64_t>() > kMaxServiceUsers) {
      return Status::InvalidArgument(w + ".service_users must be a whole number 1-" +
                                     std::to_string(kMaxServiceUsers) +
                                     " (the unit's service users in the period)");
    }
    users = it->get<int64_t>();
  }
  const std::string id = UnitPerformanceId(unit_id, *f.period);
  if (c.record_id != id) {
    return Status::InvalidArgument(where + ".record_id must be " + id +
                                   ": one record per unit and period");
  }
  KINERJA_ASSIGN_OR_RETURN(const StoredRecord unit, kinds::UnitRecord(db, unit_id, where));
  Json body{{"unit_id", unit_id}, {"period", *f.period}, {"predikat", OrgPredikatCode(predikat)}};
  if (note && !note->empty()) body["note"] = *note;
  if (users) body["service_users"] = *users;
  return Accepted{unit.unit_path, "", std::move(body)};
}

Result<Accepted> CheckTrainingRecord(Database& db, const Principal& who, const wire::Change& c,
                                     const std::optional<StoredRecord>& existing,
                                     const std::string& where, PushContext& push) {
  KINERJA_RETURN_IF_ERROR(kinds::BeginCheck(who, c, existing, where, kTrainingRules).status());
  const std::string w = where + ".body";
  KINERJA_ASSIGN_OR_RETURN(const std::string unit_id, GetString(c.body, "unit_id", w));
  KINERJA_ASSIGN_OR_RETURN(const std::string title, GetString(c.body, "title", w));
  KINERJA_RETURN_IF_ERROR(CheckTextLength(title, w + ".title", 1, wire::kMaxTrainingTitleChars));
  KINERJA_ASSIGN_OR_RETURN(const org::Date start, DateField(c.body, "start_date", w));
  Json body{{"unit_id", unit_id}, {"title", title}, {"start_date", org::FormatDate(start)}};
  if (auto it = c.body.find("end_date"); it != c.body.end() && !it->is_null()) {
    KINERJA_ASSIGN_OR_RETURN(const org::Date end, DateField(c.body, "end_date", w));
    if (end < start) {
      return Status::InvalidArgument(w + ".end_date " + org::FormatDate(end) +
                                     " is before start_date " + org::FormatDate(start));
    }
    body["end_date"] = org::FormatDate(end);
  }
  if (auto it = c.body.find("hours"); it != c.body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<int64_t>() < 1 ||
        it->get<int64_t>() > kMaxTrainingHours) {
      return Status::InvalidArgument(w + ".hours must be a whole number 1-" +
                                     std::to_string(kMaxTrainingHours) + " (jam pelajaran)");
    }
    body["hours"] = it->get<int64_t>();
  }
  auto people = c.body.find("participants");
  if (people == c.body.end() || !people->is_array() || people->empty() ||
      people->size() > kMaxParticipants) {
    return Status::InvalidArgument(w + ".participants must be a list of 1-" +
                                   std::to_string(kMaxParticipants) + " employee ids");
  }
  std::set<std::string> seen;
  Json participants = Json::array();
  for (size_t i = 0; i < people->size(); ++i) {
    const Json& p = (*people)[i];
    const std::string at = w + ".participants[" + std::to_string(i) + "]";
    if (!p.is_string()) return Status::InvalidArgument(at + " must be an employee id");
    const std::string& id = p.get_ref<const std::string&>();
    if (!seen.insert(id).second) {
      return Status::InvalidArgument(at + ": employee " + id + " is listed twice");
    }
    KINERJA_RETURN_IF_ERROR(kinds::EmployeeInScope(db, who, id, at, push.employees).status());
    participants.push_back(id);
  }
  body["participants"] = std::move(participants);
  if (auto it = c.body.find("competencies"); it != c.body.end() && !it->is_null()) {
    if (!it->is_array()) {
      return Status::InvalidArgument(w + ".competencies must be a list of competency codes");
    }
    Json codes = Json::array();
    for (size_t i = 0; i < it->size(); ++i) {
      const Json& code = (*it)[i];
      if (!code.is_string() || !IsCompetencyCode(code.get<std::string>())) {
        return Status::InvalidArgument(w + ".competencies[" + std::to_string(i) +
                                       "] must be a competency code such as \"M.03\" or"
                                       " \"T.PTSP.01\"");
      }
      codes.push_back(code);
    }
    body["competencies"] = std::move(codes);
  }
  KINERJA_ASSIGN_OR_RETURN(const auto provider, GetOptString(c.body, "provider", w));
  if (provider) {
    KINERJA_RETURN_IF_ERROR(
        CheckTextLength(*provider, w + ".provider", 0, wire::kMaxTrainingTitleChars));
    if (!provider->empty()) body["provider"] = *provider;
  }
  KINERJA_ASSIGN_OR_RETURN(const StoredRecord unit, kinds::UnitRecord(db, unit_id, where));
  return Accepted{unit.unit_path, "", std::move(body)};
}

const char* SupervisorReadsUnitKindsSql() {
  return "((kind='unit_performance' AND (substr(unit_path, 1, length(?3)) = ?3 OR"
         " substr(?3, 1, length(unit_path)) = unit_path)) OR"
         " (kind='training_record' AND substr(unit_path, 1, length(?3)) = ?3))";
}

}  // namespace kinerja::server

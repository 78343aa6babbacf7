#include "server/kinds/unit_kinds.h"

#include "engine/appraisal/levels.h"
#include "engine/org/period.h"
#include "server/kinds/kind_checks.h"

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
                                      const std::string& where, EmployeeCache& /*employees*/) {
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

const char* SupervisorReadsUnitKindsSql() {
  return "(kind='unit_performance' AND (substr(unit_path, 1, length(?3)) = ?3 OR"
         " substr(?3, 1, length(unit_path)) = unit_path))";
}

}  // namespace kinerja::server

#include "server/kinds/kind_checks.h"

#include "engine/appraisal/appraise_json.h"
#include "shared/utf8.h"
#include "shared/wire/limits.h"

namespace kinerja::server::kinds {

bool IsOneOf(wire::Role r, std::initializer_list<wire::Role> roles) {
  for (auto x : roles) {
    if (x == r) return true;
  }
  return false;
}

bool IsHrOrAdmin(const Principal& who) {
  return IsOneOf(who.role, {wire::Role::kHr, wire::Role::kAdmin});
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

Status RoleMayWrite(const Principal& who, const std::string& kind, const std::string& where,
                    std::initializer_list<wire::Role> roles) {
  if (IsOneOf(who.role, roles)) return Status::Ok();
  return Status::PermissionDenied(where + ": a " + std::string(wire::RoleName(who.role)) +
                                  " may not write " + kind + " records");
}

Result<const StoredRecord*> EmployeeInScope(Database& db, const Principal& who,
                                            const std::string& employee_id,
                                            const std::string& where, EmployeeCache& employees) {
  auto employee = employees.Get(db, employee_id);
  if (!employee.ok()) return employee.status();
  const std::optional<StoredRecord>& e = **employee;
  if (!e.has_value() || e->kind != "employee" ||
      (!IsHrOrAdmin(who) && !StartsWith(e->unit_path, who.unit_path))) {
    return Status::NotFound(where + ": employee " + employee_id + " is not in your scope");
  }
  return &*e;
}

bool IsAppraiserOf(const Principal& who, const StoredRecord& employee) {
  const Json& b = employee.body;
  if (who.employee_id.empty() || !b.is_object()) return false;
  auto it = b.find("supervisor_id");
  return it != b.end() && it->is_string() &&
         it->get_ref<const std::string&>() == who.employee_id;
}

Result<CommonFields> BeginCheck(const Principal& who, const wire::Change& c,
                                const std::optional<StoredRecord>& existing,
                                const std::string& where, const CommonRules& rules) {
  if (!rules.writers.empty()) {
    bool allowed = false;
    for (auto r : rules.writers) allowed = allowed || r == who.role;
    if (!allowed) {
      return Status::PermissionDenied(where + ": a " + std::string(wire::RoleName(who.role)) +
                                      " may not write " + c.kind + " records");
    }
  }
  if (rules.final_status && existing && existing->body.value("status", "") == rules.final_status) {
    return Status::Locked(where + ": " + rules.noun + " " + c.record_id + " is " +
                          rules.final_words +
                          " and can no longer change; the edit is kept for HR to review");
  }
  const std::string w = where + ".body";
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(c.body, rules.keys, w));
  CommonFields out;
  bool about_employee = false;  // unit kinds (unit_performance) name no employee
  for (std::string_view k : rules.keys) about_employee = about_employee || k == "employee_id";
  if (about_employee) {
    KINERJA_ASSIGN_OR_RETURN(out.employee_id, GetString(c.body, "employee_id", w));
  }
  if (rules.period_required) {
    KINERJA_ASSIGN_OR_RETURN(out.period, GetString(c.body, "period", w));
  } else {
    KINERJA_ASSIGN_OR_RETURN(out.period, GetOptString(c.body, "period", w));
  }
  if (rules.period_bounded && out.period) {
    if (Status s = CheckTextLength(*out.period, w + ".period", 1, wire::kMaxPeriodChars); !s.ok()) {
      return Status::InvalidArgument(s.message() + "; e.g. \"2026\"");
    }
  }
  if (!rules.statuses.empty()) {
    KINERJA_ASSIGN_OR_RETURN(out.status, GetString(c.body, "status", w));
    bool known = false;
    for (const auto& s : rules.statuses) known = known || s == out.status;
    if (!known) {
      std::string list;
      for (size_t i = 0; i < rules.statuses.size(); ++i) {
        if (i > 0) list += i + 1 == rules.statuses.size() ? " or " : ", ";
        list += rules.statuses[i];
      }
      return Status::InvalidArgument(w + ".status must be " + list + ", not '" + out.status + "'");
    }
  }
  return out;
}

Result<const StoredRecord*> AppraisedEmployee(Database& db, const Principal& who,
                                              const std::string& employee_id,
                                              const std::optional<StoredRecord>& existing,
                                              const char* a_noun, const std::string& where,
                                              EmployeeCache& employees) {
  KINERJA_ASSIGN_OR_RETURN(const StoredRecord* employee,
                           EmployeeInScope(db, who, employee_id, where, employees));
  if (who.role == wire::Role::kSupervisor && !IsAppraiserOf(who, *employee)) {
    return Status::PermissionDenied(where + ": you are not the appraiser of employee " +
                                    employee_id);
  }
  if (existing && existing->subject_id != employee_id) {
    return Status::InvalidArgument(where + ": " + a_noun + " cannot move to another employee");
  }
  return employee;
}

Status TextWithinLimit(const std::string& text, const char* field, const std::string& where_body,
                       size_t min_chars) {
  return CheckTextLength(text, where_body + "." + field, min_chars, wire::kMaxTextChars);
}

Status ScoreSkpInto(Database& db, const Json& skp, bool draft, const std::string& where_body,
                    Json& body) {
  TemplateLookup stored = [&db](std::string_view id) {
    return CentralStore::TemplateTextWhileHeld(db, id);
  };
  auto scored = AppraiseReport(skp, stored);
  if (scored.ok()) {
    body["result"] = *scored;
  } else if (draft) {
    body["result"] = Json{{"error", scored.status().message()}};
  } else {
    return Status::InvalidArgument(where_body + ".skp: " + scored.status().message());
  }
  return Status::Ok();
}

Result<StoredRecord> UnitRecord(Database& db, const std::string& unit_id, const std::string& where) {
  auto unit = LoadRecord(db, "unit." + unit_id);
  if (!unit.ok()) return unit.status();
  if (!unit->has_value() || (*unit)->kind != "unit") {
    return Status::NotFound(where + ": unit " + unit_id + " does not exist");
  }
  return **unit;
}

}  // namespace kinerja::server::kinds

#include "server/kind_checks.h"

#include "engine/appraisal/appraise_json.h"

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

Status ScoreSkpInto(Database& db, const Json& skp, bool draft, const std::string& where_body,
                    Json& body) {
  TemplateLookup stored = [&db](std::string_view id) {
    return CentralStore::TemplateTextLocked(db, id);
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

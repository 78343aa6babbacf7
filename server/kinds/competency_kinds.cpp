#include "server/competency_kinds.h"

#include "engine/competency/position_assessment.h"
#include "server/kind_checks.h"

namespace kinerja::server {

using kinds::IsAppraiserOf;

Result<Accepted> CheckCompetencyAssessment(Database& db, const Principal& who,
                                           const wire::Change& c,
                                           const std::optional<StoredRecord>& existing,
                                           const std::string& where, EmployeeCache& employees) {
  KINERJA_RETURN_IF_ERROR(kinds::RoleMayWrite(
      who, c.kind, where, {wire::Role::kSupervisor, wire::Role::kHr, wire::Role::kAdmin}));
  if (existing && existing->body.value("status", "") == "submitted") {
    return Status::Locked(where + ": competency assessment " + c.record_id +
                          " is submitted and can no longer change; the edit is kept for HR to "
                          "review");
  }
  const std::string w = where + ".body";
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      c.body, {"employee_id", "period", "status", "assessed", "position_id", "result"}, w));
  auto employee_id = GetString(c.body, "employee_id", w);
  if (!employee_id.ok()) return employee_id.status();
  auto period = GetString(c.body, "period", w);
  if (!period.ok()) return period.status();
  if (period->empty() || period->size() > 20) {
    return Status::InvalidArgument(w + ".period must be 1-20 characters (e.g. \"2026\")");
  }
  auto status = GetString(c.body, "status", w);
  if (!status.ok()) return status.status();
  if (*status != "draft" && *status != "submitted") {
    return Status::InvalidArgument(w + ".status must be draft or submitted, not '" + *status + "'");
  }
  auto assessed = c.body.find("assessed");
  if (assessed == c.body.end() || !assessed->is_object()) {
    return Status::InvalidArgument(w + ".assessed must be an object of competency code to level 1-5");
  }
  auto employee = kinds::EmployeeInScope(db, who, *employee_id, where, employees);
  if (!employee.ok()) return employee.status();
  if (who.role == wire::Role::kSupervisor && !IsAppraiserOf(who, **employee)) {
    return Status::PermissionDenied(where + ": you are not the appraiser of employee " +
                                    *employee_id);
  }
  if (existing && existing->subject_id != *employee_id) {
    return Status::InvalidArgument(where + ": a competency assessment cannot move to another employee");
  }
  // The position and its required levels are the server's: from the employee record.
  std::string position_id = (*employee)->body.value("position_id", "");
  auto position = position_id.empty() ? Result<std::optional<StoredRecord>>(std::optional<StoredRecord>())
                                      : LoadRecord(db, "position." + position_id);
  if (!position.ok()) return position.status();
  if (!position->has_value() || (*position)->kind != "position") {
    return Status::InvalidArgument(where + ": employee " + *employee_id +
                                   " has no position with required competency levels; ask HR");
  }
  auto result = ScoreCompetencyAssessment((*position)->body, *assessed);
  if (!result.ok()) return Status::InvalidArgument(w + "." + result.status().message());
  if (*status == "submitted" && !(*result)["complete"].get<bool>()) {
    return Status::InvalidArgument(w + ": a submitted assessment must assess every competency of "
                                   "position " + position_id + "; missing " +
                                   (*result)["missing"].dump());
  }
  Json body = c.body;
  body["position_id"] = position_id;
  body["result"] = std::move(result).value();
  return Accepted{(*employee)->unit_path, *employee_id, std::move(body)};
}

Status CheckPositionBody(const Json& body) {
  auto levels = RequiredLevels(body);  // the shape, codes and levels, as the engine reads them
  if (!levels.ok()) return levels.status();
  const std::string id = body["position_id"].get<std::string>();
  if (!wire::IsValidId("position." + id)) {  // 64 characters in all: 55 for the id
    return Status::InvalidArgument("position.position_id '" + id +
                                   "' must be 1-55 characters of A-Z a-z 0-9 _ . -");
  }
  auto unit = body.find("unit_id");
  if (unit == body.end() || !unit->is_string() || unit->get_ref<const std::string&>().empty()) {
    return Status::InvalidArgument(
        "position.unit_id must name the unit the position is defined in (e.g. \"pemkot\" for "
        "the whole city)");
  }
  return Status::Ok();
}

}  // namespace kinerja::server

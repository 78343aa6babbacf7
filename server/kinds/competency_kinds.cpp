#include "server/kinds/competency_kinds.h"

#include "engine/competency/position_assessment.h"
#include "server/kinds/kind_checks.h"

namespace kinerja::server {

namespace {

const kinds::CommonRules kCompetencyAssessmentRules{
    {wire::Role::kSupervisor, wire::Role::kHr, wire::Role::kAdmin}, "competency assessment",
    "submitted", "submitted",
    {"employee_id", "period", "status", "assessed", "position_id", "result"}, true, true,
    {"draft", "submitted"}};

}  // namespace

Result<Accepted> CheckCompetencyAssessment(Database& db, const Principal& who,
                                           const wire::Change& c,
                                           const std::optional<StoredRecord>& existing,
                                           const std::string& where, PushContext& push) {
  KINERJA_ASSIGN_OR_RETURN(const kinds::CommonFields f,
                           kinds::BeginCheck(who, c, existing, where, kCompetencyAssessmentRules));
  const std::string w = where + ".body";
  const std::string& employee_id = f.employee_id;
  auto assessed = c.body.find("assessed");
  if (assessed == c.body.end() || !assessed->is_object()) {
    return Status::InvalidArgument(w + ".assessed must be an object of competency code to level 1-5");
  }
  KINERJA_ASSIGN_OR_RETURN(const StoredRecord* employee,
                           kinds::AppraisedEmployee(db, who, employee_id, existing,
                                                    "a competency assessment", where, push.employees));
  // The position and its required levels are the server's: from the employee record.
  std::string position_id = employee->body.value("position_id", "");
  auto position = position_id.empty() ? Result<std::optional<StoredRecord>>(std::optional<StoredRecord>())
                                      : LoadRecord(db, "position." + position_id);
  if (!position.ok()) return position.status();
  if (!position->has_value() || (*position)->kind != "position") {
    return Status::InvalidArgument(where + ": employee " + employee_id +
                                   " has no position with required competency levels; ask HR");
  }
  auto result = ScoreCompetencyAssessment((*position)->body, *assessed);
  if (!result.ok()) return Status::InvalidArgument(w + "." + result.status().message());
  if (f.status == "submitted" && !(*result)["complete"].get<bool>()) {
    return Status::InvalidArgument(w + ": a submitted assessment must assess every competency of "
                                   "position " + position_id + "; missing " +
                                   (*result)["missing"].dump());
  }
  Json body = c.body;
  body["position_id"] = position_id;
  body["result"] = std::move(result).value();
  return Accepted{employee->unit_path, employee_id, std::move(body)};
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

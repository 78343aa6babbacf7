#include "engine/competency/position_assessment.h"

#include <set>

#include "engine/competency/competency.h"
#include "engine/competency/competency_json.h"
#include "engine/competency/competency_report.h"

namespace kinerja {
namespace {

// The typed core's input for one employee holding the position: the position (limited to
// `competencies`), the catalog its body declares, and `assessed` as the employee's levels.
// Messages name the position "position" ("position.competencies[2].required_level ...").
Result<CompetencyReportInput> CoreInput(const Json& position_body, const Json& competencies) {
  CompetencyReportInput in;
  KINERJA_ASSIGN_OR_RETURN(in.catalog, CompetencyCatalogFromJson(position_body));
  const Json position{{"id", position_body.value("position_id", "")},
                      {"competencies", competencies}};
  KINERJA_ASSIGN_OR_RETURN(
      PositionProfile profile,
      PositionProfileFromJson(position, "position", in.catalog, &in.uses_jenjang_defaults));
  StaffLevels staff;
  staff.id = "assessed";
  staff.position_id = profile.id;
  staff.unit = position_body.value("unit_id", "");
  in.positions.emplace(profile.id, std::move(profile));
  in.employees.push_back(std::move(staff));
  return in;
}

// Runs the core over `in` (its one employee's levels set); the employee's report object.
Result<Json> RunCore(const CompetencyReportInput& in) {
  KINERJA_ASSIGN_OR_RETURN(const CompetencyReport report, BuildCompetencyReport(in));
  return StaffCompetencyJson(report.employees[0], in.catalog);
}

// Checks the position body's own shape; the engine checks codes and levels.
Status CheckPositionShape(const Json& body) {
  if (!body.is_object()) return Status::InvalidArgument("position must be a JSON object");
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      body, {"position_id", "name", "unit_id", "competencies", "technical_competencies"},
      "position"));
  KINERJA_ASSIGN_OR_RETURN(const std::string id, GetString(body, "position_id", "position"));
  if (id.empty()) return Status::InvalidArgument("position.position_id must not be empty");
  auto comps = body.find("competencies");
  if (comps == body.end() || !comps->is_array() || comps->empty()) {
    return Status::InvalidArgument(
        "position.competencies must list the required levels ([{\"code\", \"required_level\"}])");
  }
  for (size_t i = 0; i < comps->size(); ++i) {
    if (!(*comps)[i].is_object() || !(*comps)[i].contains("code") || !(*comps)[i]["code"].is_string()) {
      return Status::InvalidArgument("position.competencies[" + std::to_string(i) +
                                     "] must be an object with a code");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<RequiredLevel>> RequiredLevels(const Json& position_body) {
  KINERJA_RETURN_IF_ERROR(CheckPositionShape(position_body));
  KINERJA_ASSIGN_OR_RETURN(const CompetencyReportInput in,
                           CoreInput(position_body, position_body["competencies"]));
  std::vector<RequiredLevel> out;
  for (const auto& c : in.positions.begin()->second.competencies) {
    auto def = in.catalog.find(c.code);
    out.push_back({c.code, def != in.catalog.end() ? def->second.name : "",
                   CompetencyTypeName(c.type), c.required_level});
  }
  return out;
}

Result<Json> ScoreCompetencyAssessment(const Json& position_body, const Json& assessed) {
  KINERJA_ASSIGN_OR_RETURN(const std::vector<RequiredLevel> required,
                           RequiredLevels(position_body));
  if (!assessed.is_object()) {
    return Status::InvalidArgument("assessed must be an object of competency code to level 1-5");
  }
  std::set<std::string> codes;
  for (const auto& r : required) codes.insert(r.code);
  for (auto it = assessed.begin(); it != assessed.end(); ++it) {
    if (!codes.count(it.key())) {
      return Status::InvalidArgument("assessed." + it.key() + " is not a competency of position " +
                                     position_body.value("position_id", ""));
    }
    if (!it->is_number_integer() || it->get<int64_t>() < kMinCompetencyLevel ||
        it->get<int64_t>() > kMaxCompetencyLevel) {
      return Status::InvalidArgument("assessed." + it.key() + " must be an integer level 1-5");
    }
  }
  // Only the competencies assessed so far go to the engine; the rest are reported missing.
  Json subset = Json::array();
  Json missing = Json::array();
  for (const auto& c : position_body["competencies"]) {
    if (assessed.contains(c["code"].get<std::string>())) {
      subset.push_back(c);
    } else {
      missing.push_back(c["code"]);
    }
  }
  if (subset.empty()) return Json{{"complete", false}, {"missing", missing}, {"gaps", Json::array()}};
  KINERJA_ASSIGN_OR_RETURN(CompetencyReportInput in, CoreInput(position_body, subset));
  for (auto it = assessed.begin(); it != assessed.end(); ++it) {
    in.employees[0].assessed.push_back({it.key(), it->get<int>()});
  }
  KINERJA_ASSIGN_OR_RETURN(Json out, RunCore(in));
  for (const char* key : {"id", "position", "unit"}) out.erase(key);
  if (!missing.empty()) {
    return Json{{"complete", false}, {"missing", missing}, {"gaps", out["gaps"]}};
  }
  out["complete"] = true;
  return out;
}

}  // namespace kinerja

#include "engine/competency/position_assessment.h"

#include <set>

#include "engine/competency/competency.h"
#include "engine/competency/competency_command.h"

namespace kinerja {
namespace {

// The engine's input for one employee holding the position: the position as the only entry of
// "positions" (limited to `codes` when given) and `assessed` as the employee's levels.
Json EngineInput(const Json& position_body, const Json& competencies, const Json& assessed) {
  Json position{{"id", position_body.value("position_id", "")}, {"competencies", competencies}};
  Json input{{"positions", Json::array({position})},
             {"employees", Json::array({Json{{"id", "assessed"},
                                             {"position", position["id"]},
                                             {"unit", position_body.value("unit_id", "")},
                                             {"assessed", assessed}}})}};
  if (auto t = position_body.find("technical_competencies"); t != position_body.end()) {
    input["technical_competencies"] = *t;
  }
  return input;
}

// Runs the engine; the employee's report object, or the engine's error about the position.
Result<Json> RunEngine(const Json& input) {
  auto report = CompetencyReportFromJson(input.dump());
  if (!report.ok()) {
    std::string msg = report.status().message();
    // The engine names its own input ("positions[0].competencies[2]..."); say "position".
    const std::string prefix = "positions[0]";
    if (msg.compare(0, prefix.size(), prefix) == 0) msg = "position" + msg.substr(prefix.size());
    return Status::InvalidArgument(msg);
  }
  return (*report)["employees"][0];
}

// Checks the position body's own shape; the engine checks codes and levels.
Status CheckPositionShape(const Json& body) {
  if (!body.is_object()) return Status::InvalidArgument("position must be a JSON object");
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      body, {"position_id", "name", "unit_id", "competencies", "technical_competencies"},
      "position"));
  auto id = GetString(body, "position_id", "position");
  if (!id.ok()) return id.status();
  if (id->empty()) return Status::InvalidArgument("position.position_id must not be empty");
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
  const Json& comps = position_body["competencies"];
  // Assess every competency at its required level: the engine then checks the whole profile.
  Json at_required = Json::object();
  for (const auto& c : comps) at_required[c["code"].get<std::string>()] = c.value("required_level", Json());
  auto report = RunEngine(EngineInput(position_body, comps, at_required));
  if (!report.ok()) return report.status();
  std::vector<RequiredLevel> out;
  for (const auto& g : (*report)["gaps"]) {
    out.push_back({g.value("code", ""), g.value("name", ""), g.value("type", ""),
                   g.value("required", 0)});
  }
  return out;
}

Result<Json> ScoreCompetencyAssessment(const Json& position_body, const Json& assessed) {
  auto required = RequiredLevels(position_body);
  if (!required.ok()) return required.status();
  if (!assessed.is_object()) {
    return Status::InvalidArgument("assessed must be an object of competency code to level 1-5");
  }
  std::set<std::string> codes;
  for (const auto& r : *required) codes.insert(r.code);
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
  auto report = RunEngine(EngineInput(position_body, subset, assessed));
  if (!report.ok()) return report.status();
  Json out = std::move(report).value();
  for (const char* key : {"id", "position", "unit"}) out.erase(key);
  if (!missing.empty()) {
    return Json{{"complete", false}, {"missing", missing}, {"gaps", out["gaps"]}};
  }
  out["complete"] = true;
  return out;
}

}  // namespace kinerja

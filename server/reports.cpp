#include "server/reports.h"

#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "engine/competency/competency_command.h"
#include "engine/competency/position_assessment.h"

namespace kinerja::server {
namespace {

// The period before a year period ("2026" -> "2025"); empty for any other form.
std::string PreviousPeriod(const std::string& period) {
  if (period.size() != 4) return "";
  for (char c : period) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  }
  return std::to_string(std::stoi(period) - 1);
}

struct Assessment {
  const wire::Record* record;
  std::string position_id;
};

}  // namespace

Result<Json> TrainingNeedsReport(CentralStore& store, const Principal& who,
                                 const std::string& period) {
  if (who.role == wire::Role::kEmployee || who.role == wire::Role::kEnumerator) {
    return Status::PermissionDenied("training needs are reported to supervisors, HR and admins");
  }
  if (period.empty() || period.size() > 20) {
    return Status::InvalidArgument("period must be 1-20 characters (e.g. period=2026)");
  }
  const std::string previous_period = PreviousPeriod(period);
  auto stored = store.ScopedRecords(who, "competency_assessment");
  if (!stored.ok()) return stored.status();

  // This period's submitted assessments, and the period before's by employee.
  std::vector<Assessment> current;
  std::map<std::string, const wire::Record*> previous;
  std::vector<std::string> reference_ids;
  for (const auto& r : *stored) {
    if (r.body.value("status", "") != "submitted") continue;
    std::string p = r.body.value("period", "");
    if (p == period) {
      current.push_back({&r, r.body.value("position_id", "")});
      reference_ids.push_back("position." + current.back().position_id);
      reference_ids.push_back(r.subject_id);
    } else if (!previous_period.empty() && p == previous_period) {
      previous[r.subject_id] = &r;
    }
  }
  auto refs = store.RecordsById(reference_ids);
  if (!refs.ok()) return refs.status();
  std::vector<std::string> unit_ids;
  for (const auto& [id, rec] : *refs) {
    if (rec.kind == "employee") unit_ids.push_back("unit." + rec.body.value("unit_id", ""));
  }
  auto units = store.RecordsById(unit_ids);
  if (!units.ok()) return units.status();

  // The engine's input: each position once, every technical code declared once, one entry
  // per employee whose assessment still fits their position.
  Json positions = Json::array(), technical = Json::array(), employees = Json::array();
  Json skipped = Json::array();
  std::set<std::string> positions_added, technical_added;
  for (const auto& a : current) {
    const wire::Record& r = *a.record;
    auto skip = [&](const std::string& reason) {
      skipped.push_back({{"record_id", r.id}, {"employee_id", r.subject_id}, {"reason", reason}});
    };
    auto pos = refs->find("position." + a.position_id);
    if (pos == refs->end() || pos->second.kind != "position") {
      skip("position " + a.position_id + " is no longer stored");
      continue;
    }
    const Json& position = pos->second.body;
    const Json assessed = r.body.value("assessed", Json::object());
    auto scored = ScoreCompetencyAssessment(position, assessed);
    if (!scored.ok() || !scored->value("complete", false)) {
      skip("the assessment no longer matches position " + a.position_id + ": " +
           (scored.ok() ? "missing " + (*scored)["missing"].dump() : scored.status().message()));
      continue;
    }
    if (positions_added.insert(a.position_id).second) {
      Json p{{"id", a.position_id}, {"competencies", position["competencies"]}};
      if (position.contains("name")) p["name"] = position["name"];
      positions.push_back(std::move(p));
      for (const auto& t : position.value("technical_competencies", Json::array())) {
        if (technical_added.insert(t.value("code", "")).second) technical.push_back(t);
      }
    }
    std::string unit_id, name = r.subject_id;
    if (auto e = refs->find(r.subject_id); e != refs->end() && e->second.kind == "employee") {
      name = e->second.body.value("name", name);
      unit_id = e->second.body.value("unit_id", "");
    }
    // The engine groups by "unit": the unit's id (two units may share a name).
    Json e{{"id", r.subject_id}, {"name", name}, {"position", a.position_id},
           {"unit", unit_id}, {"assessed", assessed}};
    if (auto prev = previous.find(r.subject_id); prev != previous.end()) {
      // Only the levels of competencies the position still requires, as integers 1-5.
      Json kept = Json::object();
      std::set<std::string> codes;
      for (const auto& c : position["competencies"]) codes.insert(c.value("code", ""));
      const Json before = prev->second->body.value("assessed", Json::object());
      for (const auto& [code, level] : before.items()) {
        if (codes.count(code) && level.is_number_integer() && level.get<int64_t>() >= 1 &&
            level.get<int64_t>() <= 5) {
          kept[code] = level;
        }
      }
      if (!kept.empty()) e["previous_assessed"] = kept;
    }
    employees.push_back(std::move(e));
  }

  Json out{{"period", period}, {"previous_period", previous_period},
           {"assessed", employees.size()}, {"skipped", skipped}};
  if (employees.empty()) {
    out["employees"] = Json::array();
    out["training_needs"] = Json::array();
    out["notes"] = Json::array();
    return out;
  }
  Json input{{"positions", positions}, {"employees", employees}};
  if (!technical.empty()) input["technical_competencies"] = technical;
  auto report = CompetencyReportFromJson(input.dump());
  if (!report.ok()) return Status::Internal("the engine refused the stored assessments: " +
                                            report.status().message());
  // "unit" back to the unit's name, beside its id.
  auto name_units = [&](Json& list) {
    for (auto& item : list) {
      std::string id = item.value("unit", "");
      auto u = units->find("unit." + id);
      item["unit_id"] = id;
      item["unit"] = u != units->end() ? u->second.body.value("name", id) : id;
    }
  };
  name_units((*report)["employees"]);
  name_units((*report)["training_needs"]);
  out["employees"] = std::move((*report)["employees"]);
  out["training_needs"] = std::move((*report)["training_needs"]);
  out["notes"] = (*report).value("notes", Json::array());
  return out;
}

}  // namespace kinerja::server

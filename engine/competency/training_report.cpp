#include "engine/competency/training_report.h"

#include <cctype>
#include <set>

#include "engine/competency/competency.h"
#include "engine/competency/competency_json.h"
#include "engine/competency/competency_report.h"
#include "engine/competency/position_assessment.h"
#include "shared/csv.h"

namespace kinerja {

std::string PreviousPeriod(const std::string& period) {
  if (period.size() != 4) return "";
  for (char c : period) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  }
  return std::to_string(std::stoi(period) - 1);
}

namespace {

// The levels of `before` for competencies `position` still requires, integers 1-5 only.
Json Baseline(const Json& position, const Json& before) {
  std::set<std::string> codes;
  for (const auto& c : position["competencies"]) codes.insert(c.value("code", ""));
  Json kept = Json::object();
  if (!before.is_object()) return kept;
  for (const auto& [code, level] : before.items()) {
    if (codes.count(code) && level.is_number_integer() &&
        level.get<int64_t>() >= kMinCompetencyLevel && level.get<int64_t>() <= kMaxCompetencyLevel) {
      kept[code] = level;
    }
  }
  return kept;
}

}  // namespace

Result<Json> TrainingNeedsFromRecords(const TrainingReportInput& in) {
  if (in.period.empty() || in.period.size() > 20) {
    return Status::InvalidArgument("period must be 1-20 characters (e.g. period=2026)");
  }
  const std::string previous_period = PreviousPeriod(in.period);
  std::vector<const AssessmentRecord*> current;
  std::map<std::string, const AssessmentRecord*> previous;  // by employee
  for (const auto& r : in.assessments) {
    if (r.body.value("status", "") != "submitted") continue;
    const std::string p = r.body.value("period", "");
    if (p == in.period) current.push_back(&r);
    if (!previous_period.empty() && p == previous_period) previous[r.employee_id] = &r;
  }

  // The engine's input: each position once, every technical code declared once, one entry
  // per employee whose assessment still fits their position.
  Json positions = Json::array(), technical = Json::array(), employees = Json::array();
  Json skipped = Json::array();
  std::set<std::string> positions_added, technical_added;
  for (const AssessmentRecord* a : current) {
    auto skip = [&](const std::string& reason) {
      skipped.push_back({{"record_id", a->record_id}, {"employee_id", a->employee_id},
                         {"reason", reason}});
    };
    const std::string position_id = a->body.value("position_id", "");
    auto pos = in.positions.find(position_id);
    if (pos == in.positions.end()) {
      skip("position " + position_id + " is not stored");
      continue;
    }
    const Json& position = pos->second;
    const Json assessed = a->body.value("assessed", Json::object());
    auto scored = ScoreCompetencyAssessment(position, assessed);
    if (!scored.ok() || !scored->value("complete", false)) {
      skip("the assessment no longer matches position " + position_id + ": " +
           (scored.ok() ? "missing " + (*scored)["missing"].dump() : scored.status().message()));
      continue;
    }
    if (positions_added.insert(position_id).second) {
      Json p{{"id", position_id}, {"competencies", position["competencies"]}};
      if (position.contains("name")) p["name"] = position["name"];
      positions.push_back(std::move(p));
      for (const auto& t : position.value("technical_competencies", Json::array())) {
        if (technical_added.insert(t.value("code", "")).second) technical.push_back(t);
      }
    }
    std::string name = a->employee_id, unit_id;
    if (auto e = in.employees.find(a->employee_id); e != in.employees.end()) {
      if (!e->second.name.empty()) name = e->second.name;
      unit_id = e->second.unit_id;
    }
    Json e{{"id", a->employee_id}, {"name", name}, {"position", position_id},
           {"unit", unit_id}, {"assessed", assessed}};
    if (auto prev = previous.find(a->employee_id); prev != previous.end()) {
      Json kept = Baseline(position, prev->second->body.value("assessed", Json()));
      if (!kept.empty()) e["previous_assessed"] = std::move(kept);
    }
    employees.push_back(std::move(e));
  }

  Json out{{"period", in.period}, {"previous_period", previous_period},
           {"assessed", employees.size()}, {"skipped", skipped},
           {"employees", Json::array()}, {"training_needs", Json::array()},
           {"notes", Json::array()}};
  if (employees.empty()) return out;
  Json input{{"positions", positions}, {"employees", employees}};
  if (!technical.empty()) input["technical_competencies"] = technical;
  auto core_input = CompetencyInputFromJson(input);
  auto built = core_input.ok() ? BuildCompetencyReport(*core_input)
                               : Result<CompetencyReport>(core_input.status());
  if (!built.ok()) {
    return Status::Internal("the engine refused assessments it had accepted one by one: " +
                            built.status().message());
  }
  Json report = CompetencyReportToJson(*built);
  // "unit" back to the unit's name, beside its id.
  auto name_units = [&](Json& list) {
    for (auto& item : list) {
      std::string id = item.value("unit", "");
      auto u = in.unit_names.find(id);
      item["unit_id"] = id;
      item["unit"] = u != in.unit_names.end() ? u->second : id;
    }
  };
  name_units(report["employees"]);
  name_units(report["training_needs"]);
  out["employees"] = std::move(report["employees"]);
  out["training_needs"] = std::move(report["training_needs"]);
  out["notes"] = report.value("notes", Json::array());
  return out;
}

std::map<std::string, std::map<std::string, std::vector<std::string>>> StaffBelowStandard(
    const Json& report) {
  std::map<std::string, std::map<std::string, std::vector<std::string>>> out;
  for (const auto& e : report.value("employees", Json::array())) {
    for (const auto& g : e.value("gaps", Json::array())) {
      if (g.value("gap", 0) < 0) {
        out[e.value("unit_id", "")][g.value("code", "")].push_back(e.value("name", ""));
      }
    }
  }
  return out;
}

namespace {

// One CSV text cell: guarded against formula evaluation, quoted when it must be.
std::string CsvText(const std::string& s) { return CsvField(GuardFormula(s)); }

std::string CsvNumber(const Json& v) { return v.is_number() ? v.dump() : ""; }

}  // namespace

std::string TrainingNeedsCsv(const Json& report) {
  std::string out = "\xEF\xBB\xBF"
      "period,unit_id,unit,type,code,competency,staff_assessed,staff_with_gap,total_gap,"
      "mean_gap,priority,staff_below_standard\r\n";
  const auto below = StaffBelowStandard(report);
  const std::string period = CsvText(report.value("period", ""));
  for (const auto& u : report.value("training_needs", Json::array())) {
    const std::string unit_id = u.value("unit_id", "");
    for (const char* type : {"manajerial", "sosial_kultural", "teknis"}) {
      for (const auto& n : u.value(type, Json::array())) {
        std::string names;
        auto in_unit = below.find(unit_id);
        if (in_unit != below.end()) {
          auto staff = in_unit->second.find(n.value("code", ""));
          if (staff != in_unit->second.end()) {
            for (const auto& name : staff->second) names += (names.empty() ? "" : "; ") + name;
          }
        }
        out += period + "," + CsvText(unit_id) + "," + CsvText(u.value("unit", "")) + "," + type +
               "," + CsvText(n.value("code", "")) + "," + CsvText(n.value("name", "")) + "," +
               CsvNumber(n["staff_assessed"]) + "," + CsvNumber(n["staff_with_gap"]) + "," +
               CsvNumber(n["total_gap"]) + "," + CsvNumber(n["mean_gap"]) + "," +
               CsvNumber(n["priority"]) + "," + CsvText(names) + "\r\n";
      }
    }
  }
  return out;
}

}  // namespace kinerja

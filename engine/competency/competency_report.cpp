#include "engine/competency/competency_report.h"

#include <set>

#include "shared/json_util.h"

namespace kinerja {

CompetencyCatalog StandardCatalog() {
  CompetencyCatalog c;
  for (const auto& d : StandardCompetencies()) c[d.code] = d;
  return c;
}

Result<CompetencyReport> BuildCompetencyReport(const CompetencyReportInput& in) {
  CompetencyReport report;
  report.input = &in;
  std::vector<EmployeeGaps> all_gaps;
  std::map<std::string, std::vector<LevelObservation>> before_by_unit, after_by_unit;
  std::set<std::string> ids;
  for (size_t i = 0; i < in.employees.size(); ++i) {
    const StaffLevels& e = in.employees[i];
    const std::string where = ItemPath("employees", i);
    if (e.id.empty()) return Status::InvalidArgument(where + ".id must not be empty");
    if (!ids.insert(e.id).second) {
      return Status::InvalidArgument(where + ".id \"" + e.id + "\" is listed twice");
    }
    auto pos = in.positions.find(e.position_id);
    if (pos == in.positions.end()) {
      return Status::InvalidArgument(where + ".position \"" + e.position_id +
                                     "\" is not the id of any entry in positions");
    }
    auto result = AssessEmployee(pos->second, e.assessed);
    if (!result.ok()) {
      return Status::InvalidArgument(where + " (id " + e.id + "): " + result.status().message());
    }
    StaffCompetencyReport staff{&e, &pos->second, std::move(result).value(), 0};
    for (const auto& g : staff.result.gaps) {
      if (g.gap < 0) ++staff.competencies_below_required;
    }
    all_gaps.push_back({e.id, e.unit, staff.result.gaps});
    if (e.previous.has_value()) {
      for (const auto& a : *e.previous) before_by_unit[e.unit].push_back({e.id, a.code, a.level});
      for (const auto& a : e.assessed) after_by_unit[e.unit].push_back({e.id, a.code, a.level});
    }
    report.employees.push_back(std::move(staff));
  }
  for (auto& u : AnalyseTrainingNeeds(all_gaps)) {
    UnitCompetencyReport unit;
    auto before = before_by_unit.find(u.unit);
    if (before != before_by_unit.end()) {
      unit.remeasure = CompareRemeasure(before->second, after_by_unit[u.unit]);
    }
    unit.needs = std::move(u);
    report.units.push_back(std::move(unit));
  }
  return report;
}

}  // namespace kinerja

// GET /api/v1/reports/training-needs (docs/reports.md §"Training needs"): the submitted
// competency assessments a caller may read, through the engine's training report
// (engine/competency/training_report.h), as the supervisor's tablet computes it.
//
// Why it reads report rows and not bodies: at 10,000 staff, parsing every assessment body
// cost 130 ms and building the engine's input as JSON (then parsing it back) 220 ms more
// (docs/performance.md, "Reports at city scale"). The rows (schema v10) hold the fields the
// report uses; positions are read once each, employees once each.
#include <charconv>
#include <set>

#include "engine/competency/training_report.h"
#include "server/reports/reports.h"

namespace kinerja::server {
namespace {

bool CityWide(const Principal& who) {
  return who.role == wire::Role::kHr || who.role == wire::Role::kAdmin;
}

// A report row as the engine reads a record: "?" or digits that do not fit are no level.
AssessmentRecord FromRow(CompetencyRow& row) {
  AssessmentRecord a;
  a.record_id = std::move(row.id);
  a.employee_id = std::move(row.subject_id);
  a.period = std::move(row.period);
  a.status = std::move(row.status);
  a.position_id = std::move(row.position_id);
  if (row.levels.has_value()) {
    a.assessed.emplace();
    for (auto& [code, text] : *row.levels) {
      std::optional<int64_t> level;
      int64_t v = 0;
      const char* end = text.data() + text.size();
      auto [ptr, ec] = std::from_chars(text.data(), end, v);
      if (ec == std::errc() && ptr == end && !text.empty()) level = v;
      a.assessed->push_back({std::move(code), level});
    }
  }
  return a;
}

}  // namespace

Result<Json> TrainingNeedsReport(CentralStore& store, const Principal& who,
                                 const std::string& period, const std::string& unit_id) {
  if (who.role == wire::Role::kEmployee || who.role == wire::Role::kEnumerator) {
    return Status::PermissionDenied("training needs are reported to supervisors, HR and admins");
  }
  TrainingReportInput in;
  in.period = period;
  if (period.empty() || period.size() > 20) return BuildTrainingReport(in).status();

  // Units whatever the caller's scope: reference data, and the subtree asked for.
  KINERJA_ASSIGN_OR_RETURN(auto units, store.RecordsUnder("unit", "/"));
  std::map<std::string, std::string> unit_paths;
  for (const auto& r : units) {
    const std::string id = r.body.value("unit_id", r.id.substr(5));
    in.unit_names[id] = r.body.value("name", id);
    unit_paths[id] = r.unit_path;
  }
  std::string subtree;
  if (!unit_id.empty()) {
    auto it = unit_paths.find(unit_id);
    if (it == unit_paths.end()) return Status::NotFound("unit " + unit_id + " does not exist");
    subtree = it->second;
  }

  KINERJA_ASSIGN_OR_RETURN(auto rows, store.CompetencyRows(who, period, PreviousPeriod(period)));
  // Positions and employees once each, whatever the caller's scope: reference data.
  std::set<std::string> wanted;
  for (const auto& r : rows) {
    wanted.insert("position." + r.position_id);
    wanted.insert(r.subject_id);
  }
  KINERJA_ASSIGN_OR_RETURN(auto refs, store.RecordsById({wanted.begin(), wanted.end()}));
  for (auto& [id, rec] : refs) {
    if (rec.kind == "position") {
      const std::string position_id = rec.body.value("position_id", "");
      in.positions[position_id] = std::move(rec.body);
    }
    if (rec.kind == "employee") {
      in.employees[rec.id] = {rec.body.value("name", ""), rec.body.value("unit_id", "")};
    }
  }
  auto in_subtree = [&](const std::string& employee_id) {
    if (subtree.empty()) return true;
    auto e = in.employees.find(employee_id);
    if (e == in.employees.end()) return false;
    auto path = unit_paths.find(e->second.unit_id);
    return path != unit_paths.end() && path->second.compare(0, subtree.size(), subtree) == 0;
  };
  for (auto& r : rows) {
    if (in_subtree(r.subject_id)) in.assessments.push_back(FromRow(r));
  }

  KINERJA_ASSIGN_OR_RETURN(auto report, BuildTrainingReport(in));
  // A city's employee list is megabytes (10,000 staff with their gaps); HR reads it per unit.
  const bool with_employees = !unit_id.empty() || !CityWide(who);
  Json out = TrainingReportJson(*report, with_employees);
  out["unit"] = unit_id.empty() ? Json() : Json{{"unit_id", unit_id}, {"name", in.unit_names[unit_id]}};
  if (!with_employees) {
    out["notes"].push_back(
        "employees and their gaps are listed per unit (unit=<id>); each need names the staff "
        "below the standard");
  }
  return out;
}

}  // namespace kinerja::server

#include "server/reports/reports.h"

#include <vector>

#include "engine/competency/training_report.h"

namespace kinerja::server {

Result<Json> TrainingNeedsReport(CentralStore& store, const Principal& who,
                                 const std::string& period) {
  if (who.role == wire::Role::kEmployee || who.role == wire::Role::kEnumerator) {
    return Status::PermissionDenied("training needs are reported to supervisors, HR and admins");
  }
  auto stored = store.ScopedRecords(who, "competency_assessment");
  if (!stored.ok()) return stored.status();
  TrainingReportInput in;
  in.period = period;
  std::vector<std::string> reference_ids;
  for (auto& r : *stored) {
    reference_ids.push_back("position." + r.body.value("position_id", ""));
    reference_ids.push_back(r.subject_id);
    in.assessments.push_back({r.id, r.subject_id, std::move(r.body)});
  }
  // Positions, employees and their units whatever the caller's scope: reference data.
  auto refs = store.RecordsById(reference_ids);
  if (!refs.ok()) return refs.status();
  std::vector<std::string> unit_ids;
  for (const auto& [id, rec] : *refs) {
    if (rec.kind == "position") in.positions[rec.body.value("position_id", "")] = rec.body;
    if (rec.kind != "employee") continue;
    in.employees[rec.id] = {rec.body.value("name", ""), rec.body.value("unit_id", "")};
    unit_ids.push_back("unit." + rec.body.value("unit_id", ""));
  }
  auto units = store.RecordsById(unit_ids);
  if (!units.ok()) return units.status();
  for (const auto& [id, rec] : *units) {
    std::string unit_id = rec.body.value("unit_id", id.substr(5));
    in.unit_names[unit_id] = rec.body.value("name", unit_id);
  }
  return TrainingNeedsFromRecords(in);
}

}  // namespace kinerja::server

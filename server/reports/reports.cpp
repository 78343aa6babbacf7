#include "server/reports/reports.h"

#include <vector>

#include "engine/competency/training_report.h"
#include "engine/org/period.h"

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

Result<ReportQuery> ReportQueryFrom(const std::map<std::string, std::string>& params, int64_t now) {
  ReportQuery q;
  q.now = now;
  auto get = [&params](const char* key) {
    auto it = params.find(key);
    return it == params.end() ? std::string() : it->second;
  };
  q.period = params.count("period") ? get("period") : org::AppraisalPeriod(now);
  q.unit_id = get("unit");
  q.split = get("split");
  q.from = get("from");
  q.to = get("to");
  if (!q.split.empty()) {
    if (auto d = org::ParseDate(q.split); !d.ok()) {
      return Status::InvalidArgument("split must be a date YYYY-MM-DD: " + d.status().message());
    }
  }
  return q;
}

namespace {
struct NamedReport {
  const char* name;
  ReportFn fn;
};
constexpr NamedReport kReports[] = {
    {"progress", ProgressReport},               // server/reports/progress.cpp
    {"distribution", DistributionCurveReport},  // server/reports/distribution.cpp
    {"objectivity", ObjectivityReport},         // server/reports/objectivity.cpp
    {"satisfaction", SatisfactionReport},       // server/reports/satisfaction.cpp
    {"service-time", ServiceTimeReport},        // server/reports/service_time.cpp
    {"unit-timeline", UnitTimelineReport},      // server/reports/unit_timeline.cpp
};
}  // namespace

ReportFn FindReport(std::string_view name) {
  for (const auto& r : kReports) {
    if (name == r.name) return r.fn;
  }
  return nullptr;
}

const char* ReportNames() {
  return "training-needs, progress, distribution, objectivity, satisfaction, service-time, unit-timeline";
}

}  // namespace kinerja::server

#include "server/reports/reports.h"

#include <vector>

#include "engine/org/period.h"

namespace kinerja::server {

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
    {"workspace", WorkspaceReport},             // server/reports/workspace.cpp
};
}  // namespace

ReportFn FindReport(std::string_view name) {
  for (const auto& r : kReports) {
    if (name == r.name) return r.fn;
  }
  return nullptr;
}

const char* ReportNames() {
  return "training-needs, progress, distribution, objectivity, satisfaction, service-time, unit-timeline, "
         "workspace";
}

}  // namespace kinerja::server

// GET /api/v1/reports/workspace: the HR workspace's first screen as the server sees it — every
// unit (its name, kind and parent, as the unit records hold them) with the staff a caller
// reports on counted by appraisal status in their own unit (docs/reports.md §"Workspace").
//
// Why it exists: a fresh HR tablet pulls the whole city before its own store can draw the
// unit tree (minutes for 330,000 records); this answer is a few kilobytes per hundred units
// and lets the tablet draw the tree at once while the pull runs behind it
// (web/app/hr_workspace.h BuildHrWorkspaceFromSummary). The statuses are those the tablet
// counts itself (engine/sync/roster_view.h): the appraisal's own status, an objection not
// counted apart (the progress report does that).
#include <array>
#include <map>
#include <utility>
#include <vector>

#include "engine/sync/roster_view.h"
#include "server/reports/report_context.h"

namespace kinerja::server {

Result<Json> WorkspaceReport(CentralStore& store, const Principal& who, const ReportQuery& q) {
  KINERJA_ASSIGN_OR_RETURN(const reports::Context ctx, reports::BeginReport(store, who, q));
  // Each employee's unit: HR and admins count by the record's unit path, no body parsed
  // (10,000 bodies were most of the answer's time); a supervisor's staff are chosen by the
  // supervisor_id in the body (StaffInScope).
  std::vector<std::pair<std::string, std::string>> staff;  // employee id, unit id
  if (who.role == wire::Role::kSupervisor) {
    KINERJA_ASSIGN_OR_RETURN(auto mine, reports::StaffInScope(store, who, ctx));
    for (const auto& [id, e] : mine) staff.emplace_back(id, e.body.value("unit_id", ""));
  } else {
    std::map<std::string, std::string> unit_of_path;
    for (const auto& [id, u] : ctx.units) unit_of_path[u.path] = id;
    KINERJA_ASSIGN_OR_RETURN(auto paths, store.ScopedPaths(who, "employee"));
    for (auto& [id, path] : paths) {
      if (!ctx.InUnit(path)) continue;
      auto unit = unit_of_path.find(path);
      staff.emplace_back(std::move(id), unit == unit_of_path.end() ? "" : unit->second);
    }
  }
  KINERJA_ASSIGN_OR_RETURN(auto appraisals, reports::AppraisalsOfPeriod(store, who, "appraisal", ctx));
  const auto latest = reports::LatestBySubject(appraisals);
  // The statuses and their codes are the tablet's own (engine/sync/roster_view.h).
  using Counts = std::array<int, kAppraisalStatusCount>;
  std::map<std::string, Counts> counts;  // unit id -> own staff by status
  Counts totals{};
  for (const auto& [id, unit_id] : staff) {
    auto it = latest.find(id);
    const auto s = static_cast<size_t>(it == latest.end() ? AppraisalStatus::kNotStarted
                                                           : AppraisalStatusFromCode(it->second->status));
    ++counts[unit_id][s];
    ++totals[s];
  }
  auto counted = [](Json j, const Counts& c) {
    int n = 0;
    for (size_t i = 0; i < c.size(); ++i) {
      j[AppraisalStatusCode(static_cast<AppraisalStatus>(i))] = c[i];
      n += c[i];
    }
    j["staff"] = n;
    return j;
  };
  Json out = reports::ReportHeader("workspace", ctx);
  Json units = Json::array();
  for (const auto& [id, u] : ctx.units) {
    auto c = counts.find(id);
    Json entry{{"unit_id", id},
               {"name", u.name},
               {"kind", u.body.value("kind", "")},
               {"parent_id", u.body.value("parent_id", "")}};
    units.push_back(counted(std::move(entry), c == counts.end() ? Counts{} : c->second));
  }
  out["units"] = std::move(units);
  out["totals"] = counted(Json::object(), totals);
  return out;
}

}  // namespace kinerja::server

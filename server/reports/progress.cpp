// GET /api/v1/reports/progress: per unit, the staff a caller reports on by the status of their
// appraisal of the period, with the overdue ones named (docs/reports.md §"Progress";
// docs/rules/periods.md §"Overdue").
#include <set>

#include "server/reports/report_context.h"

namespace kinerja::server {
namespace {

constexpr const char* kStatuses[] = {"not_started", "draft", "submitted", "signed_off", "objected"};

Json ZeroCounts() {
  Json j = Json::object();
  for (const char* s : kStatuses) j[s] = 0;
  j["overdue"] = 0;
  return j;
}

}  // namespace

Result<Json> ProgressReport(CentralStore& store, const Principal& who, const ReportQuery& q) {
  KINERJA_ASSIGN_OR_RETURN(const reports::Context ctx, reports::BeginReport(store, who, q));
  KINERJA_ASSIGN_OR_RETURN(auto staff, reports::StaffInScope(store, who, ctx));
  KINERJA_ASSIGN_OR_RETURN(auto appraisals, reports::AppraisalsOfPeriod(store, who, "appraisal", ctx));
  KINERJA_ASSIGN_OR_RETURN(auto responses, store.ScopedRecords(who, "appraisal_response"));
  const auto latest = reports::LatestBySubject(appraisals);
  std::set<std::string> objected;  // appraisal ids with an objection
  for (const auto& r : responses) {
    if (r.body.value("decision", "") == "object") objected.insert(r.body.value("appraisal_id", ""));
  }
  const org::Date end = org::PeriodEnd(ctx.period);
  const org::Date today = reports::WibDate(q.now);
  const bool past_end = today > end;

  Json out = reports::ReportHeader("progress", ctx);
  out["overdue_rule"] =
      "an appraisal not signed off (not started, draft or submitted) once the period's last "
      "day (" +
      org::FormatDate(end) + ") has passed in WIB; objected ones are counted as objected";
  Json totals = ZeroCounts();
  totals["staff"] = 0;
  std::map<std::string, Json> units;  // unit id -> entry
  Json employees = Json::array();
  for (const auto& [id, e] : staff) {
    const std::string unit_id = e.body.value("unit_id", "");
    std::string status = "not_started";
    std::string appraisal_id;
    if (auto it = latest.find(id); it != latest.end()) {
      appraisal_id = it->second->id;
      status = it->second->status.empty() ? "draft" : it->second->status;
      if (objected.count(appraisal_id)) status = "objected";
    }
    const bool overdue = past_end && status != "signed_off" && status != "objected";
    Json& u = units[unit_id];
    if (u.is_null()) {
      u = ZeroCounts();
      u["unit_id"] = unit_id;
      u["unit"] = ctx.UnitName(unit_id);
      u["staff"] = 0;
      u["overdue_staff"] = Json::array();
    }
    u["staff"] = u["staff"].get<int>() + 1;
    u[status] = u[status].get<int>() + 1;
    totals["staff"] = totals["staff"].get<int>() + 1;
    totals[status] = totals[status].get<int>() + 1;
    Json row{
        {"employee_id", id},  {"name", e.body.value("name", id)},
        {"unit_id", unit_id}, {"supervisor_id", e.body.value("supervisor_id", "")},
        {"status", status},   {"appraisal_id", appraisal_id.empty() ? Json() : Json(appraisal_id)},
        {"overdue", overdue}};
    if (overdue) {
      row["days_overdue"] = org::DaysBetween(end, today);
      u["overdue"] = u["overdue"].get<int>() + 1;
      totals["overdue"] = totals["overdue"].get<int>() + 1;
      u["overdue_staff"].push_back(Json{{"employee_id", id},
                                        {"name", row["name"]},
                                        {"status", status},
                                        {"days_overdue", row["days_overdue"]}});
    }
    employees.push_back(std::move(row));
  }
  out["totals"] = std::move(totals);
  Json list = Json::array();
  for (auto& [id, u] : units) list.push_back(std::move(u));
  out["units"] = std::move(list);
  out["employees"] = std::move(employees);
  if (staff.empty()) {
    out["note"] = who.role == wire::Role::kSupervisor
                      ? "no staff: nobody in this unit names you as their appraiser"
                      : "no staff in this unit";
  }
  return out;
}

}  // namespace kinerja::server

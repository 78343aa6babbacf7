#pragma once
// Reports for central HR and supervisors over the merged store, computed by the engine from
// the raw inputs the server keeps (the first pieces of the HR workspace; docs/reports.md).

#include <map>
#include <string>
#include <string_view>

#include "server/auth/principal.h"
#include "server/store/central_store.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja::server {

// Training needs for `period` (e.g. "2026") over the submitted competency assessments the
// caller may read (HR and admin: the whole city; a supervisor: the staff they appraise),
// limited to the staff of `unit_id` and its subtree unless it is "", with positions,
// employees' names and units read whatever the scope (reference data). The numbers and the
// output are engine/competency/training_report.h's (TrainingReportJson; docs/reports.md),
// plus "unit"; HR's and admins' city-wide answer leaves out the "employees" list (each need
// names its staff below the standard). kPermissionDenied for employees and enumerators;
// kInvalidArgument for a period that is not 1-20 characters; kNotFound for an unknown unit.
// (server/reports/training_needs.cpp)
Result<Json> TrainingNeedsReport(CentralStore& store, const Principal& who,
                                 const std::string& period, const std::string& unit_id = "");

// The HR workspace's reports, GET /api/v1/reports/<name> (docs/reports.md): each reads the
// caller's scope (HR and admin: the city; a supervisor: the staff they appraise; employees and
// enumerators: kPermissionDenied), computes with the engine, writes nothing and answers with
// "report", "period", "period_start", "period_end", "as_of" and "unit" first.
struct ReportQuery {
  std::string period;   // a period key (docs/rules/periods.md); default this year (WIB)
  std::string unit_id;  // "" for the caller's whole scope; else the unit and its subtree
  std::string split;    // service-time: the first day "after" (YYYY-MM-DD); "" for none
  std::string from;     // unit-timeline: the first month (YYYY-MM); "" for the default
  std::string to;       // unit-timeline: the last month (YYYY-MM); "" for this month (WIB)
  int64_t now = 0;      // server time, unix seconds: "as_of" and what is overdue
};

// The query parameters period, unit, split, from and to; kInvalidArgument for a split that is not a date.
Result<ReportQuery> ReportQueryFrom(const std::map<std::string, std::string>& params, int64_t now);

// Fails with kPermissionDenied, kInvalidArgument (bad period) or kNotFound (unknown unit).
using ReportFn = Result<Json> (*)(CentralStore&, const Principal&, const ReportQuery&);
Result<Json> ProgressReport(CentralStore& store, const Principal& who, const ReportQuery& q);
Result<Json> DistributionCurveReport(CentralStore& store, const Principal& who,
                                     const ReportQuery& q);
Result<Json> ObjectivityReport(CentralStore& store, const Principal& who, const ReportQuery& q);
Result<Json> SatisfactionReport(CentralStore& store, const Principal& who, const ReportQuery& q);
Result<Json> ServiceTimeReport(CentralStore& store, const Principal& who, const ReportQuery& q);
// One unit (required) and its subtree month by month over from..to (default: the 12 months
// ending with this WIB month; at most 36): queue waits, IKM and the trainings that started.
Result<Json> UnitTimelineReport(CentralStore& store, const Principal& who, const ReportQuery& q);

// The HR workspace's first screen: every unit (name, kind, parent_id) with the caller's staff
// in it by appraisal status (not_started, draft, submitted, signed_off), and the totals.
Result<Json> WorkspaceReport(CentralStore& store, const Principal& who, const ReportQuery& q);

// The report named `name` ("progress", "distribution", "objectivity", "satisfaction",
// "service-time", "unit-timeline", "workspace"); nullptr for another name.
ReportFn FindReport(std::string_view name);
// Those names, for messages.
const char* ReportNames();

}  // namespace kinerja::server

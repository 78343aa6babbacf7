#pragma once
// Reports as Tables (table.h) for the CSV and XLSX exports: one function per report, over the
// report's JSON as the API returns it (docs/reports.md lists the sheets and their columns).

#include <vector>

#include "server/export/table.h"
#include "shared/json_util.h"

namespace kinerja::server::exports {

// The training-needs report (server/reports/reports.h TrainingNeedsReport) as three tables:
//   training_needs  one row per unit and competency that falls short, the columns of
//                   TrainingNeedsCsv (engine/competency/training_report.h);
//   employees       one row per assessed employee: JPM and the mapping categories;
//   gaps            one row per employee and competency: required, assessed, gap;
// the last two only when the report lists its employees (a unit's, a supervisor's staff).
// Missing keys give empty cells; never fails.
std::vector<Table> TrainingNeedsTables(const Json& report);

// The HR workspace's reports (server/reports/reports.h), each table beginning with `period`:
//   progress      units (staff per status, overdue), employees (status, overdue, days_overdue);
//   distribution  units (the five predikat counts, capaian kinerja organisasi, ok, feasible),
//                 checks (one row per unit and rule, with the violation's message);
//   objectivity   raters (status, flags and the numbers behind them), self_vs_supervisor;
//   satisfaction  units (IKM, grade, sample), elements (NRR per unit), months, services
//                 (aggregates only, as the report itself);
//   service-time  units (wait, service and total times, shares within standard), months, and
//                 comparison when the report has a split.
// Booleans are text "true"/"false"; missing keys give empty cells; never fail.
std::vector<Table> ProgressTables(const Json& report);
std::vector<Table> DistributionTables(const Json& report);
std::vector<Table> ObjectivityTables(const Json& report);
std::vector<Table> SatisfactionTables(const Json& report);
std::vector<Table> ServiceTimeTables(const Json& report);

}  // namespace kinerja::server::exports

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
//   gaps            one row per employee and competency: required, assessed, gap.
// Missing keys give empty cells; never fails.
std::vector<Table> TrainingNeedsTables(const Json& report);

}  // namespace kinerja::server::exports

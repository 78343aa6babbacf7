#pragma once
// Reports for central HR and supervisors over the merged store, computed by the engine from
// the raw inputs the server keeps (the first pieces of the HR workspace; docs/reports.md).

#include <string>

#include "server/central_store.h"
#include "server/principal.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja::server {

// Training needs for `period` (e.g. "2026"): the submitted competency assessments the caller
// may read (HR and admin: the whole city; a supervisor: the staff they appraise), scored
// against each employee's position by the engine (`kinerja competency`,
// docs/cli/competency.md) and summed per unit: which competencies fall short, for how many
// staff, by how much, with a priority. When an employee also has a submitted assessment of
// the period before (a year period: the year before), the unit's re-measure shows whether
// the training closed the gap. Output:
//   {"period", "previous_period", "assessed", "employees": [the engine's per-employee reports],
//    "training_needs": [the engine's per-unit entries], "skipped": [{"record_id",
//    "employee_id", "reason"}], "notes"}; each employee and unit entry has "unit_id" and the
//    unit's name as "unit" (entries in the engine's order, units by id).
// An assessment whose position is gone, or no longer matches what was assessed, is listed
// in "skipped" with the reason, not guessed at. kPermissionDenied for employees and
// enumerators; kInvalidArgument for a period that is not 1-20 characters.
Result<Json> TrainingNeedsReport(CentralStore& store, const Principal& who,
                                 const std::string& period);

}  // namespace kinerja::server

#pragma once
// Reports for central HR and supervisors over the merged store, computed by the engine from
// the raw inputs the server keeps (the first pieces of the HR workspace; docs/reports.md).

#include <string>

#include "server/store/central_store.h"
#include "server/auth/principal.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja::server {

// Training needs for `period` (e.g. "2026") over the submitted competency assessments the
// caller may read (HR and admin: the whole city; a supervisor: the staff they appraise),
// with positions, employees' names and units read whatever the scope (reference data).
// The numbers and the output are engine/competency/training_report.h's
// (TrainingNeedsFromRecords; docs/reports.md). kPermissionDenied for employees and
// enumerators; kInvalidArgument for a period that is not 1-20 characters.
Result<Json> TrainingNeedsReport(CentralStore& store, const Principal& who,
                                 const std::string& period);

}  // namespace kinerja::server

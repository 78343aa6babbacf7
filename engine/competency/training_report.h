#pragma once
// Training needs over stored competency assessments: the `competency_assessment` and
// `position` record bodies of docs/sync.md, as the server's report
// (GET /api/v1/reports/training-needs) and the supervisor's tablet compute them, with the same
// code. The caller supplies the records it may read; this picks the period's submitted
// assessments, the period before's as the re-measure baseline, checks each against its
// position as stored now, and runs the engine's competency report (`kinerja competency`,
// docs/cli/competency.md).

#include <map>
#include <string>
#include <vector>

#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// One stored competency_assessment record.
struct AssessmentRecord {
  std::string record_id;
  std::string employee_id;
  Json body;  // {"employee_id", "period", "status", "position_id", "assessed", ...}
};

struct EmployeeInfo {
  std::string name;
  std::string unit_id;
};

struct TrainingReportInput {
  std::string period;                        // e.g. "2026"
  std::vector<AssessmentRecord> assessments;  // any periods and statuses; others are ignored
  std::map<std::string, Json> positions;      // position_id -> position body
  std::map<std::string, EmployeeInfo> employees;  // employee id -> name and unit
  std::map<std::string, std::string> unit_names;  // unit id -> name
};

// The period before a year period ("2026" -> "2025"); empty for any other form.
std::string PreviousPeriod(const std::string& period);

// {"period", "previous_period", "assessed", "employees": [the engine's per-employee reports],
//  "training_needs": [the engine's per-unit entries], "skipped": [{"record_id",
//  "employee_id", "reason"}], "notes"}. Each employee and unit entry carries "unit_id" and
// the unit's name as "unit" (the engine groups by unit id: two units may share a name).
// Only submitted assessments count; drafts are left out. An employee's submitted assessment
// of the period before is the baseline of the unit's re-measure (only the levels of
// competencies the position still requires). An assessment whose position is missing, or
// no longer matches what was assessed, is listed in "skipped" with the reason. Fails with
// kInvalidArgument only for a period that is empty or over 20 characters.
Result<Json> TrainingNeedsFromRecords(const TrainingReportInput& in);

// Who is below the standard, per unit id and competency code, from a report's employees'
// gaps (names in the report's employee order).
std::map<std::string, std::map<std::string, std::vector<std::string>>> StaffBelowStandard(
    const Json& report);

// The report's training needs as CSV for a spreadsheet (UTF-8 with a byte-order mark, CRLF):
// one row per unit and competency that falls short, in the report's order, with columns
//   period,unit_id,unit,type,code,competency,staff_assessed,staff_with_gap,total_gap,
//   mean_gap,priority,staff_below_standard
// (names joined by "; "). Text cells are quoted when needed and guarded against formula
// injection (shared/csv.h GuardFormula: a leading = + - @, tab or CR gets a ').
std::string TrainingNeedsCsv(const Json& report);

}  // namespace kinerja

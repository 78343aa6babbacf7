#pragma once
// Training needs over stored competency assessments: the `competency_assessment` and
// `position` record bodies of docs/sync.md, as the server's report
// (GET /api/v1/reports/training-needs) and the supervisor's tablet compute them, with the same
// code. The caller supplies the records it may read; this picks the period's submitted
// assessments, the period before's as the re-measure baseline, checks each against its
// position as stored now, and runs the engine's competency report (`kinerja competency`,
// docs/cli/competency.md).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/competency/competency_report.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// One stored competency_assessment record, as the report reads it: the fields of its body
// (docs/sync.md) that the report uses. The server reads them from its report rows (schema
// v10), the tablet from the body (AssessmentFromBody).
struct AssessedValue {
  std::string code;
  std::optional<int64_t> level;  // nullopt: the stored value is not a whole number
};
struct AssessmentRecord {
  std::string record_id;
  std::string employee_id;
  std::string period;       // body.period
  std::string status;       // body.status ("draft", "submitted")
  std::string position_id;  // body.position_id
  // body.assessed, any order; nullopt when it is missing or not an object.
  std::optional<std::vector<AssessedValue>> assessed;
};

// The record's fields from its stored body (missing or mistyped text fields read as "").
AssessmentRecord AssessmentFromBody(std::string record_id, std::string employee_id,
                                    const Json& body);

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

// The report, typed. Views into itself (report points into input): held by pointer.
struct SkippedAssessment {
  std::string record_id;
  std::string employee_id;
  std::string reason;
};
struct TrainingReport {
  std::string period;
  std::string previous_period;
  std::vector<SkippedAssessment> skipped;
  CompetencyReportInput input;  // the engine's input, built from the records
  CompetencyReport report;      // over `input`
  std::map<std::string, std::string> unit_names;  // unit id -> name, as given
};

// Builds the report from the records. Only submitted assessments of the period count; drafts
// are left out. An employee's submitted assessment of the period before is the baseline of
// the unit's re-measure (only the levels of competencies the position still requires, whole
// numbers 1-5). An assessment whose position is missing or malformed, or that no longer
// matches its position (a code it does not require, a level that is not 1-5, a required
// competency not assessed), is listed in `skipped` with the reason, as is an earlier
// submitted assessment of the same employee and period (the last one counts). Fails with
// kInvalidArgument only for a period that is empty or over 20 characters.
Result<std::unique_ptr<TrainingReport>> BuildTrainingReport(const TrainingReportInput& in);

// {"period", "previous_period", "assessed", "employees": [the engine's per-employee reports],
//  "training_needs": [the engine's per-unit entries], "skipped": [{"record_id",
//  "employee_id", "reason"}], "notes"}. Each employee and unit entry carries "unit_id" and
// the unit's name as "unit" (the engine groups by unit id: two units may share a name), and
// each unit's need lists who is below the standard, in report order, as
// "staff_below_standard": [{"employee_id", "name"}]. With `with_employees` false the
// "employees" list is left out (a city's is megabytes; the needs name the staff short).
Json TrainingReportJson(const TrainingReport& report, bool with_employees = true);

// BuildTrainingReport and TrainingReportJson in one (with the employees).
Result<Json> TrainingNeedsFromRecords(const TrainingReportInput& in);

// Who is below the standard, per unit id and competency code, from a report's needs'
// "staff_below_standard" (names in the report's employee order).
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

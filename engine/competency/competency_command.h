#pragma once
// The `kinerja competency FILE` report: reads positions (required levels), technical
// competencies and employees' assessed levels from one JSON file and returns per-employee
// gaps, JPM and categories, plus training needs (and re-measure results) per unit.
// Input and output keys are documented in docs/cli/competency.md.

#include <string_view>

#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// Parses `file_text` and builds the report. Fails with kInvalidArgument and a message naming
// the field (e.g. "employees[3].assessed.M.02 is 6; levels are integers 1-5") on malformed
// JSON, wrong types, unknown fields, unknown competency codes or positions, levels outside
// 1-5, duplicates, or an employee missing a level their position requires.
Result<Json> CompetencyReportFromJson(std::string_view file_text);

}  // namespace kinerja

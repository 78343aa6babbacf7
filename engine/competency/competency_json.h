#pragma once
// The JSON edge of the competency report (`kinerja competency FILE`): reads positions
// (required levels), technical competencies and employees' assessed levels from one JSON file
// into the typed core's input (competency_report.h), builds the report there, and writes it
// back as JSON. Input and output keys are documented in docs/cli/competency.md.

#include <string>
#include <string_view>

#include "engine/competency/competency_report.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// Parses `file_text` and builds the report. Fails with kInvalidArgument and a message naming
// the field (e.g. "employees[3].assessed.M.02 is 6; levels are integers 1-5") on malformed
// JSON, wrong types, unknown fields, unknown competency codes or positions, levels outside
// 1-5, duplicates, or an employee missing a level their position requires.
Result<Json> CompetencyReportFromJson(std::string_view file_text);

// The pieces, for callers whose input is already JSON (stored records):
// the whole file object {"technical_competencies"?, "positions", "employees"} read into the
// core's input; fails as CompetencyReportFromJson does.
Result<CompetencyReportInput> CompetencyInputFromJson(const Json& root);
// The catalog: the standard competencies plus root["technical_competencies"] (optional).
Result<CompetencyCatalog> CompetencyCatalogFromJson(const Json& root);
// One position {"id", "name"?, "jenjang"?, "competencies"?} named `where` in messages
// ("positions[2]"); sets *used_jenjang_defaults when it takes its jenjang's typical levels.
Result<PositionProfile> PositionProfileFromJson(const Json& position, const std::string& where,
                                                const CompetencyCatalog& catalog,
                                                bool* used_jenjang_defaults);

// The report as docs/cli/competency.md shows it: {"employees", "training_needs", "notes"}.
Json CompetencyReportToJson(const CompetencyReport& report);
// Its "training_needs" (one entry per unit) and its "notes", alone.
Json UnitNeedsJson(const CompetencyReport& report);
Json CompetencyNotesJson(const CompetencyReport& report);
// One entry of "employees".
Json StaffCompetencyJson(const StaffCompetencyReport& staff, const CompetencyCatalog& catalog);

}  // namespace kinerja

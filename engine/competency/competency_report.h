#pragma once
// The competency report's typed core: positions (required levels), the competency catalog and
// employees' assessed levels in; per-employee gaps, JPM and categories, and training needs
// (with re-measure results) per unit out. `kinerja competency` (competency_json.h) reads its
// JSON file into a CompetencyReportInput and writes the CompetencyReport back as JSON; the
// engine's own callers (position_assessment, training_report) build the input themselves.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/competency/competency.h"
#include "engine/competency/training_needs.h"
#include "shared/result.h"

namespace kinerja {

// The codes a report may use, with their names: the standard managerial and socio-cultural
// competencies plus the technical ones the input declares.
using CompetencyCatalog = std::map<std::string, CompetencyDef>;

// The standard competencies alone (M.01-M.08, S.01).
CompetencyCatalog StandardCatalog();

struct StaffLevels {
  std::string id;
  std::optional<std::string> name;
  std::string position_id;  // a key of CompetencyReportInput::positions
  std::string unit;
  std::vector<AssessedLevel> assessed;
  std::optional<std::vector<AssessedLevel>> previous;  // the last measurement, for re-measure
};

struct CompetencyReportInput {
  CompetencyCatalog catalog;
  std::map<std::string, PositionProfile> positions;  // by id; codes are in `catalog`
  std::vector<StaffLevels> employees;                 // in report order
  // Some position took the typical levels of its jenjang (DefaultManagerialProfile): the
  // report then notes that those levels are unverified.
  bool uses_jenjang_defaults = false;
};

struct StaffCompetencyReport {
  const StaffLevels* staff = nullptr;          // points into the input
  const PositionProfile* position = nullptr;   // points into the input
  EmployeeCompetencyResult result;             // gaps in the position's profile order
  int competencies_below_required = 0;
};

struct UnitCompetencyReport {
  UnitTrainingNeeds needs;
  std::optional<std::vector<RemeasureRow>> remeasure;  // when some staff has `previous`
};

// The report. Views into the input it was built from: keep the input alive while reading it.
struct CompetencyReport {
  const CompetencyReportInput* input = nullptr;
  std::vector<StaffCompetencyReport> employees;
  std::vector<UnitCompetencyReport> units;
};

// Builds the report. Fails with kInvalidArgument naming the employee by its place in
// `employees` ("employees[3].id \"E1\" is listed twice"): an empty or repeated id, a position
// that is not in `positions`, or levels that do not fit the position (AssessEmployee). The
// levels' codes (in `catalog`) and range (1-5) are the caller's to check, as the profiles'.
Result<CompetencyReport> BuildCompetencyReport(const CompetencyReportInput& in);

}  // namespace kinerja

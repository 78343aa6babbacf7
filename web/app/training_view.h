#pragma once
// Kebutuhan pelatihan (training needs) on the supervisor's tablet: for this period's submitted
// competency assessments of their staff (synced, or submitted on this tablet and not yet
// sent), which competencies fall short, for whom, by how much, in the engine's priority
// order, and the re-measure against the year before. Computed offline by the same engine
// code as the server's report (engine/competency/training_report.h, docs/reports.md).

#include <string>
#include <vector>

#include "shared/json_util.h"

namespace kinerja::web {

struct TrainingNeedRow {
  std::string code;  // "M.03"
  std::string name;  // "Komunikasi"
  std::string type;  // "manajerial", "sosial_kultural", "teknis"
  int staff_assessed = 0;
  int staff_with_gap = 0;
  int total_gap = 0;
  double priority = 0;
  std::vector<std::string> names;  // the staff below the standard
};

struct RemeasureRow {
  std::string code;
  std::string name;
  int n_paired = 0;
  double mean_before = 0;
  double mean_after = 0;
  double mean_paired_change = 0;
};

struct TrainingUnitView {
  std::string unit_id;
  std::string unit;  // the unit's name
  int staff = 0;     // staff assessed
  std::vector<TrainingNeedRow> needs;  // manajerial, then sosial kultural, then teknis
  std::vector<RemeasureRow> remeasure;
};

struct TrainingView {
  std::string period;
  std::string previous_period;
  int assessed = 0;
  int skipped = 0;
  std::vector<TrainingUnitView> units;
  std::string error;  // the engine refused (should not happen from stored records)
};

// The view of TrainingNeedsFromRecords' report: needs in the engine's order within each
// category, with the names of the staff below the standard taken from the employees' gaps.
TrainingView TrainingViewFromReport(const Json& report);

}  // namespace kinerja::web

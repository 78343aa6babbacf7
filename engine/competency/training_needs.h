#pragma once
// Training-needs analysis per unit (analisis kebutuhan pelatihan, domain §3.4): which
// competencies staff fall short on, by how much, and in which order to plan classroom training
// or coaching; and the re-measure comparison that shows whether training moved the levels.

#include <string>
#include <vector>

#include "engine/competency/competency.h"

namespace kinerja {

// The gaps of one employee (from AssessEmployee) with the unit they work in.
struct EmployeeGaps {
  std::string employee_id;
  std::string unit;
  std::vector<CompetencyGap> gaps;
};

// One competency in one unit, counting only staff whose gap is negative.
struct TrainingNeed {
  std::string code;
  CompetencyType type = CompetencyType::kTeknis;
  int staff_assessed = 0;    // staff of the unit whose position requires the competency
  int staff_with_gap = 0;    // ... and whose assessed level is below the required one
  int total_gap = 0;         // sum of |gap| over staff_with_gap
  double mean_gap = 0;       // total_gap / staff_with_gap
  double priority = 0;       // sum of |gap| x importance over staff_with_gap
};

struct UnitTrainingNeeds {
  std::string unit;
  int staff = 0;
  // Needs by competency type, each sorted by priority (desc), staff_with_gap (desc), code.
  // Competencies nobody falls short on are left out.
  std::vector<TrainingNeed> manajerial;
  std::vector<TrainingNeed> sosial_kultural;
  std::vector<TrainingNeed> teknis;
};

// Aggregates per unit; units sorted by name. Never fails; an empty input gives no units.
std::vector<UnitTrainingNeeds> AnalyseTrainingNeeds(const std::vector<EmployeeGaps>& employees);

// A level measured for one employee and competency (e.g. Format B.1.9, scale 1-5).
struct LevelObservation {
  std::string employee_id;
  std::string code;
  int level = 0;
};

// Before/after means for one competency.
struct RemeasureRow {
  std::string code;
  int n_before = 0;
  int n_after = 0;
  int n_paired = 0;             // employees measured both times
  double mean_before = 0;
  double mean_after = 0;
  double change = 0;            // mean_after - mean_before (all observations)
  double mean_paired_change = 0;  // mean of (after - before) over paired employees only
};

// Compares two measurements of the same unit; rows sorted by code, one per code seen in either.
// If an employee has several observations of one code in a measurement, the last one counts.
std::vector<RemeasureRow> CompareRemeasure(const std::vector<LevelObservation>& before,
                                           const std::vector<LevelObservation>& after);

}  // namespace kinerja

#pragma once
// A city for the report benchmark (kinerja_report_bench, docs/performance.md §"Reports at city
// scale"), built deterministically into a fresh central store through the store's own push
// path, so every appraisal, self-assessment and competency assessment is scored by the server
// as it would be when a tablet sends it, and the reports read what the server stored.
//
// The shape (defaults): the demo city (SeedDemoCity: the `hr` login) plus 10 dinas under
// pemkot, each with 4 bidang (50 units); 200 staff per unit (10,000), of whom 10 per unit
// appraise (500 appraisers: the unit's head and 9 supervisors under them; a bidang's head
// reports to the dinas head; a dinas head has no supervisor and is appraised by HR); 20
// positions defined for the whole city. Every employee has a submitted or signed-off 2026
// appraisal (a few raters lenient or severe); a share of them a submitted self-assessment, a
// response (some objecting) and a competency assessment (2026, and 2025 for some: the
// re-measure baseline); unit_performance for most units; survey responses over the 12 months
// of 2026 across 20 units; queue tickets over 2026 at the 10 dinas (their units keep a queue
// log). Everything is derived from the index of each thing: the same options build the
// same city.

#include <cstdint>
#include <string>
#include <vector>

#include "server/store/central_store.h"
#include "shared/result.h"

namespace kinerja::bench {

struct CityOptions {
  int dinas = 10;
  int bidang_per_dinas = 4;
  int staff = 10'000;
  int appraisers_per_unit = 10;
  int surveys = 100'000;
  int tickets = 200'000;
  double self_share = 0.30;        // employees with a submitted self-assessment
  double response_share = 0.10;    // employees who answered their appraisal (a fifth object)
  double competency_share = 0.40;  // employees with a 2026 competency assessment
  double baseline_share = 0.20;    // ... and a 2025 one
};

// What was built, for the benchmark to ask about and print.
struct City {
  int units = 0;           // units added (the demo's aside)
  int employees = 0;       // employee records added (the demo's aside)
  int appraisers = 0;
  int64_t appraisals = 0;
  int64_t self_assessments = 0;
  int64_t responses = 0;
  int64_t competency_assessments = 0;
  int64_t unit_performance = 0;
  int64_t surveys = 0;
  int64_t tickets = 0;
  std::string largest_unit;      // a bidang with the most staff (the PDF of one unit)
  std::string supervisor_login;  // a supervisor's username (password kSupervisorPassword)
  // Seconds per step: {"units and staff", 1.2}, {"appraisals", 3.4}, ...
  std::vector<std::pair<std::string, double>> seconds;
};

inline constexpr const char* kSupervisorPassword = "bench-supervisor";

// Builds the city into `store`, which must be empty. `now` is the server time of every push.
// Fails with the first refused change or store error.
Result<City> BuildCity(server::CentralStore& store, const CityOptions& o, int64_t now);

}  // namespace kinerja::bench

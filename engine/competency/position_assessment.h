#pragma once
// Competency assessment as records carry it (docs/sync.md): a `position` record holds the
// position's required levels (PermenPANRB 38/2017 standar kompetensi jabatan) as data, and a
// `competency_assessment` record holds one employee's assessed levels. Both the browser (live,
// while the supervisor taps levels) and the server (recomputing what it stores) score them
// here, through the same engine code as `kinerja competency` (BuildCompetencyReport).
//
// Position body:
//   {"position_id": "petugas-loket", "name": "Petugas Loket", "unit_id": "pelayanan",
//    "competencies": [{"code": "M.05", "required_level": 2, "importance"?: 2}, ...],
//    "technical_competencies"?: [{"code": "T.PTSP.01", "name": "Pelayanan Perizinan"}]}

#include <string>
#include <vector>

#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// One competency a position requires, in profile order, named for display.
struct RequiredLevel {
  std::string code;
  std::string name;
  std::string type;  // "manajerial", "sosial_kultural", "teknis"
  int required_level = 1;
};

// The required levels of a position body. Fails with kInvalidArgument naming the field on
// unknown fields, a missing or empty competency list, a repeated or unknown code, or a level
// outside 1-5 (the engine checks the profile as `kinerja competency` would).
Result<std::vector<RequiredLevel>> RequiredLevels(const Json& position_body);

// Scores assessed levels ({"M.01": 3, ...}) against a position body. Every key must be a
// competency the position requires and every value an integer 1-5 (kInvalidArgument naming
// the key otherwise). When every required competency is assessed the result is the engine's
// employee report plus "complete": true:
//   {"complete", "sum_required", "sum_assessed", "sum_assessed_capped", "jpm", "jpm_raw",
//    "mapping_category", "mapping_code", "selection_category", "selection_code",
//    "competencies_below_required", "gaps": [{"code", "name", "type", "required", "assessed",
//    "gap", ...}]}
// Otherwise {"complete": false, "missing": ["M.03", ...], "gaps": [...]} with the gaps of the
// competencies assessed so far (no JPM: it is only defined over the whole profile).
Result<Json> ScoreCompetencyAssessment(const Json& position_body, const Json& assessed);

}  // namespace kinerja

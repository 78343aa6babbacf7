#pragma once
// The supervisor's competency assessment of one employee (PermenPANRB 38/2017): the required
// level of each competency of the employee's position (a synced `position` record) and the
// level the supervisor assesses, 1-5. The form is only input: every gap and the JPM come from
// the engine (ScoreCompetencyAssessment), the same code the server runs on what it stores.
// The stored body is the `competency_assessment` record kind of docs/sync.md.

#include <string>
#include <vector>

#include "shared/json_util.h"

namespace kinerja::web {

struct CompetencyRow {
  std::string code;  // "M.01", "S.01", "T.PTSP.01"
  std::string name;
  std::string type;  // "manajerial", "sosial_kultural", "teknis"
  int required = 0;
  int assessed = 0;  // 0 = not assessed yet, else 1-5
};

struct CompetencyForm {
  std::string record_id;  // one record per employee and period
  std::string employee_id;
  std::string employee_name;
  std::string period;  // "2026"
  std::string position_id;
  std::string position_name;
  std::string status = "draft";  // draft | submitted
  std::vector<CompetencyRow> rows;
  Json position;  // the position record's body the form was built from

  bool read_only() const { return status != "draft"; }
};

// The engine's verdict on the form as it stands.
struct CompetencyScore {
  bool complete = false;  // every competency assessed: the JPM is known
  Json result;            // ScoreCompetencyAssessment's output (gaps, jpm, categories)
  std::string error;      // the engine refused the input (should not happen from the form)
};

// A fresh form for one employee: every competency of `position_body`, none assessed.
// kInvalidArgument when the position body is not a valid profile.
Result<CompetencyForm> NewCompetencyForm(const Json& position_body, const std::string& employee_id,
                                         const std::string& employee_name,
                                         const std::string& period);
// Copies the assessed levels of a stored body into `form` (levels of other codes ignored).
void ApplyCompetencyBody(const Json& body, CompetencyForm* form);
// The record body: {"employee_id", "period", "position_id", "status", "assessed"}.
Json CompetencyBody(const CompetencyForm& form);
// Scores the form with the engine against its position.
CompetencyScore ScoreCompetency(const CompetencyForm& form);
// The employee's read-only view of her submitted assessment, from its stored body: the rows
// (code, name, type, required and assessed level) and the result are the ones the server
// computed with the engine when it stored the record. Her device holds no position records.
// kInvalidArgument when the body carries no complete result (not a submitted assessment).
struct StoredCompetency {
  CompetencyForm form;
  CompetencyScore score;
};
Result<StoredCompetency> CompetencyFromStoredBody(const Json& body, const std::string& record_id,
                                                  const std::string& employee_name,
                                                  const std::string& position_name);
// The gap the engine reported for `code`, if it assessed it.
const Json* GapOf(const CompetencyScore& score, const std::string& code);

}  // namespace kinerja::web

#pragma once
// The atasan pejabat penilai's objections (keberatan, PP 30/2019 Pasal 59; docs/rules/
// objections.md) as data: each objection routed to her (appraisal_response records whose
// atasan_id is her employee id, as the server stamped them) with what was objected to, her
// decision once written, and the decision she is making. Both sides are in the records the
// server sends: the employee's reason and the appraiser's comments on the appraisal. Pure and
// tested natively (tests/web/); the screen (web/screens/objections_screen.cpp) draws it and
// the actions (objections.cpp) load it and queue her decision on the device.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/appraisal/template.h"
#include "shared/result.h"
#include "shared/wire/sync.h"

namespace kinerja::web {

// One objection to decide, or decided.
struct ObjectionCase {
  std::string response_id;  // the appraisal_response record
  std::string appraisal_id, employee_id, employee_name, appraiser_id, unit_path;
  std::string period, reason;            // her reason
  std::string appraiser_comments;        // his side, as written on the appraisal
  std::string predikat_code, predikat;   // the result objected to
  int hasil = -1, perilaku = -1;         // its ratings (a Rating; -1 when unknown)
  std::string atasan_id;                 // who decides ("": HR)
  std::string signed_off_at;             // the appraisal's sign-off (ISO UTC)
  std::string deadline;                  // the last day she could object (YYYY-MM-DD)
  // Her decision, once written on this device or pulled.
  bool decided = false;
  bool decision_sent = false;            // acknowledged by the server
  std::string outcome;                   // upheld | rejected
  std::string decision_reason;
  std::string predikat_after_code;       // upheld: the result the server stored
};

// The case of an objection record; kInvalidArgument when it is not an objection with an
// appraisal_id (an acceptance, a malformed body).
Result<ObjectionCase> ObjectionCaseOf(const wire::Record& response, const Template& t);
// Adds her decision (an objection_decision record) to the case. An upheld decision not yet
// back from the server (no predikat_after) shows the predikat its ratings give by the
// template's matrix, as the server will score it.
void ApplyDecision(ObjectionCase& c, const wire::Record& decision, bool sent, const Template& t);
// Days left in the objection window at `now_unix` (engine/appraisal/objection.h); nullopt when
// the sign-off time is unknown.
std::optional<int64_t> WindowDaysLeft(const ObjectionCase& c, int64_t now_unix);
// The objection_decision record id of a response: one decision per objection.
std::string DecisionId(const std::string& response_id);

// The decision being made on the screen.
struct DecisionForm {
  std::string response_id;  // the case it is for ("" when none is open)
  int outcome = -1;         // 0 upheld, 1 rejected, -1 not chosen
  int hasil = -1, perilaku = -1;  // upheld: her ratings (start from the appraiser's)
};
inline constexpr int kUpheld = 0;
inline constexpr int kRejected = 1;
DecisionForm NewDecisionForm(const ObjectionCase& c);

// The result her ratings give (engine PredikatFromRatings); nullopt until both are chosen.
std::optional<Predikat> DecidedPredikat(const DecisionForm& f, const Template& t);

// The objection_decision body (docs/sync.md): response_id, outcome, reason and, upheld, the
// rating codes she changed. An error value names what is missing, as an i18n key:
// "decision_outcome_needed", "decision_reason_needed" or "decision_changes_nothing" (upheld
// with the appraiser's own ratings). The server checks all of it again.
Result<Json> DecisionBody(const ObjectionCase& c, const DecisionForm& f, const std::string& reason,
                          const Template& t);

// Open (undecided) cases first, each group by deadline, then by name.
void SortCases(std::vector<ObjectionCase>& cases);
int OpenCount(const std::vector<ObjectionCase>& cases);

}  // namespace kinerja::web

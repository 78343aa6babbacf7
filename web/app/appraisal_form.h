#pragma once
// The supervisor's SKP appraisal form (PermenPANRB 6/2022, template permenpanrb-6-2022.v1):
// IKI rows (Indikator Kinerja Individu: text, target, realisasi), the rating hasil kerja, a
// rating for each BerAKHLAK value and comments. The form is only input: every rating output
// (rating perilaku, predikat) comes from the engine's AppraiseReport, the same code
// the server runs. The stored body is the `appraisal` record kind of docs/sync.md.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/appraisal/template.h"
#include "engine/org/period.h"  // AppraisalPeriod
#include "shared/json_util.h"
#include "shared/wire/limits.h"

namespace kinerja::web {

inline constexpr const char* kAppraisalTemplate = "permenpanrb-6-2022.v1";

// One IKI row as typed (text buffers, so ImGui can edit them in place).
struct IkiRow {
  char iki[wire::kTextFieldBytes] = "";
  char target[24] = "";
  char realisasi[24] = "";
};

struct AppraisalForm {
  std::string record_id;  // one record per employee and period; kept so edits update it
  std::string employee_id;
  std::string employee_name;
  std::string period;            // "2026"
  std::string status = "draft";  // draft | submitted | signed_off
  std::vector<IkiRow> rows;
  int rating_hasil_kerja = -1;     // a Rating (0..2), -1 = not chosen
  std::vector<int> value_ratings;  // per template behaviour value: a Rating, -1 = not rated
  // The rating perilaku set over the values' (an upheld objection's, stamped by the server):
  // a Rating, -1 = none, derived from the values. Kept so a stored body round-trips whole.
  int rating_perilaku = -1;
  char comments[wire::kTextFieldBytes] = "";

  bool read_only() const { return status != "draft"; }
};

// The engine's verdict on the form as it stands.
struct AppraisalScore {
  bool ok = false;
  std::string predikat;         // display name, e.g. "Sangat Baik"
  std::string predikat_code;    // "sangat_baik"
  std::string rating_perilaku;  // display name of the (derived) rating perilaku
  std::string suggestion;       // suggested rating hasil kerja from capaian, may be empty
  std::string error;            // why it does not score yet (when !ok), the engine's words
  int unrated = 0;              // items (rating hasil kerja, behaviour values) not rated yet
  int items = 0;                // items to rate in all
};

// Why the form does not score yet, for people: how many items are left to rate, in the UI's
// language; else the engine's reason.
std::string NotScoredText(const AppraisalScore& s);


// A fresh form for one employee: one empty IKI row, nothing rated.
AppraisalForm NewAppraisalForm(const Template& t, const std::string& employee_id,
                               const std::string& employee_name, const std::string& period);

// The `kinerja appraise` input (docs/cli/appraise.md) for the form. Rows with no text and no
// numbers are left out; partial input is sent as it is, so the engine names what is missing.
Json SkpJson(const AppraisalForm& f, const Template& t);
// The record body: {"employee_id", "period", "status", "skp", "comments"}.
Json AppraisalBody(const AppraisalForm& f, const Template& t);
// Reads a stored body back (as written by AppraisalBody, or the server's copy with "result").
// Fields it cannot read stay empty or unrated.
AppraisalForm FormFromBody(const Template& t, const std::string& record_id, const Json& body);

// Scores the form with the engine (AppraiseReport on SkpJson).
AppraisalScore ScoreAppraisal(const AppraisalForm& f, const Template& t);

}  // namespace kinerja::web

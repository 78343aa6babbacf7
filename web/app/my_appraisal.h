#pragma once
// The employee's side of an appraisal (issue 5, "self-assessment and response"): her own SKP
// ratings for the period (record kind self_assessment, the same raw-input body as an
// appraisal, so AppraisalForm and the engine's scoring are reused), the supervisor's
// submitted rating beside it with the differing items marked, and her response (kind
// appraisal_response: accept, or object with a reason; final once written). The supervisor's
// appraise screen shows the same comparison from his side. Bodies: docs/sync.md.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/appraisal/template.h"
#include "shared/wire/sync.h"
#include "web/app/appraisal_form.h"

namespace kinerja::web {

// One party's ratings of one employee for one period, scored by the engine.
struct RatingsView {
  bool present = false;
  std::string record_id;
  std::string status;  // draft | submitted | signed_off
  std::string signed_off_at;  // ISO UTC, stamped by the server at sign-off ("" before)
  AppraisalForm form;
  AppraisalScore score;
};

// The employee's response to an appraisal.
struct ResponseView {
  bool present = false;
  bool sent = false;     // acknowledged by the server (no edit of it is queued)
  std::string decision;  // accept | object
  std::string reason;
  // The atasan's decision of an objection, once pulled (docs/rules/objections.md).
  std::string decided;  // upheld | rejected ("" before)
  std::string decided_reason;
};

// Whether she may still respond to a signed-off appraisal by objecting (PP 30/2019 Pasal 59,
// engine/appraisal/objection.h): nothing before sign-off, 14 WIB days after it.
struct ObjectionWindow {
  bool signed_off = false;
  bool open = false;       // signed off and the last day not passed
  int64_t days_left = 0;   // 0 on the last day
  std::string deadline;    // the last day, YYYY-MM-DD ("" when the sign-off time is unknown)
};
ObjectionWindow ObjectionWindowOf(const RatingsView& appraisal, int64_t now_unix);

// The employee's screen state ("Penilaian saya").
struct MyAppraisal {
  std::string opened_for;  // "<employee id>/<period>" the screen was opened for
  AppraisalForm self;  // her self-assessment, edited in place by the screen
  AppraisalScore self_score;
  bool dirty = false;
  double dirty_since = 0;
  std::string saved_at;
  int64_t loaded_version = -1;  // the stored version the form was loaded from (-1: none)
  RatingsView supervisor;       // the appraiser's rating once submitted and pulled
  ResponseView response;
};

// What the supervisor sees beside his own rating: her submitted self-assessment and response.
struct SelfBeside {
  RatingsView self;
  ResponseView response;
};

// Record ids, one per employee and period (one response per appraisal).
std::string SelfAssessmentId(const std::string& employee_id, const std::string& period);
std::string ResponseId(const std::string& appraisal_id);

// The self_assessment body: the appraisal body of the form (employee_id, period, status,
// skp, comments); status is draft or submitted.
Json SelfAssessmentBody(const AppraisalForm& f, const Template& t);
// The appraisal_response body; `reason` only for an objection (trimmed by the server).
Json ResponseBody(const std::string& appraisal_id, bool accept, const std::string& reason);
ResponseView ResponseFromRecord(const wire::Record& r, bool sent);

// The compared items: 0 = rating hasil kerja, 1..n = the template's behaviour values.
// A rating as the form holds it (a Rating, -1 = not rated).
int ItemRating(const AppraisalForm& f, size_t item);
size_t ItemCount(const Template& t);
// Items both forms rate, and rate differently.
std::vector<size_t> DifferingItems(const AppraisalForm& a, const AppraisalForm& b, const Template& t);

}  // namespace kinerja::web

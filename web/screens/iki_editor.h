#pragma once
// The SKP's work-result indicators as an editable table (IKI, target, realisasi, remove), with
// an "add indicator" button below: shared by the supervisor's appraisal and the employee's
// self-assessment; and the perilaku section both rate value by value.

#include <functional>

#include "web/app/appraisal_form.h"

namespace kinerja::web {

// Draws and edits `f.rows`. `table_id` must be unique in the window; `test_prefix` names the
// widgets for the test hook ("appraise" gives "appraise.row0.iki", "appraise.add_row"). Target
// and realisasi ask for the digit keyboard. True on the frame anything changed.
bool EditIndicators(const char* table_id, const char* test_prefix, AppraisalForm& f);

// The heading of BerAKHLAK value number `index` (0-based): its name, meaning and guidance.
void BehaviourValueHeading(size_t index, const BehaviourValue& v);

// The perilaku section of `f`: its heading, then for each BerAKHLAK value its heading and
// `rate(i, value)`, which draws the rating widgets of value i.
void BehaviourSection(const Template& t, AppraisalForm& f,
                      const std::function<void(size_t, const BehaviourValue&)>& rate);

}  // namespace kinerja::web

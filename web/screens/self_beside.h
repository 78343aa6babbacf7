#pragma once
// The employee's self-assessment beside the supervisor's appraisal on the appraise screen (the
// supervisor's side of web/app/my_appraisal.h), drawn with the comparison cells of
// web/widgets/compare_cell.h. Drawing only, like every screen.

#include <cstddef>

#include "engine/appraisal/template.h"

namespace kinerja::web {

class App;

// Whether the open employee has submitted a self-assessment for the appraisal on screen.
bool SelfBesidePresent(const App& app);
// Under the appraise screen's predikat: her self-assessed predikat and how many items differ,
// or that she has not submitted one; and her response (accepted, or her objection's reason).
// Draws nothing while she has sent neither.
void DrawSelfBesideSummary(App& app);
// At the top of the appraise screen's scrolling area: her objection with its full reason.
void DrawSelfBesideResponse(App& app);
// Under the supervisor's IKI rows: her indicators and realisasi, read-only, a realisasi that
// differs from his marked "!=". Draws nothing without a submitted self-assessment.
void DrawSelfBesideIndicators(App& app);
// Beside (or below) one of the supervisor's rating rows: her own rating of `item` (0 = rating
// hasil kerja, 1.. = the behaviour values), marked when it differs from `supervisors`.
// Draws nothing when she has not submitted a self-assessment.
void DrawSelfBesideCell(App& app, const Template& t, size_t item, int supervisors);

}  // namespace kinerja::web

#pragma once
// Side-by-side comparison widgets for the employee's and the supervisor's ratings of the same
// items (web/my_appraisal.h): a read-only cell showing the other party's rating, marked when
// it differs, laid out beside a row of rating buttons on a wide screen and below it on a
// narrow one.

#include <cstddef>

#include "engine/appraisal/template.h"
#include "imgui.h"

namespace kinerja::web {

class App;

// Whether the comparison sits beside the editable ratings (true) or below them.
bool CompareWide();

// The width for a row of three rating buttons when a comparison cell shares the line.
float CompareButtonsWidth();

// A read-only box of `size` (x <= 0: the rest of the line) with a small `caption` over
// `value` ("-" when empty). Differing values get a warning fill, a thick outline and a "!="
// mark, so the difference shows without colour too. Registers `test_id` with the test hook.
void CompareCell(const char* test_id, const char* caption, const char* value, bool differs,
                 ImVec2 size);

// Places the next comparison cell: on the same line on a wide screen, else on the next line.
void CompareCellPlacement();

// --- the supervisor's side (web/screens/self_beside.cpp) ---
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

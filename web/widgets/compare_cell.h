#pragma once
// Side-by-side comparison widgets for the employee's and the supervisor's ratings of the same
// items (web/app/my_appraisal.h): a read-only cell showing the other party's rating, marked when
// it differs, laid out beside a row of rating buttons on a wide screen and below it on a
// narrow one.

#include "imgui.h"

namespace kinerja::web {

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

}  // namespace kinerja::web

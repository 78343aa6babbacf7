#pragma once
// A report's table (web/app/hr_report_view.h ReportTable) drawn with ImGui's tables: a header
// row whose headings sort (ascending, descending, then the report's own order again), numbers
// right-aligned, warning rows in the warning colour, and rows that lead somewhere (a unit, an
// employee, a rater) tappable across their whole width. Only the visible rows are laid out
// (ImGuiListClipper), so a unit of thousands stays smooth. Sorting itself is the caller's
// (SortReportTable): the widget says what was asked.

#include "web/app/hr_report_view.h"

namespace kinerja::web {

struct ReportTableAction {
  int tapped_row = -1;       // a row with a drill target was tapped
  bool sort_changed = false;  // the user asked for another order:
  int sort_column = -1;       // -1: the report's own order
  bool sort_ascending = true;
};

// Draws `table` at the cursor; `id` must be unique in the window. Rows are marked for the
// tests' hook as "<id>.row.<index>" (while visible).
ReportTableAction DrawReportTable(const ReportTable& table, const char* id);

}  // namespace kinerja::web

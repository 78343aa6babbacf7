#pragma once
// The HR workspace's report screens as data. The server computes every report over the merged
// store (docs/reports.md); this turns one report's JSON into what its screen shows at one level
// of the drill-down — the top (the city, or the unit the report was asked for), one unit, one
// employee or rater in it — as summary lines, charts and sortable tables, every text already
// in the UI language (web/app/i18n.h). Pure and tested natively (tests/web/); the screen
// (web/screens/hr_report_screen.cpp) only draws it, and the actions (hr_reports.cpp) fetch,
// cache and drill.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/json_util.h"
#include "shared/result.h"
#include "web/widgets/chart.h"

namespace kinerja::web {

enum class HrReportKind { kProgress, kDistribution, kObjectivity, kSatisfaction, kServiceTime, kTimeline };
inline constexpr HrReportKind kHrReportKinds[] = {
    HrReportKind::kProgress,     HrReportKind::kDistribution, HrReportKind::kObjectivity,
    HrReportKind::kSatisfaction, HrReportKind::kServiceTime,  HrReportKind::kTimeline};

// The endpoint's name under /api/v1/reports/: "progress", "distribution", "objectivity",
// "satisfaction", "service-time", "unit-timeline".
const char* HrReportName(HrReportKind kind);
std::optional<HrReportKind> HrReportKindFromName(std::string_view name);
// The report's title in the UI language.
const char* HrReportTitle(HrReportKind kind);
// Whether the server offers the report as format=csv and format=xlsx (the case-study timeline
// is a screen, not a table to export).
bool HrReportExports(HrReportKind kind);
// The case-study timeline is about one unit; the other reports also cover the whole city.
bool HrReportNeedsUnit(HrReportKind kind);

struct ReportCell {
  std::string text;                // as shown; "-" when the report has no value
  double sort = chart::kNoValue;   // numeric columns: the value sorted on (missing sorts last)
};

struct ReportRow {
  std::vector<ReportCell> cells;
  std::string drill_unit;  // tapping the row opens this unit ("" for none)
  std::string drill_id;    // ... or this employee or rater
  bool warn = false;       // a violation, a flag, an overdue appraisal: drawn as a warning
};

// A row of `cells` that leads nowhere.
inline ReportRow Row(std::vector<ReportCell> cells) {
  ReportRow r;
  r.cells = std::move(cells);
  return r;
}

struct ReportColumn {
  std::string label;
  bool numeric = false;
};

struct ReportTable {
  std::string id;  // stable name for the test hook: "units", "employees", "raters", ...
  std::string title;
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;
  int sort_column = -1;  // -1: the report's own order
  bool sort_ascending = true;
};

// Orders the rows by `column`: numbers by value with missing values last (either direction),
// text case-insensitively; rows that compare equal keep their order. A column out of range
// restores nothing and changes nothing.
void SortReportTable(ReportTable& table, int column, bool ascending);

struct ReportLine {
  std::string text;
  bool warn = false;
};

struct ReportChart {
  std::string id;  // "distribution", "ikm_elements", "wait_trend", "leniency", ...
  std::string title;
  std::optional<chart::BarChart> bars;  // exactly one of the two
  std::optional<chart::LineChart> lines;
};

// Where in the report the screen is: the top, a unit of it, an employee or rater of it.
struct HrDrill {
  std::string unit_id;  // "" at the top
  std::string id;       // an employee (progress) or a rater (objectivity); "" for none
};

struct HrReportView {
  std::string heading;  // where the drill is: "Bidang Pelayanan", "… › Ani Lestari"
  std::vector<ReportLine> lines;
  std::vector<ReportChart> charts;
  std::vector<ReportTable> tables;
  // An employee whose evaluation document (PDF) the screen may offer, "" for none.
  std::string document_employee;
};

// The view of `report` (the JSON of GET /api/v1/reports/<HrReportName(kind)>) at `drill`.
// Missing or mistyped fields show as "-" rather than failing; kInvalidArgument when `report`
// is not an object of that report, and kNotFound when the drill names a unit, employee or
// rater the report does not hold.
Result<HrReportView> BuildHrReportView(HrReportKind kind, const Json& report, const HrDrill& drill);

// "2026-03" as "Mar 2026" in the UI language; the text itself when it is not a month.
std::string MonthLabel(const std::string& month);

}  // namespace kinerja::web

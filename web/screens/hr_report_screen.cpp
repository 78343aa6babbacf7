// One HR report (hr_reports.h): the title, where in the drill-down the screen is, when the
// server computed it (or that this is the device's last copy), the downloads, then the
// report's summary lines, charts and sortable tables (hr_report_view.h). Tapping a row opens
// its unit, employee or rater; Back goes one level up, then to the workspace.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "engine/sync/ids.h"
#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/chart.h"
#include "web/widgets/report_table.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

const ImVec4 kErrorColour(0.75f, 0.2f, 0.1f, 1);
const ImVec4 kWarnColour(0.84f, 0.43f, 0.0f, 1);

// "2026-12-07T08:00:00Z" as "2026-12-07 08:00 UTC".
std::string TimeText(const std::string& iso) {
  if (iso.size() < 16) return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

void DrawStatusLine(const HrReportScreen& r) {
  char line[300];
  if (r.loading) ImGui::TextDisabled("%s", T("report_loading"));
  if (!r.as_of.empty()) {
    std::snprintf(line, sizeof line, T("report_as_of"), TimeText(r.as_of).c_str());
    ImGui::TextDisabled("%s", line);
    TestMarkItem("report.as_of");
  }
  if (r.from_cache && !r.loading) {
    std::snprintf(line, sizeof line, T("report_cached"), TimeText(IsoUtc(r.fetched_at)).c_str());
    ImGui::TextColored(kWarnColour, "%s", line);
    TestMarkItem("report.cached");
  }
  if (!r.error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kErrorColour, "%s", r.error.c_str());
    ImGui::PopTextWrapPos();
  }
  if (r.report.is_null() && !r.loading) ImGui::TextDisabled("%s", T("report_not_cached"));
  if (!r.view_error.empty()) ImGui::TextColored(kErrorColour, "%s", r.view_error.c_str());
}

// The downloads the server offers for what is on screen.
void DrawDownloads(App& app, const HrReportScreen& r) {
  bool first = true;
  auto button = [&first](const char* label, const char* id) {
    if (!first) ImGui::SameLine();
    first = false;
    bool tapped = ImGui::Button(label, ImVec2(0, 44));
    TestMarkItem(id);
    return tapped;
  };
  ImGui::BeginDisabled(r.download.loading);
  if (button(T("report_refresh"), "report.refresh")) app.RefreshHrReport();
  if (HrReportExports(r.kind)) {
    if (button(T("report_csv"), "report.csv")) app.DownloadHrReport("csv");
    if (button(T("report_xlsx"), "report.xlsx")) app.DownloadHrReport("xlsx");
  }
  const std::string unit = !r.drill.unit_id.empty() ? r.drill.unit_id : r.unit_id;
  const bool documents = r.kind == HrReportKind::kProgress || r.kind == HrReportKind::kDistribution;
  if (documents && !unit.empty() && r.drill.id.empty()) {
    if (button(T("report_unit_pdf"), "report.unit_pdf")) app.DownloadUnitDocuments(unit);
    if (r.kind == HrReportKind::kDistribution &&
        button(T("report_unit_recap"), "report.unit_recap")) {
      app.DownloadUnitRecap(unit);
    }
  }
  if (!r.view.document_employee.empty()) {
    if (button(T("report_pdf"), "report.document")) {
      app.DownloadEvaluationDocument(r.view.document_employee);
    }
  }
  ImGui::EndDisabled();
}

// Service time: the date the comparison splits at.
void DrawSplit(App& app, const HrReportScreen& r) {
  static char buf[16] = "";
  static std::string shown;
  if (shown != r.split) {  // a new report or a new split: show what is in force
    std::snprintf(buf, sizeof buf, "%s", r.split.c_str());
    shown = r.split;
  }
  ImGui::TextUnformatted(T("report_split"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140);
  ImGui::InputTextWithHint("##split", "2026-04-01", buf, sizeof buf);
  TestMarkItem("report.split");
  ImGui::SameLine();
  if (ImGui::Button(T("report_split_apply"), ImVec2(0, 40))) app.SetHrReportSplit(buf);
  TestMarkItem("report.split_apply");
}

void DrawChart(const ReportChart& c) {
  ImGui::TextUnformatted(c.title.c_str());
  const ImVec2 size(std::min(ImGui::GetContentRegionAvail().x, 680.0f), 240);
  if (c.bars) chart::DrawBarChart(*c.bars, size);
  if (c.lines) chart::DrawLineChart(*c.lines, size);
  TestMarkItem(("report.chart." + c.id).c_str());
  ImGui::Spacing();
}

}  // namespace

void DrawHrReportScreen(App& app) {
  const HrReportScreen& r = app.hr_report();
  if (BackButton("report.back")) {
    app.Back();
    return;
  }
  ImGui::SameLine();
  Heading(HrReportTitle(r.kind), 1.15f);
  const std::string where = !r.view.heading.empty() ? r.view.heading
                            : !r.unit_name.empty()  ? r.unit_name
                                                    : T("hr_city");
  char line[400];
  std::snprintf(line, sizeof line, T("hr_unit_period"), where.c_str(), r.period.c_str());
  ImGui::TextUnformatted(line);
  TestMarkItem("report.heading");
  DrawStatusLine(r);
  DrawDownloads(app, r);
  if (r.kind == HrReportKind::kServiceTime) DrawSplit(app, r);
  if (!app.message().empty()) {
    ImGui::TextColored(app.message_is_error() ? kErrorColour : ImVec4(0.1f, 0.5f, 0.2f, 1), "%s",
                       app.message().c_str());
  }
  ImGui::Separator();

  ImGui::BeginChild("report.body", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0);
  for (const auto& l : r.view.lines) {
    if (l.warn) {
      ImGui::TextColored(kWarnColour, "%s", l.text.c_str());
    } else {
      ImGui::TextUnformatted(l.text.c_str());
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  for (const auto& c : r.view.charts) DrawChart(c);
  // Actions are taken after the loop: they rebuild the view the loop reads.
  int drill_table = -1, drill_row = -1;
  int sort_table = -1;
  ReportTableAction sort;
  for (size_t t = 0; t < r.view.tables.size(); ++t) {
    const ReportTable& table = r.view.tables[t];
    Heading(table.title.c_str(), 1.05f);
    if (table.rows.empty()) {
      ImGui::TextDisabled("%s", T("report_no_data"));
      continue;
    }
    const bool leads = std::any_of(table.rows.begin(), table.rows.end(), [](const ReportRow& row) {
      return !row.drill_unit.empty() || !row.drill_id.empty();
    });
    ImGui::TextDisabled("%s%s%s", T("report_sorted_hint"), leads ? " " : "",
                        leads ? T("report_tap_row") : "");
    // ImGui keeps a table's sort arrows by id: one id per drill level, as the app keeps orders.
    ImGui::PushID(r.SortKey(table.id).c_str());
    ReportTableAction a = DrawReportTable(table, ("report." + table.id).c_str());
    ImGui::PopID();
    if (a.tapped_row >= 0) {
      drill_table = static_cast<int>(t);
      drill_row = a.tapped_row;
    }
    if (a.sort_changed) {
      sort_table = static_cast<int>(t);
      sort = a;
    }
    ImGui::Spacing();
  }
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
  if (sort_table >= 0) {
    app.SortHrReportTable(static_cast<size_t>(sort_table), sort.sort_column, sort.sort_ascending);
  }
  if (drill_table >= 0) {
    app.DrillHrReport(static_cast<size_t>(drill_table), static_cast<size_t>(drill_row));
  }
}

}  // namespace kinerja::web

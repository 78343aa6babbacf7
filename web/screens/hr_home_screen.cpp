// Ruang kerja SDM: on the left the period picker and the unit tree (the whole city first);
// on the right the chosen unit's appraisal statuses on this device as a chart, the way on to
// training needs and the roster, and the reports the server computes (hr_report_screen.cpp).
#include <algorithm>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/chart.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

constexpr float kRowHeight = 40.0f;
constexpr float kIndent = 16.0f;

void DrawPeriods(App& app) {
  const HrWorkspace& hr = app.hr();
  ImGui::TextDisabled("%s", T("hr_period"));
  for (size_t i = 0; i < hr.periods.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    std::string id = "hr.period." + hr.periods[i];
    if (BigChoice(id.c_str(), hr.periods[i].c_str(), i == hr.period_index, ImVec2(72, 44))) {
      app.SelectHrPeriod(i);
    }
    TestMarkItem(id.c_str());
  }
  // The whole year (the annual evaluation) or one of its semesters (periodic ones).
  const char* parts[] = {T("hr_part_year"), T("hr_part_s1"), T("hr_part_s2")};
  const char* ids[] = {"hr.part.year", "hr.part.S1", "hr.part.S2"};
  for (int p = 0; p < 3; ++p) {
    if (p > 0) ImGui::SameLine();
    if (BigChoice(ids[p], parts[p], hr.part == p, ImVec2(96, 40))) app.SelectHrPeriodPart(p);
    TestMarkItem(ids[p]);
  }
}

void DrawUnitRow(App& app, int index, const char* name, int depth, int staff, bool selected,
                 const std::string& test_id) {
  ImGui::PushID(index);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + kIndent * static_cast<float>(depth));
  char label[300];
  std::snprintf(label, sizeof label, "%s  (%d)", name, staff);
  if (ImGui::Selectable(label, selected, 0, ImVec2(0, kRowHeight))) app.SelectHrUnit(index);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label);  // long names are cut at the edge
  TestMarkItem(test_id.c_str());
  ImGui::PopID();
}

void DrawUnitTree(App& app) {
  const HrWorkspace& hr = app.hr();
  ImGui::TextDisabled("%s", T("hr_units"));
  ImGui::BeginChild("hr.tree", ImVec2(0, 0), true);
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
  DrawUnitRow(app, -1, T("hr_city"), 0, hr.staff, hr.selected < 0, "hr.unit.all");
  for (size_t i = 0; i < hr.units.size(); ++i) {
    const HrUnit& u = hr.units[i];
    DrawUnitRow(app, static_cast<int>(i), u.name.c_str(), u.depth + 1, u.staff,
                hr.selected == static_cast<int>(i), "hr.unit." + u.id);
  }
  ImGui::PopStyleVar();
  if (hr.units.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", T("hr_no_units"));
    ImGui::PopTextWrapPos();
  }
  DragToScroll();
  ImGui::EndChild();
}

void DrawStatusChart(const HrWorkspace& hr) {
  const auto& counts =
      hr.selected >= 0 ? hr.units[static_cast<size_t>(hr.selected)].status : hr.status;
  int staff = hr.selected >= 0 ? hr.units[static_cast<size_t>(hr.selected)].staff : hr.staff;
  ImGui::TextUnformatted(Tf("hr_status_heading", staff).c_str());
  chart::BarChart c;
  c.labels = {T("status_not_started"), T("status_draft"), T("status_submitted"),
              T("status_signed_off")};
  for (int n : counts) c.values.push_back(staff > 0 ? n : chart::kNoValue);
  c.value_format = "%.0f";
  c.empty_text = T("hr_no_staff");
  chart::DrawBarChart(c, ImVec2(std::min(ImGui::GetContentRegionAvail().x, 560.0f), 220));
  TestMarkItem("hr.status_chart");
  if (hr.server_as_of.empty()) {
    ImGui::TextDisabled("%s", T("hr_status_local"));
  } else {
    char line[300];
    std::snprintf(line, sizeof line, T("hr_status_server"), hr.server_as_of.c_str());
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", line);
    ImGui::PopTextWrapPos();
  }
}

}  // namespace

void DrawHrHomeScreen(App& app) {
  const HrWorkspace& hr = app.hr();
  Heading(T("hr_heading"));
  const float width = ImGui::GetContentRegionAvail().x;
  const float left = std::clamp(width * 0.36f, 240.0f, 380.0f);

  ImGui::BeginChild("hr.left", ImVec2(left, 0), false);
  DrawPeriods(app);
  ImGui::Spacing();
  DrawUnitTree(app);
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("hr.right", ImVec2(0, 0), false);
  const char* unit =
      hr.selected >= 0 ? hr.units[static_cast<size_t>(hr.selected)].name.c_str() : T("hr_city");
  char line[300];
  std::snprintf(line, sizeof line, T("hr_unit_period"), unit,
                hr.periods.empty() ? "" : hr.period().c_str());
  Heading(line, 1.1f);
  TestMarkItem("hr.title");
  if (ImGui::Button(T("training_open"), ImVec2(240, 52))) {
    app.OpenTraining(hr.periods.empty() ? "" : hr.period());
    ImGui::EndChild();
    return;
  }
  TestMarkItem("hr.training");
  ImGui::SameLine();
  if (ImGui::Button(T("hr_roster_open"), ImVec2(240, 52))) {
    app.OpenHrRoster();
    ImGui::EndChild();
    return;
  }
  TestMarkItem("hr.roster");
  ImGui::SameLine();
  if (ImGui::Button((Tf("objections_open", app.objections_open()) + "###hr_objections").c_str(),
                    ImVec2(240, 52))) {
    app.OpenObjections();
    ImGui::EndChild();
    return;
  }
  TestMarkItem("hr.objections");
  ImGui::Spacing();
  DrawStatusChart(hr);
  ImGui::Separator();
  ImGui::TextUnformatted(T("hr_reports_heading"));
  // One button per report; the case study needs a unit, so it waits for one to be chosen.
  for (HrReportKind kind : kHrReportKinds) {
    const bool needs_unit = HrReportNeedsUnit(kind) && hr.selected < 0;
    std::string id = std::string("hr.report.") + HrReportName(kind);
    ImGui::BeginDisabled(needs_unit);
    if (BigChoice(id.c_str(), HrReportTitle(kind), false, ImVec2(std::min(ImGui::GetContentRegionAvail().x, 520.0f), 48))) {
      app.OpenHrReport(kind);
      ImGui::EndDisabled();
      ImGui::EndChild();
      return;
    }
    ImGui::EndDisabled();
    TestMarkItem(id.c_str());
    if (needs_unit) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", T("report_needs_unit"));
    }
  }
  ImGui::TextDisabled("%s", T("hr_needs_connection"));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace kinerja::web

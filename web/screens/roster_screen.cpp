// My staff: the supervisor's roster, searchable by name or NIP, each person with a badge for
// their appraisal this period (not started / draft / submitted / signed off). Built for
// thousands of rows: the App keeps a RosterView filtered once per change of the query, and
// this screen draws only the rows on screen (ImGuiListClipper), with no allocation per row.
#include <cfloat>
#include <cstdio>

#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

constexpr float kRowHeight = 60.0f;

struct Badge {
  const char* label;
  ImU32 fill;
  ImU32 ink;
};

// The four badges of this frame (the catalogue is looked up once per frame, not per row).
void Badges(Badge out[kAppraisalStatusCount]) {
  out[0] = {T("status_not_started"), IM_COL32(226, 230, 235, 255), IM_COL32(70, 80, 92, 255)};
  out[1] = {T("status_draft"), IM_COL32(252, 232, 190, 255), IM_COL32(122, 78, 8, 255)};
  out[2] = {T("status_submitted"), IM_COL32(205, 226, 246, 255), IM_COL32(18, 74, 128, 255)};
  out[3] = {T("status_signed_off"), IM_COL32(204, 236, 214, 255), IM_COL32(18, 96, 48, 255)};
}

void DrawRow(App& app, const RosterRow& row, int index, const Badge& badge) {
  ImGui::PushID(index);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  if (ImGui::Selectable("##row", false, 0, ImVec2(0, kRowHeight))) app.OpenEmployee(row.id);
  char id[160];
  std::snprintf(id, sizeof id, "roster.%s", row.id.c_str());
  TestMarkItem(id);
  ImGui::PopID();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  ImVec2 badge_size = font->CalcTextSizeA(size * 0.85f, FLT_MAX, 0, badge.label);
  badge_size.x += 24;
  badge_size.y += 10;
  const float text_right = pos.x + width - badge_size.x - 16;
  ImVec4 clip(pos.x, pos.y, text_right, pos.y + kRowHeight);
  dl->AddText(font, size, ImVec2(pos.x + 6, pos.y + 4), ink, row.name.c_str(),
              row.name.c_str() + row.name.size(), 0, &clip);
  ImVec2 second(pos.x + 6, pos.y + 6 + size);
  dl->AddText(font, size * 0.9f, second, dim, row.nip.c_str(), row.nip.c_str() + row.nip.size(), 0,
              &clip);
  float nip_w = font->CalcTextSizeA(size * 0.9f, FLT_MAX, 0, row.nip.c_str(),
                                    row.nip.c_str() + row.nip.size()).x;
  dl->AddText(font, size * 0.9f, ImVec2(second.x + nip_w + 16, second.y), dim, row.position.c_str(),
              row.position.c_str() + row.position.size(), 0, &clip);

  ImVec2 b0(pos.x + width - badge_size.x - 8, pos.y + (kRowHeight - badge_size.y) * 0.5f);
  ImVec2 b1(b0.x + badge_size.x, b0.y + badge_size.y);
  dl->AddRectFilled(b0, b1, badge.fill, badge_size.y * 0.5f);
  dl->AddText(font, size * 0.85f, ImVec2(b0.x + 12, b0.y + 5), badge.ink, badge.label);
  std::snprintf(id, sizeof id, "roster.%s.badge.%s", row.id.c_str(), AppraisalStatusCode(row.status));
  TestMarkRect(id, b0, b1);
}

}  // namespace

void DrawRosterScreen(App& app) {
  static char filter[64] = "";
  RosterView& view = app.roster_view();
  if (app.IsHrSession()) {  // HR opens the roster from the workspace
    if (BackButton("roster.back")) {
      app.Back();
      return;
    }
    ImGui::SameLine();
  }
  ImGui::TextUnformatted(T("my_staff"));
  const bool queue = !app.queue_units().empty();
  ImGui::SameLine(ImGui::GetWindowWidth() - (queue ? 520 : 260));
  if (ImGui::Button(T("training_open"), ImVec2(240, 52))) {
    app.OpenTraining();
    return;
  }
  TestMarkItem("roster.training");
  if (queue) {
    ImGui::SameLine(ImGui::GetWindowWidth() - 260);
    if (ImGui::Button(T("queue_open"), ImVec2(240, 52))) {
      app.OpenQueue();
      return;
    }
    TestMarkItem("roster.queue");
  }
  // The atasan pejabat penilai: the objections routed to her (PP 30/2019 Pasal 59).
  if (!app.objections().empty() && !app.IsHrSession()) {
    if (ImGui::Button((Tf("objections_open", app.objections_open()) + "###roster_objections").c_str(),
                      ImVec2(240, 52))) {
      app.OpenObjections();
      return;
    }
    TestMarkItem("roster.objections");
  }
  const auto& c = view.counts();  // below the buttons: the summary is long with 5,000 staff
  ImGui::TextDisabled(T("roster_summary"), static_cast<int>(view.rows().size()), c[0], c[1], c[2], c[3]);
  ImGui::SetNextItemWidth(360);
  ImGui::InputTextWithHint("##search", T("search"), filter, sizeof filter);
  TestMarkItem("roster.search");
  view.SetQuery(filter);  // filters only when the text changed
  if (view.rows().empty()) {
    ImGui::TextDisabled("%s", T("no_staff"));
    return;
  }
  if (view.visible().empty()) {
    ImGui::TextDisabled("%s", T("no_match"));
    return;
  }
  Badge badges[kAppraisalStatusCount];
  Badges(badges);
  ImGui::BeginChild("roster", ImVec2(0, 0), true);
  const auto& visible = view.visible();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(visible.size()), kRowHeight + ImGui::GetStyle().ItemSpacing.y);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const RosterRow& row = view.rows()[static_cast<size_t>(visible[static_cast<size_t>(i)])];
      DrawRow(app, row, i, badges[static_cast<int>(row.status)]);
    }
  }
  DragToScroll();
  app.set_roster_scroll(ImGui::GetScrollY());
  ImGui::EndChild();
  TestMarkItem("roster.list");
}

}  // namespace kinerja::web

// Penilaian kompetensi (PermenPANRB 38/2017) for one employee: each competency of the
// position with its required level and five large level buttons; the gap of each and the JPM
// are the engine's, recomputed on every tap; drafts save themselves. Kirim (submit) asks for
// confirmation; after submitting the form is read-only. An employee sees her own submitted
// assessment here, read-only, with the server's stored gaps and JPM.
#include <cstdio>
#include <string>

#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

// The fixed header: title, the engine's live JPM, save state, Kirim.
void DrawHeader(App& app) {
  const CompetencyForm& f = app.competency();
  if (BackButton("competency.back")) {
    app.Back();
    return;
  }
  ImGui::SameLine();
  ImGui::Text(T("competency_heading"), f.employee_name.c_str(), f.period.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("[%s]", f.status == "submitted" ? T("status_submitted") : T("status_draft"));
  ImGui::TextDisabled(T("competency_position"), f.position_name.c_str());

  const CompetencyScore& s = app.competency_score();
  if (s.complete) {
    char line[200];
    std::snprintf(line, sizeof line, T("competency_jpm"), s.result.value("jpm", 0.0),
                  s.result.value("mapping_category", "").c_str(),
                  s.result.value("selection_category", "").c_str());
    Heading(line, 1.3f);
    TestMarkItem("competency.jpm");
    ImGui::TextDisabled(T("competency_below"), s.result.value("competencies_below_required", 0));
  } else if (!s.error.empty()) {
    ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1), "%s", s.error.c_str());
  } else {
    int missing = static_cast<int>(s.result.value("missing", Json::array()).size());
    ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.1f, 1), T("competency_missing"), missing);
  }
  if (!f.read_only()) {
    DraftStatus(app.competency_draft());
    ImGui::SameLine(ImGui::GetWindowWidth() - 250);
    ImGui::BeginDisabled(!s.complete);
    if (ImGui::Button(T("submit"), ImVec2(230, 52))) ImGui::OpenPopup("###competency_confirm");
    TestMarkItem("competency.submit");
    ImGui::EndDisabled();
  } else {
    ImGui::TextDisabled("%s", T("competency_read_only"));
  }
  std::string title = std::string(T("confirm_title")) + "###competency_confirm";
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(520);
    ImGui::TextUnformatted(T("competency_confirm_submit"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(T("submit"), ImVec2(220, 56))) {
      app.SubmitCompetency();
      ImGui::CloseCurrentPopup();
    }
    TestMarkItem("competency.confirm");
    ImGui::SameLine();
    if (ImGui::Button(T("cancel"), ImVec2(220, 56))) ImGui::CloseCurrentPopup();
    TestMarkItem("competency.cancel");
    ImGui::EndPopup();
  }
}

// One competency: its name, required level, the engine's gap, and levels 1-5 as large buttons.
void DrawRow(App& app, size_t i, float width) {
  const CompetencyRow& r = app.competency().rows[i];
  ImGui::Spacing();
  ImGui::Text("%s  %s", r.code.c_str(), r.name.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", CompetencyTypeText(r.type));
  const Json* gap = GapOf(app.competency_score(), r.code);
  if (gap) {
    int g = (*gap).value("gap", 0);
    ImVec4 colour = g < 0 ? ImVec4(0.75f, 0.2f, 0.1f, 1) : ImVec4(0.1f, 0.5f, 0.2f, 1);
    ImGui::TextColored(colour, T("competency_gap"), r.required, r.assessed, g);
  } else {
    ImGui::TextDisabled(T("competency_required"), r.required);
  }
  for (int level = 1; level <= 5; ++level) {
    if (level > 1) ImGui::SameLine();
    std::string id = "competency." + r.code + "." + std::to_string(level);
    char label[64];
    std::snprintf(label, sizeof label, level == r.required ? "%d *" : "%d", level);
    if (BigChoice(("##" + id).c_str(), label, r.assessed == level, ImVec2(width, 56))) {
      app.SetCompetencyLevel(i, level);
    }
    TestMarkItem(id.c_str());
  }
  ImGui::Separator();
}

}  // namespace

void DrawCompetencyScreen(App& app) {
  DrawHeader(app);
  if (app.screen() != Screen::kCompetency) return;  // Back was tapped
  ImGui::Separator();
  ImGui::BeginChild("competency", ImVec2(0, 0), false);
  bool own = app.session() && app.session()->role == wire::Role::kEmployee;
  if (own) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", T("competency_mine_help"));
    ImGui::PopTextWrapPos();
  } else if (!app.competency().read_only()) {
    ImGui::TextDisabled("%s", T("competency_help"));
  }
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - 4 * spacing) / 5;
  ImGui::BeginDisabled(app.competency().read_only());
  for (size_t i = 0; i < app.competency().rows.size(); ++i) DrawRow(app, i, width);
  ImGui::EndDisabled();
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace kinerja::web

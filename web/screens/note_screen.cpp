// Appraisal notes for one employee: write on the device, see which are sent.
#include <string>

#include "imgui.h"
#include "shared/wire/limits.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {

void DrawNoteScreen(App& app) {
  static char note[wire::kTextFieldBytes] = "";
  if (BackButton("note.back")) {
    app.Back();
    return;
  }
  std::string name = app.open_employee();
  for (const auto& r : app.roster()) {
    if (r.id == app.open_employee()) name = r.body.value("name", r.id);
  }
  ImGui::SameLine();
  ImGui::Text("%s - %s", T("appraisal_notes"), name.c_str());
  const auto& session = app.session();
  if (session && session->role != wire::Role::kEmployee && session->role != wire::Role::kEnumerator) {
    ImGui::SameLine(ImGui::GetWindowWidth() - 520);
    if (ImGui::Button(T("appraise_open"), ImVec2(240, 44))) {
      app.OpenAppraisal();
      return;
    }
    TestMarkItem("note.appraise");
    ImGui::SameLine(ImGui::GetWindowWidth() - 260);
    if (ImGui::Button(T("competency_open"), ImVec2(240, 44))) {
      app.OpenCompetency();
      if (app.screen() != Screen::kNote) return;
    }
    TestMarkItem("note.competency");
  }
  ImGui::TextUnformatted(T("new_note"));
  LimitedTextField("##note", "note.text", note, sizeof note, wire::kMaxTextChars, ImVec2(-1, 140));
  if (ImGui::Button(T("save_note"), ImVec2(240, 52))) {
    if (app.SaveNote(note)) note[0] = '\0';
  }
  TestMarkItem("note.save");
  ImGui::Separator();
  ImGui::BeginChild("notes");
  for (const auto& n : app.open_notes()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(n.body.value("text", "").c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", n.updated_at.c_str());
    ImGui::Separator();
  }
  ImGui::EndChild();
}

}  // namespace kinerja::web

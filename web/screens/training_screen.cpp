// Kebutuhan pelatihan: per unit, the competencies that fall short in this period's submitted
// assessments of the supervisor's staff, in the engine's priority order, each with who is
// below the standard; then the re-measure against the year before. Read-only; computed on
// the tablet (works offline).
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

void DrawUnit(const TrainingView& v, const TrainingUnitView& u) {
  char line[300];
  std::snprintf(line, sizeof line, T("training_unit"), u.unit.c_str(), u.staff);
  Heading(line, 1.15f);
  TestMarkItem(("training." + u.unit_id).c_str());
  if (u.needs.empty()) {
    ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", T("training_all_meet"));
  }
  for (const auto& n : u.needs) {
    ImGui::Spacing();
    ImGui::Text("%s  %s", n.code.c_str(), n.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", CompetencyTypeText(n.type));
    std::snprintf(line, sizeof line, T("training_need"), n.staff_with_gap, n.staff_assessed,
                  n.total_gap, n.priority);
    ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1), "%s", line);
    std::string names;
    for (const auto& name : n.names) names += (names.empty() ? "" : ", ") + name;
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", names.c_str());
    ImGui::PopTextWrapPos();
    TestMarkItem(("training." + u.unit_id + "." + n.code).c_str());
  }
  if (!u.remeasure.empty()) {
    ImGui::Spacing();
    std::snprintf(line, sizeof line, T("training_remeasure"), v.previous_period.c_str());
    Heading(line, 1.05f);
    for (const auto& m : u.remeasure) {
      std::snprintf(line, sizeof line, T("training_remeasure_row"), m.code.c_str(), m.name.c_str(),
                    m.mean_before, m.mean_after, m.mean_paired_change, m.n_paired);
      ImVec4 colour = m.mean_paired_change > 0   ? ImVec4(0.1f, 0.5f, 0.2f, 1)
                      : m.mean_paired_change < 0 ? ImVec4(0.75f, 0.2f, 0.1f, 1)
                                                 : ImGui::GetStyle().Colors[ImGuiCol_Text];
      ImGui::TextColored(colour, "%s", line);
    }
  }
  ImGui::Separator();
}

}  // namespace

void DrawTrainingScreen(App& app) {
  const TrainingView& v = app.training();
  if (BackButton("training.back")) {
    app.Back();
    return;
  }
  ImGui::SameLine();
  ImGui::Text(T("training_heading"), v.period.c_str());
  ImGui::TextDisabled(T("training_from"), v.assessed);
  if (v.skipped > 0) {
    ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.1f, 1), T("training_skipped"), v.skipped);
  }
  if (!v.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1), "%s", v.error.c_str());
  ImGui::Separator();
  ImGui::BeginChild("training", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", T("training_help"));
  ImGui::PopTextWrapPos();
  if (v.units.empty()) ImGui::TextDisabled("%s", T("training_none"));
  for (const auto& u : v.units) DrawUnit(v, u);
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace kinerja::web

#include "web/screens/iki_editor.h"

#include <string>

#include "imgui.h"
#include "shared/wire/limits.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {

bool EditIndicators(const char* table_id, const char* test_prefix, AppraisalForm& f) {
  bool edited = false;
  int remove = -1;
  const std::string prefix = test_prefix;
  if (ImGui::BeginTable(table_id, 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("iki"), ImGuiTableColumnFlags_WidthStretch, 5);
    ImGui::TableSetupColumn(T("target"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(T("realisasi"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 60);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < f.rows.size(); ++i) {
      IkiRow& row = f.rows[i];
      std::string p = prefix + ".row" + std::to_string(i);
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      edited |= LimitedTextField("##iki", (p + ".iki").c_str(), row.iki, sizeof row.iki,
                                 wire::kMaxTextChars, ImVec2(-1, 0));
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      edited |= ImGui::InputText("##target", row.target, sizeof row.target, ImGuiInputTextFlags_CharsDecimal);
      SoftKeyboardNoteField(ImGuiInputTextFlags_CharsDecimal);
      TestMarkItem((p + ".target").c_str());
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      edited |= ImGui::InputText("##realisasi", row.realisasi, sizeof row.realisasi,
                                 ImGuiInputTextFlags_CharsDecimal);
      SoftKeyboardNoteField(ImGuiInputTextFlags_CharsDecimal);
      TestMarkItem((p + ".realisasi").c_str());
      ImGui::TableNextColumn();
      if (ImGui::Button("X", ImVec2(-1, 0))) remove = static_cast<int>(i);
      TestMarkItem((p + ".remove").c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (remove >= 0) {
    f.rows.erase(f.rows.begin() + remove);
    edited = true;
  }
  if (ImGui::Button(T("add_indicator"), ImVec2(260, 0))) {
    f.rows.emplace_back();
    edited = true;
  }
  TestMarkItem((prefix + ".add_row").c_str());
  return edited;
}

void BehaviourValueHeading(size_t index, const BehaviourValue& v) {
  ImGui::Spacing();
  ImGui::Text("%zu. %s", index + 1, v.name.c_str());
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", v.meaning.c_str());
  for (const auto& g : v.guidance) ImGui::BulletText("%s", g.c_str());
  ImGui::PopTextWrapPos();
}

void BehaviourSection(const Template& t, AppraisalForm& f,
                      const std::function<void(size_t, const BehaviourValue&)>& rate) {
  ImGui::Spacing();
  ImGui::Separator();
  Heading(T("perilaku_heading"), 1.1f);
  for (size_t i = 0; i < t.behaviour_values.size() && i < f.value_ratings.size(); ++i) {
    BehaviourValueHeading(i, t.behaviour_values[i]);
    rate(i, t.behaviour_values[i]);
  }
}

}  // namespace kinerja::web

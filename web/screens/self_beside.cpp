// The employee's submitted self-assessment and response on the supervisor's appraise screen:
// a summary line under his predikat and, beside each of his rating rows, her own rating.
#include "web/screens/self_beside.h"

#include <string>

#include "engine/appraisal/levels.h"
#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/widgets/compare_cell.h"

namespace kinerja::web {

bool SelfBesidePresent(const App& app) { return app.self_beside().self.present; }

void DrawSelfBesideSummary(App& app) {
  const SelfBeside& b = app.self_beside();
  const Template* t = app.appraisal_template();
  if (!b.self.present && !b.response.present) return;  // nothing from her yet: no extra line
  // Short lines, clear of the Kirim / Tandatangani button at the right of the header.
  ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - 270);
  if (!b.self.present || !t) {
    ImGui::TextDisabled("%s", T("beside_self_none"));
  } else {
    const char* predikat = b.self.score.ok ? b.self.score.predikat.c_str() : "-";
    size_t n = DifferingItems(app.appraisal(), b.self.form, *t).size();
    ImGui::Text(T("beside_self_predikat"), predikat);
    if (n > 0) {
      ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), T("differences_count_beside"), static_cast<int>(n));
    } else {
      ImGui::TextDisabled("%s", T("differences_none"));
    }
  }
  TestMarkItem("appraise.self.summary");
  if (b.response.present) {
    if (b.response.decision == "accept") {
      ImGui::TextUnformatted(T("beside_response_accept"));
    } else {
      ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1), "%s", T("beside_response_object_short"));
    }
  }
  ImGui::PopTextWrapPos();
}

void DrawSelfBesideResponse(App& app) {
  const ResponseView& r = app.self_beside().response;
  if (!r.present || r.decision != "object") return;
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ImVec4(0.75f, 0.2f, 0.1f, 1), T("beside_response_object"), r.reason.c_str());
  ImGui::PopTextWrapPos();
  TestMarkItem("appraise.self.response");
  ImGui::Separator();
}

void DrawSelfBesideIndicators(App& app) {
  const SelfBeside& b = app.self_beside();
  if (!b.self.present) return;
  const auto& hers = b.self.form.rows;
  const auto& his = app.appraisal().rows;
  ImGui::Spacing();
  ImGui::TextDisabled("%s", T("self_iki"));
  if (!ImGui::BeginTable("self_iki", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    return;
  }
  ImGui::TableSetupColumn(T("iki"), ImGuiTableColumnFlags_WidthStretch, 5);
  ImGui::TableSetupColumn(T("target"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(T("realisasi"), ImGuiTableColumnFlags_WidthStretch, 1.8f);
  ImGui::TableHeadersRow();
  for (size_t i = 0; i < hers.size(); ++i) {
    bool differs = i < his.size() && hers[i].realisasi[0] && his[i].realisasi[0] &&
                   std::string(hers[i].realisasi) != his[i].realisasi;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", hers[i].iki);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(hers[i].target);
    ImGui::TableNextColumn();
    if (differs) {
      ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s  != %s", hers[i].realisasi, his[i].realisasi);
    } else {
      ImGui::TextUnformatted(hers[i].realisasi);
    }
    TestMarkItem(("appraise.self.row" + std::to_string(i)).c_str());
  }
  ImGui::EndTable();
}

void DrawSelfBesideCell(App& app, const Template& t, size_t item, int supervisors) {
  const SelfBeside& b = app.self_beside();
  if (!b.self.present) return;
  int hers = ItemRating(b.self.form, item);
  const char* text = hers < 0 ? T("not_rated") : RatingName(t, static_cast<Rating>(hers)).c_str();
  bool differs = hers >= 0 && supervisors >= 0 && hers != supervisors;
  std::string id = item == 0 ? std::string("appraise.self.hasil")
                             : "appraise.self.value." + t.behaviour_values[item - 1].code;
  CompareCellPlacement();
  CompareCell(id.c_str(), T("cell_self"), text, differs, ImVec2(0, 56));
}

}  // namespace kinerja::web

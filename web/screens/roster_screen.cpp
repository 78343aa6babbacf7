// My staff: the supervisor's roster, searchable, each with their number of notes.
#include <algorithm>
#include <cctype>
#include <string>

#include "imgui.h"
#include "web/app.h"
#include "web/i18n.h"
#include "web/platform.h"

namespace kinerja::web {
namespace {

bool ContainsNoCase(const std::string& hay, const char* needle) {
  std::string h = hay, n = needle;
  auto lower = [](std::string& s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  };
  lower(h);
  lower(n);
  return h.find(n) != std::string::npos;
}

}  // namespace

void DrawRosterScreen(App& app) {
  static char filter[64] = "";
  ImGui::TextUnformatted(T("my_staff"));
  if (!app.queue_units().empty()) {
    ImGui::SameLine(ImGui::GetWindowWidth() - 260);
    if (ImGui::Button(T("queue_open"), ImVec2(240, 52))) {
      app.OpenQueue();
      return;
    }
    TestMarkItem("roster.queue");
  }
  ImGui::SetNextItemWidth(360);
  ImGui::InputTextWithHint("##search", T("search"), filter, sizeof filter);
  TestMarkItem("roster.search");
  if (app.roster().empty()) {
    ImGui::TextDisabled("%s", T("no_staff"));
    return;
  }
  ImGui::BeginChild("roster", ImVec2(0, 0), true);
  for (const auto& rec : app.roster()) {
    std::string name = rec.body.value("name", "");
    std::string nip = rec.body.value("nip", "");
    std::string position = rec.body.value("position", "");
    if (filter[0] && !ContainsNoCase(name, filter) && nip.find(filter) == std::string::npos) continue;
    std::string label = name + "\n" + nip + "  " + position + "##" + rec.id;
    if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0, 52))) app.OpenEmployee(rec.id);
    TestMarkItem(("roster." + rec.id).c_str());
  }
  ImGui::EndChild();
}

}  // namespace kinerja::web

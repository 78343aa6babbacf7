// The bar on every screen: title, network state, unsent changes, Sync, language, log out.
#include <cstdio>

#include "imgui.h"
#include "web/app.h"
#include "web/i18n.h"
#include "web/platform.h"

namespace kinerja::web {

void DrawTopBar(App& app) {
  ImGui::TextUnformatted(T("app_title"));
  ImGui::SameLine();
  bool online = BrowserOnline();
  ImGui::TextColored(online ? ImVec4(0.2f, 0.7f, 0.3f, 1) : ImVec4(0.9f, 0.5f, 0.1f, 1), "[%s]",
                     T(online ? "online" : "offline"));
  if (app.session()) {
    ImGui::SameLine();
    ImGui::Text("%s", app.session()->display_name.c_str());
    ImGui::SameLine();
    ImGui::Text(T("pending"), static_cast<int>(app.pending()));
  }
  ImGui::SameLine(ImGui::GetWindowWidth() - 420);
  if (app.session()) {
    ImGui::BeginDisabled(app.busy());
    if (ImGui::Button(app.busy() ? T("syncing") : T("sync"), ImVec2(140, 0))) app.StartSync();
    TestMarkItem("sync");
    ImGui::EndDisabled();
    ImGui::SameLine();
  }
  if (ImGui::Button(T("language"), ImVec2(150, 0))) {
    SetLang(CurrentLang() == Lang::kId ? Lang::kEn : Lang::kId);
  }
  TestMarkItem("language");
  if (app.session()) {
    ImGui::SameLine();
    if (ImGui::Button(T("logout"), ImVec2(100, 0))) app.Logout(false);
    TestMarkItem("logout");
  }
  if (app.session()) {
    if (app.last_sync().empty()) {
      ImGui::TextDisabled("%s", T("never_synced"));
    } else {
      ImGui::TextDisabled(T("last_sync"), app.last_sync().c_str());
    }
  }
  if (app.logout_blocked()) {
    ImGui::TextColored(ImVec4(0.9f, 0.3f, 0.2f, 1), T("logout_pending"), static_cast<int>(app.pending()));
    ImGui::SameLine();
    if (ImGui::Button(T("logout_anyway"))) app.Logout(true);
  }
  if (!app.message().empty()) {
    ImGui::PushTextWrapPos(0);
    if (app.message_is_error()) {
      ImGui::TextColored(ImVec4(0.9f, 0.3f, 0.2f, 1), "%s", app.message().c_str());
    } else {
      ImGui::TextUnformatted(app.message().c_str());
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
}

}  // namespace kinerja::web

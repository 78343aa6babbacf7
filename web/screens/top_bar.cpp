// The bar on every screen: title, network state, unsent changes, Sync, language, log out.
// In kiosk mode only the title, the network state and the language remain: a citizen at the
// counter can neither sync nor log the enumerator out.
#include <cstdio>
#include <string>

#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"

namespace kinerja::web {
void DrawTopBar(App& app) {
  ImGui::TextUnformatted(T("app_title"));
  ImGui::SameLine();
  bool online = BrowserOnline();
  ImGui::TextColored(online ? ImVec4(0.2f, 0.7f, 0.3f, 1) : ImVec4(0.9f, 0.5f, 0.1f, 1), "[%s]",
                     T(online ? "online" : "offline"));
  const bool kiosk = app.screen() == Screen::kKiosk;
  const bool full = app.session() && !kiosk;
  if (full) {
    ImGui::SameLine();
    ImGui::Text("%s", app.session()->display_name.c_str());
    // What waits, what was refused and what is in conflict; a tap opens the Sync screen.
    ImGui::SameLine();
    std::string status = Tf("pending", static_cast<int>(app.pending()));
    if (app.set_aside_total() > 0) {
      status += "  " + Tf("set_aside_count", static_cast<int>(app.set_aside_total()));
    }
    if (!app.conflicts().empty()) {
      status += "  " + Tf("conflicts_short", static_cast<int>(app.conflicts().size()));
    }
    bool attention = app.set_aside_total() > 0 || !app.conflicts().empty();
    if (attention) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.3f, 0.1f, 1));
    if (ImGui::Button((status + "###sync_center").c_str())) app.OpenSyncScreen();
    if (attention) ImGui::PopStyleColor();
    TestMarkItem("sync_center");
  }
  // The buttons sit at the right; when a long name reaches them they go to the next line.
  const float buttons_x = ImGui::GetWindowWidth() - 600;
  if (ImGui::GetItemRectMax().x + 20 < buttons_x) ImGui::SameLine(buttons_x);
  else ImGui::SetCursorPosX(buttons_x);
  if (full) {
    ImGui::BeginDisabled(app.busy());
    if (ImGui::Button(app.busy() ? T("syncing") : T("sync"), ImVec2(140, 0))) app.StartSync();
    TestMarkItem("sync");
    ImGui::EndDisabled();
    ImGui::SameLine();
  }
  if (ImGui::Button(T("language"), ImVec2(220, 0))) app.ToggleLanguage();
  TestMarkItem("language");
  // Text size: smaller / larger (the whole UI scales, touch targets too).
  ImGui::SameLine();
  if (ImGui::Button("A-", ImVec2(48, 0))) app.ChangeUiZoom(-1);
  TestMarkItem("zoom_out");
  ImGui::SameLine();
  if (ImGui::Button("A+", ImVec2(48, 0))) app.ChangeUiZoom(+1);
  TestMarkItem("zoom_in");
  if (full) {
    ImGui::SameLine();
    if (ImGui::Button(T("logout"), ImVec2(100, 0))) app.Logout(false);
    TestMarkItem("logout");
  }
  if (full) {
    if (app.last_sync().empty()) {
      ImGui::TextDisabled("%s", T("never_synced"));
    } else {
      ImGui::TextDisabled(T("last_sync"), app.last_sync().c_str());
    }
    // Whether the browser promised to keep our data, and how much it holds.
    const std::string persist_state = PersistState();
    const char* persist = persist_state == "granted" ? T("storage_persistent")
                        : persist_state == "denied"  ? T("storage_best_effort")
                                                     : T("storage_unknown");
    ImGui::SameLine();
    if (StorageUsageBytes() >= 0) {
      ImGui::TextDisabled(T("storage"), persist, StorageUsageBytes() / (1024.0 * 1024.0));
    } else {
      ImGui::TextDisabled("%s", persist);
    }
  }
  // A running sync shows how far it got, on every screen.
  const SyncProgress& progress = app.sync_progress();
  if (progress.phase != SyncProgress::kIdle) {
    float f = progress.Fraction();
    std::string label =
        progress.phase == SyncProgress::kSending
            ? Tf("progress_sending", static_cast<int>(progress.sent), static_cast<int>(progress.to_send))
            : Tf("progress_receiving", static_cast<int>(progress.received));
    ImGui::ProgressBar(f < 0 ? 0.5f : f, ImVec2(-1, 24), label.c_str());
    TestMarkItem("progress");
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

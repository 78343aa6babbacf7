// Log in (online, once): afterwards the app starts offline for the same user.
#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"

namespace kinerja::web {

void DrawLoginScreen(App& app) {
  static char username[64] = "";
  static char password[128] = "";
  ImGui::Spacing();
  ImGui::TextUnformatted(T("login_heading"));
  ImGui::TextDisabled("%s", T("login_needs_network"));
  ImGui::PushItemWidth(360);
  ImGui::TextUnformatted(T("username"));
  ImGui::InputText("##username", username, sizeof username);
  TestMarkItem("login.username");
  ImGui::TextUnformatted(T("password"));
  bool enter = ImGui::InputText("##password", password, sizeof password,
                                ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  SoftKeyboardNoteField(ImGuiInputTextFlags_Password);
  TestMarkItem("login.password");
  ImGui::PopItemWidth();
  ImGui::Spacing();
  ImGui::BeginDisabled(app.busy());
  if (ImGui::Button(T("login"), ImVec2(360, 56)) || enter) {
    app.Login(username, password);
    password[0] = '\0';
  }
  TestMarkItem("login.submit");
  ImGui::EndDisabled();
}

}  // namespace kinerja::web

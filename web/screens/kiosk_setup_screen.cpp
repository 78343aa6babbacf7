// Kiosk set-up (enumerator): choose the unit and the service the survey is for, set a PIN,
// and lock the tablet into kiosk mode for citizens at the counter.
#include <cstdio>
#include <string>

#include "imgui.h"
#include "shared/wire/limits.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {

void DrawKioskSetupScreen(App& app) {
  static int unit = 0;
  static char service[wire::kMaxServiceChars * wire::kMaxUtf8Bytes + 1] = "";
  static char pin[8] = "";
  static char pin_again[8] = "";
  static bool prefilled = false;
  if (!prefilled) {
    std::snprintf(service, sizeof service, "%s", app.kiosk().service.c_str());
    prefilled = true;
  }
  const auto& units = app.kiosk_units();
  if (unit >= static_cast<int>(units.size())) unit = 0;

  Heading(T("kiosk_setup_heading"));
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", T("kiosk_setup_help"));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();

  ImGui::TextUnformatted(T("kiosk_unit"));
  for (int i = 0; i < static_cast<int>(units.size()); ++i) {
    const auto& u = units[static_cast<size_t>(i)];
    std::string id = "##unit" + std::to_string(i);
    if (i > 0) ImGui::SameLine();
    if (BigChoice(id.c_str(), u.id.c_str(), unit == i, ImVec2(200, 56))) unit = i;
    TestMarkItem(("kiosk_setup.unit." + u.id).c_str());
  }
  if (units.empty()) ImGui::TextDisabled("%s", T("kiosk_no_unit"));

  ImGui::PushItemWidth(420);
  ImGui::TextUnformatted(T("kiosk_service"));
  ImGui::InputTextWithHint("##service", T("kiosk_service_hint"), service, sizeof service);
  TestMarkItem("kiosk_setup.service");
  ImGui::TextUnformatted(T("kiosk_pin"));
  ImGui::InputText("##pin", pin, sizeof pin,
                   ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
  SoftKeyboardNoteField(ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
  TestMarkItem("kiosk_setup.pin");
  ImGui::TextUnformatted(T("kiosk_pin_again"));
  ImGui::InputText("##pin_again", pin_again, sizeof pin_again,
                   ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
  SoftKeyboardNoteField(ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
  TestMarkItem("kiosk_setup.pin_again");
  ImGui::PopItemWidth();
  ImGui::Spacing();

  if (ImGui::Button(T("kiosk_start"), ImVec2(420, 64))) {
    if (app.StartKiosk(static_cast<size_t>(unit), service, pin, pin_again)) {
      pin[0] = pin_again[0] = '\0';
    }
  }
  TestMarkItem("kiosk_setup.start");
  if (app.pending() > 0) {
    ImGui::TextDisabled(T("kiosk_pending_hint"), static_cast<int>(app.pending()));
  }
}

}  // namespace kinerja::web

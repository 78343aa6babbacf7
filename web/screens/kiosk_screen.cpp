// The SKM kiosk (PermenPANRB 14/2017): a citizen answers the nine unsur by tapping large
// buttons; no name, NIK or phone is asked. Answering a question scrolls to the next one; the
// submit button works once all nine are answered, then a thank-you shows and the form starts
// over. Leaving kiosk mode needs the enumerator's PIN.
#include <cstdio>
#include <string>

#include "engine/survey/skm.h"
#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

// The PIN prompt in the header; open while the enumerator is leaving kiosk mode.
void DrawExit(App& app) {
  static bool asking = false;
  static char pin[8] = "";
  if (!asking) {
    ImGui::SameLine(ImGui::GetWindowWidth() - 190);
    if (ImGui::Button(T("kiosk_exit"), ImVec2(170, 0))) asking = true;
    TestMarkItem("kiosk.exit");
    return;
  }
  ImGui::TextUnformatted(T("kiosk_enter_pin"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(160);
  bool enter = ImGui::InputText("##exit_pin", pin, sizeof pin,
                                ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal |
                                    ImGuiInputTextFlags_EnterReturnsTrue);
  SoftKeyboardNoteField(ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
  TestMarkItem("kiosk.pin");
  ImGui::SameLine();
  if (ImGui::Button(T("kiosk_pin_ok"), ImVec2(120, 0)) || enter) {
    if (app.LeaveKiosk(pin)) asking = false;
    pin[0] = '\0';
  }
  TestMarkItem("kiosk.pin_ok");
  ImGui::SameLine();
  if (ImGui::Button(T("cancel"), ImVec2(120, 0))) {
    asking = false;
    pin[0] = '\0';
  }
  TestMarkItem("kiosk.pin_cancel");
}

void DrawThanks(App& app) {
  ImGui::Dummy(ImVec2(0, 60));
  Heading(T("kiosk_thanks"), 1.6f);
  ImGui::TextUnformatted(T("kiosk_thanks_sub"));
  ImGui::Spacing();
  if (ImGui::Button(T("kiosk_next"), ImVec2(360, 80))) app.NextRespondent();
  TestMarkItem("kiosk.next");
}

}  // namespace

void DrawKioskScreen(App& app) {
  static int scroll_to = -1;  // question to bring into view next frame; kSkmQuestions = submit
  Heading(T("kiosk_heading"));
  ImGui::SameLine();
  ImGui::TextDisabled("%s - %s", app.kiosk().unit_id.c_str(), app.kiosk().service.c_str());
  DrawExit(app);
  ImGui::Separator();
  if (app.showing_thanks()) {
    DrawThanks(app);
    scroll_to = 0;
    return;
  }

  const auto& scheme = Permenpanrb14Of2017Scheme();
  const auto& answers = app.survey_answers();
  ImGui::BeginChild("survey", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", T("kiosk_intro"));
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - 3 * spacing) / 4;
  for (int q = 0; q < kSkmQuestions && q < static_cast<int>(scheme.unsur.size()); ++q) {
    const auto& unsur = scheme.unsur[static_cast<size_t>(q)];
    ImGui::Spacing();
    if (scroll_to == q) {
      ImGui::SetScrollHereY(0.1f);
      scroll_to = -1;
    }
    char key[16];
    std::snprintf(key, sizeof key, "skm_q%d", q + 1);
    ImGui::Text("%d. %s", q + 1, T(key));
    ImGui::TextDisabled("(%s)", unsur.name.c_str());
    for (int a = 1; a <= 4; ++a) {
      if (a > 1) ImGui::SameLine();
      std::string id = "##q" + std::to_string(q + 1) + "a" + std::to_string(a);
      bool chosen = answers[static_cast<size_t>(q)] == a;
      if (BigChoice(id.c_str(), unsur.labels[static_cast<size_t>(a - 1)].c_str(), chosen,
                    ImVec2(width, 76))) {
        app.SetSurveyAnswer(q, a);
        int next = q + 1;
        while (next < kSkmQuestions && app.survey_answers()[static_cast<size_t>(next)] > 0) ++next;
        scroll_to = next;
      }
      TestMarkItem(("kiosk.q" + std::to_string(q + 1) + ".a" + std::to_string(a)).c_str());
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  ImGui::Separator();
  if (scroll_to == kSkmQuestions) {
    ImGui::SetScrollHereY(0.5f);
    scroll_to = -1;
  }
  int answered = 0;
  for (int a : answers) answered += a > 0 ? 1 : 0;
  ImGui::Text(T("kiosk_answered"), answered, kSkmQuestions);
  ImGui::BeginDisabled(!app.SurveyComplete());
  if (ImGui::Button(T("kiosk_submit"), ImVec2(360, 80))) {
    if (app.SubmitSurvey()) ImGui::SetScrollY(0);
  }
  TestMarkItem("kiosk.submit");
  ImGui::EndDisabled();
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace kinerja::web

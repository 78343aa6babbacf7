// Keberatan (the atasan pejabat penilai; HR sees all): the objections routed to her, open ones
// first with their window, and the one she opens beside the list: the result objected to, both
// sides side by side (the employee's reason, the appraiser's comments), and her decision:
// uphold with new ratings and a live predikat, or reject, always with a reason. Sending asks
// for confirmation; the decision is final. Works offline: it is queued until a sync.
#include <cstdio>
#include <string>

#include "engine/appraisal/levels.h"
#include "imgui.h"
#include "shared/wire/limits.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/rating_row.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

char g_decision_reason[wire::kTextFieldBytes] = "";
std::string g_reason_for;  // the case the typed reason belongs to

const char* RatingText(const Template& t, int rating) {
  return rating < 0 ? "-" : RatingName(t, static_cast<Rating>(rating)).c_str();
}

// The display name of a predikat code ("sangat_baik"); the code when unknown.
std::string PredikatText(const Template& t, const std::string& code) {
  auto p = ParsePredikat(t, code, "predikat");
  return p.ok() ? PredikatName(t, *p) : code;
}

const char* StatusText(const ObjectionCase& c) {
  if (!c.decided) return T("objection_waiting");
  return c.outcome == "upheld" ? T("objection_upheld") : T("objection_rejected");
}

void WindowLine(const ObjectionCase& c) {
  if (c.deadline.empty()) return;
  auto left = WindowDaysLeft(c, NowUnixSeconds());
  if (left && *left >= 0) {
    ImGui::TextDisabled(T("objection_window_left"), c.deadline.c_str(), static_cast<int>(*left));
  } else {
    ImGui::TextDisabled(T("objection_window_closed"), c.deadline.c_str());
  }
}

void DrawList(App& app, float width) {
  ImGui::BeginChild("objection_list", ImVec2(width, 0), true);
  const auto& cases = app.objections();
  const ObjectionCase* open = app.selected_objection();
  for (size_t i = 0; i < cases.size(); ++i) {
    const ObjectionCase& c = cases[i];
    ImGui::PushID(static_cast<int>(i));
    const bool selected = open && open->response_id == c.response_id;
    char label[512];
    std::snprintf(label, sizeof label, "%s\n%s - %s", c.employee_name.c_str(), c.period.c_str(),
                  StatusText(c));
    if (ImGui::Selectable(label, selected, 0, ImVec2(0, 64))) app.SelectObjection(i);
    TestMarkItem(("objections.case." + c.response_id).c_str());
    ImGui::PopID();
    if (!c.decided) WindowLine(c);
    ImGui::Separator();
  }
  DragToScroll();
  ImGui::EndChild();
}

// Both sides, side by side: what the employee says and what the appraiser wrote.
void DrawBothSides(const ObjectionCase& c) {
  if (!ImGui::BeginTable("both_sides", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
    return;
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  Heading(T("objection_employee_side"), 1.0f);
  ImGui::TextWrapped("%s", c.reason.c_str());
  TestMarkItem("objections.reason_of_employee");
  ImGui::TableNextColumn();
  Heading(T("objection_appraiser_side"), 1.0f);
  ImGui::TextWrapped("%s", c.appraiser_comments.empty() ? T("objection_no_comments")
                                                        : c.appraiser_comments.c_str());
  TestMarkItem("objections.appraiser_comments");
  ImGui::EndTable();
}

void DrawDecided(const Template& t, const ObjectionCase& c) {
  Heading(T("decision_heading"), 1.1f);
  ImGui::PushTextWrapPos(0);
  ImGui::Text(T("decision_is"), StatusText(c), c.decision_reason.c_str());
  if (c.outcome == "upheld" && !c.predikat_after_code.empty()) {
    ImGui::Text(T("decision_predikat_after"), PredikatText(t, c.predikat_after_code).c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::TextDisabled("%s - %s", c.decision_sent ? T("sent") : T("not_sent"), T("decision_final"));
  TestMarkItem("objections.decided");
}

void DrawDecisionForm(App& app, const Template& t, const ObjectionCase& c) {
  DecisionForm& f = app.decision();
  if (g_reason_for != c.response_id) {  // a reason typed for another case does not carry over
    g_decision_reason[0] = '\0';
    g_reason_for = c.response_id;
  }
  Heading(T("decision_heading"), 1.1f);
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (BigChoice("##uphold", T("decision_uphold"), f.outcome == kUpheld, ImVec2(half, 64))) {
    f.outcome = kUpheld;
  }
  TestMarkItem("objections.uphold");
  ImGui::SameLine();
  if (BigChoice("##reject", T("decision_reject"), f.outcome == kRejected, ImVec2(half, 64))) {
    f.outcome = kRejected;
  }
  TestMarkItem("objections.reject");
  if (f.outcome == kUpheld) {
    const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    ImGui::TextUnformatted(T("rating_hasil_kerja"));
    RatingRow(t, "objections.hasil", &f.hasil, third);
    ImGui::TextUnformatted(T("rating_perilaku_label"));
    RatingRow(t, "objections.perilaku", &f.perilaku, third);
    auto after = DecidedPredikat(f, t);
    std::string name = after ? PredikatName(t, *after) : "-";
    char line[256];
    std::snprintf(line, sizeof line, T("decision_new_predikat"), name.c_str());
    Heading(line, 1.2f);
    TestMarkItem("objections.new_predikat");
  }
  ImGui::TextUnformatted(T("decision_reason"));
  LimitedTextField("##decision_reason", "objections.reason", g_decision_reason,
                   sizeof g_decision_reason, wire::kMaxTextChars, ImVec2(-1, 110));
  if (ImGui::Button(T("decision_send"), ImVec2(300, 56))) ImGui::OpenPopup("###decision_confirm");
  TestMarkItem("objections.send");
  std::string title = std::string(T("confirm_title")) + "###decision_confirm";
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(520);
    ImGui::TextUnformatted(T("decision_confirm"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(T("decision_send"), ImVec2(250, 56))) {
      if (app.SendDecision(g_decision_reason)) g_decision_reason[0] = '\0';
      ImGui::CloseCurrentPopup();
    }
    TestMarkItem("objections.confirm");
    ImGui::SameLine();
    if (ImGui::Button(T("cancel"), ImVec2(250, 56))) ImGui::CloseCurrentPopup();
    TestMarkItem("objections.cancel");
    ImGui::EndPopup();
  }
}

void DrawCase(App& app, const Template& t, const ObjectionCase& c) {
  ImGui::BeginChild("objection_case", ImVec2(0, 0), false);
  char title[512];
  std::snprintf(title, sizeof title, "%s - %s", c.employee_name.c_str(), c.period.c_str());
  Heading(title, 1.2f);
  ImGui::PushTextWrapPos(0);
  ImGui::Text(T("objection_result"), PredikatText(t, c.predikat_code).c_str(), RatingText(t, c.hasil),
              RatingText(t, c.perilaku));
  ImGui::PopTextWrapPos();
  TestMarkItem("objections.result");
  WindowLine(c);
  ImGui::Spacing();
  DrawBothSides(c);
  ImGui::Spacing();
  ImGui::Separator();
  if (c.decided) {
    DrawDecided(t, c);
  } else if (app.CanDecide(c)) {
    DrawDecisionForm(app, t, c);
  } else {
    ImGui::TextDisabled(T("decided_by_atasan"), c.atasan_id.c_str());
  }
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace

void DrawObjectionsScreen(App& app) {
  if (BackButton("objections.back")) {
    app.Back();
    return;
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(T("objections_heading"));
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", app.IsHrSession() ? T("objections_hr_help") : T("objections_atasan_help"));
  ImGui::PopTextWrapPos();
  const Template* t = app.appraisal_template();
  if (!t || app.objections().empty()) {
    ImGui::TextDisabled("%s", T("objections_none"));
    return;
  }
  const float list_width = ImGui::GetContentRegionAvail().x * 0.36f;
  DrawList(app, list_width);
  ImGui::SameLine();
  if (const ObjectionCase* c = app.selected_objection()) {
    DrawCase(app, *t, *c);
  } else {
    ImGui::TextDisabled("%s", T("objection_choose"));
  }
}

}  // namespace kinerja::web

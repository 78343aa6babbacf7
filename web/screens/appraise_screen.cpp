// Penilaian SKP (PermenPANRB 6/2022) for one employee: IKI rows, rating hasil kerja, the
// seven BerAKHLAK values with their panduan perilaku, and comments. The predikat shown is the
// engine's, recomputed on every edit; drafts save themselves. Kirim (submit) and Tandatangani
// (sign off) each ask for confirmation; after submitting the form is read-only.
#include <cstdio>
#include <string>

#include "engine/appraisal/levels.h"
#include "imgui.h"
#include "shared/wire/limits.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/iki_editor.h"
#include "web/screens/screens.h"
#include "web/screens/self_beside.h"
#include "web/widgets/compare_cell.h"
#include "web/widgets/rating_row.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

const char* StatusText(const std::string& status) {
  if (status == "submitted") return T("status_submitted");
  if (status == "signed_off") return T("status_signed_off");
  return T("status_draft");
}

void DrawIndicators(App& app, AppraisalForm& f) {
  Heading(T("hasil_kerja"), 1.1f);
  if (EditIndicators("iki", "appraise", f)) app.AppraisalEdited();
}

void DrawRatings(App& app, AppraisalForm& f, const Template& t) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  // Narrower when the employee's self-assessment sits beside (web/screens/self_beside.cpp).
  const float width = SelfBesidePresent(app) ? CompareButtonsWidth()
                                             : (ImGui::GetContentRegionAvail().x - 2 * spacing) / 3;
  ImGui::Spacing();
  Heading(T("rating_hasil_kerja"), 1.1f);
  if (!app.appraisal_score().suggestion.empty()) {
    ImGui::TextDisabled(T("suggestion"), app.appraisal_score().suggestion.c_str());
  }
  if (RatingRow(t, "appraise.hasil", &f.rating_hasil_kerja, width)) app.AppraisalEdited();
  DrawSelfBesideCell(app, t, 0, f.rating_hasil_kerja);

  BehaviourSection(t, f, [&](size_t i, const BehaviourValue& v) {
    if (RatingRow(t, "appraise.value." + v.code, &f.value_ratings[i], width)) app.AppraisalEdited();
    DrawSelfBesideCell(app, t, i + 1, f.value_ratings[i]);
  });
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted(T("comments"));
  if (LimitedTextField("##comments", "appraise.comments", f.comments, sizeof f.comments,
                       wire::kMaxTextChars, ImVec2(-1, 120))) {
    app.AppraisalEdited();
  }
}

// The fixed header: title, the engine's live result, save state, Kirim / Tandatangani.
void DrawHeader(App& app, AppraisalForm& f) {
  if (BackButton("appraise.back")) {
    app.Back();
    return;
  }
  ImGui::SameLine();
  ImGui::Text(T("appraise_heading"), f.employee_name.c_str(), f.period.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("[%s]", StatusText(f.status));

  const AppraisalScore& s = app.appraisal_score();
  if (s.ok) {
    char line[160];
    std::snprintf(line, sizeof line, T("predikat"), s.predikat.c_str());
    Heading(line, 1.4f);
    TestMarkItem("appraise.predikat");
    ImGui::SameLine();
    ImGui::TextDisabled(T("rating_perilaku"), s.rating_perilaku.c_str());
  } else {
    ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - 260);
    ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.1f, 1), "%s", NotScoredText(s).c_str());
    ImGui::PopTextWrapPos();
  }
  DrawSelfBesideSummary(app);
  if (!f.read_only()) {
    DraftStatus(app.appraisal_draft());
  }
  const bool submit = f.status == "draft";
  if (f.status != "signed_off") {
    ImGui::SameLine(ImGui::GetWindowWidth() - 250);
    ImGui::BeginDisabled(!s.ok);
    if (ImGui::Button(submit ? T("submit") : T("sign_off"), ImVec2(230, 52))) {
      ImGui::OpenPopup("###confirm");
    }
    TestMarkItem(submit ? "appraise.submit" : "appraise.signoff");
    ImGui::EndDisabled();
  } else {
    ImGui::TextDisabled("%s", T("read_only_signed"));
  }
  std::string title = std::string(T("confirm_title")) + "###confirm";
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(520);
    ImGui::TextUnformatted(submit ? T("confirm_submit") : T("confirm_sign_off"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(submit ? T("submit") : T("sign_off"), ImVec2(220, 56))) {
      if (submit) {
        app.SubmitAppraisal();
      } else {
        app.SignOffAppraisal();
      }
      ImGui::CloseCurrentPopup();
    }
    TestMarkItem("appraise.confirm");
    ImGui::SameLine();
    if (ImGui::Button(T("cancel"), ImVec2(220, 56))) {
      ImGui::CloseCurrentPopup();
    }
    TestMarkItem("appraise.cancel");
    ImGui::EndPopup();
  }
}

}  // namespace

void DrawAppraiseScreen(App& app) {
  const Template* t = app.appraisal_template();
  if (!t) return;
  AppraisalForm& f = app.appraisal();
  DrawHeader(app, f);
  if (app.screen() != Screen::kAppraise) return;  // Back was tapped
  ImGui::Separator();
  TestMarkItem("appraise.header_end");  // tests scroll the area below it
  ImGui::BeginChild("appraisal", ImVec2(0, 0), false);
  DrawSelfBesideResponse(app);
  ImGui::BeginDisabled(f.read_only());
  DrawIndicators(app, f);
  ImGui::EndDisabled();
  DrawSelfBesideIndicators(app);  // hers, read-only but never faded
  ImGui::BeginDisabled(f.read_only());
  DrawRatings(app, f, *t);
  ImGui::EndDisabled();
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace kinerja::web

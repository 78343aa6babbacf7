// Penilaian saya (the employee's home screen): her self-assessment for the period (IKI
// realisasi, rating hasil kerja, the seven BerAKHLAK values with their panduan perilaku),
// scored live by the engine and autosaved; beside each item the supervisor's rating once he
// has submitted it, marked where the two differ; and her response: accept, or object with a
// reason, once the supervisor has signed off and, for an objection, within its 14 days (the
// deadline and the days left are shown). Submitting and responding each ask for confirmation
// and are final.
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
#include "web/widgets/compare_cell.h"
#include "web/widgets/rating_row.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

char g_reason[wire::kTextFieldBytes] = "";

const char* RatingText(const Template& t, int rating) {
  return rating < 0 ? T("not_rated") : RatingName(t, static_cast<Rating>(rating)).c_str();
}

// Her rating of one item with the supervisor's beside (or below) it.
void ComparedItem(App& app, const Template& t, const std::string& code, int* mine, int theirs) {
  MyAppraisal& m = app.my();
  ImGui::BeginDisabled(m.self.read_only());
  if (RatingRow(t, "my." + code, mine, CompareButtonsWidth())) app.SelfAssessmentEdited();
  ImGui::EndDisabled();
  if (!m.supervisor.present) return;
  CompareCellPlacement();
  bool differs = *mine >= 0 && theirs >= 0 && *mine != theirs;
  CompareCell(("my.sup." + code).c_str(), T("cell_supervisor"), RatingText(t, theirs), differs,
              ImVec2(0, 56));
}

void DrawSummary(App& app, const Template& t) {
  const MyAppraisal& m = app.my();
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  std::string mine = m.self_score.ok ? m.self_score.predikat : T("not_scored_yet");
  CompareCell("my.self.predikat", T("by_me"), mine.c_str(), false, ImVec2(half, 64));
  ImGui::SameLine();
  if (!m.supervisor.present) {
    CompareCell("my.sup.predikat", T("by_supervisor"), T("supervisor_not_yet"), false, ImVec2(half, 64));
    return;
  }
  const AppraisalScore& s = m.supervisor.score;
  bool differs = m.self_score.ok && s.ok && m.self_score.predikat_code != s.predikat_code;
  CompareCell("my.sup.predikat", T("by_supervisor"), s.ok ? s.predikat.c_str() : "-", differs,
              ImVec2(half, 64));
  size_t n = DifferingItems(m.self, m.supervisor.form, t).size();
  if (n > 0) {
    ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), T("differences_count"), static_cast<int>(n));
  } else {
    ImGui::TextDisabled("%s", T("differences_none"));
  }
  if (m.supervisor.form.comments[0]) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s: %s", T("comments"), m.supervisor.form.comments);
    ImGui::PopTextWrapPos();
  }
}

void DrawResponse(App& app) {
  const MyAppraisal& m = app.my();
  if (!m.supervisor.present) return;
  ImGui::Spacing();
  Heading(T("response_heading"), 1.1f);
  if (m.response.present) {
    ImGui::PushTextWrapPos(0);
    if (m.response.decision == "accept") {
      ImGui::TextUnformatted(T("response_is_accept"));
    } else {
      ImGui::Text(T("response_is_object"), m.response.reason.c_str());
    }
    ImGui::PopTextWrapPos();
    TestMarkItem("my.response.shown");
    if (!m.response.decided.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::Text(T(m.response.decided == "upheld" ? "objection_decided_upheld" : "objection_decided_rejected"),
                  m.response.decided_reason.c_str());
      ImGui::PopTextWrapPos();
      TestMarkItem("my.response.decided");
    }
    ImGui::TextDisabled("%s - %s", m.response.sent ? T("sent") : T("not_sent"), T("response_final"));
    return;
  }
  // A response answers a signed-off result; an objection only within its 14 days.
  const ObjectionWindow window = ObjectionWindowOf(m.supervisor, NowUnixSeconds());
  ImGui::PushTextWrapPos(0);
  if (!window.signed_off) {
    ImGui::TextDisabled("%s", T("response_after_signoff"));
    ImGui::PopTextWrapPos();
    TestMarkItem("my.response.wait");
    return;
  }
  if (!window.deadline.empty()) {
    if (window.open) {
      ImGui::Text(T("objection_days_left"), window.deadline.c_str(), static_cast<int>(window.days_left));
    } else {
      ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), T("objection_closed"), window.deadline.c_str());
    }
    TestMarkItem("my.objection.window");
  }
  ImGui::PopTextWrapPos();
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ImGui::Button(T("response_accept"), ImVec2(w, 56))) ImGui::OpenPopup("###accept");
  TestMarkItem("my.accept");
  ImGui::SameLine();
  ImGui::BeginDisabled(!window.open);
  if (ImGui::Button(T("response_object"), ImVec2(w, 56))) ImGui::OpenPopup("###object");
  ImGui::EndDisabled();
  TestMarkItem("my.object");

  std::string accept_title = std::string(T("confirm_title")) + "###accept";
  if (ImGui::BeginPopupModal(accept_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(520);
    ImGui::TextUnformatted(T("confirm_accept"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(T("response_accept"), ImVec2(250, 56))) {
      app.RespondToAppraisal(true, "");
      ImGui::CloseCurrentPopup();
    }
    TestMarkItem("my.accept.confirm");
    ImGui::SameLine();
    if (ImGui::Button(T("cancel"), ImVec2(250, 56))) ImGui::CloseCurrentPopup();
    TestMarkItem("my.accept.cancel");
    ImGui::EndPopup();
  }
  std::string object_title = std::string(T("response_object")) + "###object";
  if (ImGui::BeginPopupModal(object_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(560);
    ImGui::TextUnformatted(T("objection_help"));
    ImGui::PopTextWrapPos();
    ImGui::TextUnformatted(T("objection_reason"));
    LimitedTextField("##reason", "my.object.reason", g_reason, sizeof g_reason, wire::kMaxTextChars,
                     ImVec2(560, 140));
    if (ImGui::Button(T("send_objection"), ImVec2(275, 56))) {
      if (app.RespondToAppraisal(false, g_reason)) {
        g_reason[0] = '\0';
        ImGui::CloseCurrentPopup();
      }
    }
    TestMarkItem("my.object.send");
    ImGui::SameLine();
    if (ImGui::Button(T("cancel"), ImVec2(275, 56))) ImGui::CloseCurrentPopup();
    TestMarkItem("my.object.cancel");
    if (app.message_is_error() && !app.message().empty()) {
      ImGui::TextColored(ImVec4(0.9f, 0.3f, 0.2f, 1), "%s", app.message().c_str());
    }
    ImGui::EndPopup();
  }
}

void DrawMyIndicators(App& app) {
  MyAppraisal& m = app.my();
  AppraisalForm& f = m.self;
  Heading(T("hasil_kerja"), 1.1f);
  ImGui::BeginDisabled(f.read_only());
  bool edited = EditIndicators("my_iki", "my", f);
  ImGui::EndDisabled();
  if (edited) app.SelfAssessmentEdited();

  // The supervisor's indicators, read-only; a realisasi that differs from hers is marked.
  if (!m.supervisor.present) return;
  ImGui::Spacing();
  ImGui::TextDisabled("%s", T("supervisor_iki"));
  const auto& theirs = m.supervisor.form.rows;
  if (ImGui::BeginTable("sup_iki", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("iki"), ImGuiTableColumnFlags_WidthStretch, 5);
    ImGui::TableSetupColumn(T("target"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(T("realisasi"), ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < theirs.size(); ++i) {
      bool differs = i < f.rows.size() && f.rows[i].realisasi[0] && theirs[i].realisasi[0] &&
                     std::string(f.rows[i].realisasi) != theirs[i].realisasi;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", theirs[i].iki);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(theirs[i].target);
      ImGui::TableNextColumn();
      if (differs) {
        ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s  != %s", theirs[i].realisasi,
                           f.rows[i].realisasi);
      } else {
        ImGui::TextUnformatted(theirs[i].realisasi);
      }
      TestMarkItem(("my.sup.row" + std::to_string(i)).c_str());
    }
    ImGui::EndTable();
  }
}

void DrawMyRatings(App& app, const Template& t) {
  MyAppraisal& m = app.my();
  AppraisalForm& f = m.self;
  const AppraisalForm& s = m.supervisor.form;
  ImGui::Spacing();
  Heading(T("rating_hasil_kerja"), 1.1f);
  if (!m.self_score.suggestion.empty()) {
    ImGui::TextDisabled(T("suggestion"), m.self_score.suggestion.c_str());
  }
  ComparedItem(app, t, "hasil", &f.rating_hasil_kerja, s.rating_hasil_kerja);
  BehaviourSection(t, f, [&](size_t i, const BehaviourValue& v) {
    int theirs = i < s.value_ratings.size() ? s.value_ratings[i] : -1;
    ComparedItem(app, t, "value." + v.code, &f.value_ratings[i], theirs);
  });
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted(T("self_comments"));
  ImGui::BeginDisabled(f.read_only());
  if (LimitedTextField("##comments", "my.comments", f.comments, sizeof f.comments,
                       wire::kMaxTextChars, ImVec2(-1, 120))) {
    app.SelfAssessmentEdited();
  }
  ImGui::EndDisabled();
}

// The fixed header: title and status, save state, Kirim with its confirmation.
void DrawHeader(App& app) {
  MyAppraisal& m = app.my();
  const AppraisalForm& f = m.self;
  ImGui::Text(T("my_appraisal_heading"), f.period.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("[%s]", f.read_only() ? T("self_status_submitted") : T("status_draft"));
  const bool queue = !app.queue_units().empty();  // an officer of a unit that keeps a queue log
  ImGui::SameLine(ImGui::GetWindowWidth() - (queue ? 520 : 260));
  if (ImGui::Button(T("competency_mine_open"), ImVec2(240, 52))) {
    app.OpenMyCompetency();
    if (app.screen() != Screen::kMyAppraisal) return;
  }
  TestMarkItem("my.competency");
  if (queue) {
    ImGui::SameLine(ImGui::GetWindowWidth() - 260);
    if (ImGui::Button(T("queue_open"), ImVec2(240, 52))) {
      app.OpenQueue();
      return;
    }
    TestMarkItem("my.queue");
  }
  if (f.read_only()) {
    ImGui::TextDisabled("%s", T("self_read_only"));
    return;
  }
  if (!m.self_score.ok) {
    ImGui::PushTextWrapPos(ImGui::GetWindowWidth() - 300);
    ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.1f, 1), "%s", NotScoredText(m.self_score).c_str());
    ImGui::PopTextWrapPos();
  } else {
    ImGui::TextDisabled("%s", m.dirty              ? T("draft_unsaved")
                              : m.saved_at.empty() ? T("draft_new")
                                                   : T("draft_saved"));
  }
  ImGui::SameLine(ImGui::GetWindowWidth() - 290);
  ImGui::BeginDisabled(!m.self_score.ok);
  if (ImGui::Button(T("self_submit"), ImVec2(270, 52))) ImGui::OpenPopup("###self_confirm");
  TestMarkItem("my.submit");
  ImGui::EndDisabled();
  std::string title = std::string(T("confirm_title")) + "###self_confirm";
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(520);
    ImGui::TextUnformatted(T("confirm_self_submit"));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(T("self_submit"), ImVec2(250, 56))) {
      app.SubmitSelfAssessment();
      ImGui::CloseCurrentPopup();
    }
    TestMarkItem("my.confirm");
    ImGui::SameLine();
    if (ImGui::Button(T("cancel"), ImVec2(250, 56))) ImGui::CloseCurrentPopup();
    TestMarkItem("my.cancel");
    ImGui::EndPopup();
  }
}

}  // namespace

void DrawMyAppraisalScreen(App& app) {
  const Template* t = app.appraisal_template();
  if (!t || app.my().self.employee_id.empty()) {
    ImGui::TextDisabled("%s", T("my_no_employee"));
    return;
  }
  DrawHeader(app);
  ImGui::Separator();
  TestMarkItem("my.header_end");  // tests scroll the area below it
  ImGui::BeginChild("my_appraisal", ImVec2(0, 0), false);
  DrawSummary(app, *t);
  DrawResponse(app);
  ImGui::Spacing();
  ImGui::Separator();
  Heading(T("my_self_heading"), 1.25f);
  DrawMyIndicators(app);
  DrawMyRatings(app, *t);
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace kinerja::web

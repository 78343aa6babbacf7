// The competency assessment form: conversions between the form, the record body and the
// engine's input, plus the App actions that open, autosave and submit an assessment.
#include "web/app/competency_form.h"

#include "engine/competency/position_assessment.h"
#include "engine/sync/ids.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"

namespace kinerja::web {
namespace {


}  // namespace

Result<CompetencyForm> NewCompetencyForm(const Json& position_body, const std::string& employee_id,
                                         const std::string& employee_name,
                                         const std::string& period) {
  KINERJA_ASSIGN_OR_RETURN(auto required, RequiredLevels(position_body));
  CompetencyForm f;
  f.record_id = "cmp-" + employee_id + "-" + period;
  f.employee_id = employee_id;
  f.employee_name = employee_name;
  f.period = period;
  f.position_id = position_body.value("position_id", "");
  f.position_name = position_body.value("name", f.position_id);
  f.position = position_body;
  for (const auto& r : required) f.rows.push_back({r.code, r.name, r.type, r.required_level, 0});
  return f;
}

void ApplyCompetencyBody(const Json& body, CompetencyForm* form) {
  form->status = body.value("status", "draft");
  auto assessed = body.find("assessed");
  if (assessed == body.end() || !assessed->is_object()) return;
  for (auto& row : form->rows) {
    auto it = assessed->find(row.code);
    if (it != assessed->end() && it->is_number_integer()) row.assessed = it->get<int>();
  }
}

Json CompetencyBody(const CompetencyForm& f) {
  Json assessed = Json::object();
  for (const auto& r : f.rows) {
    if (r.assessed > 0) assessed[r.code] = r.assessed;
  }
  return Json{{"employee_id", f.employee_id}, {"period", f.period}, {"position_id", f.position_id},
              {"status", f.status}, {"assessed", assessed}};
}

CompetencyScore ScoreCompetency(const CompetencyForm& f) {
  CompetencyScore s;
  auto result = ScoreCompetencyAssessment(f.position, CompetencyBody(f)["assessed"]);
  if (!result.ok()) {
    s.error = result.status().message();
    return s;
  }
  s.result = std::move(result).value();
  s.complete = s.result.value("complete", false);
  return s;
}

Result<StoredCompetency> CompetencyFromStoredBody(const Json& body, const std::string& record_id,
                                                  const std::string& employee_name,
                                                  const std::string& position_name) {
  auto result = body.find("result");
  if (!body.is_object() || result == body.end() || !result->is_object() ||
      !result->value("complete", false)) {
    return Status::InvalidArgument("competency assessment " + record_id +
                                   " has no complete result from the server");
  }
  auto gaps = result->find("gaps");
  if (gaps == result->end() || !gaps->is_array()) {
    return Status::InvalidArgument("competency assessment " + record_id + " has no gaps");
  }
  StoredCompetency out;
  CompetencyForm& f = out.form;
  f.record_id = record_id;
  f.employee_id = body.value("employee_id", "");
  f.employee_name = employee_name.empty() ? f.employee_id : employee_name;
  f.period = body.value("period", "");
  f.position_id = body.value("position_id", "");
  f.position_name = position_name.empty() ? f.position_id : position_name;
  f.status = body.value("status", "submitted");
  for (const auto& g : *gaps) {
    if (!g.is_object()) continue;
    f.rows.push_back({g.value("code", ""), g.value("name", ""), g.value("type", ""),
                      g.value("required", 0), g.value("assessed", 0)});
  }
  out.score.complete = true;
  out.score.result = *result;
  return out;
}

const Json* GapOf(const CompetencyScore& score, const std::string& code) {
  auto gaps = score.result.find("gaps");
  if (gaps == score.result.end() || !gaps->is_array()) return nullptr;
  for (const auto& g : *gaps) {
    if (g.value("code", "") == code) return &g;
  }
  return nullptr;
}

// --- App actions -------------------------------------------------------------------------------

namespace {

// The position body of an employee record, from the device's synced `position` records.
Json PositionOf(LocalStore& store, const wire::Record& employee) {
  std::string id = employee.body.value("position_id", "");
  if (id.empty()) return Json();
  auto rec = store.Get("position." + id);
  if (!rec.ok() || !rec->has_value() || (*rec)->kind != "position") return Json();
  return (*rec)->body;
}

}  // namespace

void App::OpenCompetency() {
  if (!store_ || open_employee_.empty()) return;
  const wire::Record* employee = nullptr;
  for (const auto& r : roster_) {
    if (r.id == open_employee_) employee = &r;
  }
  if (!employee) return;
  Json position = PositionOf(*store_, *employee);
  if (position.is_null()) return SetMessage(T("competency_no_position"), true);
  std::string period = org::AppraisalPeriod(NowUnixSeconds());
  auto form = NewCompetencyForm(position, open_employee_, employee->body.value("name", open_employee_),
                                period);
  if (!form.ok()) return SetMessage(form.status().message(), true);
  competency_ = std::move(form).value();
  std::string saved_at;
  auto stored = store_->List("competency_assessment", open_employee_);
  if (stored.ok()) {
    for (const auto& r : *stored) {
      if (r.body.value("period", "") != period) continue;
      competency_.record_id = r.id;
      ApplyCompetencyBody(r.body, &competency_);
      saved_at = r.updated_at;
      break;
    }
  }
  competency_score_ = ScoreCompetency(competency_);
  competency_draft_.Stored(saved_at);
  screen_ = Screen::kCompetency;
  SetMessage("", false);
}

void App::OpenMyCompetency() {
  if (!store_ || !session_ || session_->employee_id.empty()) return;
  const std::string& me = session_->employee_id;
  // This period's assessment, else the latest one (the server sends her submitted ones only).
  const std::string period = org::AppraisalPeriod(NowUnixSeconds());
  const wire::Record* chosen = nullptr;
  auto stored = store_->List("competency_assessment", me);
  if (stored.ok()) {
    for (const auto& r : *stored) {
      if (r.body.value("status", "") != "submitted") continue;
      std::string p = r.body.value("period", "");
      if (!chosen || p == period ||
          (chosen->body.value("period", "") != period && p > chosen->body.value("period", ""))) {
        chosen = &r;
      }
    }
  }
  if (!chosen) return SetMessage(T("competency_none_for_me"), false);
  std::string name = session_->display_name, position;
  for (const auto& r : roster_) {
    if (r.id == me) {
      name = r.body.value("name", name);
      position = r.body.value("position", "");
    }
  }
  auto view = CompetencyFromStoredBody(chosen->body, chosen->id, name, position);
  if (!view.ok()) return SetMessage(view.status().message(), true);
  competency_ = std::move(view->form);
  competency_score_ = std::move(view->score);
  competency_draft_.Stored(chosen->updated_at);
  screen_ = Screen::kCompetency;
  SetMessage("", false);
}

void App::SetCompetencyLevel(size_t row, int level) {
  if (competency_.read_only() || row >= competency_.rows.size() || level < 1 || level > 5) return;
  competency_.rows[row].assessed = level;
  competency_draft_.Edited(NowSeconds());
  competency_score_ = ScoreCompetency(competency_);
}

void App::TickCompetencyAutosave() {
  if (screen_ == Screen::kCompetency && competency_draft_.Due(NowSeconds())) SaveCompetency();
}

bool App::SaveCompetency() {
  if (!store_ || competency_.employee_id.empty()) return false;
  return SaveForm("competency_assessment", competency_.employee_id, CompetencyBody(competency_),
                  competency_.status == "draft", &competency_.record_id, &competency_draft_);
}

bool App::SubmitCompetency() {
  if (competency_.status != "draft") return false;
  if (!competency_score_.complete) {
    SetMessage(T("competency_incomplete"), true);
    return false;
  }
  competency_.status = "submitted";
  if (!SaveCompetency()) {
    competency_.status = "draft";
    return false;
  }
  SetMessage(T("competency_submitted"), false);
  return true;
}

void App::PublishCompetencyState(Json& j) const {
  if (screen_ != Screen::kCompetency) return;
  Json gaps = Json::object();
  for (const auto& r : competency_.rows) {
    const Json* g = GapOf(competency_score_, r.code);
    gaps[r.code] = Json{{"required", r.required}, {"assessed", r.assessed},
                        {"gap", g ? (*g)["gap"] : Json()}};
  }
  const Json& res = competency_score_.result;
  j["competency"] = {{"record_id", competency_.record_id},
                     {"employee_id", competency_.employee_id},
                     {"period", competency_.period},
                     {"position_id", competency_.position_id},
                     {"status", competency_.status},
                     {"rows", competency_.rows.size()},
                     {"dirty", competency_draft_.dirty()},
                     {"saved_at", competency_draft_.saved_at()},
                     {"complete", competency_score_.complete},
                     {"jpm", res.value("jpm", Json())},
                     {"mapping_code", res.value("mapping_code", Json())},
                     {"selection_code", res.value("selection_code", Json())},
                     {"below_required", res.value("competencies_below_required", Json())},
                     {"gaps", gaps},
                     {"error", competency_score_.error}};
}

}  // namespace kinerja::web

// The atasan's objections (App actions): load the objections routed to this session from the
// device store, open one, and queue her decision as an objection_decision record. Offline
// first like every write: the decision waits in the queue until a sync carries it, and the
// server checks it again (only the atasan, once, the result rescored by the engine).
#include "engine/appraisal/levels.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"

namespace kinerja::web {

void App::LoadObjections() {
  objections_.clear();
  if (!store_ || !session_) return;
  const bool hr = IsHrSession();
  const std::string& me = session_->employee_id;
  // Only an atasan (a supervisor in the roster) or HR decides.
  if (!hr && (session_->role != wire::Role::kSupervisor || me.empty())) return;
  if (!template_ && !LoadAppraisalTemplate()) return;
  auto responses = store_->List("appraisal_response");
  if (!responses.ok()) return;
  for (const auto& r : *responses) {
    auto c = ObjectionCaseOf(r, *template_);
    if (!c.ok()) continue;  // an acceptance
    if (!hr && c->atasan_id != me) continue;  // her own, or one her staff's appraiser decides
    if (auto d = store_->Get(DecisionId(c->response_id)); d.ok() && d->has_value()) {
      ApplyDecision(*c, **d, !RecordQueued((*d)->id), *template_);
    }
    objections_.push_back(std::move(*c));
  }
  SortCases(objections_);
  // The open decision follows its case; a case that is gone (another session) closes it.
  if (!selected_objection()) decision_ = DecisionForm{};
}

void App::OpenObjections() {
  LoadObjections();
  decision_ = DecisionForm{};
  screen_ = Screen::kObjections;
  SetMessage("", false);
}

const ObjectionCase* App::selected_objection() const {
  if (decision_.response_id.empty()) return nullptr;
  for (const auto& c : objections_) {
    if (c.response_id == decision_.response_id) return &c;
  }
  return nullptr;
}

void App::SelectObjection(size_t index) {
  if (index >= objections_.size()) return;
  decision_ = NewDecisionForm(objections_[index]);
  SetMessage("", false);
}

bool App::CanDecide(const ObjectionCase& c) const {
  if (!session_ || c.decided) return false;
  if (c.atasan_id.empty()) return IsHrSession();
  return c.atasan_id == session_->employee_id;
}

bool App::SendDecision(const std::string& reason) {
  const ObjectionCase* c = selected_objection();
  if (!store_ || !template_ || !c) return false;
  if (!CanDecide(*c)) {
    SetMessage(T(c->decided ? "decision_already" : "decision_not_yours"), true);
    return false;
  }
  auto body = DecisionBody(*c, decision_, reason, *template_);
  if (!body.ok()) {
    const std::string key = body.status().message();  // an i18n key (objection_view.h)
    SetMessage(T(key.c_str()), true);
    return false;
  }
  LocalStore::Edit edit{DecisionId(c->response_id), "objection_decision", c->employee_id,
                        c->unit_path, std::move(*body), {}};
  const bool upheld = decision_.outcome == kUpheld;
  auto change = WriteEdit(edit, NowUnixSeconds());
  if (!change.ok()) return false;
  Refresh();
  SetMessage(T(upheld ? "decision_saved_upheld" : "decision_saved_rejected"), false);
  return true;
}

void App::PublishObjectionState(Json& j) const {
  if (screen_ != Screen::kObjections && screen_ != Screen::kRoster && screen_ != Screen::kHrHome) {
    return;
  }
  Json cases = Json::array();
  const int64_t now = NowUnixSeconds();
  for (const auto& c : objections_) {
    auto left = WindowDaysLeft(c, now);
    cases.push_back({{"response_id", c.response_id}, {"employee_id", c.employee_id},
                     {"employee_name", c.employee_name}, {"predikat_code", c.predikat_code},
                     {"deadline", c.deadline}, {"days_left", left ? Json(*left) : Json()},
                     {"can_decide", CanDecide(c)}, {"decided", c.decided},
                     {"decision_sent", c.decision_sent}, {"outcome", c.outcome},
                     {"predikat_after_code", c.predikat_after_code}});
  }
  Json decision = Json::object();
  if (const ObjectionCase* c = selected_objection(); c && template_) {
    auto after = DecidedPredikat(decision_, *template_);
    decision = {{"response_id", c->response_id}, {"outcome", decision_.outcome},
                {"hasil", decision_.hasil}, {"perilaku", decision_.perilaku},
                {"predikat_code", after ? PredikatCode(*after) : ""}};
  }
  j["objections"] = {{"open", objections_open()}, {"cases", cases}, {"decision", decision}};
}

}  // namespace kinerja::web

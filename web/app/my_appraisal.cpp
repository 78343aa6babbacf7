// The employee's side: record bodies and comparisons (pure), and the App actions that open,
// autosave and submit her self-assessment, write her response, and load what the supervisor
// sees beside his own rating.
#include "web/app/my_appraisal.h"

#include "engine/appraisal/levels.h"
#include "engine/appraisal/objection.h"
#include "engine/service/timestamp.h"
#include "engine/sync/ids.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/app/objection_view.h"
#include "web/platform/platform.h"

namespace kinerja::web {
namespace {

constexpr double kAutosaveSeconds = 2.0;

bool Blank(const char* s) {
  for (; *s; ++s) {
    if (*s != ' ' && *s != '\t') return false;
  }
  return true;
}

bool NotBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }

RatingsView ViewOf(const wire::Record& r, const Template& t) {
  RatingsView v;
  v.present = true;
  v.record_id = r.id;
  v.status = r.body.value("status", "draft");
  // Appraisals signed off before the server stamped the time: their row's, as the server does.
  if (v.status == "signed_off") v.signed_off_at = r.body.value("signed_off_at", r.updated_at);
  v.form = FormFromBody(t, r.id, r.body);
  v.score = ScoreAppraisal(v.form, t);
  return v;
}

const char* ItemCode(const Template& t, size_t item) {
  return item == 0 ? "hasil" : t.behaviour_values[item - 1].code.c_str();
}

Json RatingsJson(const RatingsView& v) {
  return Json{{"present", v.present}, {"record_id", v.record_id}, {"status", v.status},
              {"ok", v.score.ok}, {"predikat_code", v.score.predikat_code}};
}

Json WindowJson(const ObjectionWindow& w) {
  return Json{{"signed_off", w.signed_off}, {"open", w.open}, {"days_left", w.days_left},
              {"deadline", w.deadline}};
}

Json ResponseJson(const ResponseView& r) {
  return Json{{"present", r.present}, {"sent", r.sent}, {"decision", r.decision},
              {"reason", r.reason}, {"decided", r.decided}};
}

Json DifferencesJson(const AppraisalForm& a, const AppraisalForm& b, const Template& t) {
  Json out = Json::array();
  for (size_t i : DifferingItems(a, b, t)) out.push_back(ItemCode(t, i));
  return out;
}

}  // namespace

std::string SelfAssessmentId(const std::string& employee_id, const std::string& period) {
  return "self-" + employee_id + "-" + period;
}

std::string ResponseId(const std::string& appraisal_id) { return "resp-" + appraisal_id; }

Json SelfAssessmentBody(const AppraisalForm& f, const Template& t) { return AppraisalBody(f, t); }

Json ResponseBody(const std::string& appraisal_id, bool accept, const std::string& reason) {
  Json body{{"appraisal_id", appraisal_id}, {"decision", accept ? "accept" : "object"}};
  if (!accept) body["reason"] = reason;
  return body;
}

ResponseView ResponseFromRecord(const wire::Record& r, bool sent) {
  ResponseView v;
  v.present = true;
  v.sent = sent;
  v.decision = r.body.value("decision", "");
  v.reason = r.body.value("reason", "");
  return v;
}

ObjectionWindow ObjectionWindowOf(const RatingsView& appraisal, int64_t now_unix) {
  ObjectionWindow w;
  if (!appraisal.present || appraisal.status != "signed_off") return w;
  w.signed_off = true;
  auto signed_off = ParseIsoTimestamp(appraisal.signed_off_at);
  if (!signed_off.ok()) {
    w.open = true;  // the server holds the time and decides; the tablet only cannot count
    return w;
  }
  w.days_left = ObjectionDaysLeft(*signed_off, now_unix);
  w.deadline = ObjectionDeadlineText(*signed_off);
  w.open = w.days_left >= 0;
  return w;
}

int ItemRating(const AppraisalForm& f, size_t item) {
  if (item == 0) return f.rating_hasil_kerja;
  return item - 1 < f.value_ratings.size() ? f.value_ratings[item - 1] : -1;
}

size_t ItemCount(const Template& t) { return 1 + t.behaviour_values.size(); }

std::vector<size_t> DifferingItems(const AppraisalForm& a, const AppraisalForm& b,
                                   const Template& t) {
  std::vector<size_t> out;
  for (size_t i = 0; i < ItemCount(t); ++i) {
    int x = ItemRating(a, i), y = ItemRating(b, i);
    if (x >= 0 && y >= 0 && x != y) out.push_back(i);
  }
  return out;
}

// --- App actions -------------------------------------------------------------------------------

bool App::RecordQueued(const std::string& record_id) {
  auto queued = store_->HasQueued(record_id);
  return queued.ok() && *queued;
}

void App::OpenMyAppraisal() {
  if (!store_ || !session_) return;
  const std::string& me = session_->employee_id;
  std::string period = org::AppraisalPeriod(NowUnixSeconds());
  my_ = MyAppraisal{};
  my_.opened_for = me + "/" + period;
  screen_ = Screen::kMyAppraisal;
  if (me.empty() || !LoadAppraisalTemplate()) return;
  std::string name = session_->display_name;
  for (const auto& r : roster_) {
    if (r.id == me) name = r.body.value("name", name);
  }
  my_.self = NewAppraisalForm(*template_, me, name, period);
  my_.self.record_id = SelfAssessmentId(me, period);
  LoadMyAppraisal();
}

void App::LoadMyAppraisal() {
  if (!store_ || !session_ || !template_ || my_.self.employee_id.empty()) return;
  const std::string me = my_.self.employee_id;
  const std::string period = my_.self.period;
  // The supervisor's rating, once submitted (the server sends nothing earlier).
  my_.supervisor = RatingsView{};
  if (auto appraisals = store_->List("appraisal", me); appraisals.ok()) {
    for (const auto& r : *appraisals) {
      std::string status = r.body.value("status", "");
      if (r.body.value("period", "") != period || (status != "submitted" && status != "signed_off")) {
        continue;
      }
      my_.supervisor = ViewOf(r, *template_);
      break;
    }
  }
  my_.response = ResponseView{};
  if (my_.supervisor.present) {
    if (auto resp = store_->Get(ResponseId(my_.supervisor.record_id)); resp.ok() && resp->has_value()) {
      my_.response = ResponseFromRecord(**resp, !RecordQueued((*resp)->id));
      if (auto d = store_->Get(DecisionId((*resp)->id)); d.ok() && d->has_value()) {
        my_.response.decided = (*d)->body.value("outcome", "");
        my_.response.decided_reason = (*d)->body.value("reason", "");
      }
    }
  }
  // Her own form: the stored copy when it changed (a pull, another device), never over edits.
  if (!my_.dirty) {
    if (auto mine = store_->Get(my_.self.record_id); mine.ok() && mine->has_value()) {
      const wire::Record& r = **mine;
      if (r.version != my_.loaded_version) {
        std::string name = my_.self.employee_name;
        my_.self = FormFromBody(*template_, r.id, r.body);
        if (my_.self.employee_name.empty()) my_.self.employee_name = name;
        my_.loaded_version = r.version;
        my_.saved_at = r.updated_at;
      }
    } else if (my_.loaded_version < 0 && my_.supervisor.present) {
      // A fresh form starts from the SKP's agreed indicators; she reports her own realisasi.
      bool blank = true;
      for (const auto& row : my_.self.rows) blank = blank && Blank(row.iki) && Blank(row.target);
      if (blank) {
        my_.self.rows.clear();
        for (const auto& row : my_.supervisor.form.rows) {
          IkiRow copy = row;
          copy.realisasi[0] = '\0';
          my_.self.rows.push_back(copy);
        }
        if (my_.self.rows.empty()) my_.self.rows.resize(1);
      }
    }
  }
  my_.self_score = ScoreAppraisal(my_.self, *template_);
}

void App::TickMyAppraisal() {
  if (screen_ != Screen::kMyAppraisal || !session_) return;
  if (my_.opened_for != session_->employee_id + "/" + org::AppraisalPeriod(NowUnixSeconds())) {
    OpenMyAppraisal();
    return;
  }
  if (my_.dirty && NowSeconds() - my_.dirty_since >= kAutosaveSeconds) SaveSelfAssessment();
}

void App::SelfAssessmentEdited() {
  if (!template_ || my_.self.read_only()) return;
  if (!my_.dirty) my_.dirty_since = NowSeconds();
  my_.dirty = true;
  my_.self_score = ScoreAppraisal(my_.self, *template_);
}

bool App::SaveSelfAssessment() {
  if (!store_ || !template_ || my_.self.employee_id.empty()) return false;
  const std::string& me = my_.self.employee_id;
  LocalStore::Edit edit{my_.self.record_id, "self_assessment", me, EmployeeUnitPath(me),
                        SelfAssessmentBody(my_.self, *template_), {}};
  edit.replace_unsent = my_.self.status == "draft";  // autosaves fold into one queued change
  int64_t now = NowUnixSeconds();
  auto change = WriteEdit(edit, now);
  if (!change.ok()) return false;
  my_.self.record_id = change->record_id;  // a new form's first save created the record
  my_.dirty = false;
  my_.saved_at = IsoUtc(now);
  Refresh();
  return true;
}

bool App::SubmitSelfAssessment() {
  if (my_.self.status != "draft") return false;
  if (!my_.self_score.ok) {
    SetMessage(T("self_incomplete"), true);
    return false;
  }
  my_.self.status = "submitted";
  if (!SaveSelfAssessment()) {
    my_.self.status = "draft";
    return false;
  }
  SetMessage(T("self_submitted"), false);
  return true;
}

bool App::RespondToAppraisal(bool accept, const std::string& reason) {
  if (!store_ || !my_.supervisor.present || my_.response.present) return false;
  const ObjectionWindow window = ObjectionWindowOf(my_.supervisor, NowUnixSeconds());
  if (!window.signed_off) {
    SetMessage(T("response_after_signoff"), true);
    return false;
  }
  if (!accept && !window.open) {
    SetMessage(T("objection_closed_message"), true);
    return false;
  }
  if (!accept && !NotBlank(reason)) {
    SetMessage(T("response_reason_needed"), true);
    return false;
  }
  const std::string& me = my_.self.employee_id;
  LocalStore::Edit edit{ResponseId(my_.supervisor.record_id), "appraisal_response", me,
                        EmployeeUnitPath(me), ResponseBody(my_.supervisor.record_id, accept, reason),
                        {}};
  auto change = WriteEdit(edit, NowUnixSeconds());
  if (!change.ok()) return false;
  Refresh();
  SetMessage(T(accept ? "response_accepted" : "response_objected"), false);
  return true;
}

void App::LoadSelfBeside() {
  self_beside_ = SelfBeside{};
  if (!store_ || !template_ || appraisal_.employee_id.empty()) return;
  if (auto selfs = store_->List("self_assessment", appraisal_.employee_id); selfs.ok()) {
    for (const auto& r : *selfs) {
      if (r.body.value("period", "") == appraisal_.period && r.body.value("status", "") == "submitted") {
        self_beside_.self = ViewOf(r, *template_);
        break;
      }
    }
  }
  if (auto resp = store_->Get(ResponseId(appraisal_.record_id)); resp.ok() && resp->has_value()) {
    self_beside_.response = ResponseFromRecord(**resp, true);
  }
}

void App::RefreshEmployeeViews() {
  if (screen_ == Screen::kMyAppraisal) LoadMyAppraisal();
  if (screen_ == Screen::kAppraise) LoadSelfBeside();
}

void App::PublishEmployeeViews(Json& j) const {
  if (!template_) return;
  if (screen_ == Screen::kMyAppraisal) {
    j["my"] = {{"self", {{"record_id", my_.self.record_id}, {"status", my_.self.status},
                         {"rows", my_.self.rows.size()}, {"dirty", my_.dirty},
                         {"saved_at", my_.saved_at}, {"ok", my_.self_score.ok},
                         {"predikat_code", my_.self_score.predikat_code},
                         {"error", my_.self_score.error}}},
               {"supervisor", RatingsJson(my_.supervisor)},
               {"differences", my_.supervisor.present
                                   ? DifferencesJson(my_.self, my_.supervisor.form, *template_)
                                   : Json::array()},
               {"response", ResponseJson(my_.response)},
               {"objection_window", WindowJson(ObjectionWindowOf(my_.supervisor, NowUnixSeconds()))}};
  }
  if (screen_ == Screen::kAppraise) {
    j["self_beside"] = {{"self", RatingsJson(self_beside_.self)},
                        {"differences", self_beside_.self.present
                                            ? DifferencesJson(appraisal_, self_beside_.self.form, *template_)
                                            : Json::array()},
                        {"response", ResponseJson(self_beside_.response)}};
  }
}

}  // namespace kinerja::web

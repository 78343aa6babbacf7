// The SKP appraisal form: conversions between the form, the engine's input JSON and the
// record body, plus the App actions that open, autosave, submit and sign off an appraisal.
#include "web/app/appraisal_form.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "engine/appraisal/appraise_json.h"
#include "engine/appraisal/builtin_templates.h"
#include "engine/appraisal/levels.h"
#include "engine/sync/ids.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/app/kiosk.h"
#include "web/platform/platform.h"

namespace kinerja::web {
namespace {

void Copy(char* dst, size_t size, const std::string& src) {
  std::snprintf(dst, size, "%s", src.c_str());
}

bool Blank(const char* s) { return s[std::strspn(s, " \t")] == '\0'; }

double Number(const char* s) {
  if (Blank(s)) return 0;
  return std::strtod(s, nullptr);
}

std::string NumberText(const Json& j) {
  if (!j.is_number()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", j.get<double>());
  return buf;
}

int RatingFromText(const Template& t, const Json& j) {
  if (!j.is_string()) return -1;
  auto r = ParseRating(t, j.get<std::string>(), "rating");
  return r.ok() ? static_cast<int>(*r) : -1;
}

}  // namespace

AppraisalForm NewAppraisalForm(const Template& t, const std::string& employee_id,
                               const std::string& employee_name, const std::string& period) {
  AppraisalForm f;
  f.record_id = "skp-" + employee_id + "-" + period;
  f.employee_id = employee_id;
  f.employee_name = employee_name;
  f.period = period;
  f.rows.resize(1);
  f.value_ratings.assign(t.behaviour_values.size(), -1);
  return f;
}

Json SkpJson(const AppraisalForm& f, const Template& t) {
  Json skp{{"template", t.id}, {"periode", f.period},
           {"pegawai", {{"id", f.employee_id}, {"nama", f.employee_name}}}};
  Json rows = Json::array();
  for (const auto& r : f.rows) {
    if (Blank(r.iki) && Blank(r.target) && Blank(r.realisasi)) continue;
    rows.push_back({{"iki", r.iki}, {"target", Number(r.target)}, {"realisasi", Number(r.realisasi)}});
  }
  if (!rows.empty()) skp["hasil_kerja"] = rows;
  if (f.rating_hasil_kerja >= 0) {
    skp["rating_hasil_kerja"] = RatingCode(static_cast<Rating>(f.rating_hasil_kerja));
  }
  Json perilaku = Json::object();
  for (size_t i = 0; i < f.value_ratings.size() && i < t.behaviour_values.size(); ++i) {
    if (f.value_ratings[i] < 0) continue;
    perilaku[t.behaviour_values[i].code] = RatingCode(static_cast<Rating>(f.value_ratings[i]));
  }
  if (!perilaku.empty()) skp["perilaku"] = perilaku;
  if (f.rating_perilaku >= 0) skp["rating_perilaku"] = RatingCode(static_cast<Rating>(f.rating_perilaku));
  return skp;
}

Json AppraisalBody(const AppraisalForm& f, const Template& t) {
  return Json{{"employee_id", f.employee_id}, {"period", f.period}, {"status", f.status},
              {"skp", SkpJson(f, t)}, {"comments", f.comments}};
}

AppraisalForm FormFromBody(const Template& t, const std::string& record_id, const Json& body) {
  AppraisalForm f;
  f.record_id = record_id;
  f.employee_id = body.value("employee_id", "");
  f.period = body.value("period", "");
  f.status = body.value("status", "draft");
  Copy(f.comments, sizeof f.comments, body.value("comments", ""));
  f.value_ratings.assign(t.behaviour_values.size(), -1);
  const Json skp = body.value("skp", Json::object());
  if (skp.contains("pegawai") && skp["pegawai"].is_object()) {
    f.employee_name = skp["pegawai"].value("nama", "");
  }
  if (skp.contains("hasil_kerja") && skp["hasil_kerja"].is_array()) {
    for (const auto& row : skp["hasil_kerja"]) {
      if (!row.is_object()) continue;
      IkiRow r;
      Copy(r.iki, sizeof r.iki, row.value("iki", ""));
      Copy(r.target, sizeof r.target, NumberText(row.value("target", Json())));
      Copy(r.realisasi, sizeof r.realisasi, NumberText(row.value("realisasi", Json())));
      f.rows.push_back(r);
    }
  }
  if (f.rows.empty()) f.rows.resize(1);
  if (skp.contains("rating_hasil_kerja")) f.rating_hasil_kerja = RatingFromText(t, skp["rating_hasil_kerja"]);
  if (skp.contains("rating_perilaku")) f.rating_perilaku = RatingFromText(t, skp["rating_perilaku"]);
  if (skp.contains("perilaku") && skp["perilaku"].is_object()) {
    for (size_t i = 0; i < t.behaviour_values.size(); ++i) {
      auto it = skp["perilaku"].find(t.behaviour_values[i].code);
      if (it != skp["perilaku"].end()) f.value_ratings[i] = RatingFromText(t, *it);
    }
  }
  return f;
}

AppraisalScore ScoreAppraisal(const AppraisalForm& f, const Template& t) {
  AppraisalScore s;
  s.items = static_cast<int>(1 + t.behaviour_values.size());
  s.unrated = f.rating_hasil_kerja < 0 ? 1 : 0;
  for (size_t i = 0; i < t.behaviour_values.size(); ++i) {
    if (i >= f.value_ratings.size() || f.value_ratings[i] < 0) ++s.unrated;
  }
  auto report = AppraiseReport(SkpJson(f, t));
  if (!report.ok()) {
    s.error = report.status().message();
    return s;
  }
  s.ok = true;
  s.predikat = report->value("predikat", "");
  s.predikat_code = report->value("predikat_code", "");
  s.rating_perilaku = report->value("rating_perilaku", "");
  const Json& sug = (*report)["suggested_rating_hasil_kerja"];
  if (sug.is_object()) s.suggestion = sug.value("rating", "");
  return s;
}

std::string NotScoredText(const AppraisalScore& s) {
  if (s.unrated > 0) return Tf("appraisal_unrated", s.unrated, s.items);
  char text[600];
  std::snprintf(text, sizeof text, T("appraisal_not_scored"), s.error.c_str());
  return text;
}

// --- App actions -------------------------------------------------------------------------------

bool App::LoadAppraisalTemplate() {
  if (template_) return true;
  auto t = BuiltinTemplate(kAppraisalTemplate);
  if (!t.ok()) {
    SetMessage(t.status().ToString(), true);
    return false;
  }
  template_ = std::move(t).value();
  return true;
}

void App::OpenAppraisal() {
  if (!store_ || open_employee_.empty() || !LoadAppraisalTemplate()) return;
  std::string period = org::AppraisalPeriod(NowUnixSeconds());
  std::string name = open_employee_;
  for (const auto& r : roster_) {
    if (r.id == open_employee_) name = r.body.value("name", r.id);
  }
  appraisal_ = NewAppraisalForm(*template_, open_employee_, name, period);
  std::string saved_at;
  auto stored = store_->List("appraisal", open_employee_);
  if (stored.ok()) {
    for (const auto& r : *stored) {
      if (r.body.value("period", "") != period) continue;
      appraisal_ = FormFromBody(*template_, r.id, r.body);
      if (appraisal_.employee_name.empty()) appraisal_.employee_name = name;
      saved_at = r.updated_at;
      break;
    }
  }
  appraisal_score_ = ScoreAppraisal(appraisal_, *template_);
  appraisal_draft_.Stored(saved_at);
  LoadSelfBeside();  // her submitted self-assessment and response, shown beside (my_appraisal.cpp)
  screen_ = Screen::kAppraise;
  SetMessage("", false);
}

void App::AppraisalEdited() {
  if (!template_ || appraisal_.read_only()) return;
  appraisal_draft_.Edited(NowSeconds());
  appraisal_score_ = ScoreAppraisal(appraisal_, *template_);
}

void App::TickAppraisalAutosave() {
  if (screen_ == Screen::kAppraise && appraisal_draft_.Due(NowSeconds())) SaveAppraisal();
}

bool App::SaveAppraisal() {
  if (!store_ || !template_ || appraisal_.employee_id.empty()) return false;
  return SaveForm("appraisal", appraisal_.employee_id, AppraisalBody(appraisal_, *template_),
                  appraisal_.status == "draft", &appraisal_.record_id, &appraisal_draft_);
}

bool App::ChangeAppraisalStatus(const char* from, const char* to, const char* done_key) {
  if (appraisal_.status != from) return false;
  if (!appraisal_score_.ok) {
    SetMessage(T("appraisal_incomplete"), true);
    return false;
  }
  appraisal_.status = to;
  if (!SaveAppraisal()) {
    appraisal_.status = from;
    return false;
  }
  SetMessage(T(done_key), false);
  return true;
}

bool App::SubmitAppraisal() { return ChangeAppraisalStatus("draft", "submitted", "appraisal_submitted"); }

bool App::SignOffAppraisal() {
  return ChangeAppraisalStatus("submitted", "signed_off", "appraisal_signed_off");
}

}  // namespace kinerja::web

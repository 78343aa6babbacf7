// Training needs on the tablet: the view of the engine's report, and the App action that
// gathers this period's records from the local store and runs the engine.
#include "web/app/training_view.h"

#include <map>

#include "engine/competency/training_report.h"
#include "web/app/app.h"
#include "web/app/appraisal_form.h"
#include "web/platform/platform.h"

namespace kinerja::web {

TrainingView TrainingViewFromReport(const Json& report) {
  TrainingView v;
  v.period = report.value("period", "");
  v.previous_period = report.value("previous_period", "");
  v.assessed = report.value("assessed", 0);
  v.skipped = static_cast<int>(report.value("skipped", Json::array()).size());
  auto short_of = StaffBelowStandard(report);
  std::map<std::string, std::string> code_names;  // for the re-measure rows
  for (const auto& e : report.value("employees", Json::array())) {
    for (const auto& g : e.value("gaps", Json::array())) code_names[g.value("code", "")] = g.value("name", "");
  }
  for (const auto& u : report.value("training_needs", Json::array())) {
    TrainingUnitView uv;
    uv.unit_id = u.value("unit_id", "");
    uv.unit = u.value("unit", uv.unit_id);
    uv.staff = u.value("staff", 0);
    for (const char* type : {"manajerial", "sosial_kultural", "teknis"}) {
      for (const auto& n : u.value(type, Json::array())) {
        TrainingNeedRow row;
        row.code = n.value("code", "");
        row.name = n.value("name", "");
        row.type = type;
        row.staff_assessed = n.value("staff_assessed", 0);
        row.staff_with_gap = n.value("staff_with_gap", 0);
        row.total_gap = n.value("total_gap", 0);
        row.priority = n.value("priority", 0.0);
        row.names = short_of[uv.unit_id][row.code];
        uv.needs.push_back(std::move(row));
      }
    }
    for (const auto& m : u.value("remeasure", Json::array())) {
      RemeasureRow row;
      row.code = m.value("code", "");
      row.name = code_names[row.code];
      row.n_paired = m.value("n_paired", 0);
      row.mean_before = m.value("mean_before", 0.0);
      row.mean_after = m.value("mean_after", 0.0);
      row.mean_paired_change = m.value("mean_paired_change", 0.0);
      uv.remeasure.push_back(std::move(row));
    }
    v.units.push_back(std::move(uv));
  }
  return v;
}

// --- App actions -------------------------------------------------------------------------------

void App::OpenTraining(const std::string& period) {
  if (!store_) return;
  TrainingReportInput in;
  in.period = period.empty() ? org::AppraisalPeriod(NowUnixSeconds()) : period;
  auto stored = store_->List("competency_assessment");
  if (stored.ok()) {
    for (auto& r : *stored) {
      std::string position_id = r.body.value("position_id", "");
      if (!position_id.empty() && !in.positions.count(position_id)) {
        if (auto p = store_->Get("position." + position_id); p.ok() && p->has_value()) {
          in.positions[position_id] = (*p)->body;
        }
      }
      in.assessments.push_back(AssessmentFromBody(r.id, r.subject_id, r.body));
    }
  }
  for (const auto& e : roster_) {
    std::string unit_id = e.body.value("unit_id", "");
    in.employees[e.id] = {e.body.value("name", e.id), unit_id};
    if (!unit_id.empty() && !in.unit_names.count(unit_id)) {
      auto u = store_->Get("unit." + unit_id);
      in.unit_names[unit_id] = u.ok() && u->has_value() ? (*u)->body.value("name", unit_id) : unit_id;
    }
  }
  auto report = TrainingNeedsFromRecords(in);
  training_ = report.ok() ? TrainingViewFromReport(*report) : TrainingView{};
  if (!report.ok()) training_.error = report.status().message();
  training_.period = in.period;
  screen_ = Screen::kTraining;
  SetMessage("", false);
}

void App::PublishTrainingState(Json& j) const {
  if (screen_ != Screen::kTraining) return;
  Json units = Json::array();
  for (const auto& u : training_.units) {
    Json needs = Json::array(), remeasure = Json::array();
    for (const auto& n : u.needs) {
      needs.push_back({{"code", n.code}, {"staff_with_gap", n.staff_with_gap},
                       {"total_gap", n.total_gap}, {"priority", n.priority}, {"names", n.names}});
    }
    for (const auto& m : u.remeasure) {
      remeasure.push_back({{"code", m.code}, {"n_paired", m.n_paired},
                           {"mean_paired_change", m.mean_paired_change}});
    }
    units.push_back({{"unit_id", u.unit_id}, {"unit", u.unit}, {"staff", u.staff},
                     {"needs", needs}, {"remeasure", remeasure}});
  }
  j["training"] = {{"period", training_.period}, {"assessed", training_.assessed},
                   {"skipped", training_.skipped}, {"units", units}, {"error", training_.error}};
}

}  // namespace kinerja::web

#include "engine/competency/training_report.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "engine/competency/competency.h"
#include "engine/competency/competency_json.h"
#include "engine/competency/competency_report.h"
#include "engine/competency/position_assessment.h"
#include "shared/csv.h"

namespace kinerja {

std::string PreviousPeriod(const std::string& period) {
  if (period.size() != 4) return "";
  for (char c : period) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  }
  return std::to_string(std::stoi(period) - 1);
}

AssessmentRecord AssessmentFromBody(std::string record_id, std::string employee_id,
                                    const Json& body) {
  AssessmentRecord r;
  r.record_id = std::move(record_id);
  r.employee_id = std::move(employee_id);
  if (!body.is_object()) return r;
  auto text = [&body](const char* key) {
    auto it = body.find(key);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  r.period = text("period");
  r.status = text("status");
  r.position_id = text("position_id");
  auto assessed = body.find("assessed");
  if (assessed != body.end() && assessed->is_object()) {
    r.assessed.emplace();
    for (auto it = assessed->begin(); it != assessed->end(); ++it) {
      std::optional<int64_t> level;
      if (it->is_number_integer()) level = it->get<int64_t>();
      r.assessed->push_back({it.key(), level});
    }
  }
  return r;
}

namespace {

bool IsLevel(const std::optional<int64_t>& v) {
  return v.has_value() && *v >= kMinCompetencyLevel && *v <= kMaxCompetencyLevel;
}

// What the report knows of one stored position, read once however many staff hold it.
struct PositionFit {
  Status status = Status::Ok();  // the body's own verdict (RequiredLevels)
  std::vector<std::string> codes;  // required, in profile order
  std::set<std::string> code_set;
  bool in_input = false;           // its profile is in the engine's input
};

// Why `a` does not fit `fit` ("" when it does): a code the position does not require, a
// value that is not a level 1-5, or a required competency not assessed.
std::string Misfit(const AssessmentRecord& a, const PositionFit& fit) {
  if (!a.assessed.has_value()) return "assessed must be an object of competency code to level 1-5";
  std::set<std::string> seen;
  for (const auto& v : *a.assessed) {
    if (!fit.code_set.count(v.code)) {
      return "assessed." + v.code + " is not a competency of position " + a.position_id;
    }
    if (!IsLevel(v.level)) return "assessed." + v.code + " must be an integer level 1-5";
    if (!seen.insert(v.code).second) return "assessed." + v.code + " is listed twice";
  }
  Json missing = Json::array();
  for (const auto& code : fit.codes) {
    if (!seen.count(code)) missing.push_back(code);
  }
  return missing.empty() ? "" : "missing " + missing.dump();
}

// The levels of `a`, sorted by code; with `fit`, only those it requires with a level 1-5 (a
// baseline keeps what the position still requires).
std::vector<AssessedLevel> Levels(const AssessmentRecord& a, const PositionFit* fit) {
  std::vector<AssessedLevel> out;
  if (!a.assessed.has_value()) return out;
  for (const auto& v : *a.assessed) {
    if (fit && (!fit->code_set.count(v.code) || !IsLevel(v.level))) continue;
    out.push_back({v.code, static_cast<int>(*v.level)});
  }
  std::sort(out.begin(), out.end(),
            [](const AssessedLevel& x, const AssessedLevel& y) { return x.code < y.code; });
  return out;
}

// Adds the position's profile (and the technical competencies its body declares, the first
// declaration of a code winning) to the engine's input.
Status AddPosition(const std::string& id, const Json& body, CompetencyReportInput& input) {
  KINERJA_ASSIGN_OR_RETURN(const CompetencyCatalog declared, CompetencyCatalogFromJson(body));
  input.catalog.insert(declared.begin(), declared.end());
  Json p{{"id", id}, {"competencies", body["competencies"]}};
  if (body.contains("name")) p["name"] = body["name"];
  KINERJA_ASSIGN_OR_RETURN(PositionProfile profile,
                           PositionProfileFromJson(p, "position " + id, input.catalog,
                                                   &input.uses_jenjang_defaults));
  input.positions.emplace(id, std::move(profile));
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<TrainingReport>> BuildTrainingReport(const TrainingReportInput& in) {
  if (in.period.empty() || in.period.size() > 20) {
    return Status::InvalidArgument("period must be 1-20 characters (e.g. period=2026)");
  }
  auto out = std::make_unique<TrainingReport>();
  out->period = in.period;
  out->previous_period = PreviousPeriod(in.period);
  out->unit_names = in.unit_names;
  CompetencyReportInput& input = out->input;
  input.catalog = StandardCatalog();

  // The last submitted assessment per employee, of the period and of the one before.
  std::map<std::string, const AssessmentRecord*> current, previous;
  std::vector<const AssessmentRecord*> order;  // current ones, first seen first
  for (const auto& r : in.assessments) {
    if (r.status != "submitted") continue;
    if (r.period == in.period) {
      auto [it, added] = current.emplace(r.employee_id, &r);
      if (added) {
        order.push_back(&r);
      } else {
        out->skipped.push_back({it->second->record_id, r.employee_id,
                                "a later submitted assessment of period " + in.period + " (" +
                                    r.record_id + ") replaces it"});
        it->second = &r;
      }
    }
    if (!out->previous_period.empty() && r.period == out->previous_period) {
      previous[r.employee_id] = &r;
    }
  }

  std::map<std::string, PositionFit> fits;  // by position id
  for (const AssessmentRecord* first : order) {
    const AssessmentRecord& a = *current[first->employee_id];
    auto skip = [&](const std::string& reason) {
      out->skipped.push_back({a.record_id, a.employee_id, reason});
    };
    auto body = in.positions.find(a.position_id);
    if (body == in.positions.end()) {
      skip("position " + a.position_id + " is not stored");
      continue;
    }
    auto [fit_it, fresh] = fits.try_emplace(a.position_id);
    PositionFit& fit = fit_it->second;
    if (fresh) {
      auto required = RequiredLevels(body->second);
      if (required.ok()) {
        for (const auto& r : *required) {
          fit.codes.push_back(r.code);
          fit.code_set.insert(r.code);
        }
      } else {
        fit.status = required.status();
      }
    }
    const std::string no_match = "the assessment no longer matches position " + a.position_id + ": ";
    if (!fit.status.ok()) {
      skip(no_match + fit.status.message());
      continue;
    }
    if (std::string why = Misfit(a, fit); !why.empty()) {
      skip(no_match + why);
      continue;
    }
    if (!fit.in_input) {
      fit.status = AddPosition(a.position_id, body->second, input);
      if (!fit.status.ok()) {
        skip(no_match + fit.status.message());
        continue;
      }
      fit.in_input = true;
    }
    StaffLevels staff;
    staff.id = a.employee_id;
    staff.name = a.employee_id;
    staff.position_id = a.position_id;
    if (auto e = in.employees.find(a.employee_id); e != in.employees.end()) {
      if (!e->second.name.empty()) staff.name = e->second.name;
      staff.unit = e->second.unit_id;
    }
    staff.assessed = Levels(a, nullptr);
    if (auto prev = previous.find(a.employee_id); prev != previous.end()) {
      auto kept = Levels(*prev->second, &fit);
      if (!kept.empty()) staff.previous = std::move(kept);
    }
    input.employees.push_back(std::move(staff));
  }

  auto built = BuildCompetencyReport(input);
  if (!built.ok()) {
    return Status::Internal("the engine refused assessments it had accepted one by one: " +
                            built.status().message());
  }
  out->report = std::move(built).value();
  return out;
}

Json TrainingReportJson(const TrainingReport& t, bool with_employees) {
  const CompetencyReport& report = t.report;
  Json skipped = Json::array();
  for (const auto& s : t.skipped) {
    skipped.push_back({{"record_id", s.record_id}, {"employee_id", s.employee_id},
                       {"reason", s.reason}});
  }
  Json out{{"period", t.period}, {"previous_period", t.previous_period},
           {"assessed", report.employees.size()}, {"skipped", std::move(skipped)},
           {"training_needs", Json::array()}, {"notes", Json::array()}};
  if (with_employees) out["employees"] = Json::array();
  if (report.employees.empty()) return out;

  auto unit_name = [&t](const std::string& id) {
    auto u = t.unit_names.find(id);
    return u != t.unit_names.end() ? u->second : id;
  };
  // Who is below the standard, per unit and code, in report order.
  std::map<std::string, std::map<std::string, Json>> below;
  for (const auto& staff : report.employees) {
    for (const auto& g : staff.result.gaps) {
      if (g.gap >= 0) continue;
      Json& list = below[staff.staff->unit][g.code];
      if (list.is_null()) list = Json::array();
      list.push_back({{"employee_id", staff.staff->id}, {"name", staff.staff->name.value_or("")}});
    }
  }
  Json units = UnitNeedsJson(report);
  for (auto& u : units) {
    const std::string id = u.value("unit", "");
    auto in_unit = below.find(id);
    for (const char* type : {"manajerial", "sosial_kultural", "teknis"}) {
      for (auto& n : u[type]) {
        Json staff = Json::array();
        if (in_unit != below.end()) {
          if (auto s = in_unit->second.find(n.value("code", "")); s != in_unit->second.end()) {
            staff = std::move(s->second);
          }
        }
        n["staff_below_standard"] = std::move(staff);
      }
    }
    u["unit_id"] = id;
    u["unit"] = unit_name(id);
  }
  out["training_needs"] = std::move(units);
  out["notes"] = CompetencyNotesJson(report);
  if (with_employees) {
    Json employees = Json::array();
    for (const auto& staff : report.employees) {
      Json e = StaffCompetencyJson(staff, t.input.catalog);
      e["unit_id"] = staff.staff->unit;
      e["unit"] = unit_name(staff.staff->unit);
      employees.push_back(std::move(e));
    }
    out["employees"] = std::move(employees);
  }
  return out;
}

Result<Json> TrainingNeedsFromRecords(const TrainingReportInput& in) {
  KINERJA_ASSIGN_OR_RETURN(auto report, BuildTrainingReport(in));
  return TrainingReportJson(*report);
}

std::map<std::string, std::map<std::string, std::vector<std::string>>> StaffBelowStandard(
    const Json& report) {
  std::map<std::string, std::map<std::string, std::vector<std::string>>> out;
  for (const auto& u : report.value("training_needs", Json::array())) {
    const std::string unit_id = u.value("unit_id", "");
    for (const char* type : {"manajerial", "sosial_kultural", "teknis"}) {
      for (const auto& n : u.value(type, Json::array())) {
        for (const auto& s : n.value("staff_below_standard", Json::array())) {
          out[unit_id][n.value("code", "")].push_back(s.value("name", ""));
        }
      }
    }
  }
  return out;
}

namespace {

// One CSV text cell: guarded against formula evaluation, quoted when it must be.
std::string CsvText(const std::string& s) { return CsvField(GuardFormula(s)); }

std::string CsvNumber(const Json& v) { return v.is_number() ? v.dump() : ""; }

}  // namespace

std::string TrainingNeedsCsv(const Json& report) {
  std::string out = "\xEF\xBB\xBF"
      "period,unit_id,unit,type,code,competency,staff_assessed,staff_with_gap,total_gap,"
      "mean_gap,priority,staff_below_standard\r\n";
  const auto below = StaffBelowStandard(report);
  const std::string period = CsvText(report.value("period", ""));
  for (const auto& u : report.value("training_needs", Json::array())) {
    const std::string unit_id = u.value("unit_id", "");
    for (const char* type : {"manajerial", "sosial_kultural", "teknis"}) {
      for (const auto& n : u.value(type, Json::array())) {
        std::string names;
        auto in_unit = below.find(unit_id);
        if (in_unit != below.end()) {
          auto staff = in_unit->second.find(n.value("code", ""));
          if (staff != in_unit->second.end()) {
            for (const auto& name : staff->second) names += (names.empty() ? "" : "; ") + name;
          }
        }
        out += period + "," + CsvText(unit_id) + "," + CsvText(u.value("unit", "")) + "," + type +
               "," + CsvText(n.value("code", "")) + "," + CsvText(n.value("name", "")) + "," +
               CsvNumber(n["staff_assessed"]) + "," + CsvNumber(n["staff_with_gap"]) + "," +
               CsvNumber(n["total_gap"]) + "," + CsvNumber(n["mean_gap"]) + "," +
               CsvNumber(n["priority"]) + "," + CsvText(names) + "\r\n";
      }
    }
  }
  return out;
}

}  // namespace kinerja

#include "engine/competency/competency_json.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/analytics/stats.h"
#include "engine/competency/competency.h"
#include "engine/competency/training_needs.h"

namespace kinerja {
namespace {

// The array at obj[key]; `required` decides whether absence is an error (else empty array).
Result<const Json*> GetArray(const Json& obj, const char* key, std::string_view where,
                             bool required) {
  static const Json* const kEmpty = new Json(Json::array());
  auto it = obj.find(key);
  if (it == obj.end() || (!required && it->is_null())) {
    if (required) return Status::InvalidArgument(std::string(where) + key + " is missing");
    return kEmpty;
  }
  if (!it->is_array()) {
    return Status::InvalidArgument(std::string(where) + key + " must be an array, not " +
                                   it->type_name());
  }
  return &*it;
}

// Reads {"CODE": level, ...} into `out`, checking codes against the catalog and levels 1-5.
Status ReadLevels(const Json& obj, const std::string& where, const CompetencyCatalog& catalog,
                  std::vector<AssessedLevel>* out) {
  if (!obj.is_object()) {
    return Status::InvalidArgument(where + " must be an object of competency code -> level, not " +
                                   obj.type_name());
  }
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string field = where + "." + it.key();
    if (catalog.find(it.key()) == catalog.end()) {
      return Status::InvalidArgument(field + ": unknown competency code \"" + it.key() +
                                     "\"; use M.01-M.08, S.01 or a code listed in "
                                     "technical_competencies");
    }
    if (!it->is_number_integer()) {
      return Status::InvalidArgument(field + " must be an integer level 1-5, not " +
                                     it->type_name());
    }
    const int64_t level = it->get<int64_t>();
    if (level < kMinCompetencyLevel || level > kMaxCompetencyLevel) {
      return Status::InvalidArgument(field + " is " + std::to_string(level) +
                                     "; levels are integers 1-5");
    }
    out->push_back({it.key(), static_cast<int>(level)});
  }
  return Status::Ok();
}

// The name of `code`; empty for a code the catalog lacks (the core's caller's mistake).
std::string NameOf(const CompetencyCatalog& catalog, const std::string& code) {
  auto it = catalog.find(code);
  return it == catalog.end() ? std::string() : it->second.name;
}

Json GapJson(const CompetencyGap& g, const CompetencyCatalog& catalog, bool is_default) {
  Json j;
  j["code"] = g.code;
  j["name"] = NameOf(catalog, g.code);
  j["type"] = CompetencyTypeName(g.type);
  j["required"] = g.required;
  j["assessed"] = g.assessed;
  j["gap"] = g.gap;
  j["importance"] = RoundHalfAwayFromZero(g.importance, 2);
  j["level_source"] = is_default ? "default_unverified" : "position";
  return j;
}

Json NeedsJson(const std::vector<TrainingNeed>& needs, const CompetencyCatalog& catalog) {
  Json arr = Json::array();
  for (const auto& n : needs) {
    Json j;
    j["code"] = n.code;
    j["name"] = NameOf(catalog, n.code);
    j["staff_assessed"] = n.staff_assessed;
    j["staff_with_gap"] = n.staff_with_gap;
    j["total_gap"] = n.total_gap;
    j["mean_gap"] = RoundHalfAwayFromZero(n.mean_gap, 2);
    j["priority"] = RoundHalfAwayFromZero(n.priority, 2);
    arr.push_back(std::move(j));
  }
  return arr;
}

}  // namespace

Result<CompetencyCatalog> CompetencyCatalogFromJson(const Json& root) {
  CompetencyCatalog c = StandardCatalog();
  KINERJA_ASSIGN_OR_RETURN(const Json* list, GetArray(root, "technical_competencies", "", false));
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& t = (*list)[i];
    const std::string where = ItemPath("technical_competencies", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(t, {"code", "name"}, where));
    KINERJA_ASSIGN_OR_RETURN(std::string code, GetString(t, "code", where));
    KINERJA_ASSIGN_OR_RETURN(std::string name, GetString(t, "name", where));
    if (code.empty()) return Status::InvalidArgument(where + ".code must not be empty");
    if (FindStandardCompetency(code) != nullptr) {
      return Status::InvalidArgument(where + ".code \"" + code +
                                     "\" is a managerial/socio-cultural code; pick another code");
    }
    if (c.count(code) != 0) {
      return Status::InvalidArgument(where + ".code \"" + code + "\" is listed twice");
    }
    c[code] = CompetencyDef{code, name, CompetencyType::kTeknis};
  }
  return c;
}

Result<PositionProfile> PositionProfileFromJson(const Json& p, const std::string& where,
                                                const CompetencyCatalog& catalog,
                                                bool* used_jenjang_defaults) {
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(p, {"id", "name", "jenjang", "competencies"}, where));
  KINERJA_ASSIGN_OR_RETURN(const std::string id, GetString(p, "id", where));
  KINERJA_ASSIGN_OR_RETURN(const std::optional<std::string> name, GetOptString(p, "name", where));
  KINERJA_ASSIGN_OR_RETURN(const std::optional<std::string> jenjang_name,
                           GetOptString(p, "jenjang", where));
  if (id.empty()) return Status::InvalidArgument(where + ".id must not be empty");
  PositionProfile profile;
  if (jenjang_name.has_value()) {
    Jenjang j = Jenjang::kPelaksana;
    if (!ParseJenjang(*jenjang_name, &j)) {
      return Status::InvalidArgument(where + ".jenjang \"" + *jenjang_name +
                                     "\" is not one of jpt_utama, jpt_madya, jpt_pratama, "
                                     "administrator, pengawas, pelaksana");
    }
    profile = DefaultManagerialProfile(j, id);
    *used_jenjang_defaults = true;
  }
  profile.id = id;
  profile.name = name.value_or("");
  KINERJA_ASSIGN_OR_RETURN(const Json* comps, GetArray(p, "competencies", where + ".", false));
  std::set<std::string> explicit_codes;
  for (size_t k = 0; k < comps->size(); ++k) {
    const Json& c = (*comps)[k];
    const std::string cw = where + "." + ItemPath("competencies", k);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(c, {"code", "required_level", "importance"}, cw));
    KINERJA_ASSIGN_OR_RETURN(const std::string code, GetString(c, "code", cw));
    KINERJA_ASSIGN_OR_RETURN(const int64_t level, GetInt(c, "required_level", cw));
    KINERJA_ASSIGN_OR_RETURN(const std::optional<double> importance,
                             GetOptNumber(c, "importance", cw));
    auto def = catalog.find(code);
    if (def == catalog.end()) {
      return Status::InvalidArgument(cw + ".code: unknown competency code \"" + code +
                                     "\"; use M.01-M.08, S.01 or a code listed in "
                                     "technical_competencies");
    }
    if (level < kMinCompetencyLevel || level > kMaxCompetencyLevel) {
      return Status::InvalidArgument(cw + ".required_level is " + std::to_string(level) +
                                     "; levels are integers 1-5");
    }
    double w = importance.value_or(1.0);
    if (!(w > 0.0) || w > 100.0) {
      return Status::InvalidArgument(cw + ".importance must be > 0 and <= 100");
    }
    if (!explicit_codes.insert(code).second) {
      return Status::InvalidArgument(cw + ".code \"" + code + "\" is listed twice in position " +
                                     id);
    }
    RequiredCompetency rc{code, def->second.type, static_cast<int>(level), w, false};
    bool replaced = false;
    for (auto& existing : profile.competencies) {
      if (existing.code == rc.code) {  // an explicit level overrides the jenjang default
        existing = rc;
        replaced = true;
      }
    }
    if (!replaced) profile.competencies.push_back(rc);
  }
  if (profile.competencies.empty()) {
    return Status::InvalidArgument(where + " (" + id +
                                   ") requires no competencies; give jenjang or competencies");
  }
  return profile;
}

Result<CompetencyReportInput> CompetencyInputFromJson(const Json& root) {
  if (!root.is_object()) return Status::InvalidArgument("the file must hold a JSON object");
  KINERJA_RETURN_IF_ERROR(
      RejectUnknownKeys(root, {"technical_competencies", "positions", "employees"}, ""));
  CompetencyReportInput in;
  KINERJA_ASSIGN_OR_RETURN(in.catalog, CompetencyCatalogFromJson(root));
  KINERJA_ASSIGN_OR_RETURN(const Json* positions, GetArray(root, "positions", "", true));
  for (size_t i = 0; i < positions->size(); ++i) {
    const std::string where = ItemPath("positions", i);
    KINERJA_ASSIGN_OR_RETURN(
        PositionProfile profile,
        PositionProfileFromJson((*positions)[i], where, in.catalog, &in.uses_jenjang_defaults));
    if (in.positions.count(profile.id) != 0) {
      return Status::InvalidArgument(where + ".id \"" + profile.id + "\" is listed twice");
    }
    std::string id = profile.id;
    in.positions.emplace(std::move(id), std::move(profile));
  }
  KINERJA_ASSIGN_OR_RETURN(const Json* list, GetArray(root, "employees", "", true));
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& e = (*list)[i];
    const std::string where = ItemPath("employees", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
        e, {"id", "name", "position", "unit", "assessed", "previous_assessed"}, where));
    StaffLevels staff;
    KINERJA_ASSIGN_OR_RETURN(staff.id, GetString(e, "id", where));
    KINERJA_ASSIGN_OR_RETURN(staff.name, GetOptString(e, "name", where));
    KINERJA_ASSIGN_OR_RETURN(staff.position_id, GetString(e, "position", where));
    KINERJA_ASSIGN_OR_RETURN(staff.unit, GetString(e, "unit", where));
    auto assessed_it = e.find("assessed");
    if (assessed_it == e.end()) return Status::InvalidArgument(where + ".assessed is missing");
    KINERJA_RETURN_IF_ERROR(
        ReadLevels(*assessed_it, where + ".assessed", in.catalog, &staff.assessed));
    auto prev_it = e.find("previous_assessed");
    if (prev_it != e.end() && !prev_it->is_null()) {
      staff.previous.emplace();
      KINERJA_RETURN_IF_ERROR(
          ReadLevels(*prev_it, where + ".previous_assessed", in.catalog, &*staff.previous));
    }
    in.employees.push_back(std::move(staff));
  }
  return in;
}

Json StaffCompetencyJson(const StaffCompetencyReport& staff, const CompetencyCatalog& catalog) {
  const StaffLevels& e = *staff.staff;
  Json out;
  out["id"] = e.id;
  if (e.name.has_value()) out["name"] = *e.name;
  out["position"] = e.position_id;
  out["unit"] = e.unit;
  const JpmResult& j = staff.result.jpm;
  out["sum_required"] = j.sum_required;
  out["sum_assessed"] = j.sum_assessed;
  out["sum_assessed_capped"] = j.sum_assessed_capped;
  out["jpm"] = j.jpm;
  out["jpm_raw"] = j.jpm_raw;
  out["mapping_category"] = MappingCategoryName(j.mapping);
  out["mapping_code"] = MappingCategoryCode(j.mapping);
  out["selection_category"] = SelectionCategoryName(j.selection);
  out["selection_code"] = SelectionCategoryCode(j.selection);
  Json gaps = Json::array();
  const auto& profile = staff.position->competencies;
  for (size_t g = 0; g < staff.result.gaps.size(); ++g) {
    const bool is_default = g < profile.size() && profile[g].level_is_default;
    gaps.push_back(GapJson(staff.result.gaps[g], catalog, is_default));
  }
  out["competencies_below_required"] = staff.competencies_below_required;
  out["gaps"] = std::move(gaps);
  return out;
}

Json UnitNeedsJson(const CompetencyReport& report) {
  const CompetencyCatalog& catalog = report.input->catalog;
  Json units_out = Json::array();
  for (const auto& unit : report.units) {
    const UnitTrainingNeeds& u = unit.needs;
    Json ju;
    ju["unit"] = u.unit;
    ju["staff"] = u.staff;
    ju["manajerial"] = NeedsJson(u.manajerial, catalog);
    ju["sosial_kultural"] = NeedsJson(u.sosial_kultural, catalog);
    ju["teknis"] = NeedsJson(u.teknis, catalog);
    if (unit.remeasure.has_value()) {
      Json rows = Json::array();
      for (const auto& r : *unit.remeasure) {
        Json jr;
        jr["code"] = r.code;
        jr["n_before"] = r.n_before;
        jr["n_after"] = r.n_after;
        jr["n_paired"] = r.n_paired;
        jr["mean_before"] = RoundHalfAwayFromZero(r.mean_before, 2);
        jr["mean_after"] = RoundHalfAwayFromZero(r.mean_after, 2);
        jr["change"] = RoundHalfAwayFromZero(r.change, 2);
        jr["mean_paired_change"] = RoundHalfAwayFromZero(r.mean_paired_change, 2);
        rows.push_back(std::move(jr));
      }
      ju["remeasure"] = std::move(rows);
    }
    units_out.push_back(std::move(ju));
  }
  return units_out;
}

Json CompetencyNotesJson(const CompetencyReport& report) {
  Json notes = Json::array();
  notes.push_back(
      "jpm caps each competency at its required level (surplus cannot offset a gap); "
      "jpm_raw is the uncapped sum ratio. Categories use jpm.");
  if (report.input->uses_jenjang_defaults) {
    notes.push_back(
        "levels with level_source \"default_unverified\" are the typical managerial levels by "
        "jenjang (domain §3.3, unconfirmed); check them against the position's standard");
  }
  return notes;
}

Json CompetencyReportToJson(const CompetencyReport& report) {
  Json employees_out = Json::array();
  for (const auto& staff : report.employees) {
    employees_out.push_back(StaffCompetencyJson(staff, report.input->catalog));
  }
  Json out;
  out["employees"] = std::move(employees_out);
  out["training_needs"] = UnitNeedsJson(report);
  out["notes"] = CompetencyNotesJson(report);
  return out;
}

Result<Json> CompetencyReportFromJson(std::string_view file_text) {
  KINERJA_ASSIGN_OR_RETURN(const Json root, ParseJson(file_text));
  KINERJA_ASSIGN_OR_RETURN(const CompetencyReportInput in, CompetencyInputFromJson(root));
  KINERJA_ASSIGN_OR_RETURN(const CompetencyReport report, BuildCompetencyReport(in));
  return CompetencyReportToJson(report);
}

}  // namespace kinerja

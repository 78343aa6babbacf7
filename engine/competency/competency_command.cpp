#include "engine/competency/competency_command.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/analytics/stats.h"
#include "engine/competency/competency.h"
#include "engine/competency/training_needs.h"

namespace kinerja {
namespace {

std::string At(std::string_view list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

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

struct Catalog {
  std::map<std::string, CompetencyDef> defs;  // standard + declared technical
};

// Reads {"CODE": level, ...} into `out`, checking codes against the catalog and levels 1-5.
Status ReadLevels(const Json& obj, const std::string& where, const Catalog& catalog,
                  std::vector<AssessedLevel>* out) {
  if (!obj.is_object()) {
    return Status::InvalidArgument(where + " must be an object of competency code -> level, not " +
                                   obj.type_name());
  }
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string field = where + "." + it.key();
    if (catalog.defs.find(it.key()) == catalog.defs.end()) {
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

Result<Catalog> ReadCatalog(const Json& root) {
  Catalog c;
  for (const auto& d : StandardCompetencies()) c.defs[d.code] = d;
  auto list = GetArray(root, "technical_competencies", "", false);
  if (!list.ok()) return list.status();
  for (size_t i = 0; i < (*list)->size(); ++i) {
    const Json& t = (**list)[i];
    const std::string where = At("technical_competencies", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(t, {"code", "name"}, where));
    auto code = GetString(t, "code", where);
    if (!code.ok()) return code.status();
    auto name = GetString(t, "name", where);
    if (!name.ok()) return name.status();
    if (code->empty()) return Status::InvalidArgument(where + ".code must not be empty");
    if (FindStandardCompetency(*code) != nullptr) {
      return Status::InvalidArgument(where + ".code \"" + *code +
                                     "\" is a managerial/socio-cultural code; pick another code");
    }
    if (c.defs.count(*code) != 0) {
      return Status::InvalidArgument(where + ".code \"" + *code + "\" is listed twice");
    }
    c.defs[*code] = CompetencyDef{*code, *name, CompetencyType::kTeknis};
  }
  return c;
}

Result<std::map<std::string, PositionProfile>> ReadPositions(const Json& root,
                                                             const Catalog& catalog,
                                                             bool* used_defaults) {
  std::map<std::string, PositionProfile> out;
  auto list = GetArray(root, "positions", "", true);
  if (!list.ok()) return list.status();
  for (size_t i = 0; i < (*list)->size(); ++i) {
    const Json& p = (**list)[i];
    const std::string where = At("positions", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(p, {"id", "name", "jenjang", "competencies"}, where));
    auto id = GetString(p, "id", where);
    if (!id.ok()) return id.status();
    auto name = GetOptString(p, "name", where);
    if (!name.ok()) return name.status();
    auto jenjang_name = GetOptString(p, "jenjang", where);
    if (!jenjang_name.ok()) return jenjang_name.status();
    if (id->empty()) return Status::InvalidArgument(where + ".id must not be empty");
    if (out.count(*id) != 0) {
      return Status::InvalidArgument(where + ".id \"" + *id + "\" is listed twice");
    }
    PositionProfile profile;
    if (jenjang_name->has_value()) {
      Jenjang j = Jenjang::kPelaksana;
      if (!ParseJenjang(**jenjang_name, &j)) {
        return Status::InvalidArgument(where + ".jenjang \"" + **jenjang_name +
                                       "\" is not one of jpt_utama, jpt_madya, jpt_pratama, "
                                       "administrator, pengawas, pelaksana");
      }
      profile = DefaultManagerialProfile(j, *id);
      *used_defaults = true;
    }
    profile.id = *id;
    profile.name = name->value_or("");
    auto comps = GetArray(p, "competencies", where + ".", false);
    if (!comps.ok()) return comps.status();
    std::set<std::string> explicit_codes;
    for (size_t k = 0; k < (*comps)->size(); ++k) {
      const Json& c = (**comps)[k];
      const std::string cw = where + "." + At("competencies", k);
      KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(c, {"code", "required_level", "importance"}, cw));
      auto code = GetString(c, "code", cw);
      if (!code.ok()) return code.status();
      auto level = GetInt(c, "required_level", cw);
      if (!level.ok()) return level.status();
      auto importance = GetOptNumber(c, "importance", cw);
      if (!importance.ok()) return importance.status();
      auto def = catalog.defs.find(*code);
      if (def == catalog.defs.end()) {
        return Status::InvalidArgument(cw + ".code: unknown competency code \"" + *code +
                                       "\"; use M.01-M.08, S.01 or a code listed in "
                                       "technical_competencies");
      }
      if (*level < kMinCompetencyLevel || *level > kMaxCompetencyLevel) {
        return Status::InvalidArgument(cw + ".required_level is " + std::to_string(*level) +
                                       "; levels are integers 1-5");
      }
      double w = importance->value_or(1.0);
      if (!(w > 0.0) || w > 100.0) {
        return Status::InvalidArgument(cw + ".importance must be > 0 and <= 100");
      }
      if (!explicit_codes.insert(*code).second) {
        return Status::InvalidArgument(cw + ".code \"" + *code + "\" is listed twice in position " +
                                       *id);
      }
      RequiredCompetency rc{*code, def->second.type, static_cast<int>(*level), w, false};
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
      return Status::InvalidArgument(where + " (" + *id +
                                     ") requires no competencies; give jenjang or competencies");
    }
    out.emplace(*id, std::move(profile));
  }
  return out;
}

Json GapJson(const CompetencyGap& g, const Catalog& catalog, bool is_default) {
  Json j;
  j["code"] = g.code;
  j["name"] = catalog.defs.at(g.code).name;
  j["type"] = CompetencyTypeName(g.type);
  j["required"] = g.required;
  j["assessed"] = g.assessed;
  j["gap"] = g.gap;
  j["importance"] = RoundHalfAwayFromZero(g.importance, 2);
  j["level_source"] = is_default ? "default_unverified" : "position";
  return j;
}

Json NeedsJson(const std::vector<TrainingNeed>& needs, const Catalog& catalog) {
  Json arr = Json::array();
  for (const auto& n : needs) {
    Json j;
    j["code"] = n.code;
    j["name"] = catalog.defs.at(n.code).name;
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

Result<Json> CompetencyReportFromJson(std::string_view file_text) {
  auto parsed = ParseJson(file_text);
  if (!parsed.ok()) return parsed.status();
  const Json& root = *parsed;
  if (!root.is_object()) return Status::InvalidArgument("the file must hold a JSON object");
  KINERJA_RETURN_IF_ERROR(
      RejectUnknownKeys(root, {"technical_competencies", "positions", "employees"}, ""));
  auto catalog = ReadCatalog(root);
  if (!catalog.ok()) return catalog.status();
  bool used_defaults = false;
  auto positions = ReadPositions(root, *catalog, &used_defaults);
  if (!positions.ok()) return positions.status();
  auto list = GetArray(root, "employees", "", true);
  if (!list.ok()) return list.status();

  Json employees_out = Json::array();
  std::vector<EmployeeGaps> all_gaps;
  std::map<std::string, std::vector<LevelObservation>> before_by_unit, after_by_unit;
  std::set<std::string> ids;
  for (size_t i = 0; i < (*list)->size(); ++i) {
    const Json& e = (**list)[i];
    const std::string where = At("employees", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
        e, {"id", "name", "position", "unit", "assessed", "previous_assessed"}, where));
    auto id = GetString(e, "id", where);
    if (!id.ok()) return id.status();
    auto name = GetOptString(e, "name", where);
    if (!name.ok()) return name.status();
    auto position = GetString(e, "position", where);
    if (!position.ok()) return position.status();
    auto unit = GetString(e, "unit", where);
    if (!unit.ok()) return unit.status();
    if (id->empty()) return Status::InvalidArgument(where + ".id must not be empty");
    if (!ids.insert(*id).second) {
      return Status::InvalidArgument(where + ".id \"" + *id + "\" is listed twice");
    }
    auto pos = positions->find(*position);
    if (pos == positions->end()) {
      return Status::InvalidArgument(where + ".position \"" + *position +
                                     "\" is not the id of any entry in positions");
    }
    auto assessed_it = e.find("assessed");
    if (assessed_it == e.end()) return Status::InvalidArgument(where + ".assessed is missing");
    std::vector<AssessedLevel> assessed;
    KINERJA_RETURN_IF_ERROR(ReadLevels(*assessed_it, where + ".assessed", *catalog, &assessed));
    std::vector<AssessedLevel> previous;
    auto prev_it = e.find("previous_assessed");
    bool has_previous = prev_it != e.end() && !prev_it->is_null();
    if (has_previous) {
      KINERJA_RETURN_IF_ERROR(
          ReadLevels(*prev_it, where + ".previous_assessed", *catalog, &previous));
    }
    auto result = AssessEmployee(pos->second, assessed);
    if (!result.ok()) {
      return Status::InvalidArgument(where + " (id " + *id + "): " + result.status().message());
    }
    Json out;
    out["id"] = *id;
    if (name->has_value()) out["name"] = **name;
    out["position"] = *position;
    out["unit"] = *unit;
    const JpmResult& j = result->jpm;
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
    int needs = 0;
    for (size_t g = 0; g < result->gaps.size(); ++g) {
      gaps.push_back(
          GapJson(result->gaps[g], *catalog, pos->second.competencies[g].level_is_default));
      if (result->gaps[g].gap < 0) ++needs;
    }
    out["competencies_below_required"] = needs;
    out["gaps"] = std::move(gaps);
    employees_out.push_back(std::move(out));
    all_gaps.push_back({*id, *unit, result->gaps});
    if (has_previous) {
      for (const auto& a : previous) before_by_unit[*unit].push_back({*id, a.code, a.level});
      for (const auto& a : assessed) after_by_unit[*unit].push_back({*id, a.code, a.level});
    }
  }

  Json units_out = Json::array();
  for (const auto& u : AnalyseTrainingNeeds(all_gaps)) {
    Json ju;
    ju["unit"] = u.unit;
    ju["staff"] = u.staff;
    ju["manajerial"] = NeedsJson(u.manajerial, *catalog);
    ju["sosial_kultural"] = NeedsJson(u.sosial_kultural, *catalog);
    ju["teknis"] = NeedsJson(u.teknis, *catalog);
    auto before = before_by_unit.find(u.unit);
    if (before != before_by_unit.end()) {
      Json rows = Json::array();
      for (const auto& r : CompareRemeasure(before->second, after_by_unit[u.unit])) {
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

  Json report;
  report["employees"] = std::move(employees_out);
  report["training_needs"] = std::move(units_out);
  Json notes = Json::array();
  notes.push_back(
      "jpm caps each competency at its required level (surplus cannot offset a gap); "
      "jpm_raw is the uncapped sum ratio. Categories use jpm.");
  if (used_defaults) {
    notes.push_back(
        "levels with level_source \"default_unverified\" are the typical managerial levels by "
        "jenjang (domain §3.3, unconfirmed); check them against the position's standard");
  }
  report["notes"] = std::move(notes);
  return report;
}

}  // namespace kinerja

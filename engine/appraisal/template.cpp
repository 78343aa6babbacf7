#include "engine/appraisal/template.h"

#include <cctype>
#include <cmath>

#include "shared/json_util.h"
#include "shared/text.h"

namespace kinerja {
namespace {

constexpr const char* kRatingCodes[kRatingCount] = {"di_bawah", "sesuai", "di_atas"};
constexpr const char* kPredikatCodes[kPredikatCount] = {"sangat_kurang", "kurang",
                                                        "butuh_perbaikan", "baik", "sangat_baik"};
constexpr const char* kOrgCodes[kOrgPredikatCount] = {"sangat_kurang", "kurang",
                                                      "butuh_perbaikan", "baik", "istimewa"};

Result<const Json*> GetArray(const Json& obj, const char* key, std::string_view where) {
  auto it = obj.find(key);
  if (it == obj.end()) return Status::InvalidArgument(FieldPath(where, key) + " is missing");
  if (!it->is_array()) {
    return Status::InvalidArgument(FieldPath(where, key) + " must be an array, not " +
                                   it->type_name());
  }
  return &*it;
}

Result<const Json*> GetObject(const Json& obj, const char* key, std::string_view where) {
  auto it = obj.find(key);
  if (it == obj.end()) return Status::InvalidArgument(FieldPath(where, key) + " is missing");
  if (!it->is_object()) {
    return Status::InvalidArgument(FieldPath(where, key) + " must be an object, not " +
                                   it->type_name());
  }
  return &*it;
}

Result<std::vector<std::string>> GetStringArray(const Json& obj, const char* key,
                                                std::string_view where) {
  KINERJA_ASSIGN_OR_RETURN(auto arr, GetArray(obj, key, where));
  std::vector<std::string> out;
  for (size_t i = 0; i < (arr)->size(); ++i) {
    const Json& e = (*arr)[i];
    if (!e.is_string()) {
      return Status::InvalidArgument(ItemPath(FieldPath(where, key), i) + " must be a string");
    }
    out.push_back(e.get_ref<const std::string&>());
  }
  return out;
}

Result<double> GetNonNegative(const Json& obj, const char* key, std::string_view where) {
  KINERJA_ASSIGN_OR_RETURN(auto v, GetNumber(obj, key, where));
  if (v < 0) return Status::InvalidArgument(FieldPath(where, key) + " must be >= 0");
  return v;
}


template <size_t N>
Status LoadLevels(const Json& obj, const char* key, const char* const (&codes)[N],
                  std::string_view where, std::array<LevelName, N>* out) {
  KINERJA_ASSIGN_OR_RETURN(auto arr, GetArray(obj, key, where));
  std::string field = FieldPath(where, key);
  if ((arr)->size() != N) {
    std::string list;
    for (size_t i = 0; i < N; ++i) list += (i ? ", " : "") + std::string(codes[i]);
    return Status::InvalidArgument(field + " must list exactly " + std::to_string(N) +
                                   " levels, lowest first: " + list);
  }
  for (size_t i = 0; i < N; ++i) {
    const Json& e = (*arr)[i];
    std::string w = ItemPath(field, i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(e, {"code", "name", "aliases"}, w));
    auto code = GetString(e, "code", w);
    if (!code.ok()) return code.status();
    if (*code != codes[i]) {
      return Status::InvalidArgument(w + ".code is '" + *code + "'; expected '" + codes[i] +
                                     "' (levels are listed lowest first)");
    }
    auto name = GetString(e, "name", w);
    if (!name.ok()) return name.status();
    if (Trim(*name).empty()) return Status::InvalidArgument(w + ".name must not be empty");
    (*out)[i].code = *code;
    (*out)[i].name = *name;
    (*out)[i].aliases.clear();
    if (e.contains("aliases")) {
      KINERJA_ASSIGN_OR_RETURN(auto al, GetStringArray(e, "aliases", w));
      (*out)[i].aliases = std::move(al);
    }
  }
  // A spelling may name one level only.
  for (size_t i = 0; i < N; ++i) {
    for (size_t j = 0; j < N; ++j) {
      if (i == j) continue;
      auto clash = [&](std::string_view s) {
        const LevelName& o = (*out)[j];
        if (EqualsIgnoreCase(s, o.code) || EqualsIgnoreCase(s, o.name)) return true;
        for (const auto& a : o.aliases) {
          if (EqualsIgnoreCase(s, a)) return true;
        }
        return false;
      };
      bool bad = clash((*out)[i].name);
      for (const auto& a : (*out)[i].aliases) bad = bad || clash(a);
      if (bad) {
        return Status::InvalidArgument(field + ": a name or alias of '" + (*out)[i].code +
                                       "' also names '" + (*out)[j].code + "'");
      }
    }
  }
  return Status::Ok();
}

template <size_t N>
int FindCode(const char* const (&codes)[N], std::string_view s) {
  for (size_t i = 0; i < N; ++i) {
    if (s == codes[i]) return static_cast<int>(i);
  }
  return -1;
}

template <size_t N>
std::string CodeList(const char* const (&codes)[N]) {
  std::string s;
  for (size_t i = 0; i < N; ++i) s += (i ? ", " : "") + std::string(codes[i]);
  return s;
}

template <size_t N>
Result<int> GetCode(const Json& obj, const char* key, const char* const (&codes)[N],
                    std::string_view where) {
  KINERJA_ASSIGN_OR_RETURN(auto s, GetString(obj, key, where));
  int i = FindCode(codes, s);
  if (i < 0) {
    return Status::InvalidArgument(FieldPath(where, key) + " is '" + s +
                                   "'; allowed: " + CodeList(codes));
  }
  return i;
}

Status LoadMatrix(const Json& root, Template* t) {
  KINERJA_ASSIGN_OR_RETURN(auto arr, GetArray(root, "matrix", "template"));
  std::array<std::array<bool, kRatingCount>, kRatingCount> seen{};
  for (size_t i = 0; i < (arr)->size(); ++i) {
    const Json& e = (*arr)[i];
    std::string w = ItemPath("template.matrix", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(e, {"hasil_kerja", "perilaku", "predikat"}, w));
    KINERJA_ASSIGN_OR_RETURN(auto h, GetCode(e, "hasil_kerja", kRatingCodes, w));
    KINERJA_ASSIGN_OR_RETURN(auto p, GetCode(e, "perilaku", kRatingCodes, w));
    KINERJA_ASSIGN_OR_RETURN(auto pr, GetCode(e, "predikat", kPredikatCodes, w));
    if (seen[h][p]) {
      return Status::InvalidArgument(w + ": cell (" + kRatingCodes[h] + ", " + kRatingCodes[p] +
                                     ") is given twice");
    }
    seen[h][p] = true;
    t->matrix[h][p] = static_cast<Predikat>(pr);
  }
  for (int h = 0; h < kRatingCount; ++h) {
    for (int p = 0; p < kRatingCount; ++p) {
      if (!seen[h][p]) {
        return Status::InvalidArgument(std::string("template.matrix: cell (") + kRatingCodes[h] +
                                       ", " + kRatingCodes[p] + ") is missing; all 9 are needed");
      }
    }
  }
  return Status::Ok();
}

Status LoadBehaviourValues(const Json& root, Template* t) {
  KINERJA_ASSIGN_OR_RETURN(auto arr, GetArray(root, "behaviour_values", "template"));
  if ((arr)->empty() || (arr)->size() > 16) {
    return Status::InvalidArgument("template.behaviour_values must hold 1 to 16 values");
  }
  for (size_t i = 0; i < (arr)->size(); ++i) {
    const Json& e = (*arr)[i];
    std::string w = ItemPath("template.behaviour_values", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(e, {"code", "name", "meaning", "guidance"}, w));
    BehaviourValue v;
    auto code = GetString(e, "code", w);
    if (!code.ok()) return code.status();
    auto name = GetString(e, "name", w);
    if (!name.ok()) return name.status();
    auto meaning = GetString(e, "meaning", w);
    if (!meaning.ok()) return meaning.status();
    auto guidance = GetStringArray(e, "guidance", w);
    if (!guidance.ok()) return guidance.status();
    if (code->empty() || name->empty()) {
      return Status::InvalidArgument(w + ": code and name must not be empty");
    }
    for (const auto& o : t->behaviour_values) {
      if (o.code == *code) return Status::InvalidArgument(w + ".code '" + *code + "' repeats");
    }
    v.code = *code;
    v.name = *name;
    v.meaning = *meaning;
    v.guidance = std::move(guidance).value();
    t->behaviour_values.push_back(std::move(v));
  }
  return Status::Ok();
}

Status LoadLeaderRule(const Json& root, Template* t) {
  KINERJA_ASSIGN_OR_RETURN(auto arr, GetArray(root, "leader_rating_from_org", "template"));
  std::array<bool, kOrgPredikatCount> seen{};
  for (size_t i = 0; i < (arr)->size(); ++i) {
    const Json& e = (*arr)[i];
    std::string w = ItemPath("template.leader_rating_from_org", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(e, {"org_predikat", "rating"}, w));
    KINERJA_ASSIGN_OR_RETURN(auto o, GetCode(e, "org_predikat", kOrgCodes, w));
    KINERJA_ASSIGN_OR_RETURN(auto r, GetCode(e, "rating", kRatingCodes, w));
    if (seen[o]) return Status::InvalidArgument(w + ": org_predikat given twice");
    seen[o] = true;
    t->leader_rating_from_org[o] = static_cast<Rating>(r);
  }
  for (int o = 0; o < kOrgPredikatCount; ++o) {
    if (!seen[o]) {
      return Status::InvalidArgument(std::string("template.leader_rating_from_org: '") +
                                     kOrgCodes[o] + "' is missing");
    }
  }
  return Status::Ok();
}

Status LoadDistributionRules(const Json& root, Template* t) {
  KINERJA_ASSIGN_OR_RETURN(auto arr, GetArray(root, "distribution_rules", "template"));
  for (size_t i = 0; i < (arr)->size(); ++i) {
    const Json& e = (*arr)[i];
    std::string w = ItemPath("template.distribution_rules", i);
    KINERJA_RETURN_IF_ERROR(
        RejectUnknownKeys(e, {"id", "org_predikat", "kind", "percent", "count", "predikat"}, w));
    DistributionRule r;
    auto id = GetString(e, "id", w);
    if (!id.ok()) return id.status();
    if (id->empty()) return Status::InvalidArgument(w + ".id must not be empty");
    r.id = *id;
    KINERJA_ASSIGN_OR_RETURN(auto o, GetCode(e, "org_predikat", kOrgCodes, w));
    r.org_predikat = static_cast<OrgPredikat>(o);
    static constexpr const char* kKinds[] = {"max_percent", "min_percent", "min_count",
                                             "max_count", "plurality"};
    KINERJA_ASSIGN_OR_RETURN(auto k, GetCode(e, "kind", kKinds, w));
    r.kind = static_cast<DistributionRuleKind>(k);
    if (r.kind == DistributionRuleKind::kMaxPercent ||
        r.kind == DistributionRuleKind::kMinPercent) {
      KINERJA_ASSIGN_OR_RETURN(auto p, GetInt(e, "percent", w));
      if (p < 0 || p > 100) return Status::InvalidArgument(w + ".percent must be 0-100");
      r.percent = static_cast<int>(p);
    } else if (r.kind != DistributionRuleKind::kPlurality) {
      KINERJA_ASSIGN_OR_RETURN(auto c, GetInt(e, "count", w));
      if (c < 0 || c > 100000) return Status::InvalidArgument(w + ".count must be 0-100000");
      r.count_bound = static_cast<int>(c);
    }
    KINERJA_ASSIGN_OR_RETURN(auto ps, GetStringArray(e, "predikat", w));
    if (ps.empty()) return Status::InvalidArgument(w + ".predikat must not be empty");
    for (const auto& s : ps) {
      int p = FindCode(kPredikatCodes, s);
      if (p < 0) {
        return Status::InvalidArgument(w + ".predikat has '" + s + "'; allowed: " +
                                       CodeList(kPredikatCodes));
      }
      r.predikat[p] = true;
    }
    for (const auto& o2 : t->distribution_rules) {
      if (o2.id == r.id) return Status::InvalidArgument(w + ".id '" + r.id + "' repeats");
    }
    t->distribution_rules.push_back(std::move(r));
  }
  return Status::Ok();
}

Status LoadAngkaKredit(const Json& root, Template* t) {
  KINERJA_ASSIGN_OR_RETURN(auto arr, GetArray(root, "angka_kredit_percent", "template"));
  std::array<bool, kPredikatCount> seen{};
  for (size_t i = 0; i < (arr)->size(); ++i) {
    const Json& e = (*arr)[i];
    std::string w = ItemPath("template.angka_kredit_percent", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(e, {"predikat", "percent"}, w));
    KINERJA_ASSIGN_OR_RETURN(auto p, GetCode(e, "predikat", kPredikatCodes, w));
    KINERJA_ASSIGN_OR_RETURN(auto pct, GetInt(e, "percent", w));
    if (pct < 0 || pct > 1000) return Status::InvalidArgument(w + ".percent must be 0-1000");
    if (seen[p]) return Status::InvalidArgument(w + ": predikat given twice");
    seen[p] = true;
    t->angka_kredit_percent[p] = static_cast<int>(pct);
  }
  for (int p = 0; p < kPredikatCount; ++p) {
    if (!seen[p]) {
      return Status::InvalidArgument(std::string("template.angka_kredit_percent: '") +
                                     kPredikatCodes[p] + "' is missing");
    }
  }
  return Status::Ok();
}

Status LoadRating(const Json& root, Template* t) {
  KINERJA_RETURN_IF_ERROR(
      LoadLevels(root, "rating_levels", kRatingCodes, "template", &t->rating_levels));
  KINERJA_RETURN_IF_ERROR(
      LoadLevels(root, "predikat_levels", kPredikatCodes, "template", &t->predikat_levels));
  KINERJA_RETURN_IF_ERROR(LoadLevels(root, "org_predikat_levels", kOrgCodes, "template",
                                     &t->org_predikat_levels));
  KINERJA_RETURN_IF_ERROR(LoadMatrix(root, t));
  KINERJA_RETURN_IF_ERROR(LoadBehaviourValues(root, t));
  static constexpr const char* kAgg[] = {"median", "majority", "minimum"};
  KINERJA_ASSIGN_OR_RETURN(auto agg, GetCode(root, "perilaku_aggregation", kAgg, "template"));
  t->perilaku_aggregation = static_cast<PerilakuAggregation>(agg);
  KINERJA_RETURN_IF_ERROR(LoadLeaderRule(root, t));
  KINERJA_ASSIGN_OR_RETURN(auto sug, GetObject(root, "suggestion", "template"));
  const char* w = "template.suggestion";
  KINERJA_RETURN_IF_ERROR(
      RejectUnknownKeys(*sug, {"di_atas_from", "sesuai_from", "capaian_cap"}, w));
  KINERJA_ASSIGN_OR_RETURN(auto a, GetNonNegative(*sug, "di_atas_from", w));
  KINERJA_ASSIGN_OR_RETURN(auto s, GetNonNegative(*sug, "sesuai_from", w));
  KINERJA_ASSIGN_OR_RETURN(auto c, GetNonNegative(*sug, "capaian_cap", w));
  if (!(s <= a)) {
    return Status::InvalidArgument("template.suggestion: sesuai_from must be <= di_atas_from");
  }
  if (c <= 0) return Status::InvalidArgument("template.suggestion.capaian_cap must be > 0");
  t->suggestion_di_atas_from = a;
  t->suggestion_sesuai_from = s;
  t->suggestion_capaian_cap = c;
  KINERJA_RETURN_IF_ERROR(LoadDistributionRules(root, t));
  return LoadAngkaKredit(root, t);
}

Status LoadWeightPair(const Json& root, const char* key, double* skp, double* perilaku) {
  KINERJA_ASSIGN_OR_RETURN(auto o, GetObject(root, key, "template"));
  std::string w = FieldPath("template", key);
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(*o, {"skp", "perilaku"}, w));
  KINERJA_ASSIGN_OR_RETURN(auto s, GetNonNegative(*o, "skp", w));
  KINERJA_ASSIGN_OR_RETURN(auto p, GetNonNegative(*o, "perilaku", w));
  if (std::fabs(s + p - 100.0) > 1e-9) {
    return Status::InvalidArgument(w + ": skp + perilaku must be 100 (percent)");
  }
  *skp = s;
  *perilaku = p;
  return Status::Ok();
}

Status LoadNumeric(const Json& root, Template* t) {
  KINERJA_ASSIGN_OR_RETURN(auto un, GetArray(root, "behaviour_unsur", "template"));
  if ((un)->empty() || (un)->size() > 16) {
    return Status::InvalidArgument("template.behaviour_unsur must hold 1 to 16 unsur");
  }
  for (size_t i = 0; i < (un)->size(); ++i) {
    const Json& e = (*un)[i];
    std::string w = ItemPath("template.behaviour_unsur", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(e, {"code", "name", "struktural_only"}, w));
    BehaviourUnsur u;
    auto code = GetString(e, "code", w);
    if (!code.ok()) return code.status();
    auto name = GetString(e, "name", w);
    if (!name.ok()) return name.status();
    KINERJA_ASSIGN_OR_RETURN(auto so, GetBool(e, "struktural_only", w));
    if (code->empty()) return Status::InvalidArgument(w + ".code must not be empty");
    for (const auto& o : t->behaviour_unsur) {
      if (o.code == *code) return Status::InvalidArgument(w + ".code '" + *code + "' repeats");
    }
    u.code = *code;
    u.name = *name;
    u.struktural_only = so;
    t->behaviour_unsur.push_back(std::move(u));
  }
  bool any_general = false;
  for (const auto& u : t->behaviour_unsur) any_general = any_general || !u.struktural_only;
  if (!any_general) {
    return Status::InvalidArgument(
        "template.behaviour_unsur: at least one unsur must apply to every pegawai");
  }
  KINERJA_RETURN_IF_ERROR(LoadWeightPair(root, "weights", &t->weight_skp, &t->weight_perilaku));
  if (root.contains("weights_with_peer_input")) {
    t->has_peer_weights = true;
    KINERJA_RETURN_IF_ERROR(LoadWeightPair(root, "weights_with_peer_input",
                                           &t->weight_skp_with_peer,
                                           &t->weight_perilaku_with_peer));
  }
  auto bands = GetArray(root, "bands", "template");
  if (!bands.ok()) return bands.status();
  if ((*bands)->empty()) return Status::InvalidArgument("template.bands must not be empty");
  for (size_t i = 0; i < (*bands)->size(); ++i) {
    const Json& e = (**bands)[i];
    std::string w = ItemPath("template.bands", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(e, {"min", "name"}, w));
    KINERJA_ASSIGN_OR_RETURN(auto mn, GetNumber(e, "min", w));
    KINERJA_ASSIGN_OR_RETURN(auto name, GetString(e, "name", w));
    if (!t->bands.empty() && !(mn < t->bands.back().min)) {
      return Status::InvalidArgument(w + ".min must be below the previous band's min "
                                         "(bands are listed best first)");
    }
    t->bands.push_back(Band{mn, name});
  }
  if (t->bands.back().min > 0) {
    return Status::InvalidArgument("template.bands: the last band must start at 0 or below "
                                   "so that every value has a band");
  }
  KINERJA_ASSIGN_OR_RETURN(auto tc, GetObject(root, "time_cost_formula", "template"));
  const char* w = "template.time_cost_formula";
  KINERJA_RETURN_IF_ERROR(
      RejectUnknownKeys(*tc, {"efficiency_threshold_percent", "factor", "base"}, w));
  KINERJA_ASSIGN_OR_RETURN(auto th, GetNonNegative(*tc, "efficiency_threshold_percent", w));
  KINERJA_ASSIGN_OR_RETURN(auto f, GetNonNegative(*tc, "factor", w));
  KINERJA_ASSIGN_OR_RETURN(auto b, GetNonNegative(*tc, "base", w));
  t->efficiency_threshold_percent = th;
  t->efficiency_factor = f;
  t->efficiency_base = b;
  KINERJA_ASSIGN_OR_RETURN(auto tt, GetArray(root, "tugas_tambahan_points", "template"));
  for (size_t i = 0; i < (tt)->size(); ++i) {
    const Json& e = (*tt)[i];
    std::string wi = ItemPath("template.tugas_tambahan_points", i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(e, {"min_count", "points"}, wi));
    KINERJA_ASSIGN_OR_RETURN(auto mc, GetInt(e, "min_count", wi));
    KINERJA_ASSIGN_OR_RETURN(auto pts, GetNonNegative(e, "points", wi));
    if (mc < 1 || mc > 1000) return Status::InvalidArgument(wi + ".min_count must be 1-1000");
    if (!t->tugas_tambahan_points.empty() && mc <= t->tugas_tambahan_points.back().min_count) {
      return Status::InvalidArgument(wi + ".min_count must increase");
    }
    t->tugas_tambahan_points.push_back({static_cast<int>(mc), pts});
  }
  KINERJA_ASSIGN_OR_RETURN(auto kr, GetObject(root, "kreativitas_points", "template"));
  w = "template.kreativitas_points";
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(*kr, {"unit", "organisasi", "nasional"}, w));
  KINERJA_ASSIGN_OR_RETURN(auto ku, GetNonNegative(*kr, "unit", w));
  KINERJA_ASSIGN_OR_RETURN(auto ko, GetNonNegative(*kr, "organisasi", w));
  KINERJA_ASSIGN_OR_RETURN(auto kn, GetNonNegative(*kr, "nasional", w));
  t->kreativitas_unit = ku;
  t->kreativitas_organisasi = ko;
  t->kreativitas_nasional = kn;
  KINERJA_ASSIGN_OR_RETURN(auto sanction, GetNonNegative(root, "skp_sanction_below", "template"));
  t->skp_sanction_below = sanction;
  return Status::Ok();
}

Status LoadRaterWeights(const Json& root, Template* t) {
  KINERJA_ASSIGN_OR_RETURN(auto o, GetObject(root, "rater_weights", "template"));
  const char* w = "template.rater_weights";
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(*o, {"self", "supervisor", "peer", "subordinate"}, w));
  double sum = 0;
  for (int g = 0; g < kRaterGroupCount; ++g) {
    KINERJA_ASSIGN_OR_RETURN(auto v,
                             GetNonNegative(*o, RaterGroupCode(static_cast<RaterGroup>(g)), w));
    t->rater_weights[g] = v;
    sum += v;
  }
  if (!(sum > 0)) return Status::InvalidArgument(std::string(w) + ": at least one weight must be > 0");
  KINERJA_ASSIGN_OR_RETURN(auto mn, GetInt(root, "min_group_raters", "template"));
  if (mn < 1 || mn > 100) {
    return Status::InvalidArgument("template.min_group_raters must be 1-100");
  }
  t->min_group_raters = static_cast<int>(mn);
  return Status::Ok();
}

template <size_t N, typename E>
Result<E> ParseLevel(const std::array<LevelName, N>& levels, std::string_view text,
                     std::string_view where, const char* what) {
  std::string_view s = Trim(text);
  for (size_t i = 0; i < N; ++i) {
    const LevelName& l = levels[i];
    bool hit = EqualsIgnoreCase(s, l.code) || EqualsIgnoreCase(s, l.name);
    for (const auto& a : l.aliases) hit = hit || EqualsIgnoreCase(s, a);
    if (hit) return static_cast<E>(i);
  }
  std::string list;
  for (size_t i = N; i-- > 0;) list += "'" + levels[i].name + (i ? "', " : "'");
  return Status::InvalidArgument(std::string(where) + " is '" + std::string(text) +
                                 "', which is not a " + what + "; allowed: " + list);
}

}  // namespace

Result<Template> LoadTemplate(std::string_view json_text) {
  auto parsed = ParseJson(json_text);
  if (!parsed.ok()) return Status::InvalidArgument("template: " + parsed.status().message());
  const Json& root = *parsed;
  if (!root.is_object()) return Status::InvalidArgument("template must be a JSON object");
  Template t;
  auto kind = GetString(root, "kind", "template");
  if (!kind.ok()) return kind.status();
  if (*kind == "rating") {
    t.kind = TemplateKind::kRating;
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
        root, {"id", "version", "kind", "title", "regulation", "rating_levels",
               "predikat_levels", "org_predikat_levels", "matrix", "behaviour_values",
               "perilaku_aggregation", "leader_rating_from_org", "suggestion",
               "distribution_rules", "angka_kredit_percent", "rater_weights",
               "min_group_raters"},
        "template"));
  } else if (*kind == "numeric") {
    t.kind = TemplateKind::kNumeric;
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
        root, {"id", "version", "kind", "title", "regulation", "behaviour_unsur", "weights",
               "weights_with_peer_input", "bands", "time_cost_formula", "tugas_tambahan_points",
               "kreativitas_points", "skp_sanction_below", "rater_weights", "min_group_raters"},
        "template"));
  } else {
    return Status::InvalidArgument("template.kind is '" + *kind +
                                   "'; allowed: rating, numeric");
  }
  auto id = GetString(root, "id", "template");
  if (!id.ok()) return id.status();
  if (id->empty() || id->size() > 100) {
    return Status::InvalidArgument("template.id must be 1-100 characters");
  }
  t.id = *id;
  auto version = GetInt(root, "version", "template");
  if (!version.ok()) return version.status();
  if (*version < 1 || *version > 1000000) {
    return Status::InvalidArgument("template.version must be a positive integer");
  }
  t.version = static_cast<int>(*version);
  auto title = GetString(root, "title", "template");
  if (!title.ok()) return title.status();
  t.title = *title;
  KINERJA_ASSIGN_OR_RETURN(auto reg, GetString(root, "regulation", "template"));
  t.regulation = reg;
  if (t.kind == TemplateKind::kRating) {
    KINERJA_RETURN_IF_ERROR(LoadRating(root, &t));
  } else {
    KINERJA_RETURN_IF_ERROR(LoadNumeric(root, &t));
  }
  KINERJA_RETURN_IF_ERROR(LoadRaterWeights(root, &t));
  return t;
}

Result<Rating> ParseRating(const Template& t, std::string_view text, std::string_view where) {
  return ParseLevel<kRatingCount, Rating>(t.rating_levels, text, where, "rating");
}

Result<Predikat> ParsePredikat(const Template& t, std::string_view text,
                               std::string_view where) {
  return ParseLevel<kPredikatCount, Predikat>(t.predikat_levels, text, where, "predikat");
}

Result<OrgPredikat> ParseOrgPredikat(const Template& t, std::string_view text,
                                     std::string_view where) {
  return ParseLevel<kOrgPredikatCount, OrgPredikat>(t.org_predikat_levels, text, where,
                                                    "capaian kinerja organisasi");
}

const std::string& RatingName(const Template& t, Rating r) {
  return t.rating_levels[static_cast<int>(r)].name;
}
const std::string& PredikatName(const Template& t, Predikat p) {
  return t.predikat_levels[static_cast<int>(p)].name;
}
const std::string& OrgPredikatName(const Template& t, OrgPredikat p) {
  return t.org_predikat_levels[static_cast<int>(p)].name;
}

const std::string& BandName(const Template& t, double value) {
  assert(!t.bands.empty());
  double v = RoundHalfAwayFromZero(value, 2);
  for (const auto& b : t.bands) {
    if (v >= b.min) return b.name;
  }
  return t.bands.back().name;
}

}  // namespace kinerja

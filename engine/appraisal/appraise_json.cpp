#include "engine/appraisal/appraise_json.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/appraisal/builtin_templates.h"
#include "engine/appraisal/distribution.h"
#include "engine/appraisal/multi_rater.h"
#include "engine/appraisal/numeric_skp.h"
#include "engine/appraisal/skp_rating.h"
#include "shared/text.h"
#include "shared/utf8.h"
#include "shared/wire/limits.h"

namespace kinerja {
namespace {

constexpr size_t kMaxAppraisals = 100000;
constexpr size_t kMaxRowsPerAppraisal = 1000;

Status Prefix(const Status& s, std::string_view where) {
  if (where.empty()) return s;
  return Status(s.code(), std::string(where) + ": " + s.message());
}


Result<bool> GetOptBool(const Json& obj, const char* key, std::string_view where, bool dflt) {
  if (!obj.contains(key) || obj.find(key)->is_null()) return dflt;
  return GetBool(obj, key, where);
}

// nullptr when absent or null; an error when present with another type than array.
Result<const Json*> GetOptArray(const Json& obj, const char* key, std::string_view where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return static_cast<const Json*>(nullptr);
  if (!it->is_array()) {
    return Status::InvalidArgument(FieldPath(where, key) + " must be an array, not " +
                                   it->type_name());
  }
  if (it->size() > kMaxRowsPerAppraisal) {
    return Status::TooLarge(FieldPath(where, key) + " has more than " +
                            std::to_string(kMaxRowsPerAppraisal) + " rows");
  }
  return &*it;
}

Result<const Json*> GetOptObject(const Json& obj, const char* key, std::string_view where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return static_cast<const Json*>(nullptr);
  if (!it->is_object()) {
    return Status::InvalidArgument(FieldPath(where, key) + " must be an object, not " +
                                   it->type_name());
  }
  return &*it;
}

// Finds a dimension (BerAKHLAK value or unsur) by code or name; -1 when unknown.
template <typename Dim>
int FindDimension(const std::vector<Dim>& dims, std::string_view key) {
  for (size_t i = 0; i < dims.size(); ++i) {
    if (EqualsIgnoreCase(key, dims[i].code) || EqualsIgnoreCase(key, dims[i].name)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

template <typename Dim>
std::string DimensionList(const std::vector<Dim>& dims) {
  std::string s;
  for (size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + dims[i].code;
  return s;
}

// Reads a perilaku object into scores (one per dimension, template order). Rating templates
// expect rating texts (scored 1-3); numeric templates expect numbers 0-100. `rated` marks
// the dimensions present.
template <typename Dim>
Status ReadPerilaku(const Template& t, const std::vector<Dim>& dims, const Json& obj,
                    std::string_view where, std::array<double, kMaxRaterDimensions>* scores,
                    std::array<bool, kMaxRaterDimensions>* rated) {
  if (!obj.is_object()) return Status::InvalidArgument(std::string(where) + " must be an object");
  rated->fill(false);
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    int d = FindDimension(dims, it.key());
    std::string field = FieldPath(where, it.key());
    if (d < 0) {
      return Status::InvalidArgument("unknown field " + field + "; " +
                                     (t.kind == TemplateKind::kRating ? "BerAKHLAK values"
                                                                      : "perilaku unsur") +
                                     " of template '" + t.id + "': " + DimensionList(dims));
    }
    if ((*rated)[d]) {
      return Status::InvalidArgument(field + " rates '" + dims[d].code + "' a second time");
    }
    if (t.kind == TemplateKind::kRating) {
      KINERJA_ASSIGN_OR_RETURN(auto text, GetString(obj, it.key().c_str(), where));
      KINERJA_ASSIGN_OR_RETURN(auto r, ParseRating(t, text, field));
      (*scores)[d] = RatingScore(r);
    } else {
      KINERJA_ASSIGN_OR_RETURN(auto v, GetNumber(obj, it.key().c_str(), where));
      if (v < 0 || v > 100) {
        return Status::InvalidArgument(field + " is " + it.value().dump() + "; allowed 0-100");
      }
      (*scores)[d] = v;
    }
    (*rated)[d] = true;
  }
  return Status::Ok();
}

template <typename Dim>
std::string MissingList(const std::vector<Dim>& dims,
                        const std::array<bool, kMaxRaterDimensions>& rated,
                        const std::array<bool, kMaxRaterDimensions>& optional = {}) {
  std::string s;
  for (size_t i = 0; i < dims.size(); ++i) {
    if (!rated[i] && !optional[i]) s += (s.empty() ? "" : ", ") + dims[i].code;
  }
  return s;
}

// Raters: "perilaku" (the pejabat penilai = supervisor) plus the optional "raters" array.
struct PerilakuInput {
  bool has_perilaku = false;  // a top-level "perilaku" object was given
  std::array<double, kMaxRaterDimensions> scores{};
  std::array<bool, kMaxRaterDimensions> rated{};
  std::vector<RaterInput> raters;  // only when "raters" was given
  bool multi = false;
};

// `optional` marks dimensions a rater may leave out (struktural-only unsur for a
// non-struktural pegawai); they are scored 0 and dropped by the scorer.
template <typename Dim>
Status ReadPerilakuInput(const Template& t, const std::vector<Dim>& dims, const Json& a,
                         std::string_view where,
                         const std::array<bool, kMaxRaterDimensions>& optional,
                         PerilakuInput* out) {
  KINERJA_ASSIGN_OR_RETURN(auto p, GetOptObject(a, "perilaku", where));
  if (p) {
    out->has_perilaku = true;
    KINERJA_RETURN_IF_ERROR(
        ReadPerilaku(t, dims, *p, FieldPath(where, "perilaku"), &out->scores, &out->rated));
  }
  KINERJA_ASSIGN_OR_RETURN(auto rs, GetOptArray(a, "raters", where));
  if (!rs) return Status::Ok();
  out->multi = true;
  if (out->has_perilaku) {
    std::string missing = MissingList(dims, out->rated, optional);
    if (!missing.empty()) {
      return Status::InvalidArgument(FieldPath(where, "perilaku") + " must rate every value when " +
                                     "raters are given; missing: " + missing);
    }
    RaterInput sup;
    sup.group = RaterGroup::kSupervisor;
    sup.scores = out->scores;
    out->raters.push_back(sup);
  }
  for (size_t i = 0; i < (rs)->size(); ++i) {
    const Json& r = (*rs)[i];
    std::string w = ItemPath(FieldPath(where, "raters"), i);
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(r, {"group", "perilaku"}, w));
    KINERJA_ASSIGN_OR_RETURN(auto g, GetString(r, "group", w));
    RaterInput in;
    bool found = false;
    for (int gi = 0; gi < kRaterGroupCount; ++gi) {
      if (g == RaterGroupCode(static_cast<RaterGroup>(gi))) {
        in.group = static_cast<RaterGroup>(gi);
        found = true;
      }
    }
    if (!found) {
      return Status::InvalidArgument(FieldPath(w, "group") + " is '" + g +
                                     "'; allowed: self, supervisor, peer, subordinate");
    }
    KINERJA_ASSIGN_OR_RETURN(auto po, GetOptObject(r, "perilaku", w));
    if (!po) return Status::InvalidArgument(FieldPath(w, "perilaku") + " is missing");
    std::array<bool, kMaxRaterDimensions> rated{};
    KINERJA_RETURN_IF_ERROR(
        ReadPerilaku(t, dims, *po, FieldPath(w, "perilaku"), &in.scores, &rated));
    std::string missing = MissingList(dims, rated, optional);
    if (!missing.empty()) {
      return Status::InvalidArgument(FieldPath(w, "perilaku") + " must rate every value; missing: " +
                                     missing);
    }
    out->raters.push_back(in);
  }
  return Status::Ok();
}

template <typename Dim>
Json MultiRaterJson(const Template& t, const std::vector<Dim>& dims, const MultiRaterResult& m,
                    bool as_rating, std::vector<std::string>* warnings) {
  Json groups = Json::object();
  for (int gi = 0; gi < kRaterGroupCount; ++gi) {
    const auto group = static_cast<RaterGroup>(gi);
    const GroupSummary& g = m.groups[gi];
    Json j;
    j["raters"] = g.rater_count;
    j["template_weight"] = t.rater_weights[gi];
    j["weight_used"] = RoundHalfAwayFromZero(g.weight, 2);
    j["included"] = g.included;
    j["suppressed"] = g.suppressed;
    if (g.rater_count > 0 && !g.suppressed) {
      Json mean = Json::object();
      for (size_t d = 0; d < dims.size(); ++d) mean[dims[d].code] = RoundHalfAwayFromZero(g.mean[d], 2);
      j["mean"] = mean;
    } else {
      j["mean"] = nullptr;
    }
    if (g.suppressed) {
      warnings->push_back(std::string("multi_rater: ") + RaterGroupCode(group) + " group has " +
                          std::to_string(g.rater_count) + " rater(s), fewer than " +
                          std::to_string(t.min_group_raters) +
                          "; its mean is hidden and not used (anonymity)");
    }
    if (group == RaterGroup::kSelf && g.rater_count > 0 && !g.included) {
      warnings->push_back("multi_rater: self-assessment is shown beside the others and not "
                          "mixed in (template weight 0)");
    }
    groups[RaterGroupCode(group)] = std::move(j);
  }
  Json combined = Json::object();
  for (size_t d = 0; d < dims.size(); ++d) {
    combined[dims[d].code] = RoundHalfAwayFromZero(m.combined[d], 2);
  }
  Json out;
  out["min_group_raters"] = t.min_group_raters;
  out["groups"] = std::move(groups);
  out["combined"] = std::move(combined);
  out["combined_scale"] = as_rating ? "1 = Di Bawah, 2 = Sesuai, 3 = Di Atas" : "0-100";
  out["peer_input_used"] = m.peer_input_used;
  return out;
}

Json WarningsJson(const std::vector<std::string>& w) {
  Json a = Json::array();
  for (const auto& s : w) a.push_back(s);
  return a;
}

void EchoIdentity(const Json& a, Json* out) {
  auto it = a.find("pegawai");
  (*out)["pegawai"] = it == a.end() ? Json(nullptr) : *it;
  it = a.find("periode");
  (*out)["periode"] = it == a.end() ? Json(nullptr) : *it;
}

Status CheckIdentity(const Json& a, std::string_view where) {
  KINERJA_RETURN_IF_ERROR(GetOptObject(a, "pegawai", where).status());
  auto pr = GetOptString(a, "periode", where);
  return pr.status();
}

// Result of one rating appraisal, kept for the unit's distribution check.
struct Scored {
  Json report;
  bool is_rating = false;
  Predikat predikat = Predikat::kBaik;
};

Result<Scored> ScoreRatingJson(const Template& t, const Json& a, std::string_view where,
                               std::optional<OrgPredikat> unit_org) {
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      a, {"template", "pegawai", "periode", "unit_leader", "capaian_kinerja_organisasi",
          "hasil_kerja", "rating_hasil_kerja", "perilaku", "rating_perilaku", "raters"},
      where));
  KINERJA_RETURN_IF_ERROR(CheckIdentity(a, where));
  std::vector<std::string> warnings;
  RatingAppraisal in;
  auto leader = GetOptBool(a, "unit_leader", where, false);
  if (!leader.ok()) return leader.status();
  in.is_unit_leader = *leader;
  KINERJA_ASSIGN_OR_RETURN(auto org, GetOptString(a, "capaian_kinerja_organisasi", where));
  if (org) {
    KINERJA_ASSIGN_OR_RETURN(
        auto o, ParseOrgPredikat(t, *org, FieldPath(where, "capaian_kinerja_organisasi")));
    in.capaian_kinerja_organisasi = o;
  } else if (in.is_unit_leader && unit_org) {
    in.capaian_kinerja_organisasi = unit_org;
  }
  auto rhk = GetOptString(a, "rating_hasil_kerja", where);
  if (!rhk.ok()) return rhk.status();
  if (*rhk) {
    KINERJA_ASSIGN_OR_RETURN(auto r, ParseRating(t, **rhk, FieldPath(where, "rating_hasil_kerja")));
    in.rating_hasil_kerja = r;
  }
  KINERJA_ASSIGN_OR_RETURN(auto rp, GetOptString(a, "rating_perilaku", where));
  if (rp) {
    KINERJA_ASSIGN_OR_RETURN(auto r, ParseRating(t, *rp, FieldPath(where, "rating_perilaku")));
    in.rating_perilaku_override = r;
  }

  // Indicators.
  std::vector<Indicator> inds;
  Json ind_out = Json::array();
  KINERJA_ASSIGN_OR_RETURN(auto hk, GetOptArray(a, "hasil_kerja", where));
  if (hk) {
    for (size_t i = 0; i < (hk)->size(); ++i) {
      const Json& r = (*hk)[i];
      std::string w = ItemPath(FieldPath(where, "hasil_kerja"), i);
      KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
          r, {"rhk", "iki", "jenis", "aspek", "target", "target_max", "realisasi",
              "lower_is_better", "satuan"},
          w));
      Indicator ind;
      KINERJA_ASSIGN_OR_RETURN(auto rhk_text, GetOptString(r, "rhk", w));
      auto iki = GetOptString(r, "iki", w);
      if (!iki.ok()) return iki.status();
      if (*iki) {
        KINERJA_RETURN_IF_ERROR(
            CheckTextLength(**iki, FieldPath(w, "iki"), 0, wire::kMaxTextChars));
      }
      KINERJA_ASSIGN_OR_RETURN(auto satuan, GetOptString(r, "satuan", w));
      auto jenis = GetOptString(r, "jenis", w);
      if (!jenis.ok()) return jenis.status();
      if (*jenis) {
        if (EqualsIgnoreCase(**jenis, "utama")) {
          ind.kind = IndicatorKind::kUtama;
        } else if (EqualsIgnoreCase(**jenis, "tambahan")) {
          ind.kind = IndicatorKind::kTambahan;
        } else {
          return Status::InvalidArgument(FieldPath(w, "jenis") + " is '" + **jenis +
                                         "'; allowed: utama, tambahan");
        }
      }
      auto aspek = GetOptString(r, "aspek", w);
      if (!aspek.ok()) return aspek.status();
      static constexpr const char* kAspects[] = {"kuantitas", "kualitas", "waktu", "biaya"};
      if (*aspek) {
        bool found = false;
        for (int k = 0; k < 4; ++k) {
          if (EqualsIgnoreCase(**aspek, kAspects[k])) {
            ind.aspect = static_cast<Aspect>(k);
            found = true;
          }
        }
        if (!found) {
          return Status::InvalidArgument(FieldPath(w, "aspek") + " is '" + **aspek +
                                         "'; allowed: kuantitas, kualitas, waktu, biaya");
        }
      }
      auto target = GetNumber(r, "target", w);
      if (!target.ok()) return target.status();
      ind.target = *target;
      KINERJA_ASSIGN_OR_RETURN(auto tmax, GetOptNumber(r, "target_max", w));
      if (tmax) {
        ind.has_range = true;
        ind.target_upper = *tmax;
      }
      KINERJA_ASSIGN_OR_RETURN(auto real, GetNumber(r, "realisasi", w));
      ind.realisasi = real;
      KINERJA_ASSIGN_OR_RETURN(auto lib, GetOptBool(r, "lower_is_better", w, false));
      ind.lower_is_better = lib;
      KINERJA_RETURN_IF_ERROR(ValidateIndicator(ind, w));
      inds.push_back(ind);
      Json o;
      o["rhk"] = rhk_text ? Json(*rhk_text) : Json(nullptr);
      o["iki"] = *iki ? Json(**iki) : Json(nullptr);
      o["jenis"] = ind.kind == IndicatorKind::kUtama ? "utama" : "tambahan";
      o["aspek"] = kAspects[static_cast<int>(ind.aspect)];
      o["target"] = ind.target;
      o["target_max"] = ind.has_range ? Json(ind.target_upper) : Json(nullptr);
      o["realisasi"] = ind.realisasi;
      o["lower_is_better"] = ind.lower_is_better;
      o["capaian"] = RoundHalfAwayFromZero(CapaianIki(ind), 2);
      ind_out.push_back(std::move(o));
    }
  }
  in.indicators = inds;

  // Perilaku.
  PerilakuInput pin;
  KINERJA_RETURN_IF_ERROR(ReadPerilakuInput(t, t.behaviour_values, a, where, {}, &pin));
  const int dims = static_cast<int>(t.behaviour_values.size());
  Json multi = nullptr;
  if (pin.multi) {
    if (!pin.raters.empty()) {
      auto m = CombineRaters(t, dims, pin.raters);
      if (!m.ok()) {
        if (!in.rating_perilaku_override) return Prefix(m.status(), where);
        warnings.push_back(m.status().message());
      } else {
        multi = MultiRaterJson(t, t.behaviour_values, *m, true, &warnings);
        for (int d = 0; d < dims; ++d) in.value_ratings[d] = RatingFromScore(m->combined[d]);
        in.value_count = dims;
      }
    }
  } else if (pin.has_perilaku) {
    std::string missing = MissingList(t.behaviour_values, pin.rated);
    if (!missing.empty()) {
      return Status::InvalidArgument(FieldPath(where, "perilaku") + " must rate every BerAKHLAK " +
                                     "value; missing: " + missing);
    }
    for (int d = 0; d < dims; ++d) {
      in.value_ratings[d] = static_cast<Rating>(static_cast<int>(pin.scores[d]) - 1);
    }
    in.value_count = dims;
  }

  auto scored = ScoreRatingAppraisal(t, in);
  if (!scored.ok()) return Prefix(scored.status(), where);
  const RatingOutcome& o = *scored;

  Json out;
  out["template"] = t.id;
  out["kind"] = "rating";
  EchoIdentity(a, &out);
  out["unit_leader"] = in.is_unit_leader;
  out["capaian_kinerja_organisasi"] =
      in.capaian_kinerja_organisasi ? Json(OrgPredikatName(t, *in.capaian_kinerja_organisasi))
                                    : Json(nullptr);
  out["rating_hasil_kerja"] = RatingName(t, o.rating_hasil_kerja);
  out["rating_hasil_kerja_code"] = RatingCode(o.rating_hasil_kerja);
  out["rating_hasil_kerja_source"] =
      o.hasil_kerja_source == HasilKerjaSource::kRater ? "rater" : "unit_leader_rule";
  static constexpr const char* kAgg[] = {"median", "majority", "minimum"};
  Json values = Json::array();
  if (in.value_count > 0) {
    for (int d = 0; d < dims; ++d) {
      Json v;
      v["code"] = t.behaviour_values[d].code;
      v["name"] = t.behaviour_values[d].name;
      v["rating"] = RatingName(t, in.value_ratings[d]);
      v["rating_code"] = RatingCode(in.value_ratings[d]);
      values.push_back(std::move(v));
    }
  }
  out["perilaku"] = std::move(values);
  out["rating_perilaku"] = RatingName(t, o.rating_perilaku);
  out["rating_perilaku_code"] = RatingCode(o.rating_perilaku);
  out["rating_perilaku_source"] =
      o.perilaku_source == PerilakuSource::kOverride
          ? std::string("override")
          : std::string("derived_") + kAgg[static_cast<int>(t.perilaku_aggregation)];
  out["derived_rating_perilaku"] =
      o.has_derived_perilaku ? Json(RatingName(t, o.derived_perilaku)) : Json(nullptr);
  out["predikat"] = PredikatName(t, o.predikat);
  out["predikat_code"] = PredikatCode(o.predikat);
  out["angka_kredit_percent"] = t.angka_kredit_percent[static_cast<int>(o.predikat)];
  out["indikator"] = std::move(ind_out);
  if (o.suggestion.available) {
    Json s;
    s["rating"] = RatingName(t, o.suggestion.rating);
    s["rating_code"] = RatingCode(o.suggestion.rating);
    s["mean_capaian"] = o.suggestion.mean_capaian;
    s["indicator_count"] = o.suggestion.indicator_count;
    s["note"] = "suggestion from the mean capaian of the Utama IKI (PermenPANRB 8/2021 "
                "formulas); the rating hasil kerja is the pejabat penilai's judgment";
    out["suggested_rating_hasil_kerja"] = std::move(s);
  } else {
    out["suggested_rating_hasil_kerja"] = nullptr;
  }
  out["multi_rater"] = std::move(multi);
  if (o.warnings & kWarnLeaderRuleReplacedRating) {
    warnings.push_back("rating_hasil_kerja '" + RatingName(t, *in.rating_hasil_kerja) +
                       "' was replaced: a unit leader's rating hasil kerja equals the unit's "
                       "capaian kinerja organisasi (SE MenPANRB 03/2023)");
  }
  if (o.warnings & kWarnOverrideDiffersFromDerived) {
    warnings.push_back("rating_perilaku '" + RatingName(t, o.rating_perilaku) +
                       "' (rater) differs from '" + RatingName(t, o.derived_perilaku) +
                       "' derived from the BerAKHLAK values; the rater's rating is used");
  }
  if (o.warnings & kWarnSuggestionDiffers) {
    warnings.push_back("the suggested rating hasil kerja from IKI capaian is '" +
                       RatingName(t, o.suggestion.rating) + "'; the rating given is '" +
                       RatingName(t, o.rating_hasil_kerja) + "'");
  }
  if (o.warnings & kWarnCapaianAboveCap) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "an Utama IKI capaian above %g%% was capped for the suggestion",
                  t.suggestion_capaian_cap);
    warnings.push_back(buf);
  }
  out["warnings"] = WarningsJson(warnings);
  Scored s;
  s.report = std::move(out);
  s.is_rating = true;
  s.predikat = o.predikat;
  return s;
}

Result<AspectValues> ReadAspect(const Json& k, const char* key, std::string_view where) {
  KINERJA_ASSIGN_OR_RETURN(auto o, GetOptObject(k, key, where));
  std::string w = FieldPath(where, key);
  if (!o) return Status::InvalidArgument(w + " is missing");
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(*o, {"target", "realisasi"}, w));
  AspectValues v;
  KINERJA_ASSIGN_OR_RETURN(auto t, GetNumber(*o, "target", w));
  KINERJA_ASSIGN_OR_RETURN(auto r, GetNumber(*o, "realisasi", w));
  v.target = t;
  v.realisasi = r;
  return v;
}

Result<Scored> ScoreNumericJson(const Template& t, const Json& a, std::string_view where) {
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      a, {"template", "pegawai", "periode", "struktural", "kegiatan", "tugas_tambahan",
          "kreativitas", "perilaku", "raters"},
      where));
  KINERJA_RETURN_IF_ERROR(CheckIdentity(a, where));
  std::vector<std::string> warnings;
  NumericAppraisal in;
  KINERJA_ASSIGN_OR_RETURN(auto st, GetOptBool(a, "struktural", where, false));
  in.struktural = st;
  KINERJA_ASSIGN_OR_RETURN(auto tt, GetOptInt(a, "tugas_tambahan", where));
  if (tt) {
    if (*tt < 0 || *tt > 1000) {
      return Status::InvalidArgument(FieldPath(where, "tugas_tambahan") +
                                     " must be a count of extra activities, 0-1000");
    }
    in.tugas_tambahan_count = static_cast<int>(*tt);
  }
  KINERJA_ASSIGN_OR_RETURN(auto kr, GetOptString(a, "kreativitas", where));
  if (kr) {
    if (*kr == "unit") {
      in.kreativitas = Kreativitas::kUnit;
    } else if (*kr == "organisasi") {
      in.kreativitas = Kreativitas::kOrganisasi;
    } else if (*kr == "nasional") {
      in.kreativitas = Kreativitas::kNasional;
    } else if (*kr != "none") {
      return Status::InvalidArgument(FieldPath(where, "kreativitas") + " is '" + *kr +
                                     "'; allowed: none, unit, organisasi, nasional");
    }
  }
  KINERJA_ASSIGN_OR_RETURN(auto kg, GetOptArray(a, "kegiatan", where));
  if (!kg || (kg)->empty()) {
    return Status::InvalidArgument(FieldPath(where, "kegiatan") +
                                   " must list at least one activity");
  }
  std::vector<Activity> acts;
  Json act_out = Json::array();
  for (size_t i = 0; i < (kg)->size(); ++i) {
    const Json& k = (*kg)[i];
    std::string w = ItemPath(FieldPath(where, "kegiatan"), i);
    KINERJA_RETURN_IF_ERROR(
        RejectUnknownKeys(k, {"nama", "kuantitas", "kualitas", "waktu", "biaya"}, w));
    auto nama = GetOptString(k, "nama", w);
    if (!nama.ok()) return nama.status();
    Activity act;
    KINERJA_ASSIGN_OR_RETURN(auto ku, ReadAspect(k, "kuantitas", w));
    act.kuantitas = ku;
    KINERJA_ASSIGN_OR_RETURN(auto kl, ReadAspect(k, "kualitas", w));
    act.kualitas = kl;
    KINERJA_ASSIGN_OR_RETURN(auto wk, ReadAspect(k, "waktu", w));
    act.waktu = wk;
    if (k.contains("biaya") && !k.find("biaya")->is_null()) {
      KINERJA_ASSIGN_OR_RETURN(auto b, ReadAspect(k, "biaya", w));
      act.biaya = b;
      act.has_biaya = true;
    }
    KINERJA_RETURN_IF_ERROR(ValidateActivity(act, w));
    acts.push_back(act);
    ActivityScore s = ScoreActivity(t, act);
    Json o;
    o["nama"] = *nama ? Json(**nama) : Json(nullptr);
    o["kuantitas"] = s.kuantitas;
    o["kualitas"] = s.kualitas;
    o["waktu"] = s.waktu;
    o["biaya"] = s.has_biaya ? Json(s.biaya) : Json(nullptr);
    o["perhitungan"] = s.perhitungan;
    o["capaian"] = s.capaian;
    act_out.push_back(std::move(o));
    if (s.warnings & kWarnNegativeTimeCost) {
      warnings.push_back(w + ": waktu/biaya realisasi is above 1.76 × target, so the aspect "
                             "value is negative (as the Perka BKN 1/2013 formula gives)");
    }
  }
  in.activities = acts;

  PerilakuInput pin;
  const int dims = static_cast<int>(t.behaviour_unsur.size());
  std::array<bool, kMaxRaterDimensions> optional{};
  for (int d = 0; d < dims; ++d) {
    optional[d] = t.behaviour_unsur[d].struktural_only && !in.struktural;
  }
  KINERJA_RETURN_IF_ERROR(ReadPerilakuInput(t, t.behaviour_unsur, a, where, optional, &pin));
  Json multi = nullptr;
  if (pin.multi) {
    // Every rater scores every unsur of the template; struktural-only unsur are dropped
    // afterwards for a non-struktural pegawai.
    auto m = CombineRaters(t, dims, pin.raters);
    if (!m.ok()) return Prefix(m.status(), where);
    multi = MultiRaterJson(t, t.behaviour_unsur, *m, false, &warnings);
    for (int d = 0; d < dims; ++d) {
      const bool applies = !t.behaviour_unsur[d].struktural_only || in.struktural;
      in.unsur[d] = RoundHalfAwayFromZero(m->combined[d], 2);
      in.unsur_rated[d] = applies;
    }
    in.perilaku_has_peer_input = m->peer_input_used;
  } else if (pin.has_perilaku) {
    for (int d = 0; d < dims; ++d) {
      in.unsur[d] = pin.scores[d];
      in.unsur_rated[d] = pin.rated[d];
    }
  }
  auto scored = ScoreNumericAppraisal(t, in);
  if (!scored.ok()) return Prefix(scored.status(), where);
  const NumericOutcome& o = *scored;

  Json out;
  out["template"] = t.id;
  out["kind"] = "numeric";
  EchoIdentity(a, &out);
  out["struktural"] = in.struktural;
  out["kegiatan"] = std::move(act_out);
  out["nilai_capaian_kegiatan"] = o.nilai_capaian_kegiatan;
  out["tugas_tambahan_points"] = o.tugas_tambahan_points;
  out["kreativitas_points"] = o.kreativitas_points;
  out["nilai_skp"] = o.nilai_skp;
  out["sebutan_skp"] = t.bands[o.band_skp].name;
  Json unsur = Json::array();
  for (int d = 0; d < dims; ++d) {
    if (!in.unsur_rated[d]) continue;
    Json u;
    u["code"] = t.behaviour_unsur[d].code;
    u["name"] = t.behaviour_unsur[d].name;
    u["nilai"] = RoundHalfAwayFromZero(in.unsur[d], 2);
    unsur.push_back(std::move(u));
  }
  out["perilaku"] = std::move(unsur);
  out["nilai_perilaku"] = o.nilai_perilaku;
  out["sebutan_perilaku"] = t.bands[o.band_perilaku].name;
  out["bobot"] = {{"skp", o.weight_skp}, {"perilaku", o.weight_perilaku}};
  out["nilai_prestasi_kerja"] = o.nilai_prestasi_kerja;
  out["sebutan"] = t.bands[o.band_prestasi_kerja].name;
  out["multi_rater"] = std::move(multi);
  if (o.warnings & kWarnSkpBelowSanction) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "nilai SKP is below %g: PP 46/2011 provides a disciplinary sanction "
                  "(hukuman disiplin)",
                  t.skp_sanction_below);
    warnings.push_back(buf);
  }
  out["warnings"] = WarningsJson(warnings);
  Scored s;
  s.report = std::move(out);
  return s;
}

class TemplateCache {
 public:
  explicit TemplateCache(const TemplateLookup* lookup) : lookup_(lookup) {}

  Result<const Template*> Get(const Json& a, std::string_view where) {
    KINERJA_ASSIGN_OR_RETURN(auto id, GetString(a, "template", where));
    auto it = cache_.find(id);
    if (it != cache_.end()) return it->second.get();
    auto t = BuiltinTemplate(id);
    if (!t.ok() && t.status().code() == Code::kNotFound && lookup_ && *lookup_) {
      auto text = (*lookup_)(id);
      if (!text.ok()) return Prefix(text.status(), FieldPath(where, "template"));
      if (text->has_value()) {
        t = LoadTemplate(**text);
        if (!t.ok()) return Prefix(t.status(), FieldPath(where, "template " + id));
      }
    }
    if (!t.ok()) return Prefix(t.status(), FieldPath(where, "template"));
    auto p = std::make_unique<Template>(std::move(t).value());
    const Template* raw = p.get();
    cache_.emplace(id, std::move(p));
    return raw;
  }

 private:
  const TemplateLookup* lookup_;
  std::map<std::string, std::unique_ptr<Template>> cache_;
};

Result<Scored> ScoreOne(TemplateCache* cache, const Json& a, std::string_view where,
                        std::optional<OrgPredikat> unit_org) {
  if (!a.is_object()) {
    return Status::InvalidArgument((where.empty() ? std::string("appraisal") : std::string(where)) +
                                   " must be an object");
  }
  KINERJA_ASSIGN_OR_RETURN(auto t, cache->Get(a, where));
  if ((t)->kind == TemplateKind::kRating) return ScoreRatingJson(*t, a, where, unit_org);
  return ScoreNumericJson(*t, a, where);
}

}  // namespace

Json DistributionReportJson(const Template& t, const DistributionReport& r) {
  Json out;
  out["template"] = t.id;
  out["capaian_kinerja_organisasi"] = OrgPredikatName(t, r.org_predikat);
  out["staff_count"] = r.staff_count;
  Json counts = Json::object();
  for (int p = kPredikatCount - 1; p >= 0; --p) {
    counts[PredikatCode(static_cast<Predikat>(p))] = r.counts[p];
  }
  out["counts"] = std::move(counts);
  static constexpr const char* kKinds[] = {"max_percent", "min_percent", "min_count",
                                           "max_count", "plurality"};
  Json checks = Json::array();
  Json violations = Json::array();
  for (const auto& c : r.checks) {
    Json j;
    j["rule"] = c.rule->id;
    j["kind"] = kKinds[static_cast<int>(c.rule->kind)];
    Json set = Json::array();
    for (int p = 0; p < kPredikatCount; ++p) {
      if (c.rule->predikat[p]) set.push_back(PredikatCode(static_cast<Predikat>(p)));
    }
    j["predikat"] = std::move(set);
    const bool pct = c.rule->kind == DistributionRuleKind::kMaxPercent ||
                     c.rule->kind == DistributionRuleKind::kMinPercent;
    j["percent"] = pct ? Json(c.rule->percent) : Json(nullptr);
    j["bound"] = c.bound_count;
    j["actual_count"] = c.actual_count;
    j["actual_percent"] = c.actual_percent;
    j["ok"] = c.ok;
    if (!c.ok) violations.push_back(c.rule->id);
    checks.push_back(std::move(j));
  }
  out["checks"] = std::move(checks);
  out["violations"] = std::move(violations);
  out["ok"] = r.all_ok;
  out["feasible"] = r.feasible ? Json(*r.feasible) : Json(nullptr);
  return out;
}

Result<Json> AppraiseReportFromJson(std::string_view file_text) {
  return AppraiseReportFromJson(file_text, TemplateLookup());
}

Result<Json> AppraiseReportFromJson(std::string_view file_text, const TemplateLookup& lookup) {
  KINERJA_ASSIGN_OR_RETURN(const Json root, ParseJson(file_text));
  return AppraiseReport(root, lookup);
}

Result<Json> AppraiseReport(const Json& root, const TemplateLookup& lookup_fn) {
  const TemplateLookup* lookup = &lookup_fn;
  if (!root.is_object()) {
    return Status::InvalidArgument(
        "the file must hold a JSON object: one appraisal or {\"appraisals\": [...]}");
  }
  TemplateCache cache(lookup);
  if (!root.contains("appraisals")) {
    KINERJA_ASSIGN_OR_RETURN(auto one, ScoreOne(&cache, root, "", std::nullopt));
    return std::move(one).report;
  }
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(root, {"appraisals", "unit"}, ""));
  const Json& arr = *root.find("appraisals");
  if (!arr.is_array()) return Status::InvalidArgument("appraisals must be an array");
  if (arr.size() > kMaxAppraisals) {
    return Status::TooLarge("appraisals has more than " + std::to_string(kMaxAppraisals) +
                            " entries");
  }
  // Optional unit: {"nama": ..., "capaian_kinerja_organisasi": ...} -> distribution check.
  auto unit = GetOptObject(root, "unit", "");
  if (!unit.ok()) return unit.status();
  std::optional<std::string> org_text;
  if (*unit) {
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(**unit, {"nama", "capaian_kinerja_organisasi"}, "unit"));
    KINERJA_ASSIGN_OR_RETURN(auto nm, GetOptString(**unit, "nama", "unit"));
    KINERJA_ASSIGN_OR_RETURN(auto o, GetOptString(**unit, "capaian_kinerja_organisasi", "unit"));
    org_text = o;
  }
  const Template* dist_template = nullptr;
  std::optional<OrgPredikat> org;
  if (org_text) {
    if (arr.empty() || !arr[0].is_object()) {
      return Status::InvalidArgument("unit.capaian_kinerja_organisasi needs at least one "
                                     "appraisal to check");
    }
    KINERJA_ASSIGN_OR_RETURN(auto t, cache.Get(arr[0], "appraisals[0]"));
    if ((t)->kind != TemplateKind::kRating) {
      return Status::InvalidArgument("unit.capaian_kinerja_organisasi: the distribution check "
                                     "needs rating-template appraisals (PermenPANRB 6/2022)");
    }
    KINERJA_ASSIGN_OR_RETURN(auto o,
                             ParseOrgPredikat(*t, *org_text, "unit.capaian_kinerja_organisasi"));
    org = o;
    dist_template = t;
  }
  Json reports = Json::array();
  std::vector<Predikat> staff;
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string where = ItemPath("appraisals", i);
    KINERJA_ASSIGN_OR_RETURN(auto one, ScoreOne(&cache, arr[i], where, org));
    if (dist_template) {
      if (!one.is_rating || one.report["template"] != dist_template->id) {
        return Status::InvalidArgument(where + ".template: every appraisal of a unit with a "
                                               "distribution check must use '" +
                                       dist_template->id + "'");
      }
      staff.push_back(one.predikat);
    }
    reports.push_back(std::move(one.report));
  }
  Json out;
  out["count"] = arr.size();
  out["appraisals"] = std::move(reports);
  if (dist_template) {
    KINERJA_ASSIGN_OR_RETURN(auto d, CheckDistribution(*dist_template, *org, staff));
    Json dj = DistributionReportJson(*dist_template, d);
    auto nm = GetOptString(**unit, "nama", "unit");
    dj["unit"] = (nm.ok() && *nm) ? Json(**nm) : Json(nullptr);
    out["distribution"] = std::move(dj);
  } else {
    out["distribution"] = nullptr;
  }
  return out;
}

}  // namespace kinerja

#include "engine/analytics/objectivity_json.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "engine/analytics/rater_effects.h"
#include "engine/analytics/stats.h"

namespace kinerja {
namespace {

constexpr int kStatDecimals = 4;
constexpr int kPValueDecimals = 6;

Json Num(double v, int decimals = kStatDecimals) {
  if (!std::isfinite(v)) return Json(nullptr);
  return Json(RoundHalfAwayFromZero(v, decimals));
}
Json Opt(const std::optional<double>& v, int decimals = kStatDecimals) {
  return v ? Num(*v, decimals) : Json(nullptr);
}

Result<RatingScale> ReadScale(const Json& root) {
  auto it = root.find("scale");
  if (it == root.end()) return Status::InvalidArgument("scale is missing");
  if (it->is_string()) {
    const std::string name = it->get<std::string>();
    if (name == "rating_3") return RatingScale{1, 3};
    if (name == "predikat_5" || name == "level_5") return RatingScale{1, 5};
    return Status::InvalidArgument("scale \"" + name +
                                   "\" is not one of rating_3, predikat_5, level_5 (or give "
                                   "{\"min\": 1, \"max\": 3})");
  }
  if (!it->is_object()) {
    return Status::InvalidArgument(std::string("scale must be a name or an object, not ") +
                                   it->type_name());
  }
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(*it, {"min", "max"}, "scale"));
  auto min = GetInt(*it, "min", "scale");
  if (!min.ok()) return min.status();
  auto max = GetInt(*it, "max", "scale");
  if (!max.ok()) return max.status();
  if (*min < -1000 || *max > 1000) {
    return Status::InvalidArgument("scale.min and scale.max must be within -1000..1000");
  }
  RatingScale s{static_cast<int>(*min), static_cast<int>(*max)};
  KINERJA_RETURN_IF_ERROR(ValidateScale(s));
  return s;
}

Result<ObjectivityOptions> ReadOptions(const Json& root) {
  ObjectivityOptions o;
  auto it = root.find("options");
  if (it == root.end() || it->is_null()) return o;
  const char* kWhere = "options";
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      *it, {"min_ratees", "leniency_z", "sd_ratio_max", "midpoint_share_min", "halo_sd_fraction",
            "self_gap_min", "chi_square_alpha"},
      kWhere));
  auto min_ratees = GetOptInt(*it, "min_ratees", kWhere);
  if (!min_ratees.ok()) return min_ratees.status();
  if (min_ratees->has_value()) {
    if (**min_ratees < 1 || **min_ratees > 1000) {
      return Status::InvalidArgument("options.min_ratees must be 1-1000, got " +
                                     std::to_string(**min_ratees));
    }
    o.min_ratees = static_cast<int>(**min_ratees);
  }
  struct Field {
    const char* key;
    double* target;
  };
  const Field fields[] = {{"leniency_z", &o.leniency_z},
                          {"sd_ratio_max", &o.sd_ratio_max},
                          {"midpoint_share_min", &o.midpoint_share_min},
                          {"halo_sd_fraction", &o.halo_sd_fraction},
                          {"self_gap_min", &o.self_gap_min},
                          {"chi_square_alpha", &o.chi_square_alpha}};
  for (const Field& f : fields) {
    KINERJA_ASSIGN_OR_RETURN(auto v, GetOptNumber(*it, f.key, kWhere));
    if (v.has_value()) *f.target = *v;
  }
  KINERJA_RETURN_IF_ERROR(ValidateOptions(o));
  return o;
}

Result<std::vector<RaterRating>> ReadRatings(const Json& root, const RatingScale& scale) {
  auto it = root.find("ratings");
  if (it == root.end()) return Status::InvalidArgument("ratings is missing");
  if (!it->is_array()) {
    return Status::InvalidArgument(std::string("ratings must be an array, not ") +
                                   it->type_name());
  }
  std::vector<RaterRating> out;
  out.reserve(it->size());
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& r = (*it)[i];
    const std::string where = "ratings[" + std::to_string(i) + "]";
    KINERJA_RETURN_IF_ERROR(
        RejectUnknownKeys(r, {"rater", "group", "ratee", "dimension", "value"}, where));
    RaterRating rating;
    auto rater = GetString(r, "rater", where);
    if (!rater.ok()) return rater.status();
    auto group = GetString(r, "group", where);
    if (!group.ok()) return group.status();
    auto ratee = GetString(r, "ratee", where);
    if (!ratee.ok()) return ratee.status();
    auto dimension = GetString(r, "dimension", where);
    if (!dimension.ok()) return dimension.status();
    auto value = GetInt(r, "value", where);
    if (!value.ok()) return value.status();
    if (!ParseRaterGroup(*group, &rating.group)) {
      return Status::InvalidArgument(where + ".group \"" + *group +
                                     "\" is not one of self, supervisor, peer, subordinate");
    }
    if (*value < scale.min || *value > scale.max) {
      return Status::InvalidArgument(where + ".value is " + std::to_string(*value) +
                                     "; the scale allows integers " + std::to_string(scale.min) +
                                     "-" + std::to_string(scale.max));
    }
    if (rater->empty() || ratee->empty() || dimension->empty()) {
      return Status::InvalidArgument(where + ": rater, ratee and dimension must be non-empty");
    }
    rating.rater_id = std::move(rater).value();
    rating.ratee_id = std::move(ratee).value();
    rating.dimension = std::move(dimension).value();
    rating.value = static_cast<int>(*value);
    out.push_back(std::move(rating));
  }
  return out;
}

// Core messages name "rating N"; the file's readers know it as ratings[N].
Status Relabel(const Status& s) {
  std::string m = s.message();
  const std::string prefix = "rating ";
  if (m.compare(0, prefix.size(), prefix) == 0) {
    size_t end = prefix.size();
    while (end < m.size() && m[end] >= '0' && m[end] <= '9') ++end;
    m = "ratings[" + m.substr(prefix.size(), end - prefix.size()) + "]" + m.substr(end);
    size_t again = m.find(" repeats rating ");
    if (again != std::string::npos) {
      size_t start = again + 16;
      size_t stop = start;
      while (stop < m.size() && m[stop] >= '0' && m[stop] <= '9') ++stop;
      m = m.substr(0, again) + " repeats ratings[" + m.substr(start, stop - start) + "]" +
          m.substr(stop);
    }
  }
  return Status(s.code(), m);
}

Json AlphaJson(const std::optional<AlphaResult>& a) {
  if (!a) return Json(nullptr);
  Json j;
  j["alpha"] = Num(a->alpha);
  j["observed_disagreement"] = Num(a->observed_disagreement);
  j["expected_disagreement"] = Num(a->expected_disagreement);
  j["units"] = a->units_used;
  j["pairable_values"] = a->pairable_values;
  return j;
}

Json ReliabilityJson(const DimensionReliability& d) {
  Json j;
  j["dimension"] = d.dimension;
  j["ratees"] = d.ratees;
  j["raters"] = d.raters;
  Json alpha;
  alpha["ordinal"] = AlphaJson(d.alpha_ordinal);
  alpha["interval"] = AlphaJson(d.alpha_interval);
  if (!d.alpha_unavailable.empty()) alpha["unavailable"] = d.alpha_unavailable;
  j["krippendorff_alpha"] = std::move(alpha);
  if (d.icc) {
    const IccResult& r = *d.icc;
    Json icc;
    icc["ratees_used"] = d.icc_ratees_used;
    icc["raters"] = d.icc_raters;
    icc["msr"] = Num(r.msr);
    icc["msw"] = Num(r.msw);
    icc["msc"] = Num(r.msc);
    icc["mse"] = Num(r.mse);
    const std::pair<const char*, double> forms[] = {
        {"icc1_1", r.icc1_1}, {"icc2_1", r.icc2_1}, {"icc3_1", r.icc3_1},
        {"icc1_k", r.icc1_k}, {"icc2_k", r.icc2_k}, {"icc3_k", r.icc3_k}};
    for (const auto& [key, value] : forms) {
      Json f;
      f["value"] = Num(value);
      f["band"] = IccBandName(InterpretIcc(value));
      icc[key] = std::move(f);
    }
    j["icc"] = std::move(icc);
  } else {
    Json icc;
    icc["unavailable"] = d.icc_unavailable;
    j["icc"] = std::move(icc);
  }
  return j;
}

Json RaterJson(const RaterReport& r, const ObjectivityReport& rep) {
  Json j;
  j["rater"] = r.rater_id;
  Json groups = Json::array();
  for (RaterRole g : r.groups) groups.push_back(RaterGroupName(g));
  j["groups"] = std::move(groups);
  j["ratings"] = r.ratings;
  j["ratees"] = r.ratees;
  j["status"] = r.sufficient ? "ok" : "insufficient_data";
  j["flags"] = FlagNames(r.flags);

  Json len;
  len["baseline"] = LeniencyBaselineName(r.leniency.baseline);
  len["ratees_used"] = r.leniency.ratees_used;
  len["mean_difference"] = Num(r.leniency.mean_difference);
  len["effect_size"] = Num(r.leniency.effect_size);
  len["z"] = Opt(r.leniency.z);
  len["threshold"] = rep.options.leniency_z;
  j["leniency"] = std::move(len);

  Json ct;
  ct["sd"] = Num(r.spread.sd);
  ct["pooled_sd"] = Num(rep.pooled_sd);
  ct["sd_ratio"] = Opt(r.spread.sd_ratio);
  ct["sd_ratio_threshold"] = rep.options.sd_ratio_max;
  ct["midpoint_share"] = Opt(r.spread.midpoint_share);
  ct["entropy_bits"] = Num(r.spread.entropy_bits);
  ct["entropy_normalised"] = Num(r.spread.entropy_normalised);
  j["central_tendency"] = std::move(ct);

  Json halo;
  halo["ratees_with_several_dimensions"] = r.halo.ratees_with_several_dimensions;
  halo["mean_within_ratee_sd"] = Opt(r.halo.mean_within_ratee_sd);
  halo["sd_threshold"] = Num(rep.options.halo_sd_fraction * (rep.scale.max - rep.scale.min));
  halo["mean_inter_dimension_r"] = Opt(r.halo.mean_inter_dimension_r);
  halo["dimension_pairs_used"] = r.halo.dimension_pairs_used;
  j["halo"] = std::move(halo);

  Json dist;
  dist["counts"] = r.distribution.counts;
  Json expected = Json::array();
  for (double e : r.distribution.expected) expected.push_back(Num(e));
  dist["expected"] = std::move(expected);
  dist["chi_square"] = Opt(r.distribution.chi_square);
  dist["df"] = r.distribution.df;
  dist["p_value"] = Opt(r.distribution.p_value, kPValueDecimals);
  dist["alpha"] = rep.options.chi_square_alpha;
  dist["expected_below_5"] = r.distribution.expected_below_5;
  j["distribution"] = std::move(dist);
  return j;
}

}  // namespace

Result<Json> ObjectivityReportFromJson(std::string_view file_text) {
  KINERJA_ASSIGN_OR_RETURN(auto parsed, ParseJson(file_text));
  const Json& root = parsed;
  if (!root.is_object()) return Status::InvalidArgument("the file must hold a JSON object");
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(root, {"scale", "options", "ratings"}, ""));
  auto scale = ReadScale(root);
  if (!scale.ok()) return scale.status();
  auto options = ReadOptions(root);
  if (!options.ok()) return options.status();
  auto ratings = ReadRatings(root, *scale);
  if (!ratings.ok()) return ratings.status();
  auto rep = AnalyseRatings(*ratings, *scale, *options);
  if (!rep.ok()) return Relabel(rep.status());
  return ObjectivityReportJson(*rep);
}

Json ObjectivityReportJson(const ObjectivityReport& report) {
  const ObjectivityReport* rep = &report;
  Json out;
  Json js;
  js["min"] = rep->scale.min;
  js["max"] = rep->scale.max;
  if ((rep->scale.max - rep->scale.min) % 2 == 0) {
    js["midpoint"] = (rep->scale.max + rep->scale.min) / 2;
  } else {
    js["midpoint"] = nullptr;
  }
  out["scale"] = std::move(js);
  const ObjectivityOptions& o = rep->options;
  out["options"] = {{"min_ratees", o.min_ratees},
                    {"leniency_z", o.leniency_z},
                    {"sd_ratio_max", o.sd_ratio_max},
                    {"midpoint_share_min", o.midpoint_share_min},
                    {"halo_sd_fraction", o.halo_sd_fraction},
                    {"self_gap_min", o.self_gap_min},
                    {"chi_square_alpha", o.chi_square_alpha}};
  out["summary"] = {{"ratings", rep->ratings},
                    {"self_ratings", rep->self_ratings},
                    {"raters", rep->raters},
                    {"ratees", rep->ratees},
                    {"dimensions", rep->dimensions},
                    {"grand_mean", Num(rep->grand_mean)},
                    {"pooled_sd", Num(rep->pooled_sd)},
                    {"pooled_within_sd_other_raters", Num(rep->pooled_within_sd_other_raters)},
                    {"pooled_within_sd_grand_mean", Num(rep->pooled_within_sd_grand_mean)}};
  Json raters = Json::array();
  int flagged = 0, insufficient = 0;
  for (const auto& r : rep->rater_reports) {
    raters.push_back(RaterJson(r, *rep));
    if (!FlagNames(r.flags).empty()) ++flagged;
    if (!r.sufficient) ++insufficient;
  }
  out["summary"]["raters_flagged"] = flagged;
  out["summary"]["raters_insufficient_data"] = insufficient;
  out["raters"] = std::move(raters);
  Json gaps = Json::array();
  for (const auto& g : rep->self_vs_supervisor) {
    Json jg;
    jg["ratee"] = g.ratee_id;
    jg["dimensions"] = g.dimensions;
    jg["supervisors"] = g.supervisors;
    jg["self_mean"] = Num(g.self_mean);
    jg["supervisor_mean"] = Num(g.supervisor_mean);
    jg["gap"] = Num(g.gap);
    if (g.flagged) {
      jg["flag"] = g.gap > 0 ? "self_higher" : "self_lower";
    } else {
      jg["flag"] = nullptr;
    }
    gaps.push_back(std::move(jg));
  }
  out["self_vs_supervisor"] = std::move(gaps);
  Json rel = Json::array();
  for (const auto& d : rep->reliability) rel.push_back(ReliabilityJson(d));
  out["reliability"] = std::move(rel);
  return out;
}

}  // namespace kinerja

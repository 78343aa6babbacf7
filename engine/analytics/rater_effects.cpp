#include "engine/analytics/rater_effects.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/analytics/stats.h"

namespace kinerja {
namespace {

// A rating with its ids interned (indices into sorted id lists, so order never depends on input).
struct Row {
  int rater;
  int ratee;
  int dim;
  int value;
  RaterRole group;
  size_t input_index;
};

// Sorted distinct ids with a lookup table (hash first, so only distinct ids are sorted).
class Interner {
 public:
  void Add(std::string_view id) { index_.emplace(id, 0); }
  void Freeze() {
    ids_.reserve(index_.size());
    for (const auto& kv : index_) ids_.push_back(kv.first);
    std::sort(ids_.begin(), ids_.end());
    for (size_t i = 0; i < ids_.size(); ++i) index_[ids_[i]] = static_cast<int>(i);
  }
  int Index(std::string_view id) const { return index_.find(id)->second; }
  const std::vector<std::string_view>& ids() const { return ids_; }
  int size() const { return static_cast<int>(ids_.size()); }

 private:
  std::vector<std::string_view> ids_;
  std::unordered_map<std::string_view, int> index_;
};

std::string RatingWhere(size_t i) { return "rating " + std::to_string(i); }

struct PoolAccumulator {
  double ss = 0.0;
  double df = 0.0;
  double Sd() const { return df > 0.0 ? std::sqrt(ss / df) : 0.0; }
};

}  // namespace

const char* RaterGroupName(RaterRole group) {
  switch (group) {
    case RaterRole::kSelf: return "self";
    case RaterRole::kSupervisor: return "supervisor";
    case RaterRole::kPeer: return "peer";
    case RaterRole::kSubordinate: return "subordinate";
  }
  return "supervisor";
}

bool ParseRaterGroup(std::string_view name, RaterRole* group) {
  for (RaterRole g : {RaterRole::kSelf, RaterRole::kSupervisor, RaterRole::kPeer,
                       RaterRole::kSubordinate}) {
    if (name == RaterGroupName(g)) {
      *group = g;
      return true;
    }
  }
  return false;
}

const char* LeniencyBaselineName(LeniencyBaseline baseline) {
  switch (baseline) {
    case LeniencyBaseline::kOtherRatersSameRatees: return "other_raters_same_ratees";
    case LeniencyBaseline::kGrandMean: return "grand_mean";
    case LeniencyBaseline::kNone: return "none";
  }
  return "none";
}

std::vector<std::string> FlagNames(const RaterFlags& f) {
  std::vector<std::string> names;
  if (f.lenient) names.push_back("lenient");
  if (f.severe) names.push_back("severe");
  if (f.restricted_range) names.push_back("restricted_range");
  if (f.central_tendency) names.push_back("central_tendency");
  if (f.halo) names.push_back("halo");
  if (f.distribution_differs) names.push_back("distribution_differs");
  return names;
}

Status ValidateScale(const RatingScale& scale) {
  if (scale.min >= scale.max || scale.max - scale.min > 100) {
    return Status::InvalidArgument("scale min " + std::to_string(scale.min) + " and max " +
                                   std::to_string(scale.max) +
                                   " are invalid; need min < max and at most 101 categories");
  }
  return Status::Ok();
}

Status ValidateOptions(const ObjectivityOptions& o) {
  if (o.min_ratees < 1 || o.min_ratees > 1000) {
    return Status::InvalidArgument("options.min_ratees must be 1-1000, got " +
                                   std::to_string(o.min_ratees));
  }
  auto positive = [](double v, const char* name) {
    if (!(v > 0.0) || !std::isfinite(v)) {
      return Status::InvalidArgument(std::string("options.") + name + " must be a number > 0");
    }
    return Status::Ok();
  };
  KINERJA_RETURN_IF_ERROR(positive(o.leniency_z, "leniency_z"));
  KINERJA_RETURN_IF_ERROR(positive(o.sd_ratio_max, "sd_ratio_max"));
  KINERJA_RETURN_IF_ERROR(positive(o.halo_sd_fraction, "halo_sd_fraction"));
  KINERJA_RETURN_IF_ERROR(positive(o.self_gap_min, "self_gap_min"));
  if (!(o.midpoint_share_min > 0.0 && o.midpoint_share_min <= 1.0)) {
    return Status::InvalidArgument("options.midpoint_share_min must be in (0, 1]");
  }
  if (!(o.chi_square_alpha > 0.0 && o.chi_square_alpha < 1.0)) {
    return Status::InvalidArgument("options.chi_square_alpha must be in (0, 1)");
  }
  return Status::Ok();
}

namespace {

// Per-rater leniency deviations before the pooled SD (which needs every rater) is known.
struct LeniencyWork {
  LeniencyBaseline baseline = LeniencyBaseline::kNone;
  std::vector<double> devs;  // one per ratee
};

void ComputeReliability(const std::vector<Row>& rows, const Interner& dims,
                        const Interner& raters_names, std::vector<DimensionReliability>* out) {
  // Rows of non-self ratings sorted by (dim, ratee, rater).
  std::vector<const Row*> by_dim;
  by_dim.reserve(rows.size());
  for (const Row& r : rows) {
    if (r.group != RaterRole::kSelf) by_dim.push_back(&r);
  }
  std::sort(by_dim.begin(), by_dim.end(), [](const Row* a, const Row* b) {
    if (a->dim != b->dim) return a->dim < b->dim;
    if (a->ratee != b->ratee) return a->ratee < b->ratee;
    return a->rater < b->rater;
  });

  auto alphas = [](const std::vector<std::vector<double>>& units, DimensionReliability* d) {
    auto ord = KrippendorffAlpha(units, AlphaMetric::kOrdinal);
    auto itv = KrippendorffAlpha(units, AlphaMetric::kInterval);
    if (ord.ok()) d->alpha_ordinal = *ord;
    if (itv.ok()) d->alpha_interval = *itv;
    if (!ord.ok()) d->alpha_unavailable = ord.status().message();
  };

  std::vector<std::vector<double>> all_units;
  std::vector<int> all_raters;
  std::vector<int> all_ratees;
  size_t i = 0;
  while (i < by_dim.size()) {
    const int dim = by_dim[i]->dim;
    size_t end = i;
    while (end < by_dim.size() && by_dim[end]->dim == dim) ++end;
    DimensionReliability d;
    d.dimension = std::string(dims.ids()[dim]);
    std::vector<int> raters;
    for (size_t j = i; j < end; ++j) raters.push_back(by_dim[j]->rater);
    std::sort(raters.begin(), raters.end());
    raters.erase(std::unique(raters.begin(), raters.end()), raters.end());
    all_raters.insert(all_raters.end(), raters.begin(), raters.end());
    d.raters = static_cast<int>(raters.size());

    // Per ratee: the raters (sorted) and their values, in rater order.
    std::vector<std::vector<double>> units;
    std::vector<std::vector<int>> unit_raters;
    size_t j = i;
    while (j < end) {
      const int ratee = by_dim[j]->ratee;
      std::vector<double> unit;
      std::vector<int> who;
      for (; j < end && by_dim[j]->ratee == ratee; ++j) {
        unit.push_back(by_dim[j]->value);
        who.push_back(by_dim[j]->rater);
      }
      ++d.ratees;
      all_ratees.push_back(ratee);
      units.push_back(unit);
      unit_raters.push_back(std::move(who));
      all_units.push_back(std::move(unit));
    }
    alphas(units, &d);

    // ICC needs a complete block. Order raters by how many ratees they rated (then by id) and
    // take the prefix of m raters whose fully covered ratees give the most cells n x m (ties:
    // more raters). Raters outside the prefix are left out of the ICC only.
    std::vector<std::pair<int, int>> coverage;  // (-ratees rated, rater)
    for (int r : raters) coverage.emplace_back(0, r);
    for (const auto& who : unit_raters) {
      for (int r : who) {
        auto it = std::lower_bound(raters.begin(), raters.end(), r);
        --coverage[static_cast<size_t>(it - raters.begin())].first;
      }
    }
    std::sort(coverage.begin(), coverage.end());
    size_t best_m = 0, best_n = 0;
    std::vector<int> chosen;
    // A block of m raters needs ratees with at least m raters, and covered ratees only shrink
    // as the prefix grows, so stop at the largest rater count of a ratee or when < 2 remain.
    size_t max_unit = 0;
    for (const auto& who : unit_raters) max_unit = std::max(max_unit, who.size());
    for (size_t m = 2; m <= std::min(coverage.size(), max_unit); ++m) {
      std::vector<int> prefix;
      for (size_t q = 0; q < m; ++q) prefix.push_back(coverage[q].second);
      std::sort(prefix.begin(), prefix.end());
      size_t n = 0;
      for (const auto& who : unit_raters) {
        if (who.size() >= m && std::includes(who.begin(), who.end(), prefix.begin(), prefix.end())) {
          ++n;
        }
      }
      if (n < 2) break;
      if (n * m >= best_n * best_m) {
        best_m = m;
        best_n = n;
        chosen = prefix;
      }
    }
    if (raters.size() < 2) {
      d.icc_unavailable = "ICC needs at least 2 raters of the same ratees";
    } else if (chosen.empty()) {
      d.icc_unavailable =
          "ICC needs a complete ratee x rater matrix: no 2 raters rated the same 2 ratees";
    } else {
      std::vector<std::vector<double>> complete;
      for (size_t u = 0; u < units.size(); ++u) {
        const auto& who = unit_raters[u];
        if (!std::includes(who.begin(), who.end(), chosen.begin(), chosen.end())) continue;
        std::vector<double> row;
        for (size_t q = 0; q < who.size(); ++q) {
          if (std::binary_search(chosen.begin(), chosen.end(), who[q])) row.push_back(units[u][q]);
        }
        complete.push_back(std::move(row));
      }
      auto icc = ComputeIcc(complete);
      if (icc.ok()) {
        d.icc = *icc;
        d.icc_ratees_used = static_cast<int>(complete.size());
        for (int r : chosen) d.icc_raters.push_back(std::string(raters_names.ids()[r]));
      } else {
        d.icc_unavailable = icc.status().message();
      }
    }
    out->push_back(std::move(d));
    i = end;
  }
  if (out->size() > 1) {
    DimensionReliability all;
    all.dimension = "*";
    std::sort(all_ratees.begin(), all_ratees.end());
    all.ratees = static_cast<int>(std::unique(all_ratees.begin(), all_ratees.end()) -
                                  all_ratees.begin());
    std::sort(all_raters.begin(), all_raters.end());
    all.raters = static_cast<int>(std::unique(all_raters.begin(), all_raters.end()) -
                                  all_raters.begin());
    alphas(all_units, &all);
    all.icc_unavailable = "ICC is reported per dimension only";
    out->push_back(std::move(all));
  }
}

}  // namespace

Result<ObjectivityReport> AnalyseRatings(const std::vector<RaterRating>& ratings,
                                         const RatingScale& scale,
                                         const ObjectivityOptions& options) {
  KINERJA_RETURN_IF_ERROR(ValidateScale(scale));
  KINERJA_RETURN_IF_ERROR(ValidateOptions(options));
  const std::string range = std::to_string(scale.min) + "-" + std::to_string(scale.max);
  Interner raters, ratees, dims;
  for (size_t i = 0; i < ratings.size(); ++i) {
    const RaterRating& r = ratings[i];
    if (r.rater_id.empty() || r.ratee_id.empty() || r.dimension.empty()) {
      return Status::InvalidArgument(RatingWhere(i) + ": rater, ratee and dimension must be non-empty");
    }
    if (r.value < scale.min || r.value > scale.max) {
      return Status::InvalidArgument(RatingWhere(i) + " (rater " + r.rater_id + ", ratee " +
                                     r.ratee_id + ", " + r.dimension + ") has value " +
                                     std::to_string(r.value) + "; the scale allows " + range);
    }
    const bool same = r.rater_id == r.ratee_id;
    if (r.group == RaterRole::kSelf && !same) {
      return Status::InvalidArgument(RatingWhere(i) + ": a self rating needs rater == ratee, got " +
                                     r.rater_id + " rating " + r.ratee_id);
    }
    if (r.group != RaterRole::kSelf && same) {
      return Status::InvalidArgument(RatingWhere(i) + ": " + r.rater_id +
                                     " rates themself; use group \"self\"");
    }
    raters.Add(r.rater_id);
    ratees.Add(r.ratee_id);
    dims.Add(r.dimension);
  }
  raters.Freeze();
  ratees.Freeze();
  dims.Freeze();

  std::vector<Row> rows;
  rows.reserve(ratings.size());
  for (size_t i = 0; i < ratings.size(); ++i) {
    const RaterRating& r = ratings[i];
    rows.push_back({raters.Index(r.rater_id), ratees.Index(r.ratee_id), dims.Index(r.dimension),
                    r.value, r.group, i});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.rater != b.rater) return a.rater < b.rater;
    if (a.ratee != b.ratee) return a.ratee < b.ratee;
    if (a.dim != b.dim) return a.dim < b.dim;
    return a.input_index < b.input_index;
  });
  for (size_t i = 1; i < rows.size(); ++i) {
    const Row& a = rows[i - 1];
    const Row& b = rows[i];
    if (a.rater == b.rater && a.ratee == b.ratee && a.dim == b.dim) {
      return Status::InvalidArgument(RatingWhere(b.input_index) + " repeats " +
                                     RatingWhere(a.input_index) + ": rater " +
                                     ratings[a.input_index].rater_id + " already rated " +
                                     ratings[a.input_index].ratee_id + " on " +
                                     ratings[a.input_index].dimension);
    }
  }

  ObjectivityReport rep;
  rep.scale = scale;
  rep.options = options;
  rep.ratings = static_cast<int>(ratings.size());
  rep.ratees = ratees.size();
  rep.dimensions = dims.size();
  const int categories = scale.max - scale.min + 1;

  // Pooled statistics over non-self ratings, and per (ratee, dimension) cell sums.
  std::vector<int64_t> pooled_counts(static_cast<size_t>(categories), 0);
  double sum_all = 0.0;
  int64_t n_all = 0;
  for (const Row& r : rows) {
    if (r.group == RaterRole::kSelf) {
      ++rep.self_ratings;
      continue;
    }
    sum_all += r.value;
    ++n_all;
    ++pooled_counts[static_cast<size_t>(r.value - scale.min)];
  }
  rep.grand_mean = n_all > 0 ? sum_all / static_cast<double>(n_all) : 0.0;
  {
    double ss = 0.0;
    for (int c = 0; c < categories; ++c) {
      double d = (scale.min + c) - rep.grand_mean;
      ss += static_cast<double>(pooled_counts[static_cast<size_t>(c)]) * d * d;
    }
    rep.pooled_sd = n_all > 1 ? std::sqrt(ss / static_cast<double>(n_all - 1)) : 0.0;
  }
  std::vector<size_t> cell_order;
  cell_order.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].group != RaterRole::kSelf) cell_order.push_back(i);
  }
  std::sort(cell_order.begin(), cell_order.end(), [&rows](size_t a, size_t b) {
    if (rows[a].ratee != rows[b].ratee) return rows[a].ratee < rows[b].ratee;
    if (rows[a].dim != rows[b].dim) return rows[a].dim < rows[b].dim;
    return rows[a].rater < rows[b].rater;
  });
  std::vector<double> cell_sum(rows.size(), 0.0);
  std::vector<int> cell_count(rows.size(), 0);
  for (size_t i = 0; i < cell_order.size();) {
    size_t end = i;
    double s = 0.0;
    const Row& first = rows[cell_order[i]];
    while (end < cell_order.size() && rows[cell_order[end]].ratee == first.ratee &&
           rows[cell_order[end]].dim == first.dim) {
      s += rows[cell_order[end]].value;
      ++end;
    }
    for (size_t j = i; j < end; ++j) {
      cell_sum[cell_order[j]] = s;
      cell_count[cell_order[j]] = static_cast<int>(end - i);
    }
    i = end;
  }

  // Per rater (rows are sorted by rater, ratee, dim).
  std::vector<LeniencyWork> work;
  const double halo_threshold = options.halo_sd_fraction * (scale.max - scale.min);
  const bool has_midpoint = (scale.max - scale.min) % 2 == 0;
  const int midpoint = (scale.max + scale.min) / 2;
  for (size_t i = 0; i < rows.size();) {
    size_t end = i;
    while (end < rows.size() && rows[end].rater == rows[i].rater) ++end;
    RaterReport rr;
    rr.rater_id = std::string(raters.ids()[rows[i].rater]);
    std::vector<double> values;
    std::vector<int64_t> counts(static_cast<size_t>(categories), 0);
    bool group_seen[4] = {false, false, false, false};
    LeniencyWork lw;
    std::vector<double> other_devs;    // per ratee vs other raters' cells
    std::vector<double> ratee_means;   // per ratee mean of own ratings
    std::vector<double> within_sds;
    // Ratee x dimension matrix for the inter-dimension correlations.
    std::vector<int> rater_dims;
    std::vector<std::vector<std::pair<int, int>>> ratee_cells;  // (dim, value) per ratee
    double rater_sum = 0.0;
    for (size_t j = i; j < end;) {
      size_t ratee_end = j;
      while (ratee_end < end && rows[ratee_end].ratee == rows[j].ratee) ++ratee_end;
      if (rows[j].group == RaterRole::kSelf) {  // a self rating block (rater == ratee)
        j = ratee_end;
        continue;
      }
      ++rr.ratees;
      std::vector<double> ratee_values;
      std::vector<std::pair<int, int>> cells;
      double dev_sum = 0.0;
      int dev_n = 0;
      for (size_t k = j; k < ratee_end; ++k) {
        const Row& r = rows[k];
        values.push_back(r.value);
        ratee_values.push_back(r.value);
        cells.emplace_back(r.dim, r.value);
        rater_dims.push_back(r.dim);
        ++counts[static_cast<size_t>(r.value - scale.min)];
        group_seen[static_cast<int>(r.group)] = true;
        rater_sum += r.value;
        if (cell_count[k] > 1) {
          double others = (cell_sum[k] - r.value) / (cell_count[k] - 1);
          dev_sum += r.value - others;
          ++dev_n;
        }
      }
      if (dev_n > 0) other_devs.push_back(dev_sum / dev_n);
      ratee_means.push_back(Mean(ratee_values));
      if (ratee_values.size() >= 2) {
        ++rr.halo.ratees_with_several_dimensions;
        within_sds.push_back(PopulationSd(ratee_values));
      }
      ratee_cells.push_back(std::move(cells));
      j = ratee_end;
    }
    rr.ratings = static_cast<int>(values.size());
    for (int g = 0; g < 4; ++g) {
      if (group_seen[g]) rr.groups.push_back(static_cast<RaterRole>(g));
    }
    rr.sufficient = rr.ratees >= options.min_ratees;

    // Leniency: deviations per ratee, baseline chosen by data availability.
    if (static_cast<int>(other_devs.size()) >= options.min_ratees) {
      lw.baseline = LeniencyBaseline::kOtherRatersSameRatees;
      lw.devs = std::move(other_devs);
    } else if (n_all > static_cast<int64_t>(values.size()) && !values.empty()) {
      lw.baseline = LeniencyBaseline::kGrandMean;
      double other_mean =
          (sum_all - rater_sum) / static_cast<double>(n_all - static_cast<int64_t>(values.size()));
      for (double m : ratee_means) lw.devs.push_back(m - other_mean);
    }
    rr.leniency.baseline = lw.baseline;
    rr.leniency.ratees_used = static_cast<int>(lw.devs.size());
    rr.leniency.mean_difference = Mean(lw.devs);
    rr.leniency.effect_size = rep.pooled_sd > 0 ? rr.leniency.mean_difference / rep.pooled_sd : 0.0;

    // Spread and central tendency.
    rr.spread.sd = SampleSd(values);
    if (rep.pooled_sd > 0) rr.spread.sd_ratio = rr.spread.sd / rep.pooled_sd;
    if (has_midpoint && !values.empty()) {
      rr.spread.midpoint_share = static_cast<double>(counts[static_cast<size_t>(midpoint - scale.min)]) /
                                 static_cast<double>(values.size());
    }
    rr.spread.entropy_bits = ShannonEntropyBits(counts);
    rr.spread.entropy_normalised = rr.spread.entropy_bits / std::log2(static_cast<double>(categories));

    // Halo.
    if (!within_sds.empty()) rr.halo.mean_within_ratee_sd = Mean(within_sds);
    std::sort(rater_dims.begin(), rater_dims.end());
    rater_dims.erase(std::unique(rater_dims.begin(), rater_dims.end()), rater_dims.end());
    if (rater_dims.size() >= 2) {
      const size_t nd = rater_dims.size();
      const int kMissing = -1;
      std::vector<int> matrix(ratee_cells.size() * nd, kMissing);
      for (size_t e = 0; e < ratee_cells.size(); ++e) {
        for (const auto& [dim, value] : ratee_cells[e]) {
          size_t col = static_cast<size_t>(
              std::lower_bound(rater_dims.begin(), rater_dims.end(), dim) - rater_dims.begin());
          matrix[e * nd + col] = value;
        }
      }
      std::vector<double> rs;
      for (size_t a = 0; a < nd; ++a) {
        for (size_t b = a + 1; b < nd; ++b) {
          std::vector<double> x, y;
          for (size_t e = 0; e < ratee_cells.size(); ++e) {
            int va = matrix[e * nd + a], vb = matrix[e * nd + b];
            if (va == kMissing || vb == kMissing) continue;
            x.push_back(va);
            y.push_back(vb);
          }
          double r = 0;
          if (PearsonCorrelation(x, y, &r)) rs.push_back(r);
        }
      }
      rr.halo.dimension_pairs_used = static_cast<int>(rs.size());
      if (!rs.empty()) rr.halo.mean_inter_dimension_r = Mean(rs);
    }

    // Distribution vs pooled (goodness of fit).
    rr.distribution.counts = counts;
    rr.distribution.expected.assign(static_cast<size_t>(categories), 0.0);
    if (n_all > 0 && !values.empty()) {
      double chi = 0.0;
      int used = 0;
      for (size_t c = 0; c < counts.size(); ++c) {
        double e = static_cast<double>(values.size()) * static_cast<double>(pooled_counts[c]) /
                   static_cast<double>(n_all);
        rr.distribution.expected[c] = e;
        if (e <= 0.0) continue;
        ++used;
        if (e < 5.0) ++rr.distribution.expected_below_5;
        double d = static_cast<double>(counts[c]) - e;
        chi += d * d / e;
      }
      rr.distribution.df = used - 1;
      if (rr.distribution.df >= 1) {
        rr.distribution.chi_square = chi;
        rr.distribution.p_value = ChiSquareSurvival(chi, rr.distribution.df);
      }
    }

    // Flags (leniency flags wait for the pooled SD below).
    if (rr.sufficient && rr.ratings > 0) {
      rr.flags.restricted_range = rr.spread.sd_ratio && *rr.spread.sd_ratio < options.sd_ratio_max;
      rr.flags.central_tendency = rr.flags.restricted_range && rr.spread.midpoint_share &&
                                  *rr.spread.midpoint_share >= options.midpoint_share_min;
      rr.flags.halo = rr.halo.ratees_with_several_dimensions >= options.min_ratees &&
                      rr.halo.mean_within_ratee_sd &&
                      *rr.halo.mean_within_ratee_sd <= halo_threshold + 1e-12;
      rr.flags.distribution_differs =
          rr.distribution.p_value && *rr.distribution.p_value < options.chi_square_alpha;
    }
    if (rr.ratings > 0) {
      rep.rater_reports.push_back(std::move(rr));
      work.push_back(std::move(lw));
    }
    i = end;
  }
  rep.raters = static_cast<int>(rep.rater_reports.size());

  // Pooled within-rater SD of the per-ratee deviations, per baseline; then z and the flags.
  PoolAccumulator pool_other, pool_grand;
  for (const LeniencyWork& w : work) {
    if (w.devs.size() < 2) continue;
    PoolAccumulator& p =
        w.baseline == LeniencyBaseline::kOtherRatersSameRatees ? pool_other : pool_grand;
    double m = Mean(w.devs);
    for (double d : w.devs) p.ss += (d - m) * (d - m);
    p.df += static_cast<double>(w.devs.size() - 1);
  }
  rep.pooled_within_sd_other_raters = pool_other.Sd();
  rep.pooled_within_sd_grand_mean = pool_grand.Sd();
  for (size_t r = 0; r < rep.rater_reports.size(); ++r) {
    RaterReport& rr = rep.rater_reports[r];
    if (rr.leniency.baseline == LeniencyBaseline::kNone || rr.leniency.ratees_used < 1) continue;
    double s = rr.leniency.baseline == LeniencyBaseline::kOtherRatersSameRatees
                   ? rep.pooled_within_sd_other_raters
                   : rep.pooled_within_sd_grand_mean;
    if (s <= 0.0) continue;
    rr.leniency.z = rr.leniency.mean_difference / (s / std::sqrt(rr.leniency.ratees_used));
    if (rr.sufficient) {
      rr.flags.lenient = *rr.leniency.z > options.leniency_z;
      rr.flags.severe = *rr.leniency.z < -options.leniency_z;
    }
  }

  // Self vs supervisor per ratee: rows sorted by rater, so collect into per-ratee cells.
  {
    const size_t nd = static_cast<size_t>(dims.size());
    struct Acc {
      std::vector<int> self;       // per dim: value - min + 1, or 0 when there is no self rating
      std::vector<double> sup_sum;
      std::vector<int> sup_n;
      std::vector<int> sups;
    };
    std::unordered_map<int, Acc> acc;
    for (const Row& r : rows) {
      if (r.group != RaterRole::kSelf && r.group != RaterRole::kSupervisor) continue;
      Acc& a = acc[r.ratee];
      if (a.self.empty()) {
        a.self.assign(nd, 0);
        a.sup_sum.assign(nd, 0.0);
        a.sup_n.assign(nd, 0);
      }
      const size_t d = static_cast<size_t>(r.dim);
      if (r.group == RaterRole::kSelf) {
        a.self[d] = r.value - scale.min + 1;
      } else {
        a.sup_sum[d] += r.value;
        ++a.sup_n[d];
        a.sups.push_back(r.rater);
      }
    }
    std::vector<int> ratee_ids;
    for (const auto& kv : acc) ratee_ids.push_back(kv.first);
    std::sort(ratee_ids.begin(), ratee_ids.end());
    for (int e : ratee_ids) {
      Acc& a = acc[e];
      SelfSupervisorGap g;
      g.ratee_id = std::string(ratees.ids()[e]);
      double self_sum = 0.0, sup_sum = 0.0;
      for (size_t d = 0; d < nd; ++d) {
        if (a.self[d] == 0 || a.sup_n[d] == 0) continue;
        ++g.dimensions;
        self_sum += a.self[d] - 1 + scale.min;
        sup_sum += a.sup_sum[d] / a.sup_n[d];
      }
      if (g.dimensions == 0) continue;
      std::sort(a.sups.begin(), a.sups.end());
      g.supervisors = static_cast<int>(std::unique(a.sups.begin(), a.sups.end()) - a.sups.begin());
      g.self_mean = self_sum / g.dimensions;
      g.supervisor_mean = sup_sum / g.dimensions;
      g.gap = g.self_mean - g.supervisor_mean;
      g.flagged = std::fabs(g.gap) >= options.self_gap_min - 1e-9;
      rep.self_vs_supervisor.push_back(std::move(g));
    }
  }

  ComputeReliability(rows, dims, raters, &rep.reliability);
  return rep;
}

}  // namespace kinerja

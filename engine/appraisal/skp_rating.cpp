#include "engine/appraisal/skp_rating.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace kinerja {

Status ValidateIndicator(const Indicator& ind, std::string_view where) {
  if (!std::isfinite(ind.target) || !(ind.target > 0)) {
    return Status::InvalidArgument(std::string(where) + ".target must be a number > 0");
  }
  if (!std::isfinite(ind.realisasi) || ind.realisasi < 0) {
    return Status::InvalidArgument(std::string(where) + ".realisasi must be a number >= 0");
  }
  if (ind.has_range &&
      (!std::isfinite(ind.target_upper) || ind.target_upper < ind.target)) {
    return Status::InvalidArgument(std::string(where) +
                                   ".target_max must be a number >= target");
  }
  return Status::Ok();
}

double CapaianIki(const Indicator& ind) {
  double reference = ind.target;
  if (ind.has_range) {
    if (ind.realisasi > ind.target_upper) {
      reference = ind.target_upper;
    } else if (ind.realisasi < ind.target) {
      reference = ind.target;
    } else {
      return 100.0;  // inside the target range: the target is met exactly
    }
  }
  double ratio = ind.realisasi / reference;
  if (ind.lower_is_better) {
    double c = (1.0 + (1.0 - ratio)) * 100.0;
    return c < 0 ? 0.0 : c;
  }
  return ratio * 100.0;
}

RatingSuggestion SuggestRatingHasilKerja(const Template& t, std::span<const Indicator> indicators) {
  RatingSuggestion s;
  double sum = 0;
  for (const Indicator& ind : indicators) {
    if (ind.kind != IndicatorKind::kUtama) continue;
    sum += std::min(CapaianIki(ind), t.suggestion_capaian_cap);
    ++s.indicator_count;
  }
  if (s.indicator_count == 0) return s;
  s.available = true;
  s.mean_capaian = RoundHalfAwayFromZero(sum / s.indicator_count, 2);
  if (s.mean_capaian >= t.suggestion_di_atas_from) {
    s.rating = Rating::kDiAtas;
  } else if (s.mean_capaian >= t.suggestion_sesuai_from) {
    s.rating = Rating::kSesuai;
  } else {
    s.rating = Rating::kDiBawah;
  }
  return s;
}

Rating DerivePerilaku(PerilakuAggregation rule, std::span<const Rating> value_ratings) {
  assert(!value_ratings.empty());
  std::array<int, kRatingCount> counts{};
  for (Rating r : value_ratings) ++counts[static_cast<int>(r)];
  switch (rule) {
    case PerilakuAggregation::kMinimum:
      for (int i = 0; i < kRatingCount; ++i) {
        if (counts[i] > 0) return static_cast<Rating>(i);
      }
      break;
    case PerilakuAggregation::kMajority: {
      int best = 0;
      for (int i = 1; i < kRatingCount; ++i) {
        if (counts[i] > counts[best]) best = i;  // strict: a tie keeps the lower rating
      }
      return static_cast<Rating>(best);
    }
    case PerilakuAggregation::kMedian: {
      // Lower median: the ((n + 1) / 2)-th smallest rating.
      int need = (static_cast<int>(value_ratings.size()) + 1) / 2;
      int seen = 0;
      for (int i = 0; i < kRatingCount; ++i) {
        seen += counts[i];
        if (seen >= need) return static_cast<Rating>(i);
      }
      break;
    }
  }
  return Rating::kDiBawah;
}

Result<RatingOutcome> ScoreRatingAppraisal(const Template& t, const RatingAppraisal& in) {
  if (t.kind != TemplateKind::kRating) {
    return Status::InvalidArgument("template '" + t.id +
                                   "' is numeric; a rating appraisal needs a rating template");
  }
  RatingOutcome out;
  // Rating hasil kerja: the unit-leader rule (SE MenPANRB 03/2023) wins over the rater.
  if (in.is_unit_leader) {
    if (!in.capaian_kinerja_organisasi) {
      return Status::InvalidArgument(
          "capaian_kinerja_organisasi is missing; a unit leader's rating hasil kerja equals "
          "the unit's capaian kinerja organisasi");
    }
    out.rating_hasil_kerja =
        t.leader_rating_from_org[static_cast<int>(*in.capaian_kinerja_organisasi)];
    out.hasil_kerja_source = HasilKerjaSource::kUnitLeaderRule;
    if (in.rating_hasil_kerja && *in.rating_hasil_kerja != out.rating_hasil_kerja) {
      out.warnings |= kWarnLeaderRuleReplacedRating;
    }
  } else {
    if (!in.rating_hasil_kerja) {
      return Status::InvalidArgument(
          "rating_hasil_kerja is missing; it is the pejabat penilai's judgment (the "
          "suggestion from IKI capaian is not a rating)");
    }
    out.rating_hasil_kerja = *in.rating_hasil_kerja;
  }
  // Rating perilaku: explicit override wins; otherwise derived from the value ratings.
  const int expected = static_cast<int>(t.behaviour_values.size());
  if (in.value_count != 0 && in.value_count != expected) {
    return Status::InvalidArgument("perilaku rates " + std::to_string(in.value_count) +
                                   " values; template '" + t.id + "' has " +
                                   std::to_string(expected) + " (rate all of them or none)");
  }
  if (in.value_count > 0) {
    out.has_derived_perilaku = true;
    out.derived_perilaku = DerivePerilaku(
        t.perilaku_aggregation,
        std::span<const Rating>(in.value_ratings.data(), static_cast<size_t>(in.value_count)));
  }
  if (in.rating_perilaku_override) {
    out.rating_perilaku = *in.rating_perilaku_override;
    out.perilaku_source = PerilakuSource::kOverride;
    if (out.has_derived_perilaku && out.derived_perilaku != out.rating_perilaku) {
      out.warnings |= kWarnOverrideDiffersFromDerived;
    }
  } else if (out.has_derived_perilaku) {
    out.rating_perilaku = out.derived_perilaku;
    out.perilaku_source = PerilakuSource::kDerived;
  } else {
    return Status::InvalidArgument(
        "perilaku is missing: rate every BerAKHLAK value or give rating_perilaku");
  }
  out.predikat = PredikatFromRatings(t, out.rating_hasil_kerja, out.rating_perilaku);
  out.suggestion = SuggestRatingHasilKerja(t, in.indicators);
  if (out.suggestion.available && out.suggestion.rating != out.rating_hasil_kerja) {
    out.warnings |= kWarnSuggestionDiffers;
  }
  for (const Indicator& ind : in.indicators) {
    if (ind.kind == IndicatorKind::kUtama && CapaianIki(ind) > t.suggestion_capaian_cap) {
      out.warnings |= kWarnCapaianAboveCap;
    }
  }
  return out;
}

}  // namespace kinerja

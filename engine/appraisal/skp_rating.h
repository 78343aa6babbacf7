#pragma once
// Scoring one SKP under PermenPANRB 6/2022: rating hasil kerja (the pejabat penilai's
// judgment, or the unit's capaian kinerja organisasi for a unit leader), rating perilaku (rater
// override, else derived from the BerAKHLAK value ratings), and the predikat matrix
// (docs/rules/appraisal.md §"Predikat matrix", §"Unit leader", §"Rating perilaku").
// SKP = Sasaran Kinerja Pegawai; RHK = Rencana Hasil Kerja; IKI = Indikator Kinerja Individu.
// Works on plain structs and allocates nothing: this is the hot path.

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "engine/appraisal/levels.h"
#include "engine/appraisal/template.h"
#include "shared/result.h"

namespace kinerja {

enum class IndicatorKind : uint8_t { kUtama = 0, kTambahan = 1 };
enum class Aspect : uint8_t { kKuantitas = 0, kKualitas = 1, kWaktu = 2, kBiaya = 3 };

// One IKI row with its target and realisasi (texts live with the caller).
struct Indicator {
  IndicatorKind kind = IndicatorKind::kUtama;
  Aspect aspect = Aspect::kKuantitas;
  double target = 0;        // > 0; the lower bound when has_range
  double target_upper = 0;  // the upper bound when has_range (>= target)
  bool has_range = false;
  double realisasi = 0;          // >= 0
  bool lower_is_better = false;  // "kondisi khusus" (e.g. processing time)
};

// Checks target > 0, realisasi >= 0, target_upper >= target; kInvalidArgument naming `where`.
Status ValidateIndicator(const Indicator& ind, std::string_view where);

// Capaian IKI in percent, unrounded (PermenPANRB 8/2021): normal R/T×100; kondisi khusus
// (1 + (1 − R/T))×100, floored at 0; a range target uses the upper bound when R is above it,
// the lower bound when below, and gives 100 inside. Precondition: ValidateIndicator is OK.
double CapaianIki(const Indicator& ind);

// A *suggested* rating hasil kerja from the mean capaian of the Utama indicators (each capped
// at template.suggestion_capaian_cap, the mean rounded to 2 decimals). Never the rating itself.
struct RatingSuggestion {
  bool available = false;  // false when there is no Utama indicator
  Rating rating = Rating::kSesuai;
  double mean_capaian = 0;  // rounded to 2 decimals
  int indicator_count = 0;
};
RatingSuggestion SuggestRatingHasilKerja(const Template& t, std::span<const Indicator> indicators);

// Rating perilaku from per-value ratings by the template's rule. Precondition: non-empty.
Rating DerivePerilaku(PerilakuAggregation rule, std::span<const Rating> value_ratings);

// The predikat matrix cell (template.matrix[hasil][perilaku]).
inline Predikat PredikatFromRatings(const Template& t, Rating hasil_kerja, Rating perilaku) {
  return t.matrix[static_cast<int>(hasil_kerja)][static_cast<int>(perilaku)];
}

inline constexpr int kMaxBehaviourValues = 16;

// Input for one rating-based appraisal; value ratings follow template.behaviour_values order.
struct RatingAppraisal {
  std::optional<Rating> rating_hasil_kerja;  // the pejabat penilai's judgment
  bool is_unit_leader = false;
  std::optional<OrgPredikat> capaian_kinerja_organisasi;  // required for a unit leader
  std::array<Rating, kMaxBehaviourValues> value_ratings{};
  int value_count = 0;  // 0 (only with an override) or template.behaviour_values.size()
  std::optional<Rating> rating_perilaku_override;  // the rater's explicit rating; wins
  std::span<const Indicator> indicators;           // may be empty
};

enum class HasilKerjaSource : uint8_t { kRater = 0, kUnitLeaderRule = 1 };
enum class PerilakuSource : uint8_t { kDerived = 0, kOverride = 1 };

// Warning bits in RatingOutcome::warnings.
enum RatingWarning : uint32_t {
  kWarnLeaderRuleReplacedRating = 1u << 0,   // rater's rating hasil kerja differed; rule won
  kWarnOverrideDiffersFromDerived = 1u << 1,  // rater override differs from the derived rating
  kWarnSuggestionDiffers = 1u << 2,           // suggestion from capaian differs from the rating
  kWarnCapaianAboveCap = 1u << 3,             // an Utama capaian was capped for the suggestion
};

struct RatingOutcome {
  Rating rating_hasil_kerja = Rating::kSesuai;
  HasilKerjaSource hasil_kerja_source = HasilKerjaSource::kRater;
  Rating rating_perilaku = Rating::kSesuai;
  PerilakuSource perilaku_source = PerilakuSource::kDerived;
  bool has_derived_perilaku = false;
  Rating derived_perilaku = Rating::kSesuai;
  Predikat predikat = Predikat::kBaik;
  RatingSuggestion suggestion;
  uint32_t warnings = 0;
};

// Scores one appraisal. Fails with kInvalidArgument when the template is not a rating
// template, the rating hasil kerja is missing (and the leader rule does not apply), a unit
// leader has no capaian kinerja organisasi, or value_count does not match the template.
// Indicators must already be validated. Allocates only on failure.
Result<RatingOutcome> ScoreRatingAppraisal(const Template& t, const RatingAppraisal& in);

}  // namespace kinerja

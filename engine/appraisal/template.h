#pragma once
// Appraisal templates: the regulation-specific numbers (scale names, the predikat matrix, the
// BerAKHLAK values and their panduan perilaku, weights, bands, distribution rules) held as
// versioned JSON data, not code. A changed regulation is a new template version; a city may
// store its own template text in the database and load it with LoadTemplate.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "engine/appraisal/levels.h"
#include "shared/result.h"

namespace kinerja {

enum class TemplateKind : uint8_t {
  kRating = 0,   // PermenPANRB 6/2022: ratings and predikat matrix
  kNumeric = 1,  // PP 46/2011 (+ Perka BKN 1/2013) and PP 30/2019: 0-100 scores
};

// How the rating perilaku follows from the per-value ratings when the rater gives none.
enum class PerilakuAggregation : uint8_t {
  kMedian = 0,    // the middle rating (lower middle for an even count)
  kMajority = 1,  // the most frequent rating; a tie goes to the lower tied rating
  kMinimum = 2,   // the lowest value rating
};

// One level of a scale: stable code, display name and accepted spellings.
struct LevelName {
  std::string code;
  std::string name;
  std::vector<std::string> aliases;
};

// A BerAKHLAK core value with its short meaning and panduan perilaku (behaviour guidance).
struct BehaviourValue {
  std::string code;
  std::string name;
  std::string meaning;
  std::vector<std::string> guidance;
};

// A PP 46/2011 perilaku kerja unsur (orientasi pelayanan, integritas, ...).
struct BehaviourUnsur {
  std::string code;
  std::string name;
  bool struktural_only = false;  // kepemimpinan: rated only for pejabat struktural
};

enum class DistributionRuleKind : uint8_t {
  kMaxPercent = 0,  // count <= floor(n × percent / 100)
  kMinPercent = 1,  // count >= ceil(n × percent / 100)
  kMinCount = 2,    // count >= count_bound
  kMaxCount = 3,    // count <= count_bound
  kPlurality = 4,   // count >= the count of every predikat outside the set ("sebagian besar")
};

// One row rule of the SE MenPANRB 03/2023 distribution table.
struct DistributionRule {
  std::string id;
  OrgPredikat org_predikat = OrgPredikat::kBaik;
  DistributionRuleKind kind = DistributionRuleKind::kMaxPercent;
  int percent = 0;      // for the *_percent kinds, 0-100
  int count_bound = 0;  // for the *_count kinds
  std::array<bool, kPredikatCount> predikat{};  // the predikat counted together
};

// A numeric band: values (rounded to 2 decimals) >= min get `name`. Sorted by min, descending.
struct Band {
  double min = 0;
  std::string name;
};

struct TugasTambahanStep {
  int min_count = 0;
  double points = 0;
};

// A loaded, validated template. Only the fields of its kind are meaningful.
struct Template {
  std::string id;
  int version = 0;
  TemplateKind kind = TemplateKind::kRating;
  std::string title;
  std::string regulation;

  // ---- kind == kRating
  std::array<LevelName, kRatingCount> rating_levels;
  std::array<LevelName, kPredikatCount> predikat_levels;
  std::array<LevelName, kOrgPredikatCount> org_predikat_levels;
  // matrix[hasil kerja][perilaku] -> predikat
  std::array<std::array<Predikat, kRatingCount>, kRatingCount> matrix{};
  std::vector<BehaviourValue> behaviour_values;
  PerilakuAggregation perilaku_aggregation = PerilakuAggregation::kMedian;
  // The rating hasil kerja of a unit leader, by the unit's capaian kinerja organisasi.
  std::array<Rating, kOrgPredikatCount> leader_rating_from_org{};
  // Suggested rating hasil kerja from mean IKI capaian (a suggestion, never the rating).
  double suggestion_di_atas_from = 101;
  double suggestion_sesuai_from = 80;
  double suggestion_capaian_cap = 120;
  std::vector<DistributionRule> distribution_rules;
  std::array<int, kPredikatCount> angka_kredit_percent{};

  // ---- kind == kNumeric
  std::vector<BehaviourUnsur> behaviour_unsur;
  double weight_skp = 60;        // percent
  double weight_perilaku = 40;   // percent
  bool has_peer_weights = false;
  double weight_skp_with_peer = 0;
  double weight_perilaku_with_peer = 0;
  std::vector<Band> bands;
  double efficiency_threshold_percent = 24;
  double efficiency_factor = 1.76;
  double efficiency_base = 76;
  std::vector<TugasTambahanStep> tugas_tambahan_points;  // ascending min_count
  double kreativitas_unit = 3;
  double kreativitas_organisasi = 6;
  double kreativitas_nasional = 12;
  double skp_sanction_below = 50;

  // ---- both kinds: multi-rater weights (relative; renormalised over groups present).
  std::array<double, kRaterGroupCount> rater_weights{};
  int min_group_raters = 3;
};

// Parses and validates a template. Fails with kInvalidArgument naming the field and the
// allowed values (e.g. "template.matrix: cell (sesuai, di_atas) is missing"). Unknown fields
// are rejected. The result owns all its strings.
Result<Template> LoadTemplate(std::string_view json_text);

// Text lookups against the template's codes, names and aliases (case-insensitive, surrounding
// blanks ignored). Fail with kInvalidArgument listing the accepted names; `where` names the field.
Result<Rating> ParseRating(const Template& t, std::string_view text, std::string_view where);
Result<Predikat> ParsePredikat(const Template& t, std::string_view text, std::string_view where);
Result<OrgPredikat> ParseOrgPredikat(const Template& t, std::string_view text,
                                     std::string_view where);

// Display names; valid for the template's lifetime.
const std::string& RatingName(const Template& t, Rating r);
const std::string& PredikatName(const Template& t, Predikat p);
const std::string& OrgPredikatName(const Template& t, OrgPredikat p);

// The band name for a numeric value (rounded to 2 decimals before comparing); numeric templates.
const std::string& BandName(const Template& t, double value);

}  // namespace kinerja

#pragma once
// Numeric SKP scoring under PP 46/2011 + Perka BKN 1/2013 (docs/rules/appraisal.md
// §"Numeric scheme"), with the SKP/perilaku weights as template data (60/40 for PP 46/2011;
// 70/30 or 60/40 for PP 30/2019, docs/rules/appraisal.md §"PP 30/2019 weights").
// Per activity (kegiatan tugas jabatan): Kuantitas, Kualitas, Waktu and optional Biaya aspects.
// Every reported number is rounded to 2 decimals at its own stage (see docs/rules/appraisal.md).
// Plain structs, no allocation: this is the hot path.

#include <array>
#include <cstdint>
#include <span>

#include "engine/appraisal/template.h"
#include "shared/result.h"

namespace kinerja {

struct AspectValues {
  double target = 0;     // > 0
  double realisasi = 0;  // >= 0
};

// One kegiatan with its targets (T) and realisasi (R).
struct Activity {
  AspectValues kuantitas;  // output: RO / TO
  AspectValues kualitas;   // quality: RK / TK
  AspectValues waktu;      // months: TW / RW
  bool has_biaya = false;
  AspectValues biaya;  // cost: TB / RB
};

// Fails with kInvalidArgument naming `where` when a target is not > 0 or a realisasi < 0.
Status ValidateActivity(const Activity& a, std::string_view where);

// The Waktu/Biaya two-branch formula, unrounded: efisiensi = 100 − R/T×100 (rounded with
// rounded to 2 decimals before the comparison); efisiensi <= threshold (24): ((1.76×T − R)/T)×100; above:
// 76 − ((((1.76×T − R)/T)×100) − 100). Negative when R > 1.76×T, as the formula gives.
double TimeCostValue(const Template& t, double target, double realisasi);

enum ActivityWarning : uint32_t {
  kWarnNegativeTimeCost = 1u << 0,  // Waktu or Biaya realisasi above 1.76 × target
};

struct ActivityScore {
  double kuantitas = 0;  // each aspect rounded to 2 decimals
  double kualitas = 0;
  double waktu = 0;
  double biaya = 0;  // only when has_biaya
  bool has_biaya = false;
  double perhitungan = 0;  // sum of the rounded aspects
  double capaian = 0;      // RoundHalfAwayFromZero(perhitungan / 3 or 4, 2)
  uint32_t warnings = 0;
};
ActivityScore ScoreActivity(const Template& t, const Activity& a);

enum class Kreativitas : uint8_t { kNone = 0, kUnit = 1, kOrganisasi = 2, kNasional = 3 };

// Points for tugas tambahan by the number of extra activities (template steps; 0 for none).
double TugasTambahanPoints(const Template& t, int count);
double KreativitasPoints(const Template& t, Kreativitas k);

inline constexpr int kMaxBehaviourUnsur = 16;

struct NumericAppraisal {
  std::span<const Activity> activities;  // >= 1, validated
  int tugas_tambahan_count = 0;          // >= 0
  Kreativitas kreativitas = Kreativitas::kNone;
  bool struktural = false;  // pejabat struktural: struktural_only unsur are rated
  // Perilaku unsur scores 0-100 in template.behaviour_unsur order; unsur_rated marks which.
  std::array<double, kMaxBehaviourUnsur> unsur{};
  std::array<bool, kMaxBehaviourUnsur> unsur_rated{};
  // True when perilaku includes peer and/or subordinate input (PP 30/2019: 60/40 weights).
  bool perilaku_has_peer_input = false;
};

enum NumericWarning : uint32_t {
  kWarnSkpBelowSanction = 1u << 0,  // nilai SKP below template.skp_sanction_below (50)
  kWarnActivityNegativeTimeCost = 1u << 1,
};

struct NumericOutcome {
  double nilai_capaian_kegiatan = 0;  // RoundHalfAwayFromZero(mean of the activities' capaian, 2)
  double tugas_tambahan_points = 0;
  double kreativitas_points = 0;
  double nilai_skp = 0;  // RoundHalfAwayFromZero(capaian mean + points, 2)
  int unsur_count = 0;   // unsur that entered the perilaku mean
  double nilai_perilaku = 0;  // RoundHalfAwayFromZero(mean of the rated unsur, 2)
  double weight_skp = 0;      // percent actually used
  double weight_perilaku = 0;
  double nilai_prestasi_kerja = 0;  // RoundHalfAwayFromZero(nilai_skp×w_skp/100 + nilai_perilaku×w_p/100, 2)
  int band_skp = 0;  // indices into template.bands
  int band_perilaku = 0;
  int band_prestasi_kerja = 0;
  uint32_t warnings = 0;
};

// The band index for a value (rounded to 2 decimals before comparing with each band's min).
int BandIndex(const Template& t, double value);

// Scores one numeric appraisal. Fails with kInvalidArgument when the template is not numeric,
// there is no activity, tugas_tambahan_count < 0, an unsur is outside 0-100, a general unsur
// is unrated, or a struktural-only unsur is rated for a non-struktural pegawai (or missing for
// a struktural one). Allocates only on failure.
Result<NumericOutcome> ScoreNumericAppraisal(const Template& t, const NumericAppraisal& in);

}  // namespace kinerja

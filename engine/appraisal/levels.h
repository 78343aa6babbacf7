#pragma once
// The ordinal scales of ASN performance appraisal (PermenPANRB 6/2022, SE MenPANRB 03/2023)
// as plain enums, plus the one rounding helper every appraisal output goes through.
// Terms: "rating" = a 3-level judgment (Di Bawah / Sesuai / Di Atas Ekspektasi); "predikat"
// = the 5-level outcome for an employee; "predikat organisasi" = capaian kinerja organisasi.

#include "engine/numeric/rounding.h"
#include <cstdint>

namespace kinerja {

// Rating hasil kerja / rating perilaku; ordered low to high (the order is used by the
// median/majority rules and by the multi-rater mean).
enum class Rating : uint8_t { kDiBawah = 0, kSesuai = 1, kDiAtas = 2 };
inline constexpr int kRatingCount = 3;

// Predikat Kinerja Pegawai, ordered worst to best.
enum class Predikat : uint8_t {
  kSangatKurang = 0,
  kKurang = 1,  // "Kurang/Misconduct"
  kButuhPerbaikan = 2,
  kBaik = 3,
  kSangatBaik = 4,
};
inline constexpr int kPredikatCount = 5;

// Capaian kinerja organisasi (SE MenPANRB 03/2023), ordered worst to best.
enum class OrgPredikat : uint8_t {
  kSangatKurang = 0,
  kKurang = 1,
  kButuhPerbaikan = 2,  // "Butuh Perbaikan (Cukup)"
  kBaik = 3,
  kIstimewa = 4,
};
inline constexpr int kOrgPredikatCount = 5;

// Who gave a multi-rater (360°) input. Self-assessment is reported beside the others and is
// mixed in only when the template gives it a weight.
enum class RaterGroup : uint8_t { kSelf = 0, kSupervisor = 1, kPeer = 2, kSubordinate = 3 };
inline constexpr int kRaterGroupCount = 4;

// Stable machine codes ("di_atas", "sangat_baik", "istimewa", "peer"); template display
// names may differ, codes never do. Never null.
const char* RatingCode(Rating r);
const char* PredikatCode(Predikat p);
const char* OrgPredikatCode(OrgPredikat p);
const char* RaterGroupCode(RaterGroup g);

// Percentage of the annual koefisien credited as angka kredit for a predikat
// (PermenPANRB 1/2023, Peraturan BKN 3/2023; docs/rules/appraisal.md §"Angka kredit"):
// 150/100/75/50/25.
int AngkaKreditPercent(Predikat p);
// koefisien × AngkaKreditPercent / 100, rounded to 2 decimals (engine/numeric/rounding.h) (e.g. Ahli Madya 37.5, Baik -> 37.5).
double AngkaKredit(double koefisien_per_year, Predikat p);


}  // namespace kinerja

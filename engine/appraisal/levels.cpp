#include "engine/appraisal/levels.h"

#include <cmath>

namespace kinerja {

const char* RatingCode(Rating r) {
  switch (r) {
    case Rating::kDiBawah: return "di_bawah";
    case Rating::kSesuai: return "sesuai";
    case Rating::kDiAtas: return "di_atas";
  }
  return "di_bawah";
}

const char* PredikatCode(Predikat p) {
  switch (p) {
    case Predikat::kSangatKurang: return "sangat_kurang";
    case Predikat::kKurang: return "kurang";
    case Predikat::kButuhPerbaikan: return "butuh_perbaikan";
    case Predikat::kBaik: return "baik";
    case Predikat::kSangatBaik: return "sangat_baik";
  }
  return "sangat_kurang";
}

const char* OrgPredikatCode(OrgPredikat p) {
  switch (p) {
    case OrgPredikat::kSangatKurang: return "sangat_kurang";
    case OrgPredikat::kKurang: return "kurang";
    case OrgPredikat::kButuhPerbaikan: return "butuh_perbaikan";
    case OrgPredikat::kBaik: return "baik";
    case OrgPredikat::kIstimewa: return "istimewa";
  }
  return "sangat_kurang";
}

const char* RaterGroupCode(RaterGroup g) {
  switch (g) {
    case RaterGroup::kSelf: return "self";
    case RaterGroup::kSupervisor: return "supervisor";
    case RaterGroup::kPeer: return "peer";
    case RaterGroup::kSubordinate: return "subordinate";
  }
  return "self";
}

int AngkaKreditPercent(Predikat p) {
  switch (p) {
    case Predikat::kSangatBaik: return 150;
    case Predikat::kBaik: return 100;
    case Predikat::kButuhPerbaikan: return 75;
    case Predikat::kKurang: return 50;
    case Predikat::kSangatKurang: return 25;
  }
  return 0;
}

double AngkaKredit(double koefisien_per_year, Predikat p) {
  return RoundHalfAwayFromZero(koefisien_per_year * AngkaKreditPercent(p) / 100.0, 2);
}


}  // namespace kinerja

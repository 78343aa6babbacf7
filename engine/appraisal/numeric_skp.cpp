#include "engine/appraisal/numeric_skp.h"

#include <cmath>
#include <string>

#include "engine/appraisal/levels.h"

namespace kinerja {
namespace {

Status CheckAspect(const AspectValues& v, std::string_view where, const char* name) {
  if (!std::isfinite(v.target) || !(v.target > 0)) {
    return Status::InvalidArgument(std::string(where) + "." + name +
                                   ".target must be a number > 0");
  }
  if (!std::isfinite(v.realisasi) || v.realisasi < 0) {
    return Status::InvalidArgument(std::string(where) + "." + name +
                                   ".realisasi must be a number >= 0");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateActivity(const Activity& a, std::string_view where) {
  KINERJA_RETURN_IF_ERROR(CheckAspect(a.kuantitas, where, "kuantitas"));
  KINERJA_RETURN_IF_ERROR(CheckAspect(a.kualitas, where, "kualitas"));
  KINERJA_RETURN_IF_ERROR(CheckAspect(a.waktu, where, "waktu"));
  if (a.has_biaya) KINERJA_RETURN_IF_ERROR(CheckAspect(a.biaya, where, "biaya"));
  return Status::Ok();
}

double TimeCostValue(const Template& t, double target, double realisasi) {
  const double efisiensi = RoundHalfAwayFromZero(100.0 - realisasi / target * 100.0, 2);
  const double base = ((t.efficiency_factor * target - realisasi) / target) * 100.0;
  if (efisiensi <= t.efficiency_threshold_percent) return base;
  return t.efficiency_base - (base - 100.0);
}

ActivityScore ScoreActivity(const Template& t, const Activity& a) {
  ActivityScore s;
  s.kuantitas = RoundHalfAwayFromZero(a.kuantitas.realisasi / a.kuantitas.target * 100.0, 2);
  s.kualitas = RoundHalfAwayFromZero(a.kualitas.realisasi / a.kualitas.target * 100.0, 2);
  s.waktu = RoundHalfAwayFromZero(TimeCostValue(t, a.waktu.target, a.waktu.realisasi), 2);
  if (s.waktu < 0) s.warnings |= kWarnNegativeTimeCost;
  s.perhitungan = s.kuantitas + s.kualitas + s.waktu;
  int n = 3;
  if (a.has_biaya) {
    s.has_biaya = true;
    s.biaya = RoundHalfAwayFromZero(TimeCostValue(t, a.biaya.target, a.biaya.realisasi), 2);
    if (s.biaya < 0) s.warnings |= kWarnNegativeTimeCost;
    s.perhitungan += s.biaya;
    n = 4;
  }
  s.perhitungan = RoundHalfAwayFromZero(s.perhitungan, 2);
  s.capaian = RoundHalfAwayFromZero(s.perhitungan / n, 2);
  return s;
}

double TugasTambahanPoints(const Template& t, int count) {
  double points = 0;
  for (const auto& step : t.tugas_tambahan_points) {
    if (count >= step.min_count) points = step.points;
  }
  return points;
}

double KreativitasPoints(const Template& t, Kreativitas k) {
  switch (k) {
    case Kreativitas::kNone: return 0;
    case Kreativitas::kUnit: return t.kreativitas_unit;
    case Kreativitas::kOrganisasi: return t.kreativitas_organisasi;
    case Kreativitas::kNasional: return t.kreativitas_nasional;
  }
  return 0;
}

int BandIndex(const Template& t, double value) {
  const double v = RoundHalfAwayFromZero(value, 2);
  const int n = static_cast<int>(t.bands.size());
  for (int i = 0; i < n; ++i) {
    if (v >= t.bands[i].min) return i;
  }
  return n - 1;
}

Result<NumericOutcome> ScoreNumericAppraisal(const Template& t, const NumericAppraisal& in) {
  if (t.kind != TemplateKind::kNumeric) {
    return Status::InvalidArgument("template '" + t.id +
                                   "' is rating-based; a numeric appraisal needs a numeric template");
  }
  if (in.activities.empty()) {
    return Status::InvalidArgument("kegiatan must list at least one activity");
  }
  if (in.tugas_tambahan_count < 0) {
    return Status::InvalidArgument("tugas_tambahan must be >= 0");
  }
  NumericOutcome out;
  double sum = 0;
  for (const Activity& a : in.activities) {
    ActivityScore s = ScoreActivity(t, a);
    if (s.warnings & kWarnNegativeTimeCost) out.warnings |= kWarnActivityNegativeTimeCost;
    sum += s.capaian;
  }
  out.nilai_capaian_kegiatan = RoundHalfAwayFromZero(sum / static_cast<double>(in.activities.size()), 2);
  out.tugas_tambahan_points = TugasTambahanPoints(t, in.tugas_tambahan_count);
  out.kreativitas_points = KreativitasPoints(t, in.kreativitas);
  out.nilai_skp =
      RoundHalfAwayFromZero(out.nilai_capaian_kegiatan + out.tugas_tambahan_points + out.kreativitas_points, 2);
  if (out.nilai_skp < t.skp_sanction_below) out.warnings |= kWarnSkpBelowSanction;

  const int n_unsur = static_cast<int>(t.behaviour_unsur.size());
  double psum = 0;
  for (int i = 0; i < n_unsur; ++i) {
    const BehaviourUnsur& u = t.behaviour_unsur[i];
    const bool applies = !u.struktural_only || in.struktural;
    if (!in.unsur_rated[i]) {
      if (applies) {
        return Status::InvalidArgument("perilaku." + u.code + " is missing; " +
                                       (u.struktural_only ? "a pejabat struktural is rated on it"
                                                          : "every pegawai is rated on it"));
      }
      continue;
    }
    if (!applies) {
      return Status::InvalidArgument("perilaku." + u.code +
                                     " is rated only for pejabat struktural; set struktural "
                                     "to true or remove it");
    }
    const double v = in.unsur[i];
    if (!std::isfinite(v) || v < 0 || v > 100) {
      return Status::InvalidArgument("perilaku." + u.code + " must be 0-100");
    }
    psum += v;
    ++out.unsur_count;
  }
  out.nilai_perilaku = RoundHalfAwayFromZero(psum / out.unsur_count, 2);
  const bool peer = in.perilaku_has_peer_input && t.has_peer_weights;
  out.weight_skp = peer ? t.weight_skp_with_peer : t.weight_skp;
  out.weight_perilaku = peer ? t.weight_perilaku_with_peer : t.weight_perilaku;
  out.nilai_prestasi_kerja = RoundHalfAwayFromZero(
      out.nilai_skp * out.weight_skp / 100.0 + out.nilai_perilaku * out.weight_perilaku / 100.0, 2);
  out.band_skp = BandIndex(t, out.nilai_skp);
  out.band_perilaku = BandIndex(t, out.nilai_perilaku);
  out.band_prestasi_kerja = BandIndex(t, out.nilai_prestasi_kerja);
  return out;
}

}  // namespace kinerja

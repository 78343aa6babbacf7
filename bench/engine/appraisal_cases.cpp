// Appraisal cases: 100,000 rating appraisals (PermenPANRB 6/2022), 100,000 numeric appraisals
// (PP 46/2011), and the appraisal part of the full city (scoring + distribution per unit).

#include <memory>
#include <span>
#include <vector>

#include "bench/engine/engine_bench.h"
#include "engine/appraisal/builtin_templates.h"
#include "engine/appraisal/distribution.h"
#include "engine/appraisal/numeric_skp.h"
#include "engine/appraisal/skp_rating.h"

namespace kinerja::bench {
namespace {

Template LoadOrFail(const char* id) {
  Result<Template> t = BuiltinTemplate(id);
  if (!t.ok()) Fail(std::string("loading template ") + id + ": " + t.status().ToString());
  return std::move(t).value();
}

// Most ratings are Sesuai, as in real appraisal rounds.
Rating SkewedRating(Rng& rng) {
  const int r = rng.Below(100);
  if (r < 10) return Rating::kDiBawah;
  if (r < 78) return Rating::kSesuai;
  return Rating::kDiAtas;
}

OrgPredikat SkewedOrgPredikat(Rng& rng) {
  const int r = rng.Below(100);
  if (r < 3) return OrgPredikat::kSangatKurang;
  if (r < 8) return OrgPredikat::kKurang;
  if (r < 25) return OrgPredikat::kButuhPerbaikan;
  if (r < 85) return OrgPredikat::kBaik;
  return OrgPredikat::kIstimewa;
}

Indicator MakeIndicator(Rng& rng) {
  Indicator ind;
  ind.kind = rng.Percent(75) ? IndicatorKind::kUtama : IndicatorKind::kTambahan;
  ind.aspect = static_cast<Aspect>(rng.Below(4));
  ind.target = rng.Between(1, 200);
  ind.realisasi = ind.target * rng.Between(50, 140) / 100.0;
  ind.lower_is_better = rng.Percent(10);
  if (rng.Percent(10)) {
    ind.has_range = true;
    ind.target_upper = ind.target + rng.Between(0, 50);
  }
  return ind;
}

// Inputs of rating appraisals: the appraisals point into `indicators`, which never grows
// after they are made.
struct RatingInputs {
  Template t;
  std::vector<Indicator> indicators;
  std::vector<RatingAppraisal> appraisals;
};

// n appraisals; `leader_of` (optional) marks unit leaders with their unit's org predikat.
std::unique_ptr<RatingInputs> MakeRatingInputs(int n, uint64_t seed,
                                               const std::vector<int>* leader_org = nullptr) {
  auto in = std::make_unique<RatingInputs>();
  in->t = LoadOrFail("permenpanrb-6-2022.v1");
  const int values = static_cast<int>(in->t.behaviour_values.size());
  Rng rng(seed);
  std::vector<std::pair<size_t, size_t>> ranges(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const int k = rng.Between(0, 5);
    ranges[static_cast<size_t>(i)] = {in->indicators.size(), static_cast<size_t>(k)};
    for (int j = 0; j < k; ++j) in->indicators.push_back(MakeIndicator(rng));
  }
  in->appraisals.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    RatingAppraisal& a = in->appraisals[static_cast<size_t>(i)];
    const int org = leader_org ? (*leader_org)[static_cast<size_t>(i)] : -1;
    if (org >= 0 || (!leader_org && rng.Percent(5))) {
      a.is_unit_leader = true;
      a.capaian_kinerja_organisasi =
          org >= 0 ? static_cast<OrgPredikat>(org) : SkewedOrgPredikat(rng);
      if (rng.Percent(50)) a.rating_hasil_kerja = SkewedRating(rng);
    } else {
      a.rating_hasil_kerja = SkewedRating(rng);
    }
    const bool override_only = rng.Percent(3);
    if (!override_only) {
      a.value_count = values;
      const Rating centre = SkewedRating(rng);
      for (int v = 0; v < values; ++v) {
        a.value_ratings[static_cast<size_t>(v)] = rng.Percent(70) ? centre : SkewedRating(rng);
      }
    }
    if (override_only || rng.Percent(12)) a.rating_perilaku_override = SkewedRating(rng);
    const auto [start, count] = ranges[static_cast<size_t>(i)];
    a.indicators = std::span<const Indicator>(in->indicators.data() + start, count);
  }
  return in;
}

void FoldRating(Checksum& sum, const RatingOutcome& o) {
  sum.Add(static_cast<uint64_t>(o.predikat) | static_cast<uint64_t>(o.rating_hasil_kerja) << 8 |
          static_cast<uint64_t>(o.rating_perilaku) << 16 |
          static_cast<uint64_t>(o.hasil_kerja_source) << 24 |
          static_cast<uint64_t>(o.perilaku_source) << 32 |
          static_cast<uint64_t>(o.suggestion.rating) << 40 |
          static_cast<uint64_t>(o.suggestion.available) << 48);
  sum.Add(o.warnings);
  sum.AddDouble(o.suggestion.mean_capaian);
}

struct NumericInputs {
  Template t;
  std::vector<Activity> activities;
  std::vector<NumericAppraisal> appraisals;
};

std::unique_ptr<NumericInputs> MakeNumericInputs(int n, uint64_t seed) {
  auto in = std::make_unique<NumericInputs>();
  in->t = LoadOrFail("pp-46-2011.v1");
  Rng rng(seed);
  std::vector<std::pair<size_t, size_t>> ranges(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const int k = rng.Between(1, 8);
    ranges[static_cast<size_t>(i)] = {in->activities.size(), static_cast<size_t>(k)};
    for (int j = 0; j < k; ++j) {
      Activity a;
      a.kuantitas.target = rng.Between(1, 100);
      a.kuantitas.realisasi = a.kuantitas.target * rng.Between(60, 110) / 100.0;
      a.kualitas.target = 100;
      a.kualitas.realisasi = rng.Between(6000, 10000) / 100.0;
      a.waktu.target = 12;
      a.waktu.realisasi = rng.Between(6, 22);  // above 21.12 (1.76 × 12) goes negative
      if (rng.Percent(30)) {
        a.has_biaya = true;
        a.biaya.target = rng.Between(1, 100) * 1e6;
        a.biaya.realisasi = a.biaya.target * rng.Between(70, 105) / 100.0;
      }
      in->activities.push_back(a);
    }
  }
  const int n_unsur = static_cast<int>(in->t.behaviour_unsur.size());
  in->appraisals.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    NumericAppraisal& a = in->appraisals[static_cast<size_t>(i)];
    const auto [start, count] = ranges[static_cast<size_t>(i)];
    a.activities = std::span<const Activity>(in->activities.data() + start, count);
    a.tugas_tambahan_count = rng.Percent(60) ? 0 : rng.Between(1, 8);
    a.kreativitas = rng.Percent(85) ? Kreativitas::kNone : static_cast<Kreativitas>(rng.Between(1, 3));
    a.struktural = rng.Percent(20);
    a.perilaku_has_peer_input = rng.Percent(10);
    for (int u = 0; u < n_unsur; ++u) {
      const bool applies = !in->t.behaviour_unsur[static_cast<size_t>(u)].struktural_only ||
                           a.struktural;
      a.unsur_rated[static_cast<size_t>(u)] = applies;
      if (applies) a.unsur[static_cast<size_t>(u)] = rng.Between(5500, 9800) / 100.0;
    }
  }
  return in;
}

void FoldNumeric(Checksum& sum, const NumericOutcome& o) {
  sum.AddDouble(o.nilai_capaian_kegiatan);
  sum.AddDouble(o.nilai_skp);
  sum.AddDouble(o.nilai_perilaku);
  sum.AddDouble(o.nilai_prestasi_kerja);
  sum.Add(static_cast<uint64_t>(o.band_skp) | static_cast<uint64_t>(o.band_perilaku) << 8 |
          static_cast<uint64_t>(o.band_prestasi_kerja) << 16 |
          static_cast<uint64_t>(o.unsur_count) << 24 | static_cast<uint64_t>(o.warnings) << 32);
}

}  // namespace

std::vector<BenchCase> AppraisalCases(uint64_t seed) {
  constexpr int kN = 100000;
  std::vector<BenchCase> cases;
  cases.push_back({"appraisal_rating_100k", kN, 9, [seed] {
                     std::shared_ptr<RatingInputs> in = MakeRatingInputs(kN, seed ^ 0x5A1);
                     return std::function<uint64_t()>([in] {
                       Checksum sum;
                       for (const RatingAppraisal& a : in->appraisals) {
                         Result<RatingOutcome> o = ScoreRatingAppraisal(in->t, a);
                         if (!o.ok()) Fail("rating appraisal: " + o.status().ToString());
                         FoldRating(sum, *o);
                       }
                       return sum.value();
                     });
                   }});
  cases.push_back({"appraisal_numeric_100k", kN, 9, [seed] {
                     std::shared_ptr<NumericInputs> in = MakeNumericInputs(kN, seed ^ 0x46);
                     return std::function<uint64_t()>([in] {
                       Checksum sum;
                       for (const NumericAppraisal& a : in->appraisals) {
                         Result<NumericOutcome> o = ScoreNumericAppraisal(in->t, a);
                         if (!o.ok()) Fail("numeric appraisal: " + o.status().ToString());
                         FoldNumeric(sum, *o);
                       }
                       return sum.value();
                     });
                   }});
  return cases;
}

std::function<uint64_t()> PrepareCityAppraisal(const CityShape& shape, uint64_t seed) {
  struct City {
    std::unique_ptr<RatingInputs> in;
    std::vector<int> unit_sizes;
    std::vector<OrgPredikat> unit_org;
    std::vector<Predikat> predikat;  // per staff, grouped by unit
  };
  auto city = std::make_shared<City>();
  city->unit_sizes = UnitSizes(shape, seed);
  Rng rng(seed ^ 0xC17);
  std::vector<int> leader_org(static_cast<size_t>(shape.staff), -1);
  size_t first = 0;
  for (int size : city->unit_sizes) {
    const OrgPredikat org = SkewedOrgPredikat(rng);
    city->unit_org.push_back(org);
    leader_org[first] = static_cast<int>(org);  // the first staff member leads the unit
    first += static_cast<size_t>(size);
  }
  city->in = MakeRatingInputs(shape.staff, seed ^ 0xC18, &leader_org);
  city->predikat.resize(static_cast<size_t>(shape.staff));
  return [city] {
    Checksum sum;
    const Template& t = city->in->t;
    for (size_t i = 0; i < city->in->appraisals.size(); ++i) {
      Result<RatingOutcome> o = ScoreRatingAppraisal(t, city->in->appraisals[i]);
      if (!o.ok()) Fail("city appraisal: " + o.status().ToString());
      FoldRating(sum, *o);
      city->predikat[i] = o->predikat;
    }
    size_t start = 0;
    for (size_t u = 0; u < city->unit_sizes.size(); ++u) {
      const size_t n = static_cast<size_t>(city->unit_sizes[u]);
      Result<DistributionReport> rep = CheckDistribution(
          t, city->unit_org[u], std::span<const Predikat>(city->predikat.data() + start, n));
      if (!rep.ok()) Fail("city distribution: " + rep.status().ToString());
      start += n;
      for (int c : rep->counts) sum.AddInt(c);
      sum.Add(static_cast<uint64_t>(rep->all_ok) |
              static_cast<uint64_t>(rep->feasible.has_value()) << 1 |
              static_cast<uint64_t>(rep->feasible.value_or(false)) << 2);
      for (const DistributionCheck& c : rep->checks) {
        sum.AddInt(c.bound_count);
        sum.AddInt(c.actual_count);
        sum.AddDouble(c.actual_percent);
        sum.Add(c.ok);
      }
    }
    return sum.value();
  };
}

}  // namespace kinerja::bench

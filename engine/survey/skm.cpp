#include "engine/survey/skm.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/survey/csv.h"
#include "engine/numeric/rounding.h"

namespace kinerja {

const SkmScheme& Permenpanrb14Of2017Scheme() {
  static const SkmScheme* const scheme = new SkmScheme{
      {
          {"U1", "Persyaratan", {"Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"}},
          {"U2", "Sistem, Mekanisme, dan Prosedur",
           {"Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"}},
          {"U3", "Waktu Penyelesaian", {"Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"}},
          {"U4", "Biaya/Tarif", {"Sangat mahal", "Cukup mahal", "Murah", "Gratis"}},
          {"U5", "Produk Spesifikasi Jenis Pelayanan",
           {"Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"}},
          {"U6", "Kompetensi Pelaksana",
           {"Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"}},
          {"U7", "Perilaku Pelaksana",
           {"Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
            "Sangat sopan dan ramah"}},
          {"U8", "Penanganan Pengaduan, Saran dan Masukan",
           {"Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal",
            "Dikelola dengan baik"}},
          {"U9", "Sarana dan Prasarana", {"Buruk", "Cukup", "Baik", "Sangat baik"}},
      },
      {}};
  return *scheme;
}

Status ValidateScheme(const SkmScheme& scheme) {
  const size_t n = scheme.unsur.size();
  if (n == 0 || n > static_cast<size_t>(kMaxUnsur)) {
    return Status::InvalidArgument("a survey scheme needs 1 to " + std::to_string(kMaxUnsur) +
                                   " unsur, found " + std::to_string(n));
  }
  for (size_t i = 0; i < n; ++i) {
    if (scheme.unsur[i].code.empty()) {
      return Status::InvalidArgument("unsur " + std::to_string(i + 1) + " has an empty code");
    }
    for (size_t j = 0; j < i; ++j) {
      if (AsciiLower(scheme.unsur[j].code) == AsciiLower(scheme.unsur[i].code)) {
        return Status::InvalidArgument("unsur code " + scheme.unsur[i].code + " appears twice");
      }
    }
  }
  if (!scheme.weights.empty()) {
    if (scheme.weights.size() != n) {
      return Status::InvalidArgument("the scheme has " + std::to_string(n) + " unsur but " +
                                     std::to_string(scheme.weights.size()) + " weights");
    }
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      const double w = scheme.weights[i];
      if (!std::isfinite(w) || w < 0) {
        return Status::InvalidArgument("weight of " + scheme.unsur[i].code +
                                       " must be a number >= 0");
      }
      sum += w;
    }
    if (std::fabs(sum - 1.0) > 1e-9) {
      return Status::InvalidArgument(
          "unsur weights (bobot) must sum to 1 but sum to " + std::to_string(sum) +
          "; use exact fractions such as 1/9, not rounded values like 0.111");
    }
  }
  return Status::Ok();
}

int FindUnsur(const SkmScheme& scheme, std::string_view code) {
  const std::string want = AsciiLower(code);
  for (size_t i = 0; i < scheme.unsur.size(); ++i) {
    if (AsciiLower(scheme.unsur[i].code) == want) return static_cast<int>(i);
  }
  return -1;
}

const char* GradeLetter(IkmGrade grade) {
  switch (grade) {
    case IkmGrade::kA: return "A";
    case IkmGrade::kB: return "B";
    case IkmGrade::kC: return "C";
    case IkmGrade::kD: return "D";
  }
  return "D";
}

const char* GradeLabel(IkmGrade grade) {
  switch (grade) {
    case IkmGrade::kA: return "Sangat baik";
    case IkmGrade::kB: return "Baik";
    case IkmGrade::kC: return "Kurang baik";
    case IkmGrade::kD: return "Tidak baik";
  }
  return "Tidak baik";
}

IkmGrade GradeFromHundredths(int64_t h) {
  if (h >= 8831) return IkmGrade::kA;
  if (h >= 7661) return IkmGrade::kB;
  if (h >= 6500) return IkmGrade::kC;
  return IkmGrade::kD;
}

IkmGrade GradeForIkmUnit(double ikm_unit_rounded) {
  return GradeFromHundredths(RoundScaled(ikm_unit_rounded, 2));
}

namespace {

// Fills ikm, ikm_unit and grade from the per-unsur NRRs (result.unsur must be complete).
void FinishIndex(const SkmScheme& scheme, IkmResult& result) {
  const size_t n = scheme.unsur.size();
  double total = 0;
  if (scheme.weights.empty()) {
    for (size_t i = 0; i < n; ++i) total += result.unsur[i].nrr;
    const double w = 1.0 / static_cast<double>(n);
    for (size_t i = 0; i < n; ++i) result.unsur[i].weighted_nrr = result.unsur[i].nrr * w;
    result.ikm = total / static_cast<double>(n);
  } else {
    for (size_t i = 0; i < n; ++i) {
      result.unsur[i].weighted_nrr = result.unsur[i].nrr * scheme.weights[i];
      total += result.unsur[i].weighted_nrr;
    }
    result.ikm = total;
  }
  result.ikm_unit_hundredths = RoundScaled(result.ikm * 25.0, 2);
  result.ikm_unit = static_cast<double>(result.ikm_unit_hundredths) / 100.0;
  result.grade = GradeFromHundredths(result.ikm_unit_hundredths);
}

}  // namespace

void IkmAccumulator::Merge(const IkmAccumulator& other) {
  respondents_ += other.respondents_;
  for (size_t i = 0; i < static_cast<size_t>(kMaxUnsur); ++i) {
    for (size_t v = 0; v < 6; ++v) tally_[i][v] += other.tally_[i][v];
  }
}

Result<IkmResult> IkmAccumulator::Finish(const SkmScheme& scheme) const {
  const size_t n = scheme.unsur.size();
  IkmResult result;
  result.respondents = respondents_;
  result.unsur.resize(n);
  for (size_t i = 0; i < static_cast<size_t>(kMaxUnsur); ++i) {
    if (tally_[i][5] != 0) {
      return Status::InvalidArgument(
          std::to_string(tally_[i][5]) + " answer(s) to " +
          (i < n ? scheme.unsur[i].code : "slot " + std::to_string(i + 1)) +
          " are outside 1-4");
    }
    if (i >= n && (tally_[i][1] | tally_[i][2] | tally_[i][3] | tally_[i][4]) != 0) {
      return Status::InvalidArgument("answers found in slot " + std::to_string(i + 1) +
                                     " but the scheme has only " + std::to_string(n) + " unsur");
    }
  }
  result.complete = true;
  for (size_t i = 0; i < n; ++i) {
    UnsurResult& u = result.unsur[i];
    for (size_t v = 1; v <= 4; ++v) {
      u.counts[v - 1] = tally_[i][v];
      u.answered += tally_[i][v];
      u.sum += static_cast<int64_t>(v) * tally_[i][v];
    }
    if (u.answered == 0) {
      result.complete = false;
      result.missing.push_back(static_cast<int>(i));
    } else {
      u.nrr = static_cast<double>(u.sum) / static_cast<double>(u.answered);
    }
  }
  if (result.complete) FinishIndex(scheme, result);
  return result;
}

Result<IkmResult> ComputeIkm(const SkmScheme& scheme, std::span<const SurveyResponse> responses) {
  KINERJA_RETURN_IF_ERROR(ValidateScheme(scheme));
  IkmAccumulator acc;
  for (const SurveyResponse& r : responses) acc.Add(r);
  return acc.Finish(scheme);
}

Result<IkmResult> IkmFromNrr(const SkmScheme& scheme, std::span<const double> nrr) {
  KINERJA_RETURN_IF_ERROR(ValidateScheme(scheme));
  if (nrr.size() != scheme.unsur.size()) {
    return Status::InvalidArgument("expected " + std::to_string(scheme.unsur.size()) +
                                   " NRR values, found " + std::to_string(nrr.size()));
  }
  IkmResult result;
  result.unsur.resize(nrr.size());
  for (size_t i = 0; i < nrr.size(); ++i) {
    if (!(nrr[i] >= 1.0 && nrr[i] <= 4.0)) {
      return Status::InvalidArgument("NRR of " + scheme.unsur[i].code + " is " +
                                     std::to_string(nrr[i]) + "; it must be within 1-4");
    }
    result.unsur[i].nrr = nrr[i];
  }
  result.complete = true;
  FinishIndex(scheme, result);
  return result;
}

Result<std::vector<GroupIkm>> ComputeIkmByGroup(const SkmScheme& scheme,
                                                std::span<const SurveyResponse> responses,
                                                GroupBy by) {
  KINERJA_RETURN_IF_ERROR(ValidateScheme(scheme));
  std::vector<int64_t> keys;
  std::vector<IkmAccumulator> accs;
  std::map<int64_t, size_t> index;
  size_t last = 0;
  for (const SurveyResponse& r : responses) {
    const int64_t key = by == GroupBy::kUnit      ? static_cast<int64_t>(r.unit)
                        : by == GroupBy::kService ? static_cast<int64_t>(r.service)
                                                  : static_cast<int64_t>(r.period);
    if (last >= keys.size() || keys[last] != key) {
      auto [it, inserted] = index.emplace(key, keys.size());
      if (inserted) {
        keys.push_back(key);
        accs.emplace_back();
      }
      last = it->second;
    }
    accs[last].Add(r);
  }
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  std::vector<GroupIkm> out;
  out.reserve(keys.size());
  for (size_t i : order) {
    Result<IkmResult> r = accs[i].Finish(scheme);
    if (!r.ok()) return r.status();
    out.push_back({keys[i], std::move(r).value()});
  }
  return out;
}

}  // namespace kinerja

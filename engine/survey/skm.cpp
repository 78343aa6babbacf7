#include "engine/survey/skm.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
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

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;
constexpr uint64_t kPlus123 = 0x7B7B7B7B7B7B7B7Bull;

// Byte k of each answer word is the answer in slot 8 * w + k: the memory order on
// little-endian targets (x86-64 and wasm).
static_assert(std::endian::native == std::endian::little);

}  // namespace

void IkmAccumulator::Add(std::span<const SurveyResponse> responses) {
  static_assert(kMaxUnsur == 16, "Add() reads the answers as two 8-byte words");
  respondents_ += static_cast<int64_t>(responses.size());
  const SurveyResponse* r = responses.data();
  const SurveyResponse* const end = r + responses.size();
  while (r != end) {
    const SurveyResponse* const stop = r + std::min<size_t>(static_cast<size_t>(end - r),
                                                            static_cast<size_t>(kFlushEvery - pending_));
    // Up to `stop` the counters live in locals (registers), not in *this.
    uint64_t sum_a = pending_sums_.answer[0], sum_b = pending_sums_.answer[1];
    uint64_t bit1_a = pending_sums_.bit1[0], bit1_b = pending_sums_.bit1[1];
    uint64_t bit2_a = pending_sums_.bit2[0], bit2_b = pending_sums_.bit2[1];
    uint64_t bits01_a = pending_sums_.bits01[0], bits01_b = pending_sums_.bits01[1];
    // A byte from 5 to 0x84 gets its high bit in byte + 0x7B; a byte from 0x80 has it
    // already (and a carry into the next byte only comes from such a byte).
    uint64_t above4 = 0;
    for (const SurveyResponse* p = r; p != stop; ++p) {
      uint64_t lo = 0;
      uint64_t hi = 0;
      std::memcpy(&lo, p->answers.data(), 8);
      std::memcpy(&hi, p->answers.data() + 8, 8);
      above4 |= (lo + kPlus123) | lo | (hi + kPlus123) | hi;
      const uint64_t lo1 = lo >> 1;
      const uint64_t hi1 = hi >> 1;
      sum_a += lo;
      sum_b += hi;
      bit1_a += lo1 & kOnes;
      bit1_b += hi1 & kOnes;
      bit2_a += (lo >> 2) & kOnes;
      bit2_b += (hi >> 2) & kOnes;
      bits01_a += lo & lo1 & kOnes;
      bits01_b += hi & hi1 & kOnes;
    }
    if ((above4 & kHigh) != 0) {
      // Some answer is not 0..4: the bit sums would be wrong, so this stretch is tallied
      // slot by slot (and the local counters are dropped).
      for (const SurveyResponse* p = r; p != stop; ++p) AddSlotBySlot(*p);
    } else {
      pending_sums_ = {{sum_a, sum_b}, {bit1_a, bit1_b}, {bit2_a, bit2_b}, {bits01_a, bits01_b}};
      pending_ += static_cast<int>(stop - r);
      if (pending_ == kFlushEvery) Flush();
    }
    r = stop;
  }
}

void IkmAccumulator::AddSlotBySlot(const SurveyResponse& r) {
  for (size_t i = 0; i < static_cast<size_t>(kMaxUnsur); ++i) {
    const uint8_t a = r.answers[i];
    if (a != 0) ++tally_[i][a > 4 ? 4 : a - 1];
  }
}

void IkmAccumulator::Flush() {
  const std::array<uint64_t, 2>* const words[4] = {&pending_sums_.answer, &pending_sums_.bit1,
                                                   &pending_sums_.bit2, &pending_sums_.bits01};
  for (size_t j = 0; j < 4; ++j) {
    for (size_t w = 0; w < 2; ++w) {
      // Slots past the last answered one are all zero (most schemes use 9 of 16).
      size_t slot = 8 * w;
      for (uint64_t bytes = (*words[j])[w]; bytes != 0; bytes >>= 8, ++slot) {
        sums_[slot][j] += static_cast<int64_t>(bytes & 0xFF);
      }
    }
  }
  pending_sums_ = {};
  pending_ = 0;
}

IkmAccumulator::Tally IkmAccumulator::Totals() const {
  IkmAccumulator copy = *this;
  copy.Flush();
  Tally t = tally_;
  for (size_t i = 0; i < static_cast<size_t>(kMaxUnsur); ++i) {
    const std::array<int64_t, 4>& s = copy.sums_[i];
    // With answers 0..4 (binary 000, 001, 010, 011, 100): bit 2 marks a 4, bits 0 and 1 a 3,
    // bit 1 a 2 or a 3; the rest of the answer sum is the 1s.
    const int64_t fours = s[2];
    const int64_t threes = s[3];
    const int64_t twos = s[1] - threes;
    const int64_t ones = s[0] - 2 * twos - 3 * threes - 4 * fours;
    t[i][0] += ones;
    t[i][1] += twos;
    t[i][2] += threes;
    t[i][3] += fours;
  }
  return t;
}

void IkmAccumulator::Merge(const IkmAccumulator& other) {
  respondents_ += other.respondents_;
  const Tally theirs = other.Totals();
  for (size_t i = 0; i < static_cast<size_t>(kMaxUnsur); ++i) {
    for (size_t v = 0; v < 5; ++v) tally_[i][v] += theirs[i][v];
  }
}

Result<IkmResult> IkmAccumulator::Finish(const SkmScheme& scheme) const {
  const size_t n = scheme.unsur.size();
  const Tally tally = Totals();
  IkmResult result;
  result.respondents = respondents_;
  result.unsur.resize(n);
  for (size_t i = 0; i < static_cast<size_t>(kMaxUnsur); ++i) {
    if (tally[i][4] != 0) {
      return Status::InvalidArgument(
          std::to_string(tally[i][4]) + " answer(s) to " +
          (i < n ? scheme.unsur[i].code : "slot " + std::to_string(i + 1)) +
          " are outside 1-4");
    }
    if (i >= n && (tally[i][0] | tally[i][1] | tally[i][2] | tally[i][3]) != 0) {
      return Status::InvalidArgument("answers found in slot " + std::to_string(i + 1) +
                                     " but the scheme has only " + std::to_string(n) + " unsur");
    }
  }
  result.complete = true;
  for (size_t i = 0; i < n; ++i) {
    UnsurResult& u = result.unsur[i];
    for (size_t v = 1; v <= 4; ++v) {
      u.counts[v - 1] = tally[i][v - 1];
      u.answered += tally[i][v - 1];
      u.sum += static_cast<int64_t>(v) * tally[i][v - 1];
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
  acc.Add(responses);
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
  const auto key_of = [by](const SurveyResponse& r) {
    return by == GroupBy::kUnit      ? static_cast<int64_t>(r.unit)
           : by == GroupBy::kService ? static_cast<int64_t>(r.service)
                                     : static_cast<int64_t>(r.period);
  };
  // Exports come in runs of one unit (or service, or month): each run is added at once.
  size_t last = 0;
  for (size_t start = 0; start < responses.size();) {
    const int64_t key = key_of(responses[start]);
    size_t stop = start + 1;
    while (stop < responses.size() && key_of(responses[stop]) == key) ++stop;
    if (last >= keys.size() || keys[last] != key) {
      auto [it, inserted] = index.emplace(key, keys.size());
      if (inserted) {
        keys.push_back(key);
        accs.emplace_back();
      }
      last = it->second;
    }
    accs[last].Add(responses.subspan(start, stop - start));
    start = stop;
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

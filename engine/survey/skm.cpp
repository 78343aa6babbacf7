#include "engine/survey/skm.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>

#include "shared/text.h"
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
  // Codes are almost always written as the scheme writes them ("U1"): try that first, without
  // making lower-case copies (a report looks up nine codes per response, 100,000 responses).
  for (size_t i = 0; i < scheme.unsur.size(); ++i) {
    if (scheme.unsur[i].code == code) return static_cast<int>(i);
  }
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

constexpr uint64_t kNibbleOnes = 0x1111111111111111ull;
constexpr uint64_t kLowNibbles = 0x0F0F0F0F0F0F0F0Full;
constexpr uint64_t kAbove7 = 0xF8F8F8F8F8F8F8F8ull;

// Byte k of each answer word is the answer in slot 8 * w + k: the memory order on
// little-endian targets (x86-64 and wasm).
static_assert(std::endian::native == std::endian::little);

// Adds the answer bits of a word of 4-bit lanes (each 0..7) to nibble-wide counters: bit 0,
// bit 1, bit 2, bits 0 and 1. `mixed` collects, in bit 0 of a lane, bit 2 with bit 0 or 1 (an
// answer 5, 6 or 7). Bits shifted in from the next lane land above bit 0 and are masked off.
inline void CountBits(uint64_t w, uint64_t& bit0, uint64_t& bit1, uint64_t& bit2,
                      uint64_t& bits01, uint64_t& mixed) {
  const uint64_t w1 = w >> 1;
  const uint64_t w2 = w >> 2;
  bit0 += w & kNibbleOnes;
  bit1 += w1 & kNibbleOnes;
  bit2 += w2 & kNibbleOnes;
  bits01 += w & w1 & kNibbleOnes;
  mixed |= (w | w1) & w2;
}

// Nibble-wide counters of two rows (low and high nibble of a byte: the same slot) summed into
// byte-wide ones.
inline uint64_t NibblesToBytes(uint64_t c) { return (c & kLowNibbles) + ((c >> 4) & kLowNibbles); }

}  // namespace

void IkmAccumulator::Add(std::span<const SurveyResponse> responses) {
  static_assert(kMaxUnsur == 16, "Add() reads the answers as two 8-byte words");
  respondents_ += static_cast<int64_t>(responses.size());
  const SurveyResponse* r = responses.data();
  const SurveyResponse* const end = r + responses.size();
  while (r != end) {
    // A stretch of at most 30 responses (15 pairs: a nibble counts to 15) that keeps the
    // byte-wide pending sums at most 255.
    const size_t room = std::min<size_t>(30, static_cast<size_t>(kFlushEvery - pending_));
    const SurveyResponse* const stop = r + std::min(static_cast<size_t>(end - r), room);
    // Counters in locals (registers). Two responses share one word: answers are 0..4 (3
    // bits), so the second one's bytes shifted up by 4 fill the free upper nibbles.
    uint64_t b0a = 0, b0b = 0, b1a = 0, b1b = 0, b2a = 0, b2b = 0, b01a = 0, b01b = 0;
    uint64_t raw = 0;    // all answer bytes OR-ed: a bit 3..7 means an answer above 7
    uint64_t mixed = 0;  // see CountBits: an answer 5..7
    const SurveyResponse* p = r;
    for (; stop - p >= 2; p += 2) {
      uint64_t lo1 = 0, hi1 = 0, lo2 = 0, hi2 = 0;
      std::memcpy(&lo1, p[0].answers.data(), 8);
      std::memcpy(&hi1, p[0].answers.data() + 8, 8);
      std::memcpy(&lo2, p[1].answers.data(), 8);
      std::memcpy(&hi2, p[1].answers.data() + 8, 8);
      raw |= lo1 | hi1 | lo2 | hi2;
      CountBits(lo1 | (lo2 << 4), b0a, b1a, b2a, b01a, mixed);
      CountBits(hi1 | (hi2 << 4), b0b, b1b, b2b, b01b, mixed);
    }
    if (p != stop) {
      uint64_t lo1 = 0, hi1 = 0;
      std::memcpy(&lo1, p->answers.data(), 8);
      std::memcpy(&hi1, p->answers.data() + 8, 8);
      raw |= lo1 | hi1;
      CountBits(lo1, b0a, b1a, b2a, b01a, mixed);
      CountBits(hi1, b0b, b1b, b2b, b01b, mixed);
    }
    if ((raw & kAbove7) != 0 || (mixed & kNibbleOnes) != 0) {
      // Some answer is not 0..4: the bit counts would be wrong, so this stretch is tallied
      // slot by slot (and the local counters are dropped).
      for (p = r; p != stop; ++p) AddSlotBySlot(*p);
    } else {
      pending_sums_.bit0[0] += NibblesToBytes(b0a);
      pending_sums_.bit0[1] += NibblesToBytes(b0b);
      pending_sums_.bit1[0] += NibblesToBytes(b1a);
      pending_sums_.bit1[1] += NibblesToBytes(b1b);
      pending_sums_.bit2[0] += NibblesToBytes(b2a);
      pending_sums_.bit2[1] += NibblesToBytes(b2b);
      pending_sums_.bits01[0] += NibblesToBytes(b01a);
      pending_sums_.bits01[1] += NibblesToBytes(b01b);
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
  const std::array<uint64_t, 2>* const words[4] = {&pending_sums_.bit0, &pending_sums_.bit1,
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
    // With answers 0..4 (binary 000, 001, 010, 011, 100): bit 2 marks a 4, bits 0 and 1 a 3;
    // bit 1 alone a 2, bit 0 alone a 1.
    const int64_t fours = s[2];
    const int64_t threes = s[3];
    const int64_t twos = s[1] - threes;
    const int64_t ones = s[0] - threes;
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

namespace {

int64_t GroupKey(const SurveyResponse& r, GroupBy by) {
  return by == GroupBy::kUnit      ? static_cast<int64_t>(r.unit)
         : by == GroupBy::kService ? static_cast<int64_t>(r.service)
                                   : static_cast<int64_t>(r.period);
}

// The end of the run of responses from `start` on that share its group key. Kept out of line
// on purpose: wasm engines have no on-stack replacement, so a loop inside a function called
// once per IKM keeps running baseline-compiled code for that whole call; a small function
// called once per run is optimised early and used from then on.
[[gnu::noinline]] size_t RunEnd(std::span<const SurveyResponse> responses, size_t start,
                                GroupBy by) {
  const int64_t key = GroupKey(responses[start], by);
  size_t stop = start + 1;
  while (stop < responses.size() && GroupKey(responses[stop], by) == key) ++stop;
  return stop;
}

}  // namespace

Result<std::vector<GroupIkm>> ComputeIkmByGroup(const SkmScheme& scheme,
                                                std::span<const SurveyResponse> responses,
                                                GroupBy by) {
  KINERJA_RETURN_IF_ERROR(ValidateScheme(scheme));
  std::vector<int64_t> keys;
  std::vector<IkmAccumulator> accs;
  std::map<int64_t, size_t> index;
  // Exports come in runs of one unit (or service, or month): each run is added at once.
  size_t last = 0;
  for (size_t start = 0; start < responses.size();) {
    const int64_t key = GroupKey(responses[start], by);
    const size_t stop = RunEnd(responses, start, by);
    if (last >= keys.size() || keys[last] != key) {
      auto [it, inserted] = index.try_emplace(key, keys.size());  // no node unless new
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

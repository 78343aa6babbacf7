#pragma once
// SKM (Survei Kepuasan Masyarakat, public satisfaction survey) per PermenPANRB 14/2017:
// nine unsur (survey elements U1..U9), answers 1-4, NRR (nilai rata-rata, mean score per
// unsur), IKM (Indeks Kepuasan Masyarakat, 1-4 and converted 25-100) and the mutu pelayanan
// grade A-D. Works on plain structs; the CSV/JSON edge is ikm_csv.h. Rules:
// docs/rules/survey.md §"Unsur", §"NRR and IKM", §"Interval table and grades".

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "shared/result.h"

namespace kinerja {

// Room for the 9 unsur of 14/2017 plus unsur a unit adds itself.
inline constexpr int kMaxUnsur = 16;

// One survey element: its code (the identity; apps order U8/U9 differently, so never rely on
// position), name and the labels of answers 1..4.
struct Unsur {
  std::string code;
  std::string name;
  std::array<std::string, 4> labels;
};

// The elements asked and their weights (bobot). Empty `weights` = equal weights, computed as
// the plain mean of the NRRs (exactly 1/n each, never a rounded 0.111).
struct SkmScheme {
  std::vector<Unsur> unsur;
  std::vector<double> weights;
};

// The nine unsur of PermenPANRB 14/2017 (U1 Persyaratan ... U9 Sarana dan Prasarana), equal weights.
const SkmScheme& Permenpanrb14Of2017Scheme();

// Fails with kInvalidArgument when the scheme has 0 or more than kMaxUnsur unsur, an empty or
// repeated code, a weight count that differs from the unsur count, a negative weight, or
// weights whose sum differs from 1 by more than 1e-9.
Status ValidateScheme(const SkmScheme& scheme);

// Slot of the unsur with `code` (case-insensitive), or -1.
int FindUnsur(const SkmScheme& scheme, std::string_view code);

// Respondent profile (optional; 0 = not given). Small enums keep a response at 32 bytes.
enum class Gender : uint8_t { kUnknown = 0, kMale, kFemale };
enum class AgeBand : uint8_t { kUnknown = 0, kUnder20, k20To29, k30To39, k40To49, k50To59, k60Plus };
enum class Education : uint8_t { kUnknown = 0, kSdOrLower, kSmp, kSma, kDiploma, kS1, kS2OrHigher };
enum class Occupation : uint8_t {
  kUnknown = 0, kPnsTniPolri, kPrivateEmployee, kEntrepreneur, kStudent, kOther
};
struct RespondentProfile {
  Gender gender = Gender::kUnknown;
  AgeBand age = AgeBand::kUnknown;
  Education education = Education::kUnknown;
  Occupation occupation = Occupation::kUnknown;
};

// One anonymous questionnaire. Deliberately has no name, NIK or phone field.
// answers[i] is the answer to scheme.unsur[i]: 1..4, or 0 when the element was not answered.
// unit/service are ids into a caller-held name table; period is YYYYMM (0 = unknown).
struct SurveyResponse {
  std::array<uint8_t, kMaxUnsur> answers{};
  RespondentProfile profile;
  uint32_t unit = 0;
  uint32_t service = 0;
  int32_t period = 0;
};

// Mutu pelayanan grade and the kinerja unit pelayanan label.
enum class IkmGrade : uint8_t { kA, kB, kC, kD };
const char* GradeLetter(IkmGrade grade);   // "A".."D"
const char* GradeLabel(IkmGrade grade);    // "Sangat baik", "Baik", "Kurang baik", "Tidak baik"

// Grade of an IKM unit value (25-100) given in hundredths (8831 = 88.31): A >= 88.31,
// B >= 76.61, C >= 65.00, else D (lower-bound comparisons on the rounded value).
IkmGrade GradeFromHundredths(int64_t ikm_unit_hundredths);
// Same, for a value already rounded to two decimals (88.30 -> B, 88.31 -> A).
IkmGrade GradeForIkmUnit(double ikm_unit_rounded);

struct UnsurResult {
  int64_t answered = 0;             // respondents who answered this unsur
  int64_t sum = 0;                  // sum of their answers
  std::array<int64_t, 4> counts{};  // how many answered 1, 2, 3, 4
  double nrr = 0;                   // sum / answered (unrounded); 0 when answered == 0
  double weighted_nrr = 0;          // nrr x weight (unrounded)
};

struct IkmResult {
  int64_t respondents = 0;          // responses (rows) counted
  std::vector<UnsurResult> unsur;   // parallel to scheme.unsur
  // False when some unsur has no answer at all: no IKM is defined then (missing lists slots).
  bool complete = false;
  std::vector<int> missing;
  double ikm = 0;                   // 1-4, unrounded
  int64_t ikm_unit_hundredths = 0;  // IKM x 25 rounded half away from zero to 2 decimals
  double ikm_unit = 0;              // the same as a double (e.g. 91.48)
  IkmGrade grade = IkmGrade::kD;
};

// Accumulates responses; cheap to merge. Counts, per slot, the answers 1, 2, 3 and 4 and the
// answers outside 0..4 (0 is "not answered" and is not counted).
class IkmAccumulator {
 public:
  // Adds responses. Answers above 4 are counted as invalid (see Finish()).
  //
  // This is the hot path of every IKM (a million responses is a routine export). It reads the
  // 16 answer bytes of a response as two 64-bit words, puts two responses into one word (an
  // answer 0..4 needs 3 bits of its byte), and counts per slot how many answers have bit 0,
  // bit 1, bit 2, and bits 0 and 1 set, in 4-bit counters held in local variables; the counts
  // of 1, 2, 3 and 4 follow exactly. Every 30 responses the counters go into byte-wide sums,
  // and every 255 into 64-bit totals. A stretch of responses with an answer above 4 (invalid
  // input) is tallied slot by slot instead. Plain 64-bit integer arithmetic in registers, so
  // wasm without SIMD stays close to native code, unlike 16 table increments per response.
  void Add(std::span<const SurveyResponse> responses);
  void Add(const SurveyResponse& r) { Add(std::span<const SurveyResponse>(&r, 1)); }
  void Merge(const IkmAccumulator& other);
  int64_t respondents() const { return respondents_; }
  // Computes NRR, IKM and grade. Fails with kInvalidArgument when an answer was outside 0..4
  // or a slot beyond the scheme's unsur holds an answer. An unsur nobody answered makes the
  // result incomplete (no IKM), not an error.
  Result<IkmResult> Finish(const SkmScheme& scheme) const;

 private:
  // tally[slot][0..3]: answers 1..4; tally[slot][4]: answers above 4.
  using Tally = std::array<std::array<int64_t, 5>, kMaxUnsur>;
  // Per slot: how many answers have bit 0 set (1, 3), bit 1 (2, 3), bit 2 (4), and bits 0 and 1
  // (3). Byte k of word w holds slot 8 * w + k.
  struct Sums {
    std::array<uint64_t, 2> bit0{}, bit1{}, bit2{}, bits01{};
  };
  static constexpr int kFlushEvery = 255;  // a byte counts to 255

  void AddSlotBySlot(const SurveyResponse& r);
  void Flush();
  // tally_ plus the counts still in sums_ and pending_sums_.
  Tally Totals() const;

  int64_t respondents_ = 0;
  Tally tally_{};  // responses added slot by slot, and merged totals
  std::array<std::array<int64_t, 4>, kMaxUnsur> sums_{};  // flushed Sums, per slot
  Sums pending_sums_;  // since the last Flush()
  int pending_ = 0;    // responses in pending_sums_ (at most kFlushEvery)
};

// IKM over all `responses` (a tight single pass). Errors as IkmAccumulator::Finish, plus an
// invalid scheme.
Result<IkmResult> ComputeIkm(const SkmScheme& scheme, std::span<const SurveyResponse> responses);

// IKM from NRR values directly (one per unsur, in scheme order). Fails on an invalid scheme or
// a count mismatch or an NRR outside 1..4.
Result<IkmResult> IkmFromNrr(const SkmScheme& scheme, std::span<const double> nrr);

// Results per group key, in ascending key order.
enum class GroupBy : uint8_t { kUnit, kService, kPeriod };
struct GroupIkm {
  int64_t key = 0;  // unit id, service id or YYYYMM
  IkmResult result;
};
Result<std::vector<GroupIkm>> ComputeIkmByGroup(const SkmScheme& scheme,
                                                std::span<const SurveyResponse> responses,
                                                GroupBy by);

}  // namespace kinerja

#pragma once
// SKM (Survei Kepuasan Masyarakat, public satisfaction survey) per PermenPANRB 14/2017:
// nine unsur (survey elements U1..U9), answers 1-4, NRR (nilai rata-rata, mean score per
// unsur), IKM (Indeks Kepuasan Masyarakat, 1-4 and converted 25-100) and the mutu pelayanan
// grade A-D. Works on plain structs; JSON/CSV live in ikm_command.h. domain.md section 2.

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

// Accumulates responses; cheap to merge. One tally per (slot, answer value).
class IkmAccumulator {
 public:
  // Adds one response. Answers above 4 are counted as invalid (see Finish()).
  void Add(const SurveyResponse& r) {
    ++respondents_;
    for (int i = 0; i < kMaxUnsur; ++i) {
      const uint8_t a = r.answers[static_cast<size_t>(i)];
      ++tally_[static_cast<size_t>(i)][a > 4 ? 5 : a];
    }
  }
  void Merge(const IkmAccumulator& other);
  int64_t respondents() const { return respondents_; }
  // Computes NRR, IKM and grade. Fails with kInvalidArgument when an answer was outside 0..4
  // or a slot beyond the scheme's unsur holds an answer. An unsur nobody answered makes the
  // result incomplete (no IKM), not an error.
  Result<IkmResult> Finish(const SkmScheme& scheme) const;

 private:
  int64_t respondents_ = 0;
  std::array<std::array<int64_t, 6>, kMaxUnsur> tally_{};
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

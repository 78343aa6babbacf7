#pragma once
// Competency standards per PermenPANRB 38/2017 (domain §3): the managerial (M.01-M.08) and
// socio-cultural (S.01) dictionary, agency-defined technical competencies, levels 1-5, position
// profiles of required levels, and per-employee gaps and JPM (Job-Person Match: the share of the
// required competency levels an employee meets, in percent).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.h"

namespace kinerja {

// Teknis (technical, defined by the agency), Manajerial, Sosial Kultural (socio-cultural).
enum class CompetencyType { kTeknis, kManajerial, kSosialKultural };
// "teknis", "manajerial", "sosial_kultural".
const char* CompetencyTypeName(CompetencyType type);

constexpr int kMinCompetencyLevel = 1;
constexpr int kMaxCompetencyLevel = 5;

struct CompetencyDef {
  std::string code;  // "M.01", "S.01", or an agency code for technical competencies
  std::string name;
  CompetencyType type = CompetencyType::kTeknis;
};

// The minister-set dictionary: M.01 Integritas ... M.08 Pengambilan Keputusan, S.01 Perekat
// Bangsa, in code order. The vector lives for the whole program.
const std::vector<CompetencyDef>& StandardCompetencies();
// The entry for a managerial or socio-cultural code; nullptr for any other code.
const CompetencyDef* FindStandardCompetency(std::string_view code);

// Position levels (jenjang) with a typical required managerial level.
enum class Jenjang { kJptUtama, kJptMadya, kJptPratama, kAdministrator, kPengawas, kPelaksana };
// "jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana".
const char* JenjangName(Jenjang jenjang);
bool ParseJenjang(std::string_view name, Jenjang* jenjang);
// DEFAULT TO VERIFY (domain §3.3, tagged [B]): JPT Utama 5, JPT Madya 5, JPT Pratama 4,
// Administrator 3, Pengawas 2, Pelaksana 1. The position's own standard (Lampiran I of the
// agency's Standar Kompetensi Jabatan) overrides it.
int DefaultManagerialLevel(Jenjang jenjang);

struct RequiredCompetency {
  std::string code;
  CompetencyType type = CompetencyType::kTeknis;
  int required_level = 1;
  double importance = 1.0;           // weight in training-need priority; > 0
  bool level_is_default = false;     // came from DefaultManagerialLevel, not the position
};

// The required levels of one position (the kompetensi jabatan part of its standard).
struct PositionProfile {
  std::string id;
  std::string name;
  std::vector<RequiredCompetency> competencies;
};

// A profile with M.01-M.08 at DefaultManagerialLevel(jenjang), each marked level_is_default.
// S.01 is not included: no default level for it is confirmed in domain §3.
PositionProfile DefaultManagerialProfile(Jenjang jenjang, std::string id);

// An employee's assessed level for one competency.
struct AssessedLevel {
  std::string code;
  int level = 1;
};

struct CompetencyGap {
  std::string code;
  CompetencyType type = CompetencyType::kTeknis;
  int required = 0;
  int assessed = 0;
  int gap = 0;              // assessed - required; negative = development need
  double importance = 1.0;
};

// JPM mapping categories (pemetaan): Optimal >= 90, Cukup Optimal 78 to < 90, Kurang Optimal < 78.
enum class MappingCategory { kOptimal, kCukupOptimal, kKurangOptimal };
// JPM selection categories: Memenuhi Syarat >= 80, Masih Memenuhi Syarat 68 to < 80,
// Kurang Memenuhi Syarat < 68.
enum class SelectionCategory { kMemenuhiSyarat, kMasihMemenuhiSyarat, kKurangMemenuhiSyarat };
// "Optimal" / "Cukup Optimal" / "Kurang Optimal" and the codes "O" / "CO" / "KO".
const char* MappingCategoryName(MappingCategory c);
const char* MappingCategoryCode(MappingCategory c);
// "Memenuhi Syarat" / ... and "MS" / "MMS" / "KMS".
const char* SelectionCategoryName(SelectionCategory c);
const char* SelectionCategoryCode(SelectionCategory c);
// Category of JPM = numerator / denominator x 100, decided exactly in integers (no rounding
// can move a value across a bound). denominator must be > 0.
MappingCategory ClassifyForMapping(int numerator, int denominator);
SelectionCategory ClassifyForSelection(int numerator, int denominator);
// Same on a percentage (for callers holding a JPM from elsewhere); bounds are inclusive below.
MappingCategory ClassifyForMapping(double jpm_percent);
SelectionCategory ClassifyForSelection(double jpm_percent);

struct JpmResult {
  int sum_required = 0;
  int sum_assessed = 0;          // raw levels
  int sum_assessed_capped = 0;   // sum of min(assessed, required)
  double jpm = 0;                // capped: sum_assessed_capped / sum_required x 100, 2 decimals
  double jpm_raw = 0;            // regulation-style: sum_assessed / sum_required x 100, 2 decimals
  MappingCategory mapping = MappingCategory::kKurangOptimal;        // from capped jpm
  SelectionCategory selection = SelectionCategory::kKurangMemenuhiSyarat;
};

struct EmployeeCompetencyResult {
  std::vector<CompetencyGap> gaps;  // in profile order
  JpmResult jpm;
};

// Exact percentage numerator / denominator x 100 rounded half away from zero to 2 decimals
// (integer arithmetic, so identical natively and in wasm). denominator must be > 0.
double PercentHalfAwayFromZero2(int numerator, int denominator);

// Gaps and JPM of one employee against `profile`. Every required competency must have an
// assessed level; levels must be 1-5. Fails with kInvalidArgument naming the code on a missing
// or out-of-range level, a profile without competencies, or a required level outside 1-5.
// Assessed competencies the profile does not require are ignored.
Result<EmployeeCompetencyResult> AssessEmployee(const PositionProfile& profile,
                                                const std::vector<AssessedLevel>& assessed);

}  // namespace kinerja

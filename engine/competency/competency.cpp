#include "engine/competency/competency.h"

#include <algorithm>

namespace kinerja {

const char* CompetencyTypeName(CompetencyType type) {
  switch (type) {
    case CompetencyType::kTeknis: return "teknis";
    case CompetencyType::kManajerial: return "manajerial";
    case CompetencyType::kSosialKultural: return "sosial_kultural";
  }
  return "teknis";
}

const std::vector<CompetencyDef>& StandardCompetencies() {
  static const std::vector<CompetencyDef>* const kDefs = new std::vector<CompetencyDef>{
      {"M.01", "Integritas", CompetencyType::kManajerial},
      {"M.02", "Kerjasama", CompetencyType::kManajerial},
      {"M.03", "Komunikasi", CompetencyType::kManajerial},
      {"M.04", "Orientasi pada Hasil", CompetencyType::kManajerial},
      {"M.05", "Pelayanan Publik", CompetencyType::kManajerial},
      {"M.06", "Pengembangan Diri dan Orang Lain", CompetencyType::kManajerial},
      {"M.07", "Mengelola Perubahan", CompetencyType::kManajerial},
      {"M.08", "Pengambilan Keputusan", CompetencyType::kManajerial},
      {"S.01", "Perekat Bangsa", CompetencyType::kSosialKultural},
  };
  return *kDefs;
}

const CompetencyDef* FindStandardCompetency(std::string_view code) {
  for (const auto& d : StandardCompetencies()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

const char* JenjangName(Jenjang j) {
  switch (j) {
    case Jenjang::kJptUtama: return "jpt_utama";
    case Jenjang::kJptMadya: return "jpt_madya";
    case Jenjang::kJptPratama: return "jpt_pratama";
    case Jenjang::kAdministrator: return "administrator";
    case Jenjang::kPengawas: return "pengawas";
    case Jenjang::kPelaksana: return "pelaksana";
  }
  return "pelaksana";
}

bool ParseJenjang(std::string_view name, Jenjang* jenjang) {
  for (Jenjang j : {Jenjang::kJptUtama, Jenjang::kJptMadya, Jenjang::kJptPratama,
                    Jenjang::kAdministrator, Jenjang::kPengawas, Jenjang::kPelaksana}) {
    if (name == JenjangName(j)) {
      *jenjang = j;
      return true;
    }
  }
  return false;
}

int DefaultManagerialLevel(Jenjang j) {
  switch (j) {
    case Jenjang::kJptUtama: return 5;
    case Jenjang::kJptMadya: return 5;
    case Jenjang::kJptPratama: return 4;
    case Jenjang::kAdministrator: return 3;
    case Jenjang::kPengawas: return 2;
    case Jenjang::kPelaksana: return 1;
  }
  return 1;
}

PositionProfile DefaultManagerialProfile(Jenjang jenjang, std::string id) {
  PositionProfile p;
  p.id = std::move(id);
  for (const auto& d : StandardCompetencies()) {
    if (d.type != CompetencyType::kManajerial) continue;
    RequiredCompetency rc;
    rc.code = d.code;
    rc.type = d.type;
    rc.required_level = DefaultManagerialLevel(jenjang);
    rc.level_is_default = true;
    p.competencies.push_back(rc);
  }
  return p;
}

const char* MappingCategoryName(MappingCategory c) {
  switch (c) {
    case MappingCategory::kOptimal: return "Optimal";
    case MappingCategory::kCukupOptimal: return "Cukup Optimal";
    case MappingCategory::kKurangOptimal: return "Kurang Optimal";
  }
  return "Kurang Optimal";
}

const char* MappingCategoryCode(MappingCategory c) {
  switch (c) {
    case MappingCategory::kOptimal: return "O";
    case MappingCategory::kCukupOptimal: return "CO";
    case MappingCategory::kKurangOptimal: return "KO";
  }
  return "KO";
}

const char* SelectionCategoryName(SelectionCategory c) {
  switch (c) {
    case SelectionCategory::kMemenuhiSyarat: return "Memenuhi Syarat";
    case SelectionCategory::kMasihMemenuhiSyarat: return "Masih Memenuhi Syarat";
    case SelectionCategory::kKurangMemenuhiSyarat: return "Kurang Memenuhi Syarat";
  }
  return "Kurang Memenuhi Syarat";
}

const char* SelectionCategoryCode(SelectionCategory c) {
  switch (c) {
    case SelectionCategory::kMemenuhiSyarat: return "MS";
    case SelectionCategory::kMasihMemenuhiSyarat: return "MMS";
    case SelectionCategory::kKurangMemenuhiSyarat: return "KMS";
  }
  return "KMS";
}

namespace {
// 100 * num / den >= bound  <=>  100 * num >= bound * den (den > 0), in 64-bit integers.
bool AtLeast(int num, int den, int bound) {
  return 100LL * num >= static_cast<long long>(bound) * den;
}
}  // namespace

MappingCategory ClassifyForMapping(int num, int den) {
  if (AtLeast(num, den, 90)) return MappingCategory::kOptimal;
  if (AtLeast(num, den, 78)) return MappingCategory::kCukupOptimal;
  return MappingCategory::kKurangOptimal;
}

SelectionCategory ClassifyForSelection(int num, int den) {
  if (AtLeast(num, den, 80)) return SelectionCategory::kMemenuhiSyarat;
  if (AtLeast(num, den, 68)) return SelectionCategory::kMasihMemenuhiSyarat;
  return SelectionCategory::kKurangMemenuhiSyarat;
}

MappingCategory ClassifyForMapping(double jpm) {
  if (jpm >= 90.0) return MappingCategory::kOptimal;
  if (jpm >= 78.0) return MappingCategory::kCukupOptimal;
  return MappingCategory::kKurangOptimal;
}

SelectionCategory ClassifyForSelection(double jpm) {
  if (jpm >= 80.0) return SelectionCategory::kMemenuhiSyarat;
  if (jpm >= 68.0) return SelectionCategory::kMasihMemenuhiSyarat;
  return SelectionCategory::kKurangMemenuhiSyarat;
}

double PercentHalfAwayFromZero2(int num, int den) {
  // hundredths of a percent = round(10000 * num / den), half away from zero.
  long long n = 10000LL * num;
  long long d = den;
  bool negative = (n < 0) != (d < 0);
  if (n < 0) n = -n;
  if (d < 0) d = -d;
  long long q = (2 * n + d) / (2 * d);
  return static_cast<double>(negative ? -q : q) / 100.0;
}

Result<EmployeeCompetencyResult> AssessEmployee(const PositionProfile& profile,
                                                const std::vector<AssessedLevel>& assessed) {
  if (profile.competencies.empty()) {
    return Status::InvalidArgument("position " + profile.id + " requires no competencies");
  }
  EmployeeCompetencyResult out;
  JpmResult& j = out.jpm;
  for (const auto& rc : profile.competencies) {
    if (rc.required_level < kMinCompetencyLevel || rc.required_level > kMaxCompetencyLevel) {
      return Status::InvalidArgument("position " + profile.id + " requires " + rc.code +
                                     " at level " + std::to_string(rc.required_level) +
                                     "; levels are 1-5");
    }
    const AssessedLevel* found = nullptr;
    for (const auto& a : assessed) {
      if (a.code == rc.code) {
        found = &a;
        break;
      }
    }
    if (found == nullptr) {
      return Status::InvalidArgument("no assessed level for " + rc.code + ", which position " +
                                     profile.id + " requires");
    }
    if (found->level < kMinCompetencyLevel || found->level > kMaxCompetencyLevel) {
      return Status::InvalidArgument("assessed level of " + rc.code + " is " +
                                     std::to_string(found->level) + "; levels are 1-5");
    }
    CompetencyGap g;
    g.code = rc.code;
    g.type = rc.type;
    g.required = rc.required_level;
    g.assessed = found->level;
    g.gap = found->level - rc.required_level;
    g.importance = rc.importance;
    out.gaps.push_back(g);
    j.sum_required += rc.required_level;
    j.sum_assessed += found->level;
    j.sum_assessed_capped += std::min(found->level, rc.required_level);
  }
  j.jpm = PercentHalfAwayFromZero2(j.sum_assessed_capped, j.sum_required);
  j.jpm_raw = PercentHalfAwayFromZero2(j.sum_assessed, j.sum_required);
  j.mapping = ClassifyForMapping(j.sum_assessed_capped, j.sum_required);
  j.selection = ClassifyForSelection(j.sum_assessed_capped, j.sum_required);
  return out;
}

}  // namespace kinerja

// The competency part of the full city: gaps and JPM for every staff member against their
// position's profile (PermenPANRB 38/2017), then training needs per unit.

#include <memory>
#include <string>
#include <vector>

#include "bench/engine/engine_bench.h"
#include "engine/competency/competency.h"
#include "engine/competency/training_needs.h"

namespace kinerja::bench {
namespace {

void FoldNeeds(Checksum& sum, const std::vector<TrainingNeed>& needs) {
  for (const TrainingNeed& n : needs) {
    sum.AddText(n.code);
    sum.AddInt(n.staff_assessed);
    sum.AddInt(n.staff_with_gap);
    sum.AddInt(n.total_gap);
    sum.AddDouble(n.mean_gap);
    sum.AddDouble(n.priority);
  }
}

}  // namespace

std::function<uint64_t()> PrepareCityCompetency(const CityShape& shape, uint64_t seed) {
  struct City {
    std::vector<PositionProfile> profiles;
    std::vector<size_t> profile_of;  // per staff
    std::vector<std::string> staff_id;
    std::vector<std::string> unit_of;
    std::vector<std::vector<AssessedLevel>> assessed;
  };
  auto city = std::make_shared<City>();
  Rng rng(seed ^ 0xC0);
  const std::vector<int> sizes = UnitSizes(shape, seed);
  // Positions: each unit's leader (administrator), three supervisors (pengawas), the rest
  // pelaksana; each with the default managerial levels, S.01 and three technical
  // competencies of one of 20 technical families.
  const Jenjang kJenjang[3] = {Jenjang::kAdministrator, Jenjang::kPengawas, Jenjang::kPelaksana};
  for (int family = 0; family < 20; ++family) {
    for (int j = 0; j < 3; ++j) {
      PositionProfile p = DefaultManagerialProfile(
          kJenjang[j], Numbered("pos-", family * 10 + j));
      RequiredCompetency s01;
      s01.code = "S.01";
      s01.type = CompetencyType::kSosialKultural;
      s01.required_level = j == 2 ? 2 : 3;
      p.competencies.push_back(s01);
      for (int k = 1; k <= 3; ++k) {
        RequiredCompetency tk;
        tk.code = Numbered("T.", family * 10 + k);  // "T.1", ..., "T.193"
        tk.type = CompetencyType::kTeknis;
        tk.required_level = rng.Between(2, 4);
        tk.importance = rng.Between(1, 3);
        p.competencies.push_back(tk);
      }
      city->profiles.push_back(std::move(p));
    }
  }
  for (size_t u = 0; u < sizes.size(); ++u) {
    const int family = static_cast<int>(u % 20);
    for (int s = 0; s < sizes[u]; ++s) {
      const int j = s == 0 ? 0 : s <= 3 ? 1 : 2;
      const size_t profile = static_cast<size_t>(family * 3 + j);
      city->profile_of.push_back(profile);
      city->staff_id.push_back(
          Numbered("1990", static_cast<int64_t>(rng.Below(900000000)) * 100000 +
                               static_cast<int64_t>(city->staff_id.size())));
      city->unit_of.push_back(Numbered("Unit ", static_cast<int64_t>(u + 1)));
      std::vector<AssessedLevel> levels;
      for (const RequiredCompetency& rc : city->profiles[profile].competencies) {
        int level = rc.required_level + rng.Between(-2, 1);
        level = level < 1 ? 1 : level > 5 ? 5 : level;
        levels.push_back({rc.code, level});
      }
      levels.push_back({"T.99.1", rng.Between(1, 5)});  // assessed but not required: ignored
      city->assessed.push_back(std::move(levels));
    }
  }
  return [city] {
    Checksum sum;
    std::vector<EmployeeGaps> employees;
    employees.reserve(city->assessed.size());
    for (size_t i = 0; i < city->assessed.size(); ++i) {
      Result<EmployeeCompetencyResult> r =
          AssessEmployee(city->profiles[city->profile_of[i]], city->assessed[i]);
      if (!r.ok()) Fail("city competency: " + r.status().ToString());
      const JpmResult& j = r->jpm;
      sum.AddInt(j.sum_required);
      sum.AddInt(j.sum_assessed);
      sum.AddInt(j.sum_assessed_capped);
      sum.AddDouble(j.jpm);
      sum.AddDouble(j.jpm_raw);
      sum.Add(static_cast<uint64_t>(j.mapping) | static_cast<uint64_t>(j.selection) << 8);
      employees.push_back({city->staff_id[i], city->unit_of[i], std::move(r->gaps)});
    }
    for (const UnitTrainingNeeds& u : AnalyseTrainingNeeds(employees)) {
      sum.AddText(u.unit);
      sum.AddInt(u.staff);
      FoldNeeds(sum, u.manajerial);
      FoldNeeds(sum, u.sosial_kultural);
      FoldNeeds(sum, u.teknis);
    }
    return sum.value();
  };
}

}  // namespace kinerja::bench

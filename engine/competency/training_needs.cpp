#include "engine/competency/training_needs.h"

#include <algorithm>
#include <map>
#include <set>

namespace kinerja {

std::vector<UnitTrainingNeeds> AnalyseTrainingNeeds(const std::vector<EmployeeGaps>& employees) {
  struct Acc {
    int staff = 0;
    std::map<std::string, TrainingNeed> needs;
  };
  std::map<std::string, Acc> units;
  for (const auto& e : employees) {
    Acc& acc = units[e.unit];
    ++acc.staff;
    for (const auto& g : e.gaps) {
      TrainingNeed& n = acc.needs[g.code];
      n.code = g.code;
      n.type = g.type;
      ++n.staff_assessed;
      if (g.gap < 0) {
        ++n.staff_with_gap;
        n.total_gap += -g.gap;
        n.priority += static_cast<double>(-g.gap) * g.importance;
      }
    }
  }
  auto by_priority = [](const TrainingNeed& a, const TrainingNeed& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.staff_with_gap != b.staff_with_gap) return a.staff_with_gap > b.staff_with_gap;
    return a.code < b.code;
  };
  std::vector<UnitTrainingNeeds> out;
  for (auto& [unit, acc] : units) {
    UnitTrainingNeeds u;
    u.unit = unit;
    u.staff = acc.staff;
    for (auto& [code, n] : acc.needs) {
      if (n.staff_with_gap == 0) continue;
      n.mean_gap = static_cast<double>(n.total_gap) / n.staff_with_gap;
      switch (n.type) {
        case CompetencyType::kManajerial: u.manajerial.push_back(n); break;
        case CompetencyType::kSosialKultural: u.sosial_kultural.push_back(n); break;
        case CompetencyType::kTeknis: u.teknis.push_back(n); break;
      }
    }
    std::sort(u.manajerial.begin(), u.manajerial.end(), by_priority);
    std::sort(u.sosial_kultural.begin(), u.sosial_kultural.end(), by_priority);
    std::sort(u.teknis.begin(), u.teknis.end(), by_priority);
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<RemeasureRow> CompareRemeasure(const std::vector<LevelObservation>& before,
                                           const std::vector<LevelObservation>& after) {
  // code -> employee -> level (last observation wins).
  using Levels = std::map<std::string, std::map<std::string, int>>;
  Levels b, a;
  for (const auto& o : before) b[o.code][o.employee_id] = o.level;
  for (const auto& o : after) a[o.code][o.employee_id] = o.level;
  std::set<std::string> codes;
  for (const auto& kv : b) codes.insert(kv.first);
  for (const auto& kv : a) codes.insert(kv.first);
  std::vector<RemeasureRow> out;
  for (const auto& code : codes) {
    RemeasureRow r;
    r.code = code;
    long long sum_b = 0, sum_a = 0, sum_paired = 0;
    auto bi = b.find(code);
    auto ai = a.find(code);
    if (bi != b.end()) {
      for (const auto& [emp, level] : bi->second) {
        ++r.n_before;
        sum_b += level;
        if (ai != a.end()) {
          auto hit = ai->second.find(emp);
          if (hit != ai->second.end()) {
            ++r.n_paired;
            sum_paired += hit->second - level;
          }
        }
      }
    }
    if (ai != a.end()) {
      for (const auto& kv : ai->second) {
        ++r.n_after;
        sum_a += kv.second;
      }
    }
    if (r.n_before > 0) r.mean_before = static_cast<double>(sum_b) / r.n_before;
    if (r.n_after > 0) r.mean_after = static_cast<double>(sum_a) / r.n_after;
    if (r.n_before > 0 && r.n_after > 0) r.change = r.mean_after - r.mean_before;
    if (r.n_paired > 0) r.mean_paired_change = static_cast<double>(sum_paired) / r.n_paired;
    out.push_back(r);
  }
  return out;
}

}  // namespace kinerja

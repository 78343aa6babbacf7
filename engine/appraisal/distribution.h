#pragma once
// The required distribution of employee predikat in a unit (SE MenPANRB 03/2023;
// docs/rules/distribution.md §"Distribution table", §"Rule ids"): the unit's capaian kinerja
// organisasi (Istimewa ... Sangat Kurang) bounds how many staff may or must get each predikat.
// Rules are template data; this module evaluates them. Percent bounds become counts with
// integer arithmetic: maxima round down, minima round up
// (docs/rules/distribution.md §"Rounding for small units").

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "engine/appraisal/levels.h"
#include "engine/appraisal/template.h"
#include "shared/result.h"

namespace kinerja {

// The outcome of one rule for one unit.
struct DistributionCheck {
  const DistributionRule* rule = nullptr;  // points into the Template; valid while it lives
  int bound_count = 0;    // allowed max (max kinds) or required min (min kinds, plurality)
  int actual_count = 0;   // staff whose predikat is in the rule's set
  double actual_percent = 0;  // actual_count / staff × 100, rounded to 2 decimals
  bool ok = true;
};

struct DistributionReport {
  OrgPredikat org_predikat = OrgPredikat::kBaik;
  int staff_count = 0;
  std::array<int, kPredikatCount> counts{};  // by Predikat
  std::vector<DistributionCheck> checks;     // every rule for org_predikat, template order
  bool all_ok = true;
  // Whether any assignment of predikat to staff_count people satisfies every rule; computed
  // by enumeration for units of up to kFeasibilityLimit staff, std::nullopt above.
  std::optional<bool> feasible;
};

inline constexpr int kFeasibilityLimit = 40;

// Bound for a percent rule: max kinds floor(n × p / 100); min kinds ceil(n × p / 100).
int PercentBound(DistributionRuleKind kind, int percent, int staff_count);

// Checks a unit. Fails with kInvalidArgument when the template is not a rating template or
// `staff` is empty.
Result<DistributionReport> CheckDistribution(const Template& t, OrgPredikat org,
                                             std::span<const Predikat> staff);

}  // namespace kinerja

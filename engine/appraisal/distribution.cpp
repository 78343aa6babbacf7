#include "engine/appraisal/distribution.h"

#include <string>

namespace kinerja {
namespace {

// Evaluates one rule on counts; fills bound/actual/ok.
DistributionCheck Evaluate(const DistributionRule& r, const std::array<int, kPredikatCount>& counts,
                           int n) {
  DistributionCheck c;
  c.rule = &r;
  for (int p = 0; p < kPredikatCount; ++p) {
    if (r.predikat[p]) c.actual_count += counts[p];
  }
  switch (r.kind) {
    case DistributionRuleKind::kMaxPercent:
      c.bound_count = PercentBound(r.kind, r.percent, n);
      c.ok = c.actual_count <= c.bound_count;
      break;
    case DistributionRuleKind::kMinPercent:
      c.bound_count = PercentBound(r.kind, r.percent, n);
      c.ok = c.actual_count >= c.bound_count;
      break;
    case DistributionRuleKind::kMaxCount:
      c.bound_count = r.count_bound;
      c.ok = c.actual_count <= c.bound_count;
      break;
    case DistributionRuleKind::kMinCount:
      c.bound_count = r.count_bound;
      c.ok = c.actual_count >= c.bound_count;
      break;
    case DistributionRuleKind::kPlurality: {
      int largest_other = 0;
      for (int p = 0; p < kPredikatCount; ++p) {
        if (!r.predikat[p] && counts[p] > largest_other) largest_other = counts[p];
      }
      c.bound_count = largest_other;
      c.ok = c.actual_count >= largest_other;
      break;
    }
  }
  c.actual_percent = n > 0 ? RoundHalfAwayFromZero(100.0 * c.actual_count / n, 2) : 0.0;
  return c;
}

bool AllRulesHold(const Template& t, OrgPredikat org,
                  const std::array<int, kPredikatCount>& counts, int n) {
  for (const auto& r : t.distribution_rules) {
    if (r.org_predikat == org && !Evaluate(r, counts, n).ok) return false;
  }
  return true;
}

bool Feasible(const Template& t, OrgPredikat org, int n) {
  std::array<int, kPredikatCount> c{};
  for (c[0] = 0; c[0] <= n; ++c[0]) {
    for (c[1] = 0; c[0] + c[1] <= n; ++c[1]) {
      for (c[2] = 0; c[0] + c[1] + c[2] <= n; ++c[2]) {
        for (c[3] = 0; c[0] + c[1] + c[2] + c[3] <= n; ++c[3]) {
          c[4] = n - c[0] - c[1] - c[2] - c[3];
          if (AllRulesHold(t, org, c, n)) return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

int PercentBound(DistributionRuleKind kind, int percent, int staff_count) {
  const long long scaled = static_cast<long long>(staff_count) * percent;
  if (kind == DistributionRuleKind::kMinPercent) return static_cast<int>((scaled + 99) / 100);
  return static_cast<int>(scaled / 100);
}

Result<DistributionReport> CheckDistribution(const Template& t, OrgPredikat org,
                                             std::span<const Predikat> staff) {
  if (t.kind != TemplateKind::kRating) {
    return Status::InvalidArgument("template '" + t.id +
                                   "' is numeric; the distribution check needs a rating template");
  }
  if (staff.empty()) {
    return Status::InvalidArgument("the unit has no staff predikat to check");
  }
  DistributionReport rep;
  rep.org_predikat = org;
  rep.staff_count = static_cast<int>(staff.size());
  for (Predikat p : staff) ++rep.counts[static_cast<int>(p)];
  for (const auto& r : t.distribution_rules) {
    if (r.org_predikat != org) continue;
    rep.checks.push_back(Evaluate(r, rep.counts, rep.staff_count));
    rep.all_ok = rep.all_ok && rep.checks.back().ok;
  }
  if (rep.all_ok) {
    rep.feasible = true;
  } else if (rep.staff_count <= kFeasibilityLimit) {
    rep.feasible = Feasible(t, org, rep.staff_count);
  }
  return rep;
}

}  // namespace kinerja

#include "engine/service/queue_metrics.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>

#include "engine/service/timestamp.h"

namespace kinerja {

Status ValidateTicket(const ServiceTicket& t) {
  if (t.abandoned) {
    if (t.finished.has_value()) {
      return Status::InvalidArgument("abandoned ticket has a finished time");
    }
    if (t.called.has_value() && *t.called < t.issued) {
      return Status::InvalidArgument("called before issued (timestamps go backwards)");
    }
    return Status::Ok();
  }
  if (!t.called.has_value() || !t.finished.has_value()) {
    return Status::InvalidArgument(
        "not abandoned but has no called and finished time; set abandoned when the customer left");
  }
  if (*t.called < t.issued) {
    return Status::InvalidArgument("called before issued (timestamps go backwards)");
  }
  const int64_t start = t.service_start.value_or(*t.called);
  if (start < *t.called) {
    return Status::InvalidArgument("service started before the ticket was called");
  }
  if (*t.finished < start) {
    return Status::InvalidArgument("finished before service started (timestamps go backwards)");
  }
  return Status::Ok();
}

double PercentileLinear(std::span<const double> sorted, double p) {
  assert(!sorted.empty());
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double lo = std::floor(h);
  const size_t i = static_cast<size_t>(lo);
  if (i + 1 >= sorted.size()) return sorted[sorted.size() - 1];
  return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

namespace {

// PercentileLinear of `values` without sorting them all: the two order statistics it
// interpolates between, by selection (linear time; `values` is reordered). A city's month of
// 200,000 tickets is described several times a report (per unit, month, before and after).
double SelectPercentile(std::vector<double>& values, double p) {
  const size_t n = values.size();
  const double h = static_cast<double>(n - 1) * p;
  const double lo = std::floor(h);
  const size_t i = static_cast<size_t>(lo);
  if (i + 1 >= n) return *std::max_element(values.begin(), values.end());
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(i), values.end());
  const double a = values[i];
  const double b = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(i) + 1, values.end());
  return a + (h - lo) * (b - a);
}

DurationStats Describe(std::vector<double>& values) {
  DurationStats s;
  s.count = static_cast<int64_t>(values.size());
  if (values.empty()) return s;
  double sum = 0;  // whole seconds: exact in any order
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(values.size());
  s.median = SelectPercentile(values, 0.5);
  s.p90 = SelectPercentile(values, 0.9);
  return s;
}

const ServiceStandard* FindStandard(std::span<const ServiceStandard> standards,
                                    const ServiceTicket& t) {
  const ServiceStandard* unit_wide = nullptr;
  for (const ServiceStandard& s : standards) {
    if (s.unit != t.unit) continue;
    if (s.service == t.service) return &s;
    if (s.service.empty()) unit_wide = &s;
  }
  return unit_wide;
}

std::optional<double> Share(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<double> Diff(std::optional<double> a, std::optional<double> b) {
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

}  // namespace

std::optional<double> QueueMetrics::abandonment_share() const { return Share(abandoned, tickets); }
std::optional<double> QueueMetrics::wait_within_share() const {
  return Share(wait_within_standard, wait_standard_tickets);
}
std::optional<double> QueueMetrics::total_within_share() const {
  return Share(total_within_standard, total_standard_tickets);
}

QueueMetrics ComputeQueueMetrics(std::span<const ServiceTicket> tickets,
                                 std::span<const ServiceStandard> standards) {
  QueueMetrics m;
  std::vector<double> waits, services, totals;
  std::map<int64_t, std::pair<int64_t, int64_t>> days;  // WIB day -> (first issue, last event)
  for (const ServiceTicket& t : tickets) {
    assert(ValidateTicket(t).ok());
    ++m.tickets;
    int64_t last_event = t.issued;
    if (t.called) last_event = std::max(last_event, *t.called);
    if (t.abandoned) {
      ++m.abandoned;
    } else {
      ++m.served;
      const int64_t start = t.service_start.value_or(*t.called);
      const double wait = static_cast<double>(*t.called - t.issued);
      const double total = static_cast<double>(*t.finished - t.issued);
      waits.push_back(wait);
      services.push_back(static_cast<double>(*t.finished - start));
      totals.push_back(total);
      last_event = std::max(last_event, *t.finished);
      if (const ServiceStandard* s = FindStandard(standards, t)) {
        if (s->max_wait_minutes) {
          ++m.wait_standard_tickets;
          if (wait <= *s->max_wait_minutes * 60.0) ++m.wait_within_standard;
        }
        if (s->max_total_minutes) {
          ++m.total_standard_tickets;
          if (total <= *s->max_total_minutes * 60.0) ++m.total_within_standard;
        }
      }
    }
    auto [it, inserted] = days.emplace(WibDay(t.issued), std::make_pair(t.issued, last_event));
    if (!inserted) {
      it->second.first = std::min(it->second.first, t.issued);
      it->second.second = std::max(it->second.second, last_event);
    }
  }
  m.wait = Describe(waits);
  m.service = Describe(services);
  m.total = Describe(totals);
  int64_t observed_seconds = 0;
  for (const auto& [day, span] : days) observed_seconds += span.second - span.first;
  m.observed_hours = static_cast<double>(observed_seconds) / 3600.0;
  if (observed_seconds > 0) {
    const double lambda = static_cast<double>(m.tickets) / m.observed_hours;
    m.arrival_rate_per_hour = lambda;
    if (m.served > 0) {
      m.littles_l = lambda * m.total.mean / 3600.0;
      m.littles_lq = lambda * m.wait.mean / 3600.0;
    }
  }
  return m;
}

Result<ServiceIndicators> ComputeServiceIndicators(std::span<const ServiceTicket> tickets,
                                                   std::span<const ServiceStandard> standards) {
  for (size_t i = 0; i < standards.size(); ++i) {
    const ServiceStandard& s = standards[i];
    const std::string where = "standards[" + std::to_string(i) + "]";
    if (s.unit.empty()) return Status::InvalidArgument(where + ".unit must not be empty");
    if ((s.max_wait_minutes && !(*s.max_wait_minutes > 0)) ||
        (s.max_total_minutes && !(*s.max_total_minutes > 0))) {
      return Status::InvalidArgument(where + ": limits must be minutes > 0");
    }
    for (size_t j = 0; j < i; ++j) {
      if (standards[j].unit == s.unit && standards[j].service == s.service) {
        return Status::InvalidArgument(where + " repeats the standard for unit '" + s.unit +
                                       "' service '" + s.service + "'");
      }
    }
  }
  ServiceIndicators out;
  std::vector<ServiceTicket> valid;
  valid.reserve(tickets.size());
  for (size_t i = 0; i < tickets.size(); ++i) {
    Status st = ValidateTicket(tickets[i]);
    if (!st.ok()) {
      out.invalid.push_back({i, tickets[i].id, st.message()});
      continue;
    }
    valid.push_back(tickets[i]);
  }
  out.overall = ComputeQueueMetrics(valid, standards);
  std::map<std::string, std::vector<ServiceTicket>> units, officers;
  for (const ServiceTicket& t : valid) {
    units[t.unit].push_back(t);
    if (!t.officer.empty() && !t.abandoned) officers[t.officer].push_back(t);
  }
  for (const auto& [name, list] : units) {
    out.by_unit.push_back({name, ComputeQueueMetrics(list, standards)});
  }
  for (const auto& [name, list] : officers) {
    out.by_officer.push_back({name, ComputeQueueMetrics(list, standards)});
  }
  return out;
}

PeriodComparison ComparePeriods(const QueueMetrics& before, const QueueMetrics& after) {
  PeriodComparison c;
  c.before = before;
  c.after = after;
  const bool waits = before.wait.count > 0 && after.wait.count > 0;
  if (waits) {
    c.median_wait_change_seconds = after.wait.median - before.wait.median;
    c.p90_wait_change_seconds = after.wait.p90 - before.wait.p90;
    if (before.wait.median > 0) {
      c.median_wait_change_percent =
          (after.wait.median - before.wait.median) / before.wait.median * 100.0;
    }
    c.median_service_change_seconds = after.service.median - before.service.median;
  }
  c.wait_within_share_change = Diff(before.wait_within_share(), after.wait_within_share());
  c.total_within_share_change = Diff(before.total_within_share(), after.total_within_share());
  c.abandonment_share_change = Diff(before.abandonment_share(), after.abandonment_share());
  c.arrival_rate_change = Diff(before.arrival_rate_per_hour, after.arrival_rate_per_hour);
  return c;
}

}  // namespace kinerja

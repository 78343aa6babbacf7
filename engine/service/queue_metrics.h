#pragma once
// Service indicators from queue-system tickets (one-stop office): waiting and service time
// (median, p90), abandonment, share within the standar pelayanan (service standard), arrival
// rate and Little's law, per unit and per officer, and a before/after comparison of two periods
// (e.g. before and after training plus a new queue system). Rules: docs/rules/service.md
// §"Metrics", §"Before and after".

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "shared/result.h"

namespace kinerja {

// One queue ticket; all times are epoch seconds (UTC instants).
struct ServiceTicket {
  std::string id;       // optional, only used in messages
  std::string unit;     // organisational unit (e.g. "DPMPTSP")
  std::string service;  // service type (jenis layanan)
  std::string counter;  // counter (loket) id
  std::string officer;  // officer (petugas) id; empty when nobody served the ticket
  int64_t issued = 0;
  std::optional<int64_t> called;
  std::optional<int64_t> service_start;  // nullopt = same as called
  std::optional<int64_t> finished;
  bool abandoned = false;  // the customer left before being served
};

// Standar pelayanan limits for a unit's service (service empty = every service of the unit
// without its own entry). A limit left empty is not checked.
struct ServiceStandard {
  std::string unit;
  std::string service;
  std::optional<double> max_wait_minutes;   // called - issued
  std::optional<double> max_total_minutes;  // finished - issued
};

// OK, or kInvalidArgument saying why the ticket cannot be used: a served ticket without called
// or finished time, times going backwards (called < issued, start < called, finished < start),
// or an abandoned ticket with a finished time.
Status ValidateTicket(const ServiceTicket& ticket);

// Median and p90 by linear interpolation between order statistics (h = (n-1)p, as Excel's
// PERCENTILE.INC and numpy's default); values in seconds.
struct DurationStats {
  int64_t count = 0;
  double mean = 0;
  double median = 0;
  double p90 = 0;
};
// p in [0, 1] of `sorted` (ascending, non-empty).
double PercentileLinear(std::span<const double> sorted, double p);

struct QueueMetrics {
  int64_t tickets = 0;    // valid tickets
  int64_t served = 0;     // not abandoned
  int64_t abandoned = 0;
  DurationStats wait;     // served: called - issued
  DurationStats service;  // served: finished - start
  DurationStats total;    // served: finished - issued
  // Served tickets whose (unit, service) has a wait / total standard, and how many met it.
  int64_t wait_standard_tickets = 0;
  int64_t wait_within_standard = 0;
  int64_t total_standard_tickets = 0;
  int64_t total_within_standard = 0;
  // Sum over WIB calendar days of (last event - first issue) that day, in hours.
  double observed_hours = 0;
  // Unset when observed_hours is 0 (a single instant) or nothing was served.
  std::optional<double> arrival_rate_per_hour;  // lambda = tickets / observed_hours
  std::optional<double> littles_l;              // lambda x mean total time (hours)
  std::optional<double> littles_lq;             // lambda x mean wait (hours)

  std::optional<double> abandonment_share() const;
  std::optional<double> wait_within_share() const;
  std::optional<double> total_within_share() const;
};

// Metrics over `tickets`, which must all pass ValidateTicket (asserted).
QueueMetrics ComputeQueueMetrics(std::span<const ServiceTicket> tickets,
                                 std::span<const ServiceStandard> standards);

struct InvalidTicket {
  size_t index = 0;  // position in the input
  std::string id;
  std::string reason;
};
struct NamedMetrics {
  std::string name;
  QueueMetrics metrics;
};
struct ServiceIndicators {
  QueueMetrics overall;
  std::vector<NamedMetrics> by_unit;     // sorted by name
  std::vector<NamedMetrics> by_officer;  // served tickets with an officer, sorted by id
  std::vector<InvalidTicket> invalid;    // left out of every metric
};

// Validates each ticket, reports the invalid ones and computes metrics over the rest.
// Fails with kInvalidArgument on a standard with an empty unit, a limit <= 0, or a duplicate
// (unit, service) standard.
Result<ServiceIndicators> ComputeServiceIndicators(std::span<const ServiceTicket> tickets,
                                                   std::span<const ServiceStandard> standards);

// Change from `before` to `after` (after - before). Unset when either side lacks the value.
struct PeriodComparison {
  QueueMetrics before;
  QueueMetrics after;
  std::optional<double> median_wait_change_seconds;
  std::optional<double> p90_wait_change_seconds;
  std::optional<double> median_wait_change_percent;  // relative to before
  std::optional<double> median_service_change_seconds;
  std::optional<double> wait_within_share_change;    // in share points (0.25 = +25 points)
  std::optional<double> total_within_share_change;
  std::optional<double> abandonment_share_change;
  std::optional<double> arrival_rate_change;         // volume: waits grow sharply with load
};
PeriodComparison ComparePeriods(const QueueMetrics& before, const QueueMetrics& after);

}  // namespace kinerja

#pragma once
// JSON edge of the queue indicators: reads {"standards": [...], "tickets": [...],
// "compare": {...}} and returns the report (keys in docs/rules/service.md §"Report JSON"). No CLI
// command uses it yet; it is here for the future `kinerja service FILE`.

#include <string_view>
#include <vector>

#include "engine/service/queue_metrics.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

// Reads tickets[i] / standards[i] objects. Fails with kInvalidArgument naming the field
// (e.g. "tickets[3].called") on a wrong type, an unknown key, or an unreadable timestamp.
Result<std::vector<ServiceTicket>> TicketsFromJson(const Json& tickets);
Result<std::vector<ServiceStandard>> StandardsFromJson(const Json& standards);

// The whole report. Malformed JSON or fields fail the call; tickets whose times go backwards
// (or that are neither served nor abandoned) are listed under "invalid_tickets" and left out.
// One set of metrics as the report prints it (tickets, served, abandoned, wait / service /
// total in minutes with count, mean, median and p90, the shares within the standard, ...).
Json QueueMetricsJson(const QueueMetrics& m);
// A before/after comparison as the report prints it: "before" and "after" (QueueMetricsJson)
// and the changes (median_wait_change_minutes, p90_wait_change_minutes, ...; null when a side
// lacks the value).
Json PeriodComparisonJson(const PeriodComparison& c);

Result<Json> ServiceReportFromJson(std::string_view json_text);

}  // namespace kinerja

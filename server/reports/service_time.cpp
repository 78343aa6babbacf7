// GET /api/v1/reports/service-time: per queue unit and month (WIB), median and p90 waiting
// and service time and the share within the unit's service standard, from the stored queue
// tickets, computed by the engine (engine/service/queue_metrics.h; docs/rules/service.md), with
// a before/after comparison around `split`. docs/reports.md §"Service time".
#include <algorithm>
#include <span>
#include <vector>

#include "engine/service/queue_ticket.h"
#include "engine/service/service_report.h"
#include "server/reports/report_context.h"
#include "server/reports/service_data.h"

namespace kinerja::server {
namespace {

struct UnitTickets {
  std::vector<ServiceTicket> finished;
  int64_t open = 0;  // issued or called, not finished (yet)
};

// `tickets` by issue time: the order sorted as indices, then each ticket moved once (a
// ticket is too large a thing to move at every step of a sort).
std::vector<ServiceTicket> InIssueOrder(std::vector<ServiceTicket> tickets) {
  const bool sorted = std::is_sorted(tickets.begin(), tickets.end(),
      [](const ServiceTicket& a, const ServiceTicket& b) { return a.issued < b.issued; });
  if (sorted) return tickets;
  std::vector<size_t> order(tickets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&tickets](size_t a, size_t b) {
    return tickets[a].issued < tickets[b].issued || (tickets[a].issued == tickets[b].issued && a < b);
  });
  std::vector<ServiceTicket> out;
  out.reserve(tickets.size());
  for (size_t i : order) out.push_back(std::move(tickets[i]));
  return out;
}

}  // namespace

Result<Json> ServiceTimeReport(CentralStore& store, const Principal& who, const ReportQuery& q) {
  KINERJA_ASSIGN_OR_RETURN(const reports::Context ctx, reports::BeginReport(store, who, q));
  std::optional<org::Date> split;
  if (!q.split.empty()) {
    KINERJA_ASSIGN_OR_RETURN(split, org::ParseDate(q.split));
  }
  std::map<std::string, UnitTickets> units;
  int64_t unreadable = 0;
  KINERJA_RETURN_IF_ERROR(store.EachTicketRow(who, [&](const TicketRow& r) {
    auto t = reports::TicketOf(r);
    if (!t) {
      ++unreadable;
      return;
    }
    auto unit = ctx.units.find(t->unit_id);
    if (unit == ctx.units.end() || !ctx.InUnit(unit->second.path)) return;
    if (!org::ContainsDate(ctx.period, reports::WibDate(t->issued))) return;
    UnitTickets& u = units[t->unit_id];
    if (!t->finished) {
      ++u.open;
      return;
    }
    u.finished.push_back(reports::ToServiceTicket(*t, r.id));
  }));
  Json out = reports::ReportHeader("service-time", ctx);
  out["split"] = split ? Json(org::FormatDate(*split)) : Json();
  Json list = Json::array();
  for (auto& [unit_id, u] : units) {
    std::vector<ServiceStandard> standards;
    KINERJA_ASSIGN_OR_RETURN(auto standard, QueueStandard(ctx.units.at(unit_id).body, unit_id));
    if (standard) standards.push_back(*standard);
    Json entry = QueueMetricsJson(ComputeQueueMetrics(u.finished, standards));
    entry["unit_id"] = unit_id;
    entry["unit"] = ctx.UnitName(unit_id);
    entry["open_tickets"] = u.open;
    entry["standard"] =
        standard ? Json{{"max_wait_minutes",
                         standard->max_wait_minutes ? Json(*standard->max_wait_minutes) : Json()},
                        {"max_total_minutes",
                         standard->max_total_minutes ? Json(*standard->max_total_minutes) : Json()}}
                 : Json();
    // In issue order, a month's tickets and those before and after the split are runs of
    // the list: each is measured in place, not copied (a city's dinas logs 20,000 a year).
    const std::vector<ServiceTicket> finished = InIssueOrder(std::move(u.finished));
    const std::span<const ServiceTicket> all(finished);
    Json months = Json::array();
    size_t split_at = all.size();  // the first ticket issued on or after the split (WIB)
    for (size_t begin = 0; begin < all.size();) {
      const org::Date first = reports::WibDate(all[begin].issued);
      size_t end = begin;
      for (; end < all.size(); ++end) {
        const org::Date d = reports::WibDate(all[end].issued);
        if (split && split_at == all.size() && !(d < *split)) split_at = end;
        if (d.year != first.year || d.month != first.month) break;
      }
      Json m = QueueMetricsJson(ComputeQueueMetrics(all.subspan(begin, end - begin), standards));
      m["month"] = reports::MonthKey(first.year * 100 + first.month);
      months.push_back(std::move(m));
      begin = end;
    }
    entry["months"] = std::move(months);
    if (split) {
      entry["comparison"] = PeriodComparisonJson(
          ComparePeriods(ComputeQueueMetrics(all.first(split_at), standards),
                         ComputeQueueMetrics(all.subspan(split_at), standards)));
    }
    list.push_back(std::move(entry));
  }
  out["units"] = std::move(list);
  if (unreadable > 0) out["tickets_unreadable"] = unreadable;
  if (units.empty()) out["note"] = "no queue tickets in this period";
  return out;
}

}  // namespace kinerja::server

// GET /api/v1/reports/service-time: per queue unit and month (WIB), median and p90 waiting
// and service time and the share within the unit's service standard, from the stored queue
// tickets, computed by the engine (engine/service/queue_metrics.h; docs/rules/service.md), with
// a before/after comparison around `split`. docs/reports.md §"Service time".
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
  for (const auto& [unit_id, u] : units) {
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
    std::map<int, std::vector<ServiceTicket>> by_month;  // YYYYMM (WIB)
    std::vector<ServiceTicket> before, after;
    for (const auto& t : u.finished) {
      const org::Date d = reports::WibDate(t.issued);
      by_month[d.year * 100 + d.month].push_back(t);
      if (split) (d < *split ? before : after).push_back(t);
    }
    Json months = Json::array();
    for (const auto& [yyyymm, tickets] : by_month) {
      Json m = QueueMetricsJson(ComputeQueueMetrics(tickets, standards));
      m["month"] = reports::MonthKey(yyyymm);
      months.push_back(std::move(m));
    }
    entry["months"] = std::move(months);
    if (split) {
      entry["comparison"] = PeriodComparisonJson(ComparePeriods(
          ComputeQueueMetrics(before, standards), ComputeQueueMetrics(after, standards)));
    }
    list.push_back(std::move(entry));
  }
  out["units"] = std::move(list);
  if (unreadable > 0) out["tickets_unreadable"] = unreadable;
  if (units.empty()) out["note"] = "no queue tickets in this period";
  return out;
}

}  // namespace kinerja::server

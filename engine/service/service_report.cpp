#include "engine/service/service_report.h"

#include <string>

#include "engine/service/timestamp.h"
#include "engine/numeric/rounding.h"

namespace kinerja {
namespace {

// A timestamp field: integer epoch seconds or ISO-8601 text; nullopt when absent or null.
Result<std::optional<int64_t>> GetOptTime(const Json& obj, const char* key,
                                          const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<int64_t>();
  if (it->is_number_integer()) {
    Result<int64_t> v = GetInt(obj, key, where);
    if (!v.ok()) return v.status();
    return std::optional<int64_t>(*v);
  }
  if (it->is_string()) {
    Result<std::string> s = GetString(obj, key, where);
    if (!s.ok()) return s.status();
    Result<int64_t> t = ParseIsoTimestamp(*s);
    if (!t.ok()) return Status::InvalidArgument(where + "." + key + ": " + t.status().message());
    return std::optional<int64_t>(*t);
  }
  return Status::InvalidArgument(where + "." + key +
                                 " must be epoch seconds (integer) or an ISO-8601 string");
}

Json Minutes(double seconds) { return RoundHalfAwayFromZero(seconds / 60.0, 2); }

Json OptRound(const std::optional<double>& v, int decimals) {
  return v ? Json(RoundHalfAwayFromZero(*v, decimals)) : Json();
}

Json Duration(const DurationStats& d) {
  Json j = Json::object();
  j["count"] = d.count;
  if (d.count == 0) {
    j["mean_minutes"] = nullptr;
    j["median_minutes"] = nullptr;
    j["p90_minutes"] = nullptr;
  } else {
    j["mean_minutes"] = Minutes(d.mean);
    j["median_minutes"] = Minutes(d.median);
    j["p90_minutes"] = Minutes(d.p90);
  }
  return j;
}

Json IndicatorsJson(const ServiceIndicators& s) {
  Json j = Json::object();
  j["overall"] = QueueMetricsJson(s.overall);
  Json units = Json::array();
  for (const NamedMetrics& u : s.by_unit) {
    Json item = QueueMetricsJson(u.metrics);
    item["unit"] = u.name;
    units.push_back(std::move(item));
  }
  j["by_unit"] = std::move(units);
  Json officers = Json::array();
  for (const NamedMetrics& o : s.by_officer) {
    Json item = QueueMetricsJson(o.metrics);
    item["officer"] = o.name;
    officers.push_back(std::move(item));
  }
  j["by_officer"] = std::move(officers);
  return j;
}

struct Window {
  int64_t from = 0;
  int64_t to = 0;
};

Result<Window> WindowFromJson(const Json& obj, const std::string& where) {
  if (!obj.is_object()) return Status::InvalidArgument(where + " must be an object");
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(obj, {"from", "to"}, where));
  Result<std::optional<int64_t>> from = GetOptTime(obj, "from", where);
  if (!from.ok()) return from.status();
  Result<std::optional<int64_t>> to = GetOptTime(obj, "to", where);
  if (!to.ok()) return to.status();
  if (!from->has_value() || !to->has_value()) {
    return Status::InvalidArgument(where + " needs both from and to");
  }
  if (**to <= **from) return Status::InvalidArgument(where + ".to must be after from");
  return Window{**from, **to};
}

}  // namespace

Json PeriodComparisonJson(const PeriodComparison& c) {
  Json j = Json::object();
  j["before"] = QueueMetricsJson(c.before);
  j["after"] = QueueMetricsJson(c.after);
  auto minutes = [](const std::optional<double>& s) {
    return s ? Json(RoundHalfAwayFromZero(*s / 60.0, 2)) : Json();
  };
  j["median_wait_change_minutes"] = minutes(c.median_wait_change_seconds);
  j["p90_wait_change_minutes"] = minutes(c.p90_wait_change_seconds);
  j["median_wait_change_percent"] = OptRound(c.median_wait_change_percent, 2);
  j["median_service_change_minutes"] = minutes(c.median_service_change_seconds);
  j["wait_within_standard_share_change"] = OptRound(c.wait_within_share_change, 4);
  j["total_within_standard_share_change"] = OptRound(c.total_within_share_change, 4);
  j["abandonment_share_change"] = OptRound(c.abandonment_share_change, 4);
  j["arrival_rate_change_per_hour"] = OptRound(c.arrival_rate_change, 2);
  return j;
}

Json QueueMetricsJson(const QueueMetrics& m) {
  Json j = Json::object();
  j["tickets"] = m.tickets;
  j["served"] = m.served;
  j["abandoned"] = m.abandoned;
  j["abandonment_share"] = OptRound(m.abandonment_share(), 4);
  j["wait"] = Duration(m.wait);
  j["service"] = Duration(m.service);
  j["total"] = Duration(m.total);
  j["wait_standard_tickets"] = m.wait_standard_tickets;
  j["wait_within_standard_share"] = OptRound(m.wait_within_share(), 4);
  j["total_standard_tickets"] = m.total_standard_tickets;
  j["total_within_standard_share"] = OptRound(m.total_within_share(), 4);
  j["observed_hours"] = RoundHalfAwayFromZero(m.observed_hours, 2);
  j["arrival_rate_per_hour"] = OptRound(m.arrival_rate_per_hour, 2);
  j["littles_l"] = OptRound(m.littles_l, 2);
  j["littles_lq"] = OptRound(m.littles_lq, 2);
  return j;
}

Result<std::vector<ServiceTicket>> TicketsFromJson(const Json& tickets) {
  if (!tickets.is_array()) return Status::InvalidArgument("tickets must be an array");
  std::vector<ServiceTicket> out;
  out.reserve(tickets.size());
  for (size_t i = 0; i < tickets.size(); ++i) {
    const Json& t = tickets[i];
    const std::string where = "tickets[" + std::to_string(i) + "]";
    if (!t.is_object()) return Status::InvalidArgument(where + " must be an object");
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
        t, {"id", "unit", "service", "counter", "officer", "issued", "called", "start",
            "finished", "abandoned"},
        where));
    ServiceTicket ticket;
    Result<std::optional<std::string>> id = GetOptString(t, "id", where);
    if (!id.ok()) return id.status();
    ticket.id = id->value_or("");
    Result<std::string> unit = GetString(t, "unit", where);
    if (!unit.ok()) return unit.status();
    ticket.unit = *unit;
    Result<std::optional<std::string>> service = GetOptString(t, "service", where);
    if (!service.ok()) return service.status();
    ticket.service = service->value_or("");
    Result<std::optional<std::string>> counter = GetOptString(t, "counter", where);
    if (!counter.ok()) return counter.status();
    ticket.counter = counter->value_or("");
    Result<std::optional<std::string>> officer = GetOptString(t, "officer", where);
    if (!officer.ok()) return officer.status();
    ticket.officer = officer->value_or("");
    Result<std::optional<int64_t>> issued = GetOptTime(t, "issued", where);
    if (!issued.ok()) return issued.status();
    if (!issued->has_value()) return Status::InvalidArgument(where + ".issued is missing");
    ticket.issued = **issued;
    Result<std::optional<int64_t>> called = GetOptTime(t, "called", where);
    if (!called.ok()) return called.status();
    ticket.called = *called;
    Result<std::optional<int64_t>> start = GetOptTime(t, "start", where);
    if (!start.ok()) return start.status();
    ticket.service_start = *start;
    Result<std::optional<int64_t>> finished = GetOptTime(t, "finished", where);
    if (!finished.ok()) return finished.status();
    ticket.finished = *finished;
    if (t.contains("abandoned") && !t["abandoned"].is_null()) {
      Result<bool> abandoned = GetBool(t, "abandoned", where);
      if (!abandoned.ok()) return abandoned.status();
      ticket.abandoned = *abandoned;
    }
    out.push_back(std::move(ticket));
  }
  return out;
}

Result<std::vector<ServiceStandard>> StandardsFromJson(const Json& standards) {
  if (!standards.is_array()) return Status::InvalidArgument("standards must be an array");
  std::vector<ServiceStandard> out;
  for (size_t i = 0; i < standards.size(); ++i) {
    const Json& s = standards[i];
    const std::string where = "standards[" + std::to_string(i) + "]";
    if (!s.is_object()) return Status::InvalidArgument(where + " must be an object");
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
        s, {"unit", "service", "max_wait_minutes", "max_total_minutes"}, where));
    ServiceStandard st;
    Result<std::string> unit = GetString(s, "unit", where);
    if (!unit.ok()) return unit.status();
    st.unit = *unit;
    Result<std::optional<std::string>> service = GetOptString(s, "service", where);
    if (!service.ok()) return service.status();
    st.service = service->value_or("");
    Result<std::optional<double>> wait = GetOptNumber(s, "max_wait_minutes", where);
    if (!wait.ok()) return wait.status();
    st.max_wait_minutes = *wait;
    Result<std::optional<double>> total = GetOptNumber(s, "max_total_minutes", where);
    if (!total.ok()) return total.status();
    st.max_total_minutes = *total;
    out.push_back(std::move(st));
  }
  return out;
}

Result<Json> ServiceReportFromJson(std::string_view json_text) {
  Result<Json> doc = ParseJson(json_text);
  if (!doc.ok()) return doc.status();
  const Json& root = *doc;
  if (!root.is_object()) return Status::InvalidArgument("the service file must be a JSON object");
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(root, {"standards", "tickets", "compare"}, ""));
  if (!root.contains("tickets")) return Status::InvalidArgument("tickets is missing");
  Result<std::vector<ServiceTicket>> tickets = TicketsFromJson(root["tickets"]);
  if (!tickets.ok()) return tickets.status();
  std::vector<ServiceStandard> standards;
  if (root.contains("standards") && !root["standards"].is_null()) {
    Result<std::vector<ServiceStandard>> s = StandardsFromJson(root["standards"]);
    if (!s.ok()) return s.status();
    standards = std::move(s).value();
  }
  Result<ServiceIndicators> all = ComputeServiceIndicators(*tickets, standards);
  if (!all.ok()) return all.status();

  Json out = IndicatorsJson(*all);
  out["percentile_method"] = "linear interpolation between order statistics (Excel PERCENTILE.INC)";
  Json invalid = Json::array();
  for (const InvalidTicket& t : all->invalid) {
    invalid.push_back({{"index", t.index}, {"id", t.id}, {"reason", t.reason}});
  }
  out["invalid_tickets"] = std::move(invalid);

  if (root.contains("compare") && !root["compare"].is_null()) {
    const Json& cmp = root["compare"];
    if (!cmp.is_object()) return Status::InvalidArgument("compare must be an object");
    KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(cmp, {"before", "after"}, "compare"));
    if (!cmp.contains("before") || !cmp.contains("after")) {
      return Status::InvalidArgument("compare needs both before and after");
    }
    Result<Window> before = WindowFromJson(cmp["before"], "compare.before");
    if (!before.ok()) return before.status();
    Result<Window> after = WindowFromJson(cmp["after"], "compare.after");
    if (!after.ok()) return after.status();
    std::vector<ServiceTicket> in_before, in_after;
    for (size_t i = 0; i < tickets->size(); ++i) {
      const ServiceTicket& t = (*tickets)[i];
      if (!ValidateTicket(t).ok()) continue;
      if (t.issued >= before->from && t.issued < before->to) in_before.push_back(t);
      if (t.issued >= after->from && t.issued < after->to) in_after.push_back(t);
    }
    PeriodComparison c = ComparePeriods(ComputeQueueMetrics(in_before, standards),
                                        ComputeQueueMetrics(in_after, standards));
    Json j = PeriodComparisonJson(c);
    out["comparison"] = std::move(j);
  } else {
    out["comparison"] = nullptr;
  }
  return out;
}

}  // namespace kinerja

// GET /api/v1/reports/unit-timeline: the case study's data for one unit and its subtree, month
// by month (WIB) on one time axis: queue waiting time against the unit's service standard
// (engine/service/queue_metrics.h; docs/rules/service.md), the public satisfaction index
// (engine/survey/skm.h; docs/rules/survey.md) and the trainings its staff received
// (training_record). docs/reports.md §"Unit timeline".
#include <map>
#include <set>
#include <vector>

#include "engine/service/queue_ticket.h"
#include "engine/sync/ids.h"
#include "engine/service/service_report.h"
#include "engine/survey/ikm_csv.h"
#include "server/reports/report_context.h"
#include "server/reports/service_data.h"

namespace kinerja::server {
namespace {

constexpr int kDefaultMonths = 12;
constexpr int kMaxMonths = 36;

int MonthIndex(int32_t yyyymm) { return (yyyymm / 100) * 12 + (yyyymm % 100 - 1); }
int32_t MonthOfIndex(int index) { return (index / 12) * 100 + index % 12 + 1; }

// YYYYMM of "YYYY-MM"; kInvalidArgument naming `field` otherwise.
Result<int32_t> ParseMonth(const std::string& text, const char* field) {
  auto d = org::ParseDate(text + "-01");
  if (text.size() != 7 || !d.ok()) {
    return Status::InvalidArgument(std::string(field) + " must be a month YYYY-MM, not '" + text +
                                   "'");
  }
  return d->year * 100 + d->month;
}

Json OptNumber(const Json& j) { return j.is_null() ? Json() : j; }

}  // namespace

Result<Json> UnitTimelineReport(CentralStore& store, const Principal& who, const ReportQuery& q) {
  KINERJA_ASSIGN_OR_RETURN(const reports::Context ctx, reports::BeginReport(store, who, q));
  if (ctx.unit == nullptr) {
    return Status::InvalidArgument("unit is required: the unit-timeline is about one unit");
  }
  const org::Date today = reports::WibDate(q.now);
  int to = MonthIndex(today.year * 100 + today.month);
  if (!q.to.empty()) {
    KINERJA_ASSIGN_OR_RETURN(const int32_t m, ParseMonth(q.to, "to"));
    to = MonthIndex(m);
  }
  int from = to - (kDefaultMonths - 1);
  if (!q.from.empty()) {
    KINERJA_ASSIGN_OR_RETURN(const int32_t m, ParseMonth(q.from, "from"));
    from = MonthIndex(m);
  }
  if (from > to) {
    return Status::InvalidArgument("from " + reports::MonthKey(MonthOfIndex(from)) +
                                   " is after to " + reports::MonthKey(MonthOfIndex(to)));
  }
  if (to - from + 1 > kMaxMonths) {
    return Status::InvalidArgument("the range has " + std::to_string(to - from + 1) +
                                   " months; at most " + std::to_string(kMaxMonths));
  }
  const int months = to - from + 1;
  auto slot = [&](int32_t yyyymm) -> int {
    const int i = MonthIndex(yyyymm) - from;
    return i >= 0 && i < months ? i : -1;
  };
  const std::string& unit_id = ctx.unit->id;

  // Queue tickets of the subtree, measured against the unit's own standard.
  KINERJA_ASSIGN_OR_RETURN(auto standard, QueueStandard(ctx.unit->body, unit_id));
  std::vector<ServiceStandard> standards;
  if (standard) standards.push_back(*standard);
  std::vector<std::vector<ServiceTicket>> tickets(static_cast<size_t>(months));
  {
    KINERJA_RETURN_IF_ERROR(store.EachTicketRow(who, [&](const TicketRow& r) {
      if (!ctx.InUnit(r.unit_path)) return;
      auto t = reports::FinishedTicket(r);
      if (!t) return;
      const org::Date d = reports::WibDate(t->issued);
      const int i = slot(d.year * 100 + d.month);
      if (i < 0) return;
      t->unit = unit_id;
      tickets[static_cast<size_t>(i)].push_back(std::move(*t));
    }));
  }
  // Survey responses: aggregates only, as the satisfaction report.
  const bool hr = who.role == wire::Role::kHr || who.role == wire::Role::kAdmin;
  const SkmScheme& scheme = Permenpanrb14Of2017Scheme();
  std::vector<std::vector<SurveyResponse>> answers(static_cast<size_t>(months));
  {
    KINERJA_RETURN_IF_ERROR(
        store.EachSurveyRowUnder(hr ? "/" : who.unit_path, [&](const SurveyRow& r) {
          if (!ctx.InUnit(r.unit_path)) return;
          auto s = reports::SurveyAnswers(scheme, r);
          if (!s) return;
          const int i = slot(s->period);
          if (i >= 0) answers[static_cast<size_t>(i)].push_back(*s);
        }));
  }

  Json out{{"report", "unit-timeline"},
           {"from", reports::MonthKey(MonthOfIndex(from))},
           {"to", reports::MonthKey(MonthOfIndex(to))},
           {"as_of", IsoUtc(q.now)},
           {"unit", Json{{"unit_id", unit_id}, {"name", ctx.unit->name}}}};
  out["standard"] =
      standard ? Json{{"max_wait_minutes",
                       standard->max_wait_minutes ? Json(*standard->max_wait_minutes) : Json()},
                      {"max_total_minutes",
                       standard->max_total_minutes ? Json(*standard->max_total_minutes) : Json()}}
               : Json();
  Json list = Json::array();
  int64_t any_tickets = 0, any_respondents = 0;
  for (int i = 0; i < months; ++i) {
    const Json m = QueueMetricsJson(ComputeQueueMetrics(tickets[static_cast<size_t>(i)], standards));
    Json month{{"month", reports::MonthKey(MonthOfIndex(from + i))},
               {"tickets", m["tickets"]},
               {"wait_median_minutes", OptNumber(m["wait"]["median_minutes"])},
               {"wait_p90_minutes", OptNumber(m["wait"]["p90_minutes"])},
               {"wait_within_standard_share", OptNumber(m["wait_within_standard_share"])}};
    any_tickets += m["tickets"].get<int64_t>();
    const auto& a = answers[static_cast<size_t>(i)];
    month["respondents"] = static_cast<int64_t>(a.size());
    month["ikm_unit"] = nullptr;
    month["grade"] = nullptr;
    if (!a.empty()) {
      KINERJA_ASSIGN_OR_RETURN(auto ikm, ComputeIkm(scheme, a));
      const Json g = IkmResultJson(scheme, ikm);
      month["ikm_unit"] = g["ikm_unit"];
      month["grade"] = g["grade"];
    }
    any_respondents += static_cast<int64_t>(a.size());
    list.push_back(std::move(month));
  }
  out["months"] = std::move(list);

  // Trainings of the subtree starting in the range; names only of the employees the caller
  // may read.
  KINERJA_ASSIGN_OR_RETURN(auto trainings, store.ScopedRecords(who, "training_record"));
  KINERJA_ASSIGN_OR_RETURN(auto employees, store.ScopedRecords(who, "employee"));
  std::map<std::string, std::string> names;
  for (const auto& e : employees) names[e.id] = e.body.value("name", "");
  std::multimap<std::string, Json> by_start;  // start date, then record id
  for (const auto& r : trainings) {
    if (!ctx.InUnit(r.unit_path)) continue;
    auto start = org::ParseDate(r.body.value("start_date", ""));
    if (!start.ok() || slot(start->year * 100 + start->month) < 0) continue;
    const Json people = r.body.value("participants", Json::array());
    Json t{{"record_id", r.id},
           {"title", r.body.value("title", "")},
           {"start_date", org::FormatDate(*start)},
           {"end_date", r.body.value("end_date", Json())},
           {"hours", r.body.value("hours", Json())},
           {"participants", people.size()},
           {"competencies", r.body.value("competencies", Json::array())}};
    Json shown = Json::array();
    for (const auto& p : people) {
      auto n = names.find(p.is_string() ? p.get<std::string>() : "");
      if (n != names.end()) shown.push_back(n->second);
    }
    t["participant_names"] = std::move(shown);
    by_start.emplace(org::FormatDate(*start) + " " + r.id, std::move(t));
  }
  Json tlist = Json::array();
  for (auto& [key, t] : by_start) tlist.push_back(std::move(t));
  out["trainings"] = std::move(tlist);
  if (any_tickets == 0 && any_respondents == 0 && out["trainings"].empty()) {
    out["note"] = "no queue tickets, survey responses or trainings for this unit in the range";
  }
  return out;
}

}  // namespace kinerja::server

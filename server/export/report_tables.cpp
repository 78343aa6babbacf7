#include "server/export/report_tables.h"

#include <string>

#include "engine/competency/training_report.h"

namespace kinerja::server::exports {

namespace {

Cell Text(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::monostate{};
  return it->get<std::string>();
}

Cell Integer(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::monostate{};
  return it->get<int64_t>();
}

Cell Number(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::monostate{};
  return it->get<double>();
}

// The object under `key` (an empty object when absent), for nested numbers.
const Json& At(const Json& j, const char* key) {
  static const Json kEmpty = Json::object();
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : kEmpty;
}

Cell Flag(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return std::monostate{};
  return std::string(it->get<bool>() ? "true" : "false");
}

// An array of strings joined with `sep` ("" when absent).
Cell JoinedList(const Json& j, const char* key, const char* sep) {
  std::string out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out += (out.empty() ? "" : sep) + v.get<std::string>();
  }
  return out;
}

// A table whose first column is the report's period.
Table WithPeriod(const char* name, std::vector<Column> columns) {
  columns.insert(columns.begin(), Column{"period", ColumnType::kText});
  return Table{name, std::move(columns), {}};
}

using Row = std::vector<Cell>;

void Add(Table& t, const Json& report, Row cells) {
  cells.insert(cells.begin(), Text(report, "period"));
  t.rows.push_back(std::move(cells));
}

const Json& List(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
  return out;
}

}  // namespace

std::vector<Table> TrainingNeedsTables(const Json& report) {
  using T = ColumnType;
  const Cell period = Text(report, "period");
  Table needs{"training_needs",
              {{"period", T::kText},
               {"unit_id", T::kText},
               {"unit", T::kText},
               {"type", T::kText},
               {"code", T::kText},
               {"competency", T::kText},
               {"staff_assessed", T::kInteger},
               {"staff_with_gap", T::kInteger},
               {"total_gap", T::kInteger},
               {"mean_gap", T::kNumber},
               {"priority", T::kNumber},
               {"staff_below_standard", T::kText}},
              {}};
  const auto below = StaffBelowStandard(report);
  for (const auto& u : report.value("training_needs", Json::array())) {
    const std::string unit_id = u.value("unit_id", "");
    auto in_unit = below.find(unit_id);
    for (const char* type : {"manajerial", "sosial_kultural", "teknis"}) {
      for (const auto& n : u.value(type, Json::array())) {
        std::string names;
        if (in_unit != below.end()) {
          auto staff = in_unit->second.find(n.value("code", ""));
          if (staff != in_unit->second.end()) names = Joined(staff->second);
        }
        needs.rows.push_back({period, unit_id, Text(u, "unit"), std::string(type), Text(n, "code"),
                              Text(n, "name"), Integer(n, "staff_assessed"),
                              Integer(n, "staff_with_gap"), Integer(n, "total_gap"),
                              Number(n, "mean_gap"), Number(n, "priority"), names});
      }
    }
  }
  Table employees{"employees",
                  {{"period", T::kText},
                   {"employee_id", T::kText},
                   {"name", T::kText},
                   {"unit_id", T::kText},
                   {"unit", T::kText},
                   {"position_id", T::kText},
                   {"jpm", T::kNumber},
                   {"jpm_raw", T::kNumber},
                   {"mapping_category", T::kText},
                   {"selection_category", T::kText},
                   {"competencies_below_required", T::kInteger}},
                  {}};
  Table gaps{"gaps",
             {{"period", T::kText},
              {"employee_id", T::kText},
              {"name", T::kText},
              {"unit", T::kText},
              {"code", T::kText},
              {"competency", T::kText},
              {"type", T::kText},
              {"required", T::kInteger},
              {"assessed", T::kInteger},
              {"gap", T::kInteger}},
             {}};
  for (const auto& e : report.value("employees", Json::array())) {
    employees.rows.push_back(
        {period, Text(e, "id"), Text(e, "name"), Text(e, "unit_id"), Text(e, "unit"),
         Text(e, "position"), Number(e, "jpm"), Number(e, "jpm_raw"), Text(e, "mapping_category"),
         Text(e, "selection_category"), Integer(e, "competencies_below_required")});
    for (const auto& g : e.value("gaps", Json::array())) {
      gaps.rows.push_back({period, Text(e, "id"), Text(e, "name"), Text(e, "unit"), Text(g, "code"),
                           Text(g, "name"), Text(g, "type"), Integer(g, "required"),
                           Integer(g, "assessed"), Integer(g, "gap")});
    }
  }
  // The city-wide answer has no employee list: its workbook is the needs alone.
  if (!report.contains("employees")) return {std::move(needs)};
  return {std::move(needs), std::move(employees), std::move(gaps)};
}

std::vector<Table> ProgressTables(const Json& report) {
  using T = ColumnType;
  Table units = WithPeriod("units", {{"unit_id", T::kText},
                                     {"unit", T::kText},
                                     {"staff", T::kInteger},
                                     {"not_started", T::kInteger},
                                     {"draft", T::kInteger},
                                     {"submitted", T::kInteger},
                                     {"signed_off", T::kInteger},
                                     {"objected", T::kInteger},
                                     {"overdue", T::kInteger}});
  for (const auto& u : List(report, "units")) {
    Add(units, report,
        {Text(u, "unit_id"), Text(u, "unit"), Integer(u, "staff"), Integer(u, "not_started"),
         Integer(u, "draft"), Integer(u, "submitted"), Integer(u, "signed_off"),
         Integer(u, "objected"), Integer(u, "overdue")});
  }
  Table employees = WithPeriod("employees", {{"employee_id", T::kText},
                                             {"name", T::kText},
                                             {"unit_id", T::kText},
                                             {"supervisor_id", T::kText},
                                             {"status", T::kText},
                                             {"overdue", T::kText},
                                             {"days_overdue", T::kInteger}});
  for (const auto& e : List(report, "employees")) {
    Add(employees, report,
        {Text(e, "employee_id"), Text(e, "name"), Text(e, "unit_id"), Text(e, "supervisor_id"),
         Text(e, "status"), Flag(e, "overdue"), Integer(e, "days_overdue")});
  }
  return {std::move(units), std::move(employees)};
}

std::vector<Table> DistributionTables(const Json& report) {
  using T = ColumnType;
  static constexpr const char* kPredikat[] = {"sangat_baik", "baik", "butuh_perbaikan", "kurang",
                                              "sangat_kurang"};
  std::vector<Column> cols{{"unit_id", T::kText}, {"unit", T::kText}, {"staff_count", T::kInteger}};
  for (const char* p : kPredikat) cols.push_back({p, T::kInteger});
  for (const char* c : {"capaian_kinerja_organisasi", "ok", "feasible", "note"})
    cols.push_back({c, T::kText});
  Table units = WithPeriod("units", std::move(cols));
  Table checks = WithPeriod("checks", {{"unit_id", T::kText},
                                       {"rule", T::kText},
                                       {"kind", T::kText},
                                       {"predikat", T::kText},
                                       {"percent", T::kInteger},
                                       {"bound", T::kInteger},
                                       {"actual_count", T::kInteger},
                                       {"actual_percent", T::kNumber},
                                       {"ok", T::kText},
                                       {"message", T::kText}});
  for (const auto& u : List(report, "units")) {
    Row row{Text(u, "unit_id"), Text(u, "unit"), Integer(u, "staff_count")};
    for (const char* p : kPredikat) row.push_back(Integer(At(u, "counts"), p));
    for (Cell c : {Text(u, "capaian_kinerja_organisasi"), Flag(u, "ok"), Flag(u, "feasible"),
                   Text(u, "note")}) {
      row.push_back(std::move(c));
    }
    Add(units, report, std::move(row));
    for (const auto& c : List(u, "checks")) {
      Cell message = std::monostate{};
      for (const auto& v : List(u, "violations")) {
        if (v.value("rule", "") == c.value("rule", "")) message = Text(v, "message");
      }
      Add(checks, report,
          {Text(u, "unit_id"), Text(c, "rule"), Text(c, "kind"), JoinedList(c, "predikat", " + "),
           Integer(c, "percent"), Integer(c, "bound"), Integer(c, "actual_count"),
           Number(c, "actual_percent"), Flag(c, "ok"), message});
    }
  }
  return {std::move(units), std::move(checks)};
}

std::vector<Table> ObjectivityTables(const Json& report) {
  using T = ColumnType;
  Table raters = WithPeriod("raters", {{"rater", T::kText},
                                       {"name", T::kText},
                                       {"ratees", T::kInteger},
                                       {"ratings", T::kInteger},
                                       {"status", T::kText},
                                       {"flags", T::kText},
                                       {"leniency_mean_difference", T::kNumber},
                                       {"leniency_effect_size", T::kNumber},
                                       {"leniency_z", T::kNumber},
                                       {"sd_ratio", T::kNumber},
                                       {"midpoint_share", T::kNumber},
                                       {"halo_mean_within_ratee_sd", T::kNumber},
                                       {"chi_square", T::kNumber},
                                       {"p_value", T::kNumber}});
  for (const auto& r : List(report, "raters")) {
    const Json& len = At(r, "leniency");
    const Json& ct = At(r, "central_tendency");
    const Json& dist = At(r, "distribution");
    Add(raters, report,
        {Text(r, "rater"), Text(r, "name"), Integer(r, "ratees"), Integer(r, "ratings"),
         Text(r, "status"), JoinedList(r, "flags", "; "), Number(len, "mean_difference"),
         Number(len, "effect_size"), Number(len, "z"), Number(ct, "sd_ratio"),
         Number(ct, "midpoint_share"), Number(At(r, "halo"), "mean_within_ratee_sd"),
         Number(dist, "chi_square"), Number(dist, "p_value")});
  }
  Table gaps = WithPeriod("self_vs_supervisor", {{"ratee", T::kText},
                                                 {"name", T::kText},
                                                 {"dimensions", T::kInteger},
                                                 {"supervisors", T::kInteger},
                                                 {"self_mean", T::kNumber},
                                                 {"supervisor_mean", T::kNumber},
                                                 {"gap", T::kNumber},
                                                 {"flag", T::kText}});
  for (const auto& g : List(report, "self_vs_supervisor")) {
    Add(gaps, report,
        {Text(g, "ratee"), Text(g, "name"), Integer(g, "dimensions"), Integer(g, "supervisors"),
         Number(g, "self_mean"), Number(g, "supervisor_mean"), Number(g, "gap"), Text(g, "flag")});
  }
  return {std::move(raters), std::move(gaps)};
}

std::vector<Table> SatisfactionTables(const Json& report) {
  using T = ColumnType;
  Table units = WithPeriod("units", {{"unit_id", T::kText},
                                     {"unit", T::kText},
                                     {"respondents", T::kInteger},
                                     {"ikm", T::kNumber},
                                     {"ikm_unit", T::kNumber},
                                     {"grade", T::kText},
                                     {"label", T::kText},
                                     {"population", T::kInteger},
                                     {"sample_required", T::kInteger},
                                     {"sample_achieved", T::kInteger},
                                     {"sample_sufficient", T::kText}});
  Table elements = WithPeriod("elements", {{"unit_id", T::kText},
                                           {"code", T::kText},
                                           {"name", T::kText},
                                           {"answered", T::kInteger},
                                           {"nrr", T::kNumber},
                                           {"weighted_nrr", T::kNumber}});
  const std::vector<Column> group{{"unit_id", T::kText},
                                  {"respondents", T::kInteger},
                                  {"ikm_unit", T::kNumber},
                                  {"grade", T::kText}};
  auto with_key = [&group](const char* key) {
    std::vector<Column> cols = group;
    cols.insert(cols.begin() + 1, Column{key, T::kText});
    return cols;
  };
  Table months = WithPeriod("months", with_key("month"));
  Table services = WithPeriod("services", with_key("service"));
  for (const auto& u : List(report, "units")) {
    const Json& sample = At(u, "sample");
    Add(units, report,
        {Text(u, "unit_id"), Text(u, "unit"), Integer(u, "respondents"), Number(u, "ikm"),
         Number(u, "ikm_unit"), Text(u, "grade"), Text(u, "label"), Integer(u, "population"),
         Integer(sample, "required"), Integer(sample, "achieved"), Flag(sample, "sufficient")});
    for (const auto& e : List(u, "elements")) {
      Add(elements, report,
          {Text(u, "unit_id"), Text(e, "code"), Text(e, "name"), Integer(e, "answered"),
           Number(e, "nrr"), Number(e, "weighted_nrr")});
    }
    for (const auto& m : List(u, "months")) {
      Add(months, report,
          {Text(u, "unit_id"), Text(m, "month"), Integer(m, "respondents"), Number(m, "ikm_unit"),
           Text(m, "grade")});
    }
    for (const auto& s : List(u, "services")) {
      Add(services, report,
          {Text(u, "unit_id"), Text(s, "service"), Integer(s, "respondents"),
           Number(s, "ikm_unit"), Text(s, "grade")});
    }
  }
  return {std::move(units), std::move(elements), std::move(months), std::move(services)};
}

namespace {

// The queue metrics' columns (engine/service/service_report.h QueueMetricsJson) after `first`.
std::vector<Column> MetricColumns(std::vector<Column> first) {
  using T = ColumnType;
  for (const char* c : {"tickets", "served"}) first.push_back({c, T::kInteger});
  for (const char* c : {"wait_median_minutes", "wait_p90_minutes", "wait_mean_minutes",
                        "service_median_minutes", "service_p90_minutes", "total_median_minutes",
                        "total_p90_minutes", "wait_within_standard_share",
                        "total_within_standard_share"}) {
    first.push_back({c, T::kNumber});
  }
  return first;
}

Row MetricCells(Row first, const Json& m) {
  for (const char* c : {"tickets", "served"}) first.push_back(Integer(m, c));
  const Json& wait = At(m, "wait");
  const Json& service = At(m, "service");
  const Json& total = At(m, "total");
  for (Cell c : {Number(wait, "median_minutes"), Number(wait, "p90_minutes"),
                 Number(wait, "mean_minutes"), Number(service, "median_minutes"),
                 Number(service, "p90_minutes"), Number(total, "median_minutes"),
                 Number(total, "p90_minutes"), Number(m, "wait_within_standard_share"),
                 Number(m, "total_within_standard_share")}) {
    first.push_back(std::move(c));
  }
  return first;
}

}  // namespace

std::vector<Table> ServiceTimeTables(const Json& report) {
  using T = ColumnType;
  std::vector<Column> unit_cols = MetricColumns({{"unit_id", T::kText}, {"unit", T::kText}});
  unit_cols.push_back({"open_tickets", T::kInteger});
  Table units = WithPeriod("units", std::move(unit_cols));
  Table months = WithPeriod("months", MetricColumns({{"unit_id", T::kText}, {"month", T::kText}}));
  const bool split = report.contains("split") && report["split"].is_string();
  Table comparison = WithPeriod("comparison", {{"unit_id", T::kText},
                                               {"split", T::kDate},
                                               {"tickets_before", T::kInteger},
                                               {"tickets_after", T::kInteger},
                                               {"median_wait_before_minutes", T::kNumber},
                                               {"median_wait_after_minutes", T::kNumber},
                                               {"median_wait_change_minutes", T::kNumber},
                                               {"p90_wait_change_minutes", T::kNumber},
                                               {"median_wait_change_percent", T::kNumber},
                                               {"median_service_change_minutes", T::kNumber},
                                               {"wait_within_standard_share_change", T::kNumber},
                                               {"total_within_standard_share_change", T::kNumber},
                                               {"abandonment_share_change", T::kNumber},
                                               {"arrival_rate_change_per_hour", T::kNumber}});
  for (const auto& u : List(report, "units")) {
    Row row = MetricCells({Text(u, "unit_id"), Text(u, "unit")}, u);
    row.push_back(Integer(u, "open_tickets"));
    Add(units, report, std::move(row));
    for (const auto& m : List(u, "months")) {
      Add(months, report, MetricCells({Text(u, "unit_id"), Text(m, "month")}, m));
    }
    if (!split || !u.contains("comparison")) continue;
    const Json& c = At(u, "comparison");
    Add(comparison, report,
        {Text(u, "unit_id"), Text(report, "split"), Integer(At(c, "before"), "tickets"),
         Integer(At(c, "after"), "tickets"), Number(At(At(c, "before"), "wait"), "median_minutes"),
         Number(At(At(c, "after"), "wait"), "median_minutes"),
         Number(c, "median_wait_change_minutes"), Number(c, "p90_wait_change_minutes"),
         Number(c, "median_wait_change_percent"), Number(c, "median_service_change_minutes"),
         Number(c, "wait_within_standard_share_change"),
         Number(c, "total_within_standard_share_change"), Number(c, "abandonment_share_change"),
         Number(c, "arrival_rate_change_per_hour")});
  }
  std::vector<Table> out{std::move(units), std::move(months)};
  if (split) out.push_back(std::move(comparison));
  return out;
}

}  // namespace kinerja::server::exports

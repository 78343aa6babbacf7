// Report JSON (docs/reports.md) to screen data. The server's keys are read defensively: a
// missing or mistyped number shows as "-", never as a failure, because a report cached by an
// older build must still open offline. Texts are the catalogue's (i18n.cpp), not the server's
// English messages, so the screen stays in the user's language.
#include "web/app/hr_report_view.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <map>

#include "web/app/i18n.h"

namespace kinerja::web {
namespace {

using chart::kNoValue;

const Json& NullJson() {
  static const Json null;
  return null;
}

const Json& Field(const Json& j, const char* key) {
  if (!j.is_object()) return NullJson();
  auto it = j.find(key);
  return it == j.end() ? NullJson() : *it;
}

double Num(const Json& j, const char* key) {
  const Json& v = Field(j, key);
  return v.is_number() ? v.get<double>() : kNoValue;
}

std::string Str(const Json& j, const char* key) {
  const Json& v = Field(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

const Json& List(const Json& j, const char* key) {
  static const Json empty = Json::array();
  const Json& v = Field(j, key);
  return v.is_array() ? v : empty;
}

std::string Fmt(const char* format, ...) {
  char buf[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  return buf;
}

std::string Fixed(double v, int decimals) {
  if (!std::isfinite(v)) return "-";
  return Fmt("%.*f", decimals, v);
}

int Int(double v) { return std::isfinite(v) ? static_cast<int>(std::lround(v)) : 0; }

ReportCell Text(std::string s) { return {s.empty() ? "-" : std::move(s), kNoValue}; }
ReportCell Number(double v, int decimals) { return {Fixed(v, decimals), v}; }
// A share 0..1 as a percentage.
ReportCell Share(double v) {
  return {std::isfinite(v) ? Fixed(v * 100, 0) + " %" : "-", v};
}

ReportColumn Col(const char* label, bool numeric = false) { return {label, numeric}; }

// The employee predikat codes, best first, and their names.
constexpr const char* kPredikat[] = {"sangat_baik", "baik", "butuh_perbaikan", "kurang",
                                     "sangat_kurang"};

const char* PredikatText(const std::string& code) {
  if (code == "sangat_baik") return T("predikat_sangat_baik");
  if (code == "baik") return T("predikat_baik");
  if (code == "butuh_perbaikan") return T("predikat_butuh_perbaikan");
  if (code == "kurang") return T("predikat_kurang");
  if (code == "sangat_kurang") return T("predikat_sangat_kurang");
  if (code == "istimewa") return T("predikat_istimewa");
  return nullptr;
}

std::string PredikatOrText(const std::string& s) {
  const char* t = PredikatText(s);
  return t ? t : s;
}

const char* StatusText(const std::string& status) {
  if (status == "not_started") return T("status_not_started");
  if (status == "draft") return T("status_draft");
  if (status == "submitted") return T("status_submitted");
  if (status == "signed_off") return T("status_signed_off");
  if (status == "objected") return T("status_objected");
  return "-";
}

const char* FlagText(const std::string& flag) {
  if (flag == "lenient") return T("flag_lenient");
  if (flag == "severe") return T("flag_severe");
  if (flag == "restricted_range") return T("flag_restricted_range");
  if (flag == "central_tendency") return T("flag_central_tendency");
  if (flag == "halo") return T("flag_halo");
  if (flag == "distribution_differs") return T("flag_distribution_differs");
  if (flag == "self_higher") return T("flag_self_higher");
  if (flag == "self_lower") return T("flag_self_lower");
  return "-";
}

std::string FlagsText(const Json& flags) {
  std::string out;
  for (const auto& f : flags) {
    if (!f.is_string()) continue;
    out += (out.empty() ? "" : ", ") + std::string(FlagText(f.get<std::string>()));
  }
  return out;
}

const Json* FindBy(const Json& list, const char* key, const std::string& value) {
  for (const auto& item : list) {
    if (Str(item, key) == value) return &item;
  }
  return nullptr;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// --- charts ------------------------------------------------------------------------------

constexpr const char* kStatuses[] = {"not_started", "draft", "submitted", "signed_off",
                                     "objected"};

ReportChart StatusChart(const Json& counts) {
  ReportChart c{"status", T("report_chart_status"), chart::BarChart{}, std::nullopt};
  for (const char* s : kStatuses) {
    c.bars->labels.push_back(StatusText(s));
    c.bars->values.push_back(Num(counts, s));
  }
  c.bars->value_format = "%.0f";
  c.bars->empty_text = T("report_no_data");
  return c;
}

// Month-indexed x axis: months[i] at x = i.
void MonthAxis(chart::LineChart& c, const std::vector<std::string>& months) {
  for (size_t i = 0; i < months.size(); ++i) {
    c.x_labels.push_back({static_cast<double>(i), MonthLabel(months[i])});
  }
  if (!months.empty()) {
    c.options.x_min = 0;
    c.options.x_max = static_cast<double>(months.size() - 1);
  }
  c.empty_text = T("report_no_data");
}

// The x of a date "YYYY-MM-DD" on a month axis; NaN when its month is not on it.
double DateOnMonths(const std::string& date, const std::vector<std::string>& months) {
  if (date.size() < 10) return kNoValue;
  for (size_t i = 0; i < months.size(); ++i) {
    if (months[i] == date.substr(0, 7)) {
      int day = std::atoi(date.substr(8, 2).c_str());
      return static_cast<double>(i) + (day - 1) / 31.0;
    }
  }
  return kNoValue;
}

chart::LineSeries Series(std::string name, const std::vector<double>& ys) {
  chart::LineSeries s{std::move(name), {}};
  for (size_t i = 0; i < ys.size(); ++i) s.points.push_back({static_cast<double>(i), ys[i]});
  return s;
}

// --- progress ----------------------------------------------------------------------------

ReportRow ProgressCounts(const Json& u, std::string first) {
  ReportRow row;
  row.cells.push_back(Text(std::move(first)));
  row.cells.push_back(Number(Num(u, "staff"), 0));
  for (const char* s : kStatuses) row.cells.push_back(Number(Num(u, s), 0));
  row.cells.push_back(Number(Num(u, "overdue"), 0));
  row.warn = Num(u, "overdue") > 0;
  return row;
}

std::vector<ReportColumn> ProgressColumns(const char* first) {
  std::vector<ReportColumn> cols{Col(first), Col(T("col_staff"), true)};
  for (const char* s : kStatuses) cols.push_back(Col(StatusText(s), true));
  cols.push_back(Col(T("col_overdue"), true));
  return cols;
}

ReportTable ProgressEmployees(const Json& report, const std::string& unit_id) {
  ReportTable t{"employees", T("report_table_employees"),
                {Col(T("col_name")), Col(T("col_status")), Col(T("col_days_overdue"), true)},
                {}};
  for (const auto& e : List(report, "employees")) {
    if (!unit_id.empty() && Str(e, "unit_id") != unit_id) continue;
    ReportRow row;
    row.cells = {Text(Str(e, "name")), Text(StatusText(Str(e, "status"))),
                 Number(Num(e, "days_overdue"), 0)};
    row.warn = Field(e, "overdue").is_boolean() && Field(e, "overdue").get<bool>();
    row.drill_unit = Str(e, "unit_id");
    row.drill_id = Str(e, "employee_id");
    t.rows.push_back(std::move(row));
  }
  return t;
}

Status ProgressView(const Json& r, const HrDrill& d, HrReportView& v) {
  if (!d.id.empty()) {
    const Json* e = FindBy(List(r, "employees"), "employee_id", d.id);
    if (!e) return Status::NotFound("no employee " + d.id + " in this report");
    if (const Json* u = FindBy(List(r, "units"), "unit_id", Str(*e, "unit_id"))) {
      v.heading = Str(*u, "unit");
    }
    v.heading += " › " + Str(*e, "name");
    const std::string status = Str(*e, "status");
    v.lines.push_back({Fmt(T("progress_employee_status"), StatusText(status)), false});
    if (Field(*e, "overdue").is_boolean() && Field(*e, "overdue").get<bool>()) {
      v.lines.push_back({Fmt(T("progress_days_overdue"), Int(Num(*e, "days_overdue"))), true});
    }
    if (!Str(*e, "appraisal_id").empty()) {
      v.lines.push_back({Fmt(T("progress_appraisal_id"), Str(*e, "appraisal_id").c_str()), false});
    }
    if (status == "submitted" || status == "signed_off" || status == "objected") {
      v.document_employee = d.id;
    }
    return Status::Ok();
  }
  v.lines.push_back({Fmt(T("progress_overdue_rule"), Str(r, "period_end").c_str()), false});
  if (!d.unit_id.empty()) {
    const Json* u = FindBy(List(r, "units"), "unit_id", d.unit_id);
    if (!u) return Status::NotFound("no unit " + d.unit_id + " in this report");
    v.heading = Str(*u, "unit");
    v.charts.push_back(StatusChart(*u));
    v.tables.push_back(ProgressEmployees(r, d.unit_id));
    return Status::Ok();
  }
  v.charts.push_back(StatusChart(Field(r, "totals")));
  ReportTable units{"units", T("report_table_units"), ProgressColumns(T("col_unit")), {}};
  for (const auto& u : List(r, "units")) {
    ReportRow row = ProgressCounts(u, Str(u, "unit"));
    row.drill_unit = Str(u, "unit_id");
    units.rows.push_back(std::move(row));
  }
  v.tables.push_back(std::move(units));
  return Status::Ok();
}

// --- distribution ------------------------------------------------------------------------

// The checks' message in the UI language, with the numbers.
std::string CheckText(const Json& c, int staff) {
  std::string set;
  for (const auto& p : List(c, "predikat")) {
    if (p.is_string()) set += (set.empty() ? "" : " + ") + PredikatOrText(p.get<std::string>());
  }
  const std::string kind = Str(c, "kind");
  const int actual = Int(Num(c, "actual_count")), bound = Int(Num(c, "bound"));
  const std::string rule = Str(c, "rule");
  if (kind == "min_percent" || kind == "min_count") {
    return Fmt(T("dist_check_min"), rule.c_str(), actual, staff, set.c_str(), bound);
  }
  if (kind == "plurality") return Fmt(T("dist_check_plurality"), rule.c_str(), actual, staff, set.c_str());
  return Fmt(T("dist_check_max"), rule.c_str(), actual, staff, set.c_str(), bound);
}

ReportChart DistributionChart(const Json& counts, const Json& checks) {
  ReportChart c{"distribution", T("report_chart_distribution"), chart::BarChart{}, std::nullopt};
  // Lowest first, so the bars read as a curve.
  for (int i = 4; i >= 0; --i) {
    c.bars->labels.push_back(PredikatText(kPredikat[i]));
    c.bars->values.push_back(Num(counts, kPredikat[i]));
  }
  // A rule on one predikat bounds that bar; a rule on a set is listed under the chart.
  std::vector<chart::Band> bands(5);
  bool any = false;
  for (const auto& check : checks) {
    const Json& set = List(check, "predikat");
    if (set.size() != 1 || !set[0].is_string()) continue;
    const std::string kind = Str(check, "kind");
    for (int i = 0; i < 5; ++i) {
      if (set[0].get<std::string>() != kPredikat[4 - i]) continue;
      if (kind == "min_percent" || kind == "min_count") bands[i].lower = Num(check, "bound");
      if (kind == "max_percent" || kind == "max_count") bands[i].upper = Num(check, "bound");
      any = true;
    }
  }
  if (any) {
    c.bars->bands = std::move(bands);
    c.bars->band_legend = T("dist_band_legend");
    c.bars->outside_legend = T("dist_outside_legend");
  }
  c.bars->value_format = "%.0f";
  c.bars->empty_text = T("report_no_data");
  return c;
}

std::string CapaianText(const Json& u) {
  std::string s = Str(u, "capaian_kinerja_organisasi");
  return s.empty() ? T("dist_not_set") : PredikatOrText(s);
}

Status DistributionView(const Json& r, const HrDrill& d, HrReportView& v) {
  if (!d.id.empty()) return Status::NotFound("the distribution report has no employee level");
  if (!d.unit_id.empty()) {
    const Json* u = FindBy(List(r, "units"), "unit_id", d.unit_id);
    if (!u) return Status::NotFound("no unit " + d.unit_id + " in this report");
    v.heading = Str(*u, "unit");
    const int staff = Int(Num(*u, "staff_count"));
    v.lines.push_back({Fmt(T("dist_capaian"), CapaianText(*u).c_str()), false});
    v.lines.push_back({Fmt(T("dist_counted"), staff), false});
    if (Str(*u, "capaian_kinerja_organisasi").empty()) {
      v.lines.push_back({T("dist_no_capaian"), true});
    }
    v.charts.push_back(DistributionChart(Field(*u, "counts"), List(*u, "checks")));
    ReportTable checks{"checks", T("report_table_checks"),
                       {Col(T("col_rule")), Col(T("col_check")), Col(T("col_bound"), true),
                        Col(T("col_actual"), true), Col(T("col_ok"))},
                       {}};
    for (const auto& c : List(*u, "checks")) {
      const bool ok = Field(c, "ok").is_boolean() && Field(c, "ok").get<bool>();
      ReportRow row;
      row.cells = {Text(Str(c, "rule")), Text(CheckText(c, staff)), Number(Num(c, "bound"), 0),
                   Number(Num(c, "actual_count"), 0), Text(ok ? T("yes") : T("no"))};
      row.warn = !ok;
      if (!ok) v.lines.push_back({CheckText(c, staff), true});
      checks.rows.push_back(std::move(row));
    }
    if (Field(*u, "feasible").is_boolean() && !Field(*u, "feasible").get<bool>()) {
      v.lines.push_back({T("dist_infeasible"), true});
    }
    v.tables.push_back(std::move(checks));
    return Status::Ok();
  }
  // The top: every unit's counts summed, without bounds (each unit has its own).
  Json total = Json::object();
  for (const char* p : kPredikat) total[p] = 0;
  ReportTable units{"units", T("report_table_units"), {Col(T("col_unit")), Col(T("col_staff"), true)}, {}};
  for (const char* p : kPredikat) units.columns.push_back(Col(PredikatText(p), true));
  units.columns.push_back(Col(T("col_capaian")));
  units.columns.push_back(Col(T("col_violations"), true));
  for (const auto& u : List(r, "units")) {
    ReportRow row;
    row.cells = {Text(Str(u, "unit")), Number(Num(u, "staff_count"), 0)};
    for (const char* p : kPredikat) {
      double n = Num(Field(u, "counts"), p);
      row.cells.push_back(Number(n, 0));
      if (std::isfinite(n)) total[p] = total[p].get<double>() + n;
    }
    row.cells.push_back(Text(CapaianText(u)));
    const double violations = static_cast<double>(List(u, "violations").size());
    row.cells.push_back(Number(violations, 0));
    row.warn = violations > 0;
    row.drill_unit = Str(u, "unit_id");
    units.rows.push_back(std::move(row));
  }
  v.lines.push_back({Fmt(T("dist_not_counted"), Int(Num(r, "appraisals_not_counted"))), false});
  for (const auto& u : List(r, "units_without_org_predikat")) {
    v.lines.push_back({Fmt(T("dist_unit_without"), Str(u, "unit").c_str()), true});
  }
  v.charts.push_back(DistributionChart(total, Json::array()));
  v.tables.push_back(std::move(units));
  return Status::Ok();
}

// --- objectivity -------------------------------------------------------------------------

Status ObjectivityView(const Json& r, const HrDrill& d, HrReportView& v) {
  if (!d.unit_id.empty()) return Status::NotFound("the objectivity report is per rater, not per unit");
  const Json& options = Field(r, "options");
  if (!d.id.empty()) {
    const Json* rater = FindBy(List(r, "raters"), "rater", d.id);
    if (!rater) return Status::NotFound("no rater " + d.id + " in this report");
    v.heading += " › " + Str(*rater, "name");
    const Json& len = Field(*rater, "leniency");
    const Json& ct = Field(*rater, "central_tendency");
    const Json& halo = Field(*rater, "halo");
    const Json& dist = Field(*rater, "distribution");
    if (Str(*rater, "status") == "insufficient_data") {
      v.lines.push_back({Fmt(T("obj_insufficient"), Int(Num(*rater, "ratees")),
                             Int(Num(options, "min_ratees"))), true});
    }
    std::string flags = FlagsText(List(*rater, "flags"));
    v.lines.push_back({Fmt(T("obj_flags"), flags.empty() ? T("obj_no_flags") : flags.c_str()),
                       !flags.empty()});
    v.lines.push_back({Fmt(T("obj_leniency"), Fixed(Num(len, "mean_difference"), 2).c_str(),
                           Fixed(Num(len, "z"), 2).c_str(), Fixed(Num(len, "threshold"), 1).c_str()), false});
    v.lines.push_back({Fmt(T("obj_central"), Fixed(Num(ct, "sd_ratio"), 2).c_str(),
                           Fixed(Num(ct, "sd_ratio_threshold"), 2).c_str(),
                           Fixed(Num(ct, "midpoint_share") * 100, 0).c_str()), false});
    v.lines.push_back({Fmt(T("obj_halo"), Fixed(Num(halo, "mean_within_ratee_sd"), 2).c_str(),
                           Fixed(Num(halo, "sd_threshold"), 2).c_str()), false});
    v.lines.push_back({Fmt(T("obj_distribution"), Fixed(Num(dist, "chi_square"), 2).c_str(),
                           Fixed(Num(dist, "p_value"), 3).c_str(), Fixed(Num(dist, "alpha"), 2).c_str()), false});
    ReportChart c{"rater_ratings", T("report_chart_rater_ratings"), chart::BarChart{}, std::nullopt};
    const char* names[] = {T("rating_di_bawah"), T("rating_sesuai"), T("rating_di_atas")};
    const Json& counts = List(dist, "counts");
    for (size_t i = 0; i < 3; ++i) {
      c.bars->labels.push_back(names[i]);
      c.bars->values.push_back(i < counts.size() && counts[i].is_number() ? counts[i].get<double>() : kNoValue);
    }
    c.bars->value_format = "%.0f";
    c.bars->empty_text = T("report_no_data");
    v.charts.push_back(std::move(c));
    return Status::Ok();
  }
  if (std::isfinite(Num(options, "min_ratees"))) {
    v.lines.push_back({Fmt(T("obj_min_rule"), Int(Num(options, "min_ratees"))), false});
  }
  // Leniency as z against its threshold: a lenient rater's bar leaves the band upwards.
  ReportChart c{"leniency", T("report_chart_leniency"), chart::BarChart{}, std::nullopt};
  const double threshold = Num(options, "leniency_z");
  ReportTable raters{"raters", T("report_table_raters"),
                     {Col(T("col_rater")), Col(T("col_ratees"), true), Col(T("col_flags")),
                      Col(T("col_mean_difference"), true), Col(T("col_z"), true),
                      Col(T("col_sd_ratio"), true), Col(T("col_halo_sd"), true), Col(T("col_p"), true)},
                     {}};
  for (const auto& rater : List(r, "raters")) {
    const Json& len = Field(rater, "leniency");
    const bool ok = Str(rater, "status") == "ok";
    c.bars->labels.push_back(Str(rater, "name").empty() ? Str(rater, "rater") : Str(rater, "name"));
    c.bars->values.push_back(ok ? Num(len, "z") : kNoValue);
    c.bars->bands.push_back({std::isfinite(threshold) ? -threshold : kNoValue, threshold});
    ReportRow row;
    std::string flags = ok ? FlagsText(List(rater, "flags")) : T("obj_too_few");
    row.cells = {Text(Str(rater, "name")), Number(Num(rater, "ratees"), 0), Text(flags),
                 Number(Num(len, "mean_difference"), 2), Number(Num(len, "z"), 2),
                 Number(Num(Field(rater, "central_tendency"), "sd_ratio"), 2),
                 Number(Num(Field(rater, "halo"), "mean_within_ratee_sd"), 2),
                 Number(Num(Field(rater, "distribution"), "p_value"), 3)};
    row.warn = ok && !List(rater, "flags").empty();
    row.drill_id = Str(rater, "rater");
    raters.rows.push_back(std::move(row));
  }
  c.bars->value_format = "%.2f";
  c.bars->band_legend = T("obj_band_legend");
  c.bars->outside_legend = T("dist_outside_legend");
  c.bars->empty_text = T("report_no_data");
  v.charts.push_back(std::move(c));
  v.tables.push_back(std::move(raters));
  ReportTable gaps{"self_vs_supervisor", T("report_table_self_gap"),
                   {Col(T("col_name")), Col(T("col_self_mean"), true), Col(T("col_supervisor_mean"), true),
                    Col(T("col_gap"), true), Col(T("col_flags"))},
                   {}};
  for (const auto& g : List(r, "self_vs_supervisor")) {
    ReportRow row;
    row.cells = {Text(Str(g, "name")), Number(Num(g, "self_mean"), 2),
                 Number(Num(g, "supervisor_mean"), 2), Number(Num(g, "gap"), 2),
                 Text(Str(g, "flag").empty() ? "" : FlagText(Str(g, "flag")))};
    row.warn = !Str(g, "flag").empty();
    gaps.rows.push_back(std::move(row));
  }
  v.tables.push_back(std::move(gaps));
  return Status::Ok();
}

// --- satisfaction ------------------------------------------------------------------------

ReportChart ElementChart(const Json& elements) {
  ReportChart c{"ikm_elements", T("report_chart_ikm_elements"), chart::BarChart{}, std::nullopt};
  for (const auto& e : elements) {
    c.bars->labels.push_back(Str(e, "code"));
    c.bars->values.push_back(Num(e, "nrr"));
  }
  c.bars->options.domain_min = 1;
  c.bars->options.domain_max = 4;
  c.bars->options.include_zero = false;
  c.bars->value_format = "%.2f";
  c.bars->empty_text = T("report_no_data");
  return c;
}

std::string IkmLine(const Json& u) {
  return Fmt(T("ikm_line"), Fixed(Num(u, "ikm_unit"), 2).c_str(), Str(u, "grade").c_str(),
             Int(Num(u, "respondents")));
}

Status SatisfactionView(const Json& r, const HrDrill& d, HrReportView& v) {
  if (!d.id.empty()) return Status::NotFound("survey answers are anonymous: no person level");
  if (!d.unit_id.empty()) {
    const Json* u = FindBy(List(r, "units"), "unit_id", d.unit_id);
    if (!u) return Status::NotFound("no unit " + d.unit_id + " in this report");
    v.heading = Str(*u, "unit");
    v.lines.push_back({IkmLine(*u), false});
    if (Field(*u, "few_responses").is_boolean() && Field(*u, "few_responses").get<bool>()) {
      v.lines.push_back({T("ikm_few_responses"), true});
    }
    const Json& sample = Field(*u, "sample");
    if (sample.is_object()) {
      const bool ok = Field(sample, "sufficient").is_boolean() && Field(sample, "sufficient").get<bool>();
      v.lines.push_back({Fmt(ok ? T("ikm_sample_ok") : T("ikm_sample_short"),
                             Int(Num(sample, "achieved")), Int(Num(sample, "required")),
                             Int(Num(sample, "population"))), !ok});
    } else {
      v.lines.push_back({T("ikm_no_population"), false});
    }
    std::string lowest;
    for (const auto& e : List(*u, "lowest_elements")) {
      lowest += (lowest.empty() ? "" : ", ") + Str(e, "code") + " " + Str(e, "name") + " (" +
                Fixed(Num(e, "nrr"), 2) + ")";
    }
    if (!lowest.empty()) v.lines.push_back({Fmt(T("ikm_lowest"), lowest.c_str()), false});
    v.charts.push_back(ElementChart(List(*u, "elements")));
    std::vector<std::string> months;
    std::vector<double> ikm;
    for (const auto& m : List(*u, "trend")) {
      months.push_back(Str(m, "month"));
      ikm.push_back(Num(m, "ikm_unit"));
    }
    ReportChart trend{"ikm_trend", T("report_chart_ikm_trend"), std::nullopt, chart::LineChart{}};
    trend.lines->series.push_back(Series(T("series_ikm"), ikm));
    MonthAxis(*trend.lines, months);
    trend.lines->value_format = "%.2f";
    v.charts.push_back(std::move(trend));
    ReportTable elements{"elements", T("report_table_elements"),
                         {Col(T("col_code")), Col(T("col_element")), Col(T("col_answered"), true),
                          Col(T("col_nrr"), true)},
                         {}};
    for (const auto& e : List(*u, "elements")) {
      elements.rows.push_back(Row({Text(Str(e, "code")), Text(Str(e, "name")),
                                Number(Num(e, "answered"), 0), Number(Num(e, "nrr"), 2)}));
    }
    v.tables.push_back(std::move(elements));
    ReportTable services{"services", T("report_table_services"),
                         {Col(T("col_service")), Col(T("col_respondents"), true),
                          Col(T("col_ikm"), true), Col(T("col_grade"))},
                         {}};
    for (const auto& s : List(*u, "services")) {
      services.rows.push_back(Row({Text(Str(s, "service")), Number(Num(s, "respondents"), 0),
                                Number(Num(s, "ikm_unit"), 2), Text(Str(s, "grade"))}));
    }
    v.tables.push_back(std::move(services));
    return Status::Ok();
  }
  const Json& overall = Field(r, "overall");
  if (overall.is_object()) {
    v.lines.push_back({IkmLine(overall), false});
    v.charts.push_back(ElementChart(List(overall, "elements")));
  }
  ReportTable units{"units", T("report_table_units"),
                    {Col(T("col_unit")), Col(T("col_respondents"), true), Col(T("col_ikm"), true),
                     Col(T("col_grade")), Col(T("col_sample_required"), true), Col(T("col_sample"))},
                    {}};
  for (const auto& u : List(r, "units")) {
    const Json& sample = Field(u, "sample");
    const bool has = sample.is_object();
    const bool ok = has && Field(sample, "sufficient").is_boolean() && Field(sample, "sufficient").get<bool>();
    ReportRow row;
    row.cells = {Text(Str(u, "unit")), Number(Num(u, "respondents"), 0), Number(Num(u, "ikm_unit"), 2),
                 Text(Str(u, "grade")), Number(has ? Num(sample, "required") : kNoValue, 0),
                 Text(!has ? "" : ok ? T("ikm_sufficient") : T("ikm_short"))};
    row.warn = has && !ok;
    row.drill_unit = Str(u, "unit_id");
    units.rows.push_back(std::move(row));
  }
  v.tables.push_back(std::move(units));
  return Status::Ok();
}

// --- service time ------------------------------------------------------------------------

Status ServiceTimeView(const Json& r, const HrDrill& d, HrReportView& v) {
  if (!d.id.empty()) return Status::NotFound("the service-time report has no person level");
  const std::string split = Str(r, "split");
  if (!d.unit_id.empty()) {
    const Json* u = FindBy(List(r, "units"), "unit_id", d.unit_id);
    if (!u) return Status::NotFound("no unit " + d.unit_id + " in this report");
    v.heading = Str(*u, "unit");
    const Json& standard = Field(*u, "standard");
    const double max_wait = Num(standard, "max_wait_minutes");
    v.lines.push_back({Fmt(T("service_line"), Fixed(Num(Field(*u, "wait"), "median_minutes"), 1).c_str(),
                           Fixed(Num(Field(*u, "wait"), "p90_minutes"), 1).c_str(),
                           Int(Num(*u, "tickets"))), false});
    if (standard.is_object()) {
      v.lines.push_back({Fmt(T("service_standard"), Int(max_wait), Int(Num(standard, "max_total_minutes")),
                             Fixed(Num(*u, "wait_within_standard_share") * 100, 0).c_str()), false});
    } else {
      v.lines.push_back({T("service_no_standard"), false});
    }
    const Json& cmp = Field(*u, "comparison");
    if (cmp.is_object()) {
      const double change = Num(cmp, "median_wait_change_minutes");
      v.lines.push_back({Fmt(T("service_comparison"), split.c_str(),
                             Fixed(Num(Field(Field(cmp, "before"), "wait"), "median_minutes"), 1).c_str(),
                             Fixed(Num(Field(Field(cmp, "after"), "wait"), "median_minutes"), 1).c_str(),
                             Fixed(change, 1).c_str(),
                             Fixed(Num(cmp, "wait_within_standard_share_change") * 100, 0).c_str()),
                         std::isfinite(change) && change > 0});
    }
    std::vector<std::string> months;
    std::vector<double> median, p90;
    ReportTable table{"months", T("report_table_months"),
                      {Col(T("col_month")), Col(T("col_tickets"), true), Col(T("col_wait_median"), true),
                       Col(T("col_wait_p90"), true), Col(T("col_within_standard"), true),
                       Col(T("col_service_median"), true)},
                      {}};
    for (const auto& m : List(*u, "months")) {
      const Json& wait = Field(m, "wait");
      months.push_back(Str(m, "month"));
      median.push_back(Num(wait, "median_minutes"));
      p90.push_back(Num(wait, "p90_minutes"));
      ReportCell month = Text(MonthLabel(Str(m, "month")));
      month.sort = static_cast<double>(months.size());
      table.rows.push_back(Row({month, Number(Num(wait, "count"), 0), Number(median.back(), 1),
                             Number(p90.back(), 1), Share(Num(m, "wait_within_standard_share")),
                             Number(Num(Field(m, "service"), "median_minutes"), 1)}));
    }
    ReportChart c{"wait_trend", T("report_chart_wait_trend"), std::nullopt, chart::LineChart{}};
    c.lines->series.push_back(Series(T("series_wait_median"), median));
    c.lines->series.push_back(Series(T("series_wait_p90"), p90));
    MonthAxis(*c.lines, months);
    c.lines->options.include_zero = true;
    if (std::isfinite(max_wait)) {
      c.lines->options.reference_y = max_wait;
      c.lines->reference_label = Fmt(T("service_reference"), Int(max_wait));
    }
    if (!split.empty()) {
      c.lines->options.marker_x = DateOnMonths(split, months);
      c.lines->marker_label = split;
    }
    v.charts.push_back(std::move(c));
    v.tables.push_back(std::move(table));
    return Status::Ok();
  }
  if (!split.empty()) v.lines.push_back({Fmt(T("service_split"), split.c_str()), false});
  ReportTable units{"units", T("report_table_units"),
                    {Col(T("col_unit")), Col(T("col_tickets"), true), Col(T("col_wait_median"), true),
                     Col(T("col_wait_p90"), true), Col(T("col_within_standard"), true),
                     Col(T("col_service_median"), true), Col(T("col_open_tickets"), true)},
                    {}};
  for (const auto& u : List(r, "units")) {
    ReportRow row;
    row.cells = {Text(Str(u, "unit")), Number(Num(u, "tickets"), 0),
                 Number(Num(Field(u, "wait"), "median_minutes"), 1),
                 Number(Num(Field(u, "wait"), "p90_minutes"), 1),
                 Share(Num(u, "wait_within_standard_share")),
                 Number(Num(Field(u, "service"), "median_minutes"), 1),
                 Number(Num(u, "open_tickets"), 0)};
    const double share = Num(u, "wait_within_standard_share");
    row.warn = std::isfinite(share) && share < 0.5;
    row.drill_unit = Str(u, "unit_id");
    units.rows.push_back(std::move(row));
  }
  v.tables.push_back(std::move(units));
  return Status::Ok();
}

// --- the case study's timeline -----------------------------------------------------------

Status TimelineView(const Json& r, const HrDrill& d, HrReportView& v) {
  if (!d.id.empty() || (!d.unit_id.empty() && d.unit_id != Str(Field(r, "unit"), "unit_id"))) {
    return Status::NotFound("the timeline is about one unit");
  }
  v.lines.push_back({Fmt(T("timeline_range"), MonthLabel(Str(r, "from")).c_str(),
                         MonthLabel(Str(r, "to")).c_str()), false});
  std::vector<std::string> months;
  std::vector<double> median, p90, ikm;
  ReportTable table{"months", T("report_table_months"),
                    {Col(T("col_month")), Col(T("col_tickets"), true), Col(T("col_wait_median"), true),
                     Col(T("col_wait_p90"), true), Col(T("col_within_standard"), true),
                     Col(T("col_respondents"), true), Col(T("col_ikm"), true), Col(T("col_grade"))},
                    {}};
  for (const auto& m : List(r, "months")) {
    months.push_back(Str(m, "month"));
    median.push_back(Num(m, "wait_median_minutes"));
    p90.push_back(Num(m, "wait_p90_minutes"));
    ikm.push_back(Num(m, "ikm_unit"));
    ReportCell month = Text(MonthLabel(months.back()));
    month.sort = static_cast<double>(months.size());
    table.rows.push_back(Row({month, Number(Num(m, "tickets"), 0), Number(median.back(), 1),
                           Number(p90.back(), 1), Share(Num(m, "wait_within_standard_share")),
                           Number(Num(m, "respondents"), 0), Number(ikm.back(), 2),
                           Text(Str(m, "grade"))}));
  }
  ReportTable trainings{"trainings", T("report_table_trainings"),
                        {Col(T("col_date")), Col(T("col_training")), Col(T("col_hours"), true),
                         Col(T("col_participants"), true)},
                        {}};
  double marker = kNoValue;
  std::string marker_label;
  for (const auto& t : List(r, "trainings")) {
    const std::string start = Str(t, "start_date");
    if (!std::isfinite(marker)) {
      marker = DateOnMonths(start, months);
      marker_label = Str(t, "title");
    }
    std::string names;
    for (const auto& n : List(t, "participant_names")) {
      if (n.is_string()) names += (names.empty() ? "" : ", ") + n.get<std::string>();
    }
    v.lines.push_back({Fmt(T("timeline_training"), start.c_str(), Str(t, "title").c_str(),
                           Int(Num(t, "participants")), names.empty() ? "-" : names.c_str()), false});
    trainings.rows.push_back(Row({Text(start), Text(Str(t, "title")), Number(Num(t, "hours"), 0),
                               Number(Num(t, "participants"), 0)}));
  }
  if (List(r, "trainings").empty()) v.lines.push_back({T("timeline_no_training"), false});
  ReportChart wait{"timeline_wait", T("report_chart_wait_trend"), std::nullopt, chart::LineChart{}};
  wait.lines->series.push_back(Series(T("series_wait_median"), median));
  wait.lines->series.push_back(Series(T("series_wait_p90"), p90));
  MonthAxis(*wait.lines, months);
  wait.lines->options.include_zero = true;
  const double max_wait = Num(Field(r, "standard"), "max_wait_minutes");
  if (std::isfinite(max_wait)) {
    wait.lines->options.reference_y = max_wait;
    wait.lines->reference_label = Fmt(T("service_reference"), Int(max_wait));
  }
  ReportChart satisfaction{"timeline_ikm", T("report_chart_ikm_trend"), std::nullopt, chart::LineChart{}};
  satisfaction.lines->series.push_back(Series(T("series_ikm"), ikm));
  MonthAxis(*satisfaction.lines, months);
  satisfaction.lines->value_format = "%.2f";
  for (auto* c : {&wait, &satisfaction}) {
    c->lines->options.marker_x = marker;
    c->lines->marker_label = marker_label;
  }
  v.charts.push_back(std::move(wait));
  v.charts.push_back(std::move(satisfaction));
  v.tables.push_back(std::move(trainings));
  v.tables.push_back(std::move(table));
  return Status::Ok();
}

}  // namespace

const char* HrReportName(HrReportKind kind) {
  switch (kind) {
    case HrReportKind::kProgress: return "progress";
    case HrReportKind::kDistribution: return "distribution";
    case HrReportKind::kObjectivity: return "objectivity";
    case HrReportKind::kSatisfaction: return "satisfaction";
    case HrReportKind::kServiceTime: return "service-time";
    case HrReportKind::kTimeline: return "unit-timeline";
  }
  return "";
}

std::optional<HrReportKind> HrReportKindFromName(std::string_view name) {
  for (HrReportKind k : kHrReportKinds) {
    if (name == HrReportName(k)) return k;
  }
  return std::nullopt;
}

const char* HrReportTitle(HrReportKind kind) {
  switch (kind) {
    case HrReportKind::kProgress: return T("hr_report_progress");
    case HrReportKind::kDistribution: return T("hr_report_distribution");
    case HrReportKind::kObjectivity: return T("hr_report_objectivity");
    case HrReportKind::kSatisfaction: return T("hr_report_satisfaction");
    case HrReportKind::kServiceTime: return T("hr_report_service_time");
    case HrReportKind::kTimeline: return T("hr_report_timeline");
  }
  return "";
}

bool HrReportExports(HrReportKind kind) { return kind != HrReportKind::kTimeline; }
bool HrReportNeedsUnit(HrReportKind kind) { return kind == HrReportKind::kTimeline; }

void SortReportTable(ReportTable& table, int column, bool ascending) {
  if (column < 0 || static_cast<size_t>(column) >= table.columns.size()) return;
  const size_t c = static_cast<size_t>(column);
  const bool numeric = table.columns[c].numeric;
  auto cell = [c](const ReportRow& r) -> const ReportCell* {
    return c < r.cells.size() ? &r.cells[c] : nullptr;
  };
  std::stable_sort(table.rows.begin(), table.rows.end(), [&](const ReportRow& a, const ReportRow& b) {
    const ReportCell* x = cell(a);
    const ReportCell* y = cell(b);
    if (numeric) {
      const double vx = x ? x->sort : kNoValue, vy = y ? y->sort : kNoValue;
      if (!std::isfinite(vx) || !std::isfinite(vy)) return std::isfinite(vx) && !std::isfinite(vy);
      return ascending ? vx < vy : vx > vy;
    }
    const std::string tx = x ? Lower(x->text) : "", ty = y ? Lower(y->text) : "";
    return ascending ? tx < ty : tx > ty;
  });
  table.sort_column = column;
  table.sort_ascending = ascending;
}

std::string MonthLabel(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return month;
  const int m = std::atoi(month.substr(5, 2).c_str());
  if (m < 1 || m > 12) return month;
  // "Jan Feb Mar ..." in the UI language.
  std::string names = T("months_short");
  size_t start = 0;
  for (int i = 1; i < m; ++i) {
    start = names.find(' ', start);
    if (start == std::string::npos) return month;
    ++start;
  }
  return names.substr(start, names.find(' ', start) - start) + " " + month.substr(0, 4);
}

Result<HrReportView> BuildHrReportView(HrReportKind kind, const Json& report, const HrDrill& drill) {
  if (!report.is_object() || Str(report, "report") != HrReportName(kind)) {
    return Status::InvalidArgument(std::string("not a ") + HrReportName(kind) + " report");
  }
  HrReportView v;
  const Json& unit = Field(report, "unit");
  v.heading = unit.is_object() ? Str(unit, "name") : T("hr_city");
  Status s;
  switch (kind) {
    case HrReportKind::kProgress: s = ProgressView(report, drill, v); break;
    case HrReportKind::kDistribution: s = DistributionView(report, drill, v); break;
    case HrReportKind::kObjectivity: s = ObjectivityView(report, drill, v); break;
    case HrReportKind::kSatisfaction: s = SatisfactionView(report, drill, v); break;
    case HrReportKind::kServiceTime: s = ServiceTimeView(report, drill, v); break;
    case HrReportKind::kTimeline: s = TimelineView(report, drill, v); break;
  }
  if (!s.ok()) return s;
  // The server's word on an empty report ("no appraisals in this period …").
  if (const std::string note = Str(report, "note"); !note.empty() && drill.unit_id.empty() &&
                                                    drill.id.empty()) {
    v.lines.push_back({note, false});
  }
  return v;
}

}  // namespace kinerja::web

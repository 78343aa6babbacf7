// The App actions of the HR report screens (web/app/hr_reports.h): open a report for the
// workspace's unit and period, fetch it when online and keep the answer on the device, drill
// down and back up, sort, and download the server's CSV, XLSX and PDF files.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "engine/org/date.h"
#include "engine/sync/ids.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"

namespace kinerja::web {

namespace {

// `format` (from the catalogue) with its one %s filled in.
std::string Fmt1(const char* format, const std::string& text) {
  char buf[600];
  std::snprintf(buf, sizeof buf, format, text.c_str());
  return buf;
}

// File names for downloads, as the server names them (docs/reports.md).
const char* FileStem(HrReportKind kind) {
  switch (kind) {
    case HrReportKind::kProgress: return "progres-penilaian";
    case HrReportKind::kDistribution: return "kurva-distribusi";
    case HrReportKind::kObjectivity: return "objektivitas-penilai";
    case HrReportKind::kSatisfaction: return "kepuasan-masyarakat";
    case HrReportKind::kServiceTime: return "waktu-layanan";
    case HrReportKind::kTimeline: return "studi-kasus";
  }
  return "laporan";
}

}  // namespace

void App::OpenHrReport(HrReportKind kind) {
  HrReportScreen r;
  r.kind = kind;
  r.period = hr_.periods.empty() ? "" : hr_.period();
  if (hr_.selected >= 0 && static_cast<size_t>(hr_.selected) < hr_.units.size()) {
    r.unit_id = hr_.units[static_cast<size_t>(hr_.selected)].id;
    r.unit_name = hr_.units[static_cast<size_t>(hr_.selected)].name;
  }
  if (HrReportNeedsUnit(kind) && r.unit_id.empty()) {
    SetMessage(T("report_needs_unit"), true);
    return;
  }
  hr_report_ = std::move(r);
  screen_ = Screen::kHrReport;
  SetMessage("", false);
  LoadCachedHrReport();
  FetchHrReport();
}

void App::LoadCachedHrReport() {
  auto cache = ParseJson(MetaGet(kHrReportCacheKey));
  HrReportScreen& r = hr_report_;
  r.report = Json();
  r.as_of.clear();
  r.fetched_at = 0;
  r.from_cache = false;
  if (cache.ok() && cache->is_object()) {
    auto it = cache->find(r.CacheKey());
    if (it != cache->end() && it->is_object() && it->contains("report")) {
      r.report = (*it)["report"];
      r.fetched_at = it->value("fetched_at", int64_t{0});
      r.as_of = r.report.is_object() ? r.report.value("as_of", "") : "";
      r.from_cache = true;
    }
  }
  RebuildHrReportView();
}

void App::FetchHrReport() {
  if (!session_ || hr_report_.loading) return;
  if (!BrowserOnline()) {
    hr_report_.error = T("offline_try_later");
    return;
  }
  hr_report_.loading = true;
  hr_report_.error.clear();
  const std::string key = hr_report_.CacheKey();
  HttpRequest("GET", hr_report_.Path(), "", session_->token, [this, key](const HttpResult& res) {
    HrReportScreen& r = hr_report_;
    if (r.CacheKey() != key) return;  // the user went on to another report meanwhile
    r.loading = false;
    if (res.status == 0) {
      r.error = T("offline_try_later");
      return;
    }
    auto j = ParseJson(res.body);
    if (!j.ok()) {
      r.error = Fmt1(T("report_fetch_failed"), "HTTP " + std::to_string(res.status));
      return;
    }
    if (res.status != 200) {
      r.error = Fmt1(T("report_fetch_failed"), wire::StatusFromErrorJson(*j).message());
      return;
    }
    r.report = std::move(*j);
    r.as_of = r.report.is_object() ? r.report.value("as_of", "") : "";
    r.fetched_at = NowUnixSeconds();
    r.from_cache = false;
    auto cache = ParseJson(MetaGet(kHrReportCacheKey));
    MetaSet(kHrReportCacheKey,
            CacheReport(cache.ok() ? std::move(*cache) : Json::object(), key, r.report,
                        r.fetched_at, kHrReportCacheEntries)
                .dump());
    FlushStorage();
    RebuildHrReportView();
  });
}

void App::RefreshHrReport() { FetchHrReport(); }

void App::RebuildHrReportView() {
  HrReportScreen& r = hr_report_;
  r.view = HrReportView{};
  r.view_error.clear();
  if (r.report.is_null()) return;
  auto view = BuildHrReportView(r.kind, r.report, r.drill);
  if (!view.ok() && view.status().code() == Code::kNotFound &&
      (!r.drill.unit_id.empty() || !r.drill.id.empty())) {
    // The unit or person drilled into is not in the new answer: back to the top.
    r.drill = {};
    r.trail.clear();
    view = BuildHrReportView(r.kind, r.report, r.drill);
  }
  if (!view.ok()) {
    r.view_error = view.status().message();
    return;
  }
  r.view = std::move(*view);
  // The user's orders survive a new answer, a language switch and a drill back up.
  for (auto& t : r.view.tables) {
    if (auto it = r.sorts.find(r.SortKey(t.id)); it != r.sorts.end()) {
      SortReportTable(t, it->second.first, it->second.second);
    }
  }
}

void App::DrillHrReport(size_t table, size_t row) {
  HrReportScreen& r = hr_report_;
  if (table >= r.view.tables.size() || row >= r.view.tables[table].rows.size()) return;
  const ReportRow& target = r.view.tables[table].rows[row];
  if (target.drill_unit.empty() && target.drill_id.empty()) return;
  r.trail.push_back(r.drill);
  r.drill = {target.drill_unit, target.drill_id};
  RebuildHrReportView();
}

bool App::HrReportUp() {
  HrReportScreen& r = hr_report_;
  if (r.trail.empty()) return false;
  r.drill = r.trail.back();
  r.trail.pop_back();
  RebuildHrReportView();
  return true;
}

void App::SortHrReportTable(size_t table, int column, bool ascending) {
  HrReportScreen& r = hr_report_;
  if (table >= r.view.tables.size()) return;
  const std::string key = r.SortKey(r.view.tables[table].id);
  if (column < 0) {
    r.sorts.erase(key);  // the report's own order: rebuilt unsorted
    RebuildHrReportView();
    return;
  }
  r.sorts[key] = {column, ascending};
  SortReportTable(r.view.tables[table], column, ascending);
}

bool App::SetHrReportSplit(const std::string& date) {
  if (!date.empty() && !org::ParseDate(date).ok()) {
    SetMessage(T("report_split_bad"), true);
    return false;
  }
  hr_report_.split = date;
  hr_report_.loading = false;  // a fetch under the old key is ignored when it answers
  SetMessage("", false);
  LoadCachedHrReport();
  FetchHrReport();
  return true;
}

void App::DownloadReportFile(const std::string& path, const std::string& filename,
                             const std::string& mime) {
  if (!session_) return;
  if (!BrowserOnline()) {
    SetMessage(T("report_needs_online"), true);
    return;
  }
  hr_report_.download = {filename, 0, 0, true};
  HttpRequest("GET", path, "", session_->token, [this, filename, mime](const HttpResult& res) {
    hr_report_.download.loading = false;
    hr_report_.download.status = res.status;
    if (res.status != 200) {
      auto j = ParseJson(res.body);
      std::string why = res.status == 0  ? std::string(T("offline_try_later"))
                        : j.ok()         ? wire::StatusFromErrorJson(*j).message()
                                         : "HTTP " + std::to_string(res.status);
      SetMessage(Fmt1(T("report_fetch_failed"), why), true);
      return;
    }
    hr_report_.download.bytes = static_cast<int64_t>(res.body.size());
    DownloadFile(filename, mime, res.body);
    SetMessage(Fmt1(T("report_download_started"), filename), false);
  });
}

void App::DownloadHrReport(const std::string& format) {
  const HrReportScreen& r = hr_report_;
  if (!HrReportExports(r.kind) || (format != "csv" && format != "xlsx")) return;
  std::string name = std::string(FileStem(r.kind)) + "-" + r.period;
  if (!r.unit_id.empty()) name += "-" + r.unit_id;
  DownloadReportFile(r.Path() + "&format=" + format, name + "." + format,
                     format == "csv" ? "text/csv"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

void App::DownloadEvaluationDocument(const std::string& employee_id) {
  if (employee_id.empty()) return;
  const std::string& period = hr_report_.period;
  DownloadReportFile("/api/v1/reports/evaluation-document?employee=" + employee_id + "&period=" + period,
                     "evaluasi-kinerja-" + employee_id + "-" + period + ".pdf", "application/pdf");
}

void App::DownloadUnitDocuments(const std::string& unit_id) {
  if (unit_id.empty()) return;
  const std::string& period = hr_report_.period;
  DownloadReportFile("/api/v1/reports/evaluation-documents?unit=" + unit_id + "&period=" + period,
                     "evaluasi-kinerja-" + unit_id + "-" + period + ".pdf", "application/pdf");
}

void App::DownloadUnitRecap(const std::string& unit_id) {
  if (unit_id.empty()) return;
  const std::string& period = hr_report_.period;
  DownloadReportFile("/api/v1/reports/unit-recap?unit=" + unit_id + "&period=" + period,
                     "rekap-unit-" + unit_id + "-" + period + ".pdf", "application/pdf");
}

void App::PublishHrReportState(Json& j) const {
  if (screen_ != Screen::kHrReport) return;
  const HrReportScreen& r = hr_report_;
  Json tables = Json::array();
  for (const auto& t : r.view.tables) {
    Json rows = Json::array();
    for (size_t i = 0; i < t.rows.size() && i < 60; ++i) {
      Json cells = Json::array();
      for (const auto& c : t.rows[i].cells) cells.push_back(c.text);
      rows.push_back({{"cells", cells},
                      {"unit", t.rows[i].drill_unit},
                      {"id", t.rows[i].drill_id},
                      {"warn", t.rows[i].warn}});
    }
    tables.push_back({{"id", t.id}, {"count", t.rows.size()}, {"rows", rows},
                      {"sort_column", t.sort_column}, {"sort_ascending", t.sort_ascending}});
  }
  Json lines = Json::array();
  for (const auto& l : r.view.lines) lines.push_back({{"text", l.text}, {"warn", l.warn}});
  Json charts = Json::array();
  for (const auto& c : r.view.charts) {
    Json values = Json::array();
    if (c.bars) {
      for (double v : c.bars->values) values.push_back(std::isfinite(v) ? Json(v) : Json());
    }
    charts.push_back({{"id", c.id}, {"values", values}});
  }
  j["hr_report"] = {{"report", HrReportName(r.kind)},
                    {"period", r.period},
                    {"unit", r.unit_id},
                    {"split", r.split},
                    {"drill_unit", r.drill.unit_id},
                    {"drill_id", r.drill.id},
                    {"depth", r.trail.size()},
                    {"loading", r.loading},
                    {"has_report", !r.report.is_null()},
                    {"from_cache", r.from_cache},
                    {"as_of", r.as_of},
                    {"fetched_at", r.fetched_at},
                    {"error", r.error},
                    {"view_error", r.view_error},
                    {"heading", r.view.heading},
                    {"document_employee", r.view.document_employee},
                    {"lines", lines},
                    {"charts", charts},
                    {"tables", tables},
                    {"download", {{"file", r.download.file},
                                  {"status", r.download.status},
                                  {"bytes", r.download.bytes},
                                  {"loading", r.download.loading}}}};
}

}  // namespace kinerja::web

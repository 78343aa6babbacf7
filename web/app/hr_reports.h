#pragma once
// The state of an open HR report screen (the actions are App's, web/app/hr_reports.cpp). A
// report is computed by the server over the merged store and fetched when online; the last
// answer for each report, period, unit and split is kept on the device (meta key
// kHrReportCacheKey, at most kHrReportCacheEntries, dropped at log-out) so the screen stays
// readable offline, marked as a copy with the time it was fetched.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "shared/json_util.h"
#include "web/app/hr_report_view.h"

namespace kinerja::web {

inline constexpr const char* kHrReportCacheKey = "hr_reports";
inline constexpr size_t kHrReportCacheEntries = 24;
// The workspace summaries fetched this session, by period key (dropped at log-out).
inline constexpr const char* kHrSummaryCacheKey = "hr_workspace";

struct HrReportScreen {
  HrReportKind kind = HrReportKind::kProgress;
  std::string period;     // a period key ("2026", "2026-S1")
  std::string unit_id;    // the unit the report is asked for; "" for the whole city
  std::string unit_name;  // for the heading while nothing is loaded
  std::string split;      // service time: the first day "after"; "" for none
  HrDrill drill;               // where in the report the screen is
  std::vector<HrDrill> trail;  // the levels above it, for Back
  Json report;                 // the report shown (fetched or from the device); null for none
  std::string as_of;           // the report's own as_of (server time)
  int64_t fetched_at = 0;      // when this device received it (unix seconds)
  bool from_cache = false;     // shown from the device's copy, not from this visit's fetch
  bool loading = false;
  std::string error;  // why the last fetch failed, "" when it did not
  // The user's sort order per level and table (SortKey), kept while the screen is open.
  std::map<std::string, std::pair<int, bool>> sorts;
  HrReportView view;  // `report` at `drill`, in the UI language
  std::string view_error;
  struct Download {
    std::string file;  // the last download asked for
    int status = 0;    // its HTTP answer; 0 before it (or when offline)
    int64_t bytes = 0;
    bool loading = false;
  } download;
  // The path of the JSON request: /api/v1/reports/<name>?period=…[&unit=…][&split=…].
  std::string Path() const;
  // The key of this report in the device's cache.
  std::string CacheKey() const;
  // The key of a table at the current drill level ("<unit>/<id>/<table>").
  std::string SortKey(const std::string& table_id) const;
};

// The `entries` of the device's report cache (a JSON object key -> {"fetched_at", "report"})
// with `report` stored under `key`, the oldest fetches dropped beyond `max_entries`.
Json CacheReport(Json entries, const std::string& key, const Json& report, int64_t fetched_at,
                 size_t max_entries);

}  // namespace kinerja::web

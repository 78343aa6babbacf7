// The pure half of hr_reports.h: request paths, cache keys and the device's report cache.
#include "web/app/hr_reports.h"

namespace kinerja::web {

std::string HrReportScreen::Path() const {
  std::string path = std::string("/api/v1/reports/") + HrReportName(kind);
  // The timeline covers months up to this one, not a period.
  path += kind == HrReportKind::kTimeline ? "?" : "?period=" + period + "&";
  path += "unit=" + unit_id;
  if (!split.empty()) path += "&split=" + split;
  return path;
}

std::string HrReportScreen::CacheKey() const {
  return std::string(HrReportName(kind)) + "|" + period + "|" + unit_id + "|" + split;
}

std::string HrReportScreen::SortKey(const std::string& table_id) const {
  return drill.unit_id + "/" + drill.id + "/" + table_id;
}

Json CacheReport(Json entries, const std::string& key, const Json& report, int64_t fetched_at,
                 size_t max_entries) {
  if (!entries.is_object()) entries = Json::object();
  entries[key] = {{"fetched_at", fetched_at}, {"report", report}};
  while (entries.size() > max_entries && max_entries > 0) {
    auto oldest = entries.begin();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
      const auto at = [](const Json& e) {
        return e.is_object() && e.contains("fetched_at") && e["fetched_at"].is_number_integer()
                   ? e["fetched_at"].get<int64_t>()
                   : int64_t{0};
      };
      if (at(*it) < at(*oldest)) oldest = it;
    }
    entries.erase(oldest);
  }
  return entries;
}

}  // namespace kinerja::web

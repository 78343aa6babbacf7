// The App actions of the HR workspace (web/app/hr_workspace.h): open it, pick a unit or a
// period, and go on to the roster. Until this session's first pull has ended, the tree and
// counts are the server's workspace summary (fetched at login and on a period change, kept
// under kHrSummaryCacheKey); then the device's own records.
#include "engine/org/period.h"
#include "shared/json_util.h"
#include "web/app/app.h"
#include "web/platform/platform.h"

namespace kinerja::web {

void App::OpenHrHome() {
  screen_ = Screen::kHrHome;
  LoadHrWorkspace();
  SetMessage("", false);
}

void App::LoadHrWorkspace() {
  if (!store_) return;
  const std::string year = hr_.periods.empty() ? "" : hr_.periods[hr_.period_index];
  const int part = hr_.part;
  std::string selected = hr_.selected >= 0 && static_cast<size_t>(hr_.selected) < hr_.units.size()
                             ? hr_.units[static_cast<size_t>(hr_.selected)].id
                             : "";
  std::vector<std::string> periods = HrPeriods(org::AppraisalPeriod(NowUnixSeconds()), 4);
  size_t period_index = 0;
  for (size_t i = 0; i < periods.size(); ++i) period_index = periods[i] == year ? i : period_index;
  const std::string key = HrPeriodKey(periods[period_index], part);
  bool from_server = false;
  if (!hr_pulled_) {
    auto cache = ParseJson(MetaGet(kHrSummaryCacheKey));
    if (cache.ok() && cache->is_object() && cache->contains(key)) {
      auto summary = BuildHrWorkspaceFromSummary((*cache)[key]);
      if (summary.ok()) {
        hr_ = std::move(summary).value();
        from_server = true;
      }
    }
  }
  if (!from_server) {
    auto units = store_->List("unit");
    auto statuses = LoadAppraisalStatuses(*store_, key);
    hr_ = BuildHrWorkspace(units.ok() ? *units : std::vector<wire::Record>{}, roster_,
                           statuses.ok() ? *statuses : AppraisalStatuses{});
  }
  hr_.periods = std::move(periods);
  hr_.period_index = period_index;
  hr_.part = part;
  for (size_t i = 0; i < hr_.units.size(); ++i) {
    if (hr_.units[i].id == selected) hr_.selected = static_cast<int>(i);
  }
}

void App::FetchHrSummary() {
  if (!session_ || hr_pulled_ || !BrowserOnline() || hr_.periods.empty()) return;
  const std::string period = hr_.period();
  HttpRequest("GET", "/api/v1/reports/workspace?period=" + period, "", session_->token,
              [this, period](const HttpResult& r) {
                // Late answers change nothing: the device's own tree has taken over.
                if (!session_ || hr_pulled_ || r.status != 200) return;
                auto summary = ParseJson(r.body);
                if (!summary.ok() || !BuildHrWorkspaceFromSummary(*summary).ok()) return;
                auto cache = ParseJson(MetaGet(kHrSummaryCacheKey));
                Json entries = cache.ok() && cache->is_object() ? std::move(*cache) : Json::object();
                entries[period] = std::move(*summary);
                MetaSet(kHrSummaryCacheKey, entries.dump());
                if (!hr_.periods.empty() && hr_.period() == period) LoadHrWorkspace();
              });
}

void App::SelectHrUnit(int index) {
  hr_.selected = index >= 0 && static_cast<size_t>(index) < hr_.units.size() ? index : -1;
}

void App::SelectHrPeriod(size_t index) {
  if (index >= hr_.periods.size() || index == hr_.period_index) return;
  hr_.period_index = index;
  LoadHrWorkspace();
  FetchHrSummary();
}

void App::SelectHrPeriodPart(int part) {
  if (part < 0 || part > 2 || part == hr_.part) return;
  hr_.part = part;
  LoadHrWorkspace();
  FetchHrSummary();
}

void App::OpenHrRoster() {
  screen_ = Screen::kRoster;
  SetMessage("", false);
}

void App::PublishHrState(Json& j) const {
  if (screen_ != Screen::kHrHome) return;
  Json units = Json::array();
  for (const auto& u : hr_.units) {
    units.push_back({{"id", u.id},
                     {"depth", u.depth},
                     {"staff", u.staff},
                     {"not_started", u.status[0]},
                     {"draft", u.status[1]},
                     {"submitted", u.status[2]},
                     {"signed_off", u.status[3]}});
  }
  j["hr"] = {{"period", hr_.periods.empty() ? "" : hr_.period()},
             {"part", hr_.part},
             {"periods", hr_.periods},
             {"selected", hr_.selected >= 0 ? hr_.units[static_cast<size_t>(hr_.selected)].id : ""},
             {"staff", hr_.staff},
             {"source", hr_.server_as_of.empty() ? "device" : "server"},
             {"as_of", hr_.server_as_of},
             {"units", units}};
}

}  // namespace kinerja::web

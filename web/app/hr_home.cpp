// The App actions of the HR workspace (web/app/hr_workspace.h): open it, pick a unit or a
// period, and go on to the roster.
#include "engine/org/period.h"
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
  auto units = store_->List("unit");
  auto statuses = LoadAppraisalStatuses(*store_, HrPeriodKey(periods[period_index], part));
  hr_ = BuildHrWorkspace(units.ok() ? *units : std::vector<wire::Record>{}, roster_,
                         statuses.ok() ? *statuses : AppraisalStatuses{});
  hr_.periods = std::move(periods);
  hr_.period_index = period_index;
  hr_.part = part;
  for (size_t i = 0; i < hr_.units.size(); ++i) {
    if (hr_.units[i].id == selected) hr_.selected = static_cast<int>(i);
  }
}

void App::SelectHrUnit(int index) {
  hr_.selected = index >= 0 && static_cast<size_t>(index) < hr_.units.size() ? index : -1;
}

void App::SelectHrPeriod(size_t index) {
  if (index >= hr_.periods.size() || index == hr_.period_index) return;
  hr_.period_index = index;
  LoadHrWorkspace();
}

void App::SelectHrPeriodPart(int part) {
  if (part < 0 || part > 2 || part == hr_.part) return;
  hr_.part = part;
  LoadHrWorkspace();
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
             {"units", units}};
}

}  // namespace kinerja::web

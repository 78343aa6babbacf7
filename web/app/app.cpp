#include "web/app/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/sync/ids.h"
#include "imgui.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"

namespace kinerja::web {
namespace {

// The UI sizes offered, as CSS pixels per ImGui unit.
constexpr float kUiZooms[] = {0.85f, 1.0f, 1.15f, 1.3f, 1.5f};
const char* kDbPath = "/data/kinerja.db";

}  // namespace

void App::Start() {
  auto store = LocalStore::Open(kDbPath);
  if (!store.ok()) {
    SetMessage(store.status().ToString(), true);
    screen_ = Screen::kLogin;
    return;
  }
  store_ = std::move(store).value();
  auto session = store_->LoadSession();
  if (session.ok() && session->has_value()) session_ = **session;
  last_sync_ = MetaGet("last_sync");
  hr_pulled_ = !last_sync_.empty();
  if (MetaGet("lang") == "en") SetLang(Lang::kEn);
  for (float z : kUiZooms) {
    if (MetaGet("ui_zoom") == std::to_string(std::lround(z * 100))) ui_zoom_ = z;
  }
  Refresh();
  LoadKiosk();
  screen_ = session_ ? HomeScreen() : Screen::kLogin;
  RequestPersistentStorage();
  RequestStorageEstimate();
}

void App::Refresh() {
  if (!store_) return;
  const double started = NowSeconds();
  auto pending = store_->PendingCount();
  pending_ = pending.ok() ? *pending : 0;
  auto aside = store_->ListSetAside();
  set_aside_list_ = aside.ok() ? std::move(aside).value() : std::vector<LocalStore::SetAsideChange>{};
  set_aside_total_ = static_cast<int64_t>(set_aside_list_.size());
  auto by_kind = store_->PendingByKind();
  pending_by_kind_ = by_kind.ok() ? std::move(by_kind).value() : std::vector<LocalStore::KindCount>{};
  auto conflicts = store_->ListConflicts();
  conflicts_ = conflicts.ok() ? std::move(conflicts).value() : std::vector<wire::Record>{};
  auto roster = store_->List("employee");
  roster_ = roster.ok() ? std::move(roster).value() : std::vector<wire::Record>{};
  // One query for every status of the period; the view re-applies the current search.
  auto statuses = LoadAppraisalStatuses(*store_, org::AppraisalPeriod(NowUnixSeconds()));
  roster_view_.Build(roster_, statuses.ok() ? *statuses : AppraisalStatuses{});
  LoadOpenNotes();
  RefreshEmployeeViews();
  LoadQueueUnits();
  LoadObjections();
  if (IsHrSession()) LoadHrWorkspace();
  refresh_ms_ = (NowSeconds() - started) * 1000;
}

void App::LoadOpenNotes() {
  open_notes_.clear();
  if (!store_ || open_employee_.empty()) return;
  auto notes = store_->List("appraisal_note", open_employee_);
  if (notes.ok()) open_notes_ = std::move(notes).value();
}

Screen App::HomeScreen() {
  if (session_ && session_->role == wire::Role::kEnumerator) {
    return kiosk_.active ? Screen::kKiosk : Screen::kKioskSetup;
  }
  if (session_ && session_->role == wire::Role::kEmployee) return Screen::kMyAppraisal;
  if (IsHrSession()) return Screen::kHrHome;
  return Screen::kRoster;
}

bool App::IsHrSession() const {
  return session_ && (session_->role == wire::Role::kHr || session_->role == wire::Role::kAdmin);
}

std::string App::MetaGet(const std::string& key) {
  if (!store_) return "";
  auto value = store_->GetMeta(key);
  return value.ok() && value->has_value() ? **value : "";
}

void App::MetaSet(const std::string& key, const std::string& value) {
  if (store_) (void)store_->SetMeta(key, value);
}

void App::MetaDelete(const std::string& key) {
  if (store_) (void)store_->DeleteMeta(key);
}

std::string App::EmployeeUnitPath(const std::string& employee_id) const {
  for (const auto& r : roster_) {
    if (r.id == employee_id) return r.unit_path;
  }
  return "";
}

void App::ToggleLanguage() {
  SetLang(CurrentLang() == Lang::kId ? Lang::kEn : Lang::kId);
  MetaSet("lang", CurrentLang() == Lang::kId ? "id" : "en");
  FlushStorage();
  if (screen_ == Screen::kHrReport) RebuildHrReportView();  // its texts are built, not drawn
}

void App::ChangeUiZoom(int step) {
  constexpr int n = static_cast<int>(sizeof kUiZooms / sizeof kUiZooms[0]);
  int at = 1;
  for (int i = 0; i < n; ++i) {
    if (kUiZooms[i] == ui_zoom_) at = i;
  }
  at = std::clamp(at + step, 0, n - 1);
  ui_zoom_ = kUiZooms[at];
  MetaSet("ui_zoom", std::to_string(std::lround(ui_zoom_ * 100)));
  FlushStorage();
}

Result<wire::Change> App::WriteEdit(const LocalStore::Edit& edit, int64_t now_unix) {
  const double started = NowSeconds();
  auto change = store_->Write(edit, now_unix);
  save_commit_ms_ = (NowSeconds() - started) * 1000;
  if (!change.ok()) {
    SetMessage(change.status().ToString(), true);
    return change;
  }
  FlushStorage();
  return change;
}

bool App::SaveForm(const char* kind, const std::string& employee_id, Json body, bool is_draft,
                   std::string* record_id, Draft* draft) {
  LocalStore::Edit edit{*record_id, kind, employee_id, EmployeeUnitPath(employee_id),
                        std::move(body), {}};
  edit.replace_unsent = is_draft;
  const int64_t now = NowUnixSeconds();
  auto change = WriteEdit(edit, now);
  if (!change.ok()) return false;
  *record_id = change->record_id;
  draft->Stored(IsoUtc(now));
  Refresh();
  return true;
}

void App::SetMessage(std::string text, bool error) {
  message_ = std::move(text);
  message_is_error_ = error;
}

void App::Frame() {
  ++frames_;
  if (screen_ == Screen::kLoading && StorageReady()) Start();
  TickAppraisalAutosave();
  TickMyAppraisal();
  TickCompetencyAutosave();
  DrawTopBar(*this);
  switch (screen_) {
    case Screen::kLoading: ImGui::TextUnformatted(T("loading")); break;
    case Screen::kLogin: DrawLoginScreen(*this); break;
    case Screen::kRoster: DrawRosterScreen(*this); break;
    case Screen::kNote: DrawNoteScreen(*this); break;
    case Screen::kKioskSetup: DrawKioskSetupScreen(*this); break;
    case Screen::kKiosk: DrawKioskScreen(*this); break;
    case Screen::kAppraise: DrawAppraiseScreen(*this); break;
    case Screen::kSync: DrawSyncScreen(*this); break;
    case Screen::kMyAppraisal: DrawMyAppraisalScreen(*this); break;
    case Screen::kCompetency: DrawCompetencyScreen(*this); break;
    case Screen::kQueue: DrawQueueScreen(*this); break;
    case Screen::kTraining: DrawTrainingScreen(*this); break;
    case Screen::kHrHome: DrawHrHomeScreen(*this); break;
    case Screen::kHrReport: DrawHrReportScreen(*this); break;
    case Screen::kObjections: DrawObjectionsScreen(*this); break;
  }
  if (first_interactive_ms_ == 0 && screen_ != Screen::kLoading) {
    first_interactive_ms_ = NowSeconds() * 1000;  // since navigation start (performance.now)
  }
  PublishTestState();
}

void App::Login(const std::string& username, const std::string& password) {
  if (busy_ || !store_) return;
  auto device = store_->DeviceId();
  if (!device.ok()) return SetMessage(device.status().ToString(), true);
  FlushStorage();
  wire::LoginRequest req{username, password, *device, "browser"};
  busy_ = true;
  SetMessage("", false);
  HttpRequest("POST", "/api/v1/login", wire::ToJson(req).dump(), "", [this](const HttpResult& r) {
    busy_ = false;
    if (r.status == 0) return SetMessage(T("offline_try_later"), true);
    auto j = ParseJson(r.body);
    if (!j.ok()) return SetMessage("HTTP " + std::to_string(r.status), true);
    if (r.status == 503 && j->is_object() && (*j)["error"].is_object() &&
        (*j)["error"].value("code", "") == "busy") {
      // The server's password queue is full: it names when to come back (at least 1 s).
      const Json& after = (*j)["error"]["retry_after_seconds"];
      const int seconds = after.is_number_integer() ? std::max(1, after.get<int>()) : 1;
      return SetMessage(Tf("login_busy", seconds), true);
    }
    if (r.status != 200) {
      char buf[512];
      std::snprintf(buf, sizeof buf, T("login_failed"),
                    wire::StatusFromErrorJson(*j).message().c_str());
      return SetMessage(buf, true);
    }
    auto s = wire::SessionFromJson(*j);
    if (!s.ok()) return SetMessage(s.status().ToString(), true);
    // Another user on this tablet: start from a clean local store (only when nothing is pending).
    auto prev = store_->LoadSession();
    if (prev.ok() && prev->has_value() && (*prev)->user_id != s->user_id) {
      Status wiped = store_->Logout(/*wipe_data=*/true, /*force=*/false);
      if (!wiped.ok()) return SetMessage(wiped.message(), true);
    }
    if (Status st = store_->SaveSession(*s); !st.ok()) return SetMessage(st.ToString(), true);
    FlushStorage();
    session_ = *s;
    LoadKiosk();
    screen_ = HomeScreen();
    if (IsHrSession()) {
      // The city's tree from the server now; the device's own once the pull has brought it.
      hr_pulled_ = false;
      LoadHrWorkspace();
      FetchHrSummary();
    }
    StartSync();  // fetch the roster right away
  });
}

void App::Logout(bool discard_unsynced) {
  if (!store_ || kiosk_.active) return;
  if (appraisal_draft_.dirty()) SaveAppraisal();
  if (my_.dirty) SaveSelfAssessment();
  if (competency_draft_.dirty()) SaveCompetency();
  Status s = store_->Logout(/*wipe_data=*/true, /*force=*/discard_unsynced);
  if (!s.ok()) {
    logout_blocked_ = true;
    return;
  }
  logout_blocked_ = false;
  // Reports fetched by HR hold the city's data: they leave with the session.
  for (const char* key :
       {"kiosk_unit", "kiosk_unit_path", "kiosk_service", kHrReportCacheKey, kHrSummaryCacheKey}) {
    MetaDelete(key);
  }
  hr_report_ = HrReportScreen{};
  FlushStorage();
  session_.reset();
  kiosk_units_.clear();
  screen_ = Screen::kLogin;
  my_ = MyAppraisal{};
  last_sync_.clear();
  Refresh();
}

void App::StartSync() {
  if (busy_ || !store_ || !session_) return;
  if (appraisal_draft_.dirty()) SaveAppraisal();  // the draft on screen goes out with this sync
  if (my_.dirty) SaveSelfAssessment();
  if (competency_draft_.dirty()) SaveCompetency();
  busy_ = true;
  // A session in its last week is refreshed first (engine/sync/session_refresh.h), so the
  // tablet never needs its password again while it syncs at least weekly.
  SyncSession::Options options;
  options.now = NowUnixSeconds();
  sync_ = std::make_unique<SyncSession>(*store_, session_->token, options);
  progress_ = sync_->progress();
  SetMessage(T("syncing"), false);
  SyncStep();
}

void App::SyncStep() {
  auto call = sync_->Next();
  progress_ = sync_->progress();
  if (!call) return FinishSync();
  HttpRequest(call->method, call->path, call->body, call->token, [this](const HttpResult& r) {
    if (!sync_) return;
    // Acks and set-aside changes are persisted at once; pulled pages when the sync ends.
    if (sync_->Deliver({r.status, r.body})) FlushStorage();
    if (sync_->refreshed() && session_ && session_->token != sync_->token()) {
      // The old token stopped working: everything else the app sends uses the new session.
      auto fresh = store_->LoadSession();
      if (fresh.ok() && fresh->has_value()) session_ = **fresh;
    }
    SyncStep();
  });
}

void App::FinishSync() {
  std::unique_ptr<SyncSession> ended = std::move(sync_);
  busy_ = false;
  progress_ = ended->progress();
  FlushStorage();  // whatever the pull stored, also when it ended early
  if (ended->outcome() == SyncOutcome::kOk) hr_pulled_ = true;
  Refresh();
  if (session_) LoadKiosk();  // units may have arrived
  if (screen_ == Screen::kQueue) LoadQueue();  // other officers' tickets may have arrived
  if (screen_ == Screen::kTraining) OpenTraining(training_.period);  // assessments may have arrived
  RequestStorageEstimate();
  switch (ended->outcome()) {
    case SyncOutcome::kOk:
    case SyncOutcome::kRunning: break;
    case SyncOutcome::kOffline: return SetMessage(T("sync_offline"), true);
    case SyncOutcome::kSessionExpired: return SetMessage(T("session_expired"), true);
    case SyncOutcome::kPushRefused: {
      char buf[512];
      std::snprintf(buf, sizeof buf, T("sync_rejected"), ended->message().c_str());
      return SetMessage(buf, true);
    }
    case SyncOutcome::kPullRefused:
    case SyncOutcome::kBadAnswer:
    case SyncOutcome::kStoreError: return SetMessage(ended->message(), true);
  }
  last_sync_ = IsoUtc(NowUnixSeconds());
  MetaSet("last_sync", last_sync_);
  FlushStorage();
  if (ended->set_aside() > 0) {
    return SetMessage(Tf("sync_set_aside", static_cast<int>(ended->set_aside())), true);
  }
  if (!conflicts_.empty()) {
    return SetMessage(Tf("sync_conflicts", static_cast<int>(conflicts_.size())), true);
  }
  SetMessage(Tf("sync_ok", static_cast<int>(ended->sent()), static_cast<int>(ended->received())),
             false);
}

void App::OpenEmployee(const std::string& employee_id) {
  open_employee_ = employee_id;
  // Loads the notes once, not every frame. Not Refresh(): the roster screen is iterating the
  // roster while it calls this.
  LoadOpenNotes();
  screen_ = Screen::kNote;
  SetMessage("", false);
}

void App::Back() {
  if (screen_ == Screen::kHrReport) {
    if (!HrReportUp()) OpenHrHome();
    return;
  }
  if (screen_ == Screen::kSync) {
    screen_ = session_ ? before_sync_screen_ : Screen::kLogin;
    SetMessage("", false);
    return;
  }
  if (screen_ == Screen::kAppraise) {
    if (appraisal_draft_.dirty() && !SaveAppraisal())
      return;  // never leave an unsaved draft behind
    screen_ = Screen::kNote;
    SetMessage("", false);
    return;
  }
  if (screen_ == Screen::kCompetency) {
    if (competency_draft_.dirty() && !SaveCompetency())
      return;  // never leave an unsaved draft behind
    // An employee opened her own from her home screen; a supervisor from the employee's page.
    bool own = session_ && session_->role == wire::Role::kEmployee;
    screen_ = own ? HomeScreen() : Screen::kNote;
    SetMessage("", false);
    return;
  }
  // The queue log and training needs open from the first screen (an employee's is her own
  // appraisal, HR's the workspace, from which the roster opens too).
  screen_ = screen_ == Screen::kQueue || screen_ == Screen::kTraining || screen_ == Screen::kRoster ||
                    screen_ == Screen::kObjections
                ? HomeScreen()
                : Screen::kRoster;
  SetMessage("", false);
}

bool App::SaveNote(const std::string& text) {
  if (!store_ || open_employee_.empty()) return false;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    SetMessage(T("note_empty"), true);
    return false;
  }
  LocalStore::Edit edit{"", "appraisal_note", open_employee_, EmployeeUnitPath(open_employee_),
                        Json{{"employee_id", open_employee_}, {"text", text}}, {}};
  auto change = WriteEdit(edit, NowUnixSeconds());
  if (!change.ok()) return false;
  Refresh();
  SetMessage(T("note_saved"), false);
  return true;
}

void App::PublishTestState() {
  const char* names[] = {"loading", "login",    "roster", "note",         "kiosk_setup",
                         "kiosk",   "appraise", "sync",   "my_appraisal", "competency",
                         "queue",   "training", "hr_home", "hr_report", "objections"};
  Json j{{"screen", names[static_cast<int>(screen_)]},
         {"storage_ready", StorageReady()},
         {"flushes_pending", FlushesPending()},
         {"busy", busy_},
         {"pending", pending_},
         {"set_aside", set_aside_total_},
         {"persist", PersistState()},
         {"storage_usage", StorageUsageBytes()},
         {"roster", roster_.size()},
         {"user", session_ ? session_->username : ""},
         {"last_sync", last_sync_},
         {"message", message_},
         {"message_is_error", message_is_error_},
         {"lang", CurrentLang() == Lang::kId ? "id" : "en"},
         {"ui_zoom", ui_zoom_},
         {"text_input", ImGui::GetIO().WantTextInput},
         {"text_field", ActiveTextForTest()},
         {"frames", frames_},
         {"first_interactive_ms", first_interactive_ms_},
         {"save_commit_ms", save_commit_ms_},
         {"refresh_ms", refresh_ms_},
         {"flush_ms", LastFlushMs()}};
  if (screen_ == Screen::kRoster) {
    const auto& c = roster_view_.counts();
    j["roster_view"] = {{"shown", roster_view_.visible().size()},
                        {"query", roster_view_.query()},
                        {"filter_runs", roster_view_.filter_runs()},
                        {"scroll", roster_scroll_},
                        {"not_started", c[0]}, {"draft", c[1]}, {"submitted", c[2]},
                        {"signed_off", c[3]}};
  }
  if (screen_ == Screen::kNote) j["notes"] = open_notes_.size();
  Json by_kind = Json::object();
  for (const auto& k : pending_by_kind_) by_kind[k.kind] = k.count;
  j["pending_by_kind"] = by_kind;
  j["conflicts"] = conflicts_.size();
  j["progress"] = {{"phase", progress_.phase}, {"to_send", progress_.to_send},
                   {"sent", progress_.sent}, {"received", progress_.received},
                   {"fraction", progress_.Fraction()}};
  if (screen_ == Screen::kSync) {
    j["conflict_views"] = conflict_views_.size();
    Json aside = Json::array();
    for (const auto& c : set_aside_list_) {
      aside.push_back({{"kind", c.kind}, {"record_id", c.record_id}, {"code", c.code}, {"reason", c.reason}});
    }
    j["set_aside_list"] = aside;
    j["conflicts_loading"] = conflicts_loading_;
  }
  if (screen_ == Screen::kKioskSetup || screen_ == Screen::kKiosk) {
    int answered = 0;
    for (int a : survey_answers_) answered += a > 0 ? 1 : 0;
    Json units = Json::array();
    for (const auto& u : kiosk_units_) units.push_back(u.id);
    j["kiosk"] = {{"active", kiosk_.active}, {"unit", kiosk_.unit_id},
                  {"service", kiosk_.service}, {"units", units}, {"answered", answered},
                  {"submitted", kiosk_submitted_}, {"thanks", showing_thanks()}};
  }
  if (screen_ == Screen::kAppraise) {
    j["appraisal"] = {{"record_id", appraisal_.record_id},
                      {"employee_id", appraisal_.employee_id},
                      {"period", appraisal_.period},
                      {"status", appraisal_.status},
                      {"rows", appraisal_.rows.size()},
                      {"dirty", appraisal_draft_.dirty()},
                      {"saved_at", appraisal_draft_.saved_at()},
                      {"ok", appraisal_score_.ok},
                      {"predikat", appraisal_score_.predikat},
                      {"predikat_code", appraisal_score_.predikat_code},
                      {"rating_perilaku", appraisal_score_.rating_perilaku},
                      {"error", appraisal_score_.error},
                      {"not_scored", appraisal_score_.ok ? "" : NotScoredText(appraisal_score_)}};
  }
  PublishEmployeeViews(j);
  PublishCompetencyState(j);
  PublishTrainingState(j);
  PublishQueueState(j);
  PublishHrState(j);
  PublishHrReportState(j);
  PublishObjectionState(j);
  TestSetState(j.dump());
}

}  // namespace kinerja::web

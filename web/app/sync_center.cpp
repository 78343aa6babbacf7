// The Sync screen's actions (App): the conflicts fetched from the server and their
// resolution, the export of unsynced data, and the progress of a running sync.
#include <cstdio>

#include "engine/sync/ids.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"

namespace kinerja::web {

std::string App::EmployeeName(const std::string& employee_id) const {
  for (const auto& r : roster_) {
    if (r.id == employee_id) return r.body.value("name", employee_id);
  }
  return employee_id;
}

void App::OpenSyncScreen() {
  if (screen_ != Screen::kSync) before_sync_screen_ = screen_;
  if (screen_ == Screen::kAppraise && appraisal_draft_.dirty()) SaveAppraisal();
  if (my_.dirty) SaveSelfAssessment();
  screen_ = Screen::kSync;
  Refresh();
  if (BrowserOnline() && session_) LoadConflicts();
}

namespace {

// Parses GET /api/v1/conflicts; the error names the first field that is wrong.
Result<std::vector<ConflictView>> ConflictsFromJson(const Json& j) {
  auto list = j.is_object() ? j.find("conflicts") : j.end();
  if (!j.is_object() || list == j.end() || !list->is_array()) {
    return Status::InvalidArgument("conflicts must be an array");
  }
  std::vector<ConflictView> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    std::string where = "conflicts[" + std::to_string(i) + "]";
    if (!item.is_object() || !item.contains("record") || !item.contains("kept") ||
        !item["kept"].is_array()) {
      return Status::InvalidArgument(where + " must hold a record and its kept edits");
    }
    auto rec = wire::RecordFromJson(item["record"], where + ".record");
    if (!rec.ok()) return rec.status();
    ConflictView v;
    v.record = std::move(rec).value();
    for (const auto& k : item["kept"]) {
      if (!k.is_object() || !k.contains("change_id") || !k["change_id"].is_string() ||
          !k.contains("body") || !k["body"].is_object()) {
        return Status::InvalidArgument(where + ".kept: each needs a change_id and a body");
      }
      ConflictView::Kept kept;
      kept.change_id = k["change_id"].get<std::string>();
      kept.body = k["body"];
      kept.base_version = k.value("base_version", int64_t{0});
      kept.user_id = k.value("user_id", "");
      kept.device_id = k.value("device_id", "");
      kept.received_at = k.value("received_at", "");
      v.kept.push_back(std::move(kept));
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

void App::LoadConflicts() {
  if (conflicts_loading_ || !session_) return;
  conflicts_loading_ = true;
  conflicts_error_.clear();
  HttpRequest("GET", "/api/v1/conflicts", "", session_->token, [this](const HttpResult& r) {
    conflicts_loading_ = false;
    if (r.status == 0) {
      conflicts_error_ = T("conflicts_offline");
      return;
    }
    auto j = ParseJson(r.body);
    if (!j.ok()) {
      conflicts_error_ = "HTTP " + std::to_string(r.status);
      return;
    }
    if (r.status != 200) {
      conflicts_error_ = wire::StatusFromErrorJson(*j).message();
      return;
    }
    auto views = ConflictsFromJson(*j);
    if (!views.ok()) {
      conflicts_error_ = views.status().message();
      return;
    }
    conflict_views_ = std::move(views).value();
  });
}

bool App::ResolveConflict(size_t index, int choice) {
  if (!store_ || index >= conflict_views_.size()) return false;
  const ConflictView& v = conflict_views_[index];
  if (choice < -1 || choice >= static_cast<int>(v.kept.size())) return false;
  auto local = store_->Get(v.record.id);
  if (!local.ok() || !local->has_value()) {
    SetMessage(T("conflict_sync_first"), true);
    return false;
  }
  if ((*local)->version != v.record.version) {
    // The device has not seen the server's latest version yet (or has unsent edits on it).
    SetMessage(T("conflict_sync_first"), true);
    return false;
  }
  LocalStore::Edit edit;
  edit.record_id = v.record.id;
  edit.kind = v.record.kind;
  edit.subject_id = v.record.subject_id;
  edit.unit_path = v.record.unit_path;
  edit.body = choice < 0 ? v.record.body : v.kept[static_cast<size_t>(choice)].body;
  for (const auto& k : v.kept) edit.resolves.push_back(k.change_id);
  auto change = WriteEdit(edit, NowUnixSeconds());
  if (!change.ok()) return false;
  conflict_views_.erase(conflict_views_.begin() + static_cast<std::ptrdiff_t>(index));
  Refresh();
  SetMessage(T("conflict_resolved"), false);
  if (BrowserOnline()) StartSync();
  return true;
}

void App::ExportUnsynced() {
  if (!store_) return;
  auto doc = store_->ExportUnsynced(NowUnixSeconds());
  if (!doc.ok()) return SetMessage(doc.status().ToString(), true);
  std::string stamp = IsoUtc(NowUnixSeconds());
  for (char& c : stamp) {
    if (c == ':') c = '-';
  }
  std::string user = session_ ? session_->username : "device";
  DownloadFile("kinerja-unsynced-" + user + "-" + stamp + ".json", "application/json",
               doc->dump(2));
  int changes = static_cast<int>((*doc)["push"]["changes"].size() + (*doc)["set_aside"].size());
  SetMessage(Tf("export_done", changes), false);
}

}  // namespace kinerja::web

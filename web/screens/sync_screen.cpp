// The Sync screen: what waits to be sent (per kind), a running sync's progress, the changes the
// server refused for good, the records in conflict side by side, and the export of unsynced
// data as a last resort.
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

const ImVec4 kWarn(0.85f, 0.35f, 0.1f, 1);

// The label of a record kind ("Catatan penilaian"); the kind itself when the catalogue lacks it.
std::string KindLabel(const std::string& kind) {
  std::string key = "kind_" + kind;
  return HasText(key.c_str()) ? T(key.c_str()) : kind;
}

// A JSON body as (path, value) lines: "skp.rhk[0].rating" -> "3". The server's own "result"
// is left out: it is recomputed from whichever version is chosen.
void Flatten(const Json& j, const std::string& path, std::vector<std::pair<std::string, std::string>>* out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (path.empty() && it.key() == "result") continue;
      Flatten(*it, path.empty() ? it.key() : path + "." + it.key(), out);
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) Flatten(j[i], path + "[" + std::to_string(i) + "]", out);
  } else {
    out->emplace_back(path, j.is_string() ? j.get<std::string>() : j.dump());
  }
}

const std::string* Find(const std::vector<std::pair<std::string, std::string>>& lines,
                        const std::string& path) {
  for (const auto& l : lines) {
    if (l.first == path) return &l.second;
  }
  return nullptr;
}

void DrawProgress(const App& app) {
  const SyncProgress& p = app.sync_progress();
  if (p.phase == SyncProgress::kIdle) return;
  float f = p.Fraction();
  std::string label = p.phase == SyncProgress::kSending
                          ? Tf("progress_sending", static_cast<int>(p.sent), static_cast<int>(p.to_send))
                          : Tf("progress_receiving", static_cast<int>(p.received));
  // An unknown end (an older server) shows a bar that moves back and forth.
  if (f < 0) f = 0.5f + 0.5f * static_cast<float>(std::sin(ImGui::GetTime() * 3.0));
  ImGui::ProgressBar(f, ImVec2(-1, 30), label.c_str());
  TestMarkItem("sync.progress");
}

void DrawConflict(App& app, size_t index) {
  const ConflictView& v = app.conflict_views()[index];
  ImGui::PushID(static_cast<int>(index));
  std::string subject = app.EmployeeName(v.record.subject_id);
  ImGui::Text("%s - %s (%s)", KindLabel(v.record.kind).c_str(), subject.c_str(), v.record.id.c_str());
  const int columns = 1 + static_cast<int>(v.kept.size());
  std::vector<std::vector<std::pair<std::string, std::string>>> lines(columns);
  Flatten(v.record.body, "", &lines[0]);
  for (size_t k = 0; k < v.kept.size(); ++k) Flatten(v.kept[k].body, "", &lines[k + 1]);
  std::vector<std::string> paths;  // every field of every version, in order of first appearance
  for (const auto& col : lines) {
    for (const auto& l : col) {
      bool seen = false;
      for (const auto& p : paths) seen = seen || p == l.first;
      if (!seen) paths.push_back(l.first);
    }
  }
  if (ImGui::BeginTable("versions", columns + 1,
                        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("conflict_field"), ImGuiTableColumnFlags_WidthStretch, 0.6f);
    char head[160];
    std::snprintf(head, sizeof head, T("conflict_stored"), static_cast<int>(v.record.version));
    ImGui::TableSetupColumn(head, ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (size_t k = 0; k < v.kept.size(); ++k) {
      // A device is known by the start of its id; the time says which edit came when.
      std::snprintf(head, sizeof head, T("conflict_kept"), v.kept[k].device_id.substr(0, 8).c_str(),
                    v.kept[k].received_at.c_str());
      ImGui::TableSetupColumn(head, ImGuiTableColumnFlags_WidthStretch, 1.0f);
    }
    ImGui::TableHeadersRow();
    for (const auto& path : paths) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextWrapped("%s", path.c_str());
      const std::string* base = Find(lines[0], path);
      for (int c = 0; c < columns; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        const std::string* value = Find(lines[static_cast<size_t>(c)], path);
        bool differs = c > 0 && (!value || !base || *value != *base);
        if (differs) {
          ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImVec4(1.0f, 0.85f, 0.5f, 1)));
        }
        ImGui::TextWrapped("%s", value ? value->c_str() : "-");
      }
    }
    // One "use this version" button under each version.
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("%s", T("conflict_choose"));
    for (int c = 0; c < columns; ++c) {
      ImGui::TableSetColumnIndex(c + 1);
      ImGui::PushID(c);
      if (ImGui::Button(T("conflict_use"), ImVec2(-1, 52))) {
        ImGui::PopID();
        ImGui::EndTable();
        ImGui::PopID();
        app.ResolveConflict(index, c - 1);
        return;
      }
      TestMarkItem(("conflict." + std::to_string(index) + ".use." + std::to_string(c)).c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::PopID();
}

}  // namespace

void DrawSyncScreen(App& app) {
  if (BackButton("sync.back")) {
    app.Back();
    return;
  }
  ImGui::SameLine();
  Heading(T("sync_heading"));
  ImGui::BeginChild("sync_body", ImVec2(0, 0), false);

  bool online = BrowserOnline();
  if (app.last_sync().empty()) {
    ImGui::TextUnformatted(T("never_synced"));
  } else {
    ImGui::Text(T("last_sync"), app.last_sync().c_str());
  }
  if (!online) ImGui::TextColored(kWarn, "%s", T("sync_offline_hint"));
  DrawProgress(app);
  ImGui::BeginDisabled(app.busy());
  if (ImGui::Button(app.busy() ? T("syncing") : T("sync_now"), ImVec2(260, 56))) app.StartSync();
  TestMarkItem("sync.now");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(T("export_unsynced"), ImVec2(360, 56))) app.ExportUnsynced();
  TestMarkItem("sync.export");
  ImGui::TextDisabled("%s", T("export_hint"));

  // What waits to be sent.
  ImGui::Separator();
  Heading(T("pending_heading"), 1.1f);
  if (app.pending_by_kind().empty()) {
    ImGui::TextUnformatted(T("all_sent"));
  } else {
    for (const auto& k : app.pending_by_kind()) {
      ImGui::BulletText("%s: %d", KindLabel(k.kind).c_str(), static_cast<int>(k.count));
    }
  }

  // Refused for good: kept on the device, with the server's reason.
  if (!app.set_aside_list().empty()) {
    ImGui::Separator();
    Heading(T("set_aside_heading"), 1.1f);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", T("set_aside_hint"));
    for (const auto& c : app.set_aside_list()) {
      ImGui::BulletText("%s (%s)", KindLabel(c.kind).c_str(), c.created_at.c_str());
      ImGui::Indent();
      ImGui::TextColored(kWarn, "%s", c.reason.c_str());
      ImGui::Unindent();
    }
    ImGui::PopTextWrapPos();
  }

  // Conflicts: both versions side by side, the user picks one.
  ImGui::Separator();
  Heading(T("conflicts_heading"), 1.1f);
  if (app.conflicts().empty() && app.conflict_views().empty()) {
    ImGui::TextUnformatted(T("no_conflicts"));
  } else {
    ImGui::PushTextWrapPos(0);
    ImGui::Text(T("conflicts_count"), static_cast<int>(app.conflicts().size()));
    ImGui::TextDisabled("%s", T("conflicts_hint"));
    ImGui::PopTextWrapPos();
    if (!online) {
      ImGui::TextColored(kWarn, "%s", T("conflicts_offline"));
    } else {
      ImGui::BeginDisabled(app.conflicts_loading());
      if (ImGui::Button(T("conflicts_reload"), ImVec2(300, 48))) app.LoadConflicts();
      TestMarkItem("sync.conflicts_reload");
      ImGui::EndDisabled();
      if (app.conflicts_loading()) ImGui::TextDisabled("%s", T("loading"));
    }
    if (!app.conflicts_error().empty()) ImGui::TextColored(kWarn, "%s", app.conflicts_error().c_str());
    for (size_t i = 0; i < app.conflict_views().size(); ++i) DrawConflict(app, i);
  }
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace kinerja::web

// Antrean (queue log) at a service counter: one large button takes the next ticket number;
// each of the officer's open tickets has a large Panggil (call) or Selesai (finished) button.
// Today's waiting and service time (median, p90) and the share within the unit's service
// standard are the engine's queue metrics over the day's finished tickets.
#include <cstdio>
#include <string>

#include "engine/sync/ids.h"
#include "imgui.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"
#include "web/screens/screens.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {
namespace {

// "HH:MM" in WIB for an epoch-seconds instant.
std::string WibClock(int64_t t) { return IsoUtc(t + 7 * 3600).substr(11, 5); }

void DrawStats(App& app) {
  const QueueDay& d = app.queue_day();
  const QueueMetrics& m = d.metrics;
  ImGui::Text(T("queue_counts"), static_cast<int>(d.waiting), static_cast<int>(d.serving),
              static_cast<int>(d.finished));
  if (m.served == 0) {
    ImGui::TextDisabled("%s", T("queue_no_finished"));
    return;
  }
  ImGui::Text(T("queue_wait"), m.wait.median / 60, m.wait.p90 / 60);
  TestMarkItem("queue.wait");
  ImGui::Text(T("queue_service"), m.service.median / 60, m.service.p90 / 60);
  const QueueUnit& u = app.queue_unit();
  if (u.standard && u.standard->max_wait_minutes && m.wait_within_share()) {
    ImGui::Text(T("queue_wait_within"), *u.standard->max_wait_minutes,
                *m.wait_within_share() * 100);
  }
  if (u.standard && u.standard->max_total_minutes && m.total_within_share()) {
    ImGui::Text(T("queue_total_within"), *u.standard->max_total_minutes,
                *m.total_within_share() * 100);
  }
}

void DrawTicket(App& app, const QueueEntry& e, bool own) {
  const QueueTicket& t = e.ticket;
  std::string id = "queue.ticket" + std::to_string(t.ticket);
  ImGui::PushID(e.record_id.c_str());
  char line[160];
  std::snprintf(line, sizeof line, T("queue_ticket_line"), static_cast<int>(t.ticket),
                WibClock(t.issued).c_str());
  Heading(line, 1.2f);
  ImGui::SameLine();
  if (t.finished) {
    ImGui::TextDisabled(T("queue_done_at"), WibClock(*t.called).c_str(), WibClock(*t.finished).c_str());
  } else if (t.called) {
    ImGui::TextDisabled(T("queue_called_at"), WibClock(*t.called).c_str());
  } else {
    ImGui::TextDisabled("%s", T("queue_waiting"));
  }
  if (own && !t.finished) {
    ImGui::SameLine(ImGui::GetWindowWidth() - 240);
    if (!t.called) {
      if (ImGui::Button(T("queue_call"), ImVec2(220, 64))) app.CallTicket(e.record_id);
      TestMarkItem((id + ".call").c_str());
    } else {
      if (ImGui::Button(T("queue_finish"), ImVec2(220, 64))) app.FinishTicket(e.record_id);
      TestMarkItem((id + ".finish").c_str());
    }
  }
  ImGui::Separator();
  ImGui::PopID();
}

}  // namespace

void DrawQueueScreen(App& app) {
  if (BackButton("queue.back")) {
    app.Back();
    return;
  }
  ImGui::SameLine();
  ImGui::Text(T("queue_heading"), app.queue_unit().name.c_str());
  if (ImGui::Button(T("queue_take"), ImVec2(360, 80))) app.TakeTicket();
  TestMarkItem("queue.take");
  ImGui::SameLine();
  ImGui::BeginGroup();
  DrawStats(app);
  ImGui::EndGroup();
  ImGui::Separator();
  ImGui::BeginChild("tickets", ImVec2(0, 0), false);
  const std::string me = app.session() ? app.session()->employee_id : "";
  const auto& tickets = app.queue_tickets();
  // Open tickets first (oldest number first), then the finished ones.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < tickets.size(); ++i) {
      if (tickets[i].ticket.finished.has_value() != (pass == 1)) continue;
      DrawTicket(app, tickets[i], tickets[i].ticket.officer == me);
      if (app.queue_tickets().size() != tickets.size()) break;  // a tap reloaded the list
    }
  }
  ImGui::Dummy(ImVec2(0, 40));
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace kinerja::web

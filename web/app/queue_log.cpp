// The queue log: pure helpers (queue units in scope, the day's tickets, the next number) and the
// App actions that take, call and finish tickets through LocalStore::Write.
#include "web/app/queue_log.h"

#include <algorithm>

#include "engine/service/timestamp.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"

namespace kinerja::web {

std::vector<QueueUnit> QueueUnitsFor(const wire::Session& session,
                                     const std::vector<wire::Record>& unit_records) {
  std::vector<QueueUnit> out;
  if (session.role != wire::Role::kEmployee && session.role != wire::Role::kSupervisor) return out;
  for (const auto& r : unit_records) {
    if (r.kind != "unit" || !QueueLogEnabled(r.body)) continue;
    if (session.unit_path.compare(0, r.unit_path.size(), r.unit_path) != 0) continue;
    QueueUnit u;
    u.id = r.body.value("unit_id", "");
    u.name = r.body.value("name", u.id);
    u.unit_path = r.unit_path;
    auto standard = QueueStandard(r.body, u.id);
    if (standard.ok()) u.standard = *standard;
    out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(), [](const QueueUnit& a, const QueueUnit& b) {
    return a.unit_path.size() > b.unit_path.size();
  });
  return out;
}

std::vector<QueueEntry> TicketsOfDay(const std::vector<wire::Record>& records,
                                     const std::string& unit_id, int64_t wib_day) {
  std::vector<QueueEntry> out;
  for (const auto& r : records) {
    auto t = ParseQueueTicket(r.body, r.id);
    if (!t.ok() || t->unit_id != unit_id || WibDay(t->issued) != wib_day) continue;
    out.push_back({r.id, std::move(t).value()});
  }
  std::sort(out.begin(), out.end(), [](const QueueEntry& a, const QueueEntry& b) {
    return a.ticket.ticket != b.ticket.ticket ? a.ticket.ticket < b.ticket.ticket
                                              : a.record_id < b.record_id;
  });
  return out;
}

int64_t NextTicketNumber(const std::vector<QueueEntry>& tickets) {
  int64_t top = 0;
  for (const auto& e : tickets) top = std::max(top, e.ticket.ticket);
  return std::min(top + 1, kMaxTicketNumber);
}

// --- App actions -------------------------------------------------------------------------------

void App::LoadQueueUnits() {
  queue_units_.clear();
  if (!session_ || !store_) return;
  auto units = store_->List("unit");
  if (units.ok()) queue_units_ = QueueUnitsFor(*session_, *units);
}

void App::LoadQueue() {
  queue_tickets_.clear();
  if (!store_ || queue_unit_.id.empty()) return;
  int64_t today = WibDay(NowUnixSeconds());
  auto records = store_->List("queue_ticket");
  if (records.ok()) queue_tickets_ = TicketsOfDay(*records, queue_unit_.id, today);
  std::vector<QueueTicket> tickets;
  for (const auto& e : queue_tickets_) tickets.push_back(e.ticket);
  queue_day_ = SummariseQueueDay(tickets, today,
                                 queue_unit_.standard ? &*queue_unit_.standard : nullptr);
}

void App::OpenQueue() {
  if (queue_units_.empty()) return SetMessage(T("queue_not_enabled"), true);
  queue_unit_ = queue_units_.front();
  LoadQueue();
  screen_ = Screen::kQueue;
  SetMessage("", false);
}

bool App::WriteTicket(const std::string& record_id, const QueueTicket& t) {
  LocalStore::Edit edit{record_id, "queue_ticket", t.officer, session_->unit_path,
                        QueueTicketJson(t), {}};
  auto change = WriteEdit(edit, NowUnixSeconds());
  if (!change.ok()) return false;
  Refresh();
  LoadQueue();
  return true;
}

bool App::TakeTicket() {
  if (!store_ || !session_ || queue_unit_.id.empty()) return false;
  QueueTicket t;
  t.unit_id = queue_unit_.id;
  t.ticket = NextTicketNumber(queue_tickets_);
  t.issued = NowUnixSeconds();
  t.officer = session_->employee_id;
  if (!WriteTicket("", t)) return false;
  SetMessage(std::string(T("queue_taken")) + " " + std::to_string(t.ticket), false);
  return true;
}

bool App::CallTicket(const std::string& id) {
  const std::string record_id = id;  // the list is reloaded by the write
  for (const auto& e : queue_tickets_) {
    if (e.record_id != record_id || e.ticket.called || !session_ ||
        e.ticket.officer != session_->employee_id) {
      continue;
    }
    QueueTicket t = e.ticket;
    t.called = std::max(NowUnixSeconds(), t.issued);
    return WriteTicket(record_id, t);
  }
  return false;
}

bool App::FinishTicket(const std::string& id) {
  const std::string record_id = id;  // the list is reloaded by the write
  for (const auto& e : queue_tickets_) {
    if (e.record_id != record_id || !e.ticket.called || e.ticket.finished || !session_ ||
        e.ticket.officer != session_->employee_id) {
      continue;
    }
    QueueTicket t = e.ticket;
    t.finished = std::max(NowUnixSeconds(), *t.called);
    return WriteTicket(record_id, t);
  }
  return false;
}

void App::PublishQueueState(Json& j) const {
  if (screen_ != Screen::kQueue) return;
  const QueueMetrics& m = queue_day_.metrics;
  Json tickets = Json::array();
  for (const auto& e : queue_tickets_) {
    tickets.push_back({{"record_id", e.record_id}, {"ticket", e.ticket.ticket},
                       {"called", e.ticket.called.has_value()},
                       {"finished", e.ticket.finished.has_value()}});
  }
  auto share = [](std::optional<double> v) { return v ? Json(*v) : Json(); };
  j["queue"] = {{"unit", queue_unit_.id},
                {"tickets", tickets},
                {"waiting", queue_day_.waiting},
                {"serving", queue_day_.serving},
                {"finished", queue_day_.finished},
                {"wait_median_s", m.wait.median},
                {"wait_p90_s", m.wait.p90},
                {"service_median_s", m.service.median},
                {"service_p90_s", m.service.p90},
                {"wait_within_share", share(m.wait_within_share())},
                {"total_within_share", share(m.total_within_share())}};
}

}  // namespace kinerja::web

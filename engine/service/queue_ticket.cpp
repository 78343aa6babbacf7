#include "engine/service/queue_ticket.h"

#include <vector>

#include "engine/service/timestamp.h"
#include "engine/sync/ids.h"

namespace kinerja {
namespace {

Result<std::optional<int64_t>> OptTime(const Json& body, const char* key, const std::string& w) {
  KINERJA_ASSIGN_OR_RETURN(auto text, GetOptString(body, key, w));
  if (!text.has_value()) return std::optional<int64_t>();
  auto t = ParseIsoTimestamp(*text);
  if (!t.ok()) return Status::InvalidArgument(w + "." + key + ": " + t.status().message());
  return std::optional<int64_t>(*t);
}

}  // namespace

Result<QueueTicket> ParseQueueTicket(const Json& body, std::string_view where) {
  const std::string w(where);
  if (!body.is_object()) return Status::InvalidArgument(w + " must be a JSON object");
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      body, {"unit_id", "ticket", "issued_at", "called_at", "finished_at", "officer"}, w));
  QueueTicket t;
  KINERJA_ASSIGN_OR_RETURN(auto unit, GetString(body, "unit_id", w));
  t.unit_id = unit;
  KINERJA_ASSIGN_OR_RETURN(auto number, GetInt(body, "ticket", w));
  if (number < 1 || number > kMaxTicketNumber) {
    return Status::InvalidArgument(w + ".ticket must be 1-" + std::to_string(kMaxTicketNumber));
  }
  t.ticket = number;
  auto officer = GetString(body, "officer", w);
  if (!officer.ok()) return officer.status();
  t.officer = *officer;
  auto issued = OptTime(body, "issued_at", w);
  if (!issued.ok()) return issued.status();
  if (!issued->has_value()) return Status::InvalidArgument(w + ".issued_at is missing");
  t.issued = **issued;
  auto called = OptTime(body, "called_at", w);
  if (!called.ok()) return called.status();
  t.called = *called;
  auto finished = OptTime(body, "finished_at", w);
  if (!finished.ok()) return finished.status();
  t.finished = *finished;
  if (t.called && *t.called < t.issued) {
    return Status::InvalidArgument(w + ".called_at is before issued_at; times must be in order");
  }
  if (t.finished && !t.called) {
    return Status::InvalidArgument(w + ".finished_at is set but the ticket was never called");
  }
  if (t.finished && *t.finished < *t.called) {
    return Status::InvalidArgument(w + ".finished_at is before called_at; times must be in order");
  }
  return t;
}

Json QueueTicketJson(const QueueTicket& t) {
  Json j{{"unit_id", t.unit_id}, {"ticket", t.ticket}, {"issued_at", IsoUtc(t.issued)},
         {"officer", t.officer}};
  if (t.called) j["called_at"] = IsoUtc(*t.called);
  if (t.finished) j["finished_at"] = IsoUtc(*t.finished);
  return j;
}

Status CheckQueueTicketEdit(const QueueTicket& before, const QueueTicket& next,
                            std::string_view where) {
  const std::string w(where);
  auto same = [&](bool equal, const char* field) {
    return equal ? Status::Ok()
                 : Status::InvalidArgument(w + "." + field + " cannot change once the ticket exists");
  };
  KINERJA_RETURN_IF_ERROR(same(before.unit_id == next.unit_id, "unit_id"));
  KINERJA_RETURN_IF_ERROR(same(before.ticket == next.ticket, "ticket"));
  KINERJA_RETURN_IF_ERROR(same(before.officer == next.officer, "officer"));
  KINERJA_RETURN_IF_ERROR(same(before.issued == next.issued, "issued_at"));
  KINERJA_RETURN_IF_ERROR(same(!before.called || before.called == next.called, "called_at"));
  KINERJA_RETURN_IF_ERROR(same(!before.finished || before.finished == next.finished, "finished_at"));
  return Status::Ok();
}

bool QueueLogEnabled(const Json& unit_body) {
  auto it = unit_body.find("queue_log");
  return it != unit_body.end() && it->is_boolean() && it->get<bool>();
}

Result<std::optional<ServiceStandard>> QueueStandard(const Json& unit_body,
                                                     const std::string& unit_id) {
  auto it = unit_body.find("queue_standard");
  if (it == unit_body.end() || it->is_null()) return std::optional<ServiceStandard>();
  const std::string w = "unit " + unit_id + " queue_standard";
  if (!it->is_object()) return Status::InvalidArgument(w + " must be an object");
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(*it, {"max_wait_minutes", "max_total_minutes"}, w));
  ServiceStandard s;
  s.unit = unit_id;
  KINERJA_ASSIGN_OR_RETURN(auto wait, GetOptNumber(*it, "max_wait_minutes", w));
  KINERJA_ASSIGN_OR_RETURN(auto total, GetOptNumber(*it, "max_total_minutes", w));
  if ((wait && *wait <= 0) || (total && *total <= 0)) {
    return Status::InvalidArgument(w + " limits must be positive minutes");
  }
  s.max_wait_minutes = wait;
  s.max_total_minutes = total;
  return std::optional<ServiceStandard>(s);
}

QueueDay SummariseQueueDay(std::span<const QueueTicket> tickets, int64_t wib_day,
                           const ServiceStandard* standard) {
  QueueDay day;
  std::vector<ServiceTicket> done;
  for (const auto& t : tickets) {
    if (WibDay(t.issued) != wib_day) continue;
    if (t.finished) {
      ++day.finished;
      ServiceTicket s;
      s.id = std::to_string(t.ticket);
      s.unit = t.unit_id;
      s.officer = t.officer;
      s.issued = t.issued;
      s.called = t.called;
      s.finished = t.finished;
      done.push_back(std::move(s));
    } else if (t.called) {
      ++day.serving;
    } else {
      ++day.waiting;
    }
  }
  std::vector<ServiceStandard> standards;
  if (standard) standards.push_back(*standard);
  day.metrics = ComputeQueueMetrics(done, standards);
  return day;
}

}  // namespace kinerja

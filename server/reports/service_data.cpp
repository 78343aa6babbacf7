#include "server/reports/service_data.h"

#include <charconv>
#include <cstdio>

#include "engine/service/timestamp.h"


namespace kinerja::server::reports {

ServiceTicket ToServiceTicket(const QueueTicket& t, const std::string& record_id) {
  ServiceTicket s;
  s.id = record_id;
  s.unit = t.unit_id;
  s.officer = t.officer;
  s.issued = t.issued;
  s.called = t.called;
  s.finished = t.finished;
  return s;
}

std::optional<QueueTicket> TicketOf(const TicketRow& row) {
  QueueTicket t;
  if (row.unit_id.empty() || row.officer.empty()) return std::nullopt;
  if (row.ticket < 1 || row.ticket > kMaxTicketNumber) return std::nullopt;
  t.unit_id = row.unit_id;
  t.officer = row.officer;
  t.ticket = row.ticket;
  auto issued = ParseIsoTimestamp(row.issued_at);
  if (!issued.ok()) return std::nullopt;
  t.issued = *issued;
  for (auto [text, time] : {std::pair{&row.called_at, &t.called},
                            std::pair{&row.finished_at, &t.finished}}) {
    if (!text->has_value()) continue;
    auto parsed = ParseIsoTimestamp(**text);
    if (!parsed.ok()) return std::nullopt;
    *time = *parsed;
  }
  if (t.called && *t.called < t.issued) return std::nullopt;
  if (t.finished && (!t.called || *t.finished < *t.called)) return std::nullopt;
  return t;
}

std::optional<ServiceTicket> FinishedTicket(const TicketRow& row) {
  auto t = TicketOf(row);
  if (!t || !t->finished) return std::nullopt;
  return ToServiceTicket(*t, row.id);
}

std::optional<SurveyResponse> SurveyAnswers(const SkmScheme& scheme, const SurveyRow& row) {
  auto date = org::ParseDate(row.date);
  if (!date.ok()) return std::nullopt;
  return SurveyAnswersOn(scheme, row, *date);
}

std::optional<SurveyResponse> SurveyAnswersOn(const SkmScheme& scheme, const SurveyRow& row,
                                              const org::Date& date) {
  SurveyResponse s;
  bool readable = true;
  ForEachPair(row.answers, [&](std::string_view code, std::string_view value) {
    if (!readable || value.empty()) return;  // null: not answered
    int slot = FindUnsur(scheme, code);
    int v = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (slot < 0 || ec != std::errc() || end != value.data() + value.size()) {
      readable = false;
      return;
    }
    s.answers[static_cast<size_t>(slot)] = static_cast<uint8_t>(v);
  });
  if (!readable) return std::nullopt;
  s.period = date.year * 100 + date.month;
  return s;
}

std::string MonthKey(int32_t yyyymm) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yyyymm / 100, yyyymm % 100);
  return buf;
}

}  // namespace kinerja::server::reports

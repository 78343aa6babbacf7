#include "server/reports/service_data.h"

#include <cstdio>


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

std::optional<ServiceTicket> FinishedTicket(const Json& body, const std::string& record_id) {
  auto t = ParseQueueTicket(body, record_id);
  if (!t.ok() || !t->finished) return std::nullopt;
  return ToServiceTicket(*t, record_id);
}

std::optional<SurveyResponse> SurveyAnswers(const SkmScheme& scheme, const Json& body) {
  auto date = org::ParseDate(body.value("date", ""));
  if (!date.ok()) return std::nullopt;
  return SurveyAnswersOn(scheme, body, *date);
}

std::optional<SurveyResponse> SurveyAnswersOn(const SkmScheme& scheme, const Json& body,
                                              const org::Date& date) {
  SurveyResponse s;
  const Json answers = body.value("answers", Json::object());
  for (const auto& [code, v] : answers.items()) {
    if (v.is_null()) continue;
    int slot = FindUnsur(scheme, code);
    if (slot < 0 || !v.is_number_integer()) return std::nullopt;
    s.answers[static_cast<size_t>(slot)] = static_cast<uint8_t>(v.get<int>());
  }
  s.period = date.year * 100 + date.month;
  return s;
}

std::string MonthKey(int32_t yyyymm) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yyyymm / 100, yyyymm % 100);
  return buf;
}

}  // namespace kinerja::server::reports

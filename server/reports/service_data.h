#pragma once
// The public-service inputs several reports read the same way (service-time, satisfaction,
// unit-timeline; docs/reports.md): a stored queue ticket as the engine's ServiceTicket, a
// stored survey response as the engine's SurveyResponse.

#include <optional>
#include <string>

#include "engine/org/date.h"
#include "engine/service/queue_metrics.h"
#include "engine/service/queue_ticket.h"
#include "engine/survey/skm.h"
#include "server/store/report_rows.h"
#include "shared/json_util.h"

namespace kinerja::server::reports {

// A stored ticket's report row as the engine's ticket (engine/service/queue_ticket.h);
// nullopt when unreadable: no unit, officer or issue time, a time that is not ISO-8601, a
// number outside 1-kMaxTicketNumber, or times out of order (ParseQueueTicket's rules; the
// server checked them on push, so this only guards the report).
std::optional<QueueTicket> TicketOf(const TicketRow& row);
// A stored ticket as the engine's metrics take it (engine/service/queue_metrics.h), with the
// ticket's unit and officer.
ServiceTicket ToServiceTicket(const QueueTicket& t, const std::string& record_id);
// The same from a ticket's row; nullopt for an unreadable or unfinished ticket.
std::optional<ServiceTicket> FinishedTicket(const TicketRow& row);

// The answers of a survey response's row under `scheme`, with `period` = its date's YYYYMM;
// nullopt when the date or an answer is unreadable.
std::optional<SurveyResponse> SurveyAnswers(const SkmScheme& scheme, const SurveyRow& row);
// The same for a row whose `date` the caller has read already; nullopt for an unreadable
// answer (an unknown element or one that is not a whole number).
std::optional<SurveyResponse> SurveyAnswersOn(const SkmScheme& scheme, const SurveyRow& row,
                                              const org::Date& date);

// "YYYY-MM" of YYYYMM.
std::string MonthKey(int32_t yyyymm);

}  // namespace kinerja::server::reports

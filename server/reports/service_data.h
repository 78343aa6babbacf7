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
#include "shared/json_util.h"

namespace kinerja::server::reports {

// A stored ticket (engine/service/queue_ticket.h) as the engine's metrics take it
// (engine/service/queue_metrics.h), with the ticket's unit and officer.
ServiceTicket ToServiceTicket(const QueueTicket& t, const std::string& record_id);
// The same from a ticket's body; nullopt for an unreadable or unfinished ticket.
std::optional<ServiceTicket> FinishedTicket(const Json& body, const std::string& record_id);

// The answers of a survey response body under `scheme`, with `period` = its date's YYYYMM;
// nullopt when the date or an answer is unreadable.
std::optional<SurveyResponse> SurveyAnswers(const SkmScheme& scheme, const Json& body);
// The same for a body whose `date` the caller has read already; nullopt for an unreadable
// answer (an unknown element or one that is not a whole number).
std::optional<SurveyResponse> SurveyAnswersOn(const SkmScheme& scheme, const Json& body,
                                              const org::Date& date);

// "YYYY-MM" of YYYYMM.
std::string MonthKey(int32_t yyyymm);

}  // namespace kinerja::server::reports

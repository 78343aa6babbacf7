#pragma once
// The public-service inputs several reports read the same way (service-time, satisfaction,
// unit-timeline; docs/reports.md): a stored queue ticket as the engine's ServiceTicket, a
// stored survey response as the engine's SurveyResponse.

#include <optional>
#include <string>

#include "engine/service/queue_metrics.h"
#include "engine/survey/skm.h"
#include "shared/json_util.h"

namespace kinerja::server::reports {

// A finished queue ticket's times for the engine (engine/service/queue_metrics.h), with the
// ticket's unit; nullopt for an unreadable or unfinished ticket.
std::optional<ServiceTicket> FinishedTicket(const Json& body, const std::string& record_id);

// The answers of a survey response body under `scheme`, with `period` = its date's YYYYMM;
// nullopt when the date or an answer is unreadable.
std::optional<SurveyResponse> SurveyAnswers(const SkmScheme& scheme, const Json& body);

// "YYYY-MM" of YYYYMM.
std::string MonthKey(int32_t yyyymm);

}  // namespace kinerja::server::reports

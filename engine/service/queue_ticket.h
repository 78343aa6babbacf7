#pragma once
// The queue log as records carry it (docs/sync.md): an officer at a unit whose unit record
// enables it ({"queue_log": true}) takes a ticket number, taps when it is called and when it
// is finished; each ticket is one `queue_ticket` record edited at each step. The browser and
// the server read and check ticket bodies here; the day's waiting and service times come from
// the engine's queue metrics (queue_metrics.h), the same code as `kinerja service`.
//
// Ticket body: {"unit_id": "dpmptsp", "ticket": 12, "issued_at": "2026-11-29T01:02:03Z",
//               "called_at"?: "...", "finished_at"?: "...", "officer": "e-ani"}
// Unit body options: {"queue_log": true, "queue_standard": {"max_wait_minutes"?: 15,
//                     "max_total_minutes"?: 30}}

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/service/queue_metrics.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja {

inline constexpr int64_t kMaxTicketNumber = 99999;

struct QueueTicket {
  std::string unit_id;
  int64_t ticket = 0;
  int64_t issued = 0;  // epoch seconds
  std::optional<int64_t> called;
  std::optional<int64_t> finished;
  std::string officer;  // employee id of the officer who logged it
};

// Reads a ticket body. Fails with kInvalidArgument naming the field (under `where`) on unknown
// fields, wrong types, a ticket number outside 1-99999, an unreadable time, a finished ticket
// never called, or times out of order (called before issued, finished before called).
Result<QueueTicket> ParseQueueTicket(const Json& body, std::string_view where);
// The body for `t`; times as ISO-8601 UTC ("...Z"), absent ones left out.
Json QueueTicketJson(const QueueTicket& t);
// Checks that `next` only adds to `before`: same unit, number, officer and issue time, and a
// time once set never changes. kInvalidArgument naming the field otherwise.
Status CheckQueueTicketEdit(const QueueTicket& before, const QueueTicket& next,
                            std::string_view where);

// Whether a unit record's body enables the queue log.
bool QueueLogEnabled(const Json& unit_body);
// The unit's service standard from its body ("queue_standard"), nullopt when it has none.
// kInvalidArgument when present but malformed (a limit not a positive number).
Result<std::optional<ServiceStandard>> QueueStandard(const Json& unit_body,
                                                     const std::string& unit_id);

// One WIB day of a unit's queue: tickets waiting, being served and finished, and the engine's
// metrics over the finished ones (waiting and service time, share within the standard).
struct QueueDay {
  int64_t waiting = 0;   // issued, not called
  int64_t serving = 0;   // called, not finished
  int64_t finished = 0;
  QueueMetrics metrics;  // over the finished tickets
};
// Tickets of `wib_day` (WibDay of their issue time) only; `standard` may be null.
QueueDay SummariseQueueDay(std::span<const QueueTicket> tickets, int64_t wib_day,
                           const ServiceStandard* standard);

}  // namespace kinerja

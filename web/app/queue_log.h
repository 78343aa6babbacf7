#pragma once
// The queue log at a service counter (optional per unit): an officer takes a ticket number,
// taps when it is called and when it is finished; each ticket is a `queue_ticket` record
// (engine/service/queue_ticket.h) that syncs like every other. The day's waiting and service
// times and the share within the unit's standard come from the engine's queue metrics.
// These helpers are pure (no ImGui, no storage); the App actions live in queue_log.cpp.

#include <optional>
#include <string>
#include <vector>

#include "engine/service/queue_ticket.h"
#include "shared/wire/auth.h"
#include "shared/wire/sync.h"

namespace kinerja::web {

// A unit that keeps a queue log and the officer may log for.
struct QueueUnit {
  std::string id;  // "dpmptsp"
  std::string name;
  std::string unit_path;
  std::optional<ServiceStandard> standard;
};

// One ticket on the device with its record id.
struct QueueEntry {
  std::string record_id;
  QueueTicket ticket;
};

// The units among `unit_records` (kind "unit") that enable the queue log and lie on the way up
// from the session's unit (its own unit or an ancestor), nearest first. Only employees and
// supervisors log queues; for other roles the list is empty.
std::vector<QueueUnit> QueueUnitsFor(const wire::Session& session,
                                     const std::vector<wire::Record>& unit_records);

// The tickets of `unit_id` among `records` (kind "queue_ticket") issued on WIB day `wib_day`,
// by ticket number; records whose body does not read are left out.
std::vector<QueueEntry> TicketsOfDay(const std::vector<wire::Record>& records,
                                     const std::string& unit_id, int64_t wib_day);

// The next ticket number: one more than the highest of `tickets` (1 for the day's first).
int64_t NextTicketNumber(const std::vector<QueueEntry>& tickets);

}  // namespace kinerja::web

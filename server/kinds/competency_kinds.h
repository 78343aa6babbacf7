#pragma once
// The rules of the record kinds added for the field app's competency assessment and queue log
// (docs/sync.md). record_kinds.cpp lists them in its kinds table.

#include <optional>
#include <string>

#include "server/kinds/record_kinds.h"

namespace kinerja::server {

// `competency_assessment`: one employee's assessed competency levels for a period against
// their position's required levels (PermenPANRB 38/2017). Written by the employee's appraiser,
// HR or admin. The server takes the position from the employee record, scores with the engine
// and stores its own "position_id" and "result" (gaps, JPM), whatever the device sent. A draft
// may be incomplete; a submitted one must assess every required competency and is then locked.
Result<Accepted> CheckCompetencyAssessment(Database& db, const Principal& who,
                                           const wire::Change& c,
                                           const std::optional<StoredRecord>& existing,
                                           const std::string& where, PushContext& push);

// A `position` record body as HR loads it (`kinerja import positions`, the demo city): the
// position's required competency levels (PermenPANRB 38/2017) as the engine reads them
// (engine/competency/position_assessment.h), a "position_id" usable in a record id
// ("position.<position_id>") and the "unit_id" it is defined in: supervisors of that unit's
// subtree and of the units below it receive it. kInvalidArgument naming the field otherwise.
Status CheckPositionBody(const Json& body);

// `queue_ticket`: one queue ticket (engine/service/queue_ticket.h) logged by an officer
// (employee or supervisor) of a unit whose unit record enables the queue log, for that unit or
// one of its sub-units. Times must be in order and, once set, never change; the officer is the
// caller's own employee id. Stored in the officer's unit.
Result<Accepted> CheckQueueTicket(Database& db, const Principal& who, const wire::Change& c,
                                  const std::optional<StoredRecord>& existing,
                                  const std::string& where, PushContext& push);

}  // namespace kinerja::server

#include "engine/service/queue_ticket.h"
#include "server/kinds/competency_kinds.h"
#include "server/kinds/kind_checks.h"

namespace kinerja::server {

Result<Accepted> CheckQueueTicket(Database& db, const Principal& who, const wire::Change& c,
                                  const std::optional<StoredRecord>& existing,
                                  const std::string& where, PushContext& /*push*/) {
  // Officers at the counter log their own tickets; HR and admins read them. Enumerators only
  // collect survey responses (docs/sync.md).
  KINERJA_RETURN_IF_ERROR(
      kinds::RoleMayWrite(who, c.kind, where, {wire::Role::kEmployee, wire::Role::kSupervisor}));
  if (who.employee_id.empty()) {
    return Status::PermissionDenied(where + ": your account is not linked to an employee, so it "
                                    "cannot log queue tickets");
  }
  const std::string w = where + ".body";
  auto ticket = ParseQueueTicket(c.body, w);
  if (!ticket.ok()) return ticket.status();
  if (ticket->officer != who.employee_id) {
    return Status::PermissionDenied(w + ".officer must be your own employee id (" +
                                    who.employee_id + ")");
  }
  auto unit = kinds::UnitRecord(db, ticket->unit_id, where);
  if (!unit.ok()) return unit.status();
  // The officer works in the queue's unit or one of its sub-units.
  if (!kinds::StartsWith(who.unit_path, unit->unit_path)) {
    return Status::NotFound(where + ": unit " + ticket->unit_id + " is not in your scope");
  }
  if (!QueueLogEnabled(unit->body)) {
    return Status::InvalidArgument(w + ".unit_id: unit " + ticket->unit_id +
                                   " does not keep a queue log");
  }
  if (existing) {
    auto before = ParseQueueTicket(existing->body, "stored ticket");
    if (!before.ok()) return Status::Corruption(before.status().message());
    KINERJA_RETURN_IF_ERROR(CheckQueueTicketEdit(*before, *ticket, w));
  }
  return Accepted{who.unit_path, who.employee_id, QueueTicketJson(*ticket)};
}

}  // namespace kinerja::server

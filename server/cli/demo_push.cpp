#include "server/cli/demo_push.h"

#include <algorithm>
#include <iterator>

namespace kinerja::server {

wire::Change NewChange(std::string record_id, const char* kind, Json body) {
  wire::Change c;
  c.change_id = "c-" + record_id;
  c.record_id = std::move(record_id);
  c.kind = kind;
  c.body = std::move(body);
  return c;
}

Status PushAll(CentralStore& store, const Principal& who, std::vector<wire::Change> changes,
               int64_t now, int64_t* count) {
  for (size_t at = 0; at < changes.size(); at += wire::kMaxChangesPerPush) {
    wire::PushRequest req;
    req.device_id = who.device_id;
    const size_t end = std::min(changes.size(), at + wire::kMaxChangesPerPush);
    req.changes.assign(std::make_move_iterator(changes.begin() + static_cast<ptrdiff_t>(at)),
                       std::make_move_iterator(changes.begin() + static_cast<ptrdiff_t>(end)));
    std::string failed;
    auto r = store.Push(who, req, now, &failed);
    if (!r.ok()) return Status(r.status().code(), "push of " + failed + ": " + r.status().message());
    for (const auto& a : r->acks) {
      if (a.outcome != wire::Outcome::kApplied) {
        return Status::Internal("change " + a.change_id + " was not applied");
      }
    }
    if (count) *count += static_cast<int64_t>(r->acks.size());
  }
  return Status::Ok();
}

Principal EmployeePrincipal(const std::string& employee_id, const std::string& unit_path) {
  return Principal{"u-" + employee_id, employee_id, wire::Role::kEmployee, unit_path, employee_id,
                   "hp-" + employee_id};
}

}  // namespace kinerja::server

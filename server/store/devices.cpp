#include "server/store/central_store.h"

#include "engine/sync/ids.h"

namespace kinerja::server {

Result<Json> CentralStore::Devices(const Principal* who) {
  std::lock_guard<std::mutex> lock(mu_);
  bool all = !who || who->role == wire::Role::kAdmin || who->role == wire::Role::kHr;
  auto st = db_->Prepare(
      "SELECT d.id, u.username, d.label, d.first_seen, d.last_seen, d.revoked FROM devices d"
      " JOIN users u ON u.id=d.user_id WHERE ?1 OR d.user_id=?2 ORDER BY d.last_seen DESC");
  if (!st.ok()) return st.status();
  st->Bind(1, all ? 1 : 0).Bind(2, who ? who->user_id : std::string());
  Json out = Json::array();
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({{"device_id", st->ColumnText(0)}, {"username", st->ColumnText(1)},
                   {"label", st->ColumnText(2)}, {"first_seen", st->ColumnText(3)},
                   {"last_seen", st->ColumnText(4)}, {"revoked", st->ColumnInt(5) != 0}});
  }
  return Json{{"devices", out}};
}

Status CentralStore::RevokeDevice(const Principal* who, const std::string& device_id, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto owner = db_->Prepare("SELECT user_id FROM devices WHERE id=?");
  if (!owner.ok()) return owner.status();
  owner->Bind(1, device_id);
  auto row = owner->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("device " + device_id + " is not registered");
  if (who && who->role != wire::Role::kAdmin && owner->ColumnText(0) != who->user_id) {
    return Status::PermissionDenied("only an admin or the device's own user may revoke it");
  }
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  auto rev = db_->Prepare("UPDATE devices SET revoked=1 WHERE id=?");
  if (!rev.ok()) return rev.status();
  KINERJA_RETURN_IF_ERROR(rev->Bind(1, device_id).Run());
  auto del = db_->Prepare("DELETE FROM sessions WHERE device_id=?");
  if (!del.ok()) return del.status();
  KINERJA_RETURN_IF_ERROR(del->Bind(1, device_id).Run());
  KINERJA_RETURN_IF_ERROR(AuditWhileHeld(who, "device_revoked", "device " + device_id, now));
  Status s = tx.Commit();
  sessions_.Clear();
  return s;
}

}  // namespace kinerja::server

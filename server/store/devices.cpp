#include "server/store/central_store.h"

#include "engine/sync/ids.h"

namespace kinerja::server {

Result<Json> CentralStore::Devices(const Principal* who) {
  std::lock_guard<std::mutex> lock(mu_);
  bool all = !who || who->role == wire::Role::kAdmin || who->role == wire::Role::kHr;
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare(
          "SELECT d.id, u.username, d.label, d.first_seen, d.last_seen, d.revoked FROM devices d"
          " JOIN users u ON u.id=d.user_id WHERE ?1 OR d.user_id=?2 ORDER BY d.last_seen DESC"));
  st.Bind(1, all ? 1 : 0).Bind(2, who ? who->user_id : std::string());
  Json out = Json::array();
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    out.push_back({{"device_id", st.ColumnText(0)},
                   {"username", st.ColumnText(1)},
                   {"label", st.ColumnText(2)},
                   {"first_seen", st.ColumnText(3)},
                   {"last_seen", st.ColumnText(4)},
                   {"revoked", st.ColumnInt(5) != 0}});
  }
  return Json{{"devices", out}};
}

Status CentralStore::RevokeDevice(const Principal* who, const std::string& device_id, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  KINERJA_ASSIGN_OR_RETURN(auto owner, db_->Prepare("SELECT user_id FROM devices WHERE id=?"));
  owner.Bind(1, device_id);
  KINERJA_ASSIGN_OR_RETURN(auto row, owner.Step());
  if (!row) return Status::NotFound("device " + device_id + " is not registered");
  if (who && who->role != wire::Role::kAdmin && owner.ColumnText(0) != who->user_id) {
    return Status::PermissionDenied("only an admin or the device's own user may revoke it");
  }
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  KINERJA_ASSIGN_OR_RETURN(auto rev, db_->Prepare("UPDATE devices SET revoked=1 WHERE id=?"));
  KINERJA_RETURN_IF_ERROR(rev.Bind(1, device_id).Run());
  KINERJA_ASSIGN_OR_RETURN(auto del, db_->Prepare("DELETE FROM sessions WHERE device_id=?"));
  KINERJA_RETURN_IF_ERROR(del.Bind(1, device_id).Run());
  KINERJA_RETURN_IF_ERROR(AuditWhileHeld(who, "device_revoked", "device " + device_id, now));
  Status s = tx.Commit();
  sessions_.Clear();
  return s;
}

}  // namespace kinerja::server

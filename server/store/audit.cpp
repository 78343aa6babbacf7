#include "server/store/central_store.h"

#include "engine/sync/ids.h"

namespace kinerja::server {

Result<Json> CentralStore::AuditLog(int64_t since, int64_t limit) {
  std::lock_guard<std::mutex> lock(mu_);
  if (since < 0 || limit < 1 || limit > 1000) {
    return Status::InvalidArgument("since must be 0 or more and limit 1-1000");
  }
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare(
          "SELECT seq, at, user_id, device_id, action, detail FROM audit WHERE seq > ? ORDER BY seq"
          " LIMIT ?"));
  st.Bind(1, since).Bind(2, limit);
  Json entries = Json::array();
  int64_t cursor = since;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    cursor = st.ColumnInt(0);
    entries.push_back({{"seq", cursor},
                       {"at", st.ColumnText(1)},
                       {"user_id", st.ColumnText(2)},
                       {"device_id", st.ColumnText(3)},
                       {"action", st.ColumnText(4)},
                       {"detail", st.ColumnText(5)}});
  }
  return Json{{"entries", entries}, {"cursor", cursor}};
}

Status CentralStore::AuditWhileHeld(const Principal* who, const std::string& action,
                                 const std::string& detail, int64_t now) {
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare("INSERT INTO audit(at, user_id, device_id, action, detail) VALUES(?,?,?,?,?)"));
  return st.Bind(1, IsoUtc(now))
      .Bind(2, who ? who->user_id : std::string("system"))
      .Bind(3, who ? who->device_id : std::string(""))
      .Bind(4, action)
      .Bind(5, detail)
      .Run();
}

Status CentralStore::Audit(const Principal* who, const std::string& action,
                           const std::string& detail, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  return AuditWhileHeld(who, action, detail, now);
}

}  // namespace kinerja::server

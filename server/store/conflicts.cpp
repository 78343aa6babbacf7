#include "server/store/central_store.h"

#include "engine/sync/ids.h"
#include "server/store/record_rows.h"

namespace kinerja::server {

Result<Json> CentralStore::Conflicts(const Principal& who) {
  std::lock_guard<std::mutex> lock(mu_);
  KINERJA_ASSIGN_OR_RETURN(auto recs, db_->Prepare(kSelectRecords + " WHERE conflict=1 AND " +
                                                   ScopeSql(who) + " ORDER BY seq"));
  recs.Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
  auto kept = db_->Prepare(
      "SELECT k.change_id, k.base_version, k.body, c.user_id, c.device_id, c.received_at"
      " FROM conflicts k JOIN past_changes c ON c.change_id=k.change_id"
      " WHERE k.record_id=? AND k.resolved=0 ORDER BY c.received_at, k.change_id");
  if (!kept.ok()) return kept.status();
  Json out = Json::array();
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, recs.Step());
    if (!row) break;
    KINERJA_ASSIGN_OR_RETURN(auto rec, RecordFromRow(recs));
    const wire::Record& r = rec;
    Json losing = Json::array();
    kept->Reset();
    kept->Bind(1, r.id);
    for (;;) {
      KINERJA_ASSIGN_OR_RETURN(auto k, kept->Step());
      if (!k) break;
      auto kbody = ParseJson(kept->ColumnText(2));
      losing.push_back({{"change_id", kept->ColumnText(0)}, {"base_version", kept->ColumnInt(1)},
                        {"body", kbody.ok() ? *kbody : Json::object()},
                        {"user_id", kept->ColumnText(3)}, {"device_id", kept->ColumnText(4)},
                        {"received_at", kept->ColumnText(5)}});
    }
    out.push_back({{"record", wire::ToJson(r)}, {"kept", losing}});
  }
  return Json{{"conflicts", out}};
}

Result<Json> CentralStore::RefusedChanges() {
  std::lock_guard<std::mutex> lock(mu_);
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare(
          "SELECT change_id, record_id, kind, user_id, device_id, code, reason, body, received_at"
          " FROM refused_changes WHERE reviewed=0 ORDER BY received_at, change_id LIMIT 1000"));
  Json out = Json::array();
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (!row) break;
    auto body = ParseJson(st.ColumnText(7));
    out.push_back({{"change_id", st.ColumnText(0)},
                   {"record_id", st.ColumnText(1)},
                   {"kind", st.ColumnText(2)},
                   {"user_id", st.ColumnText(3)},
                   {"device_id", st.ColumnText(4)},
                   {"code", st.ColumnText(5)},
                   {"reason", st.ColumnText(6)},
                   {"body", body.ok() ? *body : Json()},
                   {"received_at", st.ColumnText(8)}});
  }
  return Json{{"refused", out}};
}

}  // namespace kinerja::server

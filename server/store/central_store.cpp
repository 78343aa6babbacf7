#include "server/store/central_store.h"

#include "engine/sync/ids.h"

namespace kinerja::server {

Result<std::unique_ptr<CentralStore>> CentralStore::Open(const std::string& path) {
  return Open(path, kReadConnections);
}

Result<std::unique_ptr<CentralStore>> CentralStore::Open(const std::string& path,
                                                         int read_connections) {
  KINERJA_ASSIGN_OR_RETURN(auto db, Database::Open(path));
  std::unique_ptr<CentralStore> store(new CentralStore(std::move(db)));
  if (path != ":memory:") {
    KINERJA_RETURN_IF_ERROR(store->db_->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
    // Every batch of a group commit runs in a savepoint, whose undo journal SQLite writes to
    // a temporary file unless told otherwise; and a group's dirty pages outgrow the default
    // 2 MB page cache, which then spills them to the log before the commit. Both were most
    // of the writer's time in a profile of the back-to-back load. Keep both in memory, but
    // not more cache than a group needs: every page the cache grows by is fresh memory the
    // kernel must fault in, and at 64 MB that made ingest a third slower than at 8 MB
    // (docs/performance.md).
    KINERJA_RETURN_IF_ERROR(store->db_->Exec("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8192;"));
    // Checkpoints run on their own thread (server/store/checkpointer.h), not inside a push.
    KINERJA_RETURN_IF_ERROR(store->db_->Exec("PRAGMA wal_autocheckpoint=" +
                                             std::to_string(Checkpointer::kBackstopPages)));
  }
  KINERJA_RETURN_IF_ERROR(store->Migrate());
  if (path != ":memory:" && read_connections > 0) {
    KINERJA_ASSIGN_OR_RETURN(auto readers, ReadPool::Open(path, read_connections));
    store->readers_ = std::move(readers);
  }
  if (path != ":memory:") {
    KINERJA_ASSIGN_OR_RETURN(auto checkpointer, Checkpointer::Start(path));
    store->checkpointer_ = std::move(checkpointer);
  }
  return store;
}

Result<std::string> CentralStore::UnitPath(const std::string& unit_id) {
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("SELECT path FROM units WHERE id=?"));
  st.Bind(1, unit_id);
  KINERJA_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("unit " + unit_id + " does not exist");
  return st.ColumnText(0);
}

Result<int64_t> CentralStore::NextSeq() {
  KINERJA_ASSIGN_OR_RETURN(
      auto st, db_->Cached("UPDATE counters SET value=value+1 WHERE name='seq' RETURNING value"));
  KINERJA_ASSIGN_OR_RETURN(auto row, (st)->Step());
  if (!row) return Status::Corruption("the seq counter is missing");
  int64_t v = (st)->ColumnInt(0);
  (st)->Reset();  // finish the statement so the update is complete
  return v;
}

Result<int64_t> CentralStore::CountRecords(const std::string& kind) {
  std::lock_guard<std::mutex> lock(mu_);
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("SELECT count(*) FROM records WHERE kind=?"));
  st.Bind(1, kind);
  KINERJA_RETURN_IF_ERROR(st.Step().status());
  return st.ColumnInt(0);
}

}  // namespace kinerja::server

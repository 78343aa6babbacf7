#include "server/store/central_store.h"

#include <sqlite3.h>

namespace kinerja::server {

Status CentralStore::Backup(const std::string& dest_path) {
  std::lock_guard<std::mutex> lock(mu_);
  sqlite3* dest = nullptr;
  if (sqlite3_open(dest_path.c_str(), &dest) != SQLITE_OK) {
    std::string msg = "cannot open backup file " + dest_path;
    sqlite3_close(dest);
    return Status::Io(msg);
  }
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_->raw(), "main");
  if (!b) {
    std::string msg = std::string("backup failed: ") + sqlite3_errmsg(dest);
    sqlite3_close(dest);
    return Status::Io(msg);
  }
  sqlite3_backup_step(b, -1);
  int rc = sqlite3_backup_finish(b);
  sqlite3_close(dest);
  if (rc != SQLITE_OK) return Status::Io("backup failed: " + std::string(sqlite3_errstr(rc)));
  return Status::Ok();
}

}  // namespace kinerja::server

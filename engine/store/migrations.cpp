#include "engine/store/migrations.h"

namespace kinerja {

MigrationStep SqlStep(int64_t version, const char* what, const char* sql) {
  return {version, what, [sql](Database& db) { return db.Exec(sql); }};
}

Status Migrate(Database& db, const std::vector<MigrationStep>& steps,
               const std::function<std::string(int64_t found, int64_t latest)>& too_new) {
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].version != static_cast<int64_t>(i) + 1) {
      return Status::Internal("migration step " + std::to_string(i + 1) + " is numbered " +
                              std::to_string(steps[i].version));
    }
  }
  const int64_t latest = static_cast<int64_t>(steps.size());
  KINERJA_ASSIGN_OR_RETURN(const int64_t found, db.UserVersion());
  if (found > latest) return Status::Corruption(too_new(found, latest));
  for (int64_t version = found + 1; version <= latest; ++version) {
    const MigrationStep& step = steps[version - 1];
    Transaction tx(db);
    Status s = tx.status();
    if (s.ok()) s = step.run(db);
    if (s.ok()) s = db.SetUserVersion(version);
    if (s.ok()) s = tx.Commit();
    if (!s.ok()) {
      return Status(s.code(), "schema migration to version " + std::to_string(version) + " (" +
                                  step.what + ") failed: " + s.message());
    }
  }
  return Status::Ok();
}

}  // namespace kinerja

#pragma once
// Schema migrations for a store on one SQLite database, versioned by its user_version pragma.
// A store lists its steps once, in order, each saying what its version added; Migrate brings
// a database of any earlier version up to the last step. Used by the tablet's local store
// (engine/sync/local_store.cpp) and the server's central store (server/store/schema.cpp).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/store/db.h"
#include "shared/result.h"

namespace kinerja {

// One schema version: what `run` changes takes a database from version-1 to `version`.
// Add steps, never edit one that has shipped: databases in the field already ran it.
struct MigrationStep {
  int64_t version = 0;
  const char* what = "";                          // for messages and the reader of the list
  std::function<Status(Database&)> run;
};

// A step that runs `sql` (one or more statements).
MigrationStep SqlStep(int64_t version, const char* what, const char* sql);

// Runs every step above the database's user_version, in order, each in its own transaction
// that also sets user_version to the step's version, so a failed step leaves the database at
// the version before it. `steps` must be numbered 1, 2, 3, ... (kInternal otherwise). A
// database newer than the last step fails with kCorruption and `too_new(found, latest)` as
// its message; a failed step fails with its own code, the message naming its version.
Status Migrate(Database& db, const std::vector<MigrationStep>& steps,
               const std::function<std::string(int64_t found, int64_t latest)>& too_new);

}  // namespace kinerja

#pragma once
// What each kind of record may contain and who may write it. Every pushed change passes its
// kind's check before anything is written; the check derives the scope columns (never taken
// from the client) and may normalise the body (e.g. scores recomputed by the engine).

#include <optional>
#include <string>
#include <string_view>

#include "engine/store/db.h"
#include "server/central_store.h"
#include "shared/wire/sync.h"

namespace kinerja::server {

// A record as stored centrally (the parts the checks need).
struct StoredRecord {
  int64_t version = 0;
  std::string kind;
  std::string unit_path;
  std::string subject_id;
  std::string author_id;
  bool conflict = false;
  Json body;
};

// Loads record `id`; nullopt when absent, kCorruption when its body is unreadable.
Result<std::optional<StoredRecord>> LoadRecord(Database& db, const std::string& id);

// The server's view of an accepted change: scope columns and the body to store.
struct Accepted {
  std::string unit_path;
  std::string subject_id;
  Json body;
};

// Checks change `c` (at position `where` in its batch) by the rules of its kind, given the
// record as stored now (nullopt for a new record). Fails with kInvalidArgument (bad body or
// unknown kind), kPermissionDenied (role or not the appraiser), kNotFound (outside the
// caller's scope), or kLocked (a signed-off record).
Result<Accepted> CheckChange(Database& db, const Principal& who, const wire::Change& c,
                             const std::optional<StoredRecord>& existing, const std::string& where);

// The kinds a device may push, for messages: "appraisal_note, survey_response".
const char* PushableKinds();

}  // namespace kinerja::server

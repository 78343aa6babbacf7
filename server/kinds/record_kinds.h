#pragma once
// What each kind of record may contain and who may write it. Every pushed change passes its
// kind's check before anything is written; the check derives the scope columns (never taken
// from the client) and may normalise the body (e.g. scores recomputed by the engine).

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/store/db.h"
#include "server/store/central_store.h"
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
  std::string updated_at;  // ISO UTC: when the server stored this version
};

// Loads record `id`; nullopt when absent, kCorruption when its body is unreadable.
Result<std::optional<StoredRecord>> LoadRecord(Database& db, const std::string& id);

// Employee records read by the checks of one push, by id, each loaded once (a batch names the
// same few employees). Valid only inside that push's transaction: a push never writes
// employee records, so what it read cannot change under it. Not thread-safe.
class EmployeeCache {
 public:
  // Employee `id` as stored (nullopt when absent), loaded on first use. The pointer stays
  // valid for the life of the cache. kCorruption when its body is unreadable.
  Result<const std::optional<StoredRecord>*> Get(Database& db, const std::string& id);

 private:
  std::unordered_map<std::string, std::optional<StoredRecord>> by_id_;
};

// What the checks of one push share: the employee records they read (each loaded once) and
// the server's clock when the push is applied (the 14-day objection window counts on it, not
// on a device's clock).
struct PushContext {
  EmployeeCache employees;
  int64_t now = 0;  // unix seconds
};

// A record the server writes beside an accepted change, in the same transaction, as the next
// version of `id` (an upheld objection changes the appraisal it was about). Written only if
// the record is still at `base_version` when the change applies.
struct ServerWrite {
  std::string id;
  int64_t base_version = 0;
  Json body;
};

// The server's view of an accepted change: scope columns and the body to store.
struct Accepted {
  std::string unit_path;
  std::string subject_id;
  Json body;
  bool body_as_sent = false;  // store the change's own body (`body` is left empty: no copy)
  std::optional<ServerWrite> also = std::nullopt;
};

// Checks change `c` (at position `where` in its batch) by the rules of its kind, given the
// record as stored now (nullopt for a new record). Fails with kInvalidArgument (bad body or
// unknown kind), kPermissionDenied (role or not the appraiser), kNotFound (outside the
// caller's scope), or kLocked (a signed-off record). `push` is shared by the changes of one
// push.
Result<Accepted> CheckChange(Database& db, const Principal& who, const wire::Change& c,
                             const std::optional<StoredRecord>& existing, const std::string& where,
                             PushContext& push);

// The kinds a device may push, for messages: "appraisal_note, survey_response".
const char* PushableKinds();

}  // namespace kinerja::server

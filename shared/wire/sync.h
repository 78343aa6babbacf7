#pragma once
// The sync wire format (protocol version 1), shared by the browser's sync client and the
// server. A device creates records with its own ids, and sends every edit as a Change that
// names the version it was based on; the server acknowledges each change once and hands out
// records by a monotonically increasing cursor. docs/sync.md documents the JSON with examples.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja::wire {

inline constexpr int kProtocolVersion = 1;
inline constexpr size_t kMaxChangesPerPush = 500;
inline constexpr size_t kMaxBodyBytes = 64 * 1024;  // one change's body, serialised
inline constexpr int64_t kMaxPullLimit = 1000;

// One edit of one record. The body is the record's whole new content (not a patch).
struct Change {
  std::string change_id;   // client-generated, unique forever (UUID text)
  std::string record_id;   // client-generated for new records
  std::string kind;        // e.g. "appraisal_note"
  int64_t base_version = 0;  // the record version this edit was made on; 0 = new record
  Json body;
  std::string created_at;  // device clock, ISO-8601; informational only
  // Change ids of kept conflicting edits this change settles (a conflict resolution). The
  // change must be based on the record's current version.
  std::vector<std::string> resolves;
};
inline constexpr size_t kMaxResolves = 50;

struct PushRequest {
  std::string device_id;
  std::vector<Change> changes;
};

enum class Outcome { kApplied, kDuplicate, kConflict };
const char* OutcomeName(Outcome o);

struct ChangeAck {
  std::string change_id;
  Outcome outcome = Outcome::kApplied;
  int64_t version = 0;  // the record's version after this change (or the server's, on conflict)
};

struct PushResponse {
  std::vector<ChangeAck> acks;
};

// A record as the server holds it, in the caller's scope.
struct Record {
  std::string id;
  std::string kind;
  int64_t version = 0;
  std::string unit_path;   // "/pemkot/dpmptsp/pelayanan/": the organisation scope
  std::string subject_id;  // the employee the record is about (may be empty)
  std::string author_id;   // the user who wrote it last
  Json body;
  bool conflict = false;   // two edits from one base are waiting for a resolution
  int64_t seq = 0;         // the server cursor position of this version
  std::string updated_at;
};

struct PullResponse {
  std::vector<Record> records;
  int64_t cursor = 0;  // pass back as `since` on the next pull
  bool more = false;   // true when the limit cut the answer short
  // The server's newest sequence number when it answered (0: not sent, an older server).
  // Cursor and head give a device its progress through a long pull.
  int64_t head = 0;
};

// Codecs. The parsers validate everything (types, unknown fields, limits, id syntax) and name
// the offending field, e.g. "changes[3].base_version must be an integer, not string".
Json ToJson(const Change& c);
Json ToJson(const PushRequest& r);
Json ToJson(const PushResponse& r);
Json ToJson(const Record& r);
Json ToJson(const PullResponse& r);
// Reads one change of a push, its change_id first: an error about the change_id itself (or a
// change that is no object) says that the change cannot be named.
Result<Change> ChangeFromJson(const Json& j, std::string_view where);
// On an error about one change whose change_id is readable, `failed_change_id` (when given)
// receives that id; it is left as it is for an error about the envelope or an unnamed change.
Result<PushRequest> PushRequestFromJson(const Json& j, std::string* failed_change_id = nullptr);
Result<PushResponse> PushResponseFromJson(const Json& j);
Result<Record> RecordFromJson(const Json& j, std::string_view where);
Result<PullResponse> PullResponseFromJson(const Json& j);

// Ids are 1-64 characters of [A-Za-z0-9_.-]: safe in paths, logs and SQL LIKE patterns.
bool IsValidId(std::string_view id);

// The error body every endpoint returns: {"error": {"code": "...", "message": "..."}}.
Json ErrorJson(const Status& s);
// The same, naming the change that caused it (so a device can set that change aside).
Json ErrorJson(const Status& s, const std::string& change_id);
// Reads an error body back into a Status; kInternal when the body is not one.
Status StatusFromErrorJson(const Json& j);

}  // namespace kinerja::wire

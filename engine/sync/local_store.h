#pragma once
// The device's own store: the session, the records in the user's scope, and the outbox of
// edits not yet acknowledged by the server. In the browser the file lives on IndexedDB
// (IDBFS) and the web layer flushes it after every committed write; natively it is an
// ordinary SQLite file (tests, simulated devices).
//
// Versioning: a record's local version counts the edits made on it, acknowledged or not. An
// edit is queued with base_version = the local version before it, so the server can apply a
// device's edits in order and detect edits made by others from the same base.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/db.h"
#include "shared/result.h"
#include "shared/wire/auth.h"
#include "shared/wire/sync.h"

namespace kinerja {

class LocalStore {
 public:
  // Opens or creates the store at `path` (":memory:" for tests) and migrates its schema.
  // Fails with kIo or kCorruption.
  static Result<std::unique_ptr<LocalStore>> Open(const std::string& path);

  // This installation's device id, created on first use and kept forever.
  Result<std::string> DeviceId();

  // The logged-in session, kept so the app starts offline for the same user.
  Status SaveSession(const wire::Session& s);
  Result<std::optional<wire::Session>> LoadSession();
  // Forgets the session. With `wipe_data`, also drops records, outbox and cursor; refused with
  // kConflict while changes are pending unless `force` is set.
  Status Logout(bool wipe_data, bool force);

  // Records of one kind, newest first; `subject_id` filters when not empty.
  Result<std::vector<wire::Record>> List(std::string_view kind, std::string_view subject_id = {});
  Result<std::optional<wire::Record>> Get(std::string_view id);

  // Writes a local edit in one transaction: the record (created when `record_id` is empty or
  // unknown) and its queued Change. Returns the queued change.
  struct Edit {
    std::string record_id;  // empty: a new record
    std::string kind;
    std::string subject_id;
    std::string unit_path;
    Json body;
    std::vector<std::string> resolves;  // a conflict resolution: the kept edits it settles
    // A draft autosave: when the record's newest queued change has not been handed out for
    // sending yet (NextPush, ExportUnsynced), it takes this body instead of a new change
    // being queued (same change id and base version). Otherwise an ordinary write.
    bool replace_unsent = false;
  };
  Result<wire::Change> Write(const Edit& edit, int64_t now_unix);

  // Number of queued changes.
  Result<int64_t> PendingCount();
  // Queued changes per record kind, kinds in alphabetical order (for "2 notes, 1 appraisal").
  struct KindCount {
    std::string kind;
    int64_t count = 0;
  };
  Result<std::vector<KindCount>> PendingByKind();
  // Records the server has flagged as in conflict (two edits from one base), newest first.
  Result<std::vector<wire::Record>> ListConflicts();
  // Everything on this device that the server does not have yet, as one document the user can
  // save to a file when syncing is impossible (a broken tablet, no signal for weeks):
  //   {"format": "kinerja-unsynced", "version": 1, "exported_at", "device_id", "user",
  //    "push": <a push request of every queued change, oldest first>,
  //    "set_aside": [{"change_id", "record_id", "kind", "created_at", "code", "reason", "body"}]}
  // "push" is a valid POST /api/v1/sync/push body, so the changes can still be sent later.
  Result<Json> ExportUnsynced(int64_t now_unix);
  // The oldest queued changes, at most `limit`, as one push request. They are handed out:
  // a later write never replaces them (what was sent once is sent again unchanged).
  Result<wire::PushRequest> NextPush(size_t limit);
  // Drops every acknowledged change and records the server's versions; a conflict marks
  // the record. Changes the response does not mention stay queued. When a record's last
  // queued change is acknowledged and a pull skipped it meanwhile (an answer that was lost
  // and came back as a duplicate), the cursor moves back so the next pull brings it again.
  Status ApplyPushResponse(const wire::PushResponse& response);

  // Moves a queued change the server refused for good (its record is signed off, outside the
  // caller's scope, or the body is invalid) out of the outbox into the set-aside list, so
  // the rest can sync. The later queued changes of the same record go with it (they were
  // based on it, so the server could never take them): their code is the refused change's,
  // their reason "follows set-aside change <id>: <reason>". The record is then pulled again
  // from the server: its local version falls back to what the server acknowledged (plus the
  // earlier changes still queued), a record the server never had and with nothing else
  // queued is removed from the device (its body stays in the set-aside list), and the pull
  // cursor goes back so the server's copy arrives on the next pull. kNotFound if not queued.
  Status SetAside(const std::string& change_id, const Status& reason);
  struct SetAsideChange {
    std::string change_id, record_id, kind, created_at, code, reason;
    Json body;
  };
  // Changes set aside, oldest first: shown to the user and exportable, never silently lost.
  Result<std::vector<SetAsideChange>> ListSetAside();

  // The pull cursor (0 before the first pull).
  Result<int64_t> Cursor();
  // Stores pulled records (a record with queued local edits keeps its local body until they
  // are acknowledged) and advances the cursor, in one transaction.
  Status ApplyPull(const wire::PullResponse& response);

  // True when `record_id` has a change waiting in the outbox (not set aside).
  Result<bool> HasQueued(std::string_view record_id);
  // Number of records on the device, of every kind.
  Result<int64_t> RecordCount();
  // (subject id, body[field] as text) of every record of `kind` whose body[match_field] is
  // `match_value`, in one query; a missing field reads as "". Field names are plain keys.
  struct SubjectField {
    std::string subject_id, value;
  };
  Result<std::vector<SubjectField>> FieldOfKind(std::string_view kind, std::string_view field,
                                                std::string_view match_field,
                                                std::string_view match_value);

  // The device's own settings (key/value, e.g. "lang", "kiosk_unit"), kept with the store and
  // wiped only by deleting them. nullopt when `key` is not set.
  Result<std::optional<std::string>> GetMeta(std::string_view key);
  Status SetMeta(std::string_view key, std::string_view value);
  Status DeleteMeta(std::string_view key);

 private:
  explicit LocalStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Status Migrate();
  // After the last queued edit of `record_id` is acknowledged: if a pull passed over the
  // record while it had local edits, moves the cursor back before it so it is pulled again.
  Status RewindForSkippedRecord(const std::string& record_id);

  std::unique_ptr<Database> db_;
};

}  // namespace kinerja

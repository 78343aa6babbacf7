#pragma once
// The central store: one SQLite database (WAL) holding the organisation, accounts, sessions,
// every record in its latest version, every change ever accepted (the idempotency key), kept
// conflicts and the audit log. Schema migrations upgrade an existing file in place.
//
// Thread safety: every write takes the store's writer lock on its one writer connection.
// Pulls and token checks read through a pool of read connections (server/store/read_pool.h),
// each in a read transaction that sees committed data only, so they run beside a push;
// an in-memory store (":memory:", tests) has no read connections and reads on the writer.
// The data model is a keyed document store (records keyed by id with scope columns and a
// global sequence), so a distributed database can stand behind the same protocol later.
//
// This header is the store's whole contract. Its definitions are split by concern, one file
// each under server/store/, so another database (issue 15: PostgreSQL) can replace them part
// by part: schema.cpp (the schema and its version history), central_store.cpp (opening, the
// unit and seq helpers), accounts.cpp (units, users, employees, server records), sessions.cpp
// (login, tokens), devices.cpp, push.cpp (the change ledger), pull.cpp (pulls, report reads and
// the scope SQL), report_rows.cpp (what reports read, narrow), conflicts.cpp (kept conflicts, refused changes), templates.cpp, audit.cpp,
// backup.cpp. Every SQL string of the store lives in those files and in server/kinds/.
// Functions named ...WhileHeld run with the writer lock (mu_) already held by the caller.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/db.h"
#include "server/store/checkpointer.h"
#include "server/store/commit_group.h"
#include "server/store/lock_stats.h"
#include "server/auth/principal.h"
#include "server/store/read_pool.h"
#include "server/store/report_rows.h"
#include "server/store/session_cache.h"
#include "shared/result.h"
#include "shared/wire/auth.h"
#include "shared/wire/sync.h"

namespace kinerja::server {

struct UserSpec {
  std::string username;
  std::string password;
  std::string display_name;
  wire::Role role = wire::Role::kEmployee;
  std::string unit_id;
  std::string employee_id;  // optional
  std::string password_hash;  // optional: an encoded Argon2id hash used instead of `password`
};

struct EmployeeSpec {
  std::string id;
  std::string nip;
  std::string name;
  std::string position;
  std::string unit_id;
  std::string supervisor_id;  // optional
  std::string position_id;    // optional: a `position` record with the required competencies
  std::string pangkat_golongan = {};  // optional, e.g. "Penata Muda, III/a" (evaluation document)
};

class CentralStore {
 public:
  // Opens or creates the database at `path` and migrates it. Fails with kIo, kCorruption, or
  // when the file's schema is newer than this binary.
  static Result<std::unique_ptr<CentralStore>> Open(const std::string& path);
  // The same with `read_connections` read connections beside the writer (0: every read on
  // the writer under its lock, as an in-memory store does; benchmarks compare the two).
  static Result<std::unique_ptr<CentralStore>> Open(const std::string& path, int read_connections);
  // The schema version this binary writes (user_version after Open).
  static int64_t SchemaVersion();

  // Organisation and people (admin CLI, demo data, roster import).
  Status AddUnit(const std::string& id, const std::string& parent_id, const std::string& name,
                 const std::string& kind);
  Result<std::string> AddUser(const UserSpec& spec);  // returns the user id
  Status SetUserDisabled(const std::string& username, bool disabled);
  Status UpsertEmployee(const EmployeeSpec& e);
  // Reference data the server authors and devices only read (e.g. kind "position" with a
  // position's required competency levels, or a unit's options): record `id` in unit
  // `unit_id`'s scope, created at version 1 or replaced with the next version; true when it
  // was written, false when it is stored with this body and unit already (devices pull
  // nothing new). kNotFound for an unknown unit, kInvalidArgument for a bad id or a kind
  // devices push, kAlreadyExists when `id` is a record of another kind.
  Result<bool> PutServerRecord(const std::string& id, const std::string& kind,
                               const std::string& unit_id, const Json& body);
  Result<bool> IsEmpty();

  // Sessions. Login fails with kUnauthenticated for a wrong name or password (the same message
  // for both), kPermissionDenied for a disabled account or a revoked device.
  Result<wire::Session> Login(const wire::LoginRequest& req, int64_t now);
  // Resolves a bearer token; kUnauthenticated when unknown or expired. Answers from the
  // session cache when it can (see server/store/session_cache.h for how fresh that is).
  Result<Principal> Authenticate(const std::string& token, int64_t now);
  Status Logout(const std::string& token);
  // Trades a valid session for a new one of the full length (same user and device) in one
  // transaction, audited as session_refresh, with no password and so no Argon2id: devices
  // refresh before their session runs out instead of logging in again. The old token stops
  // working at once (also in the session cache). kUnauthenticated for an unknown or expired
  // token (a revoked device's or disabled account's sessions are gone: unknown),
  // kPermissionDenied for a disabled account or revoked device still holding one.
  Result<wire::Session> RefreshSession(const std::string& token, int64_t now);
  // The user `username` as a device of theirs is seen, without a session: for applying a
  // tablet's exported changes on its behalf (`kinerja import unsynced`). kNotFound for an
  // unknown user, kPermissionDenied for a disabled one. A revoked device is allowed: its file
  // reaching an admin is how a lost tablet's work is saved.
  Result<Principal> PrincipalOf(const std::string& username, const std::string& device_id);

  // Applies a batch atomically: every change is checked first (kind, scope, body); any
  // refusal rejects the whole batch and writes nothing. Batches pushed at the same time
  // may share one SQLite transaction (server/store/commit_group.h); each is acknowledged only
  // after that transaction has committed. A change id seen before is
  // acknowledged as a duplicate and stored once.
  // On failure, `failed_change_id` (if given) names the change that caused it. A change
  // refused because its record is locked (signed off) is also kept in refused_changes for
  // review before the error is returned. `body_texts`, when given, holds each change's body
  // as compact JSON text (wire::ReadPushRequest makes them): stored as they are, not made again.
  Result<wire::PushResponse> Push(const Principal& who, const wire::PushRequest& req, int64_t now,
                                  std::string* failed_change_id = nullptr,
                                  const std::vector<std::string>* body_texts = nullptr);

  // For reports: the records of `kind` in the caller's scope (what a pull would give them),
  // in seq order, read on a read connection beside the writer.
  Result<std::vector<wire::Record>> ScopedRecords(const Principal& who, const std::string& kind);
  // The same records' ids and unit paths alone (no body read): for counts per unit.
  Result<std::vector<std::pair<std::string, std::string>>> ScopedPaths(const Principal& who,
                                                                       const std::string& kind);
  // For reports of aggregates (survey answers a supervisor may not pull one by one): the
  // records of `kind` whose unit path starts with `unit_path` ("/" for all), in seq order.
  Result<std::vector<wire::Record>> RecordsUnder(const std::string& kind,
                                                 const std::string& unit_path);
  // For reports: the records named by `ids` whatever the caller's scope (reference data a
  // report needs: positions, units, employees' names), keyed by id; missing ones left out.
  Result<std::map<std::string, wire::Record>> RecordsById(const std::vector<std::string>& ids);
  // For reports: the records of `kind` about any employee of `subject_ids` (e.g. their
  // appraisals), whatever the caller's scope (the report decides who may read them), in seq
  // order; empty when there are none.
  Result<std::vector<wire::Record>> RecordsAbout(const std::string& kind,
                                                 const std::vector<std::string>& subject_ids);

  // For reports, the report rows (server/store/report_rows.h) of records in the caller's
  // scope (the records ScopedRecords would give), in seq order: appraisals (`kind`
  // "appraisal") or self-assessments ("self_assessment") of `period`.
  Result<std::vector<AppraisalRow>> AppraisalRows(const Principal& who, const std::string& kind,
                                                  const std::string& period);
  // Competency assessments of `period` or `other_period` ("" for none) in the caller's scope.
  Result<std::vector<CompetencyRow>> CompetencyRows(const Principal& who, const std::string& period,
                                                    const std::string& other_period);
  // Queue tickets in the caller's scope, and survey responses whose unit path starts with
  // `unit_path` ("/" for all; as RecordsUnder), each handed to `visit` in seq order, one row
  // object reused (a city holds 200,000 tickets: none is copied). `visit` runs inside the
  // store's read and must not call the store.
  Status EachTicketRow(const Principal& who, const std::function<void(const TicketRow&)>& visit);
  Status EachSurveyRowUnder(const std::string& unit_path,
                            const std::function<void(const SurveyRow&)>& visit);

  // Who may ask for conflicts, refused changes and the audit log is the API's to decide
  // (server/http/api.cpp); the store answers whoever calls.
  // Records in conflict within the caller's scope, each with its kept losing edits:
  // [{"record": {...}, "kept": [{"change_id", "base_version", "body", "user_id",
  // "device_id", "received_at"}]}].
  Result<Json> Conflicts(const Principal& who);
  // Edits refused for a reason a person must look at (e.g. of a signed-off appraisal), at most
  // 1000, oldest first: {"refused": [{change_id, record_id, kind, user_id, device_id, code,
  // reason, body, received_at}]}.
  Result<Json> RefusedChanges();
  // A city's own appraisal template (JSON text, validated by the engine). Ids are immutable:
  // a built-in id or an existing one is kAlreadyExists. Returns the template id.
  Result<std::string> AddTemplate(const std::string& text, const std::string& added_by, int64_t now);
  // The stored text of template `id`; nullopt when no such template is stored.
  Result<std::optional<std::string>> TemplateText(std::string_view id);
  // Lookup for callers that already hold the store's writer lock (the push path).
  static Result<std::optional<std::string>> TemplateTextWhileHeld(Database& db, std::string_view id);
  // Built-in and stored templates: {"templates": [{"id", "source", ...}]}.
  Result<Json> Templates();
  // Audit entries after `since`: {"entries": [...], "cursor": N}. kInvalidArgument unless
  // since >= 0 and limit is 1-1000.
  Result<Json> AuditLog(int64_t since, int64_t limit);
  // Devices: all for admin/HR, else the caller's own. Revoking ends the device's sessions
  // and refuses its future logins; only an admin or the device's own user may revoke.
  Result<Json> Devices(const Principal* who);
  Status RevokeDevice(const Principal* who, const std::string& device_id, int64_t now);
  // Records in the caller's scope with seq > since, oldest first, at most `limit`. With
  // `body_texts`, each record's body is handed back as its stored JSON text (checked to be
  // JSON, not parsed: the records' `body` stays null) for wire::PullResponseText.
  Result<wire::PullResponse> Pull(const Principal& who, int64_t since, int64_t limit,
                                  std::vector<std::string>* body_texts = nullptr);

  // Appends to the audit log.
  Status Audit(const Principal* who, const std::string& action, const std::string& detail,
               int64_t now);
  // Number of records of `kind` (all scopes): tests and diagnostics.
  Result<int64_t> CountRecords(const std::string& kind);
  // SQLite online backup into `dest_path`.
  Status Backup(const std::string& dest_path);
  // Wait and hold times of the writer lock and the read connections, per operation.
  const LockTimes& ConnectionTimes() const { return lock_times_; }
  // Read connections opened beside the writer (0 for ":memory:").
  static constexpr int kReadConnections = 8;

 private:
  explicit CentralStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Status Migrate();  // server/store/schema.cpp
  // The push's batch, in the group's transaction; `failed_index` names the change that failed.
  Result<wire::PushResponse> ApplyBatchWhileHeld(const Principal& who, const wire::PushRequest& req,
                                        const std::vector<std::string>* body_texts,
                                        int64_t now, size_t* failed_index);
  std::string ScopeSql(const Principal& who) const;
  // Both with the writer lock held: unit `unit_id`'s path (kNotFound), the next seq number.
  Result<std::string> UnitPath(const std::string& unit_id);
  Result<int64_t> NextSeq();
  // A server-authored record (unit, employee, position) written at the next seq inside the
  // caller's transaction: version 1, or one more than stored. With `only_if_changed` an
  // identical body and path write nothing and it returns false (the caller rolls back, so not
  // even the seq moves). kAlreadyExists when the id is taken by a record of another kind.
  Result<bool> PutRecordWhileHeld(const std::string& id, const std::string& kind,
                                  const std::string& unit_path, const std::string& subject_id,
                                  const Json& body, bool only_if_changed);
  Status AuditWhileHeld(const Principal* who, const std::string& action, const std::string& detail,
                     int64_t now);

  std::mutex mu_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ReadPool> readers_;  // null for ":memory:": reads use db_ under mu_
  LockTimes lock_times_;
  CommitGroup push_group_;  // concurrent pushes share a transaction (group commit)
  SessionCache sessions_;   // token checks without a read transaction each
  std::unique_ptr<Checkpointer> checkpointer_;  // null for ":memory:"; stops first
};

}  // namespace kinerja::server

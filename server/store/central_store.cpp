#include "server/central_store.h"

#include <sqlite3.h>

#include <iterator>

#include "engine/appraisal/builtin_templates.h"
#include "engine/appraisal/template.h"
#include "engine/sync/ids.h"
#include "server/auth.h"
#include "server/employee_kinds.h"
#include "server/kind_checks.h"
#include "server/record_kinds.h"

namespace kinerja::server {
namespace {

constexpr int64_t kSchemaVersion = 7;
constexpr int64_t kSessionSeconds = 30 * 24 * 3600;  // tablets stay offline for weeks

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE units(
  id TEXT PRIMARY KEY, parent_id TEXT REFERENCES units(id), name TEXT NOT NULL,
  kind TEXT NOT NULL, path TEXT NOT NULL UNIQUE);
CREATE TABLE users(
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
  display_name TEXT NOT NULL, role TEXT NOT NULL, unit_id TEXT NOT NULL REFERENCES units(id),
  employee_id TEXT NOT NULL DEFAULT '', disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL);
CREATE TABLE devices(
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), label TEXT NOT NULL,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
  device_id TEXT NOT NULL, created_at TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE records(
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, version INTEGER NOT NULL,
  unit_path TEXT NOT NULL, subject_id TEXT NOT NULL DEFAULT '',
  author_id TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,
  conflict INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX records_seq ON records(seq);
CREATE INDEX records_scope ON records(unit_path, kind);
CREATE TABLE changes(
  change_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, kind TEXT NOT NULL,
  device_id TEXT NOT NULL, user_id TEXT NOT NULL, base_version INTEGER NOT NULL,
  body TEXT NOT NULL, outcome TEXT NOT NULL, result_version INTEGER NOT NULL,
  created_at TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE INDEX changes_record ON changes(record_id);
CREATE TABLE conflicts(
  change_id TEXT PRIMARY KEY REFERENCES changes(change_id), record_id TEXT NOT NULL,
  base_version INTEGER NOT NULL, body TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0);
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id TEXT NOT NULL,
  device_id TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO counters(name, value) VALUES('seq', 0);
)sql";

// v2: changes refused for a reason a person must look at (an edit of a signed-off record),
// kept for review instead of dropped; conflicts found by record.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE refused_changes(
  change_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, kind TEXT NOT NULL,
  device_id TEXT NOT NULL, user_id TEXT NOT NULL, base_version INTEGER NOT NULL,
  body TEXT NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL, received_at TEXT NOT NULL,
  reviewed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX conflicts_record ON conflicts(record_id, resolved);
)sql";

// Records selected with the columns RecordFromRow reads, in its order; queries append their
// WHERE.
const std::string kSelectRecords =
    "SELECT id, kind, version, unit_path, subject_id, author_id, body, conflict, seq, updated_at"
    " FROM records";

// A record from a row selected as: id, kind, version, unit_path, subject_id, author_id, body,
// conflict, seq, updated_at. kCorruption when the stored body is unreadable. With
// `body_text`, the body is checked and handed back as text instead of parsed into `body`.
Result<wire::Record> RecordFromRow(const Statement& st, std::string* body_text = nullptr) {
  wire::Record r;
  r.id = st.ColumnText(0);
  r.kind = st.ColumnText(1);
  r.version = st.ColumnInt(2);
  r.unit_path = st.ColumnText(3);
  r.subject_id = st.ColumnText(4);
  r.author_id = st.ColumnText(5);
  if (body_text) {
    *body_text = st.ColumnText(6);
    if (!Json::accept(*body_text)) {
      return Status::Corruption("record " + r.id + " has an unreadable body");
    }
  } else {
    auto body = ParseJson(st.ColumnText(6));
    if (!body.ok()) return Status::Corruption("record " + r.id + " has an unreadable body");
    r.body = std::move(body).value();
  }
  r.conflict = st.ColumnInt(7) != 0;
  r.seq = st.ColumnInt(8);
  r.updated_at = st.ColumnText(9);
  return r;
}

}  // namespace

int64_t CentralStore::SchemaVersion() { return kSchemaVersion; }

Result<std::unique_ptr<CentralStore>> CentralStore::Open(const std::string& path) {
  return Open(path, kReadConnections);
}

Result<std::unique_ptr<CentralStore>> CentralStore::Open(const std::string& path,
                                                         int read_connections) {
  auto db = Database::Open(path);
  if (!db.ok()) return db.status();
  std::unique_ptr<CentralStore> store(new CentralStore(std::move(db).value()));
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
    // Checkpoints run on their own thread (server/checkpointer.h), not inside a push.
    KINERJA_RETURN_IF_ERROR(store->db_->Exec("PRAGMA wal_autocheckpoint=" +
                                             std::to_string(Checkpointer::kBackstopPages)));
  }
  KINERJA_RETURN_IF_ERROR(store->Migrate());
  if (path != ":memory:" && read_connections > 0) {
    auto readers = ReadPool::Open(path, read_connections);
    if (!readers.ok()) return readers.status();
    store->readers_ = std::move(readers).value();
  }
  if (path != ":memory:") {
    auto checkpointer = Checkpointer::Start(path);
    if (!checkpointer.ok()) return checkpointer.status();
    store->checkpointer_ = std::move(checkpointer).value();
  }
  return store;
}

// v3: indexes no query uses cost a B-tree write on every change; drop them.
constexpr const char* kSchemaV3 = R"sql(
DROP INDEX IF EXISTS changes_record;
DROP INDEX IF EXISTS records_scope;
)sql";

// v4: a city's own appraisal templates (validated JSON, immutable per id; a changed rule is
// a new id such as "palangkaraya-2027.v2").
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE templates(
  id TEXT PRIMARY KEY, text TEXT NOT NULL, added_at TEXT NOT NULL, added_by TEXT NOT NULL);
)sql";

// v5: a supervisor's pull asks for the employees they appraise (supervisor_id in the
// employee's body) on every request; without an index that is a scan of all records. The
// index is partial: only employee records have entries, so pushed notes do not write it.
constexpr const char* kSchemaV5 = R"sql(
CREATE INDEX IF NOT EXISTS records_supervisor ON records(json_extract(body, '$.supervisor_id'))
  WHERE kind='employee';
)sql";

// v6: records keyed by seq. A record's row lives at its seq (the table's own B-tree key), so
// HR's pull walks the table in seq order without a lookup per row. Updating a record moves
// its row to the new seq. The id stays unique (the idempotent lookups and upserts go
// through that index). Other roles' pulls test their scope on records_pull first.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE records_by_seq(
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, version INTEGER NOT NULL,
  unit_path TEXT NOT NULL, subject_id TEXT NOT NULL DEFAULT '',
  author_id TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,
  conflict INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL);
INSERT INTO records_by_seq(seq, id, kind, version, unit_path, subject_id, author_id, body,
                           conflict, updated_at)
  SELECT seq, id, kind, version, unit_path, subject_id, author_id, body, conflict, updated_at
  FROM records ORDER BY seq;
DROP TABLE records;
ALTER TABLE records_by_seq RENAME TO records;
CREATE INDEX records_supervisor ON records(json_extract(body, '$.supervisor_id'))
  WHERE kind='employee';
-- A pull tests its scope on these columns: an entry is a quarter of a row's size, so a
-- supervisor's pull reads a few index pages instead of every changed row.
CREATE INDEX records_pull ON records(seq, unit_path, kind, subject_id, author_id);
)sql";

// v7: a change is stored once. The change that made a record's current version lives in the
// record's own row (change_id, device_id, created_at; its user is author_id, its base is
// version-1, its time updated_at), so a new record writes one row, not two. `past_changes`
// holds every other change: versions since replaced (moved there, with their bodies, when
// the next version is applied) and the kept edits of conflicts. The view `changes` is the
// whole ledger, as the `changes` table was. A change id is unique in each table, and a
// change is in one of them: a resent creation meets the record's own id first.
constexpr const char* kSchemaV7 = R"sql(
ALTER TABLE changes RENAME TO past_changes;
ALTER TABLE records ADD COLUMN change_id TEXT;
ALTER TABLE records ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
UPDATE records SET change_id=c.change_id, device_id=c.device_id, created_at=c.created_at
  FROM past_changes c
  WHERE c.record_id=records.id AND c.outcome='applied' AND c.result_version=records.version
    AND c.kind=records.kind AND c.user_id=records.author_id AND c.body=records.body
    AND c.received_at=records.updated_at;
DELETE FROM past_changes WHERE change_id IN (SELECT change_id FROM records WHERE change_id IS NOT NULL);
CREATE UNIQUE INDEX records_change ON records(change_id);
-- Pulls test their scope on the rows themselves: the records_pull index cost every insert
-- a fifth of its time, and a pull on the rows stays well inside the load target
-- (docs/performance.md).
DROP INDEX IF EXISTS records_pull;
CREATE VIEW changes(change_id, record_id, kind, device_id, user_id, base_version, body, outcome,
                    result_version, created_at, received_at) AS
  SELECT change_id, id, kind, device_id, author_id, version - 1, body, 'applied', version,
         created_at, updated_at FROM records WHERE change_id IS NOT NULL
  UNION ALL
  SELECT change_id, record_id, kind, device_id, user_id, base_version, body, outcome,
         result_version, created_at, received_at FROM past_changes;
)sql";

Status CentralStore::Migrate() {
  auto v = db_->UserVersion();
  if (!v.ok()) return v.status();
  if (*v > kSchemaVersion) {
    return Status::Corruption("database schema " + std::to_string(*v) +
                              " is newer than this binary (" + std::to_string(kSchemaVersion) +
                              "); upgrade kinerja");
  }
  // Step k upgrades version k to k+1 inside its own transaction; add steps, never edit them.
  const char* const steps[] = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4,
                               kSchemaV5, kSchemaV6, kSchemaV7};
  static_assert(std::size(steps) == kSchemaVersion, "one step per schema version");
  for (int64_t version = *v; version < kSchemaVersion; ++version) {
    Transaction tx(*db_);
    KINERJA_RETURN_IF_ERROR(tx.status());
    KINERJA_RETURN_IF_ERROR(db_->Exec(steps[version]));
    KINERJA_RETURN_IF_ERROR(db_->SetUserVersion(version + 1));
    KINERJA_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::Ok();
}

Result<std::string> CentralStore::UnitPath(const std::string& unit_id) {
  auto st = db_->Prepare("SELECT path FROM units WHERE id=?");
  if (!st.ok()) return st.status();
  st->Bind(1, unit_id);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("unit " + unit_id + " does not exist");
  return st->ColumnText(0);
}

Result<int64_t> CentralStore::NextSeq() {
  auto st = db_->Cached("UPDATE counters SET value=value+1 WHERE name='seq' RETURNING value");
  if (!st.ok()) return st.status();
  auto row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Corruption("the seq counter is missing");
  int64_t v = (*st)->ColumnInt(0);
  (*st)->Reset();  // finish the statement so the update is complete
  return v;
}

Status CentralStore::AddUnit(const std::string& id, const std::string& parent_id,
                             const std::string& name, const std::string& kind) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!wire::IsValidId(id)) return Status::InvalidArgument("unit id '" + id + "' is not valid");
  std::string path = "/" + id + "/";
  if (!parent_id.empty()) {
    auto parent = UnitPath(parent_id);
    if (!parent.ok()) return parent.status();
    path = *parent + id + "/";
  }
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  auto st = db_->Prepare("INSERT INTO units(id, parent_id, name, kind, path) VALUES(?,?,?,?,?)");
  if (!st.ok()) return st.status();
  st->Bind(1, id).Bind(3, name).Bind(4, kind).Bind(5, path);
  if (parent_id.empty()) {
    st->BindNull(2);
  } else {
    st->Bind(2, parent_id);
  }
  KINERJA_RETURN_IF_ERROR(st->Run());
  // Units sync too (kind "unit", id "unit.<id>"), so a tablet knows the units of its scope:
  // the kiosk offers them, HR views group by them.
  auto seq = NextSeq();
  if (!seq.ok()) return seq.status();
  Json body{{"unit_id", id}, {"name", name}, {"kind", kind}, {"parent_id", parent_id}};
  auto rec = db_->Prepare(
      "INSERT INTO records(id, kind, version, unit_path, body, seq, updated_at)"
      " VALUES(?, 'unit', 1, ?, ?, ?, ?)");
  if (!rec.ok()) return rec.status();
  KINERJA_RETURN_IF_ERROR(rec->Bind(1, "unit." + id)
                              .Bind(2, path)
                              .Bind(3, body.dump())
                              .Bind(4, *seq)
                              .Bind(5, IsoUtc(NowUnix()))
                              .Run());
  return tx.Commit();
}

Result<std::string> CentralStore::AddUser(const UserSpec& spec) {
  if (spec.username.empty() || spec.username.size() > 64) {
    return Status::InvalidArgument("username must be 1-64 characters");
  }
  Result<std::string> hash = spec.password_hash;
  if (spec.password_hash.empty()) {
    if (spec.password.size() < 8) {
      return Status::InvalidArgument("password must be at least 8 characters");
    }
    hash = HashPassword(spec.password);  // slow: outside the lock
    if (!hash.ok()) return hash.status();
  }
  std::lock_guard<std::mutex> lock(mu_);
  auto path = UnitPath(spec.unit_id);
  if (!path.ok()) return path.status();
  std::string id = NewId();
  auto st = db_->Prepare(
      "INSERT INTO users(id, username, password_hash, display_name, role, unit_id, employee_id,"
      " created_at) VALUES(?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.status();
  Status s = st->Bind(1, id)
                 .Bind(2, spec.username)
                 .Bind(3, *hash)
                 .Bind(4, spec.display_name.empty() ? spec.username : spec.display_name)
                 .Bind(5, wire::RoleName(spec.role))
                 .Bind(6, spec.unit_id)
                 .Bind(7, spec.employee_id)
                 .Bind(8, IsoUtc(NowUnix()))
                 .Run();
  if (s.code() == Code::kAlreadyExists) {
    return Status::AlreadyExists("user '" + spec.username + "' already exists");
  }
  if (!s.ok()) return s;
  return id;
}

Status CentralStore::SetUserDisabled(const std::string& username, bool disabled) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare("UPDATE users SET disabled=? WHERE username=?");
  if (!st.ok()) return st.status();
  KINERJA_RETURN_IF_ERROR(st->Bind(1, disabled ? 1 : 0).Bind(2, username).Run());
  if (db_->Changes() == 0) return Status::NotFound("user '" + username + "' does not exist");
  if (disabled) {
    auto del = db_->Prepare(
        "DELETE FROM sessions WHERE user_id=(SELECT id FROM users WHERE username=?)");
    if (!del.ok()) return del.status();
    KINERJA_RETURN_IF_ERROR(del->Bind(1, username).Run());
  }
  sessions_.Clear();
  return Status::Ok();
}

Status CentralStore::UpsertEmployee(const EmployeeSpec& e) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!wire::IsValidId(e.id)) return Status::InvalidArgument("employee id '" + e.id + "' is not valid");
  auto path = UnitPath(e.unit_id);
  if (!path.ok()) return path.status();
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  auto seq = NextSeq();
  if (!seq.ok()) return seq.status();
  Json body{{"nip", e.nip}, {"name", e.name}, {"position", e.position}, {"unit_id", e.unit_id},
            {"supervisor_id", e.supervisor_id}};
  if (!e.position_id.empty()) body["position_id"] = e.position_id;
  auto st = db_->Prepare(
      "INSERT INTO records(id, kind, version, unit_path, subject_id, body, seq, updated_at)"
      " VALUES(?1, 'employee', 1, ?2, ?1, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET"
      " version=version+1, unit_path=excluded.unit_path, body=excluded.body, seq=excluded.seq,"
      " updated_at=excluded.updated_at");
  if (!st.ok()) return st.status();
  KINERJA_RETURN_IF_ERROR(
      st->Bind(1, e.id).Bind(2, *path).Bind(3, body.dump()).Bind(4, *seq).Bind(5, IsoUtc(NowUnix())).Run());
  return tx.Commit();
}

Result<bool> CentralStore::PutServerRecord(const std::string& id, const std::string& kind,
                                           const std::string& unit_id, const Json& body) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!wire::IsValidId(id)) return Status::InvalidArgument("record id '" + id + "' is not valid");
  if ((", " + std::string(PushableKinds()) + ", ").find(", " + kind + ", ") != std::string::npos) {
    return Status::InvalidArgument("records of kind " + kind + " come from devices");
  }
  auto path = UnitPath(unit_id);
  if (!path.ok()) return path.status();
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  auto seq = NextSeq();
  if (!seq.ok()) return seq.status();
  auto st = db_->Prepare(
      "INSERT INTO records(id, kind, version, unit_path, body, seq, updated_at)"
      " VALUES(?1, ?2, 1, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET version=version+1,"
      " unit_path=excluded.unit_path, body=excluded.body, seq=excluded.seq,"
      " updated_at=excluded.updated_at WHERE kind=excluded.kind AND"
      " (body IS NOT excluded.body OR unit_path IS NOT excluded.unit_path)");
  if (!st.ok()) return st.status();
  KINERJA_RETURN_IF_ERROR(st->Bind(1, id)
                              .Bind(2, kind)
                              .Bind(3, *path)
                              .Bind(4, body.dump())
                              .Bind(5, *seq)
                              .Bind(6, IsoUtc(NowUnix()))
                              .Run());
  if (db_->Changes() == 0) {
    auto same = db_->Prepare("SELECT 1 FROM records WHERE id=? AND kind=?");
    if (!same.ok()) return same.status();
    same->Bind(1, id).Bind(2, kind);
    auto row = same->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::AlreadyExists("record " + id + " exists with another kind");
    return false;  // the transaction rolls back: not even the seq moves
  }
  KINERJA_RETURN_IF_ERROR(tx.Commit());
  return true;
}

Result<bool> CentralStore::IsEmpty() {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare("SELECT count(*) FROM users");
  if (!st.ok()) return st.status();
  auto row = st->Step();
  if (!row.ok()) return row.status();
  return st->ColumnInt(0) == 0;
}

Result<wire::Session> CentralStore::Login(const wire::LoginRequest& req, int64_t now) {
  std::string user_id, hash, display, role_name, unit_id, employee_id;
  int64_t disabled = 0;
  {
    TimedLock lock(mu_, lock_times_, LockedOp::kLogin);
    auto st = db_->Prepare(
        "SELECT id, password_hash, display_name, role, unit_id, employee_id, disabled FROM users"
        " WHERE username=?");
    if (!st.ok()) return st.status();
    st->Bind(1, req.username);
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      user_id = st->ColumnText(0);
      hash = st->ColumnText(1);
      display = st->ColumnText(2);
      role_name = st->ColumnText(3);
      unit_id = st->ColumnText(4);
      employee_id = st->ColumnText(5);
      disabled = st->ColumnInt(6);
    }
  }
  // Verify outside the lock (Argon2id is deliberately slow); unknown users cost the same.
  static const std::string kDummy = HashPassword("not-a-real-password").value();
  bool ok = VerifyPassword(user_id.empty() ? kDummy : hash, req.password);
  if (user_id.empty() || !ok) return Status::Unauthenticated("wrong username or password");
  if (disabled) return Status::PermissionDenied("this account is disabled; ask HR");

  TimedLock lock(mu_, lock_times_, LockedOp::kLogin);
  auto role = wire::RoleFromName(role_name);
  if (!role.ok()) return Status::Corruption("user " + req.username + " has a bad role");
  auto path = UnitPath(unit_id);
  if (!path.ok()) return path.status();
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  auto dev = db_->Prepare("SELECT user_id, revoked FROM devices WHERE id=?");
  if (!dev.ok()) return dev.status();
  dev->Bind(1, req.device_id);
  auto drow = dev->Step();
  if (!drow.ok()) return drow.status();
  if (*drow && dev->ColumnInt(1) != 0) {
    return Status::PermissionDenied("this device has been revoked; ask an administrator");
  }
  std::string now_iso = IsoUtc(now);
  auto up = db_->Prepare(
      "INSERT INTO devices(id, user_id, label, first_seen, last_seen) VALUES(?1,?2,?3,?4,?4)"
      " ON CONFLICT(id) DO UPDATE SET user_id=excluded.user_id, last_seen=excluded.last_seen");
  if (!up.ok()) return up.status();
  KINERJA_RETURN_IF_ERROR(
      up->Bind(1, req.device_id).Bind(2, user_id).Bind(3, req.device_label).Bind(4, now_iso).Run());
  wire::Session s;
  s.token = NewToken();
  s.expires_at = IsoUtc(now + kSessionSeconds);
  s.user_id = user_id;
  s.username = req.username;
  s.display_name = display;
  s.role = *role;
  s.employee_id = employee_id;
  s.unit_path = *path;
  auto ins = db_->Prepare(
      "INSERT INTO sessions(token_hash, user_id, device_id, created_at, expires_at)"
      " VALUES(?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  const std::string token_hash = TokenHash(s.token);
  KINERJA_RETURN_IF_ERROR(ins->Bind(1, token_hash)
                              .Bind(2, user_id)
                              .Bind(3, req.device_id)
                              .Bind(4, now_iso)
                              .Bind(5, now + kSessionSeconds)
                              .Run());
  Principal p{user_id, req.username, *role, *path, employee_id, req.device_id};
  KINERJA_RETURN_IF_ERROR(AuditLocked(&p, "login", "device " + req.device_id, now));
  const uint64_t generation = sessions_.Generation();
  KINERJA_RETURN_IF_ERROR(tx.Commit());
  // The device's first sync follows at once: its token check needs no read.
  sessions_.Put(token_hash, p, now + kSessionSeconds, now, generation);
  return s;
}

Result<Principal> CentralStore::Authenticate(const std::string& token, int64_t now) {
  const std::string hash = TokenHash(token);
  if (auto known = sessions_.Find(hash, now)) return *known;
  const uint64_t generation = sessions_.Generation();
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kAuthenticate);
  KINERJA_RETURN_IF_ERROR(read.status());
  auto st = read.db().Prepare(
      "SELECT u.id, u.username, u.role, un.path, u.employee_id, s.device_id, s.expires_at,"
      " u.disabled, coalesce(d.revoked, 0) FROM sessions s JOIN users u ON u.id=s.user_id"
      " JOIN units un ON un.id=u.unit_id LEFT JOIN devices d ON d.id=s.device_id"
      " WHERE s.token_hash=?");
  if (!st.ok()) return st.status();
  st->Bind(1, hash);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Unauthenticated("the session is unknown; log in again");
  if (st->ColumnInt(6) <= now) return Status::Unauthenticated("the session expired; log in again");
  if (st->ColumnInt(7) != 0) return Status::PermissionDenied("this account is disabled; ask HR");
  if (st->ColumnInt(8) != 0) return Status::PermissionDenied("this device has been revoked");
  auto role = wire::RoleFromName(st->ColumnText(2));
  if (!role.ok()) return Status::Corruption("a user has a bad role");
  Principal who{st->ColumnText(0), st->ColumnText(1), *role, st->ColumnText(3),
                st->ColumnText(4), st->ColumnText(5)};
  sessions_.Put(hash, who, st->ColumnInt(6), now, generation);
  return who;
}

Status CentralStore::Logout(const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string hash = TokenHash(token);
  auto st = db_->Prepare("DELETE FROM sessions WHERE token_hash=?");
  if (!st.ok()) return st.status();
  Status s = st->Bind(1, hash).Run();
  sessions_.Forget(hash);  // after the delete: a check racing it cannot keep the old answer
  return s;
}

Result<wire::PushResponse> CentralStore::Push(const Principal& who, const wire::PushRequest& req,
                                              int64_t now, std::string* failed_change_id,
                                              const std::vector<std::string>* body_texts) {
  if (body_texts && body_texts->size() != req.changes.size()) body_texts = nullptr;
  if (req.device_id != who.device_id) {
    return Status::PermissionDenied("push.device_id does not match the device of this session");
  }
  size_t failed = req.changes.size();
  Result<wire::PushResponse> resp = Status::Internal("the push was not applied");
  // Runs inside the group's transaction, within a savepoint of its own: a refused batch
  // rolls back to it and writes nothing (but the refused edit kept for review).
  Status s = push_group_.Run(*db_, mu_, lock_times_, [&](Database& db) -> Status {
    KINERJA_RETURN_IF_ERROR(db.Exec("SAVEPOINT push_changes"));
    resp = PushLocked(who, req, body_texts, now, &failed);
    if (resp.ok()) return db.Exec("RELEASE push_changes");
    (void)db.Exec("ROLLBACK TO push_changes");
    (void)db.Exec("RELEASE push_changes");
    if (resp.status().code() == Code::kLocked && failed < req.changes.size()) {
      // The batch wrote nothing; the refused edit is kept for review, once.
      const wire::Change& c = req.changes[failed];
      auto keep = db.Prepare(
          "INSERT OR IGNORE INTO refused_changes(change_id, record_id, kind, device_id, user_id,"
          " base_version, body, code, reason, received_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
      if (keep.ok()) {
        (void)keep->Bind(1, c.change_id)
            .Bind(2, c.record_id)
            .Bind(3, c.kind)
            .Bind(4, req.device_id)
            .Bind(5, who.user_id)
            .Bind(6, c.base_version)
            .Bind(7, c.body.dump())
            .Bind(8, CodeName(resp.status().code()))
            .Bind(9, resp.status().message())
            .Bind(10, IsoUtc(now))
            .Run();
      }
    }
    return resp.status();
  });
  if (s.ok()) return resp;
  if (failed < req.changes.size() && failed_change_id) {
    *failed_change_id = req.changes[failed].change_id;
  }
  return s;
}

Result<wire::PushResponse> CentralStore::PushLocked(const Principal& who,
                                                    const wire::PushRequest& req,
                                                    const std::vector<std::string>* body_texts,
                                                    int64_t now, size_t* failed_index) {
  // Runs inside the caller's transaction (Push: the group's, within a savepoint).
  wire::PushResponse resp;
  resp.acks.reserve(req.changes.size());
  std::string now_iso = IsoUtc(now);
  // The ledger view (schema v7): a record's current change or a past one.
  auto seen_r = db_->Cached("SELECT outcome, result_version, record_id FROM changes WHERE change_id=?");
  if (!seen_r.ok()) return seen_r.status();
  Statement* seen = *seen_r;
  size_t applied = 0;
  EmployeeCache employees;  // a batch names the same few employees: load each once
  // The batch's seq numbers: read the counter once, count on in memory, write it back once
  // before the commit. The transaction holds SQLite's write lock from its start (BEGIN
  // IMMEDIATE), so no other writer, in this process or another, can move the counter meanwhile.
  auto head_r = db_->Cached("SELECT value FROM counters WHERE name='seq'");
  if (!head_r.ok()) return head_r.status();
  auto head_row = (*head_r)->Step();
  if (!head_row.ok()) return head_row.status();
  if (!*head_row) return Status::Corruption("the seq counter is missing");
  const int64_t first_seq = (*head_r)->ColumnInt(0);
  (*head_r)->Reset();
  int64_t last_seq = first_seq;
  // The text a change's body is stored as: the request's own, unless a check changed it.
  auto body_text = [&](size_t i, const Accepted& a, std::string* made) -> const std::string& {
    if (!a.body_as_sent) return *made = a.body.dump();
    if (body_texts) return (*body_texts)[i];
    return *made = req.changes[i].body.dump();
  };
  // A new record's row, which also holds the change that made it (schema v7).
  auto create_r = db_->Cached(
      "INSERT INTO records(id, kind, version, unit_path, subject_id, author_id, body, seq,"
      " updated_at, change_id, device_id, created_at) VALUES(?,?,1,?,?,?,?,?,?,?,?,?)");
  if (!create_r.ok()) return create_r.status();
  Statement* create_st = *create_r;
  // The strings bound live until the insert has run (the request, the check's answer, the
  // body text): bound without a copy.
  auto create = [&](const wire::Change& c, const Accepted& a, const std::string& body,
                    int64_t seq) {
    create_st->Reset();
    return create_st->BindRef(1, c.record_id)
        .BindRef(2, c.kind)
        .BindRef(3, a.unit_path)
        .BindRef(4, a.subject_id)
        .BindRef(5, who.user_id)
        .BindRef(6, body)
        .Bind(7, seq)
        .BindRef(8, now_iso)
        .BindRef(9, c.change_id)
        .BindRef(10, req.device_id)
        .BindRef(11, c.created_at)
        .Run();
  };
  auto past_r = db_->Cached("SELECT 1 FROM past_changes WHERE change_id=?");
  if (!past_r.ok()) return past_r.status();
  Statement* past = *past_r;
  static const std::optional<StoredRecord> kNew;
  for (size_t i = 0; i < req.changes.size(); ++i) {
    *failed_index = i;  // names the change if anything below fails
    const wire::Change& c = req.changes[i];
    std::string where = "changes[" + std::to_string(i) + "]";
    // The usual change creates a record (a note, a survey response): it tries the short way
    // first, checked as new and inserted, with the constraints on the record's id and
    // change id as its test of being new (a change id in past_changes is looked up). Any
    // other answer (a resend, an id in use, a refused check) takes the long way below,
    // which decides exactly as if the short way had not been tried: a failed insert
    // wrote nothing.
    if (c.base_version == 0 && c.resolves.empty()) {
      past->Reset();
      past->Bind(1, c.change_id);
      auto in_past = past->Step();
      if (!in_past.ok()) return in_past.status();
      past->Reset();  // done with it before this change writes
      if (!*in_past) {
        auto accepted = CheckChange(*db_, who, c, kNew, where, &employees);
        if (accepted.ok()) {
          std::string made;
          Status created = create(c, *accepted, body_text(i, *accepted, &made), last_seq + 1);
          if (created.ok()) {
            ++last_seq;
            ++applied;
            resp.acks.push_back({c.change_id, wire::Outcome::kApplied, 1});
            continue;
          }
          if (created.code() != Code::kAlreadyExists) return created;
        }
      }
    }
    // A change seen before is acknowledged with its first result, and stored once.
    seen->Reset();
    seen->Bind(1, c.change_id);
    auto srow = seen->Step();
    if (!srow.ok()) return srow.status();
    if (*srow) {
      if (seen->ColumnText(2) != c.record_id) {
        return Status::InvalidArgument(where + ".change_id " + c.change_id +
                                       " was already used for another record");
      }
      resp.acks.push_back({c.change_id, wire::Outcome::kDuplicate, seen->ColumnInt(1)});
      continue;
    }
    auto existing = LoadRecord(*db_, c.record_id);
    if (!existing.ok()) return existing.status();
    auto accepted = CheckChange(*db_, who, c, *existing, where, &employees);
    if (!accepted.ok()) return accepted.status();
    if (!c.resolves.empty()) {
      // A resolution settles kept conflicting edits of this record, from its current version.
      if (!existing->has_value() || (*existing)->version != c.base_version) {
        return Status::StaleVersion(where + ": a conflict resolution must be based on the "
                                    "record's current version; pull and resolve again");
      }
      auto open_conflict_r = db_->Cached(
          "SELECT 1 FROM conflicts WHERE change_id=? AND record_id=? AND resolved=0");
      if (!open_conflict_r.ok()) return open_conflict_r.status();
      Statement* open_conflict = *open_conflict_r;
      for (const auto& id : c.resolves) {
        open_conflict->Reset();
        open_conflict->Bind(1, id).Bind(2, c.record_id);
        auto found = open_conflict->Step();
        if (!found.ok()) return found.status();
        if (!*found) {
          return Status::InvalidArgument(where + ".resolves: " + id +
                                         " is not an open conflict of record " + c.record_id);
        }
      }
    }
    const int64_t seq = ++last_seq;
    wire::ChangeAck ack{c.change_id, wire::Outcome::kApplied, 0};
    std::string made;
    const std::string& body = body_text(i, *accepted, &made);
    if (!existing->has_value()) {
      if (c.base_version != 0) {
        return Status::StaleVersion(where + ": record " + c.record_id + " does not exist yet at " +
                                    "version " + std::to_string(c.base_version) +
                                    "; push its earlier changes first");
      }
      KINERJA_RETURN_IF_ERROR(create(c, *accepted, body, seq));
      ack.version = 1;
    } else if ((*existing)->version == c.base_version) {
      // The change that made the version being replaced moves to past_changes, body and all.
      auto keep_past_r = db_->Cached(
          "INSERT INTO past_changes(change_id, record_id, kind, device_id, user_id, base_version,"
          " body, outcome, result_version, created_at, received_at)"
          " SELECT change_id, id, kind, device_id, author_id, version - 1, body, 'applied',"
          " version, created_at, updated_at FROM records WHERE id=? AND change_id IS NOT NULL");
      if (!keep_past_r.ok()) return keep_past_r.status();
      KINERJA_RETURN_IF_ERROR((*keep_past_r)->Bind(1, c.record_id).Run());
      auto upd_r = db_->Cached(
          "UPDATE records SET version=version+1, body=?, author_id=?, seq=?, updated_at=?,"
          " change_id=?, device_id=?, created_at=? WHERE id=?");
      if (!upd_r.ok()) return upd_r.status();
      Statement* upd = *upd_r;
      KINERJA_RETURN_IF_ERROR(upd->Bind(1, body)
                                  .Bind(2, who.user_id)
                                  .Bind(3, seq)
                                  .Bind(4, now_iso)
                                  .Bind(5, c.change_id)
                                  .Bind(6, req.device_id)
                                  .Bind(7, c.created_at)
                                  .Bind(8, c.record_id)
                                  .Run());
      ack.version = (*existing)->version + 1;
    } else if (c.base_version < (*existing)->version) {
      // Someone else changed the record since this edit's base: keep both, flag the record.
      ack.outcome = wire::Outcome::kConflict;
      ack.version = (*existing)->version;
      auto mark_r = db_->Cached("UPDATE records SET conflict=1, seq=? WHERE id=?");
      if (!mark_r.ok()) return mark_r.status();
      Statement* mark = *mark_r;
      KINERJA_RETURN_IF_ERROR(mark->Bind(1, seq).Bind(2, c.record_id).Run());
    } else {
      return Status::StaleVersion(where + ": based on version " + std::to_string(c.base_version) +
                                  " but the server holds version " +
                                  std::to_string((*existing)->version) +
                                  "; push the earlier changes of this record first");
    }
    if (ack.outcome == wire::Outcome::kConflict) {
      // A kept edit is a past change from the start: it never made a current version.
      auto log_r = db_->Cached(
          "INSERT INTO past_changes(change_id, record_id, kind, device_id, user_id, base_version,"
          " body, outcome, result_version, created_at, received_at)"
          " VALUES(?,?,?,?,?,?,?,?,?,?,?)");
      if (!log_r.ok()) return log_r.status();
      KINERJA_RETURN_IF_ERROR((*log_r)->Bind(1, c.change_id)
                                  .Bind(2, c.record_id)
                                  .Bind(3, c.kind)
                                  .Bind(4, req.device_id)
                                  .Bind(5, who.user_id)
                                  .Bind(6, c.base_version)
                                  .Bind(7, body)
                                  .Bind(8, wire::OutcomeName(ack.outcome))
                                  .Bind(9, ack.version)
                                  .Bind(10, c.created_at)
                                  .Bind(11, now_iso)
                                  .Run());
      auto keep_r = db_->Cached(
          "INSERT INTO conflicts(change_id, record_id, base_version, body) VALUES(?,?,?,?)");
      if (!keep_r.ok()) return keep_r.status();
      Statement* keep = *keep_r;
      KINERJA_RETURN_IF_ERROR(
          keep->Bind(1, c.change_id).Bind(2, c.record_id).Bind(3, c.base_version).Bind(4, body).Run());
    }
    if (!c.resolves.empty() && ack.outcome == wire::Outcome::kApplied) {
      auto settle_r = db_->Cached("UPDATE conflicts SET resolved=1 WHERE change_id=? AND record_id=?");
      if (!settle_r.ok()) return settle_r.status();
      Statement* settle = *settle_r;
      for (const auto& id : c.resolves) {
        settle->Reset();
        KINERJA_RETURN_IF_ERROR(settle->Bind(1, id).Bind(2, c.record_id).Run());
      }
      auto clear_r = db_->Cached(
          "UPDATE records SET conflict=EXISTS(SELECT 1 FROM conflicts WHERE record_id=?1 AND"
          " resolved=0) WHERE id=?1");
      if (!clear_r.ok()) return clear_r.status();
      Statement* clear = *clear_r;
      KINERJA_RETURN_IF_ERROR(clear->Bind(1, c.record_id).Run());
    }
    ++applied;
    resp.acks.push_back(ack);
  }
  *failed_index = req.changes.size();
  if (last_seq != first_seq) {
    auto set_head = db_->Cached("UPDATE counters SET value=? WHERE name='seq'");
    if (!set_head.ok()) return set_head.status();
    KINERJA_RETURN_IF_ERROR((*set_head)->Bind(1, last_seq).Run());
  }
  if (applied > 0) {
    KINERJA_RETURN_IF_ERROR(AuditLocked(&who, "push",
                                        std::to_string(applied) + " changes from device " +
                                            req.device_id,
                                        now));
  }
  return resp;
}

Result<wire::PullResponse> CentralStore::Pull(const Principal& who, int64_t since, int64_t limit,
                                              std::vector<std::string>* body_texts) {
  if (body_texts) body_texts->clear();
  if (since < 0) return Status::InvalidArgument("since must be 0 or more");
  if (limit < 1 || limit > wire::kMaxPullLimit) {
    return Status::InvalidArgument("limit must be 1-" + std::to_string(wire::kMaxPullLimit));
  }
  std::string scope = ScopeSql(who);
  // One read transaction: the records and the head cursor below come from one committed
  // state, so a batch being pushed meanwhile is seen whole or not at all.
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  Database& db = read.db();
  // Every role walks the table in seq order (records are keyed by seq) and tests its scope
  // on each row changed since its cursor.
  auto st = db.Prepare(
      kSelectRecords + " WHERE seq > ?1 AND (" + scope + ") ORDER BY seq LIMIT ?2");
  if (!st.ok()) return st.status();
  st->Bind(1, since).Bind(2, limit + 1).Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
  wire::PullResponse resp;
  resp.cursor = since;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (static_cast<int64_t>(resp.records.size()) == limit) {
      resp.more = true;
      break;
    }
    std::string text;
    auto r = RecordFromRow(*st, body_texts ? &text : nullptr);
    if (!r.ok()) return r.status();
    resp.cursor = r->seq;
    resp.records.push_back(std::move(r).value());
    if (body_texts) body_texts->push_back(std::move(text));
  }
  // The head tells the device how far it has to go (a progress bar for long pulls).
  auto head = db.Prepare("SELECT value FROM counters WHERE name='seq'");
  if (!head.ok()) return head.status();
  auto hrow = head->Step();
  if (!hrow.ok()) return hrow.status();
  resp.head = head->ColumnInt(0);
  // Nothing more in scope: move the cursor to the head so the next pull starts there.
  if (!resp.more) resp.cursor = std::max(resp.cursor, resp.head);
  return resp;
}

Result<std::vector<wire::Record>> CentralStore::ScopedRecords(const Principal& who,
                                                             const std::string& kind) {
  std::string scope = ScopeSql(who);
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  auto st = read.db().Prepare(
      kSelectRecords + " WHERE kind=?1 AND (" + scope + ") ORDER BY seq");
  if (!st.ok()) return st.status();
  st->Bind(1, kind).Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
  std::vector<wire::Record> out;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto r = RecordFromRow(*st);
    if (!r.ok()) return r.status();
    out.push_back(std::move(r).value());
  }
  return out;
}

Result<std::map<std::string, wire::Record>> CentralStore::RecordsById(
    const std::vector<std::string>& ids) {
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kPull);
  KINERJA_RETURN_IF_ERROR(read.status());
  auto st = read.db().Prepare(
      kSelectRecords + " WHERE id=?1");
  if (!st.ok()) return st.status();
  std::map<std::string, wire::Record> out;
  for (const auto& id : ids) {
    if (out.count(id)) continue;
    st->Reset();
    st->Bind(1, id);
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) continue;
    auto r = RecordFromRow(*st);
    if (!r.ok()) return r.status();
    out.emplace(id, std::move(r).value());
  }
  return out;
}

// The records a principal may read, as SQL over `records` using ?3 = unit_path,
// ?4 = user_id, ?5 = employee_id. HR and admin: everything. Everyone else: the units of their
// subtree and above it, and: a supervisor the positions of the subtree and above it, the
// employees and queue tickets of the subtree and
// notes, appraisals and competency assessments about the staff they appraise (and their
// submitted self-assessments and responses); an employee their own employee record,
// submitted appraisals and competency assessments, own self-assessments and responses, and
// the queue tickets they logged; an enumerator nothing more (survey responses are
// write-only).
std::string CentralStore::ScopeSql(const Principal& who) const {
  // Every role sees the units of its own subtree and the units above it (a tablet shows their
  // names and options, e.g. the one-stop office's queue log enabled on the dinas).
  const std::string units =
      "(kind='unit' AND (substr(unit_path, 1, length(?3)) = ?3 OR"
      " substr(?3, 1, length(unit_path)) = unit_path))";
  switch (who.role) {
    case wire::Role::kAdmin:
    case wire::Role::kHr: return "(?3 IS NOT NULL AND ?4 IS NOT NULL AND ?5 IS NOT NULL)";
    case wire::Role::kSupervisor:
      // Positions too come from above: one defined for the whole city or dinas reaches the
      // supervisors of every unit below it (their staff's required competency levels).
      return "(" + units + " OR (kind='position' AND substr(?3, 1, length(unit_path)) = unit_path)"
             " OR (substr(unit_path, 1, length(?3)) = ?3 AND (kind IN ('employee',"
             " 'position', 'queue_ticket') OR author_id=?4 OR (kind IN ('appraisal_note',"
             " 'appraisal', 'competency_assessment') AND subject_id IN"
             " (SELECT e.id FROM records e WHERE e.kind='employee' AND"
             " json_extract(e.body, '$.supervisor_id')=?5)) OR " +
             SupervisorReadsEmployeeKindsSql() + ")))";
    case wire::Role::kEmployee:
      // Their own record, and their appraisals once the appraiser has submitted them.
      return "(" + units + " OR (?4 IS NOT NULL AND ((kind='employee' AND id=?5) OR"
             " (kind='appraisal' AND subject_id=?5 AND"
             " json_extract(body, '$.status') IN ('submitted', 'signed_off')) OR"
             " (kind='competency_assessment' AND subject_id=?5 AND"
             " json_extract(body, '$.status')='submitted') OR"
             " (kind='queue_ticket' AND author_id=?4) OR " +
             EmployeeReadsOwnKindsSql() + ")))";
    case wire::Role::kEnumerator: return "(" + units + " AND ?4 IS NOT NULL AND ?5 IS NOT NULL)";
  }
  return "0";
}

Result<Json> CentralStore::Conflicts(const Principal& who) {
  std::lock_guard<std::mutex> lock(mu_);
  if (who.role == wire::Role::kEmployee || who.role == wire::Role::kEnumerator) {
    return Status::PermissionDenied("only supervisors, HR and admins resolve conflicts");
  }
  auto recs = db_->Prepare(
      kSelectRecords + " WHERE conflict=1 AND " + ScopeSql(who) + " ORDER BY seq");
  if (!recs.ok()) return recs.status();
  recs->Bind(3, who.unit_path).Bind(4, who.user_id).Bind(5, who.employee_id);
  auto kept = db_->Prepare(
      "SELECT k.change_id, k.base_version, k.body, c.user_id, c.device_id, c.received_at"
      " FROM conflicts k JOIN past_changes c ON c.change_id=k.change_id"
      " WHERE k.record_id=? AND k.resolved=0 ORDER BY c.received_at, k.change_id");
  if (!kept.ok()) return kept.status();
  Json out = Json::array();
  for (;;) {
    auto row = recs->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto rec = RecordFromRow(*recs);
    if (!rec.ok()) return rec.status();
    const wire::Record& r = *rec;
    Json losing = Json::array();
    kept->Reset();
    kept->Bind(1, r.id);
    for (;;) {
      auto k = kept->Step();
      if (!k.ok()) return k.status();
      if (!*k) break;
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

Result<std::string> CentralStore::AddTemplate(const std::string& text, const std::string& added_by,
                                             int64_t now) {
  auto t = LoadTemplate(text);
  if (!t.ok()) return t.status();
  for (const auto& id : BuiltinTemplateIds()) {
    if (id == t->id) {
      return Status::AlreadyExists("template " + t->id +
                                   " is built in; give your version its own id (e.g. " +
                                   "\"palangkaraya-2027.v1\")");
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare("INSERT INTO templates(id, text, added_at, added_by) VALUES(?,?,?,?)");
  if (!st.ok()) return st.status();
  Status s = st->Bind(1, t->id).Bind(2, text).Bind(3, IsoUtc(now)).Bind(4, added_by).Run();
  if (s.code() == Code::kAlreadyExists) {
    return Status::AlreadyExists("template " + t->id +
                                 " exists already; templates never change: add a new version id");
  }
  if (!s.ok()) return s;
  KINERJA_RETURN_IF_ERROR(AuditLocked(nullptr, "template_added", t->id + " by " + added_by, now));
  return t->id;
}

Result<std::optional<std::string>> CentralStore::TemplateText(std::string_view id) {
  std::lock_guard<std::mutex> lock(mu_);
  return TemplateTextLocked(*db_, id);
}

Result<std::optional<std::string>> CentralStore::TemplateTextLocked(Database& db,
                                                                    std::string_view id) {
  auto st = db.Cached("SELECT text FROM templates WHERE id=?");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, id);
  auto row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>((*st)->ColumnText(0));
}

Result<Json> CentralStore::Templates() {
  std::lock_guard<std::mutex> lock(mu_);
  Json out = Json::array();
  for (const auto& id : BuiltinTemplateIds()) out.push_back({{"id", id}, {"source", "built-in"}});
  auto st = db_->Prepare("SELECT id, added_at, added_by FROM templates ORDER BY id");
  if (!st.ok()) return st.status();
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({{"id", st->ColumnText(0)}, {"source", "database"},
                   {"added_at", st->ColumnText(1)}, {"added_by", st->ColumnText(2)}});
  }
  return Json{{"templates", out}};
}

Result<Json> CentralStore::RefusedChanges(const Principal& who) {
  std::lock_guard<std::mutex> lock(mu_);
  if (who.role != wire::Role::kHr && who.role != wire::Role::kAdmin) {
    return Status::PermissionDenied("refused changes are reviewed by HR and admins");
  }
  auto st = db_->Prepare(
      "SELECT change_id, record_id, kind, user_id, device_id, code, reason, body, received_at"
      " FROM refused_changes WHERE reviewed=0 ORDER BY received_at, change_id LIMIT 1000");
  if (!st.ok()) return st.status();
  Json out = Json::array();
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto body = ParseJson(st->ColumnText(7));
    out.push_back({{"change_id", st->ColumnText(0)}, {"record_id", st->ColumnText(1)},
                   {"kind", st->ColumnText(2)}, {"user_id", st->ColumnText(3)},
                   {"device_id", st->ColumnText(4)}, {"code", st->ColumnText(5)},
                   {"reason", st->ColumnText(6)}, {"body", body.ok() ? *body : Json()},
                   {"received_at", st->ColumnText(8)}});
  }
  return Json{{"refused", out}};
}

Result<Json> CentralStore::AuditLog(const Principal& who, int64_t since, int64_t limit) {
  std::lock_guard<std::mutex> lock(mu_);
  if (who.role != wire::Role::kHr && who.role != wire::Role::kAdmin) {
    return Status::PermissionDenied("the audit log is for HR and admins");
  }
  if (since < 0 || limit < 1 || limit > 1000) {
    return Status::InvalidArgument("since must be 0 or more and limit 1-1000");
  }
  auto st = db_->Prepare(
      "SELECT seq, at, user_id, device_id, action, detail FROM audit WHERE seq > ? ORDER BY seq"
      " LIMIT ?");
  if (!st.ok()) return st.status();
  st->Bind(1, since).Bind(2, limit);
  Json entries = Json::array();
  int64_t cursor = since;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    cursor = st->ColumnInt(0);
    entries.push_back({{"seq", cursor}, {"at", st->ColumnText(1)}, {"user_id", st->ColumnText(2)},
                       {"device_id", st->ColumnText(3)}, {"action", st->ColumnText(4)},
                       {"detail", st->ColumnText(5)}});
  }
  return Json{{"entries", entries}, {"cursor", cursor}};
}

Result<Json> CentralStore::Devices(const Principal* who) {
  std::lock_guard<std::mutex> lock(mu_);
  bool all = !who || who->role == wire::Role::kAdmin || who->role == wire::Role::kHr;
  auto st = db_->Prepare(
      "SELECT d.id, u.username, d.label, d.first_seen, d.last_seen, d.revoked FROM devices d"
      " JOIN users u ON u.id=d.user_id WHERE ?1 OR d.user_id=?2 ORDER BY d.last_seen DESC");
  if (!st.ok()) return st.status();
  st->Bind(1, all ? 1 : 0).Bind(2, who ? who->user_id : std::string());
  Json out = Json::array();
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({{"device_id", st->ColumnText(0)}, {"username", st->ColumnText(1)},
                   {"label", st->ColumnText(2)}, {"first_seen", st->ColumnText(3)},
                   {"last_seen", st->ColumnText(4)}, {"revoked", st->ColumnInt(5) != 0}});
  }
  return Json{{"devices", out}};
}

Status CentralStore::RevokeDevice(const Principal* who, const std::string& device_id, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto owner = db_->Prepare("SELECT user_id FROM devices WHERE id=?");
  if (!owner.ok()) return owner.status();
  owner->Bind(1, device_id);
  auto row = owner->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("device " + device_id + " is not registered");
  if (who && who->role != wire::Role::kAdmin && owner->ColumnText(0) != who->user_id) {
    return Status::PermissionDenied("only an admin or the device's own user may revoke it");
  }
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  auto rev = db_->Prepare("UPDATE devices SET revoked=1 WHERE id=?");
  if (!rev.ok()) return rev.status();
  KINERJA_RETURN_IF_ERROR(rev->Bind(1, device_id).Run());
  auto del = db_->Prepare("DELETE FROM sessions WHERE device_id=?");
  if (!del.ok()) return del.status();
  KINERJA_RETURN_IF_ERROR(del->Bind(1, device_id).Run());
  KINERJA_RETURN_IF_ERROR(AuditLocked(who, "device_revoked", "device " + device_id, now));
  Status s = tx.Commit();
  sessions_.Clear();
  return s;
}

Status CentralStore::AuditLocked(const Principal* who, const std::string& action,
                                 const std::string& detail, int64_t now) {
  auto st = db_->Prepare("INSERT INTO audit(at, user_id, device_id, action, detail) VALUES(?,?,?,?,?)");
  if (!st.ok()) return st.status();
  return st->Bind(1, IsoUtc(now))
      .Bind(2, who ? who->user_id : std::string("system"))
      .Bind(3, who ? who->device_id : std::string(""))
      .Bind(4, action)
      .Bind(5, detail)
      .Run();
}

Status CentralStore::Audit(const Principal* who, const std::string& action,
                           const std::string& detail, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  return AuditLocked(who, action, detail, now);
}

Result<int64_t> CentralStore::CountRecords(const std::string& kind) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_->Prepare("SELECT count(*) FROM records WHERE kind=?");
  if (!st.ok()) return st.status();
  st->Bind(1, kind);
  auto row = st->Step();
  if (!row.ok()) return row.status();
  return st->ColumnInt(0);
}

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

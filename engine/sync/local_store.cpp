#include "engine/sync/local_store.h"

#include "engine/store/migrations.h"
#include "engine/sync/ids.h"

namespace kinerja {
namespace {

constexpr int64_t kSchemaVersion = 3;

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records(
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  version INTEGER NOT NULL,
  server_version INTEGER NOT NULL DEFAULT 0,
  unit_path TEXT NOT NULL DEFAULT '',
  subject_id TEXT NOT NULL DEFAULT '',
  author_id TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  conflict INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS records_kind_subject ON records(kind, subject_id);
CREATE TABLE IF NOT EXISTS outbox(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id TEXT NOT NULL UNIQUE,
  record_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql";

wire::Record RowToRecord(const Statement& s) {
  wire::Record r;
  r.id = s.ColumnText(0);
  r.kind = s.ColumnText(1);
  r.version = s.ColumnInt(2);
  r.unit_path = s.ColumnText(3);
  r.subject_id = s.ColumnText(4);
  r.author_id = s.ColumnText(5);
  auto body = ParseJson(s.ColumnText(6));
  r.body = body.ok() ? *body : Json::object();
  r.conflict = s.ColumnInt(7) != 0;
  r.updated_at = s.ColumnText(8);
  return r;
}

// Every row of a SELECT of kRecordColumns, as records.
Result<std::vector<wire::Record>> AllRecords(Statement& st) {
  std::vector<wire::Record> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(RowToRecord(st));
  }
  return out;
}

// meta key "skipped:<record id>" = the seq at which a pull passed over the record because it
// had unacknowledged local edits.
const std::string kSkippedPrefix = "skipped:";

constexpr const char* kRecordColumns =
    "id, kind, version, unit_path, subject_id, author_id, body, conflict, updated_at";

}  // namespace

Result<std::unique_ptr<LocalStore>> LocalStore::Open(const std::string& path) {
  KINERJA_ASSIGN_OR_RETURN(auto db, Database::Open(path));
  std::unique_ptr<LocalStore> store(new LocalStore(std::move(db)));
  KINERJA_RETURN_IF_ERROR(store->Migrate());
  return store;
}

// v2: conflict resolutions keep the change ids they settle; changes the server refused for
// good (a signed-off record, a record out of scope) are set aside, visible, not lost.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE outbox ADD COLUMN resolves TEXT NOT NULL DEFAULT '[]';
CREATE TABLE IF NOT EXISTS set_aside(
  change_id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL
);
)sql";

// v3: a queued change handed out for sending (or exported) is frozen; until then a later
// draft save of the same record may replace its body instead of queueing another change.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE outbox ADD COLUMN handed_out INTEGER NOT NULL DEFAULT 0;
)sql";

Status LocalStore::Migrate() {
  // One step per version, each in its own transaction; a tablet may skip app versions.
  static_assert(kSchemaVersion == 3, "one step per schema version");
  const std::vector<MigrationStep> steps = {
      SqlStep(1, "records, outbox, meta", kSchemaV1),
      SqlStep(2, "resolutions keep the conflicts they settle; set-aside changes", kSchemaV2),
      SqlStep(3, "a handed-out change is frozen", kSchemaV3),
  };
  return kinerja::Migrate(*db_, steps, [](int64_t found, int64_t latest) {
    return "local database has schema " + std::to_string(found) + ", newer than this app (" +
           std::to_string(latest) + "); update the app";
  });
}

Result<std::optional<std::string>> LocalStore::GetMeta(std::string_view key) {
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("SELECT value FROM meta WHERE key=?"));
  st.Bind(1, key);
  KINERJA_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(st.ColumnText(0));
}

Status LocalStore::SetMeta(std::string_view key, std::string_view value) {
  KINERJA_ASSIGN_OR_RETURN(auto st,
                           db_->Prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON "
                                        "CONFLICT(key) DO UPDATE SET value=excluded.value"));
  return st.Bind(1, key).Bind(2, value).Run();
}

Status LocalStore::DeleteMeta(std::string_view key) {
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("DELETE FROM meta WHERE key=?"));
  return st.Bind(1, key).Run();
}

Status LocalStore::RewindForSkippedRecord(const std::string& record_id) {
  KINERJA_ASSIGN_OR_RETURN(auto pending,
                           db_->Prepare("SELECT 1 FROM outbox WHERE record_id=? LIMIT 1"));
  pending.Bind(1, record_id);
  KINERJA_ASSIGN_OR_RETURN(auto has, pending.Step());
  if (has) return Status::Ok();  // still edits to send; the pull will skip it again
  KINERJA_ASSIGN_OR_RETURN(auto skipped, GetMeta(kSkippedPrefix + record_id));
  if (!skipped.has_value()) return Status::Ok();
  int64_t seq = static_cast<int64_t>(std::strtoll((skipped)->c_str(), nullptr, 10));
  auto cursor = Cursor();
  if (!cursor.ok()) return cursor.status();
  if (seq - 1 < *cursor) KINERJA_RETURN_IF_ERROR(SetMeta("cursor", std::to_string(seq - 1)));
  return DeleteMeta(kSkippedPrefix + record_id);
}

Result<std::string> LocalStore::DeviceId() {
  KINERJA_ASSIGN_OR_RETURN(auto id, GetMeta("device_id"));
  if (id.has_value()) return *id;
  std::string fresh = NewId();
  KINERJA_RETURN_IF_ERROR(SetMeta("device_id", fresh));
  return fresh;
}

Status LocalStore::SaveSession(const wire::Session& s) {
  return SetMeta("session", wire::ToJson(s).dump());
}

Result<std::optional<wire::Session>> LocalStore::LoadSession() {
  KINERJA_ASSIGN_OR_RETURN(auto text, GetMeta("session"));
  if (!text.has_value()) return std::optional<wire::Session>();
  auto j = ParseJson(*text);
  if (!j.ok()) return Status::Corruption("stored session: " + j.status().message());
  auto s = wire::SessionFromJson(*j);
  if (!s.ok()) return Status::Corruption("stored session: " + s.status().message());
  return std::optional<wire::Session>(std::move(s).value());
}

Status LocalStore::Logout(bool wipe_data, bool force) {
  KINERJA_ASSIGN_OR_RETURN(auto pending, PendingCount());
  KINERJA_ASSIGN_OR_RETURN(auto aside, ListSetAside());
  pending += static_cast<int64_t>(aside.size());
  if (wipe_data && pending > 0 && !force) {
    return Status::Conflict(std::to_string(pending) +
                            " changes are not synced yet; sync first or confirm to discard them");
  }
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  KINERJA_RETURN_IF_ERROR(db_->Exec("DELETE FROM meta WHERE key='session'"));
  if (wipe_data) {
    KINERJA_RETURN_IF_ERROR(
        db_->Exec("DELETE FROM records; DELETE FROM outbox; DELETE FROM set_aside;"
                  " DELETE FROM meta WHERE key='cursor'"
                  " OR key LIKE 'skipped:%'"));
  }
  return tx.Commit();
}

Result<std::vector<wire::Record>> LocalStore::List(std::string_view kind,
                                                   std::string_view subject_id) {
  std::string sql = std::string("SELECT ") + kRecordColumns + " FROM records WHERE kind=?";
  if (!subject_id.empty()) sql += " AND subject_id=?";
  sql += " ORDER BY updated_at DESC, id";
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare(sql));
  st.Bind(1, kind);
  if (!subject_id.empty()) st.Bind(2, subject_id);
  return AllRecords(st);
}

Result<std::optional<wire::Record>> LocalStore::Get(std::string_view id) {
  KINERJA_ASSIGN_OR_RETURN(
      auto st, db_->Prepare(std::string("SELECT ") + kRecordColumns + " FROM records WHERE id=?"));
  st.Bind(1, id);
  KINERJA_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<wire::Record>();
  return std::optional<wire::Record>(RowToRecord(st));
}

Result<wire::Change> LocalStore::Write(const Edit& edit, int64_t now_unix) {
  if (!wire::IsValidId(edit.kind)) return Status::InvalidArgument("record kind is not a valid id");
  if (!edit.body.is_object()) return Status::InvalidArgument("record body must be an object");
  KINERJA_ASSIGN_OR_RETURN(auto session, LoadSession());
  std::string author = session.has_value() ? (session)->user_id : "";

  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  wire::Change change;
  change.change_id = NewId();
  change.kind = edit.kind;
  change.body = edit.body;
  change.created_at = IsoUtc(now_unix);
  std::optional<wire::Record> existing;
  if (!edit.record_id.empty()) {
    KINERJA_ASSIGN_OR_RETURN(auto got, Get(edit.record_id));
    existing = got;
  }
  if (existing) {
    if (existing->kind != edit.kind) {
      return Status::InvalidArgument("record " + edit.record_id + " is a " + existing->kind +
                                     ", not a " + edit.kind);
    }
    if (edit.replace_unsent && edit.resolves.empty()) {
      // The record's newest queued change, if never handed out, takes the new body.
      KINERJA_ASSIGN_OR_RETURN(
          auto last,
          db_->Prepare(
              "SELECT change_id, base_version, handed_out, resolves FROM outbox WHERE record_id=?"
              " ORDER BY seq DESC LIMIT 1"));
      last.Bind(1, existing->id);
      KINERJA_ASSIGN_OR_RETURN(auto row, last.Step());
      if (row && last.ColumnInt(2) == 0 && last.ColumnText(3) == "[]") {
        change.change_id = last.ColumnText(0);
        change.record_id = existing->id;
        change.base_version = last.ColumnInt(1);
        KINERJA_ASSIGN_OR_RETURN(
            auto upd, db_->Prepare("UPDATE outbox SET body=?, created_at=? WHERE change_id=?"));
        KINERJA_RETURN_IF_ERROR(upd.Bind(1, edit.body.dump())
                                    .Bind(2, change.created_at)
                                    .Bind(3, change.change_id)
                                    .Run());
        KINERJA_ASSIGN_OR_RETURN(
            auto rec,
            db_->Prepare("UPDATE records SET body=?, author_id=?, updated_at=? WHERE id=?"));
        KINERJA_RETURN_IF_ERROR(rec.Bind(1, edit.body.dump())
                                    .Bind(2, author)
                                    .Bind(3, change.created_at)
                                    .Bind(4, existing->id)
                                    .Run());
        KINERJA_RETURN_IF_ERROR(tx.Commit());
        return change;
      }
    }
    change.record_id = existing->id;
    change.base_version = existing->version;
    KINERJA_ASSIGN_OR_RETURN(
        auto st,
        db_->Prepare(
            "UPDATE records SET version=version+1, body=?, author_id=?, updated_at=? WHERE id=?"));
    KINERJA_RETURN_IF_ERROR(st.Bind(1, edit.body.dump())
                                .Bind(2, author)
                                .Bind(3, change.created_at)
                                .Bind(4, existing->id)
                                .Run());
  } else {
    change.record_id = edit.record_id.empty() ? NewId() : edit.record_id;
    if (!wire::IsValidId(change.record_id)) {
      return Status::InvalidArgument("record id is not a valid id");
    }
    change.base_version = 0;
    KINERJA_ASSIGN_OR_RETURN(auto st,
                             db_->Prepare("INSERT INTO records(id, kind, version, unit_path, "
                                          "subject_id, author_id, body, updated_at)"
                                          " VALUES(?, ?, 1, ?, ?, ?, ?, ?)"));
    KINERJA_RETURN_IF_ERROR(st.Bind(1, change.record_id)
                                .Bind(2, edit.kind)
                                .Bind(3, edit.unit_path)
                                .Bind(4, edit.subject_id)
                                .Bind(5, author)
                                .Bind(6, edit.body.dump())
                                .Bind(7, change.created_at)
                                .Run());
  }
  KINERJA_ASSIGN_OR_RETURN(
      auto q,
      db_->Prepare(
          "INSERT INTO outbox(change_id, record_id, kind, base_version, body, created_at, resolves)"
          " VALUES(?, ?, ?, ?, ?, ?, ?)"));
  KINERJA_RETURN_IF_ERROR(q.Bind(1, change.change_id)
                              .Bind(2, change.record_id)
                              .Bind(3, change.kind)
                              .Bind(4, change.base_version)
                              .Bind(5, change.body.dump())
                              .Bind(6, change.created_at)
                              .Bind(7, Json(edit.resolves).dump())
                              .Run());
  change.resolves = edit.resolves;
  KINERJA_RETURN_IF_ERROR(tx.Commit());
  return change;
}

Result<int64_t> LocalStore::PendingCount() {
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("SELECT count(*) FROM outbox"));
  KINERJA_RETURN_IF_ERROR(st.Step().status());
  return st.ColumnInt(0);
}

Result<std::vector<LocalStore::KindCount>> LocalStore::PendingByKind() {
  KINERJA_ASSIGN_OR_RETURN(
      auto st, db_->Prepare("SELECT kind, count(*) FROM outbox GROUP BY kind ORDER BY kind"));
  std::vector<KindCount> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.ColumnText(0), st.ColumnInt(1)});
  }
  return out;
}

Result<std::vector<wire::Record>> LocalStore::ListConflicts() {
  KINERJA_ASSIGN_OR_RETURN(
      auto st, db_->Prepare(std::string("SELECT ") + kRecordColumns +
                            " FROM records WHERE conflict=1 ORDER BY updated_at DESC, id"));
  return AllRecords(st);
}

Result<Json> LocalStore::ExportUnsynced(int64_t now_unix) {
  auto push = NextPush(static_cast<size_t>(INT64_MAX));
  if (!push.ok()) return push.status();
  KINERJA_ASSIGN_OR_RETURN(auto aside, ListSetAside());
  KINERJA_ASSIGN_OR_RETURN(auto session, LoadSession());
  Json set_aside = Json::array();
  for (const auto& c : aside) {
    set_aside.push_back({{"change_id", c.change_id}, {"record_id", c.record_id}, {"kind", c.kind},
                         {"created_at", c.created_at}, {"code", c.code}, {"reason", c.reason},
                         {"body", c.body}});
  }
  return Json{{"format", "kinerja-unsynced"},
              {"version", 1},
              {"exported_at", IsoUtc(now_unix)},
              {"device_id", push->device_id},
              {"user", session.has_value() ? (session)->username : ""},
              {"push", wire::ToJson(*push)},
              {"set_aside", std::move(set_aside)}};
}

Result<wire::PushRequest> LocalStore::NextPush(size_t limit) {
  wire::PushRequest req;
  KINERJA_ASSIGN_OR_RETURN(auto device, DeviceId());
  req.device_id = device;
  // Handed out: from now on these changes are sent as they are, never replaced.
  KINERJA_ASSIGN_OR_RETURN(
      auto freeze, db_->Prepare("UPDATE outbox SET handed_out=1 WHERE handed_out=0 AND seq IN"
                                " (SELECT seq FROM outbox ORDER BY seq LIMIT ?)"));
  KINERJA_RETURN_IF_ERROR(freeze.Bind(1, static_cast<int64_t>(limit)).Run());
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare(
          "SELECT change_id, record_id, kind, base_version, body, created_at, resolves FROM outbox"
          " ORDER BY seq LIMIT ?"));
  st.Bind(1, static_cast<int64_t>(limit));
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    wire::Change c;
    c.change_id = st.ColumnText(0);
    c.record_id = st.ColumnText(1);
    c.kind = st.ColumnText(2);
    c.base_version = st.ColumnInt(3);
    auto body = ParseJson(st.ColumnText(4));
    if (!body.ok()) return Status::Corruption("outbox change " + c.change_id + ": bad body");
    c.body = std::move(body).value();
    c.created_at = st.ColumnText(5);
    auto resolves = ParseJson(st.ColumnText(6));
    if (resolves.ok() && resolves->is_array()) {
      for (const auto& id : *resolves) {
        if (id.is_string()) c.resolves.push_back(id.get<std::string>());
      }
    }
    req.changes.push_back(std::move(c));
  }
  return req;
}

Status LocalStore::ApplyPushResponse(const wire::PushResponse& response) {
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  for (const auto& ack : response.acks) {
    KINERJA_ASSIGN_OR_RETURN(auto find,
                             db_->Prepare("SELECT record_id FROM outbox WHERE change_id=?"));
    find.Bind(1, ack.change_id);
    KINERJA_ASSIGN_OR_RETURN(auto row, find.Step());
    if (!row) continue;  // already dropped: a repeated acknowledgement
    std::string record_id = find.ColumnText(0);
    KINERJA_ASSIGN_OR_RETURN(auto del, db_->Prepare("DELETE FROM outbox WHERE change_id=?"));
    KINERJA_RETURN_IF_ERROR(del.Bind(1, ack.change_id).Run());
    KINERJA_ASSIGN_OR_RETURN(
        auto upd,
        db_->Prepare(
            "UPDATE records SET server_version=max(server_version, ?), conflict=? WHERE id=?"));
    KINERJA_RETURN_IF_ERROR(upd.Bind(1, ack.version)
                                .Bind(2, ack.outcome == wire::Outcome::kConflict ? 1 : 0)
                                .Bind(3, record_id)
                                .Run());
    KINERJA_RETURN_IF_ERROR(RewindForSkippedRecord(record_id));
  }
  return tx.Commit();
}

Status LocalStore::SetAside(const std::string& change_id, const Status& reason) {
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  KINERJA_ASSIGN_OR_RETURN(auto find,
                           db_->Prepare("SELECT seq, record_id FROM outbox WHERE change_id=?"));
  find.Bind(1, change_id);
  KINERJA_ASSIGN_OR_RETURN(bool queued, find.Step());
  if (!queued) return Status::NotFound("change " + change_id + " is not queued");
  const int64_t seq = find.ColumnInt(0);
  const std::string record_id = find.ColumnText(1);
  // The refused change and every later queued change of its record (each was based on the
  // one before, so none of them can reach the server any more).
  KINERJA_ASSIGN_OR_RETURN(
      auto move,
      db_->Prepare(
          "INSERT OR REPLACE INTO set_aside(change_id, record_id, kind, base_version, body,"
          " created_at, code, reason) SELECT change_id, record_id, kind, base_version, body,"
          " created_at, ?3, CASE WHEN seq=?2 THEN ?4 ELSE ?5 END FROM outbox"
          " WHERE record_id=?1 AND seq>=?2"));
  KINERJA_RETURN_IF_ERROR(
      move.Bind(1, record_id)
          .Bind(2, seq)
          .Bind(3, CodeName(reason.code()))
          .Bind(4, reason.message())
          .Bind(5, "follows set-aside change " + change_id + ": " + reason.message())
          .Run());
  KINERJA_ASSIGN_OR_RETURN(auto del,
                           db_->Prepare("DELETE FROM outbox WHERE record_id=? AND seq>=?"));
  KINERJA_RETURN_IF_ERROR(del.Bind(1, record_id).Bind(2, seq).Run());
  // The server's copy is the truth for this record now. Later edits are based on what the
  // server acknowledged plus the earlier changes still queued, never on the set-aside ones.
  auto earlier = db_->Prepare("SELECT max(base_version) + 1 FROM outbox WHERE record_id=?");
  if (!earlier.ok()) return earlier.status();
  earlier->Bind(1, record_id);
  KINERJA_RETURN_IF_ERROR(earlier->Step().status());
  const bool still_queued = !earlier->ColumnIsNull(0);
  if (still_queued) {
    KINERJA_ASSIGN_OR_RETURN(auto rebase, db_->Prepare("UPDATE records SET version=? WHERE id=?"));
    KINERJA_RETURN_IF_ERROR(rebase.Bind(1, earlier->ColumnInt(0)).Bind(2, record_id).Run());
    // Once the earlier ones are acknowledged, the record is pulled again from the start.
    KINERJA_RETURN_IF_ERROR(SetMeta(kSkippedPrefix + record_id, "1"));
    return tx.Commit();
  }
  // Nothing of it queued: a record the server never had leaves the device; any other falls
  // back to the server's version. Then pull everything in scope again (rare, and simpler
  // than tracking one record's position).
  KINERJA_ASSIGN_OR_RETURN(auto drop,
                           db_->Prepare("DELETE FROM records WHERE server_version=0 AND id=?"));
  KINERJA_RETURN_IF_ERROR(drop.Bind(1, record_id).Run());
  KINERJA_ASSIGN_OR_RETURN(auto rebase,
                           db_->Prepare("UPDATE records SET version=server_version WHERE id=?"));
  KINERJA_RETURN_IF_ERROR(rebase.Bind(1, record_id).Run());
  KINERJA_RETURN_IF_ERROR(SetMeta("cursor", "0"));
  KINERJA_RETURN_IF_ERROR(DeleteMeta(kSkippedPrefix + record_id));
  return tx.Commit();
}

Result<bool> LocalStore::HasQueued(std::string_view record_id) {
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("SELECT 1 FROM outbox WHERE record_id=? LIMIT 1"));
  st.Bind(1, record_id);
  return st.Step();
}

Result<int64_t> LocalStore::RecordCount() {
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("SELECT count(*) FROM records"));
  KINERJA_RETURN_IF_ERROR(st.Step().status());
  return st.ColumnInt(0);
}

Result<std::vector<LocalStore::SubjectField>> LocalStore::FieldOfKind(
    std::string_view kind, std::string_view field, std::string_view match_field,
    std::string_view match_value) {
  if (!wire::IsValidId(field) || !wire::IsValidId(match_field)) {
    return Status::InvalidArgument("body field names must be plain keys");
  }
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare("SELECT subject_id, coalesce(json_extract(body, '$.' || ?2), '') FROM records"
                   " WHERE kind=?1 AND json_extract(body, '$.' || ?3) = ?4"));
  st.Bind(1, kind).Bind(2, field).Bind(3, match_field).Bind(4, match_value);
  std::vector<SubjectField> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.ColumnText(0), st.ColumnText(1)});
  }
  return out;
}

Result<std::vector<LocalStore::SetAsideChange>> LocalStore::ListSetAside() {
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare(
          "SELECT change_id, record_id, kind, body, created_at, code, reason FROM set_aside"
          " ORDER BY created_at, change_id"));
  std::vector<SetAsideChange> out;
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    SetAsideChange c;
    c.change_id = st.ColumnText(0);
    c.record_id = st.ColumnText(1);
    c.kind = st.ColumnText(2);
    auto body = ParseJson(st.ColumnText(3));
    c.body = body.ok() ? *body : Json::object();
    c.created_at = st.ColumnText(4);
    c.code = st.ColumnText(5);
    c.reason = st.ColumnText(6);
    out.push_back(std::move(c));
  }
  return out;
}

Result<int64_t> LocalStore::Cursor() {
  KINERJA_ASSIGN_OR_RETURN(auto c, GetMeta("cursor"));
  if (!c.has_value()) return int64_t{0};
  return static_cast<int64_t>(std::strtoll((c)->c_str(), nullptr, 10));
}

Status LocalStore::ApplyPull(const wire::PullResponse& response) {
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  KINERJA_ASSIGN_OR_RETURN(auto pending,
                           db_->Prepare("SELECT 1 FROM outbox WHERE record_id=? LIMIT 1"));
  KINERJA_ASSIGN_OR_RETURN(
      auto upsert,
      db_->Prepare(
          "INSERT INTO records(id, kind, version, server_version, unit_path, subject_id, author_id,"
          " body, conflict, updated_at) VALUES(?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
          " ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, version=excluded.version,"
          " server_version=excluded.server_version, unit_path=excluded.unit_path,"
          " subject_id=excluded.subject_id, author_id=excluded.author_id, body=excluded.body,"
          " conflict=excluded.conflict, updated_at=excluded.updated_at"));
  for (const auto& r : response.records) {
    pending.Reset();
    pending.Bind(1, r.id);
    auto has = pending.Step();
    if (!has.ok()) return has.status();
    if (*has) {
      // Local edits win until the server has acknowledged them. The cursor moves past this
      // record anyway, so note where it was: once its last edit is acknowledged the device
      // pulls it again (the server's copy may differ: a conflict, or an ack that came late).
      KINERJA_RETURN_IF_ERROR(SetMeta(kSkippedPrefix + r.id, std::to_string(r.seq)));
      continue;
    }
    KINERJA_RETURN_IF_ERROR(DeleteMeta(kSkippedPrefix + r.id));
    upsert.Reset();
    KINERJA_RETURN_IF_ERROR(upsert.Bind(1, r.id)
                                .Bind(2, r.kind)
                                .Bind(3, r.version)
                                .Bind(4, r.unit_path)
                                .Bind(5, r.subject_id)
                                .Bind(6, r.author_id)
                                .Bind(7, r.body.dump())
                                .Bind(8, r.conflict ? 1 : 0)
                                .Bind(9, r.updated_at)
                                .Run());
  }
  KINERJA_RETURN_IF_ERROR(SetMeta("cursor", std::to_string(response.cursor)));
  return tx.Commit();
}

}  // namespace kinerja

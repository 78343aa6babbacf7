#include "server/store/central_store.h"

#include "engine/service/timestamp.h"
#include "engine/sync/ids.h"
#include "server/kinds/record_kinds.h"

namespace kinerja::server {
namespace {

// A change refused for a reason a person must look at (kLocked: a signed-off record) is kept
// in refused_changes, once; best effort: the push fails with `why` either way.
void KeepRefusedForReview(Database& db, const Principal& who, const std::string& device_id,
                          const wire::Change& c, const Status& why, int64_t now) {
  auto keep = db.Prepare(
      "INSERT OR IGNORE INTO refused_changes(change_id, record_id, kind, device_id, user_id,"
      " base_version, body, code, reason, received_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
  if (!keep.ok()) return;
  (void)keep->Bind(1, c.change_id)
      .Bind(2, c.record_id)
      .Bind(3, c.kind)
      .Bind(4, device_id)
      .Bind(5, who.user_id)
      .Bind(6, c.base_version)
      .Bind(7, c.body.dump())
      .Bind(8, CodeName(why.code()))
      .Bind(9, why.message())
      .Bind(10, IsoUtc(now))
      .Run();
}

// A change's created_at is the device's clock when the change was made: absent (empty) or an
// ISO-8601 UTC time, as the engine writes it ("2026-11-29T05:30:00Z"), read by the parser of
// queue ticket times (engine/service/timestamp.h). Else kInvalidArgument naming `where`.
Status CheckCreatedAt(const wire::Change& c, const std::string& where) {
  if (c.created_at.empty()) return Status::Ok();
  const std::string& t = c.created_at;
  const bool utc = t.back() == 'Z' || t.ends_with("+00:00") || t.ends_with("+0000");
  if (utc && ParseIsoTimestamp(t).ok()) return Status::Ok();
  return Status::InvalidArgument(where +
                                 ".created_at must be an ISO-8601 UTC time such as "
                                 "2026-11-29T05:30:00Z, not \"" +
                                 t.substr(0, 40) + "\"");
}

// The change that made a record's current version moves to past_changes, body and all ...
constexpr const char* kKeepCurrentAsPast =
    "INSERT INTO past_changes(change_id, record_id, kind, device_id, user_id, base_version,"
    " body, outcome, result_version, created_at, received_at)"
    " SELECT change_id, id, kind, device_id, author_id, version - 1, body, 'applied', version,"
    " created_at, updated_at FROM records WHERE id=? AND change_id IS NOT NULL";
// ... and the row takes the next version.
constexpr const char* kNextVersion =
    "UPDATE records SET version=version+1, body=?, author_id=?, seq=?, updated_at=?,"
    " change_id=?, device_id=?, created_at=? WHERE id=?";

// One batch applied to the ledger, change by change, inside the push's transaction. Each
// step below is one decision of docs/sync.md's push; a failed step fails the batch (the
// caller rolls it back). Holds cached statements of `db`: lives within one push.
class BatchWriter {
 public:
  BatchWriter(Database& db, const Principal& who, const wire::PushRequest& req,
              const std::vector<std::string>* body_texts, int64_t now)
      : db_(db), who_(who), req_(req), body_texts_(body_texts), now_iso_(IsoUtc(now)) {
    push_.now = now;
  }

  // Reads the seq counter once: the batch counts on in memory and writes it back once in
  // Finish. The transaction holds SQLite's write lock from its start (BEGIN IMMEDIATE), so no
  // other writer, in this process or another, can move the counter meanwhile.
  Status Begin() {
    KINERJA_ASSIGN_OR_RETURN(Statement* head, db_.Cached("SELECT value FROM counters WHERE name='seq'"));
    KINERJA_ASSIGN_OR_RETURN(const bool found, head->Step());
    if (!found) return Status::Corruption("the seq counter is missing");
    first_seq_ = last_seq_ = head->ColumnInt(0);
    head->Reset();
    return Status::Ok();
  }

  // The usual change creates a record (a note, a survey response): it tries the short way
  // first, checked as new and inserted, with the constraints on the record's id and change
  // id as its test of being new (a change id in past_changes is looked up). True when it was
  // applied so. Any other answer (a resend, an id in use, a refused check) is false and takes
  // the long way (Apply), which decides exactly as if the short way had not been tried: a
  // failed insert wrote nothing.
  Result<bool> TryCreate(size_t i, const std::string& where, wire::PushResponse& resp) {
    static const std::optional<StoredRecord> kNew;
    const wire::Change& c = req_.changes[i];
    if (c.base_version != 0 || !c.resolves.empty()) return false;
    KINERJA_ASSIGN_OR_RETURN(Statement* past, db_.Cached("SELECT 1 FROM past_changes WHERE change_id=?"));
    past->Bind(1, c.change_id);
    KINERJA_ASSIGN_OR_RETURN(const bool in_past, past->Step());
    past->Reset();  // done with it before this change writes
    if (in_past) return false;
    auto accepted = CheckChange(db_, who_, c, kNew, where, push_);
    if (!accepted.ok()) return false;
    std::string made;
    Status created = Create(c, *accepted, BodyText(i, *accepted, &made), last_seq_ + 1);
    if (created.code() == Code::kAlreadyExists) return false;
    KINERJA_RETURN_IF_ERROR(created);
    ++last_seq_;
    KINERJA_RETURN_IF_ERROR(WriteAlso(c, *accepted, where));
    ++applied_;
    resp.acks.push_back({c.change_id, wire::Outcome::kApplied, 1});
    return true;
  }

  // A change seen before is acknowledged with its first result, and stored once: true when
  // `c` was. kInvalidArgument when its id was used for another record.
  Result<bool> AckIfSeen(const wire::Change& c, const std::string& where,
                         wire::PushResponse& resp) {
    // The ledger view (schema v7): a record's current change or a past one.
    KINERJA_ASSIGN_OR_RETURN(
        Statement* seen,
        db_.Cached("SELECT outcome, result_version, record_id FROM changes WHERE change_id=?"));
    seen->Bind(1, c.change_id);
    KINERJA_ASSIGN_OR_RETURN(const bool found, seen->Step());
    if (!found) return false;
    if (seen->ColumnText(2) != c.record_id) {
      return Status::InvalidArgument(where + ".change_id " + c.change_id +
                                     " was already used for another record");
    }
    resp.acks.push_back({c.change_id, wire::Outcome::kDuplicate, seen->ColumnInt(1)});
    seen->Reset();
    return true;
  }

  // The long way: checks `c` against the record as stored and applies it, keeping a
  // conflicting edit and settling the conflicts it resolves.
  Status Apply(size_t i, const std::string& where, wire::PushResponse& resp) {
    const wire::Change& c = req_.changes[i];
    KINERJA_ASSIGN_OR_RETURN(const std::optional<StoredRecord> existing, LoadRecord(db_, c.record_id));
    KINERJA_ASSIGN_OR_RETURN(const Accepted accepted,
                             CheckChange(db_, who_, c, existing, where, push_));
    if (!c.resolves.empty()) KINERJA_RETURN_IF_ERROR(CheckResolvesOpen(c, existing, where));
    const int64_t seq = ++last_seq_;
    std::string made;
    const std::string& body = BodyText(i, accepted, &made);
    KINERJA_ASSIGN_OR_RETURN(const wire::ChangeAck ack, ApplyOnto(c, existing, accepted, body, seq, where));
    if (ack.outcome == wire::Outcome::kConflict) KINERJA_RETURN_IF_ERROR(KeepConflictingEdit(c, ack, body));
    if (ack.outcome == wire::Outcome::kApplied) KINERJA_RETURN_IF_ERROR(WriteAlso(c, accepted, where));
    if (!c.resolves.empty() && ack.outcome == wire::Outcome::kApplied) {
      KINERJA_RETURN_IF_ERROR(SettleResolutions(c));
    }
    ++applied_;
    resp.acks.push_back(ack);
    return Status::Ok();
  }

  // Writes the seq counter back (if the batch used any). How many changes were applied.
  Result<size_t> Finish() {
    if (last_seq_ != first_seq_) {
      KINERJA_ASSIGN_OR_RETURN(Statement* set_head,
                               db_.Cached("UPDATE counters SET value=? WHERE name='seq'"));
      KINERJA_RETURN_IF_ERROR(set_head->Bind(1, last_seq_).Run());
    }
    return applied_;
  }

 private:
  // The text a change's body is stored as: the request's own, unless a check changed it.
  const std::string& BodyText(size_t i, const Accepted& a, std::string* made) const {
    if (!a.body_as_sent) return *made = a.body.dump();
    if (body_texts_) return (*body_texts_)[i];
    return *made = req_.changes[i].body.dump();
  }

  // A new record's row, which also holds the change that made it (schema v7). The strings
  // bound live until the insert has run (the request, the check's answer, the body text):
  // bound without a copy.
  Status Create(const wire::Change& c, const Accepted& a, const std::string& body, int64_t seq) {
    KINERJA_ASSIGN_OR_RETURN(
        Statement* st,
        db_.Cached("INSERT INTO records(id, kind, version, unit_path, subject_id, author_id, body,"
                   " seq, updated_at, change_id, device_id, created_at)"
                   " VALUES(?,?,1,?,?,?,?,?,?,?,?,?)"));
    return st->BindRef(1, c.record_id)
        .BindRef(2, c.kind)
        .BindRef(3, a.unit_path)
        .BindRef(4, a.subject_id)
        .BindRef(5, who_.user_id)
        .BindRef(6, body)
        .Bind(7, seq)
        .BindRef(8, now_iso_)
        .BindRef(9, c.change_id)
        .BindRef(10, req_.device_id)
        .BindRef(11, c.created_at)
        .Run();
  }

  // A resolution settles kept conflicting edits of this record, from its current version;
  // every id it names must be an open conflict of the record.
  Status CheckResolvesOpen(const wire::Change& c, const std::optional<StoredRecord>& existing,
                           const std::string& where) {
    if (!existing.has_value() || existing->version != c.base_version) {
      return Status::StaleVersion(where + ": a conflict resolution must be based on the "
                                  "record's current version; pull and resolve again");
    }
    KINERJA_ASSIGN_OR_RETURN(
        Statement* open_conflict,
        db_.Cached("SELECT 1 FROM conflicts WHERE change_id=? AND record_id=? AND resolved=0"));
    for (const auto& id : c.resolves) {
      open_conflict->Reset();
      open_conflict->Bind(1, id).Bind(2, c.record_id);
      KINERJA_ASSIGN_OR_RETURN(const bool found, open_conflict->Step());
      if (!found) {
        return Status::InvalidArgument(where + ".resolves: " + id +
                                       " is not an open conflict of record " + c.record_id);
      }
    }
    return Status::Ok();
  }

  // Creates, replaces or flags the record by `c`'s base version: applied on the current
  // version (or as a new record), a conflict on an older one, kStaleVersion on one the server
  // never had.
  Result<wire::ChangeAck> ApplyOnto(const wire::Change& c, const std::optional<StoredRecord>& existing,
                                    const Accepted& accepted, const std::string& body, int64_t seq,
                                    const std::string& where) {
    wire::ChangeAck ack{c.change_id, wire::Outcome::kApplied, 0};
    if (!existing.has_value()) {
      if (c.base_version != 0) {
        return Status::StaleVersion(where + ": record " + c.record_id + " does not exist yet at " +
                                    "version " + std::to_string(c.base_version) +
                                    "; push its earlier changes first");
      }
      KINERJA_RETURN_IF_ERROR(Create(c, accepted, body, seq));
      ack.version = 1;
    } else if (existing->version == c.base_version) {
      KINERJA_RETURN_IF_ERROR(Replace(c, body, seq));
      ack.version = existing->version + 1;
    } else if (c.base_version < existing->version) {
      // Someone else changed the record since this edit's base: keep both, flag the record.
      ack.outcome = wire::Outcome::kConflict;
      ack.version = existing->version;
      KINERJA_ASSIGN_OR_RETURN(Statement* mark,
                               db_.Cached("UPDATE records SET conflict=1, seq=? WHERE id=?"));
      KINERJA_RETURN_IF_ERROR(mark->Bind(1, seq).Bind(2, c.record_id).Run());
    } else {
      return Status::StaleVersion(where + ": based on version " + std::to_string(c.base_version) +
                                  " but the server holds version " +
                                  std::to_string(existing->version) +
                                  "; push the earlier changes of this record first");
    }
    return ack;
  }

  // The next version of a record: the change that made the version being replaced moves to
  // past_changes, body and all; the row takes `c`.
  Status Replace(const wire::Change& c, const std::string& body, int64_t seq) {
    KINERJA_ASSIGN_OR_RETURN(Statement* keep_past, db_.Cached(kKeepCurrentAsPast));
    KINERJA_RETURN_IF_ERROR(keep_past->Bind(1, c.record_id).Run());
    KINERJA_ASSIGN_OR_RETURN(Statement* upd, db_.Cached(kNextVersion));
    return upd->Bind(1, body)
        .Bind(2, who_.user_id)
        .Bind(3, seq)
        .Bind(4, now_iso_)
        .Bind(5, c.change_id)
        .Bind(6, req_.device_id)
        .Bind(7, c.created_at)
        .Bind(8, c.record_id)
        .Run();
  }

  // The record a check asked the server to write beside `c` (Accepted::also), as its next
  // version at the next seq. The version it replaces moves to past_changes like any other;
  // the new one is the server's, named after the change that caused it ("decision:" and the
  // change id: a colon is never in a device's change id, so it cannot collide with one).
  Status WriteAlso(const wire::Change& c, const Accepted& a, const std::string& where) {
    if (!a.also) return Status::Ok();
    KINERJA_ASSIGN_OR_RETURN(const std::optional<StoredRecord> target, LoadRecord(db_, a.also->id));
    if (!target || target->version != a.also->base_version) {
      return Status::StaleVersion(where + ": record " + a.also->id +
                                  " changed while this change was checked; push it again");
    }
    KINERJA_ASSIGN_OR_RETURN(Statement* keep_past, db_.Cached(kKeepCurrentAsPast));
    KINERJA_RETURN_IF_ERROR(keep_past->Bind(1, a.also->id).Run());
    KINERJA_ASSIGN_OR_RETURN(Statement* upd, db_.Cached(kNextVersion));
    const std::string change_id = "decision:" + c.change_id;
    return upd->Bind(1, a.also->body.dump())
        .Bind(2, who_.user_id)
        .Bind(3, ++last_seq_)
        .Bind(4, now_iso_)
        .Bind(5, change_id)
        .Bind(6, req_.device_id)
        .Bind(7, c.created_at)
        .Bind(8, a.also->id)
        .Run();
  }

  // A kept edit is a past change from the start (it never made a current version) and an
  // open conflict of its record.
  Status KeepConflictingEdit(const wire::Change& c, const wire::ChangeAck& ack,
                             const std::string& body) {
    KINERJA_ASSIGN_OR_RETURN(
        Statement* log,
        db_.Cached("INSERT INTO past_changes(change_id, record_id, kind, device_id, user_id,"
                   " base_version, body, outcome, result_version, created_at, received_at)"
                   " VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
    KINERJA_RETURN_IF_ERROR(log->Bind(1, c.change_id)
                                .Bind(2, c.record_id)
                                .Bind(3, c.kind)
                                .Bind(4, req_.device_id)
                                .Bind(5, who_.user_id)
                                .Bind(6, c.base_version)
                                .Bind(7, body)
                                .Bind(8, wire::OutcomeName(ack.outcome))
                                .Bind(9, ack.version)
                                .Bind(10, c.created_at)
                                .Bind(11, now_iso_)
                                .Run());
    KINERJA_ASSIGN_OR_RETURN(
        Statement* keep,
        db_.Cached("INSERT INTO conflicts(change_id, record_id, base_version, body)"
                   " VALUES(?,?,?,?)"));
    return keep->Bind(1, c.change_id)
        .Bind(2, c.record_id)
        .Bind(3, c.base_version)
        .Bind(4, body)
        .Run();
  }

  // An applied resolution closes the conflicts it names; the record stays flagged while any
  // other is open.
  Status SettleResolutions(const wire::Change& c) {
    KINERJA_ASSIGN_OR_RETURN(
        Statement* settle,
        db_.Cached("UPDATE conflicts SET resolved=1 WHERE change_id=? AND record_id=?"));
    for (const auto& id : c.resolves) {
      settle->Reset();
      KINERJA_RETURN_IF_ERROR(settle->Bind(1, id).Bind(2, c.record_id).Run());
    }
    KINERJA_ASSIGN_OR_RETURN(
        Statement* clear,
        db_.Cached("UPDATE records SET conflict=EXISTS(SELECT 1 FROM conflicts WHERE"
                   " record_id=?1 AND resolved=0) WHERE id=?1"));
    return clear->Bind(1, c.record_id).Run();
  }

  Database& db_;
  const Principal& who_;
  const wire::PushRequest& req_;
  const std::vector<std::string>* body_texts_;
  const std::string now_iso_;
  PushContext push_;  // a batch names the same few employees: each loaded once
  int64_t first_seq_ = 0;
  int64_t last_seq_ = 0;
  size_t applied_ = 0;
};

}  // namespace

Result<wire::PushResponse> CentralStore::Push(const Principal& who, const wire::PushRequest& req,
                                              int64_t now, std::string* failed_change_id,
                                              const std::vector<std::string>* body_texts) {
  if (body_texts && body_texts->size() != req.changes.size()) body_texts = nullptr;
  if (req.device_id != who.device_id) {
    return Status::PermissionDenied("push.device_id does not match the device of this session");
  }
  size_t failed = req.changes.size();
  for (size_t i = 0; i < req.changes.size(); ++i) {
    if (Status t = CheckCreatedAt(req.changes[i], "changes[" + std::to_string(i) + "]"); !t.ok()) {
      if (failed_change_id) *failed_change_id = req.changes[i].change_id;
      return t;
    }
  }
  Result<wire::PushResponse> resp = Status::Internal("the push was not applied");
  // Runs inside the group's transaction, within a savepoint of its own: a refused batch
  // rolls back to it and writes nothing (but the refused edit kept for review).
  Status s = push_group_.Run(*db_, mu_, lock_times_, [&](Database& db) -> Status {
    KINERJA_RETURN_IF_ERROR(db.Exec("SAVEPOINT push_changes"));
    resp = ApplyBatchWhileHeld(who, req, body_texts, now, &failed);
    if (resp.ok()) return db.Exec("RELEASE push_changes");
    (void)db.Exec("ROLLBACK TO push_changes");
    (void)db.Exec("RELEASE push_changes");
    if (resp.status().code() == Code::kLocked && failed < req.changes.size()) {
      // The batch wrote nothing; the refused edit is kept for review, once.
      KeepRefusedForReview(db, who, req.device_id, req.changes[failed], resp.status(), now);
    }
    return resp.status();
  });
  if (s.ok()) return resp;
  if (failed < req.changes.size() && failed_change_id) {
    *failed_change_id = req.changes[failed].change_id;
  }
  return s;
}

Result<wire::PushResponse> CentralStore::ApplyBatchWhileHeld(
    const Principal& who, const wire::PushRequest& req,
    const std::vector<std::string>* body_texts, int64_t now, size_t* failed_index) {
  // Runs inside the caller's transaction (Push: the group's, within a savepoint).
  wire::PushResponse resp;
  resp.acks.reserve(req.changes.size());
  BatchWriter batch(*db_, who, req, body_texts, now);
  KINERJA_RETURN_IF_ERROR(batch.Begin());
  for (size_t i = 0; i < req.changes.size(); ++i) {
    *failed_index = i;  // names the change if anything below fails
    const std::string where = "changes[" + std::to_string(i) + "]";
    KINERJA_ASSIGN_OR_RETURN(const bool created, batch.TryCreate(i, where, resp));
    if (created) continue;
    KINERJA_ASSIGN_OR_RETURN(const bool seen, batch.AckIfSeen(req.changes[i], where, resp));
    if (seen) continue;
    KINERJA_RETURN_IF_ERROR(batch.Apply(i, where, resp));
  }
  *failed_index = req.changes.size();
  KINERJA_ASSIGN_OR_RETURN(const size_t applied, batch.Finish());
  if (applied > 0) {
    KINERJA_RETURN_IF_ERROR(AuditWhileHeld(
        &who, "push", std::to_string(applied) + " changes from device " + req.device_id, now));
  }
  return resp;
}

}  // namespace kinerja::server

#include "server/store/central_store.h"

#include "engine/sync/ids.h"
#include "server/auth/auth.h"
#include "server/kinds/record_kinds.h"

namespace kinerja::server {

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
  if (!e.pangkat_golongan.empty()) body["pangkat_golongan"] = e.pangkat_golongan;
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

}  // namespace kinerja::server

#include "server/store/central_store.h"

#include "engine/org/pangkat.h"
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
    KINERJA_ASSIGN_OR_RETURN(auto parent, UnitPath(parent_id));
    path = parent + id + "/";
  }
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare("INSERT INTO units(id, parent_id, name, kind, path) VALUES(?,?,?,?,?)"));
  st.Bind(1, id).Bind(3, name).Bind(4, kind).Bind(5, path);
  if (parent_id.empty()) {
    st.BindNull(2);
  } else {
    st.Bind(2, parent_id);
  }
  KINERJA_RETURN_IF_ERROR(st.Run());
  // Units sync too (kind "unit", id "unit.<id>"), so a tablet knows the units of its scope:
  // the kiosk offers them, HR views group by them.
  Json body{{"unit_id", id}, {"name", name}, {"kind", kind}, {"parent_id", parent_id}};
  KINERJA_RETURN_IF_ERROR(PutRecordWhileHeld("unit." + id, "unit", path, "", body, false).status());
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
  KINERJA_ASSIGN_OR_RETURN(auto path, UnitPath(spec.unit_id));
  std::string id = NewId();
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db_->Prepare(
          "INSERT INTO users(id, username, password_hash, display_name, role, unit_id, employee_id,"
          " created_at) VALUES(?,?,?,?,?,?,?,?)"));
  Status s = st.Bind(1, id)
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
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("UPDATE users SET disabled=? WHERE username=?"));
  KINERJA_RETURN_IF_ERROR(st.Bind(1, disabled ? 1 : 0).Bind(2, username).Run());
  if (db_->Changes() == 0) return Status::NotFound("user '" + username + "' does not exist");
  if (disabled) {
    KINERJA_ASSIGN_OR_RETURN(
        auto del,
        db_->Prepare("DELETE FROM sessions WHERE user_id=(SELECT id FROM users WHERE username=?)"));
    KINERJA_RETURN_IF_ERROR(del.Bind(1, username).Run());
  }
  sessions_.Clear();
  return Status::Ok();
}

Status CentralStore::UpsertEmployee(const EmployeeSpec& e) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!wire::IsValidId(e.id)) return Status::InvalidArgument("employee id '" + e.id + "' is not valid");
  KINERJA_ASSIGN_OR_RETURN(auto path, UnitPath(e.unit_id));
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  Json body{{"nip", e.nip}, {"name", e.name}, {"position", e.position}, {"unit_id", e.unit_id},
            {"supervisor_id", e.supervisor_id}};
  if (!e.position_id.empty()) body["position_id"] = e.position_id;
  if (!e.pangkat_golongan.empty()) {
    // Printed on the evaluation document: one of the table's values, written one way.
    auto g = org::ParsePangkatGolongan(e.pangkat_golongan);
    if (!g.ok()) return Status::InvalidArgument("employee " + e.id + ": " + g.status().message());
    body["pangkat_golongan"] = org::FormatPangkatGolongan(*g);
  }
  // A re-import bumps the version even when nothing changed (the roster's "updated" count).
  KINERJA_RETURN_IF_ERROR(PutRecordWhileHeld(e.id, "employee", path, e.id, body, false).status());
  return tx.Commit();
}

Result<bool> CentralStore::PutServerRecord(const std::string& id, const std::string& kind,
                                           const std::string& unit_id, const Json& body) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!wire::IsValidId(id)) return Status::InvalidArgument("record id '" + id + "' is not valid");
  if ((", " + std::string(PushableKinds()) + ", ").find(", " + kind + ", ") != std::string::npos) {
    return Status::InvalidArgument("records of kind " + kind + " come from devices");
  }
  KINERJA_ASSIGN_OR_RETURN(auto path, UnitPath(unit_id));
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  KINERJA_ASSIGN_OR_RETURN(bool written, PutRecordWhileHeld(id, kind, path, "", body, true));
  if (!written) return false;  // the transaction rolls back: not even the seq moves
  KINERJA_RETURN_IF_ERROR(tx.Commit());
  return true;
}

Result<bool> CentralStore::PutRecordWhileHeld(const std::string& id, const std::string& kind,
                                              const std::string& unit_path,
                                              const std::string& subject_id, const Json& body,
                                              bool only_if_changed) {
  KINERJA_ASSIGN_OR_RETURN(int64_t seq, NextSeq());
  std::string sql =
      "INSERT INTO records(id, kind, version, unit_path, subject_id, body, seq, updated_at)"
      " VALUES(?1, ?2, 1, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET version=version+1,"
      " unit_path=excluded.unit_path, body=excluded.body, seq=excluded.seq,"
      " updated_at=excluded.updated_at WHERE kind=excluded.kind";
  if (only_if_changed) sql += " AND (body IS NOT excluded.body OR unit_path IS NOT excluded.unit_path)";
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare(sql));
  KINERJA_RETURN_IF_ERROR(st.Bind(1, id)
                              .Bind(2, kind)
                              .Bind(3, unit_path)
                              .Bind(4, subject_id)  // '' for records about no one
                              .Bind(5, body.dump())
                              .Bind(6, seq)
                              .Bind(7, IsoUtc(NowUnix()))
                              .Run());
  if (db_->Changes() > 0) return true;
  KINERJA_ASSIGN_OR_RETURN(auto same, db_->Prepare("SELECT 1 FROM records WHERE id=? AND kind=?"));
  same.Bind(1, id).Bind(2, kind);
  KINERJA_ASSIGN_OR_RETURN(bool row, same.Step());
  if (!row) return Status::AlreadyExists("record " + id + " exists with another kind");
  return false;
}

Result<bool> CentralStore::IsEmpty() {
  std::lock_guard<std::mutex> lock(mu_);
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("SELECT count(*) FROM users"));
  KINERJA_RETURN_IF_ERROR(st.Step().status());
  return st.ColumnInt(0) == 0;
}

}  // namespace kinerja::server

#include "server/store/central_store.h"

#include "engine/sync/ids.h"
#include "server/auth/auth.h"

namespace kinerja::server {
namespace {

constexpr int64_t kSessionSeconds = 30 * 24 * 3600;  // tablets stay offline for weeks

// A live session's principal and what a refresh needs of it; one read, one set of refusals,
// for the token check and the refresh alike.
struct SessionRow {
  Principal who;
  std::string display_name;
  int64_t expires_at = 0;
};

Result<SessionRow> ReadSession(Database& db, const std::string& token_hash, int64_t now) {
  KINERJA_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare(
          "SELECT u.id, u.username, u.role, un.path, u.employee_id, s.device_id, s.expires_at,"
          " u.disabled, coalesce(d.revoked, 0), u.display_name FROM sessions s"
          " JOIN users u ON u.id=s.user_id JOIN units un ON un.id=u.unit_id"
          " LEFT JOIN devices d ON d.id=s.device_id WHERE s.token_hash=?"));
  st.Bind(1, token_hash);
  KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
  if (!row) return Status::Unauthenticated("the session is unknown; log in again");
  if (st.ColumnInt(6) <= now) return Status::Unauthenticated("the session expired; log in again");
  if (st.ColumnInt(7) != 0) return Status::PermissionDenied("this account is disabled; ask HR");
  if (st.ColumnInt(8) != 0) return Status::PermissionDenied("this device has been revoked");
  auto role = wire::RoleFromName(st.ColumnText(2));
  if (!role.ok()) return Status::Corruption("a user has a bad role");
  return SessionRow{Principal{st.ColumnText(0), st.ColumnText(1), *role, st.ColumnText(3),
                              st.ColumnText(4), st.ColumnText(5)},
                    st.ColumnText(9), st.ColumnInt(6)};
}

}  // namespace

Result<wire::Session> CentralStore::Login(const wire::LoginRequest& req, int64_t now) {
  std::string user_id, hash, display, role_name, unit_id, employee_id;
  int64_t disabled = 0;
  {
    TimedLock lock(mu_, lock_times_, LockedOp::kLogin);
    KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("SELECT id, password_hash, display_name, role, "
                                                   "unit_id, employee_id, disabled FROM users"
                                                   " WHERE username=?"));
    st.Bind(1, req.username);
    KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
    if (row) {
      user_id = st.ColumnText(0);
      hash = st.ColumnText(1);
      display = st.ColumnText(2);
      role_name = st.ColumnText(3);
      unit_id = st.ColumnText(4);
      employee_id = st.ColumnText(5);
      disabled = st.ColumnInt(6);
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
  KINERJA_ASSIGN_OR_RETURN(auto path, UnitPath(unit_id));
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  KINERJA_ASSIGN_OR_RETURN(auto dev,
                           db_->Prepare("SELECT user_id, revoked FROM devices WHERE id=?"));
  dev.Bind(1, req.device_id);
  KINERJA_ASSIGN_OR_RETURN(auto drow, dev.Step());
  if (drow && dev.ColumnInt(1) != 0) {
    return Status::PermissionDenied("this device has been revoked; ask an administrator");
  }
  std::string now_iso = IsoUtc(now);
  KINERJA_ASSIGN_OR_RETURN(
      auto up,
      db_->Prepare(
          "INSERT INTO devices(id, user_id, label, first_seen, last_seen) VALUES(?1,?2,?3,?4,?4)"
          " ON CONFLICT(id) DO UPDATE SET user_id=excluded.user_id, last_seen=excluded.last_seen"));
  KINERJA_RETURN_IF_ERROR(
      up.Bind(1, req.device_id).Bind(2, user_id).Bind(3, req.device_label).Bind(4, now_iso).Run());
  wire::Session s;
  s.token = NewToken();
  s.expires_at = IsoUtc(now + kSessionSeconds);
  s.user_id = user_id;
  s.username = req.username;
  s.display_name = display;
  s.role = *role;
  s.employee_id = employee_id;
  s.unit_path = path;
  KINERJA_ASSIGN_OR_RETURN(
      auto ins,
      db_->Prepare("INSERT INTO sessions(token_hash, user_id, device_id, created_at, expires_at)"
                   " VALUES(?,?,?,?,?)"));
  const std::string token_hash = TokenHash(s.token);
  KINERJA_RETURN_IF_ERROR(ins.Bind(1, token_hash)
                              .Bind(2, user_id)
                              .Bind(3, req.device_id)
                              .Bind(4, now_iso)
                              .Bind(5, now + kSessionSeconds)
                              .Run());
  Principal p{user_id, req.username, *role, path, employee_id, req.device_id};
  KINERJA_RETURN_IF_ERROR(AuditWhileHeld(&p, "login", "device " + req.device_id, now));
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
  KINERJA_ASSIGN_OR_RETURN(SessionRow row, ReadSession(read.db(), hash, now));
  sessions_.Put(hash, row.who, row.expires_at, now, generation);
  return row.who;
}

Result<wire::Session> CentralStore::RefreshSession(const std::string& token, int64_t now) {
  const std::string old_hash = TokenHash(token);
  TimedLock lock(mu_, lock_times_, LockedOp::kLogin);
  Transaction tx(*db_);
  KINERJA_RETURN_IF_ERROR(tx.status());
  KINERJA_ASSIGN_OR_RETURN(const SessionRow row, ReadSession(*db_, old_hash, now));
  wire::Session s;
  s.token = NewToken();
  s.expires_at = IsoUtc(now + kSessionSeconds);
  s.user_id = row.who.user_id;
  s.username = row.who.username;
  s.display_name = row.display_name;
  s.role = row.who.role;
  s.unit_path = row.who.unit_path;
  s.employee_id = row.who.employee_id;
  const std::string device_id = row.who.device_id;

  KINERJA_ASSIGN_OR_RETURN(auto del, db_->Prepare("DELETE FROM sessions WHERE token_hash=?"));
  KINERJA_RETURN_IF_ERROR(del.Bind(1, old_hash).Run());
  const std::string new_hash = TokenHash(s.token);
  const std::string now_iso = IsoUtc(now);
  KINERJA_ASSIGN_OR_RETURN(
      auto ins,
      db_->Prepare("INSERT INTO sessions(token_hash, user_id, device_id, created_at, expires_at)"
                   " VALUES(?,?,?,?,?)"));
  KINERJA_RETURN_IF_ERROR(ins.Bind(1, new_hash)
                              .Bind(2, s.user_id)
                              .Bind(3, device_id)
                              .Bind(4, now_iso)
                              .Bind(5, now + kSessionSeconds)
                              .Run());
  KINERJA_ASSIGN_OR_RETURN(auto seen, db_->Prepare("UPDATE devices SET last_seen=? WHERE id=?"));
  KINERJA_RETURN_IF_ERROR(seen.Bind(1, now_iso).Bind(2, device_id).Run());
  Principal p{s.user_id, s.username, s.role, s.unit_path, s.employee_id, device_id};
  KINERJA_RETURN_IF_ERROR(AuditWhileHeld(&p, "session_refresh", "device " + device_id, now));
  KINERJA_RETURN_IF_ERROR(tx.Commit());
  // After the commit, still under the lock: a token check that read the old session before
  // the commit cannot keep it in the cache (Forget moves the generation it compares).
  sessions_.Forget(old_hash);
  sessions_.Put(new_hash, p, now + kSessionSeconds, now, sessions_.Generation());
  return s;
}

Result<Principal> CentralStore::PrincipalOf(const std::string& username,
                                            const std::string& device_id) {
  ReadAccess read(readers_.get(), mu_, *db_, lock_times_, LockedOp::kAuthenticate);
  KINERJA_RETURN_IF_ERROR(read.status());
  KINERJA_ASSIGN_OR_RETURN(
      auto st, read.db().Prepare("SELECT u.id, u.username, u.role, un.path, u.employee_id,"
                                 " u.disabled FROM users u JOIN units un ON un.id=u.unit_id"
                                 " WHERE u.username=?"));
  st.Bind(1, username);
  KINERJA_ASSIGN_OR_RETURN(auto row, st.Step());
  if (!row) return Status::NotFound("no user " + username);
  if (st.ColumnInt(5) != 0) return Status::PermissionDenied("the account " + username + " is disabled");
  auto role = wire::RoleFromName(st.ColumnText(2));
  if (!role.ok()) return Status::Corruption("a user has a bad role");
  return Principal{st.ColumnText(0), st.ColumnText(1), *role,
                   st.ColumnText(3), st.ColumnText(4), device_id};
}

Status CentralStore::Logout(const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string hash = TokenHash(token);
  KINERJA_ASSIGN_OR_RETURN(auto st, db_->Prepare("DELETE FROM sessions WHERE token_hash=?"));
  Status s = st.Bind(1, hash).Run();
  sessions_.Forget(hash);  // after the delete: a check racing it cannot keep the old answer
  return s;
}

}  // namespace kinerja::server

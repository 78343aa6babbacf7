#include "engine/store/db.h"

#include <sqlite3.h>

namespace kinerja {
namespace {

Status SqlError(sqlite3* db, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += sqlite3_errmsg(db);
  int code = sqlite3_extended_errcode(db);
  if ((code & 0xff) == SQLITE_CONSTRAINT) return Status::AlreadyExists(msg);
  if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) {
    return Status::Corruption(msg);
  }
  return Status::Io(msg);
}

// True when nothing but spaces and semicolons follows the first statement of a text.
bool NothingAfter(const char* tail) {
  return tail == nullptr ||
         std::string_view(tail).find_first_not_of(" \t\r\n;") == std::string_view::npos;
}

std::string Abbrev(std::string_view sql) {
  std::string s(sql.substr(0, 60));
  if (sql.size() > 60) s += "...";
  return s;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  // Before SQLite initialises: no global memory statistics. With them on (the default of
  // the system library), every allocation of every connection takes one process-wide
  // mutex, and the server's worker threads queue on it.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (the callers' locks see to it),
  // so SQLite's own per-connection mutex is only overhead.
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = "cannot open database " + path + ": " +
                      (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Status::Io(msg);
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<Database> out(new Database(db));
  // Reading the schema proves the file is a database (a text file fails here, not later).
  KINERJA_RETURN_IF_ERROR(out->Exec("PRAGMA foreign_keys=ON; SELECT count(*) FROM sqlite_master;"));
  return out;
}

Database::~Database() {
  cache_.clear();  // cached statements go back to the pool first
  for (auto& [sql, stmt] : idle_) sqlite3_finalize(stmt);
  idle_.clear();
  sqlite3_close_v2(db_);
}

void Database::Release(std::string sql, sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (sql.empty() || idle_.size() >= kIdleStatements || idle_.count(sql) != 0) {
    sqlite3_finalize(stmt);
    return;
  }
  idle_.emplace(std::move(sql), stmt);
}

Status Database::Exec(std::string_view sql) {
  // One statement (BEGIN, COMMIT, SAVEPOINT, a pragma: the frequent calls) runs from the
  // statement pool; a script of several goes through sqlite3_exec, parsed each time.
  std::string text(sql);
  sqlite3_stmt* stmt = nullptr;
  auto it = idle_.find(text);
  if (it != idle_.end()) {
    stmt = it->second;
    idle_.erase(it);
  } else {
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, text.c_str(), static_cast<int>(text.size()), &stmt, &tail) !=
        SQLITE_OK) {
      return SqlError(db_, Abbrev(sql));
    }
    if (!NothingAfter(tail) || stmt == nullptr) {
      sqlite3_finalize(stmt);
      char* err = nullptr;
      if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        Status st = SqlError(db_, Abbrev(sql));
        sqlite3_free(err);
        return st;
      }
      return Status::Ok();
    }
  }
  Statement one(this, std::move(text), stmt);  // back to the pool when done
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) return SqlError(db_, Abbrev(sql));
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  std::string text(sql);
  auto it = idle_.find(text);
  if (it != idle_.end()) {
    sqlite3_stmt* stmt = it->second;
    idle_.erase(it);
    return Statement(this, std::move(text), stmt);
  }
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  // On the copy: it ends in a NUL, which the tail test below reads up to.
  if (sqlite3_prepare_v2(db_, text.c_str(), static_cast<int>(text.size()), &stmt, &tail) !=
      SQLITE_OK) {
    return SqlError(db_, "prepare " + Abbrev(sql));
  }
  // A text of several statements prepares its first only: not kept under the whole text.
  if (!NothingAfter(tail)) text.clear();
  return Statement(this, std::move(text), stmt);
}

Result<Statement*> Database::Cached(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) {
    KINERJA_ASSIGN_OR_RETURN(auto st, Prepare(sql));
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(std::move(st))).first;
  } else {
    it->second->Reset();
  }
  return it->second.get();
}

Status Database::Begin() { return Exec("BEGIN IMMEDIATE"); }
Status Database::Commit() { return Exec("COMMIT"); }
void Database::Rollback() {
  if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}
int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::Changes() const { return sqlite3_changes(db_); }

Result<int64_t> Database::UserVersion() {
  KINERJA_ASSIGN_OR_RETURN(auto st, Prepare("PRAGMA user_version"));
  KINERJA_RETURN_IF_ERROR(st.Step().status());
  return st.ColumnInt(0);
}

Status Database::SetUserVersion(int64_t v) {
  return Exec("PRAGMA user_version=" + std::to_string(v));
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    Finish();
    owner_ = o.owner_;
    sql_ = std::move(o.sql_);
    stmt_ = o.stmt_;
    bind_error_ = o.bind_error_;
    o.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { Finish(); }

void Statement::Finish() {
  if (stmt_ == nullptr) return;
  owner_->Release(std::move(sql_), stmt_);
  stmt_ = nullptr;
}

Statement& Statement::Bind(int pos, int64_t v) {
  int rc = sqlite3_bind_int64(stmt_, pos, v);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}
Statement& Statement::Bind(int pos, double v) {
  int rc = sqlite3_bind_double(stmt_, pos, v);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}
Statement& Statement::Bind(int pos, std::string_view v) {
  int rc = sqlite3_bind_text(stmt_, pos, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}
Statement& Statement::BindRef(int pos, std::string_view v) {
  int rc = sqlite3_bind_text(stmt_, pos, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}
Statement& Statement::BindNull(int pos) {
  int rc = sqlite3_bind_null(stmt_, pos);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_error_ != 0) {
    return Status::Internal(std::string("bind failed: ") + sqlite3_errstr(bind_error_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqlError(owner_->db_, std::string("step ") + Abbrev(sqlite3_sql(stmt_)));
}

Status Statement::Run() {
  for (;;) {
    KINERJA_ASSIGN_OR_RETURN(auto r, Step());
    if (!r) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
}

int64_t Statement::ColumnInt(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::ColumnText(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(n)) : std::string();
}
std::string_view Statement::ColumnView(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return t ? std::string_view(reinterpret_cast<const char*>(t), static_cast<size_t>(n))
           : std::string_view();
}
bool Statement::ColumnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

}  // namespace kinerja

#pragma once
// A small SQLite wrapper shared by the browser's local store (wasm, the pinned amalgamation)
// and the server's central store (native, the system library). Statements are prepared,
// parameters bound by position, and every failure comes back as a Status naming the SQL.
// Not thread-safe: one Database per thread.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shared/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kinerja {

class Statement;

class Database {
 public:
  // Opens (creating if missing) the database at `path`; ":memory:" gives a private in-memory
  // database for tests. Foreign keys on, busy timeout 5 s. Fails with kIo.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results. Fails with kIo and SQLite's message. A
  // single statement is kept for the next Exec of the same text, as Prepare keeps its own.
  Status Exec(std::string_view sql);
  // Prepares one statement. The Statement must not outlive this Database. When it is
  // destroyed, the compiled statement is reset and kept (one per SQL text, up to
  // kIdleStatements texts), and the next Prepare of the same text takes it instead of
  // parsing the SQL again: parsing dominated short requests' CPU time on the server.
  Result<Statement> Prepare(std::string_view sql);
  // A statement prepared once and kept for the life of this Database (for hot paths: the
  // SQL text is parsed on first use only). Returned reset, with no bindings. Do not keep the
  // pointer across another Cached() call with the same SQL.
  Result<Statement*> Cached(std::string_view sql);

  // BEGIN IMMEDIATE / COMMIT / ROLLBACK. Prefer Transaction below.
  Status Begin();
  Status Commit();
  void Rollback();

  int64_t LastInsertRowId() const;
  int Changes() const;
  // user_version pragma: the schema version for migrations.
  Result<int64_t> UserVersion();
  Status SetUserVersion(int64_t v);
  sqlite3* raw() { return db_; }

  static constexpr size_t kIdleStatements = 256;

 private:
  friend class Statement;
  explicit Database(sqlite3* db) : db_(db) {}
  // Takes back a finished statement (reset, bindings cleared) for the next Prepare of
  // `sql`, or finalizes it when one is kept already or the pool is full.
  void Release(std::string sql, sqlite3_stmt* stmt);

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> idle_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// A prepared statement. Bind* take 1-based positions. Step() returns true while a row is
// available, false when done, or an error.
class Statement {
 public:
  Statement(Statement&& o) noexcept
      : owner_(o.owner_), sql_(std::move(o.sql_)), stmt_(o.stmt_), bind_error_(o.bind_error_) {
    o.stmt_ = nullptr;
  }
  Statement& operator=(Statement&& o) noexcept;
  ~Statement();

  Statement& Bind(int pos, int64_t v);
  Statement& Bind(int pos, int v) { return Bind(pos, static_cast<int64_t>(v)); }
  Statement& Bind(int pos, double v);
  Statement& Bind(int pos, std::string_view v);
  Statement& Bind(int pos, const char* v) { return Bind(pos, std::string_view(v)); }
  Statement& Bind(int pos, const std::string& v) { return Bind(pos, std::string_view(v)); }
  // Binds text without copying it: `v` must stay alive and unchanged until the statement is
  // reset or `pos` is bound again (hot paths that bind long-lived strings, e.g. a push's).
  Statement& BindRef(int pos, std::string_view v);
  Statement& BindNull(int pos);
  Statement& Bind(int pos, const std::optional<std::string>& v) {
    return v ? Bind(pos, std::string_view(*v)) : BindNull(pos);
  }

  Result<bool> Step();
  // Runs to completion, ignoring rows.
  Status Run();
  void Reset();

  int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  std::string ColumnText(int col) const;
  // The text of column `col` in SQLite's own buffer: valid until the next Step, Reset or
  // column call on this column; empty for NULL. For reads of many rows without a copy each.
  std::string_view ColumnView(int col) const;
  bool ColumnIsNull(int col) const;

 private:
  friend class Database;
  Statement(Database* owner, std::string sql, sqlite3_stmt* stmt)
      : owner_(owner), sql_(std::move(sql)), stmt_(stmt) {}
  void Finish();  // back to the owner's pool (or finalized there); stmt_ is null after

  Database* owner_;  // never null: only a Database makes statements
  std::string sql_;
  sqlite3_stmt* stmt_;
  int bind_error_ = 0;
};

// Scoped BEGIN IMMEDIATE ... COMMIT; rolls back unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) { status_ = db_.Begin(); }
  ~Transaction() {
    if (status_.ok() && !done_) db_.Rollback();
  }
  const Status& status() const { return status_; }
  Status Commit() {
    done_ = true;
    return db_.Commit();
  }

 private:
  Database& db_;
  Status status_;
  bool done_ = false;
};

}  // namespace kinerja

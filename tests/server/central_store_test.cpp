// The central store's own contract: migrations upgrade a database in place, a newer schema is
// refused, unreadable files are named, and backups are complete databases.
#include "server/store/central_store.h"

#include <gtest/gtest.h>

#include <vector>

#include <filesystem>
#include <fstream>

#include "server/auth/auth.h"
#include "server/cli/demo.h"

namespace kinerja::server {
namespace {

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("kinerja-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

Result<int64_t> UserVersionOf(const std::string& path) {
  auto db = Database::Open(path);
  if (!db.ok()) return db.status();
  return (*db)->UserVersion();
}

// Turns a current (v7) file back into the v6 layout an older binary left: one `changes`
// table holding every change, and records without the columns of their current change.
// Takes a current store back to version 9: no competency report rows (v10).
Status UndoSchemaV10(Database& db) {
  for (const char* e : {"INSERT", "UPDATE", "DELETE"}) {
    KINERJA_RETURN_IF_ERROR(db.Exec(std::string("DROP TRIGGER report_competency_") + e));
  }
  KINERJA_RETURN_IF_ERROR(db.Exec("DROP TABLE report_competency"));
  return db.SetUserVersion(9);
}

// Takes a current store back to version 8: no report rows (v9), no triggers on records.
Status UndoSchemaV9(Database& db) {
  KINERJA_RETURN_IF_ERROR(UndoSchemaV10(db));
  for (const char* t : {"report_appraisals", "report_tickets", "report_surveys"}) {
    for (const char* e : {"INSERT", "UPDATE", "DELETE"}) {
      KINERJA_RETURN_IF_ERROR(db.Exec(std::string("DROP TRIGGER ") + t + "_" + e));
    }
    KINERJA_RETURN_IF_ERROR(db.Exec(std::string("DROP TABLE ") + t));
  }
  return db.SetUserVersion(8);
}

Status UndoSchemaV7(Database& db) {
  KINERJA_RETURN_IF_ERROR(UndoSchemaV9(db));
  KINERJA_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys=OFF"));
  KINERJA_RETURN_IF_ERROR(db.Exec(R"sql(
    CREATE TABLE v6_changes(
      change_id TEXT PRIMARY KEY, record_id TEXT NOT NULL, kind TEXT NOT NULL,
      device_id TEXT NOT NULL, user_id TEXT NOT NULL, base_version INTEGER NOT NULL,
      body TEXT NOT NULL, outcome TEXT NOT NULL, result_version INTEGER NOT NULL,
      created_at TEXT NOT NULL, received_at TEXT NOT NULL);
    INSERT INTO v6_changes SELECT * FROM changes;
    DROP VIEW changes;
    DROP TABLE past_changes;
    ALTER TABLE v6_changes RENAME TO changes;
    DROP INDEX records_change;
    ALTER TABLE records DROP COLUMN change_id;
    ALTER TABLE records DROP COLUMN device_id;
    ALTER TABLE records DROP COLUMN created_at;
    CREATE INDEX records_pull ON records(seq, unit_path, kind, subject_id, author_id);)sql"));
  KINERJA_RETURN_IF_ERROR(db.SetUserVersion(6));
  return db.Exec("PRAGMA foreign_keys=ON");
}

// Every change in the ledger, all columns, as text rows in change id order.
std::vector<std::string> Ledger(Database& db) {
  std::vector<std::string> rows;
  auto st = db.Prepare(
      "SELECT change_id || '|' || record_id || '|' || kind || '|' || device_id || '|' || user_id"
      " || '|' || base_version || '|' || body || '|' || outcome || '|' || result_version || '|'"
      " || created_at || '|' || received_at FROM changes ORDER BY change_id");
  if (!st.ok()) return {st.status().ToString()};
  while (*st->Step()) rows.push_back(st->ColumnText(0));
  return rows;
}

TEST(CentralStore, AVersionOneDatabaseIsUpgradedInPlaceToTheCurrentSchemaKeepingItsData) {
  ASSERT_TRUE(InitCrypto().ok());
  TempDir dir;
  std::string path = dir.File("k.db");
  {
    auto store = CentralStore::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(SeedDemoCity(**store).ok());
  }
  {
    // Turn it back into a version-1 file, as an older binary left it.
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(UndoSchemaV7(**db).ok());
    ASSERT_TRUE((*db)->Exec("DROP TABLE refused_changes; DROP INDEX conflicts_record;"
                            " DROP TABLE templates; DROP INDEX records_supervisor;").ok());
    ASSERT_TRUE((*db)->SetUserVersion(1).ok());
  }
  auto store = CentralStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*UserVersionOf(path), CentralStore::SchemaVersion()) << "every step up to the current schema ran";
  EXPECT_EQ(*(*store)->CountRecords("employee"), 11) << "the data survived the upgrade";
}

TEST(CentralStore, AVersionFiveStoreGetsItsRecordsKeyedBySeqWithEveryRowAndItsOrderKept) {
  ASSERT_TRUE(InitCrypto().ok());
  TempDir dir;
  std::string path = dir.File("k.db");
  std::vector<std::pair<int64_t, std::string>> before;  // (seq, id) in seq order
  {
    auto store = CentralStore::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(SeedDemoCity(**store).ok());
  }
  {
    // Rebuild `records` as versions 1-5 had it: an implicit rowid, seq in an index of its own.
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(UndoSchemaV7(**db).ok());
    ASSERT_TRUE((*db)->Exec(R"sql(
      CREATE TABLE old_records(
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, version INTEGER NOT NULL,
        unit_path TEXT NOT NULL, subject_id TEXT NOT NULL DEFAULT '',
        author_id TEXT NOT NULL DEFAULT '', body TEXT NOT NULL,
        conflict INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, updated_at TEXT NOT NULL);
      INSERT INTO old_records SELECT id, kind, version, unit_path, subject_id, author_id, body,
        conflict, seq, updated_at FROM records ORDER BY id;
      DROP TABLE records;
      ALTER TABLE old_records RENAME TO records;
      CREATE INDEX records_seq ON records(seq);
      CREATE INDEX records_supervisor ON records(json_extract(body, '$.supervisor_id'))
        WHERE kind='employee';)sql").ok());
    ASSERT_TRUE((*db)->SetUserVersion(5).ok());
    auto st = (*db)->Prepare("SELECT seq, id FROM records ORDER BY seq");
    ASSERT_TRUE(st.ok());
    while (*st->Step()) before.emplace_back(st->ColumnInt(0), st->ColumnText(1));
  }
  ASSERT_GT(before.size(), 10u);
  {
    auto store = CentralStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  EXPECT_EQ(*UserVersionOf(path), CentralStore::SchemaVersion());
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok());
  auto pk = (*db)->Prepare("SELECT name FROM pragma_table_info('records') WHERE pk=1");
  ASSERT_TRUE(pk.ok());
  ASSERT_TRUE(*pk->Step());
  EXPECT_EQ(pk->ColumnText(0), "seq") << "a record's row is found by its seq";
  // Each row sits at its seq now (rowid is seq), and every row is still there.
  std::vector<std::pair<int64_t, std::string>> after;
  auto st = (*db)->Prepare("SELECT rowid, id FROM records ORDER BY rowid");
  ASSERT_TRUE(st.ok());
  while (*st->Step()) after.emplace_back(st->ColumnInt(0), st->ColumnText(1));
  EXPECT_EQ(after, before);
  auto idx = (*db)->Prepare(
      "SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='records' AND"
      " name IN ('records_seq', 'records_supervisor', 'records_pull')");
  ASSERT_TRUE(idx.ok());
  ASSERT_TRUE(*idx->Step());
  EXPECT_EQ(idx->ColumnInt(0), 1)
      << "the supervisor index is there; the seq index is gone (and v7 dropped the pull index)";
}

TEST(CentralStore, AVersionSixStoreKeepsEveryChangeOnceWithEachRecordHoldingTheChangeThatMadeIt) {
  ASSERT_TRUE(InitCrypto().ok());
  TempDir dir;
  std::string path = dir.File("k.db");
  std::vector<std::string> before;
  const std::string device = "tablet-budi";
  {
    auto store = CentralStore::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(SeedDemoCity(**store).ok());
    auto session = (*store)->Login({"budi", kDemoPassword, device, ""}, 1'800'000'000);
    ASSERT_TRUE(session.ok()) << session.status().ToString();
    auto who = (*store)->Authenticate(session->token, 1'800'000'000);
    ASSERT_TRUE(who.ok());
    auto note = [&](const std::string& change, const std::string& record, int64_t base,
                    const std::string& text) {
      wire::Change c;
      c.change_id = change;
      c.record_id = record;
      c.kind = "appraisal_note";
      c.base_version = base;
      c.body = Json{{"employee_id", "e-ani"}, {"text", text}, {"period", "2026-Q4"}};
      c.created_at = "2026-11-29T05:00:00Z";
      return c;
    };
    wire::PushRequest push;
    push.device_id = device;
    // A note made, edited twice; another edited from a stale base (a kept conflict); a third
    // left at its first version.
    push.changes = {note("c-1", "n-1", 0, "v1"), note("c-2", "n-1", 1, "v2"),
                    note("c-3", "n-1", 2, "v3"), note("c-4", "n-2", 0, "a"),
                    note("c-5", "n-2", 1, "b"), note("c-6", "n-2", 1, "b from elsewhere"),
                    note("c-7", "n-3", 0, "only")};
    auto pushed = (*store)->Push(*who, push, 1'800'000'100);
    ASSERT_TRUE(pushed.ok()) << pushed.status().ToString();
    ASSERT_EQ(pushed->acks[5].outcome, wire::Outcome::kConflict);
  }
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(UndoSchemaV7(**db).ok());
    before = Ledger(**db);
    ASSERT_EQ(before.size(), 7u);
  }
  {
    auto store = CentralStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(Ledger(**db), before) << "every change is still there, once, column for column";
  auto holds = [&](const std::string& sql) {
    auto st = (*db)->Prepare(sql);
    EXPECT_TRUE(st.ok());
    std::vector<std::string> out;
    while (st.ok() && *st->Step()) out.push_back(st->ColumnText(0));
    return out;
  };
  EXPECT_EQ(holds("SELECT id || '=' || change_id FROM records WHERE change_id IS NOT NULL"
                  " ORDER BY id"),
            (std::vector<std::string>{"n-1=c-3", "n-2=c-5", "n-3=c-7"}))
      << "each pushed record holds the change that made its current version";
  EXPECT_EQ(holds("SELECT change_id || ':' || outcome FROM past_changes ORDER BY change_id"),
            (std::vector<std::string>{"c-1:applied", "c-2:applied", "c-4:applied",
                                      "c-6:conflict"}))
      << "replaced versions and kept edits are past changes";
}

TEST(CentralStore, ADatabaseFromANewerBinaryIsRefusedWithAClearMessage) {
  TempDir dir;
  std::string path = dir.File("k.db");
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->SetUserVersion(99).ok());
  }
  auto store = CentralStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer than this binary"), std::string::npos)
      << store.status().message();
}

TEST(CentralStore, AFileThatIsNotADatabaseIsNamedAsSuch) {
  TempDir dir;
  std::string path = dir.File("notes.txt");
  std::ofstream(path) << "this is a text file, not a database, and it is long enough to matter";
  auto store = CentralStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Code::kCorruption) << store.status().ToString();
}

TEST(CentralStore, ABackupIsACompleteDatabase) {
  ASSERT_TRUE(InitCrypto().ok());
  TempDir dir;
  auto store = CentralStore::Open(dir.File("k.db"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(SeedDemoCity(**store).ok());
  ASSERT_TRUE((*store)->Backup(dir.File("backup.db")).ok());
  auto copy = CentralStore::Open(dir.File("backup.db"));
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(*(*copy)->CountRecords("employee"), 11);
}

}  // namespace
}  // namespace kinerja::server

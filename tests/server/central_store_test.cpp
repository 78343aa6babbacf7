// The central store's own contract: migrations upgrade a database in place, a newer schema is
// refused, unreadable files are named, and backups are complete databases.
#include "server/central_store.h"

#include <gtest/gtest.h>

#include <vector>

#include <filesystem>
#include <fstream>

#include "server/auth.h"
#include "server/demo.h"

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
    ASSERT_TRUE((*db)->Exec("DROP TABLE refused_changes; DROP INDEX conflicts_record;"
                            " DROP TABLE templates; DROP INDEX records_supervisor;").ok());
    ASSERT_TRUE((*db)->SetUserVersion(1).ok());
  }
  auto store = CentralStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*UserVersionOf(path), CentralStore::SchemaVersion()) << "every step up to the current schema ran";
  EXPECT_EQ(*(*store)->CountRecords("employee"), 10) << "the data survived the upgrade";
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
  EXPECT_EQ(idx->ColumnInt(0), 2) << "the supervisor and pull indexes are there; the seq index is gone";
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
  EXPECT_EQ(*(*copy)->CountRecords("employee"), 10);
}

}  // namespace
}  // namespace kinerja::server

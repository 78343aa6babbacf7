// The central store's own contract: migrations upgrade a database in place, a newer schema is
// refused, unreadable files are named, and backups are complete databases.
#include "server/central_store.h"

#include <gtest/gtest.h>

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

// The write-ahead log reaches the database file through the checkpointer's thread, with no
// commit doing that work (server/store/checkpointer.h).
#include "server/store/checkpointer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

namespace kinerja::server {
namespace {

TEST(Checkpointer, CopiesCommittedPagesIntoTheDatabaseFileWhileNoCommitDoes) {
  auto dir = std::filesystem::temp_directory_path() /
             ("kinerja-checkpointer-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "c.db").string();
  {
    auto writer = Database::Open(path);
    ASSERT_TRUE(writer.ok());
    Database& w = **writer;
    // No checkpoint from commits at all: only the checkpointer can move the log.
    ASSERT_TRUE(w.Exec("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"
                       " CREATE TABLE t(x TEXT);").ok());
    const auto before = std::filesystem::file_size(path);
    {
      Transaction tx(w);
      ASSERT_TRUE(tx.status().ok());
      auto ins = w.Prepare("INSERT INTO t(x) VALUES(?)");
      ASSERT_TRUE(ins.ok());
      for (int i = 0; i < 2000; ++i) {
        ins->Reset();
        ASSERT_TRUE(ins->Bind(1, std::string(200, 'a' + i % 26)).Run().ok());
      }
      ASSERT_TRUE(tx.Commit().ok());
    }
    EXPECT_EQ(std::filesystem::file_size(path), before) << "the rows are in the log only";

    auto cp = Checkpointer::Start(path);
    ASSERT_TRUE(cp.ok()) << cp.status().ToString();
    // The file grows while a checkpoint runs; its count goes up once it has returned.
    for (int i = 0; i < 100 && (std::filesystem::file_size(path) == before || (*cp)->Runs() < 1);
         ++i) {
      std::this_thread::sleep_for(Checkpointer::kInterval / 5);
    }
    EXPECT_GT(std::filesystem::file_size(path), before + 2000 * 200 / 2);
    EXPECT_GE((*cp)->Runs(), 1);
    EXPECT_TRUE((*cp)->LastError().ok()) << (*cp)->LastError().ToString();
    // The writer goes on undisturbed while it runs.
    ASSERT_TRUE(w.Exec("INSERT INTO t(x) VALUES('after')").ok());
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kinerja::server

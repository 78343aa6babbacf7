// Group commit (server/store/commit_group.h): batches pushed at the same time share one SQLite
// transaction, yet each stays atomic: a refused batch writes nothing while the batches
// beside it commit, and every acknowledged change is stored exactly once.
#include "server/store/commit_group.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class GroupCommit : public DemoCity {};

TEST_F(GroupCommit, ConcurrentBatchesCommitTogetherWhileARefusedOneWritesNothing) {
  std::string budi = LoginAs("budi", "dev-budi");
  constexpr int kThreads = 6, kBatches = 15, kPerBatch = 4;
  std::atomic<int> ok{0}, refused{0}, unexpected{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        Json changes = Json::array();
        std::string tag = std::to_string(t) + "-" + std::to_string(b);
        for (int k = 0; k < kPerBatch; ++k) {
          // Every third batch ends with a note about someone outside budi's scope.
          bool bad = b % 3 == 2 && k == kPerBatch - 1;
          changes.push_back(NoteChange("c-" + tag + "-" + std::to_string(k), "n-" + tag + "-" + std::to_string(k),
                                       0, bad ? "e-not-in-scope" : "e-ani", "catatan " + tag));
        }
        auto r = Call("POST", "/api/v1/sync/push", Push("dev-budi", changes), budi);
        if (r.status == 200) {
          ++ok;
        } else if (r.status == 404) {
          ++refused;
        } else {
          ++unexpected;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unexpected.load(), 0);
  EXPECT_EQ(refused.load(), kThreads * (kBatches / 3));
  EXPECT_EQ(ok.load(), kThreads * kBatches - refused.load());
  auto notes = store_->CountRecords("appraisal_note");
  ASSERT_TRUE(notes.ok());
  EXPECT_EQ(*notes, static_cast<int64_t>(ok.load()) * kPerBatch) << "a refused batch left a note";
}

TEST(CommitGroupAlone, AFailedCommitFailsEveryBatchOfTheGroupAndKeepsNoWrite) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t(x INTEGER PRIMARY KEY);"
                          "CREATE TABLE u(y INTEGER REFERENCES t(x) DEFERRABLE INITIALLY DEFERRED);")
                  .ok());
  CommitGroup group;
  std::mutex writer;
  LockTimes times;
  // A deferred foreign key makes COMMIT itself fail: nothing of the work may stay.
  Status s = group.Run(**db, writer, times, [](Database& d) { return d.Exec("INSERT INTO u VALUES(7)"); });
  EXPECT_FALSE(s.ok());
  Status fine = group.Run(**db, writer, times, [](Database& d) { return d.Exec("INSERT INTO t VALUES(1)"); });
  EXPECT_TRUE(fine.ok()) << fine.ToString();
  auto st = (*db)->Prepare("SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM t)");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(st->Step().ok());
  EXPECT_EQ(st->ColumnInt(0), 0);
  EXPECT_EQ(st->ColumnInt(1), 1);
  EXPECT_EQ(times.Get(LockedOp::kPush).count, 2);
}

}  // namespace
}  // namespace kinerja::server::testing

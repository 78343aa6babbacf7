// The real `kinerja serve` process killed (SIGKILL) at random moments while it stores large
// push batches: after a restart on the same database every batch is either wholly present or
// wholly absent, the file passes SQLite's integrity check, and resending stores it exactly once.
// Seeded like the convergence test (KINERJA_SEED).
#include <httplib.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "engine/store/db.h"
#include "tests/server/server_process.h"
#include "server/cli/demo.h"
#include "shared/json_util.h"

extern char** environ;

namespace kinerja::server::testing {
namespace {

constexpr int kBatch = 500;  // wire::kMaxChangesPerPush: the largest batch a device may send

std::string Text(int batch, int i) {
  return "Batch " + std::to_string(batch) + " note " + std::to_string(i) +
         ": melayani pemohon dengan ramah, berkas diperiksa lengkap dan tepat waktu. " +
         std::string(120, 'x');
}

// Batch k: 250 new notes plus (from k = 1) an edit of each of the first 250 notes of batch 0,
// which by then are at version k. Every change id starts with "k<k>-".
Json Batch(int k, const std::string& device) {
  static const char* kStaff[] = {"e-ani", "e-dedi", "e-sri", "e-yusuf"};
  Json changes = Json::array();
  for (int i = 0; i < kBatch; ++i) {
    bool edit = k > 0 && i < kBatch / 2;
    std::string record = edit ? "k0-n" + std::to_string(i) : "k" + std::to_string(k) + "-n" + std::to_string(i);
    const char* employee = kStaff[i % 4];
    changes.push_back({{"change_id", "k" + std::to_string(k) + "-c" + std::to_string(i)},
                       {"record_id", record},
                       {"kind", "appraisal_note"},
                       {"base_version", edit ? k : 0},
                       {"created_at", "2026-11-29T05:00:00Z"},
                       {"body", {{"employee_id", employee}, {"text", Text(k, i)}, {"period", "2026-Q4"}}}});
  }
  return Json{{"protocol", 1}, {"device_id", device}, {"changes", changes}};
}

int64_t Count(Database& db, const std::string& sql) {
  auto st = db.Prepare(sql);
  EXPECT_TRUE(st.ok()) << sql;
  if (!st.ok()) return -1;
  auto row = st->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return st->ColumnInt(0);
}

std::string IntegrityCheck(const std::string& path) {
  auto db = Database::Open(path);
  if (!db.ok()) return "cannot open: " + db.status().ToString();
  auto st = (*db)->Prepare("PRAGMA integrity_check");
  if (!st.ok()) return st.status().ToString();
  auto row = st->Step();
  if (!row.ok() || !*row) return "no answer";
  return st->ColumnText(0);
}

TEST(ServerCrash, KillingTheServerMidBatchLeavesEveryBatchWhollyPresentOrAbsent) {
  const char* env_seed = std::getenv("KINERJA_SEED");
  uint64_t seed = env_seed && *env_seed ? std::strtoull(env_seed, nullptr, 10) : 20261129;
  SCOPED_TRACE("replay with KINERJA_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  auto dir = std::filesystem::temp_directory_path() /
             ("kinerja-crash-" + std::to_string(getpid()) + "-" + std::to_string(seed));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "public");
  const std::string db_path = (dir / "central.db").string();
  ServerProcess server(db_path, (dir / "public").string(), (dir / "serve.log").string());
  ASSERT_TRUE(server.Start());

  const std::string device = "crash-tab";
  std::string token;
  {
    httplib::Client cli("127.0.0.1", server.port());
    cli.set_read_timeout(30, 0);
    Json login{{"username", "budi"}, {"password", kDemoPassword}, {"device_id", device}};
    auto res = cli.Post("/api/v1/login", login.dump(), "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    token = Json::parse(res->body)["token"].get<std::string>();  // survives restarts
  }
  httplib::Headers auth = {{"Authorization", "Bearer " + token}};
  auto push = [&](const std::string& body) {
    httplib::Client cli("127.0.0.1", server.port());
    cli.set_read_timeout(30, 0);
    return cli.Post("/api/v1/sync/push", auth, body, "application/json");
  };

  // Batch 0 without a kill: it measures how long a batch takes.
  auto t0 = std::chrono::steady_clock::now();
  auto first = push(Batch(0, device).dump());
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  auto batch_us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - t0).count();

  const int kRounds = 12;
  int killed_mid_batch = 0, present_after_kill = 0;
  for (int k = 1; k <= kRounds; ++k) {
    SCOPED_TRACE("batch " + std::to_string(k));
    std::string body = Batch(k, device).dump();
    auto delay = std::chrono::microseconds(
        std::uniform_int_distribution<int64_t>(0, 2 * batch_us)(rng));
    pid_t victim = server.pid();
    std::thread killer([victim, delay] {
      std::this_thread::sleep_for(delay);
      kill(victim, SIGKILL);
    });
    auto res = push(body);
    killer.join();
    server.Kill(SIGKILL);  // reaps it
    if (!res) ++killed_mid_batch;

    // The file recovers cleanly, and holds all of the batch or none of it.
    ASSERT_EQ(IntegrityCheck(db_path), "ok");
    int64_t stored;
    {
      auto db = Database::Open(db_path);
      ASSERT_TRUE(db.ok());
      std::string like = "'k" + std::to_string(k) + "-%'";
      stored = Count(**db, "SELECT count(*) FROM changes WHERE change_id LIKE " + like);
      EXPECT_TRUE(stored == 0 || stored == kBatch) << stored << " of " << kBatch << " changes stored";
      int64_t new_notes = Count(**db, "SELECT count(*) FROM records WHERE id LIKE 'k" + std::to_string(k) + "-n%'");
      EXPECT_EQ(new_notes, stored == 0 ? 0 : kBatch / 2);
      int64_t edited = Count(**db, "SELECT count(*) FROM records WHERE id LIKE 'k0-n%' AND version=" +
                                       std::to_string(k + 1));
      EXPECT_EQ(edited, stored == 0 ? 0 : kBatch / 2);
      if (res && res->status == 200) EXPECT_EQ(stored, kBatch) << "acknowledged but not stored";
      if (stored == kBatch) ++present_after_kill;
    }

    // Restart on the same file; the device sends the batch again and it is stored once.
    ASSERT_TRUE(server.Start());
    auto again = push(body);
    ASSERT_TRUE(again);
    ASSERT_EQ(again->status, 200) << again->body;
    auto acks = Json::parse(again->body)["acks"];
    ASSERT_EQ(acks.size(), static_cast<size_t>(kBatch));
    for (const auto& a : acks) {
      EXPECT_EQ(a["outcome"], stored == kBatch ? "duplicate" : "applied") << a;
      if (::testing::Test::HasFailure()) break;
    }
    if (::testing::Test::HasFailure()) break;
  }
  server.Kill(SIGTERM);
  std::cout << "[crash] " << kRounds << " kills, " << killed_mid_batch
            << " before the answer, " << present_after_kill
            << " batches found stored after the kill; a batch takes ~" << batch_us / 1000 << " ms\n";

  ASSERT_EQ(IntegrityCheck(db_path), "ok");
  auto db = Database::Open(db_path);
  ASSERT_TRUE(db.ok());
  // The test's own changes (k<round>-c<i>); the demo history's are there beside them.
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM changes WHERE change_id GLOB 'k*-c*'"),
            int64_t{kBatch} * (kRounds + 1));
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM records WHERE kind='appraisal_note'"),
            int64_t{kBatch} + int64_t{kBatch / 2} * kRounds);
  EXPECT_EQ(Count(**db, "SELECT count(*) FROM records WHERE id LIKE 'k0-n%' AND version=" +
                             std::to_string(kRounds + 1)),
            kBatch / 2);
  db->reset();
  if (!::testing::Test::HasFailure()) std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kinerja::server::testing

// Pulls and token checks read through read connections beside the store's one writer
// (server/store/read_pool.h): they must see committed data only, see a batch whole or not at all
// while it is being pushed, and see a logout or a revoked device at once. A pull hands the
// stored body texts on as they are, but never one that is not JSON.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "engine/store/db.h"
#include "server/http/api.h"
#include "server/auth/auth.h"
#include "server/store/central_store.h"
#include "server/cli/demo.h"

namespace kinerja::server {
namespace {

class OnDiskCity : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto().ok());
    dir_ = std::filesystem::temp_directory_path() /
           ("kinerja-readconn-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "central.db").string();
    auto s = CentralStore::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ASSERT_TRUE(SeedDemoCity(*store_).ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Logs `user` in from `device` and resolves the session to its principal.
  Principal As(const std::string& user, const std::string& device, std::string* token = nullptr) {
    wire::LoginRequest req;
    req.username = user;
    req.password = kDemoPassword;
    req.device_id = device;
    auto s = store_->Login(req, now_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return {};
    if (token) *token = s->token;
    auto p = store_->Authenticate(s->token, now_);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : Principal{};
  }

  static wire::Change Note(const std::string& id, const std::string& employee, const std::string& text) {
    wire::Change c;
    c.change_id = "c-" + id;
    c.record_id = "n-" + id;
    c.kind = "appraisal_note";
    c.base_version = 0;
    c.body = Json{{"employee_id", employee}, {"text", text}, {"period", "2026-Q4"}};
    c.created_at = "2026-11-29T05:00:00Z";
    return c;
  }

  // Every note id the principal can pull, following cursors from `since` to the end.
  std::set<std::string> PullNotes(const Principal& who, int64_t* cursor) {
    std::set<std::string> out;
    for (int page = 0; page < 100; ++page) {
      auto r = store_->Pull(who, *cursor, 1000);
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      if (!r.ok()) break;
      for (const auto& rec : r->records) {
        if (rec.kind == "appraisal_note") out.insert(rec.id);
      }
      *cursor = r->cursor;
      if (!r->more) break;
    }
    return out;
  }

  static inline int counter_ = 0;
  std::filesystem::path dir_;
  std::string path_;
  int64_t now_ = 1'800'000'000;
  std::unique_ptr<CentralStore> store_;
};

TEST_F(OnDiskCity, APullDoesNotSeeRowsOfATransactionThatHasNotCommitted) {
  Principal hr = As("hr", "dev-hr");
  int64_t cursor = 0;
  ASSERT_TRUE(PullNotes(hr, &cursor).empty());

  // Another writer (a second process, say) holds an open transaction with a new note.
  auto other = Database::Open(path_);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->Begin().ok());
  ASSERT_TRUE((*other)
                  ->Exec("UPDATE counters SET value=value+1 WHERE name='seq';"
                         "INSERT INTO records(id, kind, version, unit_path, subject_id, body, seq,"
                         " updated_at) SELECT 'n-uncommitted', 'appraisal_note', 1,"
                         " '/pemkot/dpmptsp/pelayanan/', 'e-ani', '{}', value, 'now'"
                         " FROM counters WHERE name='seq';")
                  .ok());

  // The pull neither waits for that writer nor sees its row, and its cursor does not move
  // past the row's seq (else the note would be skipped once committed).
  int64_t before = cursor;
  EXPECT_TRUE(PullNotes(hr, &cursor).empty());
  EXPECT_EQ(cursor, before);

  ASSERT_TRUE((*other)->Commit().ok());
  EXPECT_EQ(PullNotes(hr, &cursor), std::set<std::string>{"n-uncommitted"});
}

TEST_F(OnDiskCity, ATokenCheckSeesALogoutAndARevokedDeviceAtOnce) {
  std::string token_a, token_b;
  Principal budi = As("budi", "dev-a", &token_a);
  (void)As("budi", "dev-b", &token_b);
  ASSERT_TRUE(store_->Authenticate(token_a, now_).ok());
  ASSERT_TRUE(store_->Logout(token_a).ok());
  EXPECT_EQ(store_->Authenticate(token_a, now_).status().code(), Code::kUnauthenticated);

  ASSERT_TRUE(store_->Authenticate(token_b, now_).ok());
  ASSERT_TRUE(store_->RevokeDevice(&budi, "dev-b", now_).ok());
  auto after = store_->Authenticate(token_b, now_);
  EXPECT_FALSE(after.ok());
}

TEST_F(OnDiskCity, ADisabledAccountIsRefusedAtOnceThroughTheStore) {
  std::string token;
  (void)As("ani", "dev-ani", &token);
  ASSERT_TRUE(store_->Authenticate(token, now_).ok());  // now in the session cache
  ASSERT_TRUE(store_->SetUserDisabled("ani", true).ok());
  EXPECT_FALSE(store_->Authenticate(token, now_).ok());
}

TEST_F(OnDiskCity, AnAccountDisabledByAnotherProcessIsRefusedWithinTheRecheckWindow) {
  std::string token;
  (void)As("ani", "dev-ani", &token);
  ASSERT_TRUE(store_->Authenticate(token, now_).ok());
  {
    // What `kinerja user disable` does from its own process: the server's cache cannot know.
    auto other = Database::Open(path_);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->Exec("UPDATE users SET disabled=1 WHERE username='ani';"
                               " DELETE FROM sessions WHERE user_id=(SELECT id FROM users"
                               " WHERE username='ani');").ok());
  }
  const int64_t later = now_ + SessionCache::kRecheckSeconds;
  auto after = store_->Authenticate(token, later);
  EXPECT_EQ(after.status().code(), Code::kUnauthenticated) << "the store is asked again";
}

TEST_F(OnDiskCity, PullsRunningDuringPushesSeeEachBatchWholeOrNotAtAllAndMissNothing) {
  Principal budi = As("budi", "dev-budi");
  Principal hr = As("hr", "dev-hr");
  constexpr int kBatches = 30, kPerBatch = 40;
  const char* staff[] = {"e-ani", "e-dedi", "e-sri", "e-yusuf"};
  std::atomic<bool> done{false};
  std::atomic<int> pushed{0};
  std::thread writer([&] {
    for (int b = 0; b < kBatches; ++b) {
      wire::PushRequest req;
      req.device_id = "dev-budi";
      for (int k = 0; k < kPerBatch; ++k) {
        std::string id = std::to_string(b) + "-" + std::to_string(k);
        req.changes.push_back(Note(id, staff[k % 4], "batch " + std::to_string(b)));
      }
      auto r = store_->Push(budi, req, now_);
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      pushed.fetch_add(1);
    }
    done = true;
  });

  // A device pulling by cursor, and a full re-read, again and again while batches land.
  int64_t cursor = 0;
  std::set<std::string> by_cursor;
  int checks = 0;
  while (!done || checks == 0) {
    int64_t zero = 0;
    std::set<std::string> all = PullNotes(hr, &zero);
    std::map<std::string, int> per_batch;
    for (const auto& id : all) per_batch[id.substr(2, id.find('-', 2) - 2)] += 1;
    for (const auto& [batch, n] : per_batch) {
      EXPECT_EQ(n, kPerBatch) << "batch " << batch << " seen in part";
    }
    auto fresh = PullNotes(hr, &cursor);
    by_cursor.insert(fresh.begin(), fresh.end());
    ++checks;
  }
  writer.join();
  auto rest = PullNotes(hr, &cursor);
  by_cursor.insert(rest.begin(), rest.end());
  EXPECT_EQ(pushed.load(), kBatches);
  EXPECT_EQ(by_cursor.size(), static_cast<size_t>(kBatches * kPerBatch))
      << "a pull by cursor skipped notes committed while it ran";
}

TEST_F(OnDiskCity, APullMeetingAnUnreadableStoredBodyNamesTheRecordInsteadOfSendingBrokenJson) {
  std::string token;
  As("hr", "dev-hr", &token);
  Api api(*store_, ApiLimits{}, [this] { return now_; });
  HttpRequest pull;
  pull.method = "GET";
  pull.path = "/api/v1/sync/pull";
  pull.authorization = "Bearer " + token;
  pull.query["since"] = "0";
  HttpResponse before = api.Handle(pull);
  ASSERT_EQ(before.status, 200) << before.body;
  ASSERT_TRUE(ParseJson(before.body).ok()) << before.body;

  // Damage one stored body from outside the server (a disk fault, a hand edit).
  auto other = Database::Open(path_);
  ASSERT_TRUE(other.ok());
  // A unit's record (an employee's body feeds an index, which would refuse the edit).
  auto unit = (*other)->Prepare("SELECT id FROM records WHERE kind='unit' ORDER BY seq LIMIT 1");
  ASSERT_TRUE(unit.ok());
  auto row = unit->Step();
  ASSERT_TRUE(row.ok() && *row);
  const std::string id = unit->ColumnText(0);
  auto damage = (*other)->Prepare("UPDATE records SET body='{\"name\":\"Dina' WHERE id=?");
  ASSERT_TRUE(damage.ok());
  ASSERT_TRUE(damage->Bind(1, id).Run().ok());
  HttpResponse after = api.Handle(pull);
  EXPECT_EQ(after.status, 500) << after.body;
  auto error = ParseJson(after.body);
  ASSERT_TRUE(error.ok()) << after.body;
  EXPECT_NE(after.body.find("record " + id + " has an unreadable body"), std::string::npos)
      << after.body;
}

}  // namespace
}  // namespace kinerja::server

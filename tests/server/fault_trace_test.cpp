// The engine's sync client (SyncSession, the code the tablet runs) against a real `kinerja
// serve` through a faulty network: batches split and sent in either order, answers lost after
// the server applied the request, requests cut before they reach it, requests sent twice,
// error answers stripped of the change they name, and the server SIGKILLed and restarted
// mid-run. Several simulated devices, each with its own LocalStore file, write notes (some
// invalid, so the server refuses them for good) and sync. After a final clean sync: every
// acknowledged change is stored exactly once, every outbox is empty but for what was set
// aside (listed in ListSetAside), a clean sync ends ok, and every device holds the server's
// state. Seeded and repeatable:
//   KINERJA_SEED=7 KINERJA_TRACES=1 build/dev/kinerja_server_tests --gtest_filter='FaultTrace*'
// KINERJA_TRACES sets the number of seeds (default 8, starting at KINERJA_SEED, default 1);
// KINERJA_TRACE_ROUNDS the rounds per trace (default 40).
#include <httplib.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>

#include "engine/store/db.h"
#include "engine/sync/local_store.h"
#include "engine/sync/sync_session.h"
#include "server/cli/demo.h"
#include "shared/json_util.h"
#include "tests/server/server_process.h"
#include "tests/support/httplib_sync_transport.h"

namespace kinerja::server::testing {
namespace {

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

struct SimDevice {
  std::string name, user, token;
  std::unique_ptr<LocalStore> store;
  std::vector<std::string> written;  // change ids, in the order written
};

// What the faulty network did, for the log line of a trace.
struct FaultCounts {
  int cut = 0, lost = 0, doubled = 0, split = 0, reordered = 0, stripped = 0, kills = 0;
};

// One server, its devices and the faulty network between them.
class Trace {
 public:
  Trace(uint64_t seed, std::filesystem::path dir) : seed_(seed), dir_(std::move(dir)), rng_(seed) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "public");
    db_path_ = (dir_ / "central.db").string();
    server_ = std::make_unique<ServerProcess>(db_path_, (dir_ / "public").string(),
                                              (dir_ / "serve.log").string());
  }
  ~Trace() { std::filesystem::remove_all(dir_); }

  int Roll(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Roll(100) < percent; }

  httplib::Client& client() { return *client_; }

  bool StartServer() {
    if (!server_->Start()) return false;
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(30, 0);
    return true;
  }
  void KillAndRestart() {
    server_->Kill(SIGKILL);
    ++faults_.kills;
    ASSERT_TRUE(StartServer()) << "the server did not come back on its database";
  }

  void AddDevice(const std::string& name, const std::string& user) {
    SimDevice d;
    d.name = name;
    d.user = user;
    auto store = LocalStore::Open((dir_ / (name + ".db")).string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    d.store = std::move(store).value();
    ASSERT_TRUE(d.store->SetMeta("device_id", name).ok());
    devices_.push_back(std::move(d));
    Login(devices_.back());
  }

  void Login(SimDevice& d) {
    Json req{{"username", d.user}, {"password", kDemoPassword}, {"device_id", d.name}};
    auto res = client_->Post("/api/v1/login", req.dump(), "application/json");
    ASSERT_TRUE(res) << "login: no answer";
    ASSERT_EQ(res->status, 200) << res->body;
    auto session = wire::SessionFromJson(Json::parse(res->body));
    ASSERT_TRUE(session.ok());
    ASSERT_TRUE(d.store->SaveSession(*session).ok());
    d.token = session->token;
  }

  // An offline edit: a new note about one of the user's staff, or an edit of a note the device
  // holds; one in ten has an empty text, which the server refuses for good.
  void Edit(SimDevice& d) {
    std::string text = Chance(10) ? "" : d.name + " edit " + std::to_string(++edits_);
    auto notes = d.store->List("appraisal_note");
    ASSERT_TRUE(notes.ok());
    wire::Change c;
    if (!notes->empty() && Chance(60)) {
      const auto& n = (*notes)[static_cast<size_t>(Roll(static_cast<int>(notes->size())))];
      Json body = n.body;
      body["text"] = text;
      auto w = d.store->Write({n.id, "appraisal_note", n.subject_id, n.unit_path, body}, 1'800'000'000);
      ASSERT_TRUE(w.ok()) << w.status().ToString();
      c = *w;
    } else {
      auto staff = d.store->List("employee");
      ASSERT_TRUE(staff.ok());
      auto session = d.store->LoadSession();
      std::vector<wire::Record> mine;
      for (const auto& e : *staff) {
        if (e.body.value("supervisor_id", "") == (**session).employee_id) mine.push_back(e);
      }
      if (mine.empty()) return;  // not pulled yet
      const auto& e = mine[static_cast<size_t>(Roll(static_cast<int>(mine.size())))];
      Json body{{"employee_id", e.id}, {"text", text}, {"period", "2026-Q4"}};
      auto w = d.store->Write({"", "appraisal_note", e.id, e.unit_path, body}, 1'800'000'000);
      ASSERT_TRUE(w.ok()) << w.status().ToString();
      c = *w;
    }
    d.written.push_back(c.change_id);
  }

  // Sends over the current server (a new port after each restart).
  SyncAnswer Send(const SyncCall& call) { return support::SendOverHttplib(*client_, call); }
  // Remembers every acknowledgement a device is given.
  void NoteAcks(const SyncAnswer& a) {
    if (a.status != 200) return;
    auto j = ParseJson(a.body);
    if (!j.ok()) return;
    auto acks = wire::PushResponseFromJson(*j);
    if (!acks.ok()) return;
    for (const auto& k : acks->acks) acked_.insert(k.change_id);
  }

  // The faulty network for one call.
  SyncAnswer Faulty(const SyncCall& call) {
    const bool push = call.method == "POST";
    int r = Roll(100);
    SyncAnswer answer;
    if (r < 8) {
      ++faults_.cut;  // never reaches the server
      return {};
    } else if (r < 16) {
      ++faults_.lost;  // applied, the answer never comes back
      (void)Send(call);
      return {};
    } else if (r < 24) {
      ++faults_.doubled;
      (void)Send(call);
      answer = Send(call);
    } else if (r < 40 && push) {
      answer = SplitPush(call);
    } else {
      answer = Send(call);
    }
    if (answer.status != 200 && answer.status != 0 && Chance(30)) {
      // A proxy that rewrites error answers: the server's code survives, the change id not.
      auto j = ParseJson(answer.body);
      if (j.ok() && j->is_object() && (*j)["error"].is_object() && (*j)["error"].contains("change_id")) {
        (*j)["error"].erase("change_id");
        answer.body = j->dump();
        ++faults_.stripped;
      }
    }
    if (push) NoteAcks(answer);
    return answer;
  }

  // A push split in two parts sent one after the other, in either order: both answers merged
  // when both are 200, else the first refusal.
  SyncAnswer SplitPush(const SyncCall& call) {
    Json req = Json::parse(call.body);
    const Json& changes = req["changes"];
    if (changes.size() < 2) return Send(call);
    ++faults_.split;
    size_t cut = 1 + static_cast<size_t>(Roll(static_cast<int>(changes.size()) - 1));
    Json first = req, second = req;
    first["changes"] = Json(std::vector<Json>(changes.begin(), changes.begin() + static_cast<std::ptrdiff_t>(cut)));
    second["changes"] = Json(std::vector<Json>(changes.begin() + static_cast<std::ptrdiff_t>(cut), changes.end()));
    if (Chance(50)) {
      std::swap(first, second);
      ++faults_.reordered;
    }
    Json acks = Json::array();
    for (const Json* part : {&first, &second}) {
      SyncCall c = call;
      c.body = part->dump();
      SyncAnswer a = Send(c);
      if (a.status != 200) return a;
      Json answer = Json::parse(a.body);
      for (const auto& k : answer["acks"]) acks.push_back(k);
    }
    return {200, Json{{"acks", acks}}.dump()};
  }

  // One sync of `d`; faulty or clean. A 401 logs the device in again.
  SyncSession Sync(SimDevice& d, bool faults) {
    SyncSession::Options options;
    options.push_batch = faults ? static_cast<size_t>(1 + Roll(12)) : kPushBatch;
    options.pull_limit = faults ? 1 + Roll(20) : wire::kMaxPullLimit;
    auto send = [&](const SyncCall& call) {
      if (faults) return Faulty(call);
      SyncAnswer a = Send(call);
      if (call.method == "POST") NoteAcks(a);
      return a;
    };
    SyncSession s = RunSync(*d.store, d.token, send, options);
    if (s.outcome() == SyncOutcome::kSessionExpired) Login(d);
    EXPECT_NE(s.outcome(), SyncOutcome::kStoreError) << d.name << ": " << s.message();
    EXPECT_NE(s.outcome(), SyncOutcome::kBadAnswer) << d.name << ": " << s.message();
    return s;
  }

  void Run(int rounds) {
    ASSERT_TRUE(StartServer());
    for (auto [name, user] : std::initializer_list<std::pair<const char*, const char*>>{
             {"budi-tab-1", "budi"}, {"budi-tab-2", "budi"}, {"rina-tab", "rina"}}) {
      AddDevice(name, user);
      if (::testing::Test::HasFatalFailure()) return;
    }
    for (auto& d : devices_) Sync(d, false);  // the roster first
    for (int round = 0; round < rounds; ++round) {
      SimDevice& d = devices_[static_cast<size_t>(Roll(static_cast<int>(devices_.size())))];
      if (Chance(50)) {
        for (int i = 1 + Roll(3); i > 0; --i) Edit(d);
      } else {
        Sync(d, true);
      }
      if (Chance(4)) KillAndRestart();
      if (::testing::Test::HasFatalFailure()) return;
    }
    // The network heals. Twice round the devices: the second brings each what others pushed.
    KillAndRestart();
    if (::testing::Test::HasFatalFailure()) return;
    for (int pass = 0; pass < 2; ++pass) {
      for (auto& d : devices_) {
        SyncSession s = Sync(d, false);
        EXPECT_EQ(s.outcome(), SyncOutcome::kOk) << d.name << " is stuck: " << s.message();
      }
    }
  }

  void Check() {
    auto db = Database::Open(db_path_);  // a second connection; WAL shows every commit
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    auto count = [&](const std::string& change_id) {
      auto st = (*db)->Prepare("SELECT count(*) FROM changes WHERE change_id=?");
      EXPECT_TRUE(st.ok());
      st->Bind(1, change_id);
      EXPECT_TRUE(*st->Step());
      return st->ColumnInt(0);
    };
    int64_t written = 0, aside_total = 0;
    for (auto& d : devices_) {
      SCOPED_TRACE("device " + d.name);
      EXPECT_EQ(*d.store->PendingCount(), 0) << "the outbox is drained but for what was set aside";
      auto aside = d.store->ListSetAside();
      ASSERT_TRUE(aside.ok());
      std::set<std::string> aside_ids;
      for (const auto& c : *aside) {
        aside_ids.insert(c.change_id);
        EXPECT_FALSE(acked_.count(c.change_id)) << c.change_id << " was acknowledged, then set aside";
        EXPECT_FALSE(c.reason.empty());
      }
      aside_total += static_cast<int64_t>(aside_ids.size());
      for (const auto& id : d.written) {
        ++written;
        if (aside_ids.count(id)) {
          EXPECT_LE(count(id), 1) << id;
          continue;
        }
        EXPECT_EQ(count(id), 1) << id << " is not stored exactly once";
        EXPECT_TRUE(acked_.count(id)) << id << " left the outbox without an acknowledgement";
      }
    }
    for (const auto& id : acked_) EXPECT_EQ(count(id), 1) << "acknowledged " << id;
    // Every device holds the server's state for its user: compare with a fresh device.
    for (auto& d : devices_) {
      SCOPED_TRACE("device " + d.name);
      auto fresh = LocalStore::Open(":memory:");
      ASSERT_TRUE(fresh.ok());
      SyncSession s = RunSync(**fresh, d.token, [&](const SyncCall& c) { return Send(c); });
      ASSERT_EQ(s.outcome(), SyncOutcome::kOk) << s.message();
      for (const char* kind : {"employee", "appraisal_note"}) {
        auto want = (*fresh)->List(kind);
        auto have = d.store->List(kind);
        ASSERT_TRUE(want.ok() && have.ok());
        std::map<std::string, wire::Record> server, local;
        for (auto& r : *want) server[r.id] = r;
        for (auto& r : *have) local[r.id] = r;
        ASSERT_EQ(local.size(), server.size()) << kind;
        for (const auto& [id, r] : server) {
          auto it = local.find(id);
          ASSERT_NE(it, local.end()) << kind << " " << id << " missing on the device";
          EXPECT_EQ(it->second.version, r.version) << id;
          EXPECT_EQ(it->second.body, r.body) << id;
          EXPECT_EQ(it->second.conflict, r.conflict) << id;
        }
      }
    }
    std::cout << "[fault-trace] seed " << seed_ << ": " << written << " changes, " << acked_.size()
              << " acknowledged, " << aside_total << " set aside; " << faults_.cut << " cut, "
              << faults_.lost << " answers lost, " << faults_.doubled << " doubled, "
              << faults_.split << " split (" << faults_.reordered << " reordered), "
              << faults_.stripped << " change ids stripped, " << faults_.kills << " kills\n";
  }

 private:
  uint64_t seed_;
  std::filesystem::path dir_;
  std::mt19937_64 rng_;
  std::string db_path_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
  std::vector<SimDevice> devices_;
  std::set<std::string> acked_;
  FaultCounts faults_;
  int edits_ = 0;
};

std::filesystem::path TraceDir(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("kinerja-fault-" + name + "-" + std::to_string(::getpid()));
}

TEST(FaultTrace, EveryAcknowledgedChangeIsStoredOnceAndNothingIsStuckThroughFaultsAndKills) {
  const uint64_t first = EnvNumber("KINERJA_SEED", 1);
  const uint64_t traces = EnvNumber("KINERJA_TRACES", 8);
  const int rounds = static_cast<int>(EnvNumber("KINERJA_TRACE_ROUNDS", 40));
  for (uint64_t seed = first; seed < first + traces; ++seed) {
    SCOPED_TRACE("replay with KINERJA_SEED=" + std::to_string(seed) + " KINERJA_TRACES=1");
    Trace t(seed, TraceDir(std::to_string(seed)));
    t.Run(rounds);
    if (!::testing::Test::HasFatalFailure()) t.Check();
    if (::testing::Test::HasFailure()) {
      std::cout << "[fault-trace] FAILED at KINERJA_SEED=" << seed << "\n";
      return;
    }
  }
}

// The stuck queue of issue 19: a note's first change is refused for good (here: empty text)
// and set aside; the later change of the same note (base version 1, which the server never
// had) must not block the queue behind it with stale_version on every sync. It is set aside
// with the first, naming it, and the change of another note behind them goes through.
class StuckQueue : public ::testing::Test {
 protected:
  void SetUp() override {
    trace_ = std::make_unique<Trace>(1, TraceDir("stuck"));
    ASSERT_TRUE(trace_->StartServer());
    trace_->AddDevice("budi-tab-1", "budi");
  }
  std::unique_ptr<Trace> trace_;
};

TEST_F(StuckQueue, ALaterChangeOfASetAsideRecordIsSetAsideWithItAndTheRestSyncs) {
  for (bool strip_change_ids : {false, true}) {
    SCOPED_TRACE(strip_change_ids ? "refusals naming no change" : "refusals naming the change");
    auto store = LocalStore::Open(":memory:");
    ASSERT_TRUE(store.ok());
    LocalStore& s = **store;
    ASSERT_TRUE(s.SetMeta("device_id", strip_change_ids ? "stuck-2" : "stuck-1").ok());
    Json login{{"username", "budi"}, {"password", kDemoPassword},
               {"device_id", strip_change_ids ? "stuck-2" : "stuck-1"}};
    httplib::Client& cli = trace_->client();
    auto res = cli.Post("/api/v1/login", login.dump(), "application/json");
    ASSERT_TRUE(res && res->status == 200);
    std::string token = Json::parse(res->body)["token"];
    auto send = [&](const SyncCall& call) {
      SyncAnswer a = support::SendOverHttplib(cli, call);
      auto j = ParseJson(a.body);
      if (strip_change_ids && a.status != 200 && j.ok() && (*j)["error"].is_object()) {
        (*j)["error"].erase("change_id");
        a.body = j->dump();
      }
      return a;
    };
    ASSERT_EQ(RunSync(s, token, send).outcome(), SyncOutcome::kOk);

    Json bad{{"employee_id", "e-ani"}, {"text", ""}, {"period", "2026-Q4"}};
    auto a = s.Write({"", "appraisal_note", "e-ani", "", bad}, 1'800'000'000);
    ASSERT_TRUE(a.ok());
    Json edited = bad;
    edited["text"] = "the supervisor edits it again";
    auto b = s.Write({a->record_id, "appraisal_note", "e-ani", "", edited}, 1'800'000'001);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->base_version, 1);
    Json fine{{"employee_id", "e-dedi"}, {"text", "a note behind them"}, {"period", "2026-Q4"}};
    auto c = s.Write({"", "appraisal_note", "e-dedi", "", fine}, 1'800'000'002);
    ASSERT_TRUE(c.ok());

    SyncSession first = RunSync(s, token, send);
    EXPECT_EQ(first.outcome(), SyncOutcome::kOk) << first.message();
    EXPECT_EQ(first.set_aside(), 2);
    EXPECT_EQ(*s.PendingCount(), 0) << "nothing stays queued behind the refused note";
    auto aside = s.ListSetAside();
    ASSERT_TRUE(aside.ok());
    ASSERT_EQ(aside->size(), 2u);
    std::map<std::string, LocalStore::SetAsideChange> by_id;
    for (const auto& x : *aside) by_id[x.change_id] = x;
    EXPECT_EQ(by_id[a->change_id].code, "invalid_argument");
    EXPECT_EQ(by_id[b->change_id].code, "invalid_argument");
    EXPECT_NE(by_id[b->change_id].reason.find(a->change_id), std::string::npos)
        << "the later change names the one it followed: " << by_id[b->change_id].reason;
    auto exported = s.ExportUnsynced(1'800'000'100);
    ASSERT_TRUE(exported.ok());
    EXPECT_EQ((*exported)["set_aside"].size(), 2u) << "both are exportable";
    EXPECT_FALSE(s.Get(a->record_id)->has_value()) << "a note the server never had leaves the device";
    auto notes = s.List("appraisal_note", "e-dedi");
    ASSERT_TRUE(notes.ok());
    bool stored = false;
    for (const auto& n : *notes) stored |= n.id == c->record_id;
    EXPECT_TRUE(stored) << "the note behind them reached the server and came back";
    SyncSession again = RunSync(s, token, send);
    EXPECT_EQ(again.outcome(), SyncOutcome::kOk) << "not stuck: " << again.message();
    EXPECT_EQ(again.set_aside(), 0);
  }
}

// An error answer naming no change that is not a final refusal ends the sync with the
// server's message and keeps the queue; the next sync sends it.
TEST_F(StuckQueue, AnErrorThatMayPassEndsTheSyncAndKeepsTheQueue) {
  auto store = LocalStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  LocalStore& s = **store;
  ASSERT_TRUE(s.SetMeta("device_id", "stuck-3").ok());
  httplib::Client& cli = trace_->client();
  Json login{{"username", "budi"}, {"password", kDemoPassword}, {"device_id", "stuck-3"}};
  auto res = cli.Post("/api/v1/login", login.dump(), "application/json");
  ASSERT_TRUE(res && res->status == 200);
  std::string token = Json::parse(res->body)["token"];
  ASSERT_TRUE(s.Write({"", "appraisal_note", "e-ani", "",
                       Json{{"employee_id", "e-ani"}, {"text", "x"}, {"period", "2026-Q4"}}},
                      1'800'000'000).ok());
  auto busy = [](const SyncCall&) {
    return SyncAnswer{503, R"({"error":{"code":"unavailable","message":"busy, retry"}})"};
  };
  SyncSession refused = RunSync(s, token, busy);
  EXPECT_EQ(refused.outcome(), SyncOutcome::kPushRefused);
  EXPECT_EQ(refused.message(), "busy, retry");
  EXPECT_EQ(*s.PendingCount(), 1);
  EXPECT_TRUE(s.ListSetAside()->empty());
  SyncSession ok = RunSync(s, token, [&](const SyncCall& c) { return support::SendOverHttplib(cli, c); });
  EXPECT_EQ(ok.outcome(), SyncOutcome::kOk) << ok.message();
  EXPECT_EQ(*s.PendingCount(), 0);
}

}  // namespace
}  // namespace kinerja::server::testing

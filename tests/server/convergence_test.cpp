// Convergence under a hostile network: many simulated devices (the engine's LocalStore, as
// the browser runs it) edit offline and sync through a transport that drops requests, drops
// responses after the server applied them, delivers twice, holds requests and delivers them
// late, while the server is restarted on its database file. Seeded and replayable:
//   KINERJA_SEED=1234 build/dev/kinerja_server_tests --gtest_filter='Convergence*'
// KINERJA_ROUNDS overrides the number of rounds (default 300).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "engine/sync/local_store.h"
#include "engine/sync/sync_session.h"
#include "server/http/api.h"
#include "server/auth/auth.h"
#include "server/store/central_store.h"
#include "server/cli/demo.h"

namespace kinerja::server::testing {
namespace {

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  return std::strtoull(v, nullptr, 10);
}

struct Device {
  std::string name;  // also its device id
  std::string user;
  std::unique_ptr<LocalStore> store;
  wire::Session session;
  std::map<std::string, std::vector<std::string>> changes_by_record;  // in creation order
};

// Everything a run remembers to check at the end.
struct Ledger {
  std::set<std::string> written;  // every change id a device created
  std::set<std::string> acked;    // every change id a device received an ack for
  std::map<std::string, std::string> record_kind;
};

class Convergence : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto().ok());
    seed_ = EnvNumber("KINERJA_SEED", 20261129);
    rounds_ = static_cast<int>(EnvNumber("KINERJA_ROUNDS", 300));
    rng_.seed(seed_);
    std::cout << "[convergence] KINERJA_SEED=" << seed_ << " rounds=" << rounds_ << "\n";
    dir_ = std::filesystem::temp_directory_path() /
           ("kinerja-convergence-" + std::to_string(getpid()) + "-" + std::to_string(seed_));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_path_ = (dir_ / "central.db").string();
    OpenServer();
    ASSERT_TRUE(SeedDemoCity(*store_).ok());
  }

  void TearDown() override {
    if (HasFailure()) {
      std::cout << "[convergence] FAILED; replay with KINERJA_SEED=" << seed_
                << " KINERJA_ROUNDS=" << rounds_ << "\n";
    }
    api_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void OpenServer() {
    auto s = CentralStore::Open(db_path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    api_ = std::make_unique<Api>(*store_, ApiLimits{}, [this] { return now_; });
  }

  // Destroys the Api and the store and opens the same file again, as a restarted process.
  void RestartServer() {
    api_.reset();
    store_.reset();
    ++restarts_;
    OpenServer();
  }

  int Roll(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Roll(100) < percent; }

  static HttpRequest Request(const std::string& method, const std::string& path,
                             const std::string& body, const std::string& token) {
    HttpRequest r;
    r.method = method;
    r.path = path.substr(0, path.find('?'));
    if (path.size() > r.path.size()) {  // "?since=4&limit=30"
      std::string qs = path.substr(r.path.size() + 1);
      for (size_t pos = 0; pos <= qs.size();) {
        size_t amp = std::min(qs.find('&', pos), qs.size());
        std::string kv = qs.substr(pos, amp - pos);
        size_t eq = kv.find('=');
        r.query[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
        pos = amp + 1;
      }
    }
    r.body = body;
    r.remote_addr = "10.0.0.7";
    if (!token.empty()) r.authorization = "Bearer " + token;
    return r;
  }

  // The faulty network: the answer the device sees, or nullopt when the call failed.
  std::optional<HttpResponse> Send(const HttpRequest& req, bool faults = true) {
    if (!faults) return api_->Handle(req);
    int r = Roll(100);
    if (r < 10) {
      ++dropped_requests_;
      return std::nullopt;
    }
    if (r < 20) {
      held_.push_back(req);  // a slow connection; arrives later, its answer is lost
      return std::nullopt;
    }
    if (r < 30) {
      ++dropped_responses_;
      (void)api_->Handle(req);
      return std::nullopt;
    }
    if (r < 40) {
      ++doubled_;
      (void)api_->Handle(req);
    }
    return api_->Handle(req);
  }

  void DeliverOneHeld() {
    if (held_.empty()) return;
    size_t i = static_cast<size_t>(Roll(static_cast<int>(held_.size())));
    HttpRequest req = held_[i];
    held_.erase(held_.begin() + static_cast<std::ptrdiff_t>(i));
    ++late_;
    HttpResponse res = api_->Handle(req);
    if (req.path == "/api/v1/sync/push") {
      EXPECT_EQ(res.status, 200) << "a late push was refused: " << res.body;
    }
  }

  void AddDevice(const std::string& name, const std::string& user) {
    Device d;
    d.name = name;
    d.user = user;
    auto store = LocalStore::Open(":memory:");
    ASSERT_TRUE(store.ok());
    d.store = std::move(store).value();
    ASSERT_TRUE(d.store->SetMeta("device_id", name).ok());
    Json login{{"username", user}, {"password", kDemoPassword}, {"device_id", name},
               {"device_label", "simulated " + name}};
    HttpResponse res = api_->Handle(Request("POST", "/api/v1/login", login.dump(), ""));
    ASSERT_EQ(res.status, 200) << res.body;
    auto session = wire::SessionFromJson(Json::parse(res.body));
    ASSERT_TRUE(session.ok());
    d.session = *session;
    ASSERT_TRUE(d.store->SaveSession(d.session).ok());
    devices_.push_back(std::move(d));
  }

  // One sync of the device through the engine's client (push, then pull), over the faulty
  // network with random batch and page sizes when `faults`. True when it ended well. Every
  // acknowledgement the device received goes in the ledger.
  bool Sync(Device& d, bool faults) {
    SyncSession::Options options;
    if (faults) {
      options.push_batch = static_cast<size_t>(1 + Roll(40));
      options.pull_limit = 1 + Roll(30);
    } else {
      options.pull_limit = 500;
    }
    auto send = [&](const SyncCall& call) -> SyncAnswer {
      HttpRequest req = Request(call.method, call.path, call.body, call.token);
      auto res = Send(req, faults);
      if (!res) return {};
      if (call.method == "POST" && res->status == 200) {
        auto acks = wire::PushResponseFromJson(Json::parse(res->body));
        EXPECT_TRUE(acks.ok()) << acks.status().ToString();
        if (acks.ok()) {
          EXPECT_EQ(acks->acks.size(), Json::parse(call.body)["changes"].size());
          for (const auto& a : acks->acks) ledger_.acked.insert(a.change_id);
        }
      }
      return {res->status, res->body};
    };
    SyncSession s = RunSync(*d.store, d.session.token, send, options);
    EXPECT_NE(s.outcome(), SyncOutcome::kPushRefused) << d.name << " push refused: " << s.message();
    EXPECT_NE(s.outcome(), SyncOutcome::kPullRefused) << d.name << " pull refused: " << s.message();
    EXPECT_NE(s.outcome(), SyncOutcome::kBadAnswer) << d.name << ": " << s.message();
    EXPECT_NE(s.outcome(), SyncOutcome::kStoreError) << d.name << ": " << s.message();
    EXPECT_EQ(s.set_aside(), 0) << d.name << ": nothing here is refused for good";
    return s.outcome() == SyncOutcome::kOk;
  }

  void Remember(Device& d, const wire::Change& c) {
    ledger_.written.insert(c.change_id);
    ledger_.record_kind[c.record_id] = c.kind;
    d.changes_by_record[c.record_id].push_back(c.change_id);
  }

  // An offline edit: a new note, an edit of a note the device holds, or a survey response.
  void EditOffline(Device& d) {
    ++edits_;
    if (d.session.role == wire::Role::kEnumerator) {
      static const char* kUnits[] = {"dpmptsp", "pelayanan", "pengaduan"};
      Json answers;
      for (int i = 1; i <= 9; ++i) answers["U" + std::to_string(i)] = 1 + Roll(4);
      Json body{{"unit_id", kUnits[Roll(3)]}, {"service", "Izin Usaha"}, {"date", "2026-11-20"},
                {"answers", answers}};
      auto c = d.store->Write({"", "survey_response", "", "", body}, now_);
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      Remember(d, *c);
      return;
    }
    auto notes = d.store->List("appraisal_note");
    ASSERT_TRUE(notes.ok());
    std::string text = d.name + " edit " + std::to_string(edits_);
    if (!notes->empty() && Chance(65)) {
      const wire::Record& n = (*notes)[static_cast<size_t>(Roll(static_cast<int>(notes->size())))];
      Json body = n.body;
      body["text"] = text;
      auto c = d.store->Write({n.id, "appraisal_note", n.subject_id, n.unit_path, body}, now_);
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      Remember(d, *c);
      return;
    }
    // A new note about someone this user appraises (HR: anyone with an appraiser).
    auto staff = d.store->List("employee");
    ASSERT_TRUE(staff.ok());
    std::vector<wire::Record> mine;
    for (const auto& e : *staff) {
      std::string sup = e.body.value("supervisor_id", "");
      bool hr = d.session.role == wire::Role::kHr;
      if ((hr && !sup.empty()) || (!hr && sup == d.session.employee_id)) mine.push_back(e);
    }
    if (mine.empty()) return;  // not pulled yet: nothing to write about
    const wire::Record& e = mine[static_cast<size_t>(Roll(static_cast<int>(mine.size())))];
    Json body{{"employee_id", e.id}, {"text", text}, {"period", "2026-Q4"}};
    auto c = d.store->Write({"", "appraisal_note", e.id, e.unit_path, body}, now_);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    Remember(d, *c);
  }

  // A query on the central database that returns one integer.
  int64_t CountSql(const std::string& sql, const std::string& arg = "") {
    auto st = store_db().Prepare(sql);
    EXPECT_TRUE(st.ok()) << sql;
    if (!st.ok()) return -1;
    if (!arg.empty()) st->Bind(1, arg);
    auto row = st->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return st->ColumnInt(0);
  }

  // A second connection to the central file (WAL: sees every committed write).
  Database& store_db() {
    if (!check_db_) {
      auto db = Database::Open(db_path_);
      EXPECT_TRUE(db.ok());
      check_db_ = std::move(db).value();
    }
    return *check_db_;
  }

  void RunSimulation();
  void CheckOutcome();

  uint64_t seed_ = 0;
  int rounds_ = 0;
  std::mt19937_64 rng_;
  std::filesystem::path dir_;
  std::string db_path_;
  int64_t now_ = 1'800'000'000;
  std::unique_ptr<CentralStore> store_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<Database> check_db_;
  std::vector<Device> devices_;
  std::deque<HttpRequest> held_;
  Ledger ledger_;
  int edits_ = 0, restarts_ = 0, dropped_requests_ = 0, dropped_responses_ = 0, doubled_ = 0,
      late_ = 0;
};

void Convergence::RunSimulation() {
  // Three tablets of one supervisor edit the same notes; two of another unit; one more unit;
  // HR edits anyone's notes; a counter kiosk adds survey responses.
  for (auto [name, user] : std::initializer_list<std::pair<const char*, const char*>>{
           {"budi-tab-1", "budi"}, {"budi-tab-2", "budi"}, {"budi-hp", "budi"},
           {"rina-tab-1", "rina"}, {"rina-tab-2", "rina"}, {"hendra-tab", "hendra"},
           {"hr-pc", "hr"}, {"kiosk-1", "loket1"}}) {
    AddDevice(name, user);
    if (::testing::Test::HasFatalFailure()) return;
  }
  for (int round = 0; round < rounds_; ++round) {
    now_ += 1 + Roll(30);
    Device& d = devices_[static_cast<size_t>(Roll(static_cast<int>(devices_.size())))];
    int action = Roll(100);
    if (action < 45) {
      for (int i = 1 + Roll(3); i > 0; --i) EditOffline(d);
    } else {
      Sync(d, true);  // the app's "Sync": push the outbox, then pull
    }
    if (Chance(20)) DeliverOneHeld();
    if (Chance(3)) RestartServer();
    if (::testing::Test::HasFatalFailure()) return;
  }
  // The network heals: late requests arrive, then every device syncs cleanly twice (the second
  // round brings each device what the others pushed after its first pull).
  while (!held_.empty()) DeliverOneHeld();
  RestartServer();
  for (int pass = 0; pass < 2; ++pass) {
    for (auto& d : devices_) {
      EXPECT_TRUE(Sync(d, false)) << d.name;
      EXPECT_EQ(*d.store->PendingCount(), 0) << d.name;
    }
  }
  std::cout << "[convergence] " << edits_ << " edits, " << ledger_.written.size() << " changes, "
            << restarts_ << " restarts, " << dropped_requests_ << " dropped requests, "
            << dropped_responses_ << " lost answers, " << doubled_ << " doubled, " << late_
            << " late\n";
}

std::map<std::string, wire::Record> ById(const std::vector<wire::Record>& records) {
  std::map<std::string, wire::Record> out;
  for (const auto& r : records) out[r.id] = r;
  return out;
}

void Convergence::CheckOutcome() {
  // Every acknowledged change, and every change at all after the final sync, is stored once.
  EXPECT_EQ(CountSql("SELECT count(*) FROM changes"), static_cast<int64_t>(ledger_.written.size()));
  for (const auto& id : ledger_.acked) {
    ASSERT_TRUE(ledger_.written.count(id)) << "an ack for a change nobody wrote: " << id;
  }
  for (const auto& id : ledger_.written) {
    ASSERT_EQ(CountSql("SELECT count(*) FROM changes WHERE change_id=?", id), 1) << id;
  }
  EXPECT_EQ(ledger_.acked.size(), ledger_.written.size());
  EXPECT_EQ(CountSql("SELECT count(*) FROM changes WHERE outcome NOT IN ('applied','conflict')"), 0);

  // Every record's history: applied changes in order (version k was based on k-1, the body is
  // the last applied one), every concurrent edit kept as a conflict and the record flagged.
  int64_t conflicts_seen = 0;
  for (const auto& [record_id, kind] : ledger_.record_kind) {
    SCOPED_TRACE("record " + record_id);
    auto rec = store_db().Prepare("SELECT version, body, conflict FROM records WHERE id=?");
    ASSERT_TRUE(rec.ok());
    rec->Bind(1, record_id);
    auto row = rec->Step();
    ASSERT_TRUE(row.ok() && *row) << "missing on the server";
    int64_t version = rec->ColumnInt(0);
    Json body = Json::parse(rec->ColumnText(1));
    bool flagged = rec->ColumnInt(2) != 0;
    auto hist = store_db().Prepare(
        "SELECT change_id, base_version, result_version, outcome, body,"
        " (SELECT count(*) FROM conflicts k WHERE k.change_id=c.change_id AND k.body=c.body"
        "  AND k.resolved=0) FROM changes c WHERE record_id=? ORDER BY result_version, received_at");
    ASSERT_TRUE(hist.ok());
    hist->Bind(1, record_id);
    std::map<std::string, std::pair<std::string, int64_t>> outcome;  // change -> (outcome, version)
    std::vector<int64_t> applied_versions;
    int64_t conflicts = 0;
    for (;;) {
      auto h = hist->Step();
      ASSERT_TRUE(h.ok());
      if (!*h) break;
      std::string change_id = hist->ColumnText(0), what = hist->ColumnText(3);
      int64_t base = hist->ColumnInt(1), result = hist->ColumnInt(2);
      outcome[change_id] = {what, result};
      if (what == "applied") {
        EXPECT_EQ(base, result - 1) << change_id << " applied out of order";
        applied_versions.push_back(result);
        if (result == version) EXPECT_EQ(Json::parse(hist->ColumnText(4)), body);
      } else {
        ++conflicts;
        EXPECT_LT(base, result) << change_id << " is a conflict but was not concurrent";
        EXPECT_EQ(hist->ColumnInt(5), 1) << change_id << ": the losing edit is not kept";
      }
    }
    std::vector<int64_t> expected(static_cast<size_t>(version));
    for (size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<int64_t>(i) + 1;
    EXPECT_EQ(applied_versions, expected) << "the applied changes do not make up the version";
    EXPECT_EQ(flagged, conflicts > 0);
    conflicts_seen += conflicts;
    // Each device's own edits of this record that were applied went in the order it made them.
    for (const auto& d : devices_) {
      auto it = d.changes_by_record.find(record_id);
      if (it == d.changes_by_record.end()) continue;
      int64_t last = 0;
      for (const auto& change_id : it->second) {
        auto o = outcome.find(change_id);
        ASSERT_NE(o, outcome.end()) << change_id << " of " << d.name << " is not stored";
        if (o->second.first != "applied") continue;
        EXPECT_GT(o->second.second, last) << d.name << " " << change_id << " overtook an earlier edit";
        last = o->second.second;
      }
    }
  }
  std::cout << "[convergence] " << ledger_.record_kind.size() << " records, " << conflicts_seen
            << " conflicting edits kept\n";

  // Every device holds exactly the server's state for its user's scope.
  for (auto& d : devices_) {
    SCOPED_TRACE("device " + d.name);
    Device fresh;
    auto mem = LocalStore::Open(":memory:");
    ASSERT_TRUE(mem.ok());
    fresh.store = std::move(mem).value();
    fresh.session = d.session;
    fresh.name = d.name + " (fresh pull)";
    ASSERT_TRUE(Sync(fresh, false));
    for (const char* kind : {"employee", "appraisal_note", "survey_response"}) {
      auto want = fresh.store->List(kind);
      auto have = d.store->List(kind);
      ASSERT_TRUE(want.ok() && have.ok());
      auto server = ById(*want), local = ById(*have);
      if (std::string(kind) == "survey_response" && d.session.role == wire::Role::kEnumerator) {
        // Write-only for enumerators: each response is on the server once, unchanged.
        EXPECT_TRUE(server.empty());
        for (const auto& [id, r] : local) {
          auto st = store_db().Prepare("SELECT version, body FROM records WHERE id=?");
          ASSERT_TRUE(st.ok());
          st->Bind(1, id);
          auto row = st->Step();
          ASSERT_TRUE(row.ok() && *row) << id;
          EXPECT_EQ(st->ColumnInt(0), 1);
          EXPECT_EQ(Json::parse(st->ColumnText(1)), r.body);
        }
        continue;
      }
      std::set<std::string> server_ids, local_ids;
      for (const auto& [id, r] : server) server_ids.insert(id);
      for (const auto& [id, r] : local) local_ids.insert(id);
      EXPECT_EQ(local_ids, server_ids) << kind;
      for (const auto& [id, r] : server) {
        auto it = local.find(id);
        if (it == local.end()) continue;
        EXPECT_EQ(it->second.version, r.version) << kind << " " << id;
        EXPECT_EQ(it->second.body, r.body) << kind << " " << id;
        EXPECT_EQ(it->second.conflict, r.conflict) << kind << " " << id;
      }
    }
  }
  auto check = store_db().Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(check.ok());
  ASSERT_TRUE(*check->Step());
  EXPECT_EQ(check->ColumnText(0), "ok");
}

TEST_F(Convergence, DevicesConvergeOnTheServerStateThroughDropsDuplicatesDelaysAndRestarts) {
  SCOPED_TRACE("replay with KINERJA_SEED=" + std::to_string(seed_));
  RunSimulation();
  if (HasFatalFailure()) return;
  CheckOutcome();
}

}  // namespace
}  // namespace kinerja::server::testing

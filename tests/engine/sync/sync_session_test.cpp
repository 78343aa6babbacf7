// The sync client's decisions, against a scripted server (no network): paging, set-aside
// changes and what follows them, refusals naming no change, and how each failure ends.
#include "engine/sync/sync_session.h"

#include <gtest/gtest.h>

#include <set>

#include "shared/json_util.h"

namespace kinerja {
namespace {

// A server that acknowledges every change of a push unless one is in `refuse` (then the whole
// batch is refused with 400 invalid_argument, naming it unless `name_change` is false), and
// pulls `records` in pages of the requested limit.
struct FakeServer {
  std::set<std::string> refuse;
  bool name_change = true;
  std::vector<wire::Record> records;
  std::vector<size_t> push_sizes;
  std::set<std::string> stored;

  SyncAnswer operator()(const SyncCall& call) {
    if (call.method == "POST") {
      auto req = wire::PushRequestFromJson(*ParseJson(call.body));
      EXPECT_TRUE(req.ok());
      push_sizes.push_back(req->changes.size());
      wire::PushResponse resp;
      for (const auto& c : req->changes) {
        if (refuse.count(c.change_id)) {
          Json err{{"code", "invalid_argument"}, {"message", "bad " + c.change_id}};
          if (name_change) err["change_id"] = c.change_id;
          return {400, Json{{"error", err}}.dump()};
        }
        resp.acks.push_back({c.change_id, wire::Outcome::kApplied, c.base_version + 1});
      }
      for (const auto& c : req->changes) stored.insert(c.change_id);
      return {200, wire::ToJson(resp).dump()};
    }
    // GET /api/v1/sync/pull?since=S&limit=L
    auto at = call.path.find("since=");
    int64_t since = std::strtoll(call.path.c_str() + at + 6, nullptr, 10);
    int64_t limit = std::strtoll(call.path.c_str() + call.path.find("limit=") + 6, nullptr, 10);
    wire::PullResponse page;
    page.cursor = since;
    page.head = static_cast<int64_t>(records.size());
    for (const auto& r : records) {
      if (r.seq <= since) continue;
      if (static_cast<int64_t>(page.records.size()) == limit) {
        page.more = true;
        break;
      }
      page.records.push_back(r);
      page.cursor = r.seq;
    }
    return {200, wire::ToJson(page).dump()};
  }
};

wire::Record Employee(const std::string& id, int64_t seq) {
  wire::Record r;
  r.id = id;
  r.kind = "employee";
  r.version = 1;
  r.seq = seq;
  r.body = Json{{"name", id}};
  return r;
}

std::unique_ptr<LocalStore> Store() {
  auto s = LocalStore::Open(":memory:");
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

wire::Change Note(LocalStore& s, const std::string& record_id, const std::string& text) {
  auto c = s.Write({record_id, "appraisal_note", "e-ani", "/p/", Json{{"text", text}}}, 1'800'000'000);
  EXPECT_TRUE(c.ok());
  return *c;
}

TEST(SyncSession, PushesInBatchesThenPullsEveryPageAndReportsProgress) {
  auto s = Store();
  for (int i = 0; i < 5; ++i) Note(*s, "", "n" + std::to_string(i));
  FakeServer server;
  for (int i = 1; i <= 7; ++i) server.records.push_back(Employee("e-" + std::to_string(i), i));
  SyncSession::Options o;
  o.push_batch = 2;
  o.pull_limit = 3;
  SyncSession run = RunSync(*s, "t", std::ref(server), o);
  EXPECT_EQ(run.outcome(), SyncOutcome::kOk) << run.message();
  EXPECT_EQ(server.push_sizes, (std::vector<size_t>{2, 2, 1}));
  EXPECT_EQ(run.sent(), 5);
  EXPECT_EQ(run.received(), 7);
  EXPECT_EQ(run.progress().pull_at, 7);
  EXPECT_EQ(run.progress().pull_head, 7);
  EXPECT_EQ(*s->PendingCount(), 0);
  EXPECT_EQ(*s->Cursor(), 7);
}

TEST(SyncSession, AFinalRefusalSetsAsideTheChangeAndTheLaterChangesOfItsRecord) {
  for (bool name_change : {true, false}) {
    SCOPED_TRACE(name_change ? "naming the change" : "naming no change");
    auto s = Store();
    wire::Change a = Note(*s, "", "");
    wire::Change b = Note(*s, a.record_id, "again");
    wire::Change c = Note(*s, "", "other");
    FakeServer server;
    server.refuse = {a.change_id};
    server.name_change = name_change;
    SyncSession run = RunSync(*s, "t", std::ref(server));
    EXPECT_EQ(run.outcome(), SyncOutcome::kOk) << run.message();
    EXPECT_EQ(run.set_aside(), 2);
    EXPECT_EQ(server.stored, (std::set<std::string>{c.change_id}));
    EXPECT_EQ(*s->PendingCount(), 0);
    auto aside = s->ListSetAside();
    ASSERT_EQ(aside->size(), 2u);
    for (const auto& x : *aside) {
      EXPECT_EQ(x.code, "invalid_argument");
      if (x.change_id == b.change_id) EXPECT_NE(x.reason.find(a.change_id), std::string::npos);
    }
    EXPECT_FALSE(s->Get(a.record_id)->has_value()) << "the server never had it";
    if (!name_change) {
      EXPECT_EQ(server.push_sizes, (std::vector<size_t>{3, 1, 1})) << "one at a time to find it";
    }
  }
}

TEST(SyncSession, EachFailureEndsTheSyncAndKeepsTheOutbox) {
  struct Case {
    SyncAnswer answer;
    SyncOutcome outcome;
    std::string message;
  };
  const Case cases[] = {
      {{0, ""}, SyncOutcome::kOffline, ""},
      {{401, R"({"error":{"code":"unauthenticated","message":"no"}})"}, SyncOutcome::kSessionExpired, ""},
      {{409, R"({"error":{"code":"stale_version","message":"based on 1","change_id":"x"}})"},
       SyncOutcome::kPushRefused, "based on 1"},
      {{503, R"({"error":{"code":"unavailable","message":"busy"}})"}, SyncOutcome::kPushRefused, "busy"},
      {{502, "<html>bad gateway</html>"}, SyncOutcome::kBadAnswer, "HTTP 502"},
      {{200, R"({"acks":[]})"}, SyncOutcome::kBadAnswer, "the server acknowledged none of the changes sent"},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.answer.body);
    auto s = Store();
    Note(*s, "", "x");
    int calls = 0;
    SyncSession run = RunSync(*s, "t", [&](const SyncCall&) {
      ++calls;
      return k.answer;
    });
    EXPECT_EQ(run.outcome(), k.outcome);
    EXPECT_EQ(run.message(), k.message);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(*s->PendingCount(), 1);
    EXPECT_TRUE(s->ListSetAside()->empty());
  }
}

TEST(SyncSession, AsynchronousDrivingGivesTheSameRequestUntilItsAnswerArrives) {
  auto s = Store();
  Note(*s, "", "x");
  SyncSession run(*s, "tok");
  auto first = run.Next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->method, "POST");
  EXPECT_EQ(first->token, "tok");
  EXPECT_EQ(run.Next()->body, first->body);
  FakeServer server;
  EXPECT_TRUE(run.Deliver(server(*first))) << "acks change the outbox: persist now";
  auto pull = run.Next();
  ASSERT_TRUE(pull);
  EXPECT_EQ(pull->method, "GET");
  EXPECT_EQ(run.progress().phase, SyncProgress::kReceiving);
  EXPECT_FALSE(run.Deliver(server(*pull)));
  EXPECT_FALSE(run.Next());
  EXPECT_EQ(run.outcome(), SyncOutcome::kOk);
}

}  // namespace
}  // namespace kinerja

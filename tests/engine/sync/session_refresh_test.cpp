// Keeping a session alive (engine/sync/session_refresh.h): when a session is due for a
// refresh, how the answer is read, and the sync client refreshing before it pushes, keeping
// the old session when the server is busy and ending when the session is gone.
#include "engine/sync/session_refresh.h"

#include <gtest/gtest.h>

#include <vector>

#include "engine/sync/ids.h"
#include "engine/sync/local_store.h"
#include "shared/json_util.h"
#include "shared/wire/sync.h"

namespace kinerja {
namespace {

constexpr int64_t kNow = 1'800'000'000;
constexpr int64_t kDay = 24 * 3600;

wire::Session SessionUntil(int64_t expires_at, const std::string& token = "old-token") {
  wire::Session s;
  s.token = token;
  s.expires_at = IsoUtc(expires_at);
  s.user_id = "u-budi";
  s.username = "budi";
  s.display_name = "Budi";
  s.role = wire::Role::kSupervisor;
  s.unit_path = "/p/";
  return s;
}

SyncAnswer Error(int status, const std::string& code) {
  return {status, Json{{"error", {{"code", code}, {"message", code + " here"}}}}.dump()};
}

TEST(SessionRefreshDue, OnlyInTheLastSevenDaysBeforeTheSessionEnds) {
  EXPECT_FALSE(SessionRefreshDue(IsoUtc(kNow + 30 * kDay), kNow));
  EXPECT_FALSE(SessionRefreshDue(IsoUtc(kNow + 7 * kDay), kNow));
  EXPECT_TRUE(SessionRefreshDue(IsoUtc(kNow + 7 * kDay - 1), kNow));
  EXPECT_TRUE(SessionRefreshDue(IsoUtc(kNow + 60), kNow));
}

TEST(SessionRefreshDue, AnExpiredSessionIsNotRefreshedButLoggedIntoAgain) {
  EXPECT_FALSE(SessionRefreshDue(IsoUtc(kNow), kNow));
  EXPECT_FALSE(SessionRefreshDue(IsoUtc(kNow - kDay), kNow));
}

TEST(SessionRefreshDue, AnUnreadableExpiryIsDue) {
  EXPECT_TRUE(SessionRefreshDue("soon", kNow));
}

TEST(SessionRefreshCall, PostsTheTokenWithAnEmptyBody) {
  SyncCall c = SessionRefreshCall("tok");
  EXPECT_EQ(c.method, "POST");
  EXPECT_EQ(c.path, "/api/v1/session/refresh");
  EXPECT_EQ(c.token, "tok");
  EXPECT_TRUE(c.body.empty());
}

TEST(ParseSessionRefreshAnswer, ReadsTheNewSession) {
  wire::Session fresh = SessionUntil(kNow + 30 * kDay, "new-token");
  auto s = ParseSessionRefreshAnswer({200, wire::ToJson(fresh).dump()});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->token, "new-token");
  EXPECT_EQ(s->expires_at, fresh.expires_at);
  EXPECT_EQ(s->username, "budi");
}

TEST(ParseSessionRefreshAnswer, NamesWhyThereIsNoSession) {
  EXPECT_EQ(ParseSessionRefreshAnswer({0, ""}).status().code(), Code::kUnavailable);
  EXPECT_EQ(ParseSessionRefreshAnswer(Error(401, "unauthenticated")).status().code(),
            Code::kUnauthenticated);
  EXPECT_EQ(ParseSessionRefreshAnswer({401, "<html>"}).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(ParseSessionRefreshAnswer(Error(503, "busy")).status().code(), Code::kBusy);
  EXPECT_EQ(ParseSessionRefreshAnswer({502, "<html>bad gateway"}).status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(ParseSessionRefreshAnswer({200, R"({"token":"x"})"}).status().code(),
            Code::kInvalidArgument);
}

// The sync client: a server that answers the refresh with `refresh_answer` and has nothing
// to pull; it records every call.
struct RefreshServer {
  SyncAnswer refresh_answer;
  std::vector<SyncCall> calls;
  SyncAnswer operator()(const SyncCall& call) {
    calls.push_back(call);
    if (call.path == "/api/v1/session/refresh") return refresh_answer;
    wire::PullResponse empty;
    return {200, wire::ToJson(empty).dump()};
  }
};

std::unique_ptr<LocalStore> StoreWith(const wire::Session& s) {
  auto store = LocalStore::Open(":memory:");
  EXPECT_TRUE(store.ok());
  EXPECT_TRUE((*store)->SaveSession(s).ok());
  return std::move(store).value();
}

SyncSession::Options At(int64_t now) {
  SyncSession::Options o;
  o.now = now;
  return o;
}

TEST(SyncSessionRefresh, ASessionNearItsEndIsRefreshedFirstAndTheSyncUsesTheNewToken) {
  auto store = StoreWith(SessionUntil(kNow + 2 * kDay));
  RefreshServer server;
  server.refresh_answer = {200, wire::ToJson(SessionUntil(kNow + 30 * kDay, "new-token")).dump()};
  SyncSession run = RunSync(*store, "old-token", std::ref(server), At(kNow));
  EXPECT_EQ(run.outcome(), SyncOutcome::kOk) << run.message();
  ASSERT_EQ(server.calls.size(), 2u);
  EXPECT_EQ(server.calls[0].path, "/api/v1/session/refresh");
  EXPECT_EQ(server.calls[0].token, "old-token");
  EXPECT_EQ(server.calls[1].token, "new-token");
  EXPECT_TRUE(run.refreshed());
  EXPECT_EQ(run.token(), "new-token");
  auto saved = store->LoadSession();
  ASSERT_TRUE(saved.ok() && saved->has_value());
  EXPECT_EQ((*saved)->token, "new-token");
}

TEST(SyncSessionRefresh, AFreshSessionIsNotRefreshed) {
  auto store = StoreWith(SessionUntil(kNow + 20 * kDay));
  RefreshServer server;
  SyncSession run = RunSync(*store, "old-token", std::ref(server), At(kNow));
  EXPECT_EQ(run.outcome(), SyncOutcome::kOk);
  ASSERT_EQ(server.calls.size(), 1u);
  EXPECT_NE(server.calls[0].path, "/api/v1/session/refresh");
  EXPECT_FALSE(run.refreshed());
}

TEST(SyncSessionRefresh, WithoutTheTimeNothingIsRefreshed) {
  auto store = StoreWith(SessionUntil(kNow + 2 * kDay));
  RefreshServer server;
  SyncSession run = RunSync(*store, "old-token", std::ref(server));
  ASSERT_EQ(server.calls.size(), 1u);
  EXPECT_NE(server.calls[0].path, "/api/v1/session/refresh");
}

TEST(SyncSessionRefresh, ABusyServerLeavesTheOldSessionAndTheSyncCarriesOn) {
  auto store = StoreWith(SessionUntil(kNow + 2 * kDay));
  RefreshServer server;
  server.refresh_answer = Error(503, "busy");
  SyncSession run = RunSync(*store, "old-token", std::ref(server), At(kNow));
  EXPECT_EQ(run.outcome(), SyncOutcome::kOk) << run.message();
  ASSERT_EQ(server.calls.size(), 2u);
  EXPECT_EQ(server.calls[1].token, "old-token");
  EXPECT_FALSE(run.refreshed());
  EXPECT_EQ((*store->LoadSession())->token, "old-token");
}

TEST(SyncSessionRefresh, ARefusedRefreshEndsWithTheSessionExpired) {
  auto store = StoreWith(SessionUntil(kNow + 2 * kDay));
  RefreshServer server;
  server.refresh_answer = Error(401, "unauthenticated");
  SyncSession run = RunSync(*store, "old-token", std::ref(server), At(kNow));
  EXPECT_EQ(run.outcome(), SyncOutcome::kSessionExpired);
  EXPECT_EQ(server.calls.size(), 1u);
}

TEST(SyncSessionRefresh, NoAnswerToTheRefreshEndsOffline) {
  auto store = StoreWith(SessionUntil(kNow + 2 * kDay));
  RefreshServer server;
  server.refresh_answer = {0, ""};
  SyncSession run = RunSync(*store, "old-token", std::ref(server), At(kNow));
  EXPECT_EQ(run.outcome(), SyncOutcome::kOffline);
}

TEST(SyncSessionRefresh, AnotherTokenThanTheStoredSessionsIsNotRefreshed) {
  auto store = StoreWith(SessionUntil(kNow + 2 * kDay, "stored-token"));
  RefreshServer server;
  SyncSession run = RunSync(*store, "other-token", std::ref(server), At(kNow));
  ASSERT_EQ(server.calls.size(), 1u);
  EXPECT_NE(server.calls[0].path, "/api/v1/session/refresh");
}

}  // namespace
}  // namespace kinerja

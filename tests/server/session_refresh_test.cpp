// POST /api/v1/session/refresh (CentralStore::RefreshSession): a valid session traded for a
// new 30-day one without a password; the old token refused at once; audited; expired, unknown,
// revoked-device and disabled-account sessions refused.
#include "server/http/api.h"

#include "engine/sync/ids.h"
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class SessionRefresh : public DemoCity {
 protected:
  HttpResponse Refresh(const std::string& token, const std::string& body = "") {
    return Call("POST", "/api/v1/session/refresh", body, token);
  }
  int Me(const std::string& token) { return Call("GET", "/api/v1/me", "", token).status; }
};

TEST_F(SessionRefresh, ANewTokenWorksAndTheOldOneIsRefusedAtOnce) {
  std::string old_token = LoginAs("budi", "tab-1");
  ASSERT_EQ(Me(old_token), 200);  // the old token is in the session cache now
  HttpResponse r = Refresh(old_token);
  ASSERT_EQ(r.status, 200) << r.body;
  auto s = wire::SessionFromJson(Json::parse(r.body));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_NE(s->token, old_token);
  EXPECT_EQ(s->username, "budi");
  EXPECT_EQ(s->role, wire::Role::kSupervisor);
  EXPECT_EQ(s->unit_path, "/pemkot/dpmptsp/pelayanan/");
  EXPECT_EQ(Me(s->token), 200);
  EXPECT_EQ(Me(old_token), 401) << "no grace period, also not from the cache";
  EXPECT_EQ(Refresh(old_token).status, 401) << "a token refreshes once";
}

TEST_F(SessionRefresh, TheNewSessionLastsThirtyDaysFromTheRefreshOnTheSameDevice) {
  std::string token = LoginAs("budi", "tab-1");
  now_ += 25 * 24 * 3600;
  HttpResponse r = Refresh(token, "{}");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = Json::parse(r.body);
  EXPECT_EQ(j["expires_at"], IsoUtc(now_ + 30 * 24 * 3600));
  std::string fresh = j["token"];
  auto me = Call("GET", "/api/v1/me", "", fresh);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(Json::parse(me.body)["device_id"], "tab-1");
  now_ += 29 * 24 * 3600;  // past the first session's end, within the new one's
  EXPECT_EQ(Me(fresh), 200);
}

TEST_F(SessionRefresh, ARefreshIsAuditedAsSessionRefresh) {
  std::string token = LoginAs("budi", "tab-1");
  ASSERT_EQ(Refresh(token).status, 200);
  auto log = store_->AuditLog(0, 1000);
  ASSERT_TRUE(log.ok());
  int refreshes = 0;
  for (const auto& e : (*log)["entries"]) {
    if (e.value("action", "") == "session_refresh") ++refreshes;
  }
  EXPECT_EQ(refreshes, 1) << log->dump();
}

TEST_F(SessionRefresh, AnExpiredSessionIsRefused) {
  std::string token = LoginAs("budi", "tab-1");
  now_ += 30 * 24 * 3600;
  HttpResponse r = Refresh(token);
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(Json::parse(r.body)["error"]["code"], "unauthenticated");
}

TEST_F(SessionRefresh, AnUnknownOrMissingTokenIsRefused) {
  EXPECT_EQ(Refresh(std::string(64, 'a')).status, 401);
  EXPECT_EQ(Refresh("").status, 401);
}

TEST_F(SessionRefresh, ARevokedDevicesSessionIsRefused) {
  std::string token = LoginAs("budi", "tab-1");
  ASSERT_TRUE(store_->RevokeDevice(nullptr, "tab-1", now_).ok());
  EXPECT_EQ(Refresh(token).status, 401);
}

TEST_F(SessionRefresh, ADisabledUsersSessionIsRefused) {
  std::string token = LoginAs("budi", "tab-1");
  ASSERT_TRUE(store_->SetUserDisabled("budi", true).ok());
  EXPECT_EQ(Refresh(token).status, 401);
}

TEST_F(SessionRefresh, ABodyWithFieldsIsRefused) {
  std::string token = LoginAs("budi", "tab-1");
  EXPECT_EQ(Refresh(token, R"({"password":"x"})").status, 400);
  EXPECT_EQ(Me(token), 200) << "a refused refresh leaves the session as it was";
}

TEST_F(SessionRefresh, OnlyPostIsAllowed) {
  std::string token = LoginAs("budi", "tab-1");
  EXPECT_EQ(Call("GET", "/api/v1/session/refresh", "", token).status, 405);
}

}  // namespace
}  // namespace kinerja::server::testing

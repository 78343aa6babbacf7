// A password login the hash queue cannot take in time (server/auth/hash_queue.h): answered
// 503 busy at once with Retry-After and retry_after_seconds, nothing stored, not audited as a
// failure, not counted toward the lockout; a login goes through again once the queue drains.
#include "server/http/api.h"

#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class LoginBusy : public DemoCity {
 protected:
  void SetUp() override {
    DemoCity::SetUp();
    ApiLimits limits;
    limits.login_hash_cores = 2;
    limits.login_wait_bound_seconds = 1.5;
    api_ = std::make_unique<Api>(*store_, limits, [this] { return now_; });
  }
  // Fills the queue with hashes that are estimated to take longer than the bound.
  void FillQueue() {
    while (api_->login_queue().Enter().admitted) ++held_;
  }
  void DrainQueue() {
    for (; held_ > 0; --held_) api_->login_queue().Leave();
  }
  HttpResponse LoginBudi(const std::string& password = kDemoPassword) {
    Json req{{"username", "budi"}, {"password", password}, {"device_id", "tab-busy"}};
    return Call("POST", "/api/v1/login", req.dump());
  }
  int held_ = 0;
};

std::string HeaderOf(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

TEST_F(LoginBusy, AFullQueueAnswersBusyWithWhenToRetry) {
  FillQueue();
  HttpResponse r = LoginBudi();
  ASSERT_EQ(r.status, 503) << r.body;
  Json j = Json::parse(r.body);
  EXPECT_EQ(j["error"]["code"], "busy");
  const int retry = j["error"]["retry_after_seconds"].get<int>();
  EXPECT_GE(retry, 1);
  EXPECT_EQ(HeaderOf(r, "Retry-After"), std::to_string(retry));
}

TEST_F(LoginBusy, ABusyAnswerStoresAndAuditsNothing) {
  auto before = store_->AuditLog(0, 1000);
  ASSERT_TRUE(before.ok());
  FillQueue();
  ASSERT_EQ(LoginBudi().status, 503);
  ASSERT_EQ(LoginBudi("wrong").status, 503);
  auto after = store_->AuditLog(0, 1000);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)["entries"].size(), (*before)["entries"].size());
  auto devices = store_->Devices(nullptr);
  ASSERT_TRUE(devices.ok());
  EXPECT_EQ(devices->dump().find("tab-busy"), std::string::npos);
}

TEST_F(LoginBusy, BusyAnswersDoNotCountTowardTheLockout) {
  FillQueue();
  for (int i = 0; i < 10; ++i) ASSERT_EQ(LoginBudi("wrong").status, 503);
  DrainQueue();
  HttpResponse r = LoginBudi();
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(LoginBusy, ALoginGoesThroughOnceTheQueueHasRoom) {
  FillQueue();
  ASSERT_EQ(LoginBudi().status, 503);
  DrainQueue();
  HttpResponse r = LoginBudi();
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(api_->login_queue().queued(), 0) << "the login left the queue";
}

}  // namespace
}  // namespace kinerja::server::testing

#pragma once
// Shared set-up for server tests: an in-memory central store with the demo city and helpers
// to call the API as a given user.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "server/http/api.h"
#include "server/auth/auth.h"
#include "server/store/central_store.h"
#include "server/cli/demo.h"

namespace kinerja::server::testing {

class DemoCity : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto().ok());
    auto s = CentralStore::Open(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ASSERT_TRUE(SeedDemoCity(*store_).ok());
    api_ = std::make_unique<Api>(*store_, ApiLimits{}, [this] { return now_; });
  }

  HttpResponse Call(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& token = "") {
    HttpRequest r;
    r.method = method;
    auto q = path.find('?');
    r.path = path.substr(0, q);
    if (q != std::string::npos) {
      std::string qs = path.substr(q + 1);
      size_t pos = 0;
      while (pos < qs.size()) {
        size_t amp = qs.find('&', pos);
        std::string kv = qs.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        size_t eq = kv.find('=');
        r.query[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
        if (amp == std::string::npos) break;
        pos = amp + 1;
      }
    }
    r.body = body;
    r.remote_addr = "127.0.0.1";
    if (!token.empty()) r.authorization = "Bearer " + token;
    return api_->Handle(r);
  }

  std::string LoginAs(const std::string& user, const std::string& device = "dev-1") {
    Json req{{"username", user}, {"password", kDemoPassword}, {"device_id", device}};
    auto r = Call("POST", "/api/v1/login", req.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return Json::parse(r.body).value("token", "");
  }

  static Json NoteChange(const std::string& change_id, const std::string& record_id,
                         int64_t base, const std::string& employee, const std::string& text) {
    return Json{{"change_id", change_id}, {"record_id", record_id}, {"kind", "appraisal_note"},
                {"base_version", base},
                {"body", {{"employee_id", employee}, {"text", text}, {"period", "2026-Q4"}}},
                {"created_at", "2026-11-29T05:00:00Z"}};
  }

  static std::string Push(const std::string& device, const Json& changes) {
    return Json{{"protocol", 1}, {"device_id", device}, {"changes", changes}}.dump();
  }

  int64_t now_ = 1'800'000'000;
  std::unique_ptr<CentralStore> store_;
  std::unique_ptr<Api> api_;
};

}  // namespace kinerja::server::testing

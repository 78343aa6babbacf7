// Malformed bytes found by the API fuzzer (tests/fuzz), kept as regressions: each gets a 4xx
// JSON error, never an exception out of Api::Handle.
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

using MalformedInput = DemoCity;

TEST_F(MalformedInput, InvalidUtf8QuotedInAnErrorMessageStillGetsAJsonError) {
  std::string token = LoginAs("budi", "tab-1");
  const std::string bad = "\xF8\xEA\xB8";
  const std::string bodies[] = {
      "{\"username\":\"budi\"," + bad + "}",                                  // parser position
      "{\"protocol\":1,\"device_id\":\"tab-1\",\"changes\":[]," + bad + "}",  // parser position
      "{\"username\":\"x\",\"password\":\"y\",\"device_id\":\"t\",\"" + bad + "\":1}",
  };
  for (const auto& body : bodies) {
    for (const char* path : {"/api/v1/login", "/api/v1/sync/push"}) {
      auto r = Call("POST", path, body, token);
      EXPECT_EQ(r.status, 400) << path << " " << r.body;
      auto j = ParseJson(r.body);
      ASSERT_TRUE(j.ok()) << r.body;
      EXPECT_EQ((*j)["error"]["code"], "invalid_argument") << r.body;
    }
  }
}

}  // namespace
}  // namespace kinerja::server::testing

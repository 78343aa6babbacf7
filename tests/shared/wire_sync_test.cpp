// The sync wire format: what a device sends round-trips, and every malformed field is named.
#include "shared/wire/sync.h"

#include <gtest/gtest.h>

#include "shared/wire/auth.h"

namespace kinerja::wire {
namespace {

PushRequest SamplePush() {
  PushRequest p;
  p.device_id = "tab-1";
  Change c;
  c.change_id = "c-1";
  c.record_id = "n-1";
  c.kind = "appraisal_note";
  c.base_version = 3;
  c.body = Json{{"employee_id", "e-ani"}, {"text", "Tepat waktu"}};
  c.created_at = "2026-11-29T05:00:00Z";
  c.resolves = {"c-0"};
  p.changes.push_back(c);
  return p;
}

TEST(WireSync, APushRequestRoundTrips) {
  auto back = PushRequestFromJson(ToJson(SamplePush()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->changes.size(), 1u);
  EXPECT_EQ(back->changes[0].base_version, 3);
  EXPECT_EQ(back->changes[0].resolves, std::vector<std::string>{"c-0"});
  EXPECT_EQ(back->changes[0].body["text"], "Tepat waktu");
}

TEST(WireSync, APullResponseRoundTrips) {
  PullResponse p;
  Record r;
  r.id = "e-ani";
  r.kind = "employee";
  r.version = 2;
  r.body = Json{{"name", "Ani"}};
  r.conflict = true;
  r.seq = 7;
  p.records.push_back(r);
  p.cursor = 7;
  p.more = true;
  p.head = 120;
  auto back = PullResponseFromJson(ToJson(p));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(back->more);
  EXPECT_EQ(back->head, 120);
  EXPECT_TRUE(back->records[0].conflict);
  EXPECT_EQ(back->records[0].seq, 7);
}

TEST(WireSync, APullResponseWithoutAHeadFromAnOlderServerStillParses) {
  auto back = PullResponseFromJson(Json{{"records", Json::array()}, {"cursor", 3}, {"more", false}});
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->head, 0);
  auto bad = PullResponseFromJson(
      Json{{"records", Json::array()}, {"cursor", 3}, {"more", false}, {"head", "x"}});
  EXPECT_FALSE(bad.ok());
}

TEST(WireSync, EveryMalformedPushFieldIsNamed) {
  struct Case { std::string patch; std::string says; };
  const Case cases[] = {
      {R"({"changes":[{"change_id":5}]})", "changes[0].change_id must be a string, not number"},
      {R"({"changes":[{"record_id":"a b"}]})", "changes[0].record_id must be 1-64 characters"},
      {R"({"changes":[{"base_version":-1}]})", "changes[0].base_version must be 0 or more"},
      {R"({"changes":[{"body":[]}]})", "changes[0].body must be an object"},
      {R"({"changes":[{"resolves":"c-0"}]})", "changes[0].resolves must be an array"},
      {R"({"changes":[{"extra":1}]})", "unknown field changes[0].extra"},
      {R"({"device_id":""})", "push.device_id must be 1-64 characters"},
  };
  for (const auto& c : cases) {
    Json j = ToJson(SamplePush());
    j.merge_patch(Json::parse(c.patch));
    // merge_patch replaces arrays whole: rebuild the change with the patched field.
    if (Json::parse(c.patch).contains("changes")) {
      Json change = ToJson(SamplePush())["changes"][0];
      change.merge_patch(Json::parse(c.patch)["changes"][0]);
      j["changes"] = Json::array({change});
    }
    auto r = PushRequestFromJson(j);
    ASSERT_FALSE(r.ok()) << c.patch;
    EXPECT_NE(r.status().message().find(c.says), std::string::npos)
        << c.patch << " -> " << r.status().message();
  }
}

TEST(WireSync, ABatchOverTheLimitIsTooLarge) {
  PushRequest p = SamplePush();
  Change one = p.changes[0];  // a copy: assign() must not read from the vector it replaces
  p.changes.assign(kMaxChangesPerPush + 1, one);
  auto r = PushRequestFromJson(ToJson(p));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kTooLarge);
}

TEST(WireSync, ErrorBodiesCarryTheCodeTheMessageAndTheChange) {
  Json j = ErrorJson(Status::Locked("signed off"), "c-9");
  EXPECT_EQ(j["error"]["change_id"], "c-9");
  Status back = StatusFromErrorJson(j);
  EXPECT_EQ(back.code(), Code::kLocked);
  EXPECT_EQ(back.message(), "signed off");
  EXPECT_EQ(StatusFromErrorJson(Json{{"nope", 1}}).code(), Code::kInternal);
}

TEST(WireAuth, ASessionRoundTripsAndAnUnknownRoleIsRefused) {
  Session s;
  s.token = "t";
  s.expires_at = "2026-12-29T00:00:00Z";
  s.user_id = "u";
  s.username = "budi";
  s.display_name = "Budi";
  s.role = Role::kSupervisor;
  s.unit_path = "/pemkot/";
  auto back = SessionFromJson(ToJson(s));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->role, Role::kSupervisor);
  Json bad = ToJson(s);
  bad["user"]["role"] = "mayor";
  EXPECT_NE(SessionFromJson(bad).status().message().find("role 'mayor' is unknown"), std::string::npos);
}

}  // namespace
}  // namespace kinerja::wire

// The answers written as text are the text of the general writer (ToJson, then dump), for
// every kind of string a record can hold.
#include "shared/wire/response_text.h"

#include <gtest/gtest.h>

namespace kinerja::wire {
namespace {

std::string Dumped(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

TEST(ResponseText, ABodysTextIsItsDumpForEveryKindOfValue) {
  const char* const texts[] = {
      R"({})", R"([])", R"("")", "null", "true", "false", "0", "-0", "-17", "18446744073709551615",
      "-9223372036854775808", "1.5", "-0.0", "1e300", "3.141592653589793", "2.5e-8",
      R"({"employee_id":"e-ani","text":"Tepat waktu","period":"2026-Q4"})",
      R"({"z":1,"a":[1,2,{"y":null,"b":true}],"m":{"":"empty key"}})",
      R"({"text":"quote \" backslash \\ slash / tab \t newline \n nul \u0000 bell \u0007"})",
      R"({"text":"Bahasa: ramah ✓, 😀, é, \u00e9, del \u007f, \u2028"})",
      R"({"deep":[[[[[[["x"]]]]]]],"n":[0.1,-2,3e5,null]})",
      R"({"a":1,"a":2})",
  };
  for (const char* text : texts) {
    Json j = Json::parse(text);
    EXPECT_EQ(JsonText(j), j.dump()) << text;
  }
}

TEST(ResponseText, TheAcksAreTheGeneralWritersText) {
  PushResponse r;
  EXPECT_EQ(PushResponseText(r), Dumped(ToJson(r)));
  r.acks = {{"c-1", Outcome::kApplied, 1},
            {"c-2", Outcome::kDuplicate, 7},
            {"c-3", Outcome::kConflict, -2},
            {"an \"odd\" id\n", Outcome::kApplied, 9223372036854775807}};
  EXPECT_EQ(PushResponseText(r), Dumped(ToJson(r)));
}

PullResponse SamplePull() {
  PullResponse p;
  Record a;
  a.id = "e-ani";
  a.kind = "employee";
  a.version = 3;
  a.unit_path = "/pemkot/dpmptsp/pelayanan/";
  a.subject_id = "e-ani";
  a.author_id = "u-hr";
  a.body = Json::parse(R"({"name":"Ani Rahmawati","nip":"199001012015032001","scores":[87.5,-1,2],)"
                       R"("nested":{"ok":true,"none":null},"kata":"Caf\u00e9 \"kutip\" \n\t\u0001"})");
  a.conflict = true;
  a.seq = 41;
  a.updated_at = "2026-12-04T06:00:00Z";
  Record b;
  b.id = "n\"1\\";
  b.kind = "appraisal_note";
  b.version = 1;
  b.unit_path = "/pemkot/dinas \xc3\xa9/\x7f/";
  b.subject_id = "\x01";
  b.author_id = "bad \xff utf-8";
  b.body = Json::object();
  b.seq = 42;
  p.records = {a, b};
  p.cursor = 42;
  return p;
}

TEST(ResponseText, APullWithStoredBodyTextsIsTheGeneralWritersText) {
  for (int64_t head : {0, 120}) {
    for (bool more : {false, true}) {
      PullResponse p = SamplePull();
      p.head = head;
      p.more = more;
      std::vector<std::string> texts;
      for (const auto& r : p.records) texts.push_back(r.body.dump());
      const std::string expected = Dumped(ToJson(p));
      // The text path leaves the parsed bodies empty: only the texts are written.
      for (auto& r : p.records) r.body = Json();
      EXPECT_EQ(PullResponseText(p, texts), expected);
    }
  }
  PullResponse empty;
  EXPECT_EQ(PullResponseText(empty, {}), Dumped(ToJson(empty)));
}

TEST(ResponseText, APullWithoutATextPerRecordWritesTheRecordsOwnBodies) {
  PullResponse p = SamplePull();
  EXPECT_EQ(PullResponseText(p, {}), Dumped(ToJson(p)));
  EXPECT_EQ(PullResponseText(p, {"{}"}), Dumped(ToJson(p)));
}

}  // namespace
}  // namespace kinerja::wire

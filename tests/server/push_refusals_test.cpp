// The sync contract of docs/sync.md, as a careful client reads it: text limits count
// characters, every refusal of a push names the change it is about whenever that change's
// change_id can be read (and says so when it cannot), and created_at is an ISO-8601 UTC time.
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "shared/wire/sync.h"
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

using PushRefusals = DemoCity;

std::string Repeat(std::string_view unit, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += unit;
  return s;
}

Json DraftAppraisal(const std::string& change_id, const std::string& comments) {
  return Json{{"change_id", change_id},
              {"record_id", "skp-ani-2026"},
              {"kind", "appraisal"},
              {"base_version", 0},
              {"body",
               {{"employee_id", "e-ani"},
                {"period", "2026"},
                {"status", "draft"},
                {"skp", {{"template", "permenpanrb-6-2022.v1"}}},
                {"comments", comments}}}};
}

// A mixed Indonesian text of exactly `n` characters with accented letters and a check mark.
std::string MixedText(size_t n) {
  const std::string unit = "Séverine menyelesaikan izin tepat waktu ✓ ";
  std::string s;
  size_t chars = 0;
  while (chars < n) {
    for (size_t i = 0; i < unit.size() && chars < n;) {
      const auto c = static_cast<unsigned char>(unit[i]);
      const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      s.append(unit, i, len);
      i += len;
      ++chars;
    }
  }
  return s;
}

TEST_F(PushRefusals, ANoteOfFourThousandMultiByteCharactersIsStored) {
  std::string token = LoginAs("budi", "tab-1");
  const std::vector<std::string> texts = {Repeat("é", 2100), Repeat("文", 4000), Repeat("😀", 4000),
                                          MixedText(4000), Repeat("a", 4000)};
  for (size_t i = 0; i < texts.size(); ++i) {
    SCOPED_TRACE(i);
    std::string id = std::to_string(i);
    auto r =
        Call("POST", "/api/v1/sync/push",
             Push("tab-1", Json::array({NoteChange("c-" + id, "n-" + id, 0, "e-ani", texts[i])})),
             token);
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
  }
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), static_cast<int64_t>(texts.size()));
}

TEST_F(PushRefusals, TheFourThousandAndFirstCharacterIsRefusedNamingTheChange) {
  std::string token = LoginAs("budi", "tab-1");
  for (const char* unit : {"a", "é", "✓", "😀"}) {
    SCOPED_TRACE(unit);
    auto r =
        Call("POST", "/api/v1/sync/push",
             Push("tab-1",
                  Json::array({NoteChange("c-ok", "n-ok", 0, "e-ani", "ok"),
                               NoteChange("c-long", "n-long", 0, "e-ani", Repeat(unit, 4001))})),
             token);
    ASSERT_EQ(r.status, 400) << r.body.substr(0, 300);
    Json err = Json::parse(r.body)["error"];
    EXPECT_EQ(err["change_id"], "c-long");
    EXPECT_EQ(err["message"], "changes[1].body.text must be 1-4000 characters (has 4001)");
  }
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 0);
}

TEST_F(PushRefusals, AppraisalCommentsCountCharactersToo) {
  std::string token = LoginAs("budi", "tab-1");
  auto over = Call("POST", "/api/v1/sync/push",
                   Push("tab-1", Json::array({DraftAppraisal("a-1", Repeat("ü", 4001))})), token);
  ASSERT_EQ(over.status, 400) << over.body.substr(0, 300);
  EXPECT_EQ(Json::parse(over.body)["error"]["change_id"], "a-1");
  EXPECT_NE(over.body.find("comments must be at most 4000 characters (has 4001)"),
            std::string::npos);
  auto fits = Call("POST", "/api/v1/sync/push",
                   Push("tab-1", Json::array({DraftAppraisal("a-1", MixedText(4000))})), token);
  EXPECT_EQ(fits.status, 200) << fits.body.substr(0, 300);
}

// One malformed change in the middle of a batch of three, each way the push reader refuses.
struct Malformed {
  const char* what;
  void (*spoil)(Json& change);
  const char* says;
};

const Malformed kNamedShapeErrors[] = {
    {"record id with a space", [](Json& c) { c["record_id"] = "n 1"; },
     "changes[1].record_id must be"},
    {"record id of 65 characters", [](Json& c) { c["record_id"] = std::string(65, 'r'); },
     "changes[1].record_id must be"},
    {"missing record_id", [](Json& c) { c.erase("record_id"); }, "record_id"},
    {"missing kind", [](Json& c) { c.erase("kind"); }, "kind"},
    {"kind not an id", [](Json& c) { c["kind"] = "appraisal note"; }, "changes[1].kind must be"},
    {"negative base_version", [](Json& c) { c["base_version"] = -1; },
     "changes[1].base_version must be 0 or more"},
    {"string base_version", [](Json& c) { c["base_version"] = "0"; }, "base_version"},
    {"missing base_version", [](Json& c) { c.erase("base_version"); }, "base_version"},
    {"body not an object", [](Json& c) { c["body"] = "text"; },
     "changes[1].body must be an object"},
    {"body missing", [](Json& c) { c.erase("body"); }, "changes[1].body must be an object"},
    {"unknown field", [](Json& c) { c["extra"] = 1; }, "changes[1].extra"},
    {"resolves not a list", [](Json& c) { c["resolves"] = "c-0"; }, "changes[1].resolves"},
    {"created_at not a time", [](Json& c) { c["created_at"] = "yesterday"; },
     "changes[1].created_at must be an ISO-8601 UTC time"},
    {"created_at a number", [](Json& c) { c["created_at"] = 5; }, "created_at"},
    {"created_at without a zone", [](Json& c) { c["created_at"] = "2026-11-29T05:00:00"; },
     "changes[1].created_at must be an ISO-8601 UTC time"},
    {"created_at not a date", [](Json& c) { c["created_at"] = "2026-13-40T05:00:00Z"; },
     "created_at"},
    {"body too large", [](Json& c) { c["body"]["text"] = std::string(70 * 1024, 'x'); },
     "changes[1].body is over"},
};

std::string ThreeNotes(void (*spoil)(Json&)) {
  Json changes = Json::array();
  for (int i = 0; i < 3; ++i) {
    std::string id = std::to_string(i);
    Json c{{"change_id", "c-" + id},
           {"record_id", "n-" + id},
           {"kind", "appraisal_note"},
           {"base_version", 0},
           {"body", {{"employee_id", "e-ani"}, {"text", "catatan " + id}}},
           {"created_at", "2026-11-29T05:00:00Z"}};
    if (i == 1) spoil(c);
    changes.push_back(c);
  }
  return Json{{"protocol", 1}, {"device_id", "tab-1"}, {"changes", changes}}.dump();
}

TEST_F(PushRefusals, EveryShapeErrorOfAChangeNamesItsChangeId) {
  std::string token = LoginAs("budi", "tab-1");
  for (const Malformed& m : kNamedShapeErrors) {
    SCOPED_TRACE(m.what);
    auto r = Call("POST", "/api/v1/sync/push", ThreeNotes(m.spoil), token);
    ASSERT_GE(r.status, 400);
    ASSERT_LT(r.status, 500) << r.body;
    Json err = Json::parse(r.body)["error"];
    EXPECT_EQ(err["change_id"], "c-1") << r.body;
    EXPECT_NE(err["message"].get<std::string>().find(m.says), std::string::npos) << r.body;
  }
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 0);
}

TEST_F(PushRefusals, AChangeWhoseChangeIdCannotBeReadIsSaidToBeUnnamed) {
  std::string token = LoginAs("budi", "tab-1");
  const Malformed unnamed[] = {
      {"missing change_id", [](Json& c) { c.erase("change_id"); }, "change_id"},
      {"change_id with a space", [](Json& c) { c["change_id"] = "c 1"; },
       "changes[1].change_id must be"},
      {"change_id of 65 characters", [](Json& c) { c["change_id"] = std::string(65, 'c'); },
       "changes[1].change_id must be"},
      {"change_id a number", [](Json& c) { c["change_id"] = 7; }, "change_id"},
      {"change_id and more wrong",
       [](Json& c) {
         c["change_id"] = "";
         c["extra"] = 1;
         c.erase("kind");
       },
       "changes[1].change_id must be"},
      {"change not an object", [](Json& c) { c = "c-1"; }, "changes[1] must be an object"},
  };
  for (const Malformed& m : unnamed) {
    SCOPED_TRACE(m.what);
    auto r = Call("POST", "/api/v1/sync/push", ThreeNotes(m.spoil), token);
    ASSERT_EQ(r.status, 400) << r.body;
    Json err = Json::parse(r.body)["error"];
    EXPECT_FALSE(err.contains("change_id")) << r.body;
    const std::string message = err["message"];
    EXPECT_NE(message.find(m.says), std::string::npos) << r.body;
    EXPECT_NE(message.find("the change cannot be named"), std::string::npos) << r.body;
  }
}

TEST_F(PushRefusals, CreatedAtIsAnIsoUtcTimeOrAbsent) {
  std::string token = LoginAs("budi", "tab-1");
  int n = 0;
  for (Json created : {Json("2026-11-29T05:00:00Z"), Json("2026-11-29T05:00:00.123Z"),
                       Json("2026-11-29T05:00:00+00:00"), Json(nullptr)}) {
    SCOPED_TRACE(created.dump());
    std::string id = std::to_string(n++);
    Json c = NoteChange("c-" + id, "n-" + id, 0, "e-ani", "x");
    if (created.is_null()) {
      c.erase("created_at");
    } else {
      c["created_at"] = created;
    }
    auto r = Call("POST", "/api/v1/sync/push", Push("tab-1", Json::array({c})), token);
    EXPECT_EQ(r.status, 200) << r.body;
  }
  for (const char* bad : {"yesterday", "2026-11-29", "2026-11-29T12:00:00+07:00", "1764392400"}) {
    SCOPED_TRACE(bad);
    Json c = NoteChange("c-bad", "n-bad", 0, "e-ani", "x");
    c["created_at"] = bad;
    auto r = Call("POST", "/api/v1/sync/push", Push("tab-1", Json::array({c})), token);
    ASSERT_EQ(r.status, 400) << r.body;
    Json err = Json::parse(r.body)["error"];
    EXPECT_EQ(err["change_id"], "c-bad");
    EXPECT_NE(
        err["message"].get<std::string>().find("changes[0].created_at must be an ISO-8601 UTC"),
        std::string::npos)
        << r.body;
  }
}

// The contract over many malformed pushes: each top-level field of one change in a batch of
// three (a note, a survey response, a draft appraisal) replaced by values of every type, or
// removed. Every 4xx answer names a change of the batch, and it is the spoiled one, whenever
// the spoiled change's change_id can be read; when it cannot, the message says so.
TEST_F(PushRefusals, EveryRefusalOfAMalformedPushNamesAChangeOfTheBatchWhenIdentifiable) {
  std::string token = LoginAs("budi", "tab-1");
  Json answers;
  for (int i = 1; i <= 9; ++i) answers["U" + std::to_string(i)] = 3;
  auto batch = [&](const std::string& tag) {
    Json note = NoteChange("c-" + tag + "-note", "n-" + tag, 0, "e-ani", "Tepat waktu ✓");
    Json survey{{"change_id", "c-" + tag + "-survey"},
                {"record_id", "s-" + tag},
                {"kind", "survey_response"},
                {"base_version", 0},
                {"body",
                 {{"unit_id", "pelayanan"},
                  {"service", "Izin Usaha"},
                  {"date", "2026-11-20"},
                  {"answers", answers}}},
                {"created_at", "2026-11-29T05:00:00Z"}};
    Json appraisal = DraftAppraisal("c-" + tag + "-skp", "Baik");
    appraisal["record_id"] = "skp-" + tag;
    return Json::array({note, survey, appraisal});
  };
  const Json values[] = {Json(nullptr),
                         Json(-1),
                         Json(0),
                         Json(1.5),
                         Json(true),
                         Json(""),
                         Json("a b"),
                         Json(std::string(65, 'x')),
                         Json("yesterday"),
                         Json("2026-11-29T05:00:00+07:00"),
                         Json::array(),
                         Json::object(),
                         Json::array({"c x"}),
                         Json(std::string(70 * 1024, 'y'))};
  const char* fields[] = {"change_id", "record_id",  "kind",     "base_version",
                          "body",      "created_at", "resolves", "extra"};
  int cases = 0, refused = 0, unnamed = 0;
  for (size_t spoiled = 0; spoiled < 3; ++spoiled) {
    for (const char* field : fields) {
      for (size_t v = 0; v <= std::size(values); ++v) {  // the last: the field removed
        const std::string tag = std::to_string(cases++);
        Json changes = batch(tag);
        Json& c = changes[spoiled];
        if (v == std::size(values)) {
          c.erase(field);
        } else {
          c[field] = values[v];
        }
        SCOPED_TRACE(std::string(field) + " of change " + std::to_string(spoiled) + " = " +
                     (v == std::size(values) ? "(removed)" : values[v].dump().substr(0, 40)));
        auto r = Call("POST", "/api/v1/sync/push", Push("tab-1", changes), token);
        if (r.status == 200) continue;
        ASSERT_GE(r.status, 400) << r.body;
        ASSERT_LT(r.status, 500) << r.body;
        ++refused;
        Json err = Json::parse(r.body)["error"];
        const bool readable = c.is_object() && c.contains("change_id") &&
                              c["change_id"].is_string() &&
                              wire::IsValidId(c["change_id"].get<std::string>());
        if (readable) {
          std::set<std::string> ids;
          for (const Json& x : changes) ids.insert(x["change_id"].get<std::string>());
          EXPECT_TRUE(ids.count(err.value("change_id", ""))) << r.body.substr(0, 300);
        } else {
          ++unnamed;
          EXPECT_FALSE(err.contains("change_id")) << r.body.substr(0, 300);
          EXPECT_NE(err["message"].get<std::string>().find("the change cannot be named"),
                    std::string::npos)
              << r.body.substr(0, 300);
        }
      }
    }
  }
  EXPECT_GT(refused, 200) << "of " << cases;
  EXPECT_GT(unnamed, 20);
}

// Truncated pushes are malformed JSON: no change can be read, so none is named.
TEST_F(PushRefusals, MalformedJsonNamesNoChange) {
  std::string token = LoginAs("budi", "tab-1");
  const std::string text = Push("tab-1", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "x"),
                                                      NoteChange("c-2", "n-2", 0, "e-ani", "y")}));
  for (size_t cut = 1; cut < text.size(); cut += 7) {
    auto r = Call("POST", "/api/v1/sync/push", text.substr(0, cut), token);
    ASSERT_EQ(r.status, 400) << cut << ": " << r.body;
    EXPECT_FALSE(Json::parse(r.body)["error"].contains("change_id")) << r.body;
  }
}

}  // namespace
}  // namespace kinerja::server::testing

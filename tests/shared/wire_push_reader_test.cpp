// The push reader gives exactly what the general reader gives (PushRequestFromJson over
// ParseJson): the same request for every push it reads in one pass, and the same error for
// everything else. Checked on hand-picked texts and on thousands of seeded mutations.
#include "shared/wire/push_reader.h"

#include <gtest/gtest.h>

#include <random>

namespace kinerja::wire {
namespace {

std::string Describe(const PushRequest& p) {
  // A canonical text of everything a request holds, to compare two of them.
  Json j = ToJson(p);
  for (size_t i = 0; i < p.changes.size(); ++i) {
    j["changes"][i]["resolves"] = p.changes[i].resolves;  // ToJson leaves out an empty list
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The general reader's answer for `text`.
Result<PushRequest> General(std::string_view text) {
  auto j = ParseJson(text);
  if (!j.ok()) return j.status();
  return PushRequestFromJson(*j);
}

// ReadPushRequest and the one-pass reader agree with the general reader on `text`. Returns
// whether the one-pass reader read it.
bool ExpectSameAnswer(const std::string& text) {
  SCOPED_TRACE(text);
  auto general = General(text);
  std::vector<std::string> texts;
  auto read = ReadPushRequest(text, &texts);
  EXPECT_EQ(read.ok(), general.ok()) << (read.ok() ? general.status() : read.status()).ToString();
  if (read.ok() != general.ok()) return false;
  if (!general.ok()) {
    EXPECT_EQ(read.status().code(), general.status().code());
    EXPECT_EQ(read.status().message(), general.status().message());
  } else {
    EXPECT_EQ(Describe(*read), Describe(*general));
    EXPECT_EQ(texts.size(), general->changes.size());
    for (size_t i = 0; i < texts.size() && i < general->changes.size(); ++i) {
      EXPECT_EQ(texts[i], general->changes[i].body.dump());
    }
  }
  PushRequest usual;
  std::vector<std::string> usual_texts;
  if (!ReadUsualPushRequest(text, &usual, &usual_texts)) return false;
  EXPECT_TRUE(general.ok()) << "the one-pass reader accepted what the general one refuses: "
                            << general.status().ToString();
  if (general.ok()) {
    EXPECT_EQ(Describe(usual), Describe(*general));
    EXPECT_EQ(usual_texts, texts);
  }
  return true;
}

const char* const kUsual =
    R"({"protocol":1,"device_id":"tab-1","changes":[)"
    R"({"change_id":"c-1","record_id":"n-1","kind":"appraisal_note","base_version":0,)"
    R"("body":{"employee_id":"e-ani","text":"Tepat waktu \"selalu\"\n\u00e9 caf\u00e9 \u2713","period":"2026-Q4"},)"
    R"("created_at":"2026-11-29T05:00:00Z"},)"
    R"({"kind":"appraisal","record_id":"a-1","change_id":"c-2","base_version":3,"resolves":["c-0","c-9"],)"
    R"("body":{"scores":[1,2.5,-3,1e3,18446744073709551615,-9223372036854775808,0.1],)"
    R"("nested":{"a":[[],{},[{"b":null}]],"t":true,"f":false},"kata":"Palangka Raya ✓"}},)"
    R"({"change_id":"c-3","record_id":"n-3","kind":"appraisal_note","base_version":1,"body":{},)"
    R"("created_at":null,"resolves":null}]})";

// What tablets send: no \u escapes (raw UTF-8 instead), simple escapes, decimals.
const char* const kPlain =
    "{\"protocol\":1,\"device_id\":\"tab-2\",\"changes\":[{\"change_id\":\"c-1\",\"record_id\":\"n-1\","
    "\"kind\":\"appraisal\",\"base_version\":2,\"created_at\":\"2026-12-04T06:00:00Z\",\"body\":"
    "{\"text\":\"Caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80 \\\"kutip\\\" \\t \\/ a\\nb\",\"scores\":[87.5,-0,0,-12,1e2,"
    "123456789012345678,-0.25E-3],\"ok\":true,\"none\":null,\"sub\":{\"x\":[{}]}}},"
    "{\"change_id\":\"c-2\",\"record_id\":\"n-2\",\"kind\":\"appraisal_note\",\"base_version\":0,"
    "\"body\":{\"employee_id\":\"e-ani\"},\"resolves\":[\"c-0\"]}]}";

TEST(PushReader, APlainPushFromATabletIsReadIntoTheSameRequest) {
  PushRequest p;
  ASSERT_TRUE(ReadUsualPushRequest(kPlain, &p, nullptr));
  ASSERT_EQ(p.changes.size(), 2u);
  EXPECT_EQ(p.changes[0].body["text"], "Caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80 \"kutip\" \t / a\nb");
  EXPECT_EQ(p.changes[0].body["scores"][0], 87.5);
  EXPECT_TRUE(p.changes[0].body["scores"][1].is_number_integer());
  EXPECT_TRUE(p.changes[0].body["scores"][2].is_number_unsigned());
  EXPECT_EQ(p.changes[0].body["scores"][5], 123456789012345678u);
  EXPECT_TRUE(ExpectSameAnswer(kPlain));
}

TEST(PushReader, AUsualPushIsReadInOnePassIntoTheSameRequest) {
  PushRequest p;
  std::vector<std::string> texts;
  ASSERT_TRUE(ReadUsualPushRequest(kUsual, &p, &texts));
  ASSERT_EQ(p.changes.size(), 3u);
  EXPECT_EQ(p.device_id, "tab-1");
  EXPECT_EQ(p.changes[1].base_version, 3);
  EXPECT_EQ(p.changes[1].resolves, (std::vector<std::string>{"c-0", "c-9"}));
  EXPECT_EQ(p.changes[0].body["text"], "Tepat waktu \"selalu\"\n\u00e9 caf\u00e9 \u2713");
  EXPECT_EQ(p.changes[2].created_at, "");
  EXPECT_TRUE(ExpectSameAnswer(kUsual));
}

TEST(PushReader, ARepeatedKeyInABodyKeepsItsLastValueAsTheGeneralReaderDoes) {
  const std::string text =
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k",)"
      R"("base_version":0,"body":{"x":1,"y":{"z":[1]},"x":{"w":2},"y":3}}]})";
  PushRequest p;
  ASSERT_TRUE(ReadUsualPushRequest(text, &p, nullptr));
  EXPECT_EQ(p.changes[0].body, Json::parse(R"({"x":{"w":2},"y":3})"));
  EXPECT_TRUE(ExpectSameAnswer(text));
}

TEST(PushReader, EveryUnusualPushGetsTheGeneralReadersAnswer) {
  const std::string change =
      R"({"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":{}})";
  const std::string cases[] = {
      "",
      "[]",
      "null",
      R"({"protocol":1,"device_id":"d","changes":[]})",
      R"({"protocol":1,"device_id":"d","changes":[]} x)",
      R"({"protocol":2,"device_id":"d","changes":[]})",
      R"({"protocol":1.0,"device_id":"d","changes":[]})",
      R"({"protocol":"1","device_id":"d","changes":[]})",
      R"({"protocol":1,"protocol":1,"device_id":"d","changes":[]})",
      R"({"protocol":1,"device_id":"d d","changes":[]})",
      R"({"protocol":1,"device_id":"d","changes":{}})",
      R"({"protocol":1,"device_id":"d"})",
      R"({"device_id":"d","changes":[]})",
      R"({"protocol":1,"device_id":"d","changes":[],"extra":0})",
      R"({"protocol":1,"device_id":"d","changes":[1]})",
      R"({"protocol":1,"device_id":"d","changes":[)" + change + "," + change + "]}",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":-1,"body":{}}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":9223372036854775808,"body":{}}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":1.5,"body":{}}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":[]}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":0}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":{},"body":{}}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":{},"created_at":5}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":{},"resolves":["a b"]}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":{},"resolves":[1]}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"","record_id":"r","kind":"k","base_version":0,"body":{}}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":{"s":"\ud800"}}]})",
      R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":{"s":")" "\xff" R"("}}]})",
  };
  for (const auto& text : cases) ExpectSameAnswer(text);
}

// A refusal names its change whenever the change_id itself can be read: the reader reads it
// before the change's other fields. When it cannot, the message says so.
TEST(PushReader, AnErrorAboutOneChangeNamesItsChangeIdWhenReadable) {
  const std::string good =
      R"({"change_id":"c-1","record_id":"n-1","kind":"appraisal_note","base_version":0,"body":{}})";
  struct Case {
    std::string second;  // the batch's second change
    std::string named;   // the change_id the error names, "" for none
  };
  const Case cases[] = {
      {R"({"change_id":"c-2","record_id":"n 2","kind":"k","base_version":0,"body":{}})", "c-2"},
      {R"({"change_id":"c-2","record_id":")" + std::string(65, 'r') +
           R"(","kind":"k","base_version":0,"body":{}})",
       "c-2"},
      {R"({"kind":"k","base_version":0,"body":{},"change_id":"c-2"})", "c-2"},
      {R"({"record_id":"n-2","base_version":0,"body":{},"change_id":"c-2"})", "c-2"},
      {R"({"change_id":"c-2","record_id":"n-2","kind":"k","base_version":-1,"body":{}})", "c-2"},
      {R"({"change_id":"c-2","record_id":"n-2","kind":"k","base_version":"0","body":{}})", "c-2"},
      {R"({"change_id":"c-2","record_id":"n-2","kind":"k","base_version":0,"body":[]})", "c-2"},
      {R"({"extra":1,"change_id":"c-2","record_id":"n-2","kind":"k","base_version":0,"body":{}})",
       "c-2"},
      {R"({"change_id":"c 2","record_id":"n-2","kind":"k","base_version":0,"body":{}})", ""},
      {R"({"record_id":"n-2","kind":"k","base_version":0,"body":{},"extra":1})", ""},
      {R"({"change_id":2,"record_id":"n-2","kind":"k","base_version":0,"body":{}})", ""},
      {R"("c-2")", ""},
  };
  for (const Case& c : cases) {
    const std::string text =
        R"({"protocol":1,"device_id":"tab-1","changes":[)" + good + "," + c.second + "]}";
    SCOPED_TRACE(text);
    std::string failed;
    auto r = ReadPushRequest(text, nullptr, &failed);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(failed, c.named);
    EXPECT_EQ(r.status().message().find("the change cannot be named") != std::string::npos,
              c.named.empty())
        << r.status().message();
    std::string general_failed;
    auto j = ParseJson(text);
    ASSERT_TRUE(j.ok());
    EXPECT_FALSE(PushRequestFromJson(*j, &general_failed).ok());
    EXPECT_EQ(general_failed, c.named);
  }
  std::string failed;
  EXPECT_FALSE(ReadPushRequest(R"({"protocol":1,"device_id":"tab-1","changes":[)" + good,
                               nullptr, &failed)
                   .ok());
  EXPECT_EQ(failed, "") << "malformed JSON names no change";
}

TEST(PushReader, TheLimitsOfABatchAreTheGeneralReadersLimits) {
  const std::string one =
      R"({"change_id":"c","record_id":"r","kind":"k","base_version":0,"body":{}})";
  for (size_t n : {kMaxChangesPerPush, kMaxChangesPerPush + 1}) {
    std::string text = R"({"protocol":1,"device_id":"d","changes":[)";
    for (size_t i = 0; i < n; ++i) text += (i ? "," : "") + one;
    ExpectSameAnswer(text + "]}");
  }
  for (size_t n : {kMaxResolves, kMaxResolves + 1}) {
    std::string list;
    for (size_t i = 0; i < n; ++i) list += (i ? ",\"c" : "\"c") + std::to_string(i) + "\"";
    ExpectSameAnswer(R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r",)"
                     R"("kind":"k","base_version":0,"body":{},"resolves":[)" + list + "]}]})");
  }
  // A body just under and just over 64 KiB once written compactly (the spaces do not count).
  for (size_t len : {kMaxBodyBytes, kMaxBodyBytes + 1}) {
    std::string body = R"({ "t" : ")" + std::string(len - 8, 'x') + "\" }";
    ExpectSameAnswer(R"({"protocol":1,"device_id":"d","changes":[{"change_id":"c","record_id":"r",)"
                     R"("kind":"k","base_version":0,"body":)" + body + "}]}");
  }
}

TEST(PushReader, SeededMutationsOfAPushGetTheGeneralReadersAnswer) {
  // Replay one case with its seed: every failure message shows the text.
  std::mt19937 rng(20261204);
  const std::string bases[] = {kUsual, kPlain};
  const std::string pieces[] = {"{", "}", "[", "]", ",", ":", "\"", "1", "-1", "0.5", "null",
                                "true", "\"x\"", "\"body\"", "\"resolves\"", "\"change_id\"",
                                "\\u00e9", "\\", " ", "1e400", "\"a b\"", "-0", "01", "1e",
                                "1234567890123456789", "-9223372036854775809", "\xc3\xa9",
                                "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf",
                                "\xe2\x9c\x93", "\x01", "\\n", "\\x", "\xef\xbb\xbf"};
  int read_in_one_pass = 0, accepted = 0;
  for (int round = 0; round < 8000; ++round) {
    std::string text = bases[round % 2];
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text.erase(at, 1 + rng() % 4); break;
        case 1: text.insert(at, pieces[rng() % std::size(pieces)]); break;
        default: text[at] = pieces[rng() % std::size(pieces)][0]; break;
      }
    }
    read_in_one_pass += ExpectSameAnswer(text) ? 1 : 0;
    accepted += General(text).ok() ? 1 : 0;
    if (HasFatalFailure() || HasNonfatalFailure()) break;  // one shown case is enough
  }
  // Both paths were taken: some mutations stay valid pushes, most do not.
  EXPECT_GT(read_in_one_pass, 200);
  EXPECT_LT(accepted, 6000);
}

}  // namespace
}  // namespace kinerja::wire

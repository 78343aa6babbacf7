// Text limits count characters (code points), not bytes, and refuse malformed UTF-8.
#include "shared/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace kinerja {
namespace {

std::string Repeat(std::string_view unit, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += unit;
  return s;
}

struct Width {
  const char* name;
  const char* unit;  // one character
  size_t bytes;
};

constexpr Width kWidths[] = {
    {"ascii", "a", 1},
    {"two_bytes", "\xC3\xA9", 2},           // é
    {"three_bytes", "\xE2\x9C\x93", 3},     // ✓
    {"four_bytes", "\xF0\x9F\x98\x80", 4},  // 😀
};

TEST(Utf8, CountsOneCharacterPerCodePointOfEveryWidth) {
  for (const Width& w : kWidths) {
    SCOPED_TRACE(w.name);
    ASSERT_EQ(std::string(w.unit).size(), w.bytes);
    EXPECT_EQ(CodePointCount(Repeat(w.unit, 4000)), 4000u);
    EXPECT_EQ(CodePointCount(Repeat(w.unit, 4001)), 4001u);
  }
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("S\xC3\xA9verine \xE2\x9C\x93"), 10u);
}

TEST(Utf8, AcceptsFourThousandCharactersOfEveryWidthAndRefusesTheNext) {
  for (const Width& w : kWidths) {
    SCOPED_TRACE(w.name);
    EXPECT_TRUE(CheckTextLength(Repeat(w.unit, 4000), "changes[0].body.text", 1, 4000).ok());
    Status over = CheckTextLength(Repeat(w.unit, 4001), "changes[0].body.text", 1, 4000);
    EXPECT_EQ(over.code(), Code::kInvalidArgument);
    EXPECT_EQ(over.message(), "changes[0].body.text must be 1-4000 characters (has 4001)");
  }
}

TEST(Utf8, SaysHowManyCharactersAnEmptyOrOptionalTextHas) {
  EXPECT_EQ(CheckTextLength("", "note", 1, 4000).message(),
            "note must be 1-4000 characters (has 0)");
  EXPECT_TRUE(CheckTextLength("", "comments", 0, 4000).ok());
  EXPECT_EQ(CheckTextLength(Repeat("\xC3\xA9", 4001), "comments", 0, 4000).message(),
            "comments must be at most 4000 characters (has 4001)");
}

TEST(Utf8, RefusesMalformedUtf8) {
  const char* bad[] = {
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong, three bytes
      "\xF0\x80\x80\xAF",  // overlong, four bytes
      "\x80",              // lone continuation byte
      "a\xBF"
      "b",                 // continuation byte between letters
      "\xC3",              // truncated two-byte sequence
      "\xE2\x9C",          // truncated three-byte sequence
      "\xF0\x9F\x98",      // truncated four-byte sequence
      "\xED\xA0\x80",      // surrogate U+D800
      "\xED\xBF\xBF",      // surrogate U+DFFF
      "\xF4\x90\x80\x80",  // over U+10FFFF
      "\xFF",              // never in UTF-8
  };
  for (const char* text : bad) {
    SCOPED_TRACE(testing::PrintToString(std::string(text)));
    EXPECT_EQ(CodePointCount(text), std::nullopt);
    Status s = CheckTextLength(text, "changes[0].body.text", 1, 4000);
    EXPECT_EQ(s.code(), Code::kInvalidArgument);
    EXPECT_EQ(s.message(), "changes[0].body.text is not valid UTF-8 text");
  }
}

TEST(Utf8, PrefixForCharactersNeverSplitsACharacter) {
  for (const Width& w : kWidths) {
    SCOPED_TRACE(w.name);
    const std::string text = Repeat(w.unit, 4001);
    EXPECT_EQ(PrefixBytesForChars(text, 4000), 4000 * w.bytes);
    EXPECT_EQ(PrefixBytesForChars(text, 5000), text.size());
  }
  EXPECT_EQ(PrefixBytesForChars("a\xC3\xA9\xE2\x9C\x93", 2), 3u);
}

}  // namespace
}  // namespace kinerja

// Trim and EqualsIgnoreCase: the one rule for text written by people.
#include "shared/text.h"

#include <gtest/gtest.h>

namespace kinerja {
namespace {

TEST(Trim, DropsAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(Trim("  Baik \t"), "Baik");
  EXPECT_EQ(Trim("\r\n\v\fBaik\n"), "Baik");
}

TEST(Trim, KeepsInnerWhitespace) { EXPECT_EQ(Trim(" Di  Atas "), "Di  Atas"); }

TEST(Trim, BlankAndEmptyBecomeEmpty) {
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \t \r\n"), "");
}

TEST(Trim, LeavesNonAsciiSpacesAlone) {
  // U+00A0 NO-BREAK SPACE is two bytes of UTF-8 and not ASCII whitespace.
  EXPECT_EQ(Trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");
}

TEST(Trim, ReturnsAViewIntoTheInput) {
  constexpr std::string_view s = "  abc  ";
  EXPECT_EQ(Trim(s).data(), s.data() + 2);
  static_assert(Trim(" x ") == "x");
}

TEST(EqualsIgnoreCase, ComparesAsciiLettersWithoutCase) {
  EXPECT_TRUE(EqualsIgnoreCase("Di Atas", "di atas"));
  EXPECT_FALSE(EqualsIgnoreCase("Di Atas", "di atas "));
}

}  // namespace
}  // namespace kinerja

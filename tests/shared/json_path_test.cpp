// FieldPath / ItemPath: the paths every JSON reader names in its messages.
#include "shared/json_util.h"

#include <gtest/gtest.h>

namespace kinerja {
namespace {

TEST(JsonPath, FieldJoinsWithADot) {
  EXPECT_EQ(FieldPath("appraisal", "rows"), "appraisal.rows");
  EXPECT_EQ(FieldPath("appraisals[2].rows[0]", "target"), "appraisals[2].rows[0].target");
}

TEST(JsonPath, FieldAtTheTopLevelIsTheKeyAlone) { EXPECT_EQ(FieldPath("", "positions"), "positions"); }

TEST(JsonPath, ItemAppendsTheIndexInBrackets) {
  EXPECT_EQ(ItemPath("employees", 0), "employees[0]");
  EXPECT_EQ(ItemPath(FieldPath("template", "levels"), 12), "template.levels[12]");
}

TEST(JsonPath, ReadersNameTheFullPathInTheirErrors) {
  const Json obj = Json::parse(R"({"a": 1})");
  EXPECT_EQ(GetString(obj, "b", "rows[3]").status().message(), "rows[3].b is missing");
  EXPECT_EQ(GetString(obj, "b", "").status().message(), "b is missing");
}

}  // namespace
}  // namespace kinerja

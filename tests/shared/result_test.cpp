#include "shared/result.h"

#include <gtest/gtest.h>

#include "shared/json_util.h"

namespace kinerja {
namespace {

TEST(Result, CodeNamesRoundTripForEveryCode) {
  for (int i = 0; i <= static_cast<int>(Code::kBusy); ++i) {
    auto c = static_cast<Code>(i);
    EXPECT_EQ(CodeFromName(CodeName(c)), c) << CodeName(c);
  }
}

TEST(Result, BusyIsSpelledBusyOnTheWire) {
  EXPECT_STREQ(CodeName(Code::kBusy), "busy");
  EXPECT_EQ(CodeFromName("busy"), Code::kBusy);
}

TEST(Result, StatusToStringNamesTheCodeAndMessage) {
  EXPECT_EQ(Status::NotFound("employee 42").ToString(), "not_found: employee 42");
  EXPECT_EQ(Status::Ok().ToString(), "ok");
}

TEST(Result, HoldsAValueOrAnError) {
  Result<int> good = 7;
  Result<int> bad = Status::InvalidArgument("x");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument);
}

Result<std::string> Name(bool good) {
  if (!good) return Status::NotFound("no name");
  return std::string("ani");
}

Result<size_t> NameLength(bool good) {
  KINERJA_ASSIGN_OR_RETURN(std::string name, Name(good));
  return name.size();
}

Status CheckName(bool good, std::string* out) {
  KINERJA_ASSIGN_OR_RETURN(*out, Name(good));
  KINERJA_ASSIGN_OR_RETURN(auto again, Name(good));  // two on one function: distinct temporaries
  *out += again;
  return Status();
}

TEST(Result, AssignOrReturnBindsTheValueOrReturnsTheError) {
  auto n = NameLength(true);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 3u);
  auto missing = NameLength(false);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  EXPECT_EQ(missing.status().message(), "no name");

  std::string out;
  EXPECT_TRUE(CheckName(true, &out).ok());
  EXPECT_EQ(out, "aniani");
  std::string untouched = "kept";
  EXPECT_EQ(CheckName(false, &untouched).code(), Code::kNotFound);
  EXPECT_EQ(untouched, "kept");
}

TEST(JsonUtil, MalformedJsonReportsTheBytePosition) {
  auto r = ParseJson(R"({"a": 1,,})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("byte 9"), std::string::npos) << r.status().message();
}

TEST(JsonUtil, WrongTypeNamesTheFieldAndTheType) {
  auto j = *ParseJson(R"({"name": 5})");
  auto r = GetString(j, "name", "employee");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "employee.name must be a string, not number");
}

TEST(JsonUtil, UnknownKeysAreRejected) {
  auto j = *ParseJson(R"({"name": "a", "nmae": "b"})");
  auto s = RejectUnknownKeys(j, {"name"}, "employee");
  EXPECT_EQ(s.message(), "unknown field employee.nmae");
}

}  // namespace
}  // namespace kinerja

// Load-test staff for the field app: N generated employees under one supervisor, valid and
// unique NIPs, delivered to that supervisor's tablet by the normal pull.
#include <gtest/gtest.h>

#include <set>

#include "engine/org/nip.h"
#include "tests/server/test_support.h"

namespace kinerja::server {
namespace {

using testing::DemoCity;

class DemoStaff : public DemoCity {};

const org::Date kToday{2026, 11, 29};

TEST_F(DemoStaff, TheSupervisorPullsEveryGeneratedEmployeeWithAValidUniqueNip) {
  ASSERT_TRUE(AddDemoStaff(*store_, 1200, kToday).ok());
  std::string token = LoginAs("upt");
  std::set<std::string> nips;
  int employees = 0, others = 0;
  int64_t since = 0;
  for (int page = 0; page < 100; ++page) {
    auto r = Call("GET", "/api/v1/sync/pull?since=" + std::to_string(since) + "&limit=500", "", token);
    ASSERT_EQ(r.status, 200) << r.body;
    Json j = Json::parse(r.body);
    for (const auto& rec : j["records"]) {
      if (rec["kind"] != "employee") {
        // The unit itself and the units above it (every role sees those).
        EXPECT_EQ(rec["kind"], "unit") << rec.dump();
        ++others;
        continue;
      }
      ++employees;
      std::string nip = rec["body"]["nip"];
      EXPECT_TRUE(org::ParseNip(nip, kToday).ok()) << nip;
      EXPECT_EQ(rec["id"], nip) << "ids are NIPs, as in an imported roster";
      EXPECT_FALSE(rec["body"]["name"].get<std::string>().empty());
      nips.insert(nip);
    }
    since = j["cursor"];
    if (!j["more"].get<bool>()) break;
  }
  EXPECT_EQ(employees, 1201) << "1200 staff and their head";
  EXPECT_EQ(nips.size(), 1201u);
  EXPECT_LE(others, 4) << "only the unit and the units above it besides the staff";

  // Budi's roster is unchanged: the staff have a unit of their own.
  std::string budi = LoginAs("budi", "dev-2");
  int budis = 0;
  since = 0;
  for (int page = 0; page < 100; ++page) {
    auto r = Call("GET", "/api/v1/sync/pull?since=" + std::to_string(since) + "&limit=1000", "", budi);
    ASSERT_EQ(r.status, 200) << r.body;
    Json j = Json::parse(r.body);
    for (const auto& rec : j["records"]) budis += rec["kind"] == "employee";
    since = j["cursor"];
    if (!j["more"].get<bool>()) break;
  }
  EXPECT_EQ(budis, 5);
}

TEST_F(DemoStaff, AddingThemTwiceOrABadCountIsRefusedAndChangesNothing) {
  ASSERT_TRUE(AddDemoStaff(*store_, 10, kToday).ok());
  Status again = AddDemoStaff(*store_, 10, kToday);
  EXPECT_EQ(again.code(), Code::kAlreadyExists) << again.ToString();
  EXPECT_EQ(AddDemoStaff(*store_, 0, kToday).code(), Code::kInvalidArgument);
  EXPECT_EQ(AddDemoStaff(*store_, kMaxDemoStaff + 1, kToday).code(), Code::kInvalidArgument);
  EXPECT_EQ(*store_->CountRecords("employee"), 11 + 10 + 1) << "the demo city's 11, 10 staff, 1 head";
}

}  // namespace
}  // namespace kinerja::server

// The `kinerja` command line as a function: scoring commands print JSON, bad input exits 1
// with a message naming the problem, bad usage exits 2.
#include "server/cli.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "shared/json_util.h"

namespace kinerja::server {
namespace {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun Cli(std::vector<std::string> args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  int code = RunCli(args, in, out, err);
  return {code, out.str(), err.str()};
}

std::string Data(const std::string& rel) { return std::string(KINERJA_TEST_DATA) + "/" + rel; }

TEST(Cli, HelpListsEveryCommand) {
  CliRun r = Cli({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* cmd : {"serve", "user add", "backup", "import roster", "device revoke", "ikm",
                          "appraise", "competency", "objectivity"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
}

TEST(Cli, UnknownCommandsAndOptionsAreUsageErrors) {
  EXPECT_EQ(Cli({"frobnicate"}).code, 2);
  EXPECT_EQ(Cli({"serve", "--prot", "80"}).code, 2);
  CliRun r = Cli({"serve", "--port", "99999"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--port must be 0-65535"), std::string::npos) << r.err;
  EXPECT_EQ(Cli({"ikm"}).code, 2);
}

TEST(Cli, IkmPrintsTheIndexAsJson) {
  CliRun r = Cli({"ikm", Data("survey/good_grouped.csv"), "--population", "120"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = ParseJson(r.out);
  ASSERT_TRUE(j.ok());
  EXPECT_TRUE((*j)["overall"].contains("ikm_unit"));
  EXPECT_TRUE((*j)["sample"]["required"].is_number());
}

TEST(Cli, IkmRejectsAnAnswerOutOfRangeWithRowAndColumn) {
  CliRun r = Cli({"ikm", Data("survey/bad_answer_5.csv")});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("column U5"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(Cli, IkmRejectsABadPopulation) {
  CliRun r = Cli({"ikm", Data("survey/good_grouped.csv"), "--population", "-3"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("--population must be a whole number"), std::string::npos) << r.err;
}

TEST(Cli, AMissingFileIsNamed) {
  CliRun r = Cli({"competency", "/nonexistent/file.json"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("cannot open /nonexistent/file.json"), std::string::npos) << r.err;
}

TEST(Cli, CompetencyAndObjectivityPrintJsonOrExplainBadInput) {
  EXPECT_EQ(Cli({"competency", Data("competency/good.json")}).code, 0);
  EXPECT_EQ(Cli({"objectivity", Data("objectivity/good.json")}).code, 0);
  CliRun bad = Cli({"competency", Data("competency/level_6.json")});
  EXPECT_EQ(bad.code, 1);
  EXPECT_FALSE(bad.err.empty());
  bad = Cli({"objectivity", Data("objectivity/bad_json.json")});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("malformed JSON"), std::string::npos) << bad.err;
}

TEST(Cli, RosterImportStoresValidRowsAndReportsEachRefusedOne) {
  auto dir = std::filesystem::temp_directory_path() / ("kinerja-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string db = (dir / "k.db").string();
  ASSERT_EQ(Cli({"demo", "--db", db}).code, 0);
  CliRun ok = Cli({"import", "roster", Data("org/roster_valid.csv"), "--db", db});
  // Units of the sample roster that the demo city lacks are reported per row, not dropped.
  auto report = ParseJson(ok.out);
  ASSERT_TRUE(report.ok()) << ok.out << ok.err;
  EXPECT_EQ((*report)["rows"].get<int>(), (*report)["imported"].get<int>() +
                                              static_cast<int>((*report)["errors"].size()));
  CliRun mixed = Cli({"import", "roster", Data("org/roster_mixed_errors.csv"), "--db", db, "--dry-run"});
  EXPECT_EQ(mixed.code, 3);
  EXPECT_NE(mixed.out.find("\"line\": 5"), std::string::npos) << mixed.out;
  std::filesystem::remove_all(dir);
}

TEST(Cli, DemoStaffNeedsACountInRangeAndIsAddedWithTheDemoCity) {
  auto dir = std::filesystem::temp_directory_path() / ("kinerja-cli-staff-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string db = (dir / "k.db").string();
  CliRun bad = Cli({"demo", "--db", db, "--staff", "many"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--staff must be a number 1-100000, not 'many'"), std::string::npos) << bad.err;
  EXPECT_EQ(Cli({"serve", "--db", db, "--demo-staff", "0"}).code, 2);
  EXPECT_FALSE(std::filesystem::exists(db)) << "nothing is created for a usage error";
  CliRun ok = Cli({"demo", "--db", db, "--staff", "25"});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(ok.out.find("25 demo staff added under login upt"), std::string::npos) << ok.out;
  EXPECT_EQ(Cli({"demo", "--db", db, "--staff", "25"}).code, 1) << "the database has users now";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kinerja::server

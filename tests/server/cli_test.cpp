// The `kinerja` command line as a function: scoring commands print JSON, bad input exits 1
// with a message naming the problem, bad usage exits 2.
#include "server/cli/cli.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/store/central_store.h"
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
  for (const char* cmd : {"serve", "user add", "backup", "import roster", "import positions",
                          "device revoke", "ikm",
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

TEST(Cli, RosterImportKeepsPangkatGolonganForTheEvaluationDocument) {
  auto dir =
      std::filesystem::temp_directory_path() / ("kinerja-cli-pg-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string db = (dir / "k.db").string();
  ASSERT_EQ(Cli({"demo", "--db", db}).code, 0);
  std::string csv = (dir / "roster.csv").string();
  std::ofstream(csv) << "nip,name,position_id,unit_id,supervisor_nip,pangkat_golongan\n"
                        "197905122005011003,Budi Santoso,kabid-pelayanan,pelayanan,,"
                        "\"Penata Tingkat I, III/d\"\n";
  CliRun ok = Cli({"import", "roster", csv, "--db", db});
  ASSERT_EQ(ok.code, 0) << ok.out << ok.err;
  {
    auto store = CentralStore::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto rec = (*store)->RecordsById({"197905122005011003"});
    ASSERT_TRUE(rec.ok());
    ASSERT_EQ(rec->size(), 1u);
    EXPECT_EQ(rec->begin()->second.body.value("pangkat_golongan", ""), "Penata Tingkat I, III/d");
  }
  std::filesystem::remove_all(dir);
}

TEST(Cli, PositionImportStoresValidPositionsReportsEachRefusedOneAndLeavesUnchangedOnesAlone) {
  auto dir = std::filesystem::temp_directory_path() / ("kinerja-cli-pos-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string db = (dir / "k.db").string();
  ASSERT_EQ(Cli({"demo", "--db", db}).code, 0);
  const std::string file = Data("org/positions_mixed.json");

  CliRun dry = Cli({"import", "positions", file, "--db", db, "--dry-run"});
  EXPECT_EQ(dry.code, 3) << dry.err;
  auto d = ParseJson(dry.out);
  ASSERT_TRUE(d.ok()) << dry.out << dry.err;
  EXPECT_EQ((*d)["positions"], 7);
  EXPECT_EQ((*d)["valid"], 3) << "the unknown unit is only found when storing";
  EXPECT_EQ((*d)["imported"], 0);

  CliRun run = Cli({"import", "positions", file, "--db", db});
  EXPECT_EQ(run.code, 3) << run.err;
  auto r = ParseJson(run.out);
  ASSERT_TRUE(r.ok()) << run.out << run.err;
  EXPECT_EQ((*r)["imported"], 2) << run.out;  // the city-wide one and petugas-loket's new levels
  std::map<int, std::string> refused;
  for (const auto& e : (*r)["errors"]) refused[e["index"].get<int>()] = e["message"].get<std::string>();
  ASSERT_EQ(refused.size(), 5u) << run.out;
  EXPECT_NE(refused[2].find("level"), std::string::npos) << refused[2];
  EXPECT_NE(refused[3].find("kecamatan-x"), std::string::npos) << refused[3];
  EXPECT_NE(refused[4].find("also at index 0"), std::string::npos) << refused[4];
  EXPECT_NE(refused[5].find("position must be a JSON object"), std::string::npos) << refused[5];
  EXPECT_NE(refused[6].find("position.unit_id"), std::string::npos) << refused[6];

  auto store = CentralStore::Open(db);
  ASSERT_TRUE(store.ok());
  Principal hr{"u-hr", "hr", wire::Role::kHr, "/pemkot/", "", "d-hr"};
  auto stored = (*store)->ScopedRecords(hr, "position");
  ASSERT_TRUE(stored.ok());
  std::map<std::string, wire::Record> positions;
  for (const auto& rec : *stored) positions[rec.id] = rec;
  ASSERT_EQ(positions.count("position.pranata-komputer"), 1u);
  EXPECT_EQ(positions["position.pranata-komputer"].unit_path, "/pemkot/");
  EXPECT_EQ(positions["position.petugas-loket"].version, 2) << "a changed position is its next version";
  EXPECT_EQ(positions["position.petugas-loket"].body["competencies"][4]["required_level"], 3);
  EXPECT_EQ(positions["position.analis-perizinan"].version, 1) << "positions not in the file stay";
  auto pulled = (*store)->Pull(hr, 0, 1);
  ASSERT_TRUE(pulled.ok());
  const int64_t head = pulled->head;
  store->reset();

  // The same file again: nothing changes, so tablets have nothing new to pull.
  CliRun again = Cli({"import", "positions", file, "--db", db});
  auto a = ParseJson(again.out);
  ASSERT_TRUE(a.ok()) << again.out << again.err;
  EXPECT_EQ((*a)["imported"], 0);
  EXPECT_EQ((*a)["unchanged"], 2);
  store = CentralStore::Open(db);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->Pull(hr, 0, 1000)->head, head);

  EXPECT_EQ(Cli({"import", "positions", Data("org/roster_valid.csv"), "--db", db}).code, 1);
  EXPECT_EQ(Cli({"import", "positions"}).code, 2);
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

TEST(Cli, DemoSeedsTheHistoryUnlessNoHistoryIsAsked) {
  auto dir = std::filesystem::temp_directory_path() / ("kinerja-cli-history-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  Principal hr{"u-hr", "hr", wire::Role::kHr, "/pemkot/", "", "d-hr"};
  for (bool history : {true, false}) {
    std::string db = (dir / (history ? "with.db" : "without.db")).string();
    std::vector<std::string> args = {"demo", "--db", db};
    if (!history) args.push_back("--no-history");
    CliRun run = Cli(args);
    ASSERT_EQ(run.code, 0) << run.err;
    auto store = CentralStore::Open(db);
    ASSERT_TRUE(store.ok());
    auto appraisals = (*store)->ScopedRecords(hr, "appraisal");
    auto employees = (*store)->ScopedRecords(hr, "employee");
    ASSERT_TRUE(appraisals.ok() && employees.ok());
    EXPECT_EQ(appraisals->empty(), !history);
    EXPECT_EQ(employees->size(), history ? 59u : 11u);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kinerja::server

#include "web/app/hr_workspace.h"

#include <gtest/gtest.h>

namespace kinerja::web {
namespace {

wire::Record Unit(const std::string& id, const std::string& parent, const std::string& name) {
  wire::Record r;
  r.id = "unit." + id;
  r.kind = "unit";
  r.body = Json{{"unit_id", id}, {"name", name}, {"kind", "bidang"}, {"parent_id", parent}};
  return r;
}

wire::Record Employee(const std::string& id, const std::string& unit) {
  wire::Record r;
  r.id = id;
  r.kind = "employee";
  r.body = Json{{"name", id}, {"unit_id", unit}};
  return r;
}

TEST(HrWorkspace, UnitsFormATreeDepthFirstWithSiblingsByName) {
  HrWorkspace w = BuildHrWorkspace(
      {Unit("pengaduan", "dpmptsp", "Bidang Pengaduan"), Unit("pemkot", "", "Pemerintah Kota"),
       Unit("dpmptsp", "pemkot", "Dinas PTSP"), Unit("pelayanan", "dpmptsp", "Bidang Pelayanan"),
       Unit("bkpsdm", "pemkot", "BKPSDM")},
      {}, {});
  ASSERT_EQ(w.units.size(), 5u);
  EXPECT_EQ(w.units[0].id, "pemkot");
  EXPECT_EQ(w.units[0].depth, 0);
  EXPECT_EQ(w.units[1].id, "bkpsdm");
  EXPECT_EQ(w.units[2].id, "dpmptsp");
  EXPECT_EQ(w.units[3].id, "pelayanan");
  EXPECT_EQ(w.units[3].depth, 2);
  EXPECT_EQ(w.units[4].id, "pengaduan");
  EXPECT_EQ(w.selected, -1);
}

TEST(HrWorkspace, StaffAndStatusesCountInTheirUnitAndEveryUnitAbove) {
  AppraisalStatuses statuses{{"e-ani", AppraisalStatus::kSubmitted},
                             {"e-dedi", AppraisalStatus::kSignedOff}};
  HrWorkspace w =
      BuildHrWorkspace({Unit("pemkot", "", "Pemkot"), Unit("dpmptsp", "pemkot", "DPMPTSP"),
                        Unit("pelayanan", "dpmptsp", "Pelayanan")},
                       {Employee("e-ani", "pelayanan"), Employee("e-dedi", "pelayanan"),
                        Employee("e-budi", "dpmptsp"), Employee("e-x", "nowhere")},
                       statuses);
  EXPECT_EQ(w.staff, 4);
  EXPECT_EQ(w.status[0], 2);       // e-budi, e-x not started
  EXPECT_EQ(w.units[0].staff, 3);  // pemkot: everyone placed
  EXPECT_EQ(w.units[1].staff, 3);
  EXPECT_EQ(w.units[2].staff, 2);
  EXPECT_EQ(w.units[2].status[2], 1);
  EXPECT_EQ(w.units[2].status[3], 1);
  EXPECT_EQ(w.units[1].status[0], 1);
}

TEST(HrWorkspace, OrphansAndParentCyclesStillShowEveryUnitOnce) {
  HrWorkspace w = BuildHrWorkspace({Unit("a", "b", "A"), Unit("b", "a", "B"),
                                    Unit("lost", "missing", "Lost"), Unit("self", "self", "Self")},
                                   {Employee("e1", "a")}, {});
  ASSERT_EQ(w.units.size(), 4u);
  int a = -1;
  for (size_t i = 0; i < w.units.size(); ++i) a = w.units[i].id == "a" ? static_cast<int>(i) : a;
  ASSERT_GE(a, 0);
  EXPECT_EQ(w.units[static_cast<size_t>(a)].staff, 1);
}

TEST(HrWorkspace, MalformedUnitRecordsAreSkipped) {
  wire::Record bad;
  bad.kind = "unit";
  bad.body = Json::array();
  wire::Record nameless = Unit("x", "", "");
  HrWorkspace w = BuildHrWorkspace({bad, nameless}, {}, {});
  ASSERT_EQ(w.units.size(), 1u);
  EXPECT_EQ(w.units[0].name, "x");
}

// The server's summary (GET /api/v1/reports/workspace) draws the same tree as the device's
// records would: each unit's own counts rolled up into the units above it.
TEST(HrWorkspace, TheServersSummaryDrawsTheSameTreeAsTheDevicesRecords) {
  const std::vector<wire::Record> units = {Unit("pemkot", "", "Pemerintah Kota"),
                                           Unit("dpmptsp", "pemkot", "Dinas PTSP"),
                                           Unit("pelayanan", "dpmptsp", "Bidang Pelayanan")};
  const std::vector<wire::Record> staff = {Employee("e-1", "pelayanan"), Employee("e-2", "pelayanan"),
                                           Employee("e-3", "dpmptsp"), Employee("e-4", "gone")};
  const AppraisalStatuses statuses = {{"e-1", AppraisalStatus::kSubmitted},
                                      {"e-3", AppraisalStatus::kSignedOff}};
  const HrWorkspace local = BuildHrWorkspace(units, staff, statuses);
  auto entry = [](const char* id, const char* parent, const char* name, int ns, int sub, int so) {
    return Json{{"unit_id", id}, {"parent_id", parent}, {"name", name}, {"kind", "bidang"},
                {"staff", ns + sub + so}, {"not_started", ns}, {"draft", 0},
                {"submitted", sub}, {"signed_off", so}};
  };
  const Json summary{
      {"report", "workspace"},
      {"as_of", "2026-12-07T01:00:00Z"},
      {"units", Json::array({entry("pelayanan", "dpmptsp", "Bidang Pelayanan", 1, 1, 0),
                             entry("pemkot", "", "Pemerintah Kota", 0, 0, 0),
                             entry("dpmptsp", "pemkot", "Dinas PTSP", 0, 0, 1)})},
      {"totals", {{"staff", 4}, {"not_started", 2}, {"draft", 0}, {"submitted", 1}, {"signed_off", 1}}}};
  auto server = BuildHrWorkspaceFromSummary(summary);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  EXPECT_EQ(server->server_as_of, "2026-12-07T01:00:00Z");
  EXPECT_TRUE(local.server_as_of.empty());
  EXPECT_EQ(server->staff, local.staff) << "the employee of an unknown unit counts in the city";
  EXPECT_EQ(server->status, local.status);
  ASSERT_EQ(server->units.size(), local.units.size());
  for (size_t i = 0; i < local.units.size(); ++i) {
    EXPECT_EQ(server->units[i].id, local.units[i].id);
    EXPECT_EQ(server->units[i].depth, local.units[i].depth);
    EXPECT_EQ(server->units[i].staff, local.units[i].staff) << local.units[i].id;
    EXPECT_EQ(server->units[i].status, local.units[i].status) << local.units[i].id;
  }
  EXPECT_EQ(server->units[0].staff, 3) << "pemkot holds dpmptsp's one and pelayanan's two";
}

TEST(HrWorkspace, AnAnswerThatIsNotAWorkspaceSummaryIsRefused) {
  for (const Json& bad : {Json(), Json::array(), Json{{"report", "progress"}, {"units", Json::array()}},
                          Json{{"report", "workspace"}, {"units", 3}, {"totals", Json::object()}},
                          Json{{"report", "workspace"}, {"units", Json::array()}}}) {
    EXPECT_EQ(BuildHrWorkspaceFromSummary(bad).status().code(), Code::kInvalidArgument) << bad;
  }
  // Counts that are not whole numbers, or negative, count as none.
  auto w = BuildHrWorkspaceFromSummary(
      Json{{"report", "workspace"},
           {"units", Json::array({Json{{"unit_id", "a"}, {"not_started", -4}, {"draft", "2"}}})},
           {"totals", Json::object()}});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->staff, 0);
  ASSERT_EQ(w->units.size(), 1u);
  EXPECT_EQ(w->server_as_of, "?") << "no as_of: still marked as the server's";
}

TEST(HrWorkspace, PeriodsAreTheCurrentYearAndTheYearsBefore) {
  EXPECT_EQ(HrPeriods("2026", 3), (std::vector<std::string>{"2026", "2025", "2024"}));
  EXPECT_EQ(HrPeriods("2026", 0), (std::vector<std::string>{"2026"}));
  EXPECT_EQ(HrPeriods("2026-S1", 3), (std::vector<std::string>{"2026-S1"}));
  EXPECT_EQ(HrPeriods("1950", 3), (std::vector<std::string>{"1950"}));
}

}  // namespace
}  // namespace kinerja::web

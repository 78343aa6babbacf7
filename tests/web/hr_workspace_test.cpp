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

TEST(HrWorkspace, PeriodsAreTheCurrentYearAndTheYearsBefore) {
  EXPECT_EQ(HrPeriods("2026", 3), (std::vector<std::string>{"2026", "2025", "2024"}));
  EXPECT_EQ(HrPeriods("2026", 0), (std::vector<std::string>{"2026"}));
  EXPECT_EQ(HrPeriods("2026-S1", 3), (std::vector<std::string>{"2026-S1"}));
  EXPECT_EQ(HrPeriods("1950", 3), (std::vector<std::string>{"1950"}));
}

}  // namespace
}  // namespace kinerja::web

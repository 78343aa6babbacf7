#include "engine/org/roster.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace kinerja::org {
namespace {

const Date kToday{2026, 1, 15};

std::vector<Employee> Staff() {
  return {
      {"e1", "19700101 199503 1 001", "Kepala Dinas", "kadis", "dpmptsp", "", EmployeeStatus::kActive},
      {"e2", "198005152005012002", "Kabid", "kabid", "pelayanan", "e1", EmployeeStatus::kActive},
      {"e3", "19850312 201001 1 003", "Kasi", "kasi", "perizinan", "e2", EmployeeStatus::kActive},
      {"e4", "19900720 201501 2 004", "Analis", "analis", "perizinan", "e3", EmployeeStatus::kActive},
      {"e5", "19920101 201803 1 005", "Staf", "staf", "perizinan", "e3", EmployeeStatus::kInactive},
      {"e6", "19880808 201201 2 006", "Kabid 2", "kabid2", "pengaduan", "e1", EmployeeStatus::kActive},
  };
}

Roster MustBuild(std::vector<Employee> e) {
  auto r = Roster::Build(std::move(e), kToday);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Roster();
}

TEST(OrgRoster, StoresCanonicalNipsAndFindsByAnySpelling) {
  Roster r = MustBuild(Staff());
  EXPECT_EQ(r.Find("e1")->nip, "197001011995031001");
  EXPECT_EQ(r.FindByNip("19850312 201001 1 003")->id, "e3");
  EXPECT_EQ(r.FindByNip("198503122010011003")->id, "e3");
  EXPECT_EQ(r.FindByNip("19850312-201001"), nullptr);
  EXPECT_EQ(r.FindByNip("199901012020011001"), nullptr);
}

TEST(OrgRoster, DirectAndTransitiveReportsComeInIdOrder) {
  Roster r = MustBuild(Staff());
  EXPECT_EQ(*r.DirectReports("e1"), (std::vector<std::string>{"e2", "e6"}));
  EXPECT_EQ(*r.DirectReports("e3"), (std::vector<std::string>{"e4", "e5"}));
  EXPECT_TRUE(r.DirectReports("e4")->empty());
  EXPECT_EQ(*r.AllReports("e1"), (std::vector<std::string>{"e2", "e3", "e4", "e5", "e6"}));
  EXPECT_EQ(*r.AllReports("e2"), (std::vector<std::string>{"e3", "e4", "e5"}));
}

TEST(OrgRoster, PejabatPenilaiIsTheSupervisorAndAtasanIsTheirSupervisor) {
  Roster r = MustBuild(Staff());
  EXPECT_EQ((*r.PejabatPenilai("e4"))->id, "e3");
  EXPECT_EQ((*r.AtasanPejabatPenilai("e4"))->id, "e2");
  EXPECT_EQ((*r.PejabatPenilai("e2"))->id, "e1");
  EXPECT_EQ(*r.AtasanPejabatPenilai("e2"), nullptr);
  EXPECT_EQ(*r.PejabatPenilai("e1"), nullptr);
  EXPECT_EQ(*r.AtasanPejabatPenilai("e1"), nullptr);
  EXPECT_EQ(r.PejabatPenilai("zz").status().message(), "employee 'zz' is not in the roster");
}

TEST(OrgRoster, ReportsDoNotDependOnInputOrder) {
  Roster ref = MustBuild(Staff());
  std::mt19937 rng(99);
  for (int round = 0; round < 20; ++round) {
    auto s = Staff();
    std::shuffle(s.begin(), s.end(), rng);
    Roster r = MustBuild(s);
    for (const Employee& e : Staff()) {
      EXPECT_EQ(*r.AllReports(e.id), *ref.AllReports(e.id));
      EXPECT_EQ(*r.DirectReports(e.id), *ref.DirectReports(e.id));
    }
  }
}

TEST(OrgRoster, CheckReferencesAgainstTreeAndPositions) {
  using K = UnitKind;
  auto tree = OrgTree::Build({{"dpmptsp", "", "DPMPTSP", K::kDinas},
                              {"pelayanan", "dpmptsp", "Bidang", K::kBidang},
                              {"perizinan", "pelayanan", "Seksi", K::kSeksi},
                              {"pengaduan", "dpmptsp", "Bidang", K::kBidang}});
  ASSERT_TRUE(tree.ok());
  using PK = PositionKind;
  using J = Jenjang;
  auto cat = PositionCatalog::Build(
      {{"kadis", "Kadis", PK::kStruktural, J::kJptPratama, "dpmptsp", true},
       {"kabid", "Kabid", PK::kStruktural, J::kAdministrator, "pelayanan", true},
       {"kasi", "Kasi", PK::kStruktural, J::kPengawas, "perizinan", true},
       {"analis", "Analis", PK::kFungsional, J::kAhliMuda, "perizinan", false},
       {"staf", "Staf", PK::kPelaksana, J::kNone, "perizinan", false},
       {"kabid2", "Kabid 2", PK::kStruktural, J::kAdministrator, "pengaduan", true}},
      *tree);
  ASSERT_TRUE(cat.ok()) << cat.status().ToString();
  Roster r = MustBuild(Staff());
  EXPECT_TRUE(r.CheckReferences(*tree, *cat).ok());

  auto s = Staff();
  s[3].unit_id = "pengaduan";
  EXPECT_EQ(MustBuild(s).CheckReferences(*tree, *cat).message(),
            "employee #4 'e4' is in unit 'pengaduan' but position 'analis' belongs to unit "
            "'perizinan'");
  s = Staff();
  s[4].position_id = "ghost";
  EXPECT_EQ(MustBuild(s).CheckReferences(*tree, *cat).message(),
            "employee #5 'e5' names position 'ghost', which is not in the position catalog");
  s = Staff();
  s[0].unit_id = "dinas-lain";
  EXPECT_EQ(MustBuild(s).CheckReferences(*tree, *cat).message(),
            "employee #1 'e1' names unit 'dinas-lain', which is not in the organisation");
}

std::string BuildError(std::vector<Employee> e) {
  auto r = Roster::Build(std::move(e), kToday);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().message();
}

TEST(OrgRosterMalformed, RejectsBadNipsDuplicatesAndBrokenSupervisorLinks) {
  auto s = Staff();
  s[2].nip = "19850230 201001 1 003";
  EXPECT_EQ(BuildError(s),
            "employee #3 'e3': NIP birth date 19850230 (digits 1-8) is not a calendar date: "
            "February 1985 has 28 days");
  s = Staff();
  s[5].nip = "19850312201001 1 003";
  EXPECT_EQ(BuildError(s),
            "employee #6 'e6' has NIP 198503122010011003, already used by employee 'e3'");
  s = Staff();
  s[5].id = "e2";
  EXPECT_EQ(BuildError(s), "employee #6 'e2' repeats the id of employee #2");
  s = Staff();
  s[3].supervisor_id = "e4";
  EXPECT_EQ(BuildError(s), "employee #4 'e4' names itself as supervisor");
  s = Staff();
  s[3].supervisor_id = "e99";
  EXPECT_EQ(BuildError(s), "employee #4 'e4' has supervisor_id 'e99', who is not in the roster");
  s = Staff();
  s[0].supervisor_id = "e3";
  EXPECT_EQ(BuildError(s), "the supervisor links form a cycle: e1 -> e3 -> e2 -> e1");
  s = Staff();
  s[1].name = " ";
  EXPECT_EQ(BuildError(s), "employee #2 'e2' has a blank name");
  s = Staff();
  s[1].unit_id = "/pemkot/";
  EXPECT_EQ(BuildError(s),
            "employee #2 'e2' unit_id has '/' at position 1; ids may contain only letters, "
            "digits, '.', '_' and '-'");
  EXPECT_EQ(ParseEmployeeStatus("aktif").status().message(),
            "employee status 'aktif' is not one of active, inactive");
}

}  // namespace
}  // namespace kinerja::org

#include "engine/org/position.h"

#include <gtest/gtest.h>

namespace kinerja::org {
namespace {

using K = UnitKind;
using PK = PositionKind;
using J = Jenjang;

OrgTree Tree() {
  auto t = OrgTree::Build({{"pemkot", "", "Pemkot", K::kPemerintahKota},
                           {"dpmptsp", "pemkot", "DPMPTSP", K::kDinas},
                           {"pelayanan", "dpmptsp", "Bidang Pelayanan", K::kBidang},
                           {"perizinan", "pelayanan", "Seksi Perizinan", K::kSeksi},
                           {"upt-a", "dpmptsp", "UPT A", K::kUpt},
                           {"kec", "pemkot", "Kecamatan", K::kKecamatan},
                           {"kel", "kec", "Kelurahan", K::kKelurahan}});
  EXPECT_TRUE(t.ok());
  return *t;
}

std::vector<Position> Positions() {
  return {
      {"sekda", "Sekretaris Daerah", PK::kStruktural, J::kJptPratama, "pemkot", true},
      {"kadis", "Kepala Dinas", PK::kStruktural, J::kJptPratama, "dpmptsp", true},
      {"kabid", "Kepala Bidang Pelayanan", PK::kStruktural, J::kAdministrator, "pelayanan", true},
      {"kasi", "Kepala Seksi Perizinan", PK::kStruktural, J::kPengawas, "perizinan", true},
      {"analis", "Analis Kebijakan Ahli Muda", PK::kFungsional, J::kAhliMuda, "perizinan", false},
      {"staf", "Pengadministrasi Perkantoran", PK::kPelaksana, J::kNone, "perizinan", false},
      {"ka-upt", "Kepala UPT", PK::kStruktural, J::kPengawas, "upt-a", true},
      {"camat", "Camat", PK::kStruktural, J::kAdministrator, "kec", true},
      {"lurah", "Lurah", PK::kStruktural, J::kPengawas, "kel", true},
  };
}

TEST(OrgPosition, JenjangBelongsToExactlyOneKind) {
  EXPECT_EQ(KindOfJenjang(J::kJptUtama), PK::kStruktural);
  EXPECT_EQ(KindOfJenjang(J::kPengawas), PK::kStruktural);
  EXPECT_EQ(KindOfJenjang(J::kAhliUtama), PK::kFungsional);
  EXPECT_EQ(KindOfJenjang(J::kPemula), PK::kFungsional);
  EXPECT_EQ(KindOfJenjang(J::kNone), PK::kPelaksana);
}

TEST(OrgPosition, NamesAndLabelsRoundTrip) {
  for (int i = 0; i <= static_cast<int>(J::kPemula); ++i) {
    const auto j = static_cast<J>(i);
    auto back = ParseJenjang(JenjangName(j));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, j);
  }
  EXPECT_STREQ(JenjangLabel(J::kJptPratama), "JPT Pratama");
  EXPECT_STREQ(JenjangLabel(J::kAhliPertama), "Ahli Pertama");
  EXPECT_EQ(*ParsePositionKind("fungsional"), PK::kFungsional);
}

TEST(OrgPosition, EveryKindJenjangCombinationIsCheckedBothWays) {
  for (int k = 0; k <= 2; ++k) {
    for (int j = 0; j <= static_cast<int>(J::kPemula); ++j) {
      Position p{"p", "Jabatan", static_cast<PK>(k), static_cast<J>(j), "u", false};
      EXPECT_EQ(ValidatePosition(p).ok(), KindOfJenjang(p.jenjang) == p.kind)
          << PositionKindName(p.kind) << "/" << JenjangName(p.jenjang);
    }
  }
}

TEST(OrgPosition, CatalogFindsPositionsAndUnitLeaders) {
  auto cat = PositionCatalog::Build(Positions(), Tree());
  ASSERT_TRUE(cat.ok()) << cat.status().ToString();
  EXPECT_EQ(cat->size(), 9u);
  ASSERT_NE(cat->LeaderOf("perizinan"), nullptr);
  EXPECT_EQ(cat->LeaderOf("perizinan")->id, "kasi");
  EXPECT_EQ(cat->Find("analis")->jenjang, J::kAhliMuda);
  EXPECT_EQ(cat->Find("nope"), nullptr);
}

TEST(OrgPosition, FunctionalSubCoordinatorMayLeadAUnit) {
  auto p = Positions();
  p[3] = {"subkoor", "Subkoordinator Perizinan", PK::kFungsional, J::kAhliMuda, "perizinan", true};
  EXPECT_TRUE(PositionCatalog::Build(p, Tree()).ok());
}

TEST(OrgPosition, LeaderJenjangTableCoversEveryUnitKind) {
  EXPECT_TRUE(IsPlausibleLeaderJenjang(K::kDinas, J::kJptPratama));
  EXPECT_TRUE(IsPlausibleLeaderJenjang(K::kDinas, J::kAdministrator));
  EXPECT_FALSE(IsPlausibleLeaderJenjang(K::kDinas, J::kPengawas));
  EXPECT_TRUE(IsPlausibleLeaderJenjang(K::kBidang, J::kAdministrator));
  EXPECT_FALSE(IsPlausibleLeaderJenjang(K::kBidang, J::kPengawas));
  EXPECT_TRUE(IsPlausibleLeaderJenjang(K::kSeksi, J::kPengawas));
  EXPECT_FALSE(IsPlausibleLeaderJenjang(K::kSeksi, J::kAdministrator));
  EXPECT_TRUE(IsPlausibleLeaderJenjang(K::kKelurahan, J::kAdministrator));
  EXPECT_TRUE(IsPlausibleLeaderJenjang(K::kKelurahan, J::kPengawas));
  EXPECT_FALSE(IsPlausibleLeaderJenjang(K::kPemerintahKota, J::kJptUtama));
}

std::string CatalogError(std::vector<Position> p) {
  auto c = PositionCatalog::Build(std::move(p), Tree());
  EXPECT_FALSE(c.ok());
  return c.ok() ? "" : c.status().message();
}

TEST(OrgPositionMalformed, WrongJenjangForKindNamesTheAllowedLevels) {
  EXPECT_EQ(ValidatePosition({"p", "X", PK::kStruktural, J::kAhliMuda, "u", false}).message(),
            "position 'p' is struktural with jenjang ahli_muda; a struktural position needs "
            "jenjang jpt_utama, jpt_madya, jpt_pratama, administrator or pengawas");
  EXPECT_EQ(ValidatePosition({"p", "X", PK::kPelaksana, J::kPengawas, "u", false}).message(),
            "position 'p' is pelaksana with jenjang pengawas; a pelaksana position needs "
            "jenjang none");
  EXPECT_EQ(ValidatePosition({"p", "X", PK::kFungsional, J::kNone, "u", false}).message(),
            "position 'p' is fungsional with jenjang none; a fungsional position needs jenjang "
            "ahli_utama, ahli_madya, ahli_muda, ahli_pertama, penyelia, mahir, terampil or "
            "pemula");
  EXPECT_EQ(ValidatePosition({"p", "X", PK::kPelaksana, J::kNone, "u", true}).message(),
            "position 'p' is pelaksana and cannot lead a unit; only struktural or fungsional "
            "positions may have is_unit_leader");
  EXPECT_EQ(ValidatePosition({"p", "", PK::kPelaksana, J::kNone, "u", false}).message(),
            "position 'p' has a blank name");
  EXPECT_EQ(ParseJenjang("Ahli Muda").status().code(), Code::kInvalidArgument);
}

TEST(OrgPositionMalformed, CatalogRejectsUnknownUnitsTwoLeadersAndMisfitLeaders) {
  auto p = Positions();
  p.push_back({"kadis", "Dup", PK::kPelaksana, J::kNone, "dpmptsp", false});
  EXPECT_EQ(CatalogError(p), "position 'kadis' appears twice");

  p = Positions();
  p.push_back({"x", "X", PK::kPelaksana, J::kNone, "ghost", false});
  EXPECT_EQ(CatalogError(p), "position 'x' names unit 'ghost', which is not in the organisation");

  p = Positions();
  p.push_back({"kasi2", "Kasi 2", PK::kStruktural, J::kPengawas, "perizinan", true});
  EXPECT_EQ(CatalogError(p),
            "position 'kasi2' and position 'kasi' both lead unit 'perizinan'; a unit has at most "
            "one leader");

  p = Positions();
  p[3].jenjang = J::kAdministrator;
  EXPECT_EQ(CatalogError(p),
            "position 'kasi' (Administrator) cannot lead a seksi; see the leader table in "
            "docs/rules/org.md");
}

}  // namespace
}  // namespace kinerja::org

#include "engine/org/org_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace kinerja::org {
namespace {

using K = UnitKind;

std::vector<OrgUnit> Palangkaraya() {
  return {
      {"pemkot", "", "Pemerintah Kota Palangka Raya", K::kPemerintahKota},
      {"dpmptsp", "pemkot", "Dinas Penanaman Modal dan PTSP", K::kDinas},
      {"pelayanan", "dpmptsp", "Bidang Pelayanan Perizinan", K::kBidang},
      {"perizinan", "pelayanan", "Seksi Perizinan Usaha", K::kSeksi},
      {"nonusaha", "pelayanan", "Seksi Perizinan Non Usaha", K::kSeksi},
      {"pengaduan", "dpmptsp", "Bidang Pengaduan", K::kBidang},
      {"sekretariat-umum", "dpmptsp", "Subbagian Umum dan Kepegawaian", K::kSubbagian},
      {"kec-jekan", "pemkot", "Kecamatan Jekan Raya", K::kKecamatan},
      {"kel-bukit-tunggal", "kec-jekan", "Kelurahan Bukit Tunggal", K::kKelurahan},
      {"kel-bukit-tunggal.pem", "kel-bukit-tunggal", "Seksi Pemerintahan", K::kSeksi},
  };
}

OrgTree MustBuild(std::vector<OrgUnit> units) {
  auto t = OrgTree::Build(std::move(units));
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? *t : OrgTree();
}

TEST(OrgTree, PathRunsFromTheRootToTheUnit) {
  OrgTree t = MustBuild(Palangkaraya());
  EXPECT_EQ(t.size(), 10u);
  auto p = t.Path("perizinan");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, (std::vector<std::string>{"pemkot", "dpmptsp", "pelayanan", "perizinan"}));
  EXPECT_EQ(*t.Path("pemkot"), (std::vector<std::string>{"pemkot"}));
}

TEST(OrgTree, MaterializedPathHasLeadingAndTrailingSlash) {
  OrgTree t = MustBuild(Palangkaraya());
  EXPECT_EQ(*t.MaterializedPath("pelayanan"), "/pemkot/dpmptsp/pelayanan/");
  EXPECT_EQ(*t.MaterializedPath("pemkot"), "/pemkot/");
  EXPECT_EQ(*t.MaterializedPath("kel-bukit-tunggal.pem"),
            "/pemkot/kec-jekan/kel-bukit-tunggal/kel-bukit-tunggal.pem/");
}

TEST(OrgTree, DescendantsArePreOrderWithChildrenInIdOrder) {
  OrgTree t = MustBuild(Palangkaraya());
  EXPECT_EQ(*t.Descendants("dpmptsp"),
            (std::vector<std::string>{"pelayanan", "nonusaha", "perizinan", "pengaduan",
                                      "sekretariat-umum"}));
  EXPECT_TRUE(t.Descendants("perizinan")->empty());
  EXPECT_EQ(t.Descendants("pemkot")->size(), 9u);
  EXPECT_EQ(*t.Children("pelayanan"), (std::vector<std::string>{"nonusaha", "perizinan"}));
  EXPECT_EQ(t.Roots(), (std::vector<std::string>{"pemkot"}));
}

TEST(OrgTree, IsInSubtreeIncludesTheUnitItself) {
  OrgTree t = MustBuild(Palangkaraya());
  EXPECT_TRUE(*t.IsInSubtree("perizinan", "dpmptsp"));
  EXPECT_TRUE(*t.IsInSubtree("perizinan", "perizinan"));
  EXPECT_TRUE(*t.IsInSubtree("perizinan", "pemkot"));
  EXPECT_FALSE(*t.IsInSubtree("dpmptsp", "perizinan"));
  EXPECT_FALSE(*t.IsInSubtree("perizinan", "pengaduan"));
}

TEST(OrgTree, PrefixMatchDoesNotConfuseIdsThatSharePrefixes) {
  // "pel" is a prefix of "pelayanan" as text, but not as a path segment.
  OrgTree t = MustBuild({{"d", "", "Dinas", K::kDinas},
                         {"pel", "d", "Bidang A", K::kBidang},
                         {"pelayanan", "d", "Bidang B", K::kBidang}});
  EXPECT_FALSE(*t.IsInSubtree("pelayanan", "pel"));
  EXPECT_EQ(*t.MaterializedPath("pel"), "/d/pel/");
}

TEST(OrgTree, DepthCountsFromZeroAtTheRoot) {
  OrgTree t = MustBuild(Palangkaraya());
  EXPECT_EQ(*t.Depth("pemkot"), 0);
  EXPECT_EQ(*t.Depth("dpmptsp"), 1);
  EXPECT_EQ(*t.Depth("perizinan"), 3);
}

TEST(OrgTree, SeveralRootsAreAllowed) {
  OrgTree t = MustBuild({{"dpmptsp", "", "DPMPTSP", K::kDinas},
                         {"bkpsdm", "", "BKPSDM", K::kBadan},
                         {"mutasi", "bkpsdm", "Bidang Mutasi", K::kBidang}});
  EXPECT_EQ(t.Roots(), (std::vector<std::string>{"bkpsdm", "dpmptsp"}));
  EXPECT_EQ(*t.MaterializedPath("mutasi"), "/bkpsdm/mutasi/");
}

TEST(OrgTree, NestingTableAllowsTheUsualShapes) {
  EXPECT_TRUE(IsAllowedNesting(K::kPemerintahKota, K::kDinas));
  EXPECT_TRUE(IsAllowedNesting(K::kPemerintahKota, K::kBagian));
  EXPECT_TRUE(IsAllowedNesting(K::kDinas, K::kUpt));
  EXPECT_TRUE(IsAllowedNesting(K::kBidang, K::kUpt));
  EXPECT_TRUE(IsAllowedNesting(K::kUpt, K::kSubbagian));
  EXPECT_TRUE(IsAllowedNesting(K::kKecamatan, K::kKelurahan));
  EXPECT_TRUE(IsAllowedNesting(K::kKelurahan, K::kSeksi));
  EXPECT_FALSE(IsAllowedNesting(K::kSeksi, K::kSeksi));
  EXPECT_FALSE(IsAllowedNesting(K::kDinas, K::kDinas));
  EXPECT_FALSE(IsAllowedNesting(K::kDinas, K::kPemerintahKota));
  EXPECT_FALSE(IsAllowedNesting(K::kBidang, K::kKelurahan));
  EXPECT_FALSE(IsAllowedNesting(K::kPemerintahKota, K::kSeksi));
}

TEST(OrgTree, UnitKindNamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(K::kKelurahan); ++i) {
    const auto k = static_cast<K>(i);
    auto back = ParseUnitKind(UnitKindName(k));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, k);
  }
}

TEST(OrgTree, QueriesDoNotDependOnInputOrder) {
  const std::vector<OrgUnit> base = Palangkaraya();
  OrgTree ref = MustBuild(base);
  std::mt19937 rng(2026);
  for (int round = 0; round < 20; ++round) {
    std::vector<OrgUnit> shuffled = base;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    OrgTree t = MustBuild(shuffled);
    for (const OrgUnit& u : base) {
      EXPECT_EQ(*t.MaterializedPath(u.id), *ref.MaterializedPath(u.id));
      EXPECT_EQ(*t.Descendants(u.id), *ref.Descendants(u.id));
      EXPECT_EQ(*t.Depth(u.id), *ref.Depth(u.id));
    }
  }
}

TEST(OrgTree, UnknownIdsAreNotFound) {
  OrgTree t = MustBuild(Palangkaraya());
  EXPECT_EQ(t.Path("nope").status().code(), Code::kNotFound);
  EXPECT_EQ(t.Depth("nope").status().message(), "unit 'nope' is not in the organisation");
  EXPECT_EQ(t.IsInSubtree("perizinan", "nope").status().code(), Code::kNotFound);
  EXPECT_EQ(t.Find("nope"), nullptr);
  ASSERT_NE(t.Find("pelayanan"), nullptr);
  EXPECT_EQ(t.Find("pelayanan")->name, "Bidang Pelayanan Perizinan");
}

std::string BuildError(std::vector<OrgUnit> units) {
  auto t = OrgTree::Build(std::move(units));
  EXPECT_FALSE(t.ok());
  if (t.ok()) return "";
  EXPECT_EQ(t.status().code(), Code::kInvalidArgument);
  return t.status().message();
}

TEST(OrgTreeMalformed, EmptyListHasNoRoot) {
  EXPECT_EQ(BuildError({}), "the organisation has no units; at least one root is needed");
}

TEST(OrgTreeMalformed, IdsMustNotContainSlashes) {
  EXPECT_EQ(BuildError({{"a/b", "", "X", K::kDinas}}),
            "unit #1 'a/b' id has '/' at position 2; ids may contain only letters, digits, '.', "
            "'_' and '-'");
  EXPECT_EQ(BuildError({{"", "", "X", K::kDinas}}), "unit #1 '' id is empty");
  EXPECT_EQ(BuildError({{"d", "", "X", K::kDinas}, {"b", "d/", "Y", K::kBidang}}),
            "unit #2 'b' parent_id has '/' at position 2; ids may contain only letters, digits, "
            "'.', '_' and '-'");
  EXPECT_EQ(BuildError({{"d d", "", "X", K::kDinas}}).substr(0, 31),
            "unit #1 'd d' id has ' ' at pos");
  EXPECT_EQ(BuildError({{std::string(65, 'a'), "", "X", K::kDinas}}).substr(0, 8), "unit #1 ");
}

TEST(OrgTreeMalformed, DuplicateIdsUnknownParentsAndSelfParents) {
  EXPECT_EQ(BuildError({{"d", "", "X", K::kDinas}, {"d", "", "Y", K::kDinas}}),
            "unit #2 'd' repeats the id of unit #1");
  EXPECT_EQ(BuildError({{"d", "", "X", K::kDinas}, {"b", "zz", "Y", K::kBidang}}),
            "unit #2 'b' has unknown parent_id 'zz'");
  EXPECT_EQ(BuildError({{"d", "d", "X", K::kDinas}}), "unit #1 'd' names itself as its parent");
  EXPECT_EQ(BuildError({{"d", "", "  ", K::kDinas}}), "unit #1 'd' has a blank name");
}

TEST(OrgTreeMalformed, CyclesAreRejectedWithTheChain) {
  EXPECT_EQ(BuildError({{"a", "c", "A", K::kSeksi},
                        {"b", "a", "B", K::kSeksi},
                        {"c", "b", "C", K::kSeksi}}),
            "the parent links form a cycle: a -> c -> b -> a");
  EXPECT_EQ(BuildError({{"root", "", "R", K::kDinas},
                        {"x", "y", "X", K::kBidang},
                        {"y", "x", "Y", K::kBidang}}),
            "the parent links form a cycle: x -> y -> x");
}

TEST(OrgTreeMalformed, KindsMustNestAccordingToTheTable) {
  EXPECT_EQ(BuildError({{"d", "", "Dinas", K::kDinas}, {"s", "d", "S", K::kSeksi},
                        {"s2", "s", "S2", K::kSeksi}}),
            "unit #3 's2' of kind seksi may not sit under 's' of kind seksi");
  EXPECT_EQ(BuildError({{"k", "", "Kel", K::kKelurahan}, {"p", "k", "Pemkot", K::kPemerintahKota}}),
            "unit #2 'p' of kind pemerintah_kota may not sit under 'k' of kind kelurahan");
  EXPECT_EQ(ParseUnitKind("Dinas").status().message(),
            "unit kind 'Dinas' is not one of pemerintah_kota, dinas, badan, bidang, bagian, seksi, "
            "subbagian, upt, kecamatan, kelurahan");
}

}  // namespace
}  // namespace kinerja::org

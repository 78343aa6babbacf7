// Pangkat and golongan (docs/rules/org.md §"Pangkat and golongan"): every PNS golongan ruang
// with its pangkat, the PPPK golongan I-XVII, the ways instansi write them, and what is refused.
#include "engine/org/pangkat.h"

#include <gtest/gtest.h>

namespace kinerja::org {
namespace {

TEST(PangkatGolongan, EveryPnsGolonganRuangHasItsPangkat) {
  const struct {
    const char* text;
    const char* printed;
  } cases[] = {
      {"I/a", "Juru Muda, I/a"},           {"I/d", "Juru Tingkat I, I/d"},
      {"II/a", "Pengatur Muda, II/a"},     {"II/c", "Pengatur, II/c"},
      {"III/a", "Penata Muda, III/a"},     {"III/b", "Penata Muda Tingkat I, III/b"},
      {"III/c", "Penata, III/c"},          {"III/d", "Penata Tingkat I, III/d"},
      {"IV/a", "Pembina, IV/a"},           {"IV/b", "Pembina Tingkat I, IV/b"},
      {"IV/c", "Pembina Utama Muda, IV/c"}, {"IV/d", "Pembina Utama Madya, IV/d"},
      {"IV/e", "Pembina Utama, IV/e"},
  };
  for (const auto& c : cases) {
    auto g = ParsePangkatGolongan(c.text);
    ASSERT_TRUE(g.ok()) << c.text << ": " << g.status().message();
    EXPECT_FALSE(g->pppk);
    EXPECT_EQ(FormatPangkatGolongan(*g), c.printed) << c.text;
  }
}

TEST(PangkatGolongan, TheWaysInstansiWriteItReadAlike) {
  for (const char* text : {"Penata Muda, III/a", "penata muda III/a", "  Penata Muda ,III/A ",
                           "PENATA MUDA, iii/a"}) {
    auto g = ParsePangkatGolongan(text);
    ASSERT_TRUE(g.ok()) << text << ": " << g.status().message();
    EXPECT_EQ(FormatPangkatGolongan(*g), "Penata Muda, III/a") << text;
  }
  auto tingkat = ParsePangkatGolongan("Penata Muda Tingkat I, III/b");
  ASSERT_TRUE(tingkat.ok()) << tingkat.status().message();
  EXPECT_EQ(tingkat->golongan, 3);
  EXPECT_EQ(tingkat->ruang, 'b');
}

TEST(PangkatGolongan, APppkHoldsAGolonganFromOneToSeventeen) {
  for (const char* text : {"IX", "PPPK IX", "Golongan IX", "PPPK golongan ix"}) {
    auto g = ParsePangkatGolongan(text);
    ASSERT_TRUE(g.ok()) << text << ": " << g.status().message();
    EXPECT_TRUE(g->pppk);
    EXPECT_EQ(g->golongan, 9);
    EXPECT_EQ(FormatPangkatGolongan(*g), "PPPK golongan IX");
    EXPECT_STREQ(PangkatName(*g), "") << "a PPPK has no pangkat";
  }
  EXPECT_TRUE(ParsePangkatGolongan("I").ok());
  EXPECT_EQ(ParsePangkatGolongan("XVII")->golongan, 17);
  EXPECT_FALSE(ParsePangkatGolongan("XVIII").ok()) << "above XVII";
}

TEST(PangkatGolongan, WhatIsNoGolonganIsRefusedNamingTheRule) {
  const struct {
    const char* text;
    const char* says;
  } cases[] = {
      {"", "empty"},
      {"III/e", "only IV has e"},
      {"V/a", "I, II, III or IV"},
      {"III/f", "one letter a-e"},
      {"III/ab", "one letter a-e"},
      {"Penata, III/a", "III/a is Penata Muda"},
      {"Pembina Utama, IV/d", "IV/d is Pembina Utama Madya"},
      {"Golongan Z", "neither a PNS golongan ruang"},
      {"Staf", "neither a PNS golongan ruang"},
  };
  for (const auto& c : cases) {
    auto g = ParsePangkatGolongan(c.text);
    ASSERT_FALSE(g.ok()) << c.text;
    EXPECT_EQ(g.status().code(), Code::kInvalidArgument) << c.text;
    EXPECT_NE(g.status().message().find(c.says), std::string::npos)
        << c.text << ": " << g.status().message();
  }
}

}  // namespace
}  // namespace kinerja::org

#include "engine/appraisal/multi_rater.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/appraisal/builtin_templates.h"

namespace kinerja {
namespace {

const Template& T6() {
  static const Template t = *BuiltinTemplate("permenpanrb-6-2022.v1");
  return t;
}
const Template& P30() {  // supervisor 50, peer 25, subordinate 25, self 0
  static const Template t = *BuiltinTemplate("pp-30-2019.v1");
  return t;
}

RaterInput R(RaterGroup g, double score) {
  RaterInput r;
  r.group = g;
  r.scores.fill(score);
  return r;
}

TEST(AppraisalMultiRater, DefaultTemplateUsesTheSupervisorOnly) {
  std::vector<RaterInput> rs = {R(RaterGroup::kSupervisor, 2), R(RaterGroup::kPeer, 3),
                                R(RaterGroup::kPeer, 3), R(RaterGroup::kPeer, 3),
                                R(RaterGroup::kSelf, 3)};
  auto m = CombineRaters(T6(), 7, rs);
  ASSERT_TRUE(m.ok());
  EXPECT_DOUBLE_EQ(m->combined[0], 2.0);
  const auto& peer = m->groups[static_cast<int>(RaterGroup::kPeer)];
  EXPECT_EQ(peer.rater_count, 3);
  EXPECT_FALSE(peer.suppressed);
  EXPECT_FALSE(peer.included);  // weight 0: shown, not mixed in
  EXPECT_DOUBLE_EQ(peer.mean[0], 3.0);
  EXPECT_FALSE(m->groups[static_cast<int>(RaterGroup::kSelf)].included);
  EXPECT_FALSE(m->peer_input_used);
}

TEST(AppraisalMultiRater, WeightsAreRenormalisedOverPresentGroups) {
  std::vector<RaterInput> rs = {R(RaterGroup::kSupervisor, 80), R(RaterGroup::kPeer, 70),
                                R(RaterGroup::kPeer, 80), R(RaterGroup::kPeer, 90)};
  auto m = CombineRaters(P30(), 6, rs);
  ASSERT_TRUE(m.ok());
  // supervisor 50 and peer 25 present -> 2/3 and 1/3.
  EXPECT_NEAR(m->groups[static_cast<int>(RaterGroup::kSupervisor)].weight, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(m->groups[static_cast<int>(RaterGroup::kPeer)].weight, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(m->combined[0], 80.0, 1e-9);
  EXPECT_TRUE(m->peer_input_used);
  std::vector<RaterInput> all = rs;
  for (int i = 0; i < 3; ++i) all.push_back(R(RaterGroup::kSubordinate, 40));
  m = CombineRaters(P30(), 6, all);
  ASSERT_TRUE(m.ok());
  EXPECT_NEAR(m->combined[0], 0.5 * 80 + 0.25 * 80 + 0.25 * 40, 1e-9);
}

TEST(AppraisalMultiRater, GroupsBelowTheMinimumAreSuppressedAndNotUsed) {
  std::vector<RaterInput> rs = {R(RaterGroup::kSupervisor, 80), R(RaterGroup::kPeer, 10),
                                R(RaterGroup::kPeer, 20), R(RaterGroup::kSubordinate, 30)};
  auto m = CombineRaters(P30(), 6, rs);
  ASSERT_TRUE(m.ok());
  const auto& peer = m->groups[static_cast<int>(RaterGroup::kPeer)];
  EXPECT_EQ(peer.rater_count, 2);
  EXPECT_TRUE(peer.suppressed);
  EXPECT_FALSE(peer.included);
  EXPECT_DOUBLE_EQ(peer.mean[0], 0.0);  // never exposed
  EXPECT_TRUE(m->groups[static_cast<int>(RaterGroup::kSubordinate)].suppressed);
  EXPECT_DOUBLE_EQ(m->combined[0], 80.0);
  EXPECT_FALSE(m->peer_input_used);
}

TEST(AppraisalMultiRater, ThreePeersAreEnoughTwoAreNot) {
  std::vector<RaterInput> rs = {R(RaterGroup::kSupervisor, 80), R(RaterGroup::kPeer, 60),
                                R(RaterGroup::kPeer, 60)};
  EXPECT_TRUE(CombineRaters(P30(), 6, rs)->groups[2].suppressed);
  rs.push_back(R(RaterGroup::kPeer, 60));
  EXPECT_FALSE(CombineRaters(P30(), 6, rs)->groups[2].suppressed);
}

TEST(AppraisalMultiRater, ResultDoesNotDependOnRaterOrder) {
  std::vector<RaterInput> rs = {R(RaterGroup::kPeer, 70), R(RaterGroup::kSupervisor, 85),
                                R(RaterGroup::kPeer, 75), R(RaterGroup::kSubordinate, 60),
                                R(RaterGroup::kPeer, 95), R(RaterGroup::kSubordinate, 65),
                                R(RaterGroup::kSubordinate, 90)};
  auto a = CombineRaters(P30(), 6, rs);
  std::vector<RaterInput> rev(rs.rbegin(), rs.rend());
  auto b = CombineRaters(P30(), 6, rev);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NEAR(a->combined[0], b->combined[0], 1e-9);
}

TEST(AppraisalMultiRater, MeanScoreMapsBackToTheNearestRating) {
  EXPECT_EQ(RatingFromScore(1.49), Rating::kDiBawah);
  EXPECT_EQ(RatingFromScore(1.5), Rating::kSesuai);
  EXPECT_EQ(RatingFromScore(2.49), Rating::kSesuai);
  EXPECT_EQ(RatingFromScore(2.5), Rating::kDiAtas);
  EXPECT_EQ(RatingFromScore(2.0 + 0.5 - 1e-12), Rating::kDiAtas);  // 2.5 after Round2
}

TEST(AppraisalMultiRaterMalformed, NoUsableWeightedGroupIsAnError) {
  std::vector<RaterInput> rs = {R(RaterGroup::kPeer, 3), R(RaterGroup::kSelf, 3)};
  auto m = CombineRaters(T6(), 7, rs);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(),
            "no rater group with a weight has usable ratings (template 'permenpanrb-6-2022.v1' "
            "weights: self 0, supervisor 1, peer 0, subordinate 0; peer/subordinate groups need "
            "at least 3 raters)");
}

}  // namespace
}  // namespace kinerja

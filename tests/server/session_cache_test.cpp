#include "server/store/session_cache.h"

#include <gtest/gtest.h>

namespace kinerja::server {
namespace {

Principal Budi() {
  Principal p;
  p.user_id = "u-budi";
  p.username = "budi";
  p.role = wire::Role::kSupervisor;
  p.unit_path = "/pemkot/dpmptsp/pelayanan/";
  p.device_id = "dev-1";
  return p;
}

TEST(SessionCache, AnswersForTheRecheckWindowAfterTheStoreWasAskedThenAsksAgain) {
  SessionCache cache;
  cache.Put("h", Budi(), /*expires_at=*/1000000, /*now=*/100, cache.Generation());
  ASSERT_TRUE(cache.Find("h", 100).has_value());
  EXPECT_EQ(cache.Find("h", 100)->username, "budi");
  EXPECT_TRUE(cache.Find("h", 100 + SessionCache::kRecheckSeconds - 1).has_value());
  EXPECT_FALSE(cache.Find("h", 100 + SessionCache::kRecheckSeconds).has_value());
  EXPECT_FALSE(cache.Find("h", 99).has_value()) << "a clock that stepped back asks the store";
  EXPECT_FALSE(cache.Find("other", 100).has_value());
}

TEST(SessionCache, NeverAnswersForASessionPastItsExpiry) {
  SessionCache cache;
  cache.Put("h", Budi(), /*expires_at=*/102, /*now=*/100, cache.Generation());
  EXPECT_TRUE(cache.Find("h", 101).has_value());
  EXPECT_FALSE(cache.Find("h", 102).has_value());
}

TEST(SessionCache, ForgetAndClearEndEntriesAtOnce) {
  SessionCache cache;
  cache.Put("a", Budi(), 1000, 100, cache.Generation());
  cache.Put("b", Budi(), 1000, 100, cache.Generation());
  cache.Forget("a");
  EXPECT_FALSE(cache.Find("a", 100).has_value());
  EXPECT_TRUE(cache.Find("b", 100).has_value());
  cache.Clear();
  EXPECT_FALSE(cache.Find("b", 100).has_value());
}

TEST(SessionCache, AnAnswerReadBeforeALogoutIsNotKeptAfterIt) {
  // A token check reads the store, a logout lands, then the check tries to cache what it read.
  SessionCache cache;
  const uint64_t before = cache.Generation();
  cache.Forget("h");  // the logout
  cache.Put("h", Budi(), 1000, 100, before);
  EXPECT_FALSE(cache.Find("h", 100).has_value());
}

}  // namespace
}  // namespace kinerja::server

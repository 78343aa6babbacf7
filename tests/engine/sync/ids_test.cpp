#include "engine/sync/ids.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "shared/wire/sync.h"

namespace kinerja {
namespace {

TEST(NewId, IsAVersion7UuidInLowerCaseText) {
  const std::string id = NewId();
  ASSERT_EQ(id.size(), 36u);
  for (size_t i : {8u, 13u, 18u, 23u}) EXPECT_EQ(id[i], '-') << id;
  EXPECT_EQ(id[14], '7') << "version nibble: " << id;
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << "RFC 9562 variant: " << id;
  for (char c : id) EXPECT_TRUE(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
  EXPECT_TRUE(wire::IsValidId(id));
}

TEST(NewId, CarriesTheMillisecondItWasMadeIn) {
  const int64_t before = NowUnix();
  const std::string id = NewId();
  const int64_t after = NowUnix();
  const uint64_t ms = std::stoull(id.substr(0, 8) + id.substr(9, 4), nullptr, 16);
  EXPECT_GE(static_cast<int64_t>(ms / 1000), before);
  EXPECT_LE(static_cast<int64_t>(ms / 1000), after + 1);  // a burst may borrow a millisecond
}

TEST(NewId, LaterIdsSortAfterEarlierOnesEvenWithinOneMillisecond) {
  // 20,000 ids come from a handful of milliseconds: the counter keeps them in order.
  std::string prev = NewId();
  std::set<std::string> seen{prev};
  for (int i = 0; i < 20000; ++i) {
    std::string next = NewId();
    ASSERT_LT(prev, next) << "id " << i << " sorts before the one made earlier";
    ASSERT_TRUE(seen.insert(next).second) << "a repeated id: " << next;
    prev = std::move(next);
  }
}

TEST(NewId, IdsOfOneMillisecondDifferInTheirRandomBits) {
  // Two tablets making an id in the same millisecond must not collide: 62 bits are random.
  std::set<std::string> tails;
  for (int i = 0; i < 1000; ++i) tails.insert(NewId().substr(19));
  EXPECT_EQ(tails.size(), 1000u);
}

}  // namespace
}  // namespace kinerja

// The bounded Argon2id queue (server/auth/hash_queue.h) on a fake clock and a fake hash cost:
// admission within the bound, an at-once refusal with a retry hint spread over the drain,
// the moving average of a hash's time, and no bound at all when the bound is 0.
#include "server/auth/hash_queue.h"

#include <gtest/gtest.h>

#include <set>

namespace kinerja::server {
namespace {

// Two cores, hashes of 0.1 s, a 1.5 s bound and no jitter unless a test sets it.
struct FakeQueue {
  explicit FakeQueue(double bound = 1.5, double jitter_value = 0.0)
      : jitter(jitter_value),
        queue({.cores = 2, .wait_bound_seconds = bound, .initial_hash_seconds = 0.1,
               .average_weight = 0.5, .retry_jitter_seconds = 1.0},
              [this] { return now; }, [this] { return jitter; }) {}
  double now = 1000;
  double jitter;
  HashQueue queue;
};

TEST(HashQueue, AdmitsWhileTheEstimatedFinishIsWithinTheBound) {
  FakeQueue f;
  // With 2 cores and 0.1 s a hash, the n-th login ahead finishes at (n / 2 + 1) x 0.1 s:
  // 29 ahead finish at 1.5 s, 30 ahead at 1.6 s.
  for (int i = 0; i < 30; ++i) {
    HashAdmission a = f.queue.Enter();
    ASSERT_TRUE(a.admitted) << "login " << i;
    EXPECT_LE(a.estimated_seconds, 1.5 + 1e-9);
  }
  EXPECT_EQ(f.queue.queued(), 30);
  HashAdmission refused = f.queue.Enter();
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(f.queue.queued(), 30) << "a refusal takes no place";
}

TEST(HashQueue, ARefusalNamesAWaitOfAtLeastTheQueuesDrain) {
  FakeQueue f;
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(f.queue.Enter().admitted);
  HashAdmission a = f.queue.Enter();
  ASSERT_FALSE(a.admitted);
  // 30 ahead on 2 cores at 0.1 s: drained in 1.5 s, so come back in 2 s (whole seconds).
  EXPECT_EQ(a.retry_after_seconds, 2);
}

TEST(HashQueue, LaterRefusalsAreSpreadAtTheRateHashesFinish) {
  FakeQueue f;
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(f.queue.Enter().admitted);
  // 2 cores x 10 hashes a second: each refused caller reserves 0.05 s after the drain, so
  // 100 refusals cover 5 s after it and name waits from 2 to 7 s, about 20 a second.
  std::set<int> waits;
  int last = 0;
  for (int i = 0; i < 100; ++i) {
    HashAdmission a = f.queue.Enter();
    ASSERT_FALSE(a.admitted);
    EXPECT_GE(a.retry_after_seconds, last) << "never earlier than one told before";
    last = a.retry_after_seconds;
    waits.insert(a.retry_after_seconds);
  }
  EXPECT_EQ(*waits.begin(), 2);
  EXPECT_EQ(*waits.rbegin(), 7);
}

TEST(HashQueue, JitterLengthensTheWaitByUpToItsSpread) {
  FakeQueue f(1.5, 0.99);
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(f.queue.Enter().admitted);
  HashAdmission a = f.queue.Enter();
  ASSERT_FALSE(a.admitted);
  EXPECT_EQ(a.retry_after_seconds, 3);  // 1.5 s drain + 0.99 s jitter, rounded up
}

TEST(HashQueue, AFreeCoreAdmitsEvenWhenOneHashIsSlowerThanTheBound) {
  FakeQueue f(0.05);  // one hash (0.1 s) is over the bound
  EXPECT_TRUE(f.queue.Enter().admitted);
  EXPECT_TRUE(f.queue.Enter().admitted);
  EXPECT_FALSE(f.queue.Enter().admitted) << "both cores taken";
}

TEST(HashQueue, FinishedHashesMakeRoomAgain) {
  FakeQueue f;
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(f.queue.Enter().admitted);
  ASSERT_FALSE(f.queue.Enter().admitted);
  f.queue.Start();
  f.queue.Finish(0.1);
  f.queue.Leave();  // one that did not need its hash
  EXPECT_EQ(f.queue.queued(), 28);
  EXPECT_TRUE(f.queue.Enter().admitted);
}

TEST(HashQueue, TheAverageMovesTowardTheTimesMeasured) {
  FakeQueue f;  // weight 0.5
  ASSERT_TRUE(f.queue.Enter().admitted);
  f.queue.Start();
  f.queue.Finish(0.3);
  EXPECT_DOUBLE_EQ(f.queue.average_hash_seconds(), 0.2);
  ASSERT_TRUE(f.queue.Enter().admitted);
  f.queue.Start();
  f.queue.Finish(0.2);
  EXPECT_DOUBLE_EQ(f.queue.average_hash_seconds(), 0.2);
}

TEST(HashQueue, SlowerHashesAdmitFewerLogins) {
  FakeQueue f;
  for (int i = 0; i < 4; ++i) {  // the average climbs to about 0.29 s
    ASSERT_TRUE(f.queue.Enter().admitted);
    f.queue.Start();
    f.queue.Finish(0.3);
  }
  int admitted = 0;
  while (f.queue.Enter().admitted) ++admitted;
  EXPECT_EQ(admitted, 10) << "(n / 2 + 1) x 0.29 <= 1.5 for n < 10";
}

TEST(HashQueue, RunTimesTheWorkOnTheClock) {
  FakeQueue f;
  bool ran = false;
  HashAdmission a = f.queue.Run([&] {
    ran = true;
    f.now += 0.5;  // the fake hash cost
  });
  EXPECT_TRUE(a.admitted);
  EXPECT_TRUE(ran);
  EXPECT_DOUBLE_EQ(f.queue.average_hash_seconds(), 0.3);  // 0.5 x 0.5 + 0.5 x 0.1
  EXPECT_EQ(f.queue.queued(), 0);
}

TEST(HashQueue, RunDoesNotRunRefusedWork) {
  FakeQueue f;
  for (int i = 0; i < 30; ++i) ASSERT_TRUE(f.queue.Enter().admitted);
  bool ran = false;
  HashAdmission a = f.queue.Run([&] { ran = true; });
  EXPECT_FALSE(a.admitted);
  EXPECT_FALSE(ran);
  EXPECT_GE(a.retry_after_seconds, 1);
}

TEST(HashQueue, NoBoundAdmitsEveryone) {
  FakeQueue f(0);
  for (int i = 0; i < 500; ++i) ASSERT_TRUE(f.queue.Enter().admitted);
}

}  // namespace
}  // namespace kinerja::server

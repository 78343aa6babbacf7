// The request gate (server/http/fair_gate.h): never more requests inside than its slots, the
// waiting ones admitted in the order they arrived, and no bound at all for 0 slots.
#include "server/http/fair_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace kinerja::server {
namespace {

// Waits (up to 10 s) until `gate` has `n` requests waiting.
bool AwaitWaiting(const FairGate& gate, int n) {
  for (int i = 0; i < 10000 && gate.waiting() != n; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return gate.waiting() == n;
}

TEST(FairGate, WaitingRequestsAreAdmittedInTheOrderTheyArrived) {
  FairGate gate(1);
  gate.Enter();  // the slot is taken
  std::mutex mu;
  std::vector<int> admitted;
  std::vector<std::thread> threads;
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&, i] {
      GateSlot slot(gate);
      std::lock_guard<std::mutex> lock(mu);
      admitted.push_back(i);
    });
    ASSERT_TRUE(AwaitWaiting(gate, i + 1)) << "request " << i << " queued behind the others";
  }
  gate.Leave();
  for (auto& t : threads) t.join();
  EXPECT_EQ(admitted, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(gate.waiting(), 0);
}

TEST(FairGate, NeverMoreRequestsInsideThanItsSlots) {
  FairGate gate(3);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 24; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 50; ++k) {
        GateSlot slot(gate);
        const int now = ++inside;
        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::yield();
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 1);
  EXPECT_EQ(gate.waiting(), 0);
}

TEST(FairGate, ANewRequestDoesNotOvertakeOneAlreadyWaiting) {
  FairGate gate(1);
  gate.Enter();
  std::atomic<bool> first_in{false};
  std::thread waiting([&] {
    GateSlot slot(gate);
    first_in = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  });
  ASSERT_TRUE(AwaitWaiting(gate, 1));
  gate.Leave();  // the slot goes to the waiter, not to whoever enters next
  gate.Enter();
  EXPECT_TRUE(first_in.load()) << "the later request was admitted only after the waiting one";
  gate.Leave();
  waiting.join();
}

TEST(FairGate, ZeroSlotsIsNoBound) {
  FairGate gate(0);
  for (int i = 0; i < 1000; ++i) gate.Enter();  // would block at once with any bound
  EXPECT_EQ(gate.waiting(), 0);
  for (int i = 0; i < 1000; ++i) gate.Leave();
}

}  // namespace
}  // namespace kinerja::server

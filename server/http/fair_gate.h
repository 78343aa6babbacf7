#pragma once
// At most `slots` API requests inside Api::Handle at once, admitted in arrival order
// (docs/performance.md, "Keep-alive tail"). httplib serves a kept-alive connection on one
// worker until it closes, so with keep-alive every open connection's worker can be inside a
// handler at the same time (200 devices: 200 threads on the store's locks); those locks are
// not fair, so some requests waited behind many others (keep-alive p99 250-280 ms against 180
// without, at a higher throughput). Without keep-alive the pool itself bounded this, and its
// queue is first come, first served. The gate restores that order whatever the pool's size.

#include <condition_variable>
#include <deque>
#include <mutex>

namespace kinerja::server {

class FairGate {
 public:
  // `slots` <= 0: no bound (Enter and Leave do nothing).
  explicit FairGate(int slots) : bounded_(slots > 0), free_(slots) {}

  // Blocks until a slot is free and every request that arrived earlier has been admitted.
  void Enter();
  // Gives the slot back, to the longest-waiting request if any.
  void Leave();
  // Requests waiting now (for tests).
  int waiting() const;

 private:
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;
  };
  const bool bounded_;
  mutable std::mutex mu_;
  int free_;
  std::deque<Waiter*> waiters_;
};

// Holds a slot of `gate` for its lifetime.
class GateSlot {
 public:
  explicit GateSlot(FairGate& gate) : gate_(gate) { gate_.Enter(); }
  ~GateSlot() { gate_.Leave(); }
  GateSlot(const GateSlot&) = delete;
  GateSlot& operator=(const GateSlot&) = delete;

 private:
  FairGate& gate_;
};

}  // namespace kinerja::server

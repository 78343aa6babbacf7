#pragma once
// How long requests wait for and hold the central store's connections, per operation: the
// writer lock (one connection, one writer at a time) and the read connections. The load
// benchmark reads these to tell a lock-bound server from a CPU-bound one. Cheap enough to
// stay on: two clock reads and a few relaxed atomic adds per acquisition.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace kinerja::server {

// What a connection was taken for.
enum class LockedOp { kPush, kLogin, kWrite, kPull, kAuthenticate, kCount };

// Name for printing: "push", "login", "other writes", "pull", "token check".
const char* LockedOpName(LockedOp op);

struct LockOpStats {
  int64_t count = 0;
  int64_t wait_ns = 0;      // summed time between asking and getting
  int64_t hold_ns = 0;      // summed time held
  int64_t max_hold_ns = 0;
  bool on_writer = false;   // true when the last acquisition was of the writer lock
};

// Thread-safe counters, one slot per LockedOp.
class LockTimes {
 public:
  void Add(LockedOp op, int64_t wait_ns, int64_t hold_ns, bool on_writer);
  LockOpStats Get(LockedOp op) const;

 private:
  struct Slot {
    std::atomic<int64_t> count{0}, wait_ns{0}, hold_ns{0}, max_hold_ns{0};
    std::atomic<bool> on_writer{false};
  };
  Slot slots_[static_cast<int>(LockedOp::kCount)];
};

// Holds `mu` for its scope and adds the wait and hold times to `times` under `op`.
class TimedLock {
 public:
  TimedLock(std::mutex& mu, LockTimes& times, LockedOp op);
  ~TimedLock();
  TimedLock(const TimedLock&) = delete;
  TimedLock& operator=(const TimedLock&) = delete;

 private:
  using Clock = std::chrono::steady_clock;
  std::unique_lock<std::mutex> lock_;
  LockTimes& times_;
  LockedOp op_;
  Clock::time_point asked_, got_;
};

}  // namespace kinerja::server

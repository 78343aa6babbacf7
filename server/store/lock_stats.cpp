#include "server/store/lock_stats.h"

namespace kinerja::server {

const char* LockedOpName(LockedOp op) {
  switch (op) {
    case LockedOp::kPush: return "push";
    case LockedOp::kLogin: return "login";
    case LockedOp::kWrite: return "other writes";
    case LockedOp::kPull: return "pull";
    case LockedOp::kAuthenticate: return "token check";
    case LockedOp::kCount: break;
  }
  return "?";
}

void LockTimes::Add(LockedOp op, int64_t wait_ns, int64_t hold_ns, bool on_writer) {
  Slot& s = slots_[static_cast<int>(op)];
  s.count.fetch_add(1, std::memory_order_relaxed);
  s.wait_ns.fetch_add(wait_ns, std::memory_order_relaxed);
  s.hold_ns.fetch_add(hold_ns, std::memory_order_relaxed);
  int64_t max = s.max_hold_ns.load(std::memory_order_relaxed);
  while (hold_ns > max &&
         !s.max_hold_ns.compare_exchange_weak(max, hold_ns, std::memory_order_relaxed)) {
  }
  s.on_writer.store(on_writer, std::memory_order_relaxed);
}

LockOpStats LockTimes::Get(LockedOp op) const {
  const Slot& s = slots_[static_cast<int>(op)];
  LockOpStats out;
  out.count = s.count.load(std::memory_order_relaxed);
  out.wait_ns = s.wait_ns.load(std::memory_order_relaxed);
  out.hold_ns = s.hold_ns.load(std::memory_order_relaxed);
  out.max_hold_ns = s.max_hold_ns.load(std::memory_order_relaxed);
  out.on_writer = s.on_writer.load(std::memory_order_relaxed);
  return out;
}

TimedLock::TimedLock(std::mutex& mu, LockTimes& times, LockedOp op)
    : lock_(mu, std::defer_lock), times_(times), op_(op), asked_(Clock::now()) {
  lock_.lock();
  got_ = Clock::now();
}

TimedLock::~TimedLock() {
  auto released = Clock::now();
  lock_.unlock();
  times_.Add(op_, std::chrono::duration_cast<std::chrono::nanoseconds>(got_ - asked_).count(),
             std::chrono::duration_cast<std::chrono::nanoseconds>(released - got_).count(), true);
}

}  // namespace kinerja::server

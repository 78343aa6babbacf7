#include "server/http/fair_gate.h"

namespace kinerja::server {

void FairGate::Enter() {
  if (!bounded_) return;
  std::unique_lock<std::mutex> lock(mu_);
  if (free_ > 0 && waiters_.empty()) {
    --free_;
    return;
  }
  Waiter w;
  waiters_.push_back(&w);
  w.cv.wait(lock, [&w] { return w.admitted; });
}

void FairGate::Leave() {
  if (!bounded_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (waiters_.empty()) {
    ++free_;
    return;
  }
  // The slot passes straight to the first waiter: a request arriving now cannot take it.
  Waiter* w = waiters_.front();
  waiters_.pop_front();
  w->admitted = true;
  w->cv.notify_one();
}

int FairGate::waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(waiters_.size());
}

}  // namespace kinerja::server

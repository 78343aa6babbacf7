#include "server/store/commit_group.h"

#include <algorithm>
#include <exception>
#include <string>

namespace kinerja::server {

Status CommitGroup::Run(Database& db, std::mutex& writer_mu, LockTimes& times, Work work) {
  Pending me{std::move(work), Status::Ok(), false};
  std::unique_lock<std::mutex> lock(mu_);
  queue_.push_back(&me);
  while (!me.done) {
    if (writing_) {
      finished_.wait(lock);
      continue;
    }
    // Lead: take what is queued (this caller included, unless an earlier group took it).
    writing_ = true;
    size_t n = std::min(queue_.size(), kMaxGroup);
    std::vector<Pending*> group(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    lock.unlock();
    {
      TimedLock writer(writer_mu, times, LockedOp::kPush);
      WriteGroup(db, group);
    }
    lock.lock();
    for (Pending* p : group) p->done = true;
    writing_ = false;
    finished_.notify_all();
  }
  return me.result;
}

void CommitGroup::WriteGroup(Database& db, const std::vector<Pending*>& group) {
  Status begin = db.Begin();
  if (!begin.ok()) {
    for (Pending* p : group) p->result = begin;
    return;
  }
  for (Pending* p : group) {
    // A throw (nlohmann/json may throw) must not leave the group half written with its
    // leader gone: it fails this batch only, after rolling back the batch's savepoint.
    try {
      p->result = p->work(db);
    } catch (const std::exception& e) {
      (void)db.Exec("ROLLBACK TO push_changes; RELEASE push_changes;");
      p->result = Status::Internal(std::string("unexpected error while applying a batch: ") + e.what());
    }
  }
  Status commit = db.Commit();
  if (!commit.ok()) {
    db.Rollback();
    for (Pending* p : group) {
      if (p->result.ok() || p->result.code() == Code::kLocked) p->result = commit;
    }
  }
}

}  // namespace kinerja::server

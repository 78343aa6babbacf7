#pragma once
// Group commit for pushes. Many devices push small batches at once; each batch on its own
// would pay a whole SQLite transaction (BEGIN, WAL write, COMMIT) under the writer lock.
// Instead, batches that arrive while one transaction is being written wait, and the next
// transaction applies all of them (up to kMaxGroup), one after another, then commits once.
// Every batch stays atomic: each runs inside its own SAVEPOINT (the work's own), a refused
// batch rolls back to it, and the others still commit. No caller hears success before the shared COMMIT returns,
// so an acknowledged change is always stored, and a failed commit fails every batch in it.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

#include "engine/store/db.h"
#include "server/store/lock_stats.h"
#include "shared/result.h"

namespace kinerja::server {

class CommitGroup {
 public:
  static constexpr size_t kMaxGroup = 64;

  // One batch's work, run on the writer connection inside the group's transaction. On
  // failure it must leave no writes of its own (roll back to its savepoint, which must be
  // named push_changes) except what it deliberately keeps (a refused edit kept for review).
  using Work = std::function<Status(Database&)>;

  // Runs `work` in the next group transaction on `db`, holding `writer_mu` (timed in
  // `times` as kPush, once per group) while the group is written. Returns the work's own
  // status, or the failure of BEGIN or COMMIT when the group could not be written.
  Status Run(Database& db, std::mutex& writer_mu, LockTimes& times, Work work);

 private:
  struct Pending {
    Work work;
    Status result;
    bool done = false;
  };
  static void WriteGroup(Database& db, const std::vector<Pending*>& group);

  std::mutex mu_;
  std::condition_variable finished_;
  std::vector<Pending*> queue_;
  bool writing_ = false;  // a leader is writing a group
};

}  // namespace kinerja::server

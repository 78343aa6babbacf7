#include "server/store/read_pool.h"

namespace kinerja::server {

Result<std::unique_ptr<ReadPool>> ReadPool::Open(const std::string& path, int connections) {
  std::unique_ptr<ReadPool> pool(new ReadPool());
  for (int i = 0; i < connections; ++i) {
    KINERJA_ASSIGN_OR_RETURN(auto db, Database::Open(path));
    KINERJA_RETURN_IF_ERROR((db)->Exec("PRAGMA query_only=1;"));
    pool->free_.push_back(std::move(db));
  }
  return pool;
}

ReadPool::Lease::~Lease() {
  if (db_) pool_->Return(std::move(db_));
}

ReadPool::Lease ReadPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  freed_.wait(lock, [this] { return !free_.empty(); });
  std::unique_ptr<Database> db = std::move(free_.back());
  free_.pop_back();
  return Lease(*this, std::move(db));
}

void ReadPool::Return(std::unique_ptr<Database> db) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(db));
  }
  freed_.notify_one();
}

ReadAccess::ReadAccess(ReadPool* pool, std::mutex& writer_mu, Database& writer, LockTimes& times,
                       LockedOp op)
    : times_(times), op_(op), asked_(Clock::now()) {
  if (pool) {
    lease_ = std::make_unique<ReadPool::Lease>(pool->Acquire());
    db_ = &lease_->db();
    got_ = Clock::now();
    // BEGIN (deferred) takes no lock; the snapshot is fixed by the first read and kept to
    // the end, so a pull's records and its cursor come from the same committed state.
    status_ = db_->Exec("BEGIN");
    in_tx_ = status_.ok();
  } else {
    writer_lock_ = std::unique_lock<std::mutex>(writer_mu);
    db_ = &writer;
    got_ = Clock::now();
  }
}

ReadAccess::~ReadAccess() {
  if (in_tx_) (void)db_->Exec("COMMIT");  // a read transaction: ends the snapshot
  auto released = Clock::now();
  bool on_writer = writer_lock_.owns_lock();
  if (on_writer) writer_lock_.unlock();
  lease_.reset();
  times_.Add(op_, std::chrono::duration_cast<std::chrono::nanoseconds>(got_ - asked_).count(),
             std::chrono::duration_cast<std::chrono::nanoseconds>(released - got_).count(),
             on_writer);
}

}  // namespace kinerja::server

#pragma once
// Read connections to the central store's file, beside its one writer connection. In WAL
// mode a reader sees the last committed state: it neither waits for the writer nor blocks
// it, and never sees a batch that is still being written. Pulls and token checks use them,
// so they run while a push holds the writer instead of queuing behind it.
//
// Each connection serves one thread at a time (a Database is not thread-safe): Acquire()
// lends one and waits when all are lent. Connections are opened with query_only on, so a
// write through them fails instead of bypassing the writer.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/store/db.h"
#include "server/store/lock_stats.h"
#include "shared/result.h"

namespace kinerja::server {

class ReadPool {
 public:
  // Opens `connections` read connections to the database file at `path` (which must exist
  // and be in WAL mode). Fails with kIo.
  static Result<std::unique_ptr<ReadPool>> Open(const std::string& path, int connections);

  // A lent connection, given back on destruction.
  class Lease {
   public:
    Lease(ReadPool& pool, std::unique_ptr<Database> db) : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&& o) noexcept = default;
    ~Lease();
    Database& db() { return *db_; }

   private:
    ReadPool* pool_;
    std::unique_ptr<Database> db_;
  };

  // Lends a connection, waiting for one when all are lent.
  Lease Acquire();

 private:
  ReadPool() = default;
  void Return(std::unique_ptr<Database> db);

  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Database>> free_;
};

// One consistent read: a read connection inside a read transaction (every statement sees
// the same committed snapshot), or, when the store has no read connections (":memory:"),
// the writer connection under the writer's lock. Times the wait and hold under `op`.
class ReadAccess {
 public:
  ReadAccess(ReadPool* pool, std::mutex& writer_mu, Database& writer, LockTimes& times,
             LockedOp op);
  ~ReadAccess();
  ReadAccess(const ReadAccess&) = delete;
  ReadAccess& operator=(const ReadAccess&) = delete;

  // kIo when the read transaction could not start.
  const Status& status() const { return status_; }
  Database& db() { return *db_; }

 private:
  using Clock = std::chrono::steady_clock;
  std::unique_ptr<ReadPool::Lease> lease_;
  std::unique_lock<std::mutex> writer_lock_;
  Database* db_ = nullptr;
  LockTimes& times_;
  LockedOp op_;
  Clock::time_point asked_, got_;
  Status status_;
  bool in_tx_ = false;
};

}  // namespace kinerja::server

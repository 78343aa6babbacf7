#include "server/store/checkpointer.h"

namespace kinerja::server {

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path) {
  KINERJA_ASSIGN_OR_RETURN(auto db, Database::Open(path));
  return std::unique_ptr<Checkpointer>(new Checkpointer(std::move(db)));
}

Checkpointer::Checkpointer(std::unique_ptr<Database> db) : db_(std::move(db)) {
  thread_ = std::thread([this] { Loop(); });
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

Status Checkpointer::LastError() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_error_;
}

void Checkpointer::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_cv_.wait_for(lock, kInterval, [this] { return stop_; })) {
    lock.unlock();
    Status s = db_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
    ++runs_;
    lock.lock();
    last_error_ = s;
  }
}

}  // namespace kinerja::server

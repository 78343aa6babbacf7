#pragma once
// Moves the central store's write-ahead log into the database file on a thread of its own.
// SQLite's default does that work inside whichever commit crosses 1,000 log pages, under the
// writer lock: one push in a few hundred then holds every other push up for tens of
// milliseconds. Here a PASSIVE checkpoint runs every kInterval on its own connection, which
// never blocks the writer or the readers; the writer keeps SQLite's own checkpoint as a
// backstop for a log that grows past kBackstopPages anyway (the thread stalled).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/store/db.h"
#include "shared/result.h"

namespace kinerja::server {

class Checkpointer {
 public:
  static constexpr std::chrono::milliseconds kInterval{250};
  static constexpr int kBackstopPages = 20000;  // about 80 MB of log

  // Opens its own connection to the database at `path` (already in WAL mode) and starts.
  static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path);
  // Stops the thread (after the checkpoint in progress, if any).
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Checkpoints run so far, and the last one's failure, if any (kept, not thrown: the next
  // round tries again; the backstop keeps the log bounded meanwhile).
  int64_t Runs() const { return runs_.load(); }
  Status LastError() const;

 private:
  explicit Checkpointer(std::unique_ptr<Database> db);
  void Loop();

  std::unique_ptr<Database> db_;
  mutable std::mutex mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  Status last_error_;
  std::atomic<int64_t> runs_{0};
  std::thread thread_;
};

}  // namespace kinerja::server

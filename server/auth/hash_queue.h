#pragma once
// The bounded queue of password logins (issue 16, docs/security.md "Passwords"). Each login
// costs one Argon2id hash, one core for tens of milliseconds; 200 tablets logging in at once
// used to wait their turn on the server for up to 8 s, holding a connection each. A login is
// now admitted only when its estimated finish, (logins ahead / cores + 1) x the moving
// average of a login's time on a core, is within the bound; the others are told at once
// to come back later (a `busy` answer, HTTP 503 with Retry-After) at a time spread over the
// queue's drain, so they return when there is room instead of all together. Thread-safe.

#include <cstdint>
#include <functional>
#include <mutex>
#include <condition_variable>

namespace kinerja::server {

struct HashQueueOptions {
  int cores = 0;                      // hashes run at once; <= 0: the machine's cores
  double wait_bound_seconds = 1.5;    // <= 0: no bound (every login waits its turn)
  double initial_hash_seconds = 0.1;  // the average before any hash was timed
  double average_weight = 0.2;        // weight of the newest time in the moving average
  double retry_jitter_seconds = 1.0;  // a busy answer's wait is spread by up to this much
};

// What Enter decided.
struct HashAdmission {
  bool admitted = false;
  double estimated_seconds = 0;  // admitted: the estimated time until its hash is done
  int retry_after_seconds = 0;   // refused: when to come back (>= 1)
};

class HashQueue {
 public:
  // `clock` returns monotonic seconds and `jitter` a number in [0, 1); tests pass fake ones.
  HashQueue(HashQueueOptions options, std::function<double()> clock,
            std::function<double()> jitter);
  // The same with the steady clock and a random jitter.
  explicit HashQueue(HashQueueOptions options);

  // Takes a place in the queue when one more hash would finish within the bound, or a core
  // is free; otherwise changes nothing in the queue and names when to retry, spread after the
  // waits already handed out so that refused callers come back at the rate hashes finish.
  // Every admitted Enter is followed by exactly one Finish or Leave.
  HashAdmission Enter();
  // Blocks until a core is free for an admitted hash; then the caller hashes.
  void Start();
  // The hash started by Start took `seconds`: frees its core, leaves the queue and updates
  // the moving average.
  void Finish(double seconds);
  // Leaves the queue without having called Start.
  void Leave();

  // Enter, Start, `work`, Finish timed on the clock: the admission decision; `work` ran only
  // when it says admitted.
  HashAdmission Run(const std::function<void()>& work);

  double average_hash_seconds() const;
  int queued() const;  // admitted and not finished (waiting or hashing)
  int cores() const { return cores_; }

 private:
  double EstimateLocked(int ahead) const;

  const HashQueueOptions options_;
  const int cores_;
  std::function<double()> clock_;
  std::function<double()> jitter_;
  mutable std::mutex mu_;
  std::condition_variable core_free_;
  int queued_ = 0;
  int hashing_ = 0;
  double average_;
  double promised_until_ = 0;  // clock time up to which refused callers were told to wait
};

}  // namespace kinerja::server

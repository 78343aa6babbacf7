#pragma once
// Sessions the server has resolved recently, so a request's token check does not need a read
// transaction of its own. An entry answers for at most kRecheckSeconds after it was read from
// the store, and never past the session's expiry; the store forgets entries at once when it
// changes them itself (a logout, a disabled account, a revoked device). A change made by
// another process on the same database file (`kinerja user disable` while the server runs)
// takes effect within kRecheckSeconds. Thread-safe.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/auth/principal.h"

namespace kinerja::server {

class SessionCache {
 public:
  static constexpr int64_t kRecheckSeconds = 5;
  static constexpr size_t kMaxEntries = 100000;  // a city's devices, with room to spare

  // The principal of `token_hash` if the store was asked less than kRecheckSeconds before
  // `now` and the session has not expired by `now`.
  std::optional<Principal> Find(const std::string& token_hash, int64_t now) const;
  // A number that moves on every Forget or Clear. Read it before asking the store and hand
  // it to Put: an answer read before a logout or revocation is then not kept after it.
  uint64_t Generation() const;
  // Remembers what the store answered for `token_hash` at `now`, unless the cache was
  // invalidated since `generation` was read.
  void Put(const std::string& token_hash, const Principal& who, int64_t expires_at, int64_t now,
           uint64_t generation);
  void Forget(const std::string& token_hash);
  // After a change that may end sessions of any user (an account disabled, a device revoked).
  void Clear();

 private:
  struct Entry {
    Principal who;
    int64_t expires_at = 0;
    int64_t read_at = 0;
  };
  mutable std::mutex mu_;
  uint64_t generation_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace kinerja::server

#include "server/store/session_cache.h"

namespace kinerja::server {

std::optional<Principal> SessionCache::Find(const std::string& token_hash, int64_t now) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return std::nullopt;
  const Entry& e = it->second;
  if (now < e.read_at || now >= e.read_at + kRecheckSeconds || now >= e.expires_at) {
    return std::nullopt;
  }
  return e.who;
}

uint64_t SessionCache::Generation() const {
  std::lock_guard<std::mutex> lock(mu_);
  return generation_;
}

void SessionCache::Put(const std::string& token_hash, const Principal& who, int64_t expires_at,
                       int64_t now, uint64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_) return;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[token_hash] = Entry{who, expires_at, now};
}

void SessionCache::Forget(const std::string& token_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  entries_.erase(token_hash);
}

void SessionCache::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  entries_.clear();
}

}  // namespace kinerja::server

#pragma once
// One sync of a device with the server, as every client runs it (the web app over fetch, the
// tests and benchmarks over an HTTP client): push the outbox in batches, then pull the
// server's changes in pages. The session decides everything about the exchange; the caller
// only carries requests and answers, so it works over a blocking or an asynchronous transport:
//
//   SyncSession s(store, token);
//   while (auto call = s.Next()) s.Deliver(Send(*call));   // or: send, and Deliver on completion
//   if (s.outcome() != SyncOutcome::kOk) ... s.message() ...
//
// Push answers:
//   200          the acknowledged changes leave the outbox; the next batch follows.
//   a final refusal (locked, invalid_argument, permission_denied, not_found) naming a change:
//                that change is set aside (LocalStore::SetAside, which takes the later queued
//                changes of its record with it) and the rest is sent again.
//   a final refusal naming no change: the batch is sent again one change at a time; a single
//                change refused for good is set aside, then ordinary batches resume.
//   401          ends with kSessionExpired. No answer (status 0) ends with kOffline.
//   any other error (stale_version, 5xx, rate limit, ...) ends with kPushRefused and the
//                server's message; the outbox is kept for the next sync.
// Before the push, when Options::now is set and the store's session (LocalStore::LoadSession)
// is this token's and due for a refresh (engine/sync/session_refresh.h), the session is
// refreshed first: 200 saves the new session and the sync carries on with its token
// (refreshed(), token()); 401 ends with kSessionExpired, no answer with kOffline; any other
// answer (busy, 5xx) leaves the old session, still valid for days, and the sync carries on.
// Pull answers: 200 stores the page and asks for the next while `more`; errors end as above
// (kPullRefused for a refusal). An unreadable answer ends with kBadAnswer ("HTTP <status>").
// A store failure ends with kStoreError. Nothing is retried within one session, so a session
// always ends: every request either makes progress (fewer queued changes, a later cursor) or
// ends it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "engine/sync/local_store.h"
#include "shared/result.h"

namespace kinerja {

// A request to send. `token` goes as "Authorization: Bearer <token>"; the body, when not
// empty, is JSON.
struct SyncCall {
  std::string method;  // "POST" or "GET"
  std::string path;    // with its query string
  std::string body;
  std::string token;
};

// What came back: status 0 when there was no answer (network error, timeout, cut connection).
struct SyncAnswer {
  int status = 0;
  std::string body;
};

// Where a running sync is: sending the outbox, then receiving the server's changes.
struct SyncProgress {
  enum Phase { kIdle, kSending, kReceiving } phase = kIdle;
  int64_t to_send = 0;     // queued when the sync began
  int64_t sent = 0;        // acknowledged so far
  int64_t received = 0;    // records pulled so far
  int64_t pull_from = 0;   // the cursor the pull started at
  int64_t pull_at = 0;     // the cursor now
  int64_t pull_head = 0;   // the server's head (0: unknown)
  // 0..1 within the current phase; negative when it cannot be known (an older server).
  float Fraction() const;
};

enum class SyncOutcome {
  kRunning,         // not ended yet
  kOk,              // pushed everything that could go and pulled to the server's head
  kOffline,         // a request got no answer
  kSessionExpired,  // 401: log in again
  kPushRefused,     // the server refused a push for a reason that may pass; message() says it
  kPullRefused,     // the server refused a pull; message() says it
  kBadAnswer,       // an answer that is not the protocol ("HTTP 502" from a proxy, ...)
  kStoreError,      // the local store failed; message() is its error
};

// Changes per push (well under wire::kMaxChangesPerPush, so a slow link still gets answers).
inline constexpr size_t kPushBatch = 100;

// Errors that will not go away by sending the same change again.
bool IsFinalRefusal(Code code);

class SyncSession {
 public:
  struct Options {
    size_t push_batch = kPushBatch;
    int64_t pull_limit = wire::kMaxPullLimit;
    // Unix seconds now; > 0 lets the session refresh a session near its end first.
    int64_t now = 0;
  };
  // `store` must outlive the session. Starts in the sending phase.
  SyncSession(LocalStore& store, std::string token, Options options);
  SyncSession(LocalStore& store, std::string token) : SyncSession(store, std::move(token), Options{}) {}

  // The request to send now, or nullopt when the session has ended (outcome() says how).
  // Calling Next() again before Deliver() returns the same request.
  std::optional<SyncCall> Next();
  // The answer to the request Next() returned. Returns true when it changed the outbox (acks
  // or set-aside changes committed), which a browser should persist right away; a pulled page
  // is committed too but may be persisted once at the end.
  bool Deliver(const SyncAnswer& answer);

  bool done() const { return outcome_ != SyncOutcome::kRunning; }
  SyncOutcome outcome() const { return outcome_; }
  // The server's message (kPushRefused, kPullRefused), "HTTP <status>" (kBadAnswer), or the
  // store's error (kStoreError); empty otherwise.
  const std::string& message() const { return message_; }
  const SyncProgress& progress() const { return progress_; }
  int64_t sent() const { return progress_.sent; }
  int64_t received() const { return progress_.received; }
  // Changes set aside during this session (those following a set-aside change included).
  int64_t set_aside() const { return set_aside_; }
  // True when the session was refreshed (the new one is saved in the store); token() is then
  // the new token, which the caller should use from now on: the old one no longer works.
  bool refreshed() const { return refreshed_; }
  const std::string& token() const { return token_; }

 private:
  void End(SyncOutcome outcome, std::string message = {});
  void PreparePush();
  void PreparePull();
  bool DeliverPush(const SyncAnswer& answer);
  bool DeliverRefresh(const SyncAnswer& answer);
  void DeliverPull(const SyncAnswer& answer);

  LocalStore& store_;
  std::string token_;
  Options options_;
  SyncProgress progress_;
  SyncOutcome outcome_ = SyncOutcome::kRunning;
  std::string message_;
  int64_t set_aside_ = 0;
  bool refresh_due_ = false;  // a refresh is to go before the push
  bool refreshing_ = false;   // the call out is the refresh
  bool refreshed_ = false;
  std::optional<SyncCall> call_;  // the request out, until its answer is delivered
  size_t batch_ = 0;              // changes in the push out
  int64_t pull_since_ = 0;        // the cursor of the pull out
  // Changes still to send one at a time, to find the one a refusal naming no change meant.
  size_t single_left_ = 0;
};

// Runs a whole session over a blocking transport and returns it ended.
using SyncTransport = std::function<SyncAnswer(const SyncCall&)>;
SyncSession RunSync(LocalStore& store, const std::string& token, const SyncTransport& send,
                    SyncSession::Options options = {});

}  // namespace kinerja

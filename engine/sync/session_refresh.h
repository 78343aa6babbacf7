#pragma once
// Keeping a device's session alive without its password (docs/sync.md, "Refreshing a
// session"). A password login costs the server one Argon2id hash; a tablet that refreshes its
// 30-day session before it runs out never needs another one, so a morning when every tablet
// comes online costs the server no hashing. Pure: the caller carries the request and answer.

#include <cstdint>
#include <string>

#include "engine/sync/sync_session.h"
#include "shared/result.h"
#include "shared/wire/auth.h"

namespace kinerja {

// A session is refreshed when less than this is left of it.
inline constexpr int64_t kSessionRefreshBeforeSeconds = 7 * 24 * 3600;

// True when a session expiring at `expires_at` (ISO-8601 UTC, as wire::Session holds it)
// should be refreshed at `now` (unix seconds): less than kSessionRefreshBeforeSeconds left
// and not yet expired (an expired session can only log in again). An unreadable expiry is
// due: the refresh answer brings a readable one.
bool SessionRefreshDue(const std::string& expires_at, int64_t now);

// POST /api/v1/session/refresh with `token` as the bearer and an empty body.
SyncCall SessionRefreshCall(const std::string& token);

// The new session from a refresh answer. Fails with kUnavailable when there was no answer
// (status 0), kUnauthenticated for 401 (log in again), the server's own code for another
// error (e.g. busy, permission_denied), kInvalidArgument for an answer that is not a session.
Result<wire::Session> ParseSessionRefreshAnswer(const SyncAnswer& answer);

}  // namespace kinerja

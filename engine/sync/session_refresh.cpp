#include "engine/sync/session_refresh.h"

#include "engine/service/timestamp.h"
#include "shared/json_util.h"
#include "shared/wire/sync.h"

namespace kinerja {

bool SessionRefreshDue(const std::string& expires_at, int64_t now) {
  auto expiry = ParseIsoTimestamp(expires_at);
  if (!expiry.ok()) return true;
  return *expiry > now && *expiry - now < kSessionRefreshBeforeSeconds;
}

SyncCall SessionRefreshCall(const std::string& token) {
  return SyncCall{"POST", "/api/v1/session/refresh", "", token};
}

Result<wire::Session> ParseSessionRefreshAnswer(const SyncAnswer& answer) {
  if (answer.status == 0) return Status::Unavailable("no answer to the session refresh");
  auto j = ParseJson(answer.body);
  if (answer.status == 401) {
    return Status::Unauthenticated(j.ok() ? wire::StatusFromErrorJson(*j).message()
                                          : "the session is no longer valid; log in again");
  }
  if (!j.ok()) {
    return Status::InvalidArgument("the refresh answer is not JSON (HTTP " +
                                   std::to_string(answer.status) + ")");
  }
  if (answer.status != 200) {
    Status s = wire::StatusFromErrorJson(*j);
    if (s.ok()) return Status::InvalidArgument("HTTP " + std::to_string(answer.status));
    return s;
  }
  return wire::SessionFromJson(*j);
}

}  // namespace kinerja

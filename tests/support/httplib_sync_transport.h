#pragma once
// The engine's sync client (engine/sync/sync_session.h) over cpp-httplib's client, for the
// native tests and benchmarks; the browser carries the same calls over fetch. Header-only:
// the engine itself never links httplib.

#include <httplib.h>

#include <string>

#include "engine/sync/sync_session.h"

namespace kinerja::support {

// Sends `call` and returns its answer; status 0 when none came back (refused connection,
// timeout, cut connection), with httplib's error name in `*error` when given.
inline SyncAnswer SendOverHttplib(httplib::Client& client, const SyncCall& call,
                                  std::string* error = nullptr) {
  httplib::Headers headers;
  if (!call.token.empty()) headers.emplace("Authorization", "Bearer " + call.token);
  httplib::Result res = call.method == "POST"
                            ? client.Post(call.path.c_str(), headers, call.body, "application/json")
                            : client.Get(call.path.c_str(), headers);
  if (!res) {
    if (error) *error = httplib::to_string(res.error());
    return {};
  }
  return {res->status, res->body};
}

// A blocking transport for RunSync over `client` (which must outlive it).
inline SyncTransport HttplibTransport(httplib::Client& client) {
  return [&client](const SyncCall& call) { return SendOverHttplib(client, call); };
}

}  // namespace kinerja::support

#pragma once
// The HTTP API as plain functions from request to response, testable without sockets. The
// httplib layer (http_server.cpp) only copies requests in and responses out. Every error is
// a JSON body {"error": {"code", "message"}} with a matching HTTP status.
//
// Routes (protocol v1, see docs/sync.md):
//   GET  /api/v1/health              liveness, no auth
//   POST /api/v1/login               {username, password, device_id, device_label?} -> session;
//                                    503 busy with Retry-After when the hash queue is full
//   POST /api/v1/session/refresh     the caller's session for a new 30-day one (no password)
//   POST /api/v1/logout              ends this session
//   GET  /api/v1/me                  the caller's principal
//   POST /api/v1/sync/push           a batch of changes -> acks
//   GET  /api/v1/sync/pull?since=N&limit=M  records in scope after cursor N
//   GET  /api/v1/conflicts           records in conflict in scope, with the kept edits
//   GET  /api/v1/refused             edits refused for review, e.g. of signed-off records
//   GET  /api/v1/audit?since=N&limit=M  the audit log (HR, admin)
//   GET  /api/v1/devices             registered devices (all for HR/admin, else own)
//   POST /api/v1/devices/revoke      {device_id}: a lost tablet can no longer sync
//   GET  /api/v1/reports/<name>?period=&unit=&split=  HR reports (docs/reports.md)
//   GET  /api/v1/reports/evaluation-document(s)     printable PDFs (docs/reports.md)

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "server/auth/hash_queue.h"
#include "server/store/central_store.h"

namespace kinerja::server {

struct HttpRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> query;
  std::string authorization;  // the Authorization header, verbatim
  std::string remote_addr;
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  // Further headers, e.g. {"Content-Disposition", "attachment; filename=\"….xlsx\""}.
  std::vector<std::pair<std::string, std::string>> headers = {};
};

struct ApiLimits {
  size_t max_body_bytes = 4 * 1024 * 1024;
  int login_failures_allowed = 5;      // per username and per address ...
  int64_t login_window_seconds = 300;  // ... within this window
  // A password login is admitted only when its Argon2id hash is estimated to be done within
  // this bound; otherwise it is answered `busy` (503, Retry-After) at once
  // (server/auth/hash_queue.h). <= 0: no bound, every login waits its turn.
  double login_wait_bound_seconds = 1.5;
  int login_hash_cores = 0;  // hashes at once; <= 0: the machine's cores
  // One hash's time to start the queue's average from (TimeOneHash at start-up); <= 0: 0.1 s.
  double login_hash_seconds = 0;
};

class Api {
 public:
  // `clock` returns unix seconds; tests pass a fake one.
  Api(CentralStore& store, ApiLimits limits, std::function<int64_t()> clock);

  // Routes and answers one request. Never throws.
  HttpResponse Handle(const HttpRequest& req);
  // The queue password logins wait in (tests and the bench look at it).
  HashQueue& login_queue() { return login_queue_; }

 private:
  HttpResponse Login(const HttpRequest& req);
  HttpResponse Logout(const HttpRequest& req);
  HttpResponse RefreshSession(const HttpRequest& req);
  HttpResponse Me(const HttpRequest& req);
  HttpResponse Push(const HttpRequest& req);
  HttpResponse Pull(const HttpRequest& req);
  HttpResponse Conflicts(const HttpRequest& req);
  HttpResponse Audit(const HttpRequest& req);
  HttpResponse Refused(const HttpRequest& req);
  HttpResponse TrainingNeeds(const HttpRequest& req);
  HttpResponse EvaluationDocument(const HttpRequest& req);
  HttpResponse UnitEvaluationDocuments(const HttpRequest& req);
  HttpResponse UnitRecap(const HttpRequest& req);
  HttpResponse Report(const HttpRequest& req);  // /api/v1/reports/<name>, the named ones aside
  HttpResponse Devices(const HttpRequest& req);
  HttpResponse RevokeDevice(const HttpRequest& req);
  Result<Principal> Authorize(const HttpRequest& req);
  bool LoginBlocked(const std::string& key, int64_t now);
  void NoteLoginFailure(const std::string& key, int64_t now);

  CentralStore& store_;
  ApiLimits limits_;
  std::function<int64_t()> clock_;
  HashQueue login_queue_;
  std::mutex failures_mu_;
  std::map<std::string, std::pair<int64_t, int>> failures_;  // key -> (window start, count)
};

// The HTTP status that goes with an error code.
int HttpStatusFor(Code code);
// A JSON error response.
HttpResponse ErrorResponse(const Status& s);

}  // namespace kinerja::server

#pragma once
// The only file that knows cpp-httplib: binds the port, serves public/ (the page, the JS and
// the wasm), and hands every /api/ request to Api::Handle.

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "server/http/api.h"

namespace kinerja::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;           // 0 picks a free port
  std::string public_dir;    // static files; empty serves none
  std::string tls_cert;      // both set: HTTPS
  std::string tls_key;
  size_t max_body_bytes = 4 * 1024 * 1024;
  int listen_backlog = 1024;  // connections waiting to be accepted (the kernel caps it)
  // Worker threads. httplib serves a connection on one worker until it closes, so a client
  // that keeps its connection alive (browsers do) holds a worker while idle, up to 5 s;
  // idle workers cost no CPU. 0: httplib's own default (8 on this machine).
  int worker_threads = 64;
  // API requests inside the handlers at once; the others wait their turn in arrival order.
  // Password logins pass beside it: their own queue bounds them (server/auth/hash_queue.h).
  // 0: no bound. With keep-alive every open connection holds a worker, so without this bound
  // every device's request ran at once on the store's (unfair) locks; 32 measured best on
  // 2 cores (docs/performance.md, "Keep-alive tail"). Lets worker_threads exceed the number
  // of devices connected at once without more contention.
  int max_active_requests = 32;
};

class HttpServer {
 public:
  HttpServer(Api& api, ServeOptions opts);
  ~HttpServer();
  // Binds the port; returns the bound port or an error (port in use, bad certificate).
  Result<int> Bind();
  // Serves until Stop(); blocks.
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kinerja::server

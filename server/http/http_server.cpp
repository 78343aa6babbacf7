#include "server/http/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "server/http/fair_gate.h"
#include "server/http/security_headers.h"

namespace kinerja::server {
namespace {

// The precompressed copy of a static file: "<public>/<name>.gz", made by the web build
// (gzip -9). Only plain file names ending in .js or .wasm, only when the copy is at least as
// new as the file, only for a browser that accepts gzip and asks for the whole file.
std::string PrecompressedPath(const std::string& public_dir, const httplib::Request& req) {
  if (public_dir.empty() || (req.method != "GET" && req.method != "HEAD")) return "";
  const std::string& p = req.path;
  if (p.size() < 2 || p[0] != '/' || p.find('/', 1) != std::string::npos || p.find("..") != std::string::npos) {
    return "";
  }
  bool js = p.size() > 3 && p.compare(p.size() - 3, 3, ".js") == 0;
  bool wasm = p.size() > 5 && p.compare(p.size() - 5, 5, ".wasm") == 0;
  if (!js && !wasm) return "";
  if (req.has_header("Range")) return "";
  if (req.get_header_value("Accept-Encoding").find("gzip") == std::string::npos) return "";
  std::error_code ec;
  std::filesystem::path plain = std::filesystem::path(public_dir) / p.substr(1);
  std::filesystem::path gz = plain;
  gz += ".gz";
  auto plain_time = std::filesystem::last_write_time(plain, ec);
  if (ec) return "";
  auto gz_time = std::filesystem::last_write_time(gz, ec);
  if (ec || gz_time < plain_time) return "";
  return gz.string();
}

}  // namespace

struct HttpServer::Impl {
  Api& api;
  ServeOptions opts;
  std::unique_ptr<httplib::Server> svr;
  std::unique_ptr<FairGate> gate;
};

HttpServer::HttpServer(Api& api, ServeOptions opts) : impl_(new Impl{api, std::move(opts), nullptr, nullptr}) {}
HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind() {
  auto& o = impl_->opts;
  if (!o.tls_cert.empty() || !o.tls_key.empty()) {
    if (o.tls_cert.empty() || o.tls_key.empty()) {
      return Status::InvalidArgument("TLS needs both --tls-cert and --tls-key");
    }
    auto ssl = std::make_unique<httplib::SSLServer>(o.tls_cert.c_str(), o.tls_key.c_str());
    if (!ssl->is_valid()) {
      return Status::InvalidArgument("cannot load the TLS certificate or key (" + o.tls_cert +
                                     ", " + o.tls_key + ")");
    }
    impl_->svr = std::move(ssl);
  } else {
    impl_->svr = std::make_unique<httplib::Server>();
  }
  httplib::Server& svr = *impl_->svr;
  if (o.worker_threads > 0) {
    size_t n = static_cast<size_t>(o.worker_threads);
    svr.new_task_queue = [n] { return new httplib::ThreadPool(n); };
  }
  // httplib writes a response's headers and body separately; with Nagle's algorithm on, a
  // kept-alive connection then waits for the client's delayed ACK (~40 ms) before the body.
  svr.set_tcp_nodelay(true);
  svr.set_payload_max_length(o.max_body_bytes);
  svr.set_read_timeout(15, 0);
  svr.set_write_timeout(15, 0);
  svr.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  svr.set_file_extension_and_mimetype_mapping("js", "text/javascript");
  svr.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");
  // Every answer, API, static file or error, carries the security headers (before it is written).
  const bool tls = !o.tls_cert.empty();
  svr.set_post_routing_handler([tls](const httplib::Request&, httplib::Response& res) {
    for (const auto& [name, value] : SecurityHeaders(tls)) res.set_header(name, value);
  });

  Api& api = impl_->api;
  impl_->gate = std::make_unique<FairGate>(o.max_active_requests);
  FairGate& gate = *impl_->gate;
  auto handler = [&api, &gate](const httplib::Request& req, httplib::Response& res) {
    HttpRequest r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.query.emplace(k, v);
    r.authorization = req.get_header_value("Authorization");
    r.remote_addr = req.remote_addr;
    r.body = req.body;
    HttpResponse out;
    if (r.path == "/api/v1/login") {
      // Password logins are bounded by their own queue (server/auth/hash_queue.h), which
      // answers `busy` at once when full; holding a gate slot while hashing would stall syncs.
      out = api.Handle(r);
    } else {
      GateSlot slot(gate);
      out = api.Handle(r);
    }
    res.status = out.status;
    res.set_header("Cache-Control", "no-store");
    for (const auto& [name, value] : out.headers) res.set_header(name, value);
    res.set_content(out.body, out.content_type.c_str());
  };
  for (const char* pattern : {R"(/api/.*)"}) {
    svr.Get(pattern, handler);
    svr.Post(pattern, handler);
    svr.Put(pattern, handler);
    svr.Delete(pattern, handler);
  }
  // httplib answers an over-limit body with 413 before any handler runs; give it our body.
  svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    Status s = res.status == 413 ? Status::TooLarge("the request body is over the server's limit")
             : res.status == 404 ? Status::NotFound("nothing at " + req.path)
                                 : Status::InvalidArgument("bad request");
    // The path may hold invalid UTF-8: replace it rather than throw while answering.
    res.set_content(wire::ErrorJson(s).dump(-1, ' ', false, Json::error_handler_t::replace),
                    "application/json");
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(wire::ErrorJson(Status::Internal("unexpected server error")).dump(),
                    "application/json");
  });
  if (!o.public_dir.empty()) {
    if (!std::filesystem::is_directory(o.public_dir)) {
      return Status::InvalidArgument("--public " + o.public_dir + " is not a directory");
    }
    // The page and the service worker must revalidate, so a new build reaches tablets.
    svr.set_mount_point("/", o.public_dir, {{"Cache-Control", "no-cache"}});
    // The JS and the wasm go out gzip-encoded from their precompressed copies (httplib would
    // compress the JS on every request and never the wasm). A content provider, not a body,
    // so httplib does not compress them again.
    std::string dir = o.public_dir;
    svr.set_pre_routing_handler([dir](const httplib::Request& req, httplib::Response& res) {
      std::string gz = PrecompressedPath(dir, req);
      if (gz.empty()) return httplib::Server::HandlerResponse::Unhandled;
      auto data = std::make_shared<std::string>();
      {
        std::ifstream in(gz, std::ios::binary);
        if (!in) return httplib::Server::HandlerResponse::Unhandled;
        data->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      bool wasm = req.path.size() > 5 && req.path.compare(req.path.size() - 5, 5, ".wasm") == 0;
      res.status = 200;
      res.set_header("Content-Encoding", "gzip");
      res.set_header("Vary", "Accept-Encoding");
      res.set_header("Cache-Control", "no-cache");
      res.set_content_provider(
          data->size(), wasm ? "application/wasm" : "text/javascript",
          [data](size_t offset, size_t length, httplib::DataSink& sink) {
            return sink.write(data->data() + offset, length);
          });
      return httplib::Server::HandlerResponse::Handled;
    });
  }
  // httplib 0.11 (Debian's prebuilt libcpp-httplib) listens with a fixed backlog of 5: when
  // more devices than that connect at once, the kernel drops their SYNs and each one waits
  // for a 1-second retransmit, or its connection is reset (bench/sync/load_bench.cpp). Keep
  // the listening socket while binding and listen() on it again, which only deepens the queue.
  int listen_fd = -1;
  svr.set_socket_options([&listen_fd](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_fd = sock;  // the last socket made before a successful bind is the one listening
  });
  int port = o.port;
  bool bound = false;
  if (port == 0) {
    port = svr.bind_to_any_port(o.host);
    bound = port >= 0;
  } else {
    bound = svr.bind_to_port(o.host, port);
  }
  svr.set_socket_options(httplib::default_socket_options);  // nothing refers to listen_fd later
  if (!bound) {
    if (o.port == 0) return Status::Io("cannot bind " + o.host);
    return Status::Io("cannot listen on " + o.host + ":" + std::to_string(port) +
                      " (is another server running there?)");
  }
  if (listen_fd >= 0 && ::listen(listen_fd, o.listen_backlog) != 0) {
    return Status::Io("cannot set the listen backlog on " + o.host + ":" + std::to_string(port));
  }
  return port;
}

Status HttpServer::Run() {
  if (!impl_->svr) return Status::Internal("Run() before Bind()");
  if (!impl_->svr->listen_after_bind()) return Status::Io("the server stopped with an error");
  return Status::Ok();
}

void HttpServer::Stop() {
  if (impl_->svr) impl_->svr->stop();
}

}  // namespace kinerja::server

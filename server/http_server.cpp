#include "server/http_server.h"

#include <httplib.h>

#include <filesystem>

namespace kinerja::server {

struct HttpServer::Impl {
  Api& api;
  ServeOptions opts;
  std::unique_ptr<httplib::Server> svr;
};

HttpServer::HttpServer(Api& api, ServeOptions opts) : impl_(new Impl{api, std::move(opts), nullptr}) {}
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
  svr.set_payload_max_length(o.max_body_bytes);
  svr.set_read_timeout(15, 0);
  svr.set_write_timeout(15, 0);
  svr.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  svr.set_file_extension_and_mimetype_mapping("js", "text/javascript");
  svr.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");

  Api& api = impl_->api;
  auto handler = [&api](const httplib::Request& req, httplib::Response& res) {
    HttpRequest r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.query.emplace(k, v);
    r.authorization = req.get_header_value("Authorization");
    r.remote_addr = req.remote_addr;
    r.body = req.body;
    HttpResponse out = api.Handle(r);
    res.status = out.status;
    res.set_header("Cache-Control", "no-store");
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
    res.set_content(wire::ErrorJson(s).dump(), "application/json");
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
  }
  int port = o.port;
  if (port == 0) {
    port = svr.bind_to_any_port(o.host);
    if (port < 0) return Status::Io("cannot bind " + o.host);
  } else if (!svr.bind_to_port(o.host, port)) {
    return Status::Io("cannot listen on " + o.host + ":" + std::to_string(port) +
                      " (is another server running there?)");
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

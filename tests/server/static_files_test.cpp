// The web app's files over loopback: the JS and the wasm go out gzip-encoded from their
// precompressed copies when the browser accepts gzip, and as they are otherwise; every answer
// carries the security headers.
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "engine/sync/ids.h"
#include "server/http/http_server.h"
#include "server/http/security_headers.h"
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class StaticFiles : public DemoCity {
 protected:
  void SetUp() override {
    DemoCity::SetUp();
    dir_ = fs::temp_directory_path() / ("kinerja-static-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::string wasm("\0asm", 4);
    for (int i = 0; i < 2000; ++i) wasm += "kinerja wasm body " + std::to_string(i % 7);
    std::ofstream(dir_ / "app.wasm", std::ios::binary) << wasm;
    std::ofstream(dir_ / "app.js", std::ios::binary) << std::string(5000, 'x');
    std::ofstream(dir_ / "index.html", std::ios::binary) << "<!doctype html>";
    std::string cmd = "gzip -9 -n -k -f " + (dir_ / "app.wasm").string() + " " + (dir_ / "app.js").string();
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    api_real_ = std::make_unique<Api>(*store_, ApiLimits{}, [] { return NowUnix(); });
    ServeOptions o;
    o.port = 0;
    o.public_dir = dir_.string();
    server_ = std::make_unique<HttpServer>(*api_real_, o);
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
    client_->set_decompress(false);  // see the bytes as sent
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::unique_ptr<Api> api_real_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(StaticFiles, TheWasmAndJsGoOutAsTheirGzipCopiesWhenTheBrowserAcceptsGzip) {
  auto res = client_->Get("/app.wasm", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/wasm");
  EXPECT_EQ(res->body, Read(dir_ / "app.wasm.gz")) << "the precompressed bytes, not compressed twice";
  EXPECT_LT(res->body.size(), Read(dir_ / "app.wasm").size());

  res = client_->Get("/app.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript");
  EXPECT_EQ(res->body, Read(dir_ / "app.js.gz"));
}

TEST_F(StaticFiles, WithoutGzipOrWithAStaleCopyOrARangeTheFileGoesOutAsItIs) {
  auto plain = client_->Get("/app.wasm");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(plain->body, Read(dir_ / "app.wasm"));

  auto range = client_->Get("/app.wasm", {{"Accept-Encoding", "gzip"}, {"Range", "bytes=0-3"}});
  ASSERT_TRUE(range);
  EXPECT_EQ(range->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(range->body, std::string("\0asm", 4));

  // A copy older than its file (a build that failed half way) is not used.
  fs::last_write_time(dir_ / "app.wasm.gz",
                      fs::last_write_time(dir_ / "app.wasm") - std::chrono::hours(1));
  auto stale = client_->Get("/app.wasm", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(stale->body, Read(dir_ / "app.wasm"));

  auto page = client_->Get("/index.html");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->body, "<!doctype html>") << "other files are served as before";
}

TEST_F(StaticFiles, EveryAnswerCarriesTheSecurityHeadersAndPlainHttpNoHsts) {
  const std::pair<const char*, httplib::Headers> requests[] = {
      {"/index.html", {}},                          // a static file
      {"/app.wasm", {{"Accept-Encoding", "gzip"}}},  // a precompressed one
      {"/api/v1/health", {}},                       // the API
      {"/api/v1/records", {}},                      // an API error (no session)
      {"/nothing-here", {}},                        // the server's own 404
  };
  for (const auto& [path, headers] : requests) {
    auto r = client_->Get(path, headers);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->get_header_value("Content-Security-Policy"), ContentSecurityPolicy()) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer") << path;
    EXPECT_FALSE(r->has_header("Strict-Transport-Security")) << path << ": not over plain HTTP";
  }
  const std::string csp = ContentSecurityPolicy();
  EXPECT_NE(csp.find("script-src 'self' 'wasm-unsafe-eval'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << "no inline script or style";
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
}

TEST(SecurityHeaders, HstsOnlyOverTls) {
  auto has_hsts = [](bool tls) {
    for (const auto& [name, value] : SecurityHeaders(tls)) {
      if (name == "Strict-Transport-Security") return true;
    }
    return false;
  };
  EXPECT_TRUE(has_hsts(true));
  EXPECT_FALSE(has_hsts(false));
}

}  // namespace
}  // namespace kinerja::server::testing

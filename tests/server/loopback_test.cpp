// End to end over loopback: a real HttpServer on an ephemeral port, a device's LocalStore
// pushing and pulling through httplib's client, as the browser does through fetch.
#include <httplib.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "engine/sync/ids.h"
#include "engine/sync/local_store.h"
#include "engine/sync/sync_session.h"
#include "server/http/http_server.h"
#include "tests/server/test_support.h"
#include "tests/support/httplib_sync_transport.h"

namespace kinerja::server::testing {
namespace {

class Loopback : public DemoCity {
 protected:
  void SetUp() override {
    DemoCity::SetUp();
    real_api_ = std::make_unique<Api>(*store_, ApiLimits{}, [] { return NowUnix(); });
    ServeOptions o;
    o.port = 0;
    server_ = std::make_unique<HttpServer>(*real_api_, o);
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(10, 0);
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }

  // Logs a device in and keeps the session in its local store, as the web app does.
  void DeviceLogin(LocalStore& device, const std::string& user) {
    Json req{{"username", user}, {"password", kDemoPassword}, {"device_id", *device.DeviceId()}};
    auto res = client_->Post("/api/v1/login", req.dump(), "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    auto session = wire::SessionFromJson(Json::parse(res->body));
    ASSERT_TRUE(session.ok());
    ASSERT_TRUE(device.SaveSession(*session).ok());
  }

  // One sync of the device through the engine's client over httplib, as the app's "Sync"
  // button runs it. `lose_push_answers`: every push reaches the server, its answer is dropped
  // as a broken connection would. `push_statuses` collects the push answers' statuses.
  SyncSession Sync(LocalStore& device, bool lose_push_answers = false,
                   std::vector<int>* push_statuses = nullptr) {
    auto send = [&](const SyncCall& call) {
      SyncAnswer answer = support::SendOverHttplib(*client_, call);
      if (call.method != "POST") return answer;
      if (push_statuses) push_statuses->push_back(answer.status);
      return lose_push_answers ? SyncAnswer{} : answer;
    };
    return RunSync(device, (*device.LoadSession())->token, send);
  }

  std::unique_ptr<Api> real_api_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(Loopback, HealthAnswersWithoutLogin) {
  auto res = client_->Get("/api/v1/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(Loopback, ANoteWrittenOfflineArrivesExactlyOnceEvenWhenTheFirstAnswerIsLost) {
  auto device = LocalStore::Open(":memory:");
  ASSERT_TRUE(device.ok());
  DeviceLogin(**device, "budi");
  EXPECT_EQ(Sync(**device).outcome(), SyncOutcome::kOk);
  auto roster = (*device)->List("employee");
  ASSERT_TRUE(roster.ok());
  EXPECT_EQ(roster->size(), 5u);  // Budi and his four staff

  // Offline: the note goes to the outbox.
  LocalStore::Edit edit{"", "appraisal_note", "e-ani", "/pemkot/dpmptsp/pelayanan/",
                        Json{{"employee_id", "e-ani"}, {"text", "Melayani dengan ramah"}}};
  ASSERT_TRUE((*device)->Write(edit, NowUnix()).ok());
  EXPECT_EQ(*(*device)->PendingCount(), 1);

  // The server stored it; the tablet never heard.
  EXPECT_EQ(Sync(**device, /*lose_push_answers=*/true).outcome(), SyncOutcome::kOffline);
  EXPECT_EQ(*(*device)->PendingCount(), 1);
  EXPECT_EQ(Sync(**device).outcome(), SyncOutcome::kOk);  // "Sync" pressed again
  EXPECT_EQ(Sync(**device).outcome(), SyncOutcome::kOk);  // and again, with nothing to send
  EXPECT_EQ(*(*device)->PendingCount(), 0);
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 1);
}

// What the app does with a refusal that will not go away: set the change aside (kept,
// visible) and send the rest, instead of blocking the queue behind it.
TEST_F(Loopback, AnEditOfASignedOffAppraisalIsSetAsideAndTheRestStillSyncs) {
  auto tablet_a = LocalStore::Open(":memory:");
  auto tablet_b = LocalStore::Open(":memory:");
  ASSERT_TRUE(tablet_a.ok() && tablet_b.ok());
  DeviceLogin(**tablet_a, "budi");
  DeviceLogin(**tablet_b, "budi");
  Json skp{{"template", "permenpanrb-6-2022.v1"}, {"rating_hasil_kerja", "Sesuai"},
           {"rating_perilaku", "Sesuai"}};
  Json body{{"employee_id", "e-ani"}, {"period", "2026"}, {"status", "signed_off"}, {"skp", skp}};
  ASSERT_TRUE((*tablet_a)->Write({"skp-ani", "appraisal", "e-ani", "", body}, NowUnix()).ok());
  ASSERT_EQ(Sync(**tablet_a).outcome(), SyncOutcome::kOk);
  ASSERT_EQ(Sync(**tablet_b).outcome(), SyncOutcome::kOk);  // B has the signed-off appraisal at v1

  body["status"] = "submitted";
  body["comments"] = "edited after sign-off";
  ASSERT_TRUE((*tablet_b)->Write({"skp-ani", "appraisal", "e-ani", "", body}, NowUnix()).ok());
  ASSERT_TRUE((*tablet_b)->Write({"", "appraisal_note", "e-ani", "",
                                  Json{{"employee_id", "e-ani"}, {"text", "after"}}}, NowUnix()).ok());
  std::vector<int> statuses;
  SyncSession s = Sync(**tablet_b, false, &statuses);
  EXPECT_EQ(s.outcome(), SyncOutcome::kOk) << s.message();
  ASSERT_FALSE(statuses.empty());
  ASSERT_EQ(statuses[0], 409) << "the whole batch was refused, naming the signed-off edit";
  EXPECT_EQ(s.set_aside(), 1);
  EXPECT_EQ(*(*tablet_b)->PendingCount(), 0);
  EXPECT_EQ((*(*tablet_b)->ListSetAside()).size(), 1u);
  EXPECT_EQ(*store_->CountRecords("appraisal_note"), 1) << "the note behind it got through";
  auto rec = (*tablet_b)->Get("skp-ani");
  ASSERT_TRUE(rec.ok() && rec->has_value());
  EXPECT_EQ((**rec).body["status"], "signed_off") << "the server's copy replaced the refused edit";
}

TEST_F(Loopback, OverLimitBodiesGetA413WithAJsonError) {
  auto res = client_->Post("/api/v1/sync/push", std::string(5 * 1024 * 1024, 'x'), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_NE(res->body.find("too_large"), std::string::npos) << res->body;
}

}  // namespace
}  // namespace kinerja::server::testing

namespace kinerja::server::testing {
namespace {

// TLS: given a certificate and key, the same API answers over HTTPS only.
TEST(Tls, TheServerSpeaksHttpsWhenGivenACertificateAndKey) {
  auto dir = std::filesystem::temp_directory_path() / ("kinerja-tls-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
  std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " +
                    key + " -out " + cert + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "openssl could not make a test certificate";
  ASSERT_TRUE(InitCrypto().ok());
  auto store = CentralStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Api api(**store, ApiLimits{}, [] { return NowUnix(); });
  ServeOptions o;
  o.port = 0;
  o.tls_cert = cert;
  o.tls_key = key;
  HttpServer server(api, o);
  auto port = server.Bind();
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  std::thread t([&] { (void)server.Run(); });
  httplib::SSLClient tls("127.0.0.1", *port);
  tls.enable_server_certificate_verification(false);
  auto res = tls.Get("/api/v1/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  httplib::Client plain("127.0.0.1", *port);
  plain.set_read_timeout(2, 0);
  auto bad = plain.Get("/api/v1/health");
  EXPECT_TRUE(!bad || bad->status != 200) << "plain HTTP must not be served on the TLS port";
  server.Stop();
  t.join();
  std::filesystem::remove_all(dir);
}

TEST(Tls, AnUnreadableCertificateIsAClearError) {
  ASSERT_TRUE(InitCrypto().ok());
  auto store = CentralStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Api api(**store, ApiLimits{}, [] { return NowUnix(); });
  ServeOptions o;
  o.port = 0;
  o.tls_cert = "/nonexistent/cert.pem";
  o.tls_key = "/nonexistent/key.pem";
  HttpServer server(api, o);
  auto port = server.Bind();
  ASSERT_FALSE(port.ok());
  EXPECT_NE(port.status().message().find("cannot load the TLS certificate"), std::string::npos);
}

}  // namespace
}  // namespace kinerja::server::testing

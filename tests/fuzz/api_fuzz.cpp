// libFuzzer target over the API's request handlers (JSON bodies), without sockets.
// The first byte picks the endpoint and caller (modulo 6):
//   0 POST /api/v1/login            body = the rest
//   1 POST /api/v1/sync/push        as supervisor budi (device fuzz-tab)
//   2 POST /api/v1/sync/push        as enumerator loket1 (device fuzz-kiosk)
//   3 POST /api/v1/sync/push        as hr (device fuzz-hr)
//   4 GET  /api/v1/sync/pull        the rest is the query string, e.g. since=0&limit=3
//   5 POST /api/v1/devices/revoke   as supervisor rina
// and the byte '6' alone (so the seed corpus keeps its meaning):
//   6 GET  /api/v1/reports/training-needs as budi; the rest is the query, e.g. period=2026
// Push bodies are also read by the one-pass reader (shared/wire/push_reader.h): whatever it
// reads, the general reader must read the same. After every input: nothing crashed, the
// answer is JSON with a 2xx/4xx status (never 5xx), a report names only budi's staff, and
// nothing partial was written: the
// `changes` table grows by exactly the changes an accepted push acknowledged as applied or
// conflict, and not at all otherwise.
// Run: build/fuzz/tests/fuzz/kinerja_api_fuzz tests/fuzz/corpus -dict=tests/fuzz/api.dict
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/store/db.h"
#include "server/http/api.h"
#include "server/auth/auth.h"
#include "server/store/central_store.h"
#include "server/cli/demo.h"
#include "shared/wire/push_reader.h"

namespace kinerja::server {
namespace {

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "api_fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

struct Fixture {
  std::string path;
  std::unique_ptr<CentralStore> store;
  std::unique_ptr<Api> api;
  std::unique_ptr<Database> check;  // a second connection for the invariants
  std::string budi, loket1, hr, rina;
  int rina_devices = 0;
  int64_t changes = 0;  // rows expected in `changes`
  int64_t now = 1'800'000'000;

  // Set-up logins go to the store directly: the fuzzed logins may rate-limit the API's.
  std::string Login(const std::string& user, const std::string& device) {
    wire::LoginRequest req{user, kDemoPassword, device, "fuzz"};
    auto session = store->Login(req, now);
    if (!session.ok()) Die("set-up login of " + user + ": " + session.status().ToString());
    return session->token;
  }

  int64_t CountChanges() {
    auto st = check->Prepare("SELECT count(*) FROM changes");
    if (!st.ok()) Die(st.status().ToString());
    auto row = st->Step();
    if (!row.ok() || !*row) Die("count(changes)");
    return st->ColumnInt(0);
  }
};

Fixture* Setup() {
  auto* f = new Fixture;
  if (!InitCrypto().ok()) Die("libsodium");
  // A file (in memory where the system has /dev/shm) so a second connection can check it.
  std::filesystem::path dir = std::filesystem::exists("/dev/shm") ? "/dev/shm"
                                                                  : std::filesystem::temp_directory_path();
  f->path = (dir / ("kinerja-api-fuzz-" + std::to_string(getpid()) + ".db")).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(f->path + suffix);
  auto store = CentralStore::Open(f->path);
  if (!store.ok()) Die(store.status().ToString());
  f->store = std::move(store).value();
  if (!SeedDemoCity(*f->store).ok()) Die("demo city");
  f->api = std::make_unique<Api>(*f->store, ApiLimits{}, [f] { return f->now; });
  auto check = Database::Open(f->path);
  if (!check.ok()) Die(check.status().ToString());
  f->check = std::move(check).value();
  f->budi = f->Login("budi", "fuzz-tab");
  f->loket1 = f->Login("loket1", "fuzz-kiosk");
  f->hr = f->Login("hr", "fuzz-hr");
  f->rina = f->Login("rina", "fuzz-rina");
  static std::string path = f->path;
  std::atexit([] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  });
  return f;
}

void CheckAnswer(const HttpResponse& res) {
  if (res.status >= 500 || res.status < 200) Die("status " + std::to_string(res.status) + ": " + res.body);
  auto j = ParseJson(res.body);
  if (!j.ok()) Die("the answer is not JSON: " + res.body);
  if (res.status != 200) {
    Status s = wire::StatusFromErrorJson(*j);
    if (s.ok() || s.code() == Code::kInternal) Die("not an error body: " + res.body);
  }
}

// A GET of `path` as the holder of `token`, with `rest` as its query string ("a=1&b=2").
void GetWithQuery(HttpRequest* r, const char* path, const std::string& token, const std::string& rest) {
  r->method = "GET";
  r->path = path;
  r->authorization = "Bearer " + token;
  r->body.clear();
  size_t pos = 0;
  while (pos <= rest.size()) {
    size_t amp = rest.find('&', pos);
    std::string kv = rest.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    size_t eq = kv.find('=');
    r->query[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
    if (amp == std::string::npos) break;
    pos = amp + 1;
  }
}

// The one-pass push reader reads only what the general reader reads, and reads it the same.
void CheckReadersAgree(const std::string& text) {
  wire::PushRequest usual;
  std::vector<std::string> texts;
  if (!wire::ReadUsualPushRequest(text, &usual, &texts)) return;
  auto j = ParseJson(text);
  if (!j.ok()) Die("the one-pass reader read malformed JSON: " + j.status().ToString());
  auto general = wire::PushRequestFromJson(*j);
  if (!general.ok()) Die("the one-pass reader read a push the general one refuses: " +
                         general.status().ToString());
  auto dump = [](const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); };
  if (dump(wire::ToJson(usual)) != dump(wire::ToJson(*general))) Die("the readers read different pushes");
  if (texts.size() != general->changes.size()) Die("one body text per change");
  for (size_t i = 0; i < texts.size(); ++i) {
    if (texts[i] != general->changes[i].body.dump()) Die("body text " + std::to_string(i) + " differs");
  }
}

}  // namespace
}  // namespace kinerja::server

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kinerja;
  using namespace kinerja::server;
  static Fixture* f = Setup();
  if (size == 0) return 0;
  int target = data[0] == '6' ? 6 : data[0] % 6;
  std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  HttpRequest r;
  r.remote_addr = "10.0.0.1";
  r.method = "POST";
  r.body = rest;
  switch (target) {
    case 0: r.path = "/api/v1/login"; break;
    case 1: r.path = "/api/v1/sync/push"; r.authorization = "Bearer " + f->budi; break;
    case 2: r.path = "/api/v1/sync/push"; r.authorization = "Bearer " + f->loket1; break;
    case 3: r.path = "/api/v1/sync/push"; r.authorization = "Bearer " + f->hr; break;
    case 4: GetWithQuery(&r, "/api/v1/sync/pull", f->budi, rest); break;
    case 5: r.path = "/api/v1/devices/revoke"; r.authorization = "Bearer " + f->rina; break;
    case 6: GetWithQuery(&r, "/api/v1/reports/training-needs", f->budi, rest); break;
  }
  if (target >= 1 && target <= 3) CheckReadersAgree(rest);
  HttpResponse res = f->api->Handle(r);
  CheckAnswer(res);

  if (r.path == "/api/v1/sync/push" && res.status == 200) {
    auto acks = wire::PushResponseFromJson(Json::parse(res.body));
    if (!acks.ok()) Die("push answer: " + acks.status().ToString());
    auto req = wire::PushRequestFromJson(Json::parse(rest));
    if (!req.ok() || req->changes.size() != acks->acks.size()) Die("one ack per change");
    for (const auto& a : acks->acks) {
      if (a.outcome != wire::Outcome::kDuplicate) ++f->changes;
    }
  }
  if (r.path == "/api/v1/sync/pull" && res.status == 200) {
    auto pull = wire::PullResponseFromJson(Json::parse(res.body));
    if (!pull.ok()) Die("pull answer: " + pull.status().ToString());
    const std::string budi_unit = "/pemkot/dpmptsp/pelayanan/";
    for (const auto& rec : pull->records) {
      // His subtree, and the unit and position records above it (reference data, not people's).
      bool inside = rec.unit_path.rfind(budi_unit, 0) == 0;
      bool above = (rec.kind == "unit" || rec.kind == "position") &&
                   budi_unit.rfind(rec.unit_path, 0) == 0;
      if (!inside && !above) Die("budi pulled a record outside his unit: " + rec.id);
    }
  }
  if (target == 6 && res.status == 200) {
    const Json report = Json::parse(res.body);
    for (const auto& e : report.value("employees", Json::array())) {
      static const std::set<std::string> kBudisStaff = {"e-ani", "e-dedi", "e-sri", "e-yusuf"};
      if (!kBudisStaff.count(e.value("id", ""))) Die("budi's report names " + e.dump());
    }
  }
  if (target == 5 && res.status == 200) {
    // Rina revoked her own tablet: she logs in again on a new one.
    f->rina = f->Login("rina", "fuzz-rina-" + std::to_string(++f->rina_devices));
  }
  int64_t stored = f->CountChanges();
  if (stored != f->changes) {
    Die("changes table has " + std::to_string(stored) + " rows, expected " +
        std::to_string(f->changes) + " after " + r.path + " -> " + std::to_string(res.status));
  }
  return 0;
}

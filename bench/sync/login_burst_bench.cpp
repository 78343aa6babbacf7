// Login burst (issue 16): every tablet of a city coming online at once, over loopback against
// the real HttpServer, in one run:
//   cost  one Argon2id verification alone, and verifications per second on all cores;
//   (a)   N simultaneous password logins, the hash queue unbounded (the old behaviour): each
//         waits its turn, the last for N / cores hashes;
//   (b)   N simultaneous password logins with the bound (ApiLimits::login_wait_bound_seconds):
//         the ones that cannot be done in time are answered 503 busy at once and come back
//         after Retry-After, as the app does; time to session counts from the burst's start;
//   (c)   N simultaneous session refreshes (POST /api/v1/session/refresh), no Argon2id.
// Errors are answers other than 200 (and 503 busy in (b)) or no answer at all.
#include <httplib.h>
#include <sodium.h>

#include <atomic>
#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bench/sync/bench_support.h"
#include "engine/sync/ids.h"
#include "server/auth/auth.h"
#include "server/cli/demo.h"
#include "server/http/api.h"
#include "server/http/http_server.h"
#include "server/store/central_store.h"
#include "shared/json_util.h"
#include "shared/wire/auth.h"

namespace kinerja::bench {
namespace {

constexpr const char* kPassword = "bench-password";

struct BurstOptions {
  int devices = 200;
  double bound_seconds = server::ApiLimits{}.login_wait_bound_seconds;
  bool keep = false;
};

bool ParseOptions(int argc, char** argv, BurstOptions* o) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--keep") {
      o->keep = true;
    } else if (a == "--devices" && i + 1 < argc) {
      o->devices = std::atoi(argv[++i]);
      if (o->devices < 1 || o->devices > 2000) return false;
    } else if (a == "--bound" && i + 1 < argc) {
      o->bound_seconds = std::atof(argv[++i]);
      if (o->bound_seconds <= 0 || o->bound_seconds > 60) return false;
    } else {
      return false;
    }
  }
  return true;
}

std::string Username(int i) {
  std::string n = std::to_string(i);
  return "burst" + std::string(n.size() < 4 ? 4 - n.size() : 0, '0') + n;
}

// The demo city and `devices` employee accounts sharing one password hash.
Status Seed(server::CentralStore& store, int devices) {
  KINERJA_RETURN_IF_ERROR(server::SeedDemoCity(store));
  KINERJA_RETURN_IF_ERROR(store.AddUnit("burst-u", "pemkot", "Bidang Uji Login", "bidang"));
  auto hash = server::HashPassword(kPassword);
  if (!hash.ok()) return hash.status();
  for (int i = 0; i < devices; ++i) {
    server::UserSpec u{Username(i), "", "Pegawai " + std::to_string(i), wire::Role::kEmployee,
                       "burst-u", "", *hash};
    auto id = store.AddUser(u);
    if (!id.ok()) return id.status();
  }
  return Status::Ok();
}

// Argon2id alone: ms per verification on one core, verifications per second on all cores.
void MeasureHashCost(double* ms_per_hash, double* per_second, int* cores) {
  auto hash = server::HashPassword(kPassword).value();
  const int n = 10;
  auto t0 = Clock::now();
  for (int i = 0; i < n; ++i) (void)server::VerifyPassword(hash, kPassword);
  *ms_per_hash = SecondsSince(t0) * 1000.0 / n;
  *cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  auto t1 = Clock::now();
  for (int c = 0; c < *cores; ++c) {
    threads.emplace_back([&] {
      for (int i = 0; i < n; ++i) {
        (void)server::VerifyPassword(hash, kPassword);
        ++done;
      }
    });
  }
  for (auto& t : threads) t.join();
  *per_second = done.load() / SecondsSince(t1);
}

// A server on a free loopback port over `store`, running until destroyed.
class LoopbackServer {
 public:
  LoopbackServer(server::CentralStore& store, double bound_seconds)
      : api_(store, Limits(bound_seconds), [] { return NowUnix(); }), http_(api_, Serve()) {
    auto port = http_.Bind();
    if (!port.ok()) {
      std::fprintf(stderr, "login-burst: %s\n", port.status().ToString().c_str());
      return;
    }
    port_ = *port;
    thread_ = std::thread([this] { (void)http_.Run(); });
  }
  ~LoopbackServer() {
    http_.Stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  server::Api& api() { return api_; }

 private:
  static server::ApiLimits Limits(double bound) {
    server::ApiLimits l;
    l.login_wait_bound_seconds = bound;  // 0: unbounded
    l.login_failures_allowed = 1 << 20;  // the bench is one address
    l.login_hash_seconds = server::TimeOneHash();  // as `kinerja serve` starts
    return l;
  }
  static server::ServeOptions Serve() {
    server::ServeOptions s;
    s.host = "127.0.0.1";
    s.port = 0;
    return s;
  }
  server::Api api_;
  server::HttpServer http_;
  int port_ = 0;
  std::thread thread_;
};

// What one simulated tablet saw in one phase.
struct Tablet {
  std::string token;
  double to_session_ms = 0;         // from the burst's start to a session (or to giving up)
  std::vector<double> request_ms;   // each request's own time
  int busy = 0;                     // 503 busy answers
  int errors = 0;
  std::string first_error;
  void Error(const std::string& what) {
    if (errors++ == 0) first_error = what.substr(0, 200);
  }
};

std::unique_ptr<httplib::Client> Client(int port) {
  auto cli = std::make_unique<httplib::Client>("127.0.0.1", port);
  cli->set_connection_timeout(10, 0);
  cli->set_read_timeout(120, 0);
  cli->set_write_timeout(30, 0);
  cli->set_keep_alive(false);
  cli->set_tcp_nodelay(true);
  return cli;
}

// Password login until a session, honouring Retry-After (at most 60 tries).
void LoginTablet(int i, int port, Tablet& t, Clock::time_point start) {
  auto cli = Client(port);
  Json req{{"username", Username(i)}, {"password", kPassword},
           {"device_id", "burst-tab-" + std::to_string(i)}, {"device_label", "burst tablet"}};
  const std::string body = req.dump();
  for (int attempt = 0; attempt < 60; ++attempt) {
    auto t0 = Clock::now();
    auto res = cli->Post("/api/v1/login", body, "application/json");
    t.request_ms.push_back(SecondsSince(t0) * 1000.0);
    if (!res) return t.Error("login transport " + httplib::to_string(res.error()));
    if (res->status == 503) {
      ++t.busy;
      int wait = std::atoi(res->get_header_value("Retry-After").c_str());
      if (wait < 1) return t.Error("busy without Retry-After: " + res->body);
      std::this_thread::sleep_for(std::chrono::seconds(wait));
      continue;
    }
    if (res->status != 200) return t.Error("login http " + std::to_string(res->status) + " " + res->body);
    auto j = ParseJson(res->body);
    auto s = j.ok() ? wire::SessionFromJson(*j) : Result<wire::Session>(j.status());
    if (!s.ok()) return t.Error("login bad answer " + res->body);
    t.token = s->token;
    t.to_session_ms = SecondsSince(start) * 1000.0;
    return;
  }
  t.Error("still busy after 60 tries");
}

void RefreshTablet(int port, Tablet& t, Clock::time_point start) {
  auto cli = Client(port);
  auto t0 = Clock::now();
  auto res = cli->Post("/api/v1/session/refresh", {{"Authorization", "Bearer " + t.token}}, "",
                       "application/json");
  t.request_ms.push_back(SecondsSince(t0) * 1000.0);
  if (!res) return t.Error("refresh transport " + httplib::to_string(res.error()));
  if (res->status != 200) return t.Error("refresh http " + std::to_string(res->status) + " " + res->body);
  auto j = ParseJson(res->body);
  auto s = j.ok() ? wire::SessionFromJson(*j) : Result<wire::Session>(j.status());
  if (!s.ok()) return t.Error("refresh bad answer " + res->body);
  t.token = s->token;
  t.to_session_ms = SecondsSince(start) * 1000.0;
}

// Runs `run(i, tablet, start)` on one thread per tablet, all released at once.
template <typename Fn>
double Burst(std::vector<Tablet>& tablets, Fn run) {
  std::barrier<> go(static_cast<std::ptrdiff_t>(tablets.size()) + 1);
  Clock::time_point start;
  std::vector<std::thread> threads;
  for (size_t i = 0; i < tablets.size(); ++i) {
    threads.emplace_back([&, i] {
      go.arrive_and_wait();
      run(static_cast<int>(i), tablets[i], start);
    });
  }
  start = Clock::now();
  go.arrive_and_wait();
  for (auto& t : threads) t.join();
  return SecondsSince(start);
}

struct PhaseFigures {
  LatencySummary to_session, requests;
  int busy = 0, errors = 0, sessions = 0;
  std::string first_error;
};

PhaseFigures Figures(const std::vector<Tablet>& tablets) {
  PhaseFigures f;
  std::vector<double> to_session, requests;
  for (const auto& t : tablets) {
    if (!t.token.empty() && t.errors == 0) {
      to_session.push_back(t.to_session_ms);
      ++f.sessions;
    }
    requests.insert(requests.end(), t.request_ms.begin(), t.request_ms.end());
    f.busy += t.busy;
    f.errors += t.errors;
    if (f.first_error.empty()) f.first_error = t.first_error;
  }
  f.to_session = Summarize(to_session);
  f.requests = Summarize(requests);
  return f;
}

void PrintPhase(const char* title, const PhaseFigures& f, double wall_s, bool show_busy) {
  std::printf("%s\n", title);
  PrintLatency("to session", f.to_session);
  if (show_busy) PrintLatency("each request", f.requests);
  std::printf("  sessions %d, %sproblems %d, wall %.2f s%s%s\n", f.sessions,
              show_busy ? ("busy answers " + std::to_string(f.busy) + ", ").c_str() : "", f.errors,
              wall_s, f.first_error.empty() ? "" : "; first: ", f.first_error.c_str());
}

}  // namespace

int RunLoginBurst(int argc, char** argv) {
  BurstOptions o;
  if (!ParseOptions(argc, argv, &o)) {
    std::fprintf(stderr, "login-burst: bad flags (--devices N, --bound SECONDS, --keep)\n");
    return 2;
  }
  ScratchDir dir("syncbench-login", o.keep);
  if (dir.Path().empty()) {
    std::fprintf(stderr, "login-burst: cannot make a temp folder\n");
    return 1;
  }
  std::printf("== login-burst: %d tablets at once over loopback HTTP (httplib %s, %d worker"
              " threads), bound %.2f s\n",
              o.devices, CPPHTTPLIB_VERSION, server::ServeOptions{}.worker_threads, o.bound_seconds);
  auto store = server::CentralStore::Open(dir.File("central.db"));
  if (!store.ok()) {
    std::fprintf(stderr, "login-burst: %s\n", store.status().ToString().c_str());
    return 1;
  }
  if (Status s = Seed(**store, o.devices); !s.ok()) {
    std::fprintf(stderr, "login-burst: seeding failed: %s\n", s.ToString().c_str());
    return 1;
  }
  double ms_per_hash = 0, per_second = 0;
  int cores = 0;
  MeasureHashCost(&ms_per_hash, &per_second, &cores);
  std::printf("cost  Argon2id (crypto_pwhash_str, INTERACTIVE: opslimit %llu, memlimit %zu MiB):"
              " %.1f ms a verification on one core, %.1f a second on %d cores\n",
              static_cast<unsigned long long>(crypto_pwhash_OPSLIMIT_INTERACTIVE),
              static_cast<size_t>(crypto_pwhash_MEMLIMIT_INTERACTIVE) >> 20, ms_per_hash,
              per_second, cores);

  const size_t n = static_cast<size_t>(o.devices);
  PhaseFigures a, b, c;
  double wall_a = 0, wall_b = 0, wall_c = 0;
  {
    LoopbackServer srv(**store, 0);
    if (srv.port() == 0) return 1;
    std::vector<Tablet> tablets(n);
    wall_a = Burst(tablets, [&](int i, Tablet& t, Clock::time_point start) {
      LoginTablet(i, srv.port(), t, start);
    });
    a = Figures(tablets);
  }
  PrintPhase("(a) password logins, queue unbounded (before issue 16)", a, wall_a, false);
  std::vector<Tablet> tablets(n);
  {
    LoopbackServer srv(**store, o.bound_seconds);
    if (srv.port() == 0) return 1;
    wall_b = Burst(tablets, [&](int i, Tablet& t, Clock::time_point start) {
      LoginTablet(i, srv.port(), t, start);
    });
    b = Figures(tablets);
    std::printf("  (hash queue's moving average after (b): %.1f ms a login on a core)\n",
                srv.api().login_queue().average_hash_seconds() * 1000.0);
  }
  PrintPhase("(b) password logins, bounded queue, clients honour Retry-After", b, wall_b, true);
  {
    LoopbackServer srv(**store, o.bound_seconds);
    if (srv.port() == 0) return 1;
    for (auto& t : tablets) {
      t.request_ms.clear();
      t.errors = 0;
      t.busy = 0;
      t.first_error.clear();
    }
    wall_c = Burst(tablets, [&](int, Tablet& t, Clock::time_point start) {
      RefreshTablet(srv.port(), t, start);
    });
    c = Figures(tablets);
  }
  PrintPhase("(c) session refreshes (no Argon2id)", c, wall_c, false);

  std::printf("ratios (same run): (a) p99 / (c) p99 = %.1fx; (b) p99 to session / (a) p99 = %.2f;"
              " (b) longest single request / bound = %.2f\n",
              a.to_session.p99 / std::max(0.001, c.to_session.p99),
              b.to_session.p99 / std::max(0.001, a.to_session.p99),
              b.requests.max / (o.bound_seconds * 1000.0));
  PrintTarget("refresh burst p99 < 2 s", Fixed(c.to_session.p99, 1) + " ms, " +
                                           std::to_string(c.errors) + " errors",
              "< 2000 ms, 0 errors", c.to_session.p99 < 2000 && c.errors == 0 &&
                                         c.sessions == o.devices);
  PrintTarget("bounded logins, no errors", std::to_string(b.errors) + " errors, " +
                                               std::to_string(b.sessions) + " sessions",
              "0 errors", b.errors == 0 && b.sessions == o.devices);
  return a.errors + b.errors + c.errors == 0 ? 0 : 1;
}

}  // namespace kinerja::bench

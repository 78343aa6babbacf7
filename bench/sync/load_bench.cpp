// Load: many devices syncing at once over loopback against the real HttpServer.
//
// Set-up: an on-disk central store with the demo city plus, per device, one supervisor
// account with two staff of their own in one of devices/10 extra units (one shared password
// hash, so seeding is fast). Then one client thread per device (its own httplib::Client to
// 127.0.0.1 and its own in-memory LocalStore): all log in together (Argon2id, timed apart),
// then all start syncing together: K rounds of write 1-5 notes, push the outbox (batches
// of 100, as the app does), pull until `more` is false, optionally wait a think time.
// Every request's latency is recorded. At the end the server's database is checked: every
// change a device got an ack for is stored exactly once, nothing stored was left unacked,
// no device has pending changes and every device pulled back all of its own notes.
#include <httplib.h>
#include <sys/resource.h>
#include <time.h>

#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "bench/sync/bench_support.h"
#include "engine/store/db.h"
#include "engine/sync/ids.h"
#include "engine/sync/local_store.h"
#include "engine/sync/sync_session.h"
#include "tests/support/httplib_sync_transport.h"
#include "server/http/api.h"
#include "server/auth/auth.h"
#include "server/store/central_store.h"
#include "server/cli/demo.h"
#include "server/http/http_server.h"

namespace kinerja::bench {
namespace {

constexpr const char* kPassword = "bench-password";

struct LoadOptions {
  int devices = 200;
  int rounds = 10;
  int think_ms = 0;  // mean pause before each round (uniform 0..2x); 0 = back to back
  bool keep_alive = false;
  int read_connections = server::CentralStore::kReadConnections;  // 0: reads on the writer
  int workers = server::ServeOptions{}.worker_threads;  // server worker threads
  int max_active = server::ServeOptions{}.max_active_requests;  // API requests in handlers at once
  bool keep = false;
};

bool ParseOptions(int argc, char** argv, LoadOptions* o) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    auto next_int = [&](int* out, int lo, int hi) {
      if (i + 1 >= argc) return false;
      *out = std::atoi(argv[++i]);
      return *out >= lo && *out <= hi;
    };
    if (a == "--keep") {
      o->keep = true;
    } else if (a == "--keep-alive") {
      o->keep_alive = true;
    } else if (a == "--devices") {
      if (!next_int(&o->devices, 1, 2000)) return false;
    } else if (a == "--rounds") {
      if (!next_int(&o->rounds, 1, 1000)) return false;
    } else if (a == "--think-ms") {
      if (!next_int(&o->think_ms, 0, 60000)) return false;
    } else if (a == "--workers") {
      if (!next_int(&o->workers, 1, 4096)) return false;
    } else if (a == "--max-active") {
      if (!next_int(&o->max_active, 0, 4096)) return false;
    } else if (a == "--read-connections") {
      if (!next_int(&o->read_connections, 0, 64)) return false;
    } else {
      return false;
    }
  }
  return true;
}

std::string Num(int v, int width) {
  std::string s = std::to_string(v);
  return std::string(s.size() < static_cast<size_t>(width) ? width - s.size() : 0, '0') + s;
}

// One supervisor per device, each appraising two staff; devices/10 units under pemkot.
Status SeedDevices(server::CentralStore& store, int devices) {
  KINERJA_RETURN_IF_ERROR(server::SeedDemoCity(store));
  auto hash = server::HashPassword(kPassword);
  if (!hash.ok()) return hash.status();
  int units = std::max(1, devices / 10);
  for (int u = 0; u < units; ++u) {
    KINERJA_RETURN_IF_ERROR(
        store.AddUnit("bench-u" + Num(u, 3), "pemkot", "Bidang Uji " + std::to_string(u), "bidang"));
  }
  for (int d = 0; d < devices; ++d) {
    std::string n = Num(d, 3), unit = "bench-u" + Num(d % units, 3);
    KINERJA_RETURN_IF_ERROR(store.UpsertEmployee(
        {"e-bsup" + n, "198501012010011" + n, "Kepala Seksi " + n, "Kepala Seksi", unit, "", ""}));
    for (int s = 1; s <= 2; ++s) {
      KINERJA_RETURN_IF_ERROR(store.UpsertEmployee(
          {"e-bstf" + n + "-" + std::to_string(s), "19950101202001" + std::to_string(s + 1) + n,
           "Staf " + n + "-" + std::to_string(s), "Pengadministrasi Umum", unit, "e-bsup" + n, ""}));
    }
    server::UserSpec u{"bsup" + n, "", "Kepala Seksi " + n, wire::Role::kSupervisor, unit,
                       "e-bsup" + n, *hash};
    auto id = store.AddUser(u);
    if (!id.ok()) return id.status();
  }
  return Status::Ok();
}

// Everything one simulated device did and saw.
struct Device {
  int index = 0;
  std::string username;
  std::string device_id;
  std::unique_ptr<LocalStore> local;
  std::string token;
  std::vector<double> login_ms, push_ms, pull_ms;
  std::vector<std::string> acked;  // change ids acknowledged by the server (may repeat)
  int64_t written = 0;
  double cpu_s = 0;  // this device thread's CPU time while syncing (client work, not server)
  int64_t errors = 0;
  std::map<std::string, int> error_kinds;
  std::string first_error;

  // Counts an error; returns false so failing steps can `return dev.Error(...)`.
  bool Error(const std::string& kind, const std::string& detail) {
    ++errors;
    ++error_kinds[kind];
    if (first_error.empty()) first_error = username + ": " + kind + " " + detail.substr(0, 200);
    return false;
  }
  httplib::Headers Auth() const { return {{"Authorization", "Bearer " + token}}; }
};

double MsSince(Clock::time_point t0) { return SecondsSince(t0) * 1000.0; }

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double ProcessCpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return secs(ru.ru_utime) + secs(ru.ru_stime);
}

bool Login(Device& dev, httplib::Client& cli) {
  Json req{{"username", dev.username}, {"password", kPassword}, {"device_id", dev.device_id},
           {"device_label", "bench tablet " + std::to_string(dev.index)}};
  auto t0 = Clock::now();
  auto res = cli.Post("/api/v1/login", req.dump(), "application/json");
  dev.login_ms.push_back(MsSince(t0));
  if (!res) {
    return dev.Error("login transport " + httplib::to_string(res.error()),
                     "after " + std::to_string(static_cast<int>(dev.login_ms.back())) + " ms");
  }
  if (res->status != 200) return dev.Error("login http " + std::to_string(res->status), res->body);
  auto j = ParseJson(res->body);
  auto session = j.ok() ? wire::SessionFromJson(*j) : Result<wire::Session>(j.status());
  if (!session.ok() || !dev.local->SaveSession(*session).ok()) {
    return dev.Error("login bad-answer", res->body);
  }
  dev.token = session->token;
  return true;
}

// One sync as the app runs it (the engine's SyncSession: pushes of 100, then pulls of 500),
// timing each request; false when it did not end well (the outbox stays for the next round).
bool SyncOnce(Device& dev, httplib::Client& cli) {
  auto send = [&](const SyncCall& call) {
    const bool push = call.method == "POST";
    const char* what = push ? "push" : "pull";
    auto t0 = Clock::now();
    std::string error;
    SyncAnswer answer = support::SendOverHttplib(cli, call, &error);
    (push ? dev.push_ms : dev.pull_ms).push_back(MsSince(t0));
    if (answer.status == 0) {
      dev.Error(std::string(what) + " transport " + error,
                "after " + std::to_string(static_cast<int>((push ? dev.push_ms : dev.pull_ms).back())) +
                    " ms");
    } else if (answer.status != 200) {
      dev.Error(std::string(what) + " http " + std::to_string(answer.status), answer.body);
    } else if (push) {
      auto j = ParseJson(answer.body);
      auto acks = j.ok() ? wire::PushResponseFromJson(*j) : Result<wire::PushResponse>(j.status());
      if (acks.ok()) {
        for (const auto& a : acks->acks) dev.acked.push_back(a.change_id);
      }
    }
    return answer;
  };
  SyncSession::Options options;
  options.pull_limit = 500;
  SyncSession s = RunSync(*dev.local, dev.token, send, options);
  switch (s.outcome()) {
    case SyncOutcome::kOk: return true;
    case SyncOutcome::kBadAnswer: return dev.Error("sync bad-answer", s.message());
    case SyncOutcome::kStoreError: return dev.Error("local", s.message());
    default: return false;  // counted by the transport above
  }
}

void RunDevice(Device& dev, int port, const LoadOptions& o, std::barrier<>& sync_point) {
  httplib::Client cli("127.0.0.1", port);
  cli.set_connection_timeout(10, 0);
  cli.set_read_timeout(120, 0);  // logins queue behind Argon2id on a busy 2-core machine
  cli.set_write_timeout(30, 0);
  cli.set_keep_alive(o.keep_alive);
  cli.set_tcp_nodelay(true);  // as browsers do; else a request's body waits for a delayed ACK
  std::mt19937 rng(static_cast<unsigned>(dev.index) * 7919u + 17u);

  sync_point.arrive_and_wait();  // everyone logs in at once
  bool logged_in = Login(dev, cli);
  sync_point.arrive_and_wait();  // everyone starts syncing at once
  if (!logged_in) return;
  auto session = dev.local->LoadSession();
  const std::string unit_path = session.ok() && *session ? (*session)->unit_path : "";
  const std::string n = Num(dev.index, 3);
  const double cpu0 = ThreadCpuSeconds();
  for (int round = 0; round < o.rounds; ++round) {
    if (o.think_ms > 0) {  // paced: a random pause before every round, the first included
      std::this_thread::sleep_for(std::chrono::milliseconds(rng() % static_cast<unsigned>(2 * o.think_ms + 1)));
    }
    int notes = 1 + static_cast<int>(rng() % 5);
    for (int k = 0; k < notes; ++k) {
      std::string staff = "e-bstf" + n + "-" + std::to_string(1 + (dev.written % 2));
      LocalStore::Edit edit;  // a new note (empty record id)
      edit.kind = "appraisal_note";
      edit.subject_id = staff;
      edit.unit_path = unit_path;
      edit.body = Json{{"employee_id", staff},
                       {"text", "Catatan kinerja ronde " + std::to_string(round) +
                                    ": menyelesaikan berkas tepat waktu dan ramah kepada pemohon"},
                       {"period", "2026-Q4"}};
      auto c = dev.local->Write(edit, NowUnix());
      if (!c.ok()) {
        dev.Error("local", c.status().ToString());
        continue;
      }
      ++dev.written;
    }
    SyncOnce(dev, cli);  // a failure leaves the outbox for the next round, as on a tablet
  }
  // A device that hit an error retries once more at the end, as the app's next sync would.
  auto pending = dev.local->PendingCount();
  if (pending.ok() && *pending > 0) {
    SyncOnce(dev, cli);
  }
  dev.cpu_s = ThreadCpuSeconds() - cpu0;
}

struct Integrity {
  int64_t written = 0, acked = 0, stored = 0, lost = 0, duplicated = 0, stored_unacked = 0;
  int64_t pending = 0, note_records = 0, devices_missing_notes = 0;
  bool Clean() const {
    return lost == 0 && duplicated == 0 && stored_unacked == 0 && pending == 0 &&
           written == acked && note_records == written && devices_missing_notes == 0;
  }
};

// Compares what the devices were told with what the server's database holds.
Result<Integrity> Verify(const std::string& db_path, std::vector<Device>& devices) {
  Integrity out;
  auto db = Database::Open(db_path);
  if (!db.ok()) return db.status();
  std::map<std::string, int64_t> stored;  // change id -> rows, for the bench devices' changes
  std::set<std::string> bench_devices;
  for (auto& d : devices) bench_devices.insert(d.device_id);
  auto st = (*db)->Prepare("SELECT change_id, device_id, count(*) FROM changes GROUP BY change_id");
  if (!st.ok()) return st.status();
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (bench_devices.count(st->ColumnText(1))) stored[st->ColumnText(0)] += st->ColumnInt(2);
  }
  std::set<std::string> acked;
  for (auto& d : devices) {
    out.written += d.written;
    acked.insert(d.acked.begin(), d.acked.end());
    auto p = d.local->PendingCount();
    out.pending += p.ok() ? *p : 1;
    auto notes = d.local->List("appraisal_note");
    int64_t with_server_version = 0;
    if (notes.ok()) {
      for (const auto& r : *notes) with_server_version += r.version == 1 ? 1 : 0;
    }
    if (!notes.ok() || with_server_version != d.written) ++out.devices_missing_notes;
  }
  out.acked = static_cast<int64_t>(acked.size());
  for (const auto& [id, rows] : stored) {
    out.stored += rows;
    if (rows > 1) out.duplicated += rows - 1;
    if (!acked.count(id)) ++out.stored_unacked;
  }
  for (const auto& id : acked) {
    if (!stored.count(id)) ++out.lost;
  }
  auto notes = (*db)->Prepare(
      "SELECT count(*), count(DISTINCT id), coalesce(sum(version <> 1 OR conflict <> 0), 0)"
      " FROM records WHERE kind='appraisal_note'");
  if (!notes.ok()) return notes.status();
  auto row = notes->Step();
  if (!row.ok()) return row.status();
  out.note_records = notes->ColumnInt(0);
  out.duplicated += notes->ColumnInt(0) - notes->ColumnInt(1) + notes->ColumnInt(2);
  return out;
}

using ConnectionTimes = std::vector<server::LockOpStats>;

ConnectionTimes TakeTimes(const server::CentralStore& store) {
  ConnectionTimes out;
  for (int i = 0; i < static_cast<int>(server::LockedOp::kCount); ++i) {
    out.push_back(store.ConnectionTimes().Get(static_cast<server::LockedOp>(i)));
  }
  return out;
}

// Per operation during the sync phase: how long requests waited for and held the writer
// lock or a read connection, and the share of the phase the writer lock was held.
void PrintConnectionTimes(const ConnectionTimes& before, const ConnectionTimes& after, double sync_s) {
  double writer_held_s = 0;
  for (size_t i = 0; i < after.size(); ++i) {
    int64_t n = after[i].count - before[i].count;
    if (n == 0) continue;
    double wait_ms = static_cast<double>(after[i].wait_ns - before[i].wait_ns) / 1e6;
    double hold_ms = static_cast<double>(after[i].hold_ns - before[i].hold_ns) / 1e6;
    if (after[i].on_writer) writer_held_s += hold_ms / 1000.0;
    std::printf("  %-12s %-17s n=%-6lld wait mean %6.2f ms  hold mean %6.2f ms  (max hold since start %.1f ms)\n",
                server::LockedOpName(static_cast<server::LockedOp>(i)),
                after[i].on_writer ? "on writer lock" : "on read conn", static_cast<long long>(n),
                wait_ms / static_cast<double>(n), hold_ms / static_cast<double>(n),
                static_cast<double>(after[i].max_hold_ns) / 1e6);
  }
  std::printf("  writer lock held %.2f s of %.2f s (%.0f%%)\n", writer_held_s, sync_s,
              100.0 * writer_held_s / sync_s);
}

}  // namespace

int RunLoad(int argc, char** argv) {
  LoadOptions o;
  if (!ParseOptions(argc, argv, &o)) {
    std::fprintf(stderr, "load: bad flags (--devices N, --rounds K, --think-ms MS, --keep-alive,"
                         " --read-connections N, --workers N, --max-active N, --keep)\n");
    return 2;
  }
  ScratchDir dir("syncbench-load", o.keep);
  if (dir.Path().empty()) {
    std::fprintf(stderr, "load: cannot make a temp folder\n");
    return 1;
  }
  std::printf("== load: %d devices over loopback HTTP, %d sync rounds each (1-5 notes, push, pull),"
              " think time %d ms, keep-alive %s, httplib %s with %d server worker threads,"
              " %d API requests in handlers at once (0: unbounded), %d read connections beside the writer\n",
              o.devices, o.rounds, o.think_ms, o.keep_alive ? "on" : "off", CPPHTTPLIB_VERSION,
              o.workers, o.max_active, o.read_connections);
  const std::string db_path = dir.File("central.db");
  auto t_setup = Clock::now();
  auto store = server::CentralStore::Open(db_path, o.read_connections);
  if (!store.ok()) {
    std::fprintf(stderr, "load: %s\n", store.status().ToString().c_str());
    return 1;
  }
  if (Status s = SeedDevices(**store, o.devices); !s.ok()) {
    std::fprintf(stderr, "load: seeding failed: %s\n", s.ToString().c_str());
    return 1;
  }
  server::Api api(**store, server::ApiLimits{}, [] { return NowUnix(); });
  server::ServeOptions serve;
  serve.host = "127.0.0.1";
  serve.port = 0;
  serve.worker_threads = o.workers;
  serve.max_active_requests = o.max_active;
  server::HttpServer http(api, serve);
  auto port = http.Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "load: %s\n", port.status().ToString().c_str());
    return 1;
  }
  std::thread server_thread([&http] { (void)http.Run(); });

  std::vector<Device> devices(static_cast<size_t>(o.devices));
  for (int i = 0; i < o.devices; ++i) {
    Device& d = devices[static_cast<size_t>(i)];
    d.index = i;
    d.username = "bsup" + Num(i, 3);
    auto local = LocalStore::Open(":memory:");
    if (!local.ok()) {
      std::fprintf(stderr, "load: %s\n", local.status().ToString().c_str());
      http.Stop();
      server_thread.join();
      return 1;
    }
    d.local = std::move(local).value();
    d.device_id = d.local->DeviceId().value();
  }
  std::printf("setup     %.2f s (store, %d accounts, server on 127.0.0.1:%d)\n", SecondsSince(t_setup),
              o.devices, *port);

  std::barrier<> sync_point(o.devices + 1);
  std::vector<std::thread> threads;
  for (auto& d : devices) {
    threads.emplace_back([&d, &o, &sync_point, p = *port] { RunDevice(d, p, o, sync_point); });
  }
  sync_point.arrive_and_wait();
  auto t_login = Clock::now();
  sync_point.arrive_and_wait();
  double login_s = SecondsSince(t_login);
  auto t_sync = Clock::now();
  const double cpu_sync0 = ProcessCpuSeconds();
  const ConnectionTimes times0 = TakeTimes(**store);
  for (auto& t : threads) t.join();
  double sync_s = SecondsSince(t_sync);
  const double cpu_sync = ProcessCpuSeconds() - cpu_sync0;
  const ConnectionTimes times1 = TakeTimes(**store);
  http.Stop();
  server_thread.join();

  std::vector<double> login_ms, push_ms, pull_ms, sync_ms;
  int64_t errors = 0, login_errors = 0;
  double client_cpu = 0;
  std::map<std::string, int> kinds;
  std::string first_error;
  for (auto& d : devices) {
    login_ms.insert(login_ms.end(), d.login_ms.begin(), d.login_ms.end());
    push_ms.insert(push_ms.end(), d.push_ms.begin(), d.push_ms.end());
    pull_ms.insert(pull_ms.end(), d.pull_ms.begin(), d.pull_ms.end());
    errors += d.errors;
    client_cpu += d.cpu_s;
    for (const auto& [k, v] : d.error_kinds) {
      kinds[k] += v;
      if (k.rfind("login", 0) == 0) login_errors += v;
    }
    if (first_error.empty()) first_error = d.first_error;
  }
  sync_ms = push_ms;
  sync_ms.insert(sync_ms.end(), pull_ms.begin(), pull_ms.end());
  auto integrity = Verify(db_path, devices);
  if (!integrity.ok()) {
    std::fprintf(stderr, "load: verification failed: %s\n", integrity.status().ToString().c_str());
    return 1;
  }
  const Integrity& v = *integrity;

  std::printf("login     %d devices at once in %.2f s (Argon2id verify per login; not a sync request)\n",
              o.devices, login_s);
  PrintLatency("login", Summarize(login_ms));
  std::printf("sync      %zu requests in %.2f s = %.0f requests/s; %lld changes pushed = %.0f changes/s\n",
              sync_ms.size(), sync_s, static_cast<double>(sync_ms.size()) / sync_s,
              static_cast<long long>(v.written), static_cast<double>(v.written) / sync_s);
  auto all = Summarize(sync_ms);
  double server_cpu = cpu_sync - client_cpu;  // every thread that is not a device: the server
  std::printf("cpu       %.2f core-s while syncing: devices %.2f, server %.2f = %.2f ms server CPU per"
              " request (%.0f requests/s per core if the server had the cores to itself)\n",
              cpu_sync, client_cpu, server_cpu, server_cpu * 1000.0 / static_cast<double>(sync_ms.size()),
              static_cast<double>(sync_ms.size()) / server_cpu);
  PrintConnectionTimes(times0, times1, sync_s);
  PrintLatency("push", Summarize(push_ms));
  PrintLatency("pull", Summarize(pull_ms));
  PrintLatency("push+pull", all);
  std::printf("errors    %lld", static_cast<long long>(errors));
  for (const auto& [k, n] : kinds) std::printf("  [%s: %d]", k.c_str(), n);
  std::printf("\n");
  if (!first_error.empty()) std::printf("          first: %s\n", first_error.c_str());
  std::printf("integrity written %lld, acked %lld, stored %lld, lost %lld, duplicated %lld,"
              " stored-but-unacked %lld, pending on devices %lld, note records %lld,"
              " devices missing own notes %lld\n",
              static_cast<long long>(v.written), static_cast<long long>(v.acked),
              static_cast<long long>(v.stored), static_cast<long long>(v.lost),
              static_cast<long long>(v.duplicated), static_cast<long long>(v.stored_unacked),
              static_cast<long long>(v.pending), static_cast<long long>(v.note_records),
              static_cast<long long>(v.devices_missing_notes));
  const std::string tag =
      "load.think" + std::to_string(o.think_ms) + "ms." + (o.keep_alive ? "keepalive." : "");
  PrintTarget((tag + "p99").c_str(), Fixed(all.p99, 1) + " ms (push+pull)", "< 200 ms", all.p99 < 200.0);
  PrintTarget((tag + "errors").c_str(),
              std::to_string(errors) + " (login " + std::to_string(login_errors) + ")", "0", errors == 0);
  PrintTarget((tag + "lost_or_dup").c_str(),
              std::to_string(v.lost) + " lost, " + std::to_string(v.duplicated) + " dup",
              "0, 0, nothing pending", v.Clean());
  std::fflush(stdout);
  return v.lost == 0 && v.duplicated == 0 ? 0 : 1;
}

}  // namespace kinerja::bench

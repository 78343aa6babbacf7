// Ingest: how fast the central store accepts pushed changes, next to the raw SQLite insert
// rate of the same machine measured in the same run (the physical limit).
//
// Server side: a fresh on-disk store (WAL, synchronous=NORMAL as CentralStore::Open sets
// them) with the demo city; supervisor budi logs in once from one device and pushes N new
// appraisal notes about his own staff through Api::Handle, so request decoding, checks,
// the transaction and response encoding all count, as in the server; only the socket is
// missing (the load benchmark covers it). Building the device's request bodies is the
// device's work and is not timed.
//
// Raw side: plain INSERTs of rows of about the same size (~230 bytes, a time-ordered UUID
// text primary key as devices make them) into a fresh file, same pragmas, same rows per
// transaction. Measured before and after the server run; the mean is the reference, both
// are printed. Two more references, SQL alone: the rows the store writes for a new note,
// and a floor under any store that keeps the protocol's promises (FloorStoreRate).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bench/sync/bench_support.h"
#include "engine/store/db.h"
#include "engine/sync/ids.h"
#include "server/http/api.h"
#include "server/store/central_store.h"
#include "server/cli/demo.h"
#include "shared/wire/push_reader.h"
#include "shared/wire/response_text.h"

namespace kinerja::bench {
namespace {

constexpr const char* kStaff[] = {"e-ani", "e-dedi", "e-sri", "e-yusuf"};  // budi appraises these
constexpr const char* kNotes[] = {
    "Melayani pemohon dengan ramah dan menjelaskan persyaratan izin usaha dengan jelas",
    "Berkas OSS diverifikasi tepat waktu; dua berkas dikembalikan dengan catatan perbaikan",
    "Membantu rekan di loket saat antrean panjang, tetap tenang menghadapi keluhan warga",
    "Perlu lebih teliti memeriksa dokumen lingkungan sebelum meneruskan ke tim teknis",
};

struct IngestOptions {
  int64_t changes = 100000;
  std::vector<int64_t> batches = {500, 100};
  bool keep = false;
  bool server_only = false;  // for a profiler: the server's push path alone, no raw runs
};

bool ParseOptions(int argc, char** argv, IngestOptions* o) {
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--keep") {
      o->keep = true;
    } else if (a == "--server-only") {
      o->server_only = true;
    } else if (a == "--changes") {
      const char* v = next();
      if (!v || (o->changes = std::atoll(v)) <= 0) return false;
    } else if (a == "--batches") {
      const char* v = next();
      if (!v) return false;
      o->batches.clear();
      for (std::string s = v; !s.empty();) {
        size_t comma = s.find(',');
        int64_t b = std::atoll(s.substr(0, comma).c_str());
        if (b <= 0 || b > static_cast<int64_t>(wire::kMaxChangesPerPush)) return false;
        o->batches.push_back(b);
        s = comma == std::string::npos ? "" : s.substr(comma + 1);
      }
    } else {
      return false;
    }
  }
  return !o->batches.empty();
}

// What the SQL-only references insert: ids made up front (only SQLite is timed), as a device
// makes them, and the notes' bodies as the server stores them.
struct SyntheticChanges {
  std::vector<std::string> ids, records, bodies;
  std::string device = NewId(), user = NewId(), created = IsoUtc(NowUnix());

  explicit SyntheticChanges(int64_t rows)
      : ids(static_cast<size_t>(rows)), records(static_cast<size_t>(rows)) {
    for (auto& id : ids) id = NewId();
    for (auto& r : records) r = NewId();
    for (size_t k = 0; k < 4; ++k) {
      bodies.push_back(
          Json{{"employee_id", kStaff[k]}, {"text", kNotes[k]}, {"period", "2026-Q4"}}.dump());
    }
  }
};

// A fresh file at `path` with the server's durability settings and `schema` run on it.
Result<std::unique_ptr<Database>> FreshFile(const std::string& path, const char* schema) {
  auto db = Database::Open(path);
  if (!db.ok()) return db.status();
  KINERJA_RETURN_IF_ERROR((*db)->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
  if (schema) KINERJA_RETURN_IF_ERROR((*db)->Exec(schema));
  return db;
}

// Times `write(i)` for i in [0, rows), `per_tx` to a transaction on `d`. Rows per second.
Result<double> TimedInserts(Database& d, int64_t rows, int64_t per_tx,
                            const std::function<Status(size_t)>& write) {
  auto t0 = Clock::now();
  for (int64_t done = 0; done < rows;) {
    KINERJA_RETURN_IF_ERROR(d.Begin());
    for (int64_t k = 0; k < per_tx && done < rows; ++k, ++done) {
      Status s = write(static_cast<size_t>(done));
      if (!s.ok()) {
        d.Rollback();
        return s;
      }
    }
    KINERJA_RETURN_IF_ERROR(d.Commit());
  }
  return static_cast<double>(rows) / SecondsSince(t0);
}

// Rows per second for `rows` plain INSERTs, `per_tx` to a transaction, into a fresh file.
Result<double> RawInsertRate(const std::string& path, int64_t rows, int64_t per_tx) {
  SyntheticChanges c(rows);
  std::vector<std::string> texts;
  for (const char* n : kNotes) texts.push_back(std::string(n).substr(0, 90));
  auto db = FreshFile(
      path,
      "CREATE TABLE rows(id TEXT PRIMARY KEY, record_id TEXT NOT NULL, device_id TEXT NOT NULL,"
      " kind TEXT NOT NULL, base INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)");
  if (!db.ok()) return db.status();
  auto ins = (*db)->Prepare(
      "INSERT INTO rows(id, record_id, device_id, kind, base, body, created_at)"
      " VALUES(?,?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  return TimedInserts(**db, rows, per_tx, [&](size_t i) {
    ins->Reset();
    return ins->Bind(1, c.ids[i]).Bind(2, c.records[i]).Bind(3, c.device)
        .Bind(4, "appraisal_note").Bind(5, 0).Bind(6, texts[i % texts.size()])
        .Bind(7, c.created).Run();
  });
}

// The same rows per second, but writing what the central store writes for one new note: a
// `records` row that also holds the change (schema v7), with the store's own indexes. The
// gap between this and RawInsertRate is the schema's cost; the gap between this and the
// server is the server's own work (checks, JSON, statements).
Result<double> RawStoreRowsRate(const std::string& path, int64_t rows, int64_t per_tx) {
  {
    // The store's own schema, at its current version: open it once through CentralStore.
    auto store = server::CentralStore::Open(path);
    if (!store.ok()) return store.status();
  }
  SyntheticChanges c(rows);
  auto db = FreshFile(path, nullptr);
  if (!db.ok()) return db.status();
  auto rec = (*db)->Prepare(
      "INSERT INTO records(id, kind, version, unit_path, subject_id, author_id, body, seq,"
      " updated_at, change_id, device_id, created_at)"
      " VALUES(?,'appraisal_note',1,'/pemkot/dpmptsp/pelayanan/',?,?,?,?,?,?,?,?)");
  if (!rec.ok()) return rec.status();
  return TimedInserts(**db, rows, per_tx, [&](size_t i) {
    rec->Reset();
    return rec->Bind(1, c.records[i]).Bind(2, kStaff[i % 4]).Bind(3, c.user)
        .Bind(4, c.bodies[i % c.bodies.size()]).Bind(5, static_cast<int64_t>(i) + 1)
        .Bind(6, c.created).Bind(7, c.ids[i]).Bind(8, c.device).Bind(9, c.created).Run();
  });
}

// A floor under any store that keeps the protocol's promises, SQL alone: one table, one row
// per change, no JSON and no checks. Per change it does the least the protocol needs: one
// lookup of the record's current version (an edit must be applied on its own base, or kept
// as a conflict), and one INSERT. The change id is UNIQUE (a resend is stored once, by a
// database constraint in the same transaction), the record id and version are indexed (for
// that lookup), and the row holds what a scoped pull and the audit need (unit, subject,
// author, device, times, outcome). One transaction per batch, as the target's batches.
// Options the server itself takes (page cache, temp store) are left at SQLite's defaults,
// as in the raw reference.
Result<double> FloorStoreRate(const std::string& path, int64_t rows, int64_t per_tx) {
  SyntheticChanges c(rows);
  auto db = FreshFile(
      path,
      "CREATE TABLE log(seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL UNIQUE,"
      " record_id TEXT NOT NULL, version INTEGER NOT NULL, kind TEXT NOT NULL,"
      " unit_path TEXT NOT NULL, subject_id TEXT NOT NULL, author_id TEXT NOT NULL,"
      " device_id TEXT NOT NULL, base_version INTEGER NOT NULL, body TEXT NOT NULL,"
      " outcome TEXT NOT NULL, created_at TEXT NOT NULL, received_at TEXT NOT NULL);"
      "CREATE INDEX log_record ON log(record_id, version);");
  if (!db.ok()) return db.status();
  auto head = (*db)->Prepare("SELECT max(version) FROM log WHERE record_id=?");
  if (!head.ok()) return head.status();
  auto ins = (*db)->Prepare(
      "INSERT INTO log(seq, change_id, record_id, version, kind, unit_path, subject_id,"
      " author_id, device_id, base_version, body, outcome, created_at, received_at)"
      " VALUES(?,?,?,1,'appraisal_note','/pemkot/dpmptsp/pelayanan/',?,?,?,0,?,'applied',?,?)");
  if (!ins.ok()) return ins.status();
  return TimedInserts(**db, rows, per_tx, [&](size_t i) -> Status {
    head->Reset();
    head->Bind(1, c.records[i]);
    auto found = head->Step();
    if (!found.ok()) return found.status();
    ins->Reset();
    return ins->Bind(1, static_cast<int64_t>(i) + 1).Bind(2, c.ids[i]).Bind(3, c.records[i])
        .Bind(4, kStaff[i % 4]).Bind(5, c.user).Bind(6, c.device)
        .Bind(7, c.bodies[i % c.bodies.size()]).Bind(8, c.created).Bind(9, c.created).Run();
  });
}

// One push batch as the device sends it: a request with a ready JSON body.
server::HttpRequest PushRequestFor(const std::string& token, const std::string& device,
                                   int64_t first, int64_t count, const std::string& created) {
  wire::PushRequest push;
  push.device_id = device;
  for (int64_t i = first; i < first + count; ++i) {
    wire::Change c;
    c.change_id = NewId();
    c.record_id = NewId();
    c.kind = "appraisal_note";
    c.base_version = 0;
    size_t k = static_cast<size_t>(i);
    c.body = Json{{"employee_id", kStaff[k % 4]},
                  {"text", std::string(kNotes[(k / 4) % 4]) + " (" + std::to_string(i) + ")"},
                  {"period", "2026-Q4"}};
    c.created_at = created;
    push.changes.push_back(std::move(c));
  }
  server::HttpRequest r;
  r.method = "POST";
  r.path = "/api/v1/sync/push";
  r.authorization = "Bearer " + token;
  r.remote_addr = "127.0.0.1";
  r.body = wire::ToJson(push).dump();
  return r;
}

struct ServerRun {
  double per_sec = 0;
  double seconds = 0;
  LatencySummary batch_ms;
  double decode_us = 0;  // per change: request JSON text -> PushRequest (and body texts), timed apart
  double encode_us = 0;  // per change: PushResponse -> JSON text, timed apart
};

// Pushes `changes` new notes in batches of `batch` into a fresh store at `path`.
Result<ServerRun> ServerIngest(const std::string& path, int64_t changes, int64_t batch) {
  auto store = server::CentralStore::Open(path);
  if (!store.ok()) return store.status();
  KINERJA_RETURN_IF_ERROR(server::SeedDemoCity(**store));
  server::Api api(**store, server::ApiLimits{}, [] { return NowUnix(); });

  const std::string device = NewId();
  server::HttpRequest login;
  login.method = "POST";
  login.path = "/api/v1/login";
  login.remote_addr = "127.0.0.1";
  login.body = Json{{"username", "budi"}, {"password", server::kDemoPassword},
                    {"device_id", device}, {"device_label", "bench tablet"}}.dump();
  server::HttpResponse lr = api.Handle(login);
  if (lr.status != 200) return Status::Internal("login failed: " + lr.body);
  auto session = ParseJson(lr.body);
  if (!session.ok()) return session.status();
  const std::string token = session->value("token", "");

  // The device's work (building 100k changes and their JSON) happens before the clock.
  const std::string created = IsoUtc(NowUnix());
  std::vector<server::HttpRequest> requests;
  for (int64_t first = 0; first < changes; first += batch) {
    requests.push_back(PushRequestFor(token, device, first, std::min(batch, changes - first), created));
  }

  std::vector<double> batch_ms;
  std::vector<std::string> answers;
  answers.reserve(requests.size());
  double total = 0;
  for (const auto& req : requests) {
    auto t0 = Clock::now();
    server::HttpResponse out = api.Handle(req);
    double s = SecondsSince(t0);
    total += s;
    batch_ms.push_back(s * 1000.0);
    if (out.status != 200) return Status::Internal("push answered " + std::to_string(out.status) + ": " + out.body);
    answers.push_back(std::move(out.body));
  }

  // Every change must come back applied, and be stored once.
  int64_t applied = 0;
  for (const auto& a : answers) {
    auto j = ParseJson(a);
    if (!j.ok()) return j.status();
    auto resp = wire::PushResponseFromJson(*j);
    if (!resp.ok()) return resp.status();
    for (const auto& ack : resp->acks) applied += ack.outcome == wire::Outcome::kApplied ? 1 : 0;
  }
  auto notes = (*store)->CountRecords("appraisal_note");
  if (!notes.ok()) return notes.status();
  if (applied != changes || *notes != changes) {
    return Status::Internal("expected " + std::to_string(changes) + " applied and stored, got " +
                            std::to_string(applied) + " acks and " + std::to_string(*notes) +
                            " notes");
  }
  ServerRun run;
  // Where the time went: the codec steps Api::Handle runs, repeated here on the same text.
  auto t_decode = Clock::now();
  for (const auto& req : requests) {
    std::vector<std::string> body_texts;
    if (!wire::ReadPushRequest(req.body, &body_texts).ok()) return Status::Internal("decode failed");
  }
  run.decode_us = SecondsSince(t_decode) * 1e6 / static_cast<double>(changes);
  std::vector<wire::PushResponse> decoded;
  for (const auto& a : answers) decoded.push_back(wire::PushResponseFromJson(ParseJson(a).value()).value());
  auto t_encode = Clock::now();
  size_t bytes = 0;
  for (const auto& r : decoded) bytes += wire::PushResponseText(r).size();
  run.encode_us = SecondsSince(t_encode) * 1e6 / static_cast<double>(changes);
  if (bytes == 0) return Status::Internal("encode failed");
  run.seconds = total;
  run.per_sec = static_cast<double>(changes) / total;
  run.batch_ms = Summarize(std::move(batch_ms));
  return run;
}

}  // namespace

int RunIngest(int argc, char** argv) {
  IngestOptions o;
  if (!ParseOptions(argc, argv, &o)) {
    std::fprintf(stderr, "ingest: bad flags (--changes N, --batches 500,100, --server-only, --keep)\n");
    return 2;
  }
  ScratchDir dir("syncbench-ingest", o.keep);
  if (dir.Path().empty()) {
    std::fprintf(stderr, "ingest: cannot make a temp folder\n");
    return 1;
  }
  std::printf("== ingest: %lld appraisal notes pushed through Api::Handle (on-disk store, WAL,"
              " synchronous=NORMAL) vs raw SQLite INSERTs of ~230-byte rows\n",
              static_cast<long long>(o.changes));
  bool first = true;
  for (int64_t batch : o.batches) {
    std::string b = std::to_string(batch);
    if (o.server_only) {
      auto srv = ServerIngest(dir.File("central-" + b + ".db"), o.changes, batch);
      if (!srv.ok()) {
        std::fprintf(stderr, "ingest (batch %s) failed: %s\n", b.c_str(), srv.status().ToString().c_str());
        return 1;
      }
      std::printf("batch %-4s server      %8.0f changes/s  (%lld changes in %.2f s; no raw reference)\n",
                  b.c_str(), srv->per_sec, static_cast<long long>(o.changes), srv->seconds);
      continue;
    }
    auto raw1 = RawInsertRate(dir.File("raw-a-" + b + ".db"), o.changes, batch);
    auto srv = ServerIngest(dir.File("central-" + b + ".db"), o.changes, batch);
    auto raw2 = RawInsertRate(dir.File("raw-b-" + b + ".db"), o.changes, batch);
    auto rows2 = RawStoreRowsRate(dir.File("raw-store-" + b + ".db"), o.changes, batch);
    auto floor = FloorStoreRate(dir.File("floor-" + b + ".db"), o.changes, batch);
    for (const Status& s : {raw1.status(), srv.status(), raw2.status(), rows2.status(), floor.status()}) {
      if (!s.ok()) {
        std::fprintf(stderr, "ingest (batch %s) failed: %s\n", b.c_str(), s.ToString().c_str());
        return 1;
      }
    }
    double raw = (*raw1 + *raw2) / 2;
    double ratio = srv->per_sec / raw;
    std::printf("batch %-4s raw SQLite  %8.0f rows/s  (before %.0f, after %.0f; %s-row transactions)\n",
                b.c_str(), raw, *raw1, *raw2, b.c_str());
    std::printf("batch %-4s server      %8.0f changes/s  (%lld changes in %.2f s)  ratio %.2f\n",
                b.c_str(), srv->per_sec, static_cast<long long>(o.changes), srv->seconds, ratio);
    std::printf("batch %-4s raw, the store's row per new note  %8.0f changes/s  (server = %.2f of it)\n",
                b.c_str(), *rows2, srv->per_sec / *rows2);
    // The best a server on this floor could do: the floor's SQL plus reading the request
    // as this server reads it (the JSON into a PushRequest), and nothing else.
    const double ceiling = 1e6 / (1e6 / *floor + srv->decode_us);
    std::printf("batch %-4s floor: one-table store, SQL alone  %8.0f changes/s  (%.2f of raw;"
                " server = %.2f of it)\n",
                b.c_str(), *floor, *floor / raw, srv->per_sec / *floor);
    std::printf("batch %-4s ceiling: the floor + reading the request (%.1f us a change)  %8.0f"
                " changes/s  (%.2f of raw)\n",
                b.c_str(), srv->decode_us, ceiling, ceiling / raw);
    double per_change = 1e6 / srv->per_sec;
    std::printf("           server per change %.1f us: JSON decode %.1f, encode %.1f, the rest"
                " (auth, checks, SQL) %.1f; raw row %.1f us, raw store rows %.1f us\n",
                per_change, srv->decode_us, srv->encode_us,
                per_change - srv->decode_us - srv->encode_us, 1e6 / raw, 1e6 / *rows2);
    PrintLatency(("push of " + b).c_str(), srv->batch_ms);
    // The target is for the protocol's largest batch (the first one listed).
    if (first) PrintTarget(("ingest.ratio.batch" + b).c_str(), Fixed(ratio, 2) + " of raw", ">= 0.50", ratio >= 0.5);
    else std::printf("INFO   ingest.ratio.batch%-14s %.2f of raw\n", b.c_str(), ratio);
    first = false;
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace kinerja::bench

#include "server/cli/cli.h"

#include <csignal>
#include <filesystem>
#include <iostream>
#include <map>

#include "engine/org/roster_csv.h"
#include "engine/sync/ids.h"
#include "server/http/api.h"
#include "server/auth/auth.h"
#include "server/store/central_store.h"
#include "server/kinds/competency_kinds.h"
#include "server/cli/demo.h"
#include "server/cli/demo_history.h"
#include "server/cli/import_unsynced.h"
#include "server/cli/engine_commands.h"
#include "server/http/http_server.h"

namespace kinerja::server {
namespace {

constexpr const char* kHelp = R"(kinerja - ASN performance evaluation: server, admin and scoring tools

Usage:
  kinerja serve [--host 127.0.0.1] [--port 8080] [--db data/kinerja.db] [--public public]
                [--demo [--no-history]] [--demo-staff N] [--tls-cert FILE --tls-key FILE]
                [--threads 64]
      Start the sync server and serve the web app. --demo seeds a demo city with a year of
      history into an empty database (logins in docs/demo.md); --demo-staff N (implies
      --demo) also adds N generated employees under one supervisor, login upt (load tests,
      benchmarks); --no-history seeds the small city alone (the browser tests).
      --threads: worker threads, at least the number of devices connected at once (a
      kept-alive connection holds its worker while open).
  kinerja demo [--db FILE] [--staff N] [--no-history]
                                           Seed the demo city and its history (and N
                                           generated staff) into an empty database.
  kinerja user add --username NAME --role ROLE --unit UNIT [--name "Full Name"]
                   [--employee EMPLOYEE_ID] [--db FILE]
      Create an account. The password is read from standard input (one line).
      ROLE is employee, enumerator, supervisor, hr or admin.
  kinerja user disable --username NAME [--db FILE]
  kinerja user enable --username NAME [--db FILE]
  kinerja backup --to FILE [--db FILE]     Online backup of the central database.
  kinerja import roster FILE.csv [--db FILE] [--dry-run]
      Import staff (columns nip,name,position_id,unit_id,supervisor_nip). Valid rows are
      stored (id = NIP); every refused row is reported with its line. Exit 0 when all rows
      were imported, 3 when some were refused.
  kinerja import positions FILE.json [--db FILE] [--dry-run]
      Import positions with their required competency levels ({"positions": [{"position_id",
      "name", "unit_id", "competencies": [{"code", "required_level"}], ...}]}, the `position`
      record of docs/sync.md). Valid positions are stored (a changed one as its next version,
      an unchanged one left as it is); every refused one is reported with its index. Exit 0
      when all were imported, 3 when some were refused.
  kinerja import unsynced FILE.json [--db FILE]
      Apply a tablet's "export unsynced data" file (Sync screen) as that device would push
      it: same checks, once per change id (importing twice stores nothing twice). A file
      that is malformed or truncated stores nothing. Prints each change's outcome. Exit 0
      when every change was stored (or was already), 3 when some were refused.
  kinerja template add FILE.json [--db FILE]   Store a city's own appraisal template version
                                               (validated; ids never change, add a new one).
  kinerja template list [--db FILE]
  kinerja device list [--db FILE]
  kinerja device revoke DEVICE_ID [--db FILE]   A lost tablet can no longer log in or sync.
  kinerja ikm FILE.csv [--population N]    Public satisfaction index (SKM/IKM) from a CSV.
  kinerja appraise FILE.json               Ratings and predikat of an SKP.
  kinerja competency FILE.json             Competency gaps, JPM and training needs.
  kinerja objectivity FILE.json            Rater-bias flags and inter-rater reliability.
  kinerja --help | kinerja version

The scoring commands print JSON (keys documented in docs/cli.md) and exit 1 with a message
on bad input.
)";

constexpr const char* kDefaultDb = "data/kinerja.db";

// --key value flags after the command words; bare --flag is "true".
struct Flags {
  std::map<std::string, std::string> values;
  std::vector<std::string> positional;
};

Result<Flags> ParseFlags(const std::vector<std::string>& args, size_t start,
                         std::initializer_list<std::string_view> known,
                         std::initializer_list<std::string_view> switches) {
  Flags f;
  for (size_t i = start; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0) {
      f.positional.push_back(a);
      continue;
    }
    std::string key = a.substr(2);
    bool is_switch = false, is_known = false;
    for (auto s : switches) is_switch = is_switch || s == key;
    for (auto k : known) is_known = is_known || k == key;
    if (is_switch) {
      f.values[key] = "true";
    } else if (is_known) {
      if (i + 1 >= args.size()) return Status::InvalidArgument(a + " needs a value");
      f.values[key] = args[++i];
    } else {
      return Status::InvalidArgument("unknown option " + a + " (see kinerja --help)");
    }
  }
  return f;
}

std::string Get(const Flags& f, const std::string& key, const std::string& fallback = "") {
  auto it = f.values.find(key);
  return it == f.values.end() ? fallback : it->second;
}

Result<std::unique_ptr<CentralStore>> OpenStore(const std::string& path) {
  std::filesystem::path p(path);
  if (p.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
    if (ec) return Status::Io("cannot create " + p.parent_path().string() + ": " + ec.message());
  }
  return CentralStore::Open(path);
}

int Fail(std::ostream& err, const Status& s, int code = 1) {
  err << "kinerja: " << s.ToString() << "\n";
  return code;
}

// --demo-staff / --staff: "" is none; otherwise 1..kMaxDemoStaff.
Result<int> DemoStaffCount(const std::string& text, const char* flag) {
  if (text.empty()) return 0;
  char* end = nullptr;
  long n = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0' || n < 1 || n > kMaxDemoStaff) {
    return Status::InvalidArgument(std::string(flag) + " must be a number 1-" +
                                   std::to_string(kMaxDemoStaff) + ", not '" + text + "'");
  }
  return static_cast<int>(n);
}

// The demo city and (unless `history` is false) its history as of today (WIB), then `staff`
// generated employees when asked.
Status SeedDemo(CentralStore& store, int staff, bool history) {
  KINERJA_RETURN_IF_ERROR(SeedDemoCity(store));
  const int64_t now = NowUnix();
  if (history) {
    KINERJA_RETURN_IF_ERROR(
        SeedDemoHistory(store, org::CivilFromDays((now + 7 * 3600) / 86400), now));
  }
  if (staff == 0) return Status::Ok();
  return AddDemoStaff(store, staff, org::CivilFromDays(now / 86400));
}

HttpServer* g_server = nullptr;
void OnSignal(int) {
  if (g_server) g_server->Stop();
}

int Serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto f = ParseFlags(args, 1,
                      {"host", "port", "db", "public", "tls-cert", "tls-key", "demo-staff", "threads"},
                      {"demo", "no-history"});
  if (!f.ok()) return Fail(err, f.status(), 2);
  auto staff = DemoStaffCount(Get(*f, "demo-staff"), "--demo-staff");
  if (!staff.ok()) return Fail(err, staff.status(), 2);
  ServeOptions o;
  o.host = Get(*f, "host", "127.0.0.1");
  std::string port = Get(*f, "port", "8080");
  char* end = nullptr;
  long p = std::strtol(port.c_str(), &end, 10);
  if (port.empty() || *end != '\0' || p < 0 || p > 65535) {
    return Fail(err, Status::InvalidArgument("--port must be 0-65535, not '" + port + "'"), 2);
  }
  o.port = static_cast<int>(p);
  o.public_dir = Get(*f, "public", "public");
  o.tls_cert = Get(*f, "tls-cert");
  o.tls_key = Get(*f, "tls-key");
  if (std::string threads = Get(*f, "threads"); !threads.empty()) {
    long t = std::strtol(threads.c_str(), &end, 10);
    if (*end != '\0' || t < 1 || t > 4096) {
      return Fail(err, Status::InvalidArgument("--threads must be 1-4096, not '" + threads + "'"), 2);
    }
    o.worker_threads = static_cast<int>(t);
  }
  if (Status s = InitCrypto(); !s.ok()) return Fail(err, s);
  std::string db_path = Get(*f, "db", kDefaultDb);
  auto store = OpenStore(db_path);
  if (!store.ok()) return Fail(err, store.status());
  if (Get(*f, "demo") == "true" || *staff > 0) {
    auto empty = (*store)->IsEmpty();
    if (!empty.ok()) return Fail(err, empty.status());
    if (*empty) {
      if (Status s = SeedDemo(**store, *staff, Get(*f, "no-history") != "true"); !s.ok()) {
        return Fail(err, s);
      }
      out << "kinerja: demo city added (logins in docs/demo.md, password '" << kDemoPassword
          << "')\n";
      if (*staff > 0) out << "kinerja: " << *staff << " demo staff added under login upt\n";
    }
  }
  ApiLimits limits;
  limits.login_hash_seconds = TimeOneHash();  // the login queue's first estimate, measured
  Api api(**store, limits, [] { return NowUnix(); });
  HttpServer server(api, o);
  auto bound = server.Bind();
  if (!bound.ok()) return Fail(err, bound.status());
  out << "kinerja: serving " << (o.tls_cert.empty() ? "http" : "https") << "://" << o.host << ":"
      << *bound << "/ (database " << db_path << ", web app from " << o.public_dir << ")\n"
      << std::flush;
  g_server = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  Status s = server.Run();
  g_server = nullptr;
  if (!s.ok()) return Fail(err, s);
  out << "kinerja: stopped\n";
  return 0;
}

int Demo(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto f = ParseFlags(args, 1, {"db", "staff"}, {"no-history"});
  if (!f.ok()) return Fail(err, f.status(), 2);
  auto staff = DemoStaffCount(Get(*f, "staff"), "--staff");
  if (!staff.ok()) return Fail(err, staff.status(), 2);
  if (Status s = InitCrypto(); !s.ok()) return Fail(err, s);
  auto store = OpenStore(Get(*f, "db", kDefaultDb));
  if (!store.ok()) return Fail(err, store.status());
  if (Status s = SeedDemo(**store, *staff, Get(*f, "no-history") != "true"); !s.ok()) {
    return Fail(err, s);
  }
  out << "kinerja: demo city added\n";
  if (*staff > 0) out << "kinerja: " << *staff << " demo staff added under login upt\n";
  return 0;
}

int User(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
         std::ostream& err) {
  if (args.size() < 2) return Fail(err, Status::InvalidArgument("usage: kinerja user add|disable|enable ..."), 2);
  const std::string& sub = args[1];
  auto f = ParseFlags(args, 2, {"db", "username", "role", "unit", "name", "employee"}, {});
  if (!f.ok()) return Fail(err, f.status(), 2);
  if (Status s = InitCrypto(); !s.ok()) return Fail(err, s);
  std::string username = Get(*f, "username");
  if (username.empty()) return Fail(err, Status::InvalidArgument("--username is required"), 2);
  auto store = OpenStore(Get(*f, "db", kDefaultDb));
  if (!store.ok()) return Fail(err, store.status());
  if (sub == "add") {
    auto role = wire::RoleFromName(Get(*f, "role"));
    if (!role.ok()) return Fail(err, role.status(), 2);
    if (Get(*f, "unit").empty()) return Fail(err, Status::InvalidArgument("--unit is required"), 2);
    std::string password;
    std::getline(in, password);
    UserSpec spec{username, password, Get(*f, "name"), *role, Get(*f, "unit"), Get(*f, "employee"), ""};
    auto id = (*store)->AddUser(spec);
    if (!id.ok()) return Fail(err, id.status());
    out << "kinerja: user " << username << " added (id " << *id << ")\n";
    return 0;
  }
  if (sub == "disable" || sub == "enable") {
    if (Status s = (*store)->SetUserDisabled(username, sub == "disable"); !s.ok()) return Fail(err, s);
    out << "kinerja: user " << username << " " << sub << "d\n";
    return 0;
  }
  return Fail(err, Status::InvalidArgument("unknown user command '" + sub + "'"), 2);
}

int Backup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto f = ParseFlags(args, 1, {"db", "to"}, {});
  if (!f.ok()) return Fail(err, f.status(), 2);
  std::string to = Get(*f, "to");
  if (to.empty()) return Fail(err, Status::InvalidArgument("--to FILE is required"), 2);
  std::string db = Get(*f, "db", kDefaultDb);
  if (!std::filesystem::exists(db)) return Fail(err, Status::NotFound("no database at " + db));
  auto store = CentralStore::Open(db);
  if (!store.ok()) return Fail(err, store.status());
  if (Status s = (*store)->Backup(to); !s.ok()) return Fail(err, s);
  out << "kinerja: backup written to " << to << "\n";
  return 0;
}

// `kinerja import positions`: each position is checked alone; the valid ones are stored.
int ImportPositions(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto f = ParseFlags(args, 3, {"db"}, {"dry-run"});
  if (!f.ok()) return Fail(err, f.status(), 2);
  auto text = ReadInputFile(args[2]);
  if (!text.ok()) return Fail(err, text.status());
  auto file = ParseJson(*text);
  if (!file.ok()) return Fail(err, Status::InvalidArgument(args[2] + ": " + file.status().message()));
  const Status shape = Status::InvalidArgument(args[2] + " must be {\"positions\": [...]}");
  if (!file->is_object()) return Fail(err, shape);
  if (Status s = RejectUnknownKeys(*file, {"positions"}, args[2]); !s.ok()) return Fail(err, s);
  auto list = file->find("positions");
  if (list == file->end() || !list->is_array()) return Fail(err, shape);
  Json errors = Json::array();
  auto refuse = [&](size_t i, const Json& p, const std::string& message) {
    Json id = p.is_object() && p.contains("position_id") ? p["position_id"] : Json();
    errors.push_back({{"index", i}, {"position_id", id}, {"message", message}});
  };
  std::vector<size_t> valid;
  std::map<std::string, size_t> first_index;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& p = (*list)[i];
    if (Status s = CheckPositionBody(p); !s.ok()) {
      refuse(i, p, s.message());
      continue;
    }
    auto [it, added] = first_index.emplace(p["position_id"].get<std::string>(), i);
    if (!added) {
      refuse(i, p, "position " + it->first + " is also at index " + std::to_string(it->second) +
                       "; keep one");
      continue;
    }
    valid.push_back(i);
  }
  size_t imported = 0, unchanged = 0;
  const bool dry_run = Get(*f, "dry-run") == "true";
  if (!dry_run) {
    auto store = OpenStore(Get(*f, "db", kDefaultDb));
    if (!store.ok()) return Fail(err, store.status());
    for (size_t i : valid) {
      const Json& p = (*list)[i];
      auto changed = (*store)->PutServerRecord("position." + p["position_id"].get<std::string>(),
                                               "position", p["unit_id"].get<std::string>(), p);
      if (!changed.ok()) {
        refuse(i, p, changed.status().message());
        continue;
      }
      ++(*changed ? imported : unchanged);
    }
    if (imported > 0) {
      (void)(*store)->Audit(nullptr, "positions_imported",
                            std::to_string(imported) + " from " + args[2], NowUnix());
    }
  }
  Json report{{"positions", list->size()}, {"valid", valid.size()}, {"imported", imported},
              {"unchanged", unchanged}, {"dry_run", dry_run}, {"errors", errors}};
  out << report.dump(2) << "\n";
  return errors.empty() ? 0 : 3;
}

// `kinerja import unsynced`: a tablet's export file, pushed as that device (import_unsynced.h).
int ImportUnsyncedFile(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto f = ParseFlags(args, 3, {"db"}, {});
  if (!f.ok()) return Fail(err, f.status(), 2);
  auto text = ReadInputFile(args[2]);
  if (!text.ok()) return Fail(err, text.status());
  auto store = OpenStore(Get(*f, "db", kDefaultDb));
  if (!store.ok()) return Fail(err, store.status());
  auto done = ImportUnsynced(**store, *text, args[2], NowUnix());
  if (!done.ok()) return Fail(err, done.status());
  out << done->report.dump(2) << "\n";
  return done->all_stored ? 0 : 3;
}

int Import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() >= 3 && args[1] == "positions") return ImportPositions(args, out, err);
  if (args.size() >= 3 && args[1] == "unsynced") return ImportUnsyncedFile(args, out, err);
  if (args.size() < 3 || args[1] != "roster") {
    return Fail(err, Status::InvalidArgument(
                         "usage: kinerja import roster FILE.csv | positions FILE.json [--db FILE] "
                         "[--dry-run] | unsynced FILE.json [--db FILE]"), 2);
  }
  auto f = ParseFlags(args, 3, {"db"}, {"dry-run"});
  if (!f.ok()) return Fail(err, f.status(), 2);
  auto text = ReadInputFile(args[2]);
  if (!text.ok()) return Fail(err, text.status());
  org::Date today = org::CivilFromDays(NowUnix() / 86400);
  auto import = org::ImportRosterCsv(*text, today);
  if (!import.ok()) return Fail(err, import.status());
  Json errors = Json::array();
  for (const auto& e : import->errors) {
    errors.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
  }
  size_t imported = 0;
  if (Get(*f, "dry-run") != "true") {
    auto store = OpenStore(Get(*f, "db", kDefaultDb));
    if (!store.ok()) return Fail(err, store.status());
    for (const auto& row : import->rows) {
      EmployeeSpec e{row.nip.canonical(), row.nip.canonical(), row.name,
                     row.position_id,     row.unit_id,         row.supervisor_nip,
                     row.position_id,     row.pangkat_golongan};
      Status s = (*store)->UpsertEmployee(e);
      if (!s.ok()) {
        errors.push_back({{"line", row.line}, {"column", "unit_id"}, {"message", s.message()}});
        continue;
      }
      ++imported;
    }
  }
  Json report{{"rows", import->data_rows}, {"valid", import->rows.size()}, {"imported", imported},
              {"dry_run", Get(*f, "dry-run") == "true"}, {"errors", errors}};
  out << report.dump(2) << "\n";
  return errors.empty() ? 0 : 3;
}

int TemplateCmd(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  bool add = args.size() >= 2 && args[1] == "add";
  bool list = args.size() >= 2 && args[1] == "list";
  if (!add && !list) return Fail(err, Status::InvalidArgument("usage: kinerja template add FILE.json | list"), 2);
  if (add && (args.size() < 3 || args[2].rfind("--", 0) == 0)) {
    return Fail(err, Status::InvalidArgument("usage: kinerja template add FILE.json"), 2);
  }
  auto f = ParseFlags(args, add ? 3 : 2, {"db"}, {});
  if (!f.ok()) return Fail(err, f.status(), 2);
  auto store = OpenStore(Get(*f, "db", kDefaultDb));
  if (!store.ok()) return Fail(err, store.status());
  if (list) {
    auto t = (*store)->Templates();
    if (!t.ok()) return Fail(err, t.status());
    out << t->dump(2) << "\n";
    return 0;
  }
  auto text = ReadInputFile(args[2]);
  if (!text.ok()) return Fail(err, text.status());
  auto id = (*store)->AddTemplate(*text, "cli", NowUnix());
  if (!id.ok()) return Fail(err, id.status());
  out << "kinerja: template " << *id << " stored\n";
  return 0;
}

int Device(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.size() < 2) return Fail(err, Status::InvalidArgument("usage: kinerja device list|revoke ..."), 2);
  bool revoke = args[1] == "revoke";
  if (!revoke && args[1] != "list") {
    return Fail(err, Status::InvalidArgument("unknown device command '" + args[1] + "'"), 2);
  }
  if (revoke && (args.size() < 3 || args[2].rfind("--", 0) == 0)) {
    return Fail(err, Status::InvalidArgument("usage: kinerja device revoke DEVICE_ID"), 2);
  }
  auto f = ParseFlags(args, revoke ? 3 : 2, {"db"}, {});
  if (!f.ok()) return Fail(err, f.status(), 2);
  std::string db = Get(*f, "db", kDefaultDb);
  if (!std::filesystem::exists(db)) return Fail(err, Status::NotFound("no database at " + db));
  auto store = CentralStore::Open(db);
  if (!store.ok()) return Fail(err, store.status());
  if (revoke) {
    if (Status s = (*store)->RevokeDevice(nullptr, args[2], NowUnix()); !s.ok()) return Fail(err, s);
    out << "kinerja: device " << args[2] << " revoked\n";
    return 0;
  }
  auto list = (*store)->Devices(nullptr);
  if (!list.ok()) return Fail(err, list.status());
  out << list->dump(2) << "\n";
  return 0;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
           std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? err : out) << kHelp;
    return args.empty() ? 2 : 0;
  }
  const std::string& cmd = args[0];
  if (cmd == "version" || cmd == "--version") {
    out << "kinerja 0.1.0 (sync protocol " << wire::kProtocolVersion << ")\n";
    return 0;
  }
  if (cmd == "serve") return Serve(args, out, err);
  if (cmd == "demo") return Demo(args, out, err);
  if (cmd == "user") return User(args, in, out, err);
  if (cmd == "backup") return Backup(args, out, err);
  if (cmd == "import") return Import(args, out, err);
  if (cmd == "device") return Device(args, out, err);
  if (cmd == "template") return TemplateCmd(args, out, err);
  if (IsEngineCommand(cmd)) return RunEngineCommand(args, out, err);
  err << "kinerja: unknown command '" << cmd << "'\n\n" << kHelp;
  return 2;
}

}  // namespace kinerja::server

#include "server/http/api.h"

#include <cstdlib>
#include <optional>

#include "engine/competency/training_report.h"
#include "engine/org/period.h"
#include "server/export/csv_writer.h"
#include "server/export/evaluation_document.h"
#include "server/export/report_tables.h"
#include "server/export/unit_recap.h"
#include "server/export/xlsx_writer.h"
#include "server/reports/evaluation_documents.h"
#include "server/reports/reports.h"
#include "shared/wire/push_reader.h"
#include "shared/wire/response_text.h"

namespace kinerja::server {

int HttpStatusFor(Code code) {
  switch (code) {
    case Code::kOk: return 200;
    case Code::kInvalidArgument: return 400;
    case Code::kUnauthenticated: return 401;
    case Code::kPermissionDenied: return 403;
    case Code::kNotFound: return 404;
    case Code::kAlreadyExists:
    case Code::kConflict:
    case Code::kLocked:
    case Code::kStaleVersion: return 409;
    case Code::kTooLarge: return 413;
    case Code::kRateLimited: return 429;
    case Code::kUnavailable:
    case Code::kBusy: return 503;
    case Code::kCorruption:
    case Code::kIo:
    case Code::kInternal: return 500;
  }
  return 500;
}

namespace {

// Messages may quote the request's bytes (a parser position, an unknown key); nlohmann/json
// throws on invalid UTF-8 when dumping, so replace such bytes with U+FFFD instead.
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

HttpResponse ErrorResponse(const Status& s) {
  return {HttpStatusFor(s.code()), Dump(wire::ErrorJson(s))};
}

namespace {

// Who may read HR's views of the store (the audit log, refused changes).
bool IsHrOrAdmin(const Principal& who) {
  return who.role == wire::Role::kHr || who.role == wire::Role::kAdmin;
}


HttpResponse JsonResponse(const Json& j) { return {200, Dump(j)}; }

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// `text` reduced to what a download's file name may safely hold: [A-Za-z0-9._-], others as '_'.
std::string FileNamePart(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  return out;
}

// `r` as a download saved under `file_name` (already reduced by FileNamePart); "inline" lets
// a browser show it (a PDF) before it is saved.
HttpResponse Attachment(HttpResponse r, const std::string& file_name,
                        const char* disposition = "attachment") {
  r.headers.emplace_back("Content-Disposition",
                         std::string(disposition) + "; filename=\"" + file_name + "\"");
  return r;
}

std::string QueryText(const HttpRequest& req, const std::string& key) {
  auto it = req.query.find(key);
  return it == req.query.end() ? std::string() : it->second;
}

// The report's ?period=, or this year's as the tablets count it (WIB) when it is absent.
std::string PeriodParam(const HttpRequest& req, int64_t now) {
  auto it = req.query.find("period");
  return it != req.query.end() ? it->second : org::AppraisalPeriod(now);
}

// A PDF, or the error that kept it from being made.
HttpResponse PdfResponse(Result<std::string> pdf, const std::string& file_name) {
  if (!pdf.ok()) return ErrorResponse(pdf.status());
  return Attachment({200, std::move(*pdf), "application/pdf"}, file_name, "inline");
}

// A PDF of evaluation documents, or the error that kept it from being made.
HttpResponse PdfResponse(const Result<std::vector<exports::EvaluationDocument>>& docs,
                         const std::string& file_name) {
  if (!docs.ok()) return ErrorResponse(docs.status());
  return PdfResponse(exports::EvaluationDocumentsPdf(*docs), file_name);
}

// A report's ?format=: json (the default), csv or xlsx.
Result<std::string> FormatParam(const HttpRequest& req) {
  std::string format = "json";
  if (auto it = req.query.find("format"); it != req.query.end()) format = it->second;
  if (format != "json" && format != "csv" && format != "xlsx") {
    return Status::InvalidArgument("format must be json, csv or xlsx");
  }
  return format;
}

// The HR reports' exports: the download's name and the report as Tables (report_tables.h).
struct ReportExport {
  const char* report;
  const char* file_stem;
  std::vector<exports::Table> (*tables)(const Json&);
};
constexpr ReportExport kReportExports[] = {
    {"progress", "progres-penilaian", exports::ProgressTables},
    {"distribution", "kurva-distribusi", exports::DistributionTables},
    {"objectivity", "objektivitas", exports::ObjectivityTables},
    {"satisfaction", "kepuasan-masyarakat", exports::SatisfactionTables},
    {"service-time", "waktu-layanan", exports::ServiceTimeTables},
};

// `report` as a CSV (its first table, or the one named by ?table=) or an XLSX workbook (all).
HttpResponse ExportResponse(const ReportExport& e, const Json& report, const std::string& format,
                            const HttpRequest& req) {
  std::string file = std::string(e.file_stem) + "-" + FileNamePart(report.value("period", ""));
  if (report.contains("unit") && report["unit"].is_object()) {
    file += "-" + FileNamePart(report["unit"].value("unit_id", ""));
  }
  std::vector<exports::Table> tables = e.tables(report);
  if (format == "xlsx") {
    auto xlsx = exports::WorkbookXlsx(tables);
    if (!xlsx.ok()) return ErrorResponse(xlsx.status());
    return Attachment({200, std::move(*xlsx), kXlsxType}, file + ".xlsx");
  }
  const std::string wanted = QueryText(req, "table");
  const exports::Table* table = wanted.empty() ? &tables.front() : nullptr;
  std::string names;
  for (const auto& t : tables) {
    if (t.name == wanted) table = &t;
    names += (names.empty() ? "" : ", ") + t.name;
  }
  if (table == nullptr) {
    return ErrorResponse(Status::InvalidArgument("table must be one of " + names));
  }
  auto csv = exports::TableCsv(*table);
  if (!csv.ok()) return ErrorResponse(csv.status());
  if (table != &tables.front()) file += "-" + table->name;
  return Attachment({200, std::move(*csv), "text/csv; charset=utf-8"}, file + ".csv");
}

// 503 busy: come back in `retry_after` seconds, said in the header and in the error's JSON.
HttpResponse BusyResponse(int retry_after) {
  Status s = Status::Busy("the server is busy with other logins; try again in " +
                          std::to_string(retry_after) + " s");
  Json j = wire::ErrorJson(s);
  j["error"]["retry_after_seconds"] = retry_after;
  HttpResponse r{HttpStatusFor(s.code()), Dump(j)};
  r.headers.emplace_back("Retry-After", std::to_string(retry_after));
  return r;
}

// The session token of `Authorization: Bearer <token>`; kUnauthenticated without one.
Result<std::string> BearerToken(const HttpRequest& req) {
  const std::string prefix = "Bearer ";
  if (req.authorization.compare(0, prefix.size(), prefix) != 0) {
    return Status::Unauthenticated("missing 'Authorization: Bearer <token>'; log in first");
  }
  return req.authorization.substr(prefix.size());
}

Status CheckBodySize(const HttpRequest& req, size_t limit) {
  if (req.body.size() > limit) {
    return Status::TooLarge("the request body is " + std::to_string(req.body.size()) +
                            " bytes; the limit is " + std::to_string(limit));
  }
  if (req.body.empty()) return Status::InvalidArgument("the request body is empty; send JSON");
  return Status::Ok();
}

Result<Json> ParseBody(const HttpRequest& req, size_t limit) {
  KINERJA_RETURN_IF_ERROR(CheckBodySize(req, limit));
  return ParseJson(req.body);
}

Result<int64_t> QueryInt(const HttpRequest& req, const std::string& key, int64_t fallback) {
  auto it = req.query.find(key);
  if (it == req.query.end() || it->second.empty()) return fallback;
  const std::string& s = it->second;
  if (s.size() > 18) return Status::InvalidArgument(key + " is too large");
  for (char c : s) {
    if (c < '0' || c > '9') return Status::InvalidArgument(key + " must be a whole number ≥ 0");
  }
  return static_cast<int64_t>(std::strtoll(s.c_str(), nullptr, 10));
}

}  // namespace

Api::Api(CentralStore& store, ApiLimits limits, std::function<int64_t()> clock)
    : store_(store),
      limits_(limits),
      clock_(std::move(clock)),
      login_queue_(HashQueueOptions{
          .cores = limits.login_hash_cores,
          .wait_bound_seconds = limits.login_wait_bound_seconds,
          .initial_hash_seconds = limits.login_hash_seconds > 0 ? limits.login_hash_seconds : 0.1}) {}

HttpResponse Api::Handle(const HttpRequest& req) {
  const std::string& p = req.path;
  auto route = [&](const char* method, const char* path) {
    return p == path && req.method == method;
  };
  if (route("GET", "/api/v1/health")) return JsonResponse({{"ok", true}, {"protocol", wire::kProtocolVersion}});
  if (route("POST", "/api/v1/login")) return Login(req);
  if (route("POST", "/api/v1/logout")) return Logout(req);
  if (route("POST", "/api/v1/session/refresh")) return RefreshSession(req);
  if (route("GET", "/api/v1/me")) return Me(req);
  if (route("POST", "/api/v1/sync/push")) return Push(req);
  if (route("GET", "/api/v1/sync/pull")) return Pull(req);
  if (route("GET", "/api/v1/conflicts")) return Conflicts(req);
  if (route("GET", "/api/v1/audit")) return Audit(req);
  if (route("GET", "/api/v1/refused")) return Refused(req);
  if (route("GET", "/api/v1/devices")) return Devices(req);
  if (route("POST", "/api/v1/devices/revoke")) return RevokeDevice(req);
  if (route("GET", "/api/v1/reports/training-needs")) return TrainingNeeds(req);
  if (route("GET", "/api/v1/reports/evaluation-document")) return EvaluationDocument(req);
  if (route("GET", "/api/v1/reports/evaluation-documents")) return UnitEvaluationDocuments(req);
  if (route("GET", "/api/v1/reports/unit-recap")) return UnitRecap(req);
  if (p.rfind("/api/v1/reports/", 0) == 0 && p != "/api/v1/reports/training-needs" &&
      p != "/api/v1/reports/evaluation-document" && p != "/api/v1/reports/evaluation-documents" &&
      p != "/api/v1/reports/unit-recap") {
    return Report(req);
  }
  for (const char* known :
       {"/api/v1/health", "/api/v1/login", "/api/v1/logout", "/api/v1/session/refresh",
        "/api/v1/me", "/api/v1/sync/push",
        "/api/v1/sync/pull", "/api/v1/conflicts", "/api/v1/audit", "/api/v1/refused",
        "/api/v1/devices", "/api/v1/devices/revoke", "/api/v1/reports/training-needs",
        "/api/v1/reports/evaluation-document", "/api/v1/reports/evaluation-documents",
        "/api/v1/reports/unit-recap"}) {
    if (p == known) {
      HttpResponse r = ErrorResponse(Status::InvalidArgument(req.method + " is not allowed on " + p));
      r.status = 405;
      return r;
    }
  }
  return ErrorResponse(Status::NotFound("no API endpoint " + p));
}

Result<Principal> Api::Authorize(const HttpRequest& req) {
  KINERJA_ASSIGN_OR_RETURN(const std::string token, BearerToken(req));
  return store_.Authenticate(token, clock_());
}

bool Api::LoginBlocked(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(failures_mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return false;
  if (now - it->second.first >= limits_.login_window_seconds) {
    failures_.erase(it);
    return false;
  }
  return it->second.second >= limits_.login_failures_allowed;
}

void Api::NoteLoginFailure(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(failures_mu_);
  auto& f = failures_[key];
  if (f.second == 0 || now - f.first >= limits_.login_window_seconds) f = {now, 0};
  ++f.second;
}

HttpResponse Api::Login(const HttpRequest& req) {
  auto body = ParseBody(req, 16 * 1024);
  if (!body.ok()) return ErrorResponse(body.status());
  auto login = wire::LoginRequestFromJson(*body);
  if (!login.ok()) return ErrorResponse(login.status());
  int64_t now = clock_();
  std::string user_key = "user:" + login->username;
  std::string addr_key = "addr:" + req.remote_addr;
  if (LoginBlocked(user_key, now) || LoginBlocked(addr_key, now)) {
    return ErrorResponse(Status::RateLimited("too many failed logins; wait " +
                                             std::to_string(limits_.login_window_seconds / 60) +
                                             " minutes and try again"));
  }
  // The Argon2id hash waits in the bounded queue; a refused login stores nothing, is not
  // audited and does not count toward the lockout: it is the server's load, not a guess.
  std::optional<Result<wire::Session>> done;
  HashAdmission admission = login_queue_.Run([&] { done.emplace(store_.Login(*login, now)); });
  if (!admission.admitted) return BusyResponse(admission.retry_after_seconds);
  Result<wire::Session>& session = *done;
  if (!session.ok()) {
    if (session.status().code() == Code::kUnauthenticated) {
      NoteLoginFailure(user_key, now);
      NoteLoginFailure(addr_key, now);
      (void)store_.Audit(nullptr, "login_failed", "username " + login->username, now);
    }
    return ErrorResponse(session.status());
  }
  return JsonResponse(wire::ToJson(*session));
}

HttpResponse Api::Logout(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  Status s = store_.Logout(*BearerToken(req));  // Authorize above checked it is there
  if (!s.ok()) return ErrorResponse(s);
  return JsonResponse({{"ok", true}});
}

HttpResponse Api::RefreshSession(const HttpRequest& req) {
  auto token = BearerToken(req);
  if (!token.ok()) return ErrorResponse(token.status());
  // The body is empty or {}: the token is the whole request.
  if (req.body.size() > 4096) return ErrorResponse(Status::TooLarge("a refresh has no body"));
  if (!req.body.empty()) {
    auto body = ParseJson(req.body);
    if (!body.ok()) return ErrorResponse(body.status());
    if (Status s = RejectUnknownKeys(*body, {}, "refresh"); !s.ok()) return ErrorResponse(s);
  }
  auto session = store_.RefreshSession(*token, clock_());
  if (!session.ok()) return ErrorResponse(session.status());
  return JsonResponse(wire::ToJson(*session));
}

HttpResponse Api::Me(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  return JsonResponse({{"user_id", who->user_id}, {"username", who->username},
                       {"role", wire::RoleName(who->role)}, {"unit_path", who->unit_path},
                       {"employee_id", who->employee_id}, {"device_id", who->device_id}});
}

HttpResponse Api::Push(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  if (Status s = CheckBodySize(req, limits_.max_body_bytes); !s.ok()) return ErrorResponse(s);
  std::vector<std::string> body_texts;
  std::string failed;  // the change an error is about, when its change_id can be read
  auto push = wire::ReadPushRequest(req.body, &body_texts, &failed);
  if (!push.ok()) {
    return {HttpStatusFor(push.status().code()), Dump(wire::ErrorJson(push.status(), failed))};
  }
  auto resp = store_.Push(*who, *push, clock_(), &failed, &body_texts);
  if (!resp.ok()) {
    return {HttpStatusFor(resp.status().code()), Dump(wire::ErrorJson(resp.status(), failed))};
  }
  return {200, wire::PushResponseText(*resp)};
}

HttpResponse Api::Pull(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  auto since = QueryInt(req, "since", 0);
  if (!since.ok()) return ErrorResponse(since.status());
  auto limit = QueryInt(req, "limit", 500);
  if (!limit.ok()) return ErrorResponse(limit.status());
  std::vector<std::string> body_texts;
  auto resp = store_.Pull(*who, *since, *limit, &body_texts);
  if (!resp.ok()) return ErrorResponse(resp.status());
  return {200, wire::PullResponseText(*resp, body_texts)};
}

HttpResponse Api::Conflicts(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  if (who->role == wire::Role::kEmployee || who->role == wire::Role::kEnumerator) {
    return ErrorResponse(
        Status::PermissionDenied("only supervisors, HR and admins resolve conflicts"));
  }
  auto out = store_.Conflicts(*who);
  if (!out.ok()) return ErrorResponse(out.status());
  return JsonResponse(*out);
}

HttpResponse Api::Audit(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  auto since = QueryInt(req, "since", 0);
  if (!since.ok()) return ErrorResponse(since.status());
  auto limit = QueryInt(req, "limit", 200);
  if (!limit.ok()) return ErrorResponse(limit.status());
  if (!IsHrOrAdmin(*who)) {
    return ErrorResponse(Status::PermissionDenied("the audit log is for HR and admins"));
  }
  auto out = store_.AuditLog(*since, *limit);
  if (!out.ok()) return ErrorResponse(out.status());
  return JsonResponse(*out);
}

HttpResponse Api::Refused(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  if (!IsHrOrAdmin(*who)) {
    return ErrorResponse(Status::PermissionDenied("refused changes are reviewed by HR and admins"));
  }
  auto out = store_.RefusedChanges();
  if (!out.ok()) return ErrorResponse(out.status());
  return JsonResponse(*out);
}

HttpResponse Api::TrainingNeeds(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  const std::string period = PeriodParam(req, clock_());
  std::string format = "json";
  if (auto it = req.query.find("format"); it != req.query.end()) format = it->second;
  if (format != "json" && format != "csv" && format != "xlsx") {
    return ErrorResponse(Status::InvalidArgument("format must be json, csv or xlsx"));
  }
  const std::string unit = QueryText(req, "unit");
  auto out = TrainingNeedsReport(store_, *who, period, unit);
  if (!out.ok()) return ErrorResponse(out.status());
  const std::string file =
      "kebutuhan-pelatihan-" + FileNamePart(period) + (unit.empty() ? "" : "-" + FileNamePart(unit));
  if (format == "csv") {
    return Attachment({200, TrainingNeedsCsv(*out), "text/csv; charset=utf-8"}, file + ".csv");
  }
  if (format == "xlsx") {
    auto xlsx = exports::WorkbookXlsx(exports::TrainingNeedsTables(*out));
    if (!xlsx.ok()) return ErrorResponse(xlsx.status());
    return Attachment({200, std::move(*xlsx), kXlsxType}, file + ".xlsx");
  }
  return JsonResponse(*out);
}

HttpResponse Api::EvaluationDocument(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  const std::string period = PeriodParam(req, clock_());
  const std::string employee = QueryText(req, "employee");
  auto doc = EvaluationDocumentOf(store_, *who, employee, period);
  if (!doc.ok()) return ErrorResponse(doc.status());
  return PdfResponse(
      std::vector<exports::EvaluationDocument>{std::move(*doc)},
      "evaluasi-kinerja-" + FileNamePart(employee) + "-" + FileNamePart(period) + ".pdf");
}

HttpResponse Api::UnitEvaluationDocuments(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  const std::string period = PeriodParam(req, clock_());
  const std::string unit = QueryText(req, "unit");
  auto docs = server::UnitEvaluationDocuments(store_, *who, unit, period);
  if (!docs.ok()) return ErrorResponse(docs.status());
  // The unit's recap comes first, for the same period (docs/reports.md "A whole unit at once").
  ReportQuery q;
  q.period = period;
  q.unit_id = unit;
  q.now = clock_();
  auto recap = UnitRecapOf(store_, *who, q);
  if (!recap.ok()) return ErrorResponse(recap.status());
  return PdfResponse(exports::UnitRecapAndDocumentsPdf(*recap, *docs),
                     "evaluasi-kinerja-" + FileNamePart(unit) + "-" + FileNamePart(period) + ".pdf");
}

HttpResponse Api::UnitRecap(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  auto q = ReportQueryFrom(req.query, clock_());
  if (!q.ok()) return ErrorResponse(q.status());
  auto recap = UnitRecapOf(store_, *who, *q);
  if (!recap.ok()) return ErrorResponse(recap.status());
  return PdfResponse(exports::UnitRecapPdf(*recap), "rekap-unit-" + FileNamePart(q->unit_id) +
                                                        "-" + FileNamePart(q->period) + ".pdf");
}

HttpResponse Api::Devices(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  auto out = store_.Devices(&*who);
  if (!out.ok()) return ErrorResponse(out.status());
  return JsonResponse(*out);
}

HttpResponse Api::RevokeDevice(const HttpRequest& req) {
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  auto body = ParseBody(req, 4096);
  if (!body.ok()) return ErrorResponse(body.status());
  if (Status s = RejectUnknownKeys(*body, {"device_id"}, "revoke"); !s.ok()) return ErrorResponse(s);
  auto device = GetString(*body, "device_id", "revoke");
  if (!device.ok()) return ErrorResponse(device.status());
  if (Status s = store_.RevokeDevice(&*who, *device, clock_()); !s.ok()) return ErrorResponse(s);
  return JsonResponse({{"ok", true}, {"device_id", *device}});
}

// The HR workspace's reports (server/reports/; docs/reports.md): GET only, nothing written.
HttpResponse Api::Report(const HttpRequest& req) {
  const std::string name = req.path.substr(std::string("/api/v1/reports/").size());
  ReportFn report = FindReport(name);
  if (report == nullptr) {
    return ErrorResponse(Status::NotFound("no report " + name + "; reports: " + ReportNames()));
  }
  if (req.method != "GET") {
    HttpResponse r =
        ErrorResponse(Status::InvalidArgument(req.method + " is not allowed on " + req.path));
    r.status = 405;
    return r;
  }
  auto who = Authorize(req);
  if (!who.ok()) return ErrorResponse(who.status());
  auto format = FormatParam(req);
  if (!format.ok()) return ErrorResponse(format.status());
  auto query = ReportQueryFrom(req.query, clock_());
  if (!query.ok()) return ErrorResponse(query.status());
  auto out = report(store_, *who, *query);
  if (!out.ok()) return ErrorResponse(out.status());
  if (*format != "json") {
    for (const auto& e : kReportExports) {
      if (name == e.report) return ExportResponse(e, *out, *format, req);
    }
  }
  return JsonResponse(*out);
}

}  // namespace kinerja::server

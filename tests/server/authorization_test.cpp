// The authorization matrix: every kind of caller (each role, a supervisor of another unit, no
// token, an expired token, a disabled account, a revoked device) against every endpoint, with
// pushes of each pushable kind into the caller's own scope and into another's. Pulls are
// checked against an independent model of the demo city: nothing outside the scope appears.
#include <map>
#include <set>

#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

// The demo city (docs/demo.md), written out independently of the server's scope SQL.
struct DemoEmployee { const char* unit_path; const char* supervisor; };
// The demo city's units and their paths (docs/demo.md); every caller pulls those of its subtree.
const std::map<std::string, std::string> kUnitPaths = {
    {"pemkot", "/pemkot/"},
    {"dpmptsp", "/pemkot/dpmptsp/"},
    {"pelayanan", "/pemkot/dpmptsp/pelayanan/"},
    {"pengaduan", "/pemkot/dpmptsp/pengaduan/"},
    {"disdukcapil", "/pemkot/disdukcapil/"},
    {"pendaftaran", "/pemkot/disdukcapil/pendaftaran/"},
    {"bkpsdm", "/pemkot/bkpsdm/"},
};

// The demo positions (records "position.<id>") and their units' paths, plus one the test
// defines for the whole city (kCityPosition).
const char* const kCityPosition = "pranata-komputer";
const std::map<std::string, std::string> kPositionPaths = {
    {kCityPosition, "/pemkot/"},
    {"kabid-pelayanan", "/pemkot/dpmptsp/pelayanan/"},
    {"pengadministrasi-perizinan", "/pemkot/dpmptsp/pelayanan/"},
    {"analis-perizinan", "/pemkot/dpmptsp/pelayanan/"},
    {"petugas-loket", "/pemkot/dpmptsp/pelayanan/"},
    {"verifikator-berkas", "/pemkot/dpmptsp/pelayanan/"},
    {"kabid-pengaduan", "/pemkot/dpmptsp/pengaduan/"},
    {"pengelola-pengaduan", "/pemkot/dpmptsp/pengaduan/"},
    {"petugas-informasi", "/pemkot/dpmptsp/pengaduan/"},
    {"kabid-pendaftaran", "/pemkot/disdukcapil/pendaftaran/"},
    {"petugas-rekam-ktp", "/pemkot/disdukcapil/pendaftaran/"},
};

const std::map<std::string, DemoEmployee> kEmployees = {
    {"e-darmawan", {"/pemkot/dpmptsp/", ""}},
    {"e-budi", {"/pemkot/dpmptsp/pelayanan/", "e-darmawan"}},
    {"e-ani", {"/pemkot/dpmptsp/pelayanan/", "e-budi"}},
    {"e-dedi", {"/pemkot/dpmptsp/pelayanan/", "e-budi"}},
    {"e-sri", {"/pemkot/dpmptsp/pelayanan/", "e-budi"}},
    {"e-yusuf", {"/pemkot/dpmptsp/pelayanan/", "e-budi"}},
    {"e-rina", {"/pemkot/dpmptsp/pengaduan/", "e-darmawan"}},
    {"e-agus", {"/pemkot/dpmptsp/pengaduan/", "e-rina"}},
    {"e-maya", {"/pemkot/dpmptsp/pengaduan/", "e-rina"}},
    {"e-hendra", {"/pemkot/disdukcapil/pendaftaran/", ""}},
    {"e-lina", {"/pemkot/disdukcapil/pendaftaran/", "e-hendra"}},
};

enum class Token { kValid, kNone, kExpired, kDisabled, kRevoked };

// One row of the matrix. Statuses: the HTTP status expected; 0 = not applicable.
struct Caller {
  const char* name;
  const char* user;
  const char* device;
  Token token;
  const char* role;        // as the model sees it (for the pull scope)
  const char* unit_path;
  const char* employee_id;
  // Targets: a note about a staff member the caller appraises (own scope), about someone
  // outside the caller's unit (other scope), about a colleague of the own unit the caller
  // does not appraise; a survey response for a unit in and outside the caller's scope.
  const char* note_own;
  const char* note_other;
  const char* note_not_appraisee;
  const char* survey_own;
  const char* survey_other;
  int login, me, push_note_own, push_note_other, push_note_not_appraisee, push_survey_own,
      push_survey_other, pull, conflicts, audit, devices, logout;
};

constexpr const char* kPelayanan = "/pemkot/dpmptsp/pelayanan/";
constexpr const char* kPengaduan = "/pemkot/dpmptsp/pengaduan/";

// clang-format off
const Caller kCallers[] = {
 // name               user      device        token            role          unit_path                employee
 //   note own / other / not appraisee         survey own / other
 //   login me  note+ note- noteN surv+ surv- pull confl audit devs logout
 {"admin",             "admin",  "adm-pc",     Token::kValid,    "admin",      "/pemkot/",              "",
    "e-ani", "e-lina", "e-budi",                "pelayanan", "pendaftaran",
    200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200},
 {"hr",                "hr",     "hr-pc",      Token::kValid,    "hr",         "/pemkot/bkpsdm/",       "",
    "e-ani", "e-lina", "e-budi",                "pelayanan", "pendaftaran",
    200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200},
 {"supervisor, own unit", "budi", "budi-tab",  Token::kValid,    "supervisor", kPelayanan,              "e-budi",
    "e-dedi", "e-agus", "e-budi",               "pelayanan", "pendaftaran",
    200, 200, 200, 404, 403, 403, 403, 200, 200, 403, 200, 200},
 {"supervisor, other unit", "rina", "rina-tab", Token::kValid,   "supervisor", kPengaduan,              "e-rina",
    "e-agus", "e-ani", "e-rina",                "pengaduan", "pelayanan",
    200, 200, 200, 404, 403, 403, 403, 200, 200, 403, 200, 200},
 {"enumerator",        "loket1", "kiosk-1",    Token::kValid,    "enumerator", "/pemkot/dpmptsp/",      "",
    "e-ani", "e-lina", "e-sri",                 "pelayanan", "pendaftaran",
    200, 200, 403, 403, 403, 200, 404, 200, 403, 403, 200, 200},
 {"employee",          "ani",    "ani-hp",     Token::kValid,    "employee",   kPelayanan,              "e-ani",
    "e-ani", "e-lina", "e-dedi",                "pelayanan", "pendaftaran",
    200, 200, 403, 403, 403, 403, 403, 200, 403, 403, 200, 200},
 {"no token",          "",       "anon",       Token::kNone,     "",           "",                      "",
    "e-ani", "e-lina", "e-budi",                "pelayanan", "pendaftaran",
    0,   401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401},
 {"expired token",     "budi",   "old-tab",    Token::kExpired,  "",           "",                      "",
    "e-ani", "e-lina", "e-budi",                "pelayanan", "pendaftaran",
    200, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401},
 {"disabled account",  "hendra", "hendra-tab", Token::kDisabled, "",           "",                      "",
    "e-lina", "e-ani", "e-hendra",              "pendaftaran", "pelayanan",
    403, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401},
 {"revoked device",    "rina",   "lost-tab",   Token::kRevoked,  "",           "",                      "",
    "e-agus", "e-ani", "e-rina",                "pengaduan", "pelayanan",
    403, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401},
};
// clang-format on

// A record pushed successfully during the test, for the pull model.
struct Pushed {
  std::string id;
  std::string kind;
  std::string subject;    // notes: the employee
  std::string unit_path;  // where the record lives
  std::string author;     // username
};

class Authorization : public DemoCity {
 protected:
  std::string TokenFor(const Caller& c) {
    switch (c.token) {
      case Token::kNone: return "";
      case Token::kValid: return LoginAs(c.user, c.device);
      case Token::kExpired: {
        now_ -= 31 * 24 * 3600;  // sessions last 30 days
        std::string t = LoginAs(c.user, c.device);
        now_ += 31 * 24 * 3600;
        return t;
      }
      case Token::kDisabled: {
        std::string t = LoginAs(c.user, c.device);
        EXPECT_TRUE(store_->SetUserDisabled(c.user, true).ok());
        return t;
      }
      case Token::kRevoked: {
        std::string t = LoginAs(c.user, c.device);
        EXPECT_TRUE(store_->RevokeDevice(nullptr, c.device, now_).ok());
        return t;
      }
    }
    return "";
  }

  static Json Survey(const std::string& id, const std::string& unit) {
    Json answers;
    for (int i = 1; i <= 9; ++i) answers["U" + std::to_string(i)] = 3;
    return Json{{"change_id", "c-" + id}, {"record_id", id}, {"kind", "survey_response"},
                {"base_version", 0},
                {"body", {{"unit_id", unit}, {"service", "Izin Usaha"}, {"date", "2026-11-20"},
                          {"answers", answers}}}};
  }

  static std::string UnitPathOf(const std::string& unit) {
    if (unit == "pelayanan") return kPelayanan;
    if (unit == "pengaduan") return kPengaduan;
    if (unit == "pendaftaran") return "/pemkot/disdukcapil/pendaftaran/";
    return "/pemkot/dpmptsp/";
  }

  // The ids a caller must see when pulling from 0, by the model in this file.
  std::set<std::string> ExpectedPull(const Caller& c) const {
    std::set<std::string> ids;
    std::string role = c.role;
    auto in_unit = [&](const std::string& path) { return path.rfind(c.unit_path, 0) == 0; };
    // Units of the caller's subtree and the units above it.
    auto above = [&](const std::string& path) { return std::string(c.unit_path).rfind(path, 0) == 0; };
    for (const auto& [id, path] : kUnitPaths) {
      if (role == "admin" || role == "hr" || in_unit(path) || above(path)) ids.insert("unit." + id);
    }
    for (const auto& [id, path] : kPositionPaths) {
      // Supervisors: positions of their subtree and above it (one for the whole city too).
      if (role == "admin" || role == "hr" || (role == "supervisor" && (in_unit(path) || above(path)))) {
        ids.insert("position." + id);
      }
    }
    for (const auto& [id, e] : kEmployees) {
      if (role == "admin" || role == "hr" || (role == "supervisor" && in_unit(e.unit_path)) ||
          (role == "employee" && id == c.employee_id)) {
        ids.insert(id);
      }
    }
    for (const auto& p : pushed_) {
      // HR and admins pull every kind but survey answers (and queue tickets): reports only.
      if ((role == "admin" || role == "hr") && p.kind != "survey_response") ids.insert(p.id);
      if (role != "supervisor" || !in_unit(p.unit_path)) continue;
      bool appraisee = p.kind == "appraisal_note" && kEmployees.at(p.subject).supervisor == c.employee_id;
      if (appraisee || p.author == c.user) ids.insert(p.id);
    }
    return ids;
  }

  std::vector<Pushed> pushed_;
};

TEST_F(Authorization, EveryCallerGetsTheExpectedAnswerFromEveryEndpointAndSeesOnlyItsScope) {
  Json city_position{{"position_id", kCityPosition}, {"name", "Pranata Komputer"}, {"unit_id", "pemkot"},
                     {"competencies", Json::array({Json{{"code", "M.01"}, {"required_level", 2}}})}};
  ASSERT_TRUE(store_->PutServerRecord(std::string("position.") + kCityPosition, "position", "pemkot",
                                      city_position).ok());
  std::map<std::string, std::string> tokens;
  for (const auto& c : kCallers) tokens[c.name] = TokenFor(c);

  // Log in, who am I, and pushes of each kind into the own and another scope.
  for (const auto& c : kCallers) {
    SCOPED_TRACE(c.name);
    const std::string& token = tokens[c.name];
    if (c.login) {
      Json req{{"username", c.user}, {"password", kDemoPassword}, {"device_id", c.device}};
      auto r = Call("POST", "/api/v1/login", req.dump());
      EXPECT_EQ(r.status, c.login) << "login: " << r.body;
    }
    auto me = Call("GET", "/api/v1/me", "", token);
    EXPECT_EQ(me.status, c.me) << "me: " << me.body;
    if (me.status == 200) EXPECT_EQ(Json::parse(me.body)["role"], c.role);

    struct PushCell { const char* what; Json change; int status; Pushed record; };
    std::string base = std::string(c.device) + "-";
    auto note = [&](const char* suffix, const std::string& employee) {
      return NoteChange("c-" + base + suffix, base + suffix, 0, employee, "catatan " + base + suffix);
    };
    std::string own_survey_unit = c.survey_own, other_survey_unit = c.survey_other;
    const PushCell cells[] = {
        {"note about own appraisee", note("n-own", c.note_own), c.push_note_own,
         {base + "n-own", "appraisal_note", c.note_own, kEmployees.at(c.note_own).unit_path, c.user}},
        {"note about another unit", note("n-other", c.note_other), c.push_note_other,
         {base + "n-other", "appraisal_note", c.note_other, kEmployees.at(c.note_other).unit_path, c.user}},
        {"note about a colleague not appraised", note("n-peer", c.note_not_appraisee),
         c.push_note_not_appraisee,
         {base + "n-peer", "appraisal_note", c.note_not_appraisee,
          kEmployees.at(c.note_not_appraisee).unit_path, c.user}},
        {"survey in own unit", Survey(base + "s-own", own_survey_unit), c.push_survey_own,
         {base + "s-own", "survey_response", "", UnitPathOf(own_survey_unit), c.user}},
        {"survey in another unit", Survey(base + "s-other", other_survey_unit), c.push_survey_other,
         {base + "s-other", "survey_response", "", UnitPathOf(other_survey_unit), c.user}},
    };
    for (const auto& cell : cells) {
      auto r = Call("POST", "/api/v1/sync/push", Push(c.device, Json::array({cell.change})), token);
      EXPECT_EQ(r.status, cell.status) << cell.what << ": " << r.body;
      if (r.status == 200) {
        EXPECT_EQ(Json::parse(r.body)["acks"][0]["outcome"], "applied") << cell.what;
        pushed_.push_back(cell.record);
      } else {
        EXPECT_EQ(Json::parse(r.body)["error"]["code"],
                  CodeName(cell.status == 401 ? Code::kUnauthenticated
                           : cell.status == 403 ? Code::kPermissionDenied
                                                : Code::kNotFound))
            << cell.what << ": " << r.body;
        if (r.status != 401) {  // a 401 is about the session, not a change
          EXPECT_EQ(Json::parse(r.body)["error"].value("change_id", ""), cell.change["change_id"])
              << cell.what << ": every refusal names its change; " << r.body;
        }
      }
    }
  }

  // Nothing refused was stored: HR sees exactly the pushes that were accepted.
  std::set<std::string> accepted;
  for (const auto& p : pushed_) accepted.insert(p.id);
  EXPECT_EQ(*store_->CountRecords("appraisal_note") + *store_->CountRecords("survey_response"),
            static_cast<int64_t>(accepted.size()));

  // Pull, conflicts, training needs, audit and devices; a pull shows exactly the caller's scope.
  for (const auto& c : kCallers) {
    SCOPED_TRACE(c.name);
    const std::string& token = tokens[c.name];
    auto pull = Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", token);
    EXPECT_EQ(pull.status, c.pull) << "pull: " << pull.body;
    if (pull.status == 200) {
      Json j = Json::parse(pull.body);
      EXPECT_FALSE(j["more"].get<bool>());
      std::set<std::string> got;
      for (const auto& rec : j["records"]) got.insert(rec["id"].get<std::string>());
      EXPECT_EQ(got, ExpectedPull(c));
    } else {
      EXPECT_EQ(pull.body.find("\"records\""), std::string::npos) << pull.body;
    }
    EXPECT_EQ(Call("GET", "/api/v1/conflicts", "", token).status, c.conflicts) << "conflicts";
    // Training needs are open to the same roles as conflicts (supervisors, HR, admins).
    EXPECT_EQ(Call("GET", "/api/v1/reports/training-needs?period=2026", "", token).status, c.conflicts)
        << "training needs";
    EXPECT_EQ(Call("GET", "/api/v1/audit?since=0", "", token).status, c.audit) << "audit";
    auto devices = Call("GET", "/api/v1/devices", "", token);
    EXPECT_EQ(devices.status, c.devices) << "devices: " << devices.body;
    if (devices.status == 200 && std::string(c.role) != "admin" && std::string(c.role) != "hr") {
      for (const auto& d : Json::parse(devices.body)["devices"]) EXPECT_EQ(d["username"], c.user);
    }
  }

  // Log out: the token stops working; nobody else's session is touched.
  for (const auto& c : kCallers) {
    SCOPED_TRACE(c.name);
    const std::string& token = tokens[c.name];
    EXPECT_EQ(Call("POST", "/api/v1/logout", "", token).status, c.logout) << "logout";
    EXPECT_EQ(Call("GET", "/api/v1/me", "", token).status, 401) << "me after logout";
  }
}

// The field app's kinds: competency assessments (appraiser, HR, admin) and queue tickets
// (officers of a unit with a queue log), each pushed into the caller's own scope and another,
// then pulled by everyone against the model: supervisors see their appraisees' assessments and
// their subtree's tickets, an employee her own submitted assessment and her own tickets.
TEST_F(Authorization, EveryRoleGetsTheExpectedAnswerForCompetencyAssessmentsAndQueueTickets) {
  struct Row {
    const char* user;
    const char* device;
    const char* employee_own;  // competency: an employee in the caller's scope
    const char* employee_other;
    const char* queue_own;     // queue: the caller's queue unit, and another unit
    const char* queue_other;
    int competency_own, competency_other, queue_own_status, queue_other_status;
  };
  // clang-format off
  const Row rows[] = {
      {"admin",  "adm-pc",   "e-ani",  "e-lina", "dpmptsp", "disdukcapil", 200, 200, 403, 403},
      {"hr",     "hr-pc",    "e-dedi", "e-lina", "dpmptsp", "disdukcapil", 200, 200, 403, 403},
      {"budi",   "budi-tab", "e-sri",  "e-lina", "dpmptsp", "disdukcapil", 200, 404, 200, 404},
      {"rina",   "rina-tab", "e-agus", "e-ani",  "dpmptsp", "disdukcapil", 200, 404, 200, 404},
      {"loket1", "kiosk-1",  "e-ani",  "e-lina", "dpmptsp", "disdukcapil", 403, 403, 403, 403},
      {"ani",    "ani-hp",   "e-ani",  "e-lina", "dpmptsp", "disdukcapil", 403, 403, 200, 404},
  };
  // clang-format on
  const std::map<std::string, std::string> employee_of = {
      {"budi", "e-budi"}, {"rina", "e-rina"}, {"ani", "e-ani"}};
  const std::map<std::string, std::string> unit_of = {
      {"budi", kPelayanan}, {"rina", kPengaduan}, {"ani", kPelayanan}};
  struct Stored { std::string id, kind, subject, unit_path, author; };
  std::vector<Stored> stored;
  std::map<std::string, std::string> tokens;
  int n = 0;
  for (const auto& row : rows) {
    SCOPED_TRACE(row.user);
    tokens[row.user] = LoginAs(row.user, row.device);
    std::string officer = employee_of.count(row.user) ? employee_of.at(row.user) : "";
    auto push = [&](const Json& change) {
      return Call("POST", "/api/v1/sync/push", Push(row.device, Json::array({change})), tokens[row.user]);
    };
    for (int other = 0; other < 2; ++other) {
      std::string employee = other ? row.employee_other : row.employee_own;
      std::string id = "cmp-" + std::to_string(++n);
      Json change{{"change_id", "c-" + id}, {"record_id", id}, {"kind", "competency_assessment"},
                  {"base_version", 0},
                  {"body", {{"employee_id", employee}, {"period", "2026"}, {"status", "draft"},
                            {"assessed", Json::object()}}}};
      auto r = push(change);
      EXPECT_EQ(r.status, other ? row.competency_other : row.competency_own) << employee << ": " << r.body;
      if (r.status == 200) stored.push_back({id, "competency_assessment", employee, kEmployees.at(employee).unit_path, row.user});

      std::string unit = other ? row.queue_other : row.queue_own;
      std::string qid = "q-" + std::to_string(n);
      Json ticket{{"change_id", "c-" + qid}, {"record_id", qid}, {"kind", "queue_ticket"},
                  {"base_version", 0},
                  {"body", {{"unit_id", unit}, {"ticket", n}, {"issued_at", "2026-11-29T01:00:00Z"},
                            {"officer", officer}}}};
      r = push(ticket);
      EXPECT_EQ(r.status, other ? row.queue_other_status : row.queue_own_status) << unit << ": " << r.body;
      if (r.status == 200) stored.push_back({qid, "queue_ticket", officer, unit_of.at(row.user), row.user});
    }
  }
  EXPECT_EQ(*store_->CountRecords("competency_assessment") + *store_->CountRecords("queue_ticket"),
            static_cast<int64_t>(stored.size()));

  for (const auto& row : rows) {
    SCOPED_TRACE(row.user);
    auto pull = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", tokens[row.user]).body);
    std::set<std::string> got;
    for (const auto& rec : pull["records"]) {
      std::string kind = rec["kind"];
      if (kind == "competency_assessment" || kind == "queue_ticket") got.insert(rec["id"].get<std::string>());
    }
    std::set<std::string> want;
    std::string user = row.user;
    for (const auto& s : stored) {
      if (user == "admin" || user == "hr") {
        if (s.kind != "queue_ticket") want.insert(s.id);  // tickets reach HR in reports only
      } else if (user == "budi" || user == "rina") {
        std::string path = unit_of.at(user);
        bool in_subtree = s.unit_path.rfind(path, 0) == 0;
        bool appraisee = s.kind == "competency_assessment" &&
                         kEmployees.at(s.subject).supervisor == employee_of.at(user);
        if (in_subtree && (s.kind == "queue_ticket" || appraisee || s.author == user)) want.insert(s.id);
      } else if (user == "ani") {
        // Drafts only here: Ani sees her own tickets, no assessment.
        if (s.kind == "queue_ticket" && s.author == "ani") want.insert(s.id);
      }
    }
    EXPECT_EQ(got, want);
  }
}

// The employee's own kinds (server/kinds/employee_kinds.cpp) against every caller: only the
// employee herself writes her self-assessment and her response to an appraisal; her appraiser
// reads them (a self-assessment once submitted), HR and admins read all, nobody else reads any.
struct EmployeeKindsCaller {
  const char* name;
  size_t caller;  // index into kCallers, or kDedi for the second employee account
  int self_ani, self_dedi, response_ani, response_dedi;
};
constexpr size_t kDedi = 100;

// clang-format off
const EmployeeKindsCaller kEmployeeKindsCallers[] = {
 // name                      caller  self ani/dedi  response ani/dedi
 {"admin",                    0,      403, 403,      403, 403},
 {"hr",                       1,      403, 403,      403, 403},
 {"supervisor, own unit",     2,      403, 403,      403, 403},
 {"supervisor, other unit",   3,      403, 403,      403, 403},
 {"enumerator",               4,      403, 403,      403, 403},
 {"employee ani",             5,      200, 403,      200, 403},
 {"employee dedi",            kDedi,  403, 200,      403, 200},
 {"no token",                 6,      401, 401,      401, 401},
 {"expired token",            7,      401, 401,      401, 401},
 {"disabled account",         8,      401, 401,      401, 401},
 {"revoked device",           9,      401, 401,      401, 401},
};
// clang-format on

TEST_F(Authorization, OnlyTheEmployeeWritesHerSelfAssessmentAndResponseAndOnlyHerScopeReadsThem) {
  const Caller dedi{"employee dedi", "dedi", "dedi-hp", Token::kValid, "employee", kPelayanan, "e-dedi",
                    "", "", "", "", "", 200, 200, 403, 403, 403, 403, 403, 200, 403, 403, 200, 200};
  UserSpec dedi_user{"dedi", kDemoPassword, "Dedi Kurniawan", wire::Role::kEmployee, "pelayanan",
                     "e-dedi", ""};
  ASSERT_TRUE(store_->AddUser(dedi_user).ok());
  auto caller_of = [&](const EmployeeKindsCaller& e) -> const Caller& {
    return e.caller == kDedi ? dedi : kCallers[e.caller];
  };
  std::map<std::string, std::string> tokens;
  for (const auto& e : kEmployeeKindsCallers) tokens[e.name] = TokenFor(caller_of(e));

  // Budi signs off the appraisals of Ani and Dedi; the employees object to those.
  std::string budi = LoginAs("budi", "budi-appraiser");
  for (const char* employee : {"e-ani", "e-dedi"}) {
    Json skp{{"template", "permenpanrb-6-2022.v1"}, {"rating_hasil_kerja", "Sesuai"},
             {"perilaku", {{"berorientasi_pelayanan", "Sesuai"}, {"akuntabel", "Sesuai"},
                           {"kompeten", "Sesuai"}, {"harmonis", "Sesuai"}, {"loyal", "Sesuai"},
                           {"adaptif", "Sesuai"}, {"kolaboratif", "Sesuai"}}}};
    Json change{{"change_id", std::string("a-") + employee}, {"record_id", std::string("skp-") + employee},
                {"kind", "appraisal"}, {"base_version", 0},
                {"body", {{"employee_id", employee}, {"period", "2026"}, {"status", "signed_off"}, {"skp", skp}}}};
    ASSERT_EQ(Call("POST", "/api/v1/sync/push", Push("budi-appraiser", Json::array({change})), budi).status, 200);
  }
  // Ani's self-assessment is submitted, Dedi's stays a draft (hidden from his appraiser).
  struct Expect { std::string id, kind, subject, status; };
  std::vector<Expect> stored = {{"skp-e-ani", "appraisal", "e-ani", "signed_off"},
                                {"skp-e-dedi", "appraisal", "e-dedi", "signed_off"}};
  for (const auto& e : kEmployeeKindsCallers) {
    const Caller& c = caller_of(e);
    SCOPED_TRACE(e.name);
    std::string base = std::string(c.device) + "-";
    auto self = [&](const char* employee, const char* status) {
      Json skp{{"template", "permenpanrb-6-2022.v1"}, {"rating_hasil_kerja", "Di Atas"},
               {"perilaku", {{"berorientasi_pelayanan", "Di Atas"}, {"akuntabel", "Sesuai"},
                             {"kompeten", "Sesuai"}, {"harmonis", "Sesuai"}, {"loyal", "Sesuai"},
                             {"adaptif", "Sesuai"}, {"kolaboratif", "Sesuai"}}}};
      std::string id = base + "self-" + employee;
      return Json{{"change_id", "c-" + id}, {"record_id", id}, {"kind", "self_assessment"},
                  {"base_version", 0},
                  {"body", {{"employee_id", employee}, {"period", "2026"}, {"status", status}, {"skp", skp}}}};
    };
    auto response = [&](const char* employee) {
      std::string id = base + "resp-" + employee;
      return Json{{"change_id", "c-" + id}, {"record_id", id}, {"kind", "appraisal_response"},
                  {"base_version", 0},
                  {"body", {{"appraisal_id", std::string("skp-") + employee}, {"decision", "object"},
                            {"reason", "Realisasi saya 105%."}}}};
    };
    struct Cell { const char* what; Json change; int status; Expect record; };
    const Cell cells[] = {
        {"self-assessment of ani", self("e-ani", "submitted"), e.self_ani,
         {base + "self-e-ani", "self_assessment", "e-ani", "submitted"}},
        {"self-assessment of dedi", self("e-dedi", "draft"), e.self_dedi,
         {base + "self-e-dedi", "self_assessment", "e-dedi", "draft"}},
        {"response to ani's appraisal", response("e-ani"), e.response_ani,
         {base + "resp-e-ani", "appraisal_response", "e-ani", ""}},
        {"response to dedi's appraisal", response("e-dedi"), e.response_dedi,
         {base + "resp-e-dedi", "appraisal_response", "e-dedi", ""}},
    };
    for (const auto& cell : cells) {
      auto r = Call("POST", "/api/v1/sync/push", Push(c.device, Json::array({cell.change})), tokens[e.name]);
      EXPECT_EQ(r.status, cell.status) << cell.what << ": " << r.body;
      if (r.status == 200) {
        stored.push_back(cell.record);
      } else {
        EXPECT_EQ(Json::parse(r.body)["error"]["code"],
                  CodeName(cell.status == 401 ? Code::kUnauthenticated : Code::kPermissionDenied))
            << cell.what << ": " << r.body;
      }
    }
  }
  EXPECT_EQ(*store_->CountRecords("self_assessment"), 2);
  EXPECT_EQ(*store_->CountRecords("appraisal_response"), 2);

  // Pulls: the records of these kinds each caller sees, by the model of docs/sync.md.
  for (const auto& e : kEmployeeKindsCallers) {
    const Caller& c = caller_of(e);
    SCOPED_TRACE(e.name);
    auto pull = Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "", tokens[e.name]);
    if (c.token != Token::kValid) {
      EXPECT_EQ(pull.status, 401);
      continue;
    }
    ASSERT_EQ(pull.status, 200) << pull.body;
    std::set<std::string> got, want;
    const Json pulled = Json::parse(pull.body);
    for (const auto& rec : pulled["records"]) {
      std::string kind = rec["kind"];
      if (kind == "appraisal" || kind == "self_assessment" || kind == "appraisal_response") {
        got.insert(rec["id"].get<std::string>());
      }
    }
    std::string role = c.role;
    for (const auto& r : stored) {
      bool appraiser = role == "supervisor" && kEmployees.at(r.subject).supervisor == std::string(c.employee_id);
      if (role == "admin" || role == "hr" || (role == "employee" && r.subject == c.employee_id) ||
          (appraiser && (r.kind != "self_assessment" || r.status == "submitted"))) {
        want.insert(r.id);
      }
    }
    EXPECT_EQ(got, want);
  }
}

TEST_F(Authorization, AnEmployeeSeesNoNotesAboutThemselves) {
  std::string budi = LoginAs("budi", "budi-tab");
  ASSERT_EQ(Call("POST", "/api/v1/sync/push",
                 Push("budi-tab", Json::array({NoteChange("c-1", "n-1", 0, "e-ani", "rahasia")})), budi)
                .status,
            200);
  auto pull = Json::parse(Call("GET", "/api/v1/sync/pull", "", LoginAs("ani", "ani-hp")).body);
  std::set<std::string> ids;
  for (const auto& rec : pull["records"]) ids.insert(rec["id"].get<std::string>());
  EXPECT_EQ(ids, (std::set<std::string>{"e-ani", "unit.pemkot", "unit.dpmptsp", "unit.pelayanan"}))
      << pull;
}


// The HR workspace's kinds and endpoints: a training_record (HR and admins write it; the
// unit's supervisors, HR and admins receive it; employees and enumerators neither) and every
// report, export, recap and document (supervisors, HR, admins; never an employee or an
// enumerator; nobody without a session).
TEST_F(Authorization, EveryRoleGetsTheExpectedAnswerForTrainingRecordsAndEveryReport) {
  struct Row {
    const char* user;
    const char* device;
    int push;       // a training_record of pelayanan
    bool receives;  // it is in their pull
    int reports;    // every GET under /api/v1/reports/
  };
  // clang-format off
  const Row rows[] = {
      {"admin",  "adm-pc",   200, true,  200},
      {"hr",     "hr-pc",    200, true,  200},
      {"budi",   "budi-tab", 403, true,  200},
      {"rina",   "rina-tab", 403, false, 200},
      {"loket1", "kiosk-1",  403, false, 403},
      {"ani",    "ani-hp",   403, false, 403},
  };
  // clang-format on
  std::map<std::string, std::string> tokens;
  for (const auto& row : rows) tokens[row.user] = LoginAs(row.user, row.device);
  for (const auto& row : rows) {
    SCOPED_TRACE(row.user);
    const std::string id = std::string("training.") + row.device;
    Json change{{"change_id", "c-" + id}, {"record_id", id}, {"kind", "training_record"},
                {"base_version", 0},
                {"body", {{"unit_id", "pelayanan"}, {"title", "Pelatihan Pelayanan Prima"},
                          {"start_date", "2026-05-11"}, {"end_date", "2026-05-13"}, {"hours", 24},
                          {"participants", Json::array({"e-ani"})}}}};
    auto r = Call("POST", "/api/v1/sync/push", Push(row.device, Json::array({change})),
                  tokens[row.user]);
    EXPECT_EQ(r.status, row.push) << r.body;
    if (r.status != 200) {
      EXPECT_EQ(Json::parse(r.body)["error"].value("change_id", ""), "c-" + id)
          << "the refusal names its change: " << r.body;
    }
  }
  EXPECT_EQ(*store_->CountRecords("training_record"), 2) << "HR's and the admin's; no refused one";
  for (const auto& row : rows) {
    SCOPED_TRACE(row.user);
    int trainings = 0;
    for (int64_t since = 0, more = 1; more;) {
      auto pull = Call("GET", "/api/v1/sync/pull?since=" + std::to_string(since) + "&limit=1000", "",
                       tokens[row.user]);
      ASSERT_EQ(pull.status, 200) << pull.body;
      const Json page = Json::parse(pull.body);
      for (const auto& rec : page["records"]) trainings += rec["kind"] == "training_record";
      more = page["more"].get<bool>();
      since = page["cursor"].get<int64_t>();
    }
    EXPECT_EQ(trainings, row.receives ? 2 : 0);
    for (const char* path : {"progress?period=2026", "distribution?period=2026",
                             "objectivity?period=2026", "satisfaction?period=2026",
                             "service-time?period=2026&split=2026-07-01",
                             "unit-timeline?unit=dpmptsp", "training-needs?period=2026",
                             "workspace?period=2026",
                             "progress?period=2026&format=csv", "distribution?period=2026&format=xlsx",
                             "unit-recap?unit=pelayanan&period=2026"}) {
      auto got = Call("GET", std::string("/api/v1/reports/") + path, "", tokens[row.user]);
      EXPECT_EQ(got.status, row.reports) << path << ": " << got.body.substr(0, 300);
      EXPECT_EQ(Call("GET", std::string("/api/v1/reports/") + path, "", "").status, 401) << path;
    }
  }
}

// Objections decided (server/kinds/objection_kinds.cpp, docs/rules/objections.md) against
// every role: Ani's objection is routed to Darmawan (Budi's supervisor), Lina's to nobody
// (Hendra has no supervisor), so HR or an admin decides it. Only those may push the decision,
// once; it reaches the employee, her appraiser, the atasan, HR and admins, nobody else.
TEST_F(Authorization, OnlyTheAtasanDecidesAnObjectionHrWhenTheChainEndsAndOnlyTheirScopeReadsIt) {
  ASSERT_TRUE(store_->AddUser({"lina", kDemoPassword, "Lina Kartika", wire::Role::kEmployee,
                               "pendaftaran", "e-lina", ""}).ok());
  auto appraisal = [](const std::string& employee) {
    Json perilaku = Json::object();
    for (const char* v : {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal",
                          "adaptif", "kolaboratif"}) {
      perilaku[v] = "Sesuai";
    }
    return Json{{"change_id", "a-" + employee}, {"record_id", "skp-" + employee}, {"kind", "appraisal"},
                {"base_version", 0},
                {"body", {{"employee_id", employee}, {"period", "2026"}, {"status", "signed_off"},
                          {"skp", {{"template", "permenpanrb-6-2022.v1"}, {"rating_hasil_kerja", "Sesuai"},
                                   {"perilaku", perilaku}}}}}};
  };
  auto objection = [](const std::string& employee) {
    return Json{{"change_id", "o-" + employee}, {"record_id", "resp-" + employee},
                {"kind", "appraisal_response"}, {"base_version", 0},
                {"body", {{"appraisal_id", "skp-" + employee}, {"decision", "object"},
                          {"reason", "Realisasi saya 105%."}}}};
  };
  for (const auto& [appraiser, employee] : {std::pair{"budi", "e-ani"}, std::pair{"hendra", "e-lina"}}) {
    ASSERT_EQ(Call("POST", "/api/v1/sync/push",
                   Push("tab", Json::array({appraisal(employee)})), LoginAs(appraiser, "tab")).status,
              200);
  }
  ASSERT_EQ(Call("POST", "/api/v1/sync/push", Push("hp", Json::array({objection("e-ani")})),
                 LoginAs("ani", "hp")).status, 200);
  ASSERT_EQ(Call("POST", "/api/v1/sync/push", Push("hp", Json::array({objection("e-lina")})),
                 LoginAs("lina", "hp")).status, 200);

  struct Row {
    const char* user;  // "" for no session
    int ani, lina;     // the HTTP status of a decision of each objection, in this order
    bool reads_ani, reads_lina;
  };
  // Those who may not decide come first; the decision is final, so after admin decided Lina's
  // HR is told it is locked.
  // clang-format off
  const Row rows[] = {
      {"",         401, 401, false, false},
      {"loket1",   403, 403, false, false},
      {"ani",      403, 403, true,  false},
      {"lina",     403, 403, false, true},
      {"budi",     403, 403, true,  false},
      {"rina",     403, 403, false, false},
      {"hendra",   403, 403, false, true},
      {"darmawan", 200, 403, true,  false},
      {"admin",    409, 200, true,  true},
      {"hr",       409, 409, true,  true},
  };
  // clang-format on
  for (const Row& row : rows) {
    SCOPED_TRACE(row.user[0] ? row.user : "no session");
    const std::string token = row.user[0] ? LoginAs(row.user, std::string(row.user) + "-dev") : "";
    for (const auto& [employee, want] : {std::pair{std::string("e-ani"), row.ani},
                                         std::pair{std::string("e-lina"), row.lina}}) {
      Json decision{{"change_id", std::string("d-") + row.user + employee},
                    {"record_id", "decision.resp-" + employee}, {"kind", "objection_decision"},
                    {"base_version", 0},
                    {"body", {{"response_id", "resp-" + employee}, {"outcome", "rejected"},
                              {"reason", "Kedua pihak didengar."}}}};
      auto r = Call("POST", "/api/v1/sync/push",
                    Push(std::string(row.user) + "-dev", Json::array({decision})), token);
      EXPECT_EQ(r.status, want) << employee << ": " << r.body;
    }
  }
  EXPECT_EQ(*store_->CountRecords("objection_decision"), 2) << "one decision each, final";
  for (const Row& row : rows) {
    if (!row.user[0]) continue;
    SCOPED_TRACE(row.user);
    Json pulled = Json::parse(Call("GET", "/api/v1/sync/pull?since=0&limit=1000", "",
                                   LoginAs(row.user, std::string(row.user) + "-dev")).body);
    std::set<std::string> got;
    for (const auto& rec : pulled["records"]) {
      if (rec["kind"] == "objection_decision") got.insert(rec["id"].get<std::string>());
    }
    std::set<std::string> want;
    if (row.reads_ani) want.insert("decision.resp-e-ani");
    if (row.reads_lina) want.insert("decision.resp-e-lina");
    EXPECT_EQ(got, want);
  }
}

}  // namespace
}  // namespace kinerja::server::testing

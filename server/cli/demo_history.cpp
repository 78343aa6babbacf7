// The demo city's history (demo_history.h): units, staff and accounts through the store's admin
// calls, every record as its writer would push it (demo_push.h).
#include "server/cli/demo_history.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "engine/sync/ids.h"
#include "server/auth/auth.h"
#include "server/cli/demo.h"
#include "server/cli/demo_push.h"
#include "server/kinds/competency_kinds.h"

namespace kinerja::server {
namespace {

// NIPs of the history's staff: GeneratedNip far above the indices AddDemoStaff uses.
constexpr int kNipBase = 900000;

template <size_t N>
const char* Pick(const char* const (&list)[N], size_t i) { return list[i % N]; }

enum class Tendency { kNone, kLenient, kSevere };

struct NewUnit {
  const char* id;
  const char* parent_path;  // "/pemkot/dpmptsp/"
  const char* parent;
  const char* name;
  const char* short_id;  // employee ids e-<short>-NN
  const char* login;
  const char* head_name;
  Tendency tendency;
  int staff;
  const char* org_predikat;  // "" for none (the unit the distribution lists as not set)
};

const NewUnit kUnits[] = {
    {"perizinan-usaha", "/pemkot/dpmptsp/", "dpmptsp", "Bidang Perizinan Berusaha", "pu", "sari",
     "Sari Puspitasari, S.E.", Tendency::kLenient, 12, "baik"},
    {"penanaman-modal", "/pemkot/dpmptsp/", "dpmptsp", "Bidang Promosi Penanaman Modal", "pm",
     "wati", "Wati Handayani, S.T.", Tendency::kNone, 10, "baik"},
    {"pencatatan-sipil", "/pemkot/disdukcapil/", "disdukcapil", "Bidang Pelayanan Pencatatan Sipil",
     "ps", "teguh", "Teguh Prasetyo, S.H.", Tendency::kSevere, 12, "baik"},
    {"pengembangan", "/pemkot/bkpsdm/", "bkpsdm", "Bidang Pengembangan Kompetensi Aparatur", "pk",
     "joko", "Joko Susilo, M.Si.", Tendency::kNone, 10, ""},
};

// Positions for the history's staff, defined city-wide (unit pemkot).
constexpr const char* kHistoryPositions = R"json({"positions": [
 {"position_id": "kepala-bidang", "name": "Kepala Bidang", "unit_id": "pemkot",
  "competencies": [{"code": "M.01", "required_level": 3}, {"code": "M.02", "required_level": 3},
   {"code": "M.03", "required_level": 3}, {"code": "M.04", "required_level": 3},
   {"code": "M.05", "required_level": 3}, {"code": "M.06", "required_level": 3},
   {"code": "M.07", "required_level": 3}, {"code": "M.08", "required_level": 3},
   {"code": "S.01", "required_level": 3}]},
 {"position_id": "pelaksana-layanan", "name": "Pelaksana Layanan", "unit_id": "pemkot",
  "competencies": [{"code": "M.01", "required_level": 2}, {"code": "M.02", "required_level": 2},
   {"code": "M.03", "required_level": 3}, {"code": "M.05", "required_level": 2},
   {"code": "S.01", "required_level": 2}, {"code": "T.PTSP.01", "required_level": 3, "importance": 2}],
  "technical_competencies": [{"code": "T.PTSP.01", "name": "Pelayanan Perizinan Terpadu Satu Pintu"}]}
]})json";

struct Staff {
  std::string id, unit_path;
  int unit = 0;  // index into kUnits
  int k = 0;     // 0: the head, 1..: staff
};

// The predikat a rater gives staff member k in period p (0 or 1).
const char* PredikatFor(Tendency t, int k, int p) {
  static const char* const kNormal[] = {"baik", "baik", "sangat_baik", "baik", "butuh_perbaikan",
                                        "baik", "baik", "sangat_baik", "baik", "kurang"};
  static const char* const kSevere[] = {"butuh_perbaikan", "kurang", "sangat_kurang",
                                        "butuh_perbaikan", "baik", "kurang"};
  if (t == Tendency::kLenient) return (k + p) % 6 == 0 ? "baik" : "sangat_baik";
  if (t == Tendency::kSevere) return Pick(kSevere, static_cast<size_t>(k + p));
  return Pick(kNormal, static_cast<size_t>(k + 3 * p));
}

// SKP inputs (PermenPANRB 6/2022) that the server scores to `predikat`: the hasil kerja rating
// and every BerAKHLAK value but one at the perilaku rating (the median), one value differing.
Json SkpFor(const std::string& predikat, int k) {
  std::string hasil = "sesuai", perilaku = "sesuai", odd = "di_atas";
  int percent = 100;
  if (predikat == "sangat_baik") hasil = perilaku = "di_atas", odd = "sesuai", percent = 112;
  if (predikat == "butuh_perbaikan") hasil = "di_bawah", percent = 70;
  if (predikat == "kurang") perilaku = "di_bawah", odd = "sesuai";
  if (predikat == "sangat_kurang") hasil = perilaku = "di_bawah", odd = "sesuai", percent = 60;
  Json values = Json::object();
  for (size_t v = 0; v < std::size(kBerakhlakValues); ++v) {
    values[kBerakhlakValues[v]] = static_cast<int>(v) == k % 7 ? odd : perilaku;
  }
  Json rows = Json::array();
  for (int r = 0; r < 3; ++r) {
    const int target = 20 + 10 * ((k + r) % 5);
    rows.push_back(Json{{"rhk", "Terlaksananya layanan " + std::to_string(r + 1) + " sesuai standar"},
                        {"iki", "Jumlah dokumen layanan " + std::to_string(r + 1) + " yang diselesaikan"},
                        {"satuan", "dokumen"},
                        {"target", target},
                        {"realisasi", target * percent / 100}});
  }
  return Json{{"template", "permenpanrb-6-2022.v1"},
              {"hasil_kerja", rows},
              {"rating_hasil_kerja", hasil},
              {"perilaku", values}};
}

std::string DateText(const org::Date& d) { return org::FormatDate(d); }

}  // namespace

org::Date DemoTrainingDate(const org::Date& today) { return org::AddDays(today, -182); }

Status SeedDemoHistory(CentralStore& store, const org::Date& today, int64_t now) {
  const std::string previous = std::to_string(today.year - 1);
  const std::string semester = std::to_string(today.year) + "-S1";
  const std::string this_year = std::to_string(today.year);
  const std::string periods[] = {previous, semester};
  const org::Date training = DemoTrainingDate(today);

  // Units, positions, staff and the new accounts.
  for (const NewUnit& u : kUnits) {
    Status added = store.AddUnit(u.id, u.parent, u.name, "bidang");
    if (added.code() == Code::kAlreadyExists) {
      return Status::AlreadyExists(std::string("the demo history is already there (unit ") + u.id +
                                   " exists)");
    }
    KINERJA_RETURN_IF_ERROR(added);
  }
  KINERJA_ASSIGN_OR_RETURN(const Json positions, ParseJson(kHistoryPositions));
  for (const auto& p : positions["positions"]) {
    KINERJA_RETURN_IF_ERROR(CheckPositionBody(p));
    KINERJA_RETURN_IF_ERROR(store.PutServerRecord("position." + p["position_id"].get<std::string>(),
                                                  "position", "pemkot", p).status());
  }
  KINERJA_ASSIGN_OR_RETURN(const std::string hash, HashPassword(kDemoPassword));
  std::vector<Staff> staff;
  std::vector<Principal> heads;  // per unit
  int serial = 0;
  for (size_t ui = 0; ui < std::size(kUnits); ++ui) {
    const NewUnit& u = kUnits[ui];
    const std::string path = std::string(u.parent_path) + u.id + "/";
    const std::string head = std::string("e-") + u.short_id + "-00";
    for (int k = 0; k <= u.staff; ++k) {
      const int n = kNipBase + serial++;
      const std::string id = std::string("e-") + u.short_id + "-" + PadNumber(k, 2);
      KINERJA_RETURN_IF_ERROR(store.UpsertEmployee(
          {id, GeneratedNip(n), k == 0 ? u.head_name : GeneratedName(n),
           k == 0 ? "Kepala Bidang" : "Pelaksana Layanan", u.id, k == 0 ? "" : head,
           k == 0 ? "kepala-bidang" : "pelaksana-layanan",
           k == 0 ? "Pembina, IV/a" : k % 2 ? "Penata Muda, III/a" : "Pengatur, II/c"}));
      staff.push_back({id, path, static_cast<int>(ui), k});
    }
    KINERJA_ASSIGN_OR_RETURN(
        const std::string user_id,
        store.AddUser({u.login, "", u.head_name, wire::Role::kSupervisor, u.id, head, hash}));
    heads.push_back({user_id, u.login, wire::Role::kSupervisor, path, head, "tab-" + head});
  }
  KINERJA_ASSIGN_OR_RETURN(
      const std::string loket2,
      store.AddUser({"loket2", "", "Enumerator Loket Disdukcapil", wire::Role::kEnumerator,
                     "disdukcapil", "", hash}));
  auto session = store.Login({"hr", kDemoPassword, "demo-history", "demo"}, now);
  if (!session.ok()) return session.status();
  KINERJA_ASSIGN_OR_RETURN(const Principal hr, store.Authenticate(session->token, now));

  // Self-assessments (before the appraisals, as a staff member sends theirs first).
  for (const Staff& s : staff) {
    if (s.k == 0) continue;
    for (int p = 0; p < 2; ++p) {
      if ((s.k + p) % 3 != 1) continue;
      std::vector<wire::Change> one;
      one.push_back(NewChange("self-" + s.id + "-" + periods[p], "self_assessment",
                              Json{{"employee_id", s.id}, {"period", periods[p]},
                                   {"status", "submitted"},
                                   {"skp", SkpFor(s.k % 4 ? "sangat_baik" : "baik", s.k)}}));
      KINERJA_RETURN_IF_ERROR(PushAll(store, EmployeePrincipal(s.id, s.unit_path), std::move(one), now));
    }
  }

  // Appraisals: each head those of their staff, HR the heads'. Signed off but every fifth.
  for (int p = 0; p < 2; ++p) {
    std::vector<std::vector<wire::Change>> by_head(std::size(kUnits));
    std::vector<wire::Change> by_hr;
    for (const Staff& s : staff) {
      const NewUnit& u = kUnits[s.unit];
      const char* predikat = s.k == 0 ? "baik" : PredikatFor(u.tendency, s.k, p);
      Json body{{"employee_id", s.id},
                {"period", periods[p]},
                {"status", s.k % 5 == 4 ? "submitted" : "signed_off"},
                {"skp", SkpFor(predikat, s.k)},
                {"comments", "Pertahankan kinerja dan tingkatkan ketepatan waktu pelaporan."}};
      auto c = NewChange("skp-" + s.id + "-" + periods[p], "appraisal", std::move(body));
      (s.k == 0 ? by_hr : by_head[static_cast<size_t>(s.unit)]).push_back(std::move(c));
    }
    for (size_t ui = 0; ui < by_head.size(); ++ui) {
      KINERJA_RETURN_IF_ERROR(PushAll(store, heads[ui], std::move(by_head[ui]), now));
    }
    KINERJA_RETURN_IF_ERROR(PushAll(store, hr, std::move(by_hr), now));
  }

  // Responses to the previous year's appraisals: staff 1 and 2 of every unit accept; staff 3 of
  // penanaman-modal objects (the demo's one objection).
  for (const Staff& s : staff) {
    const bool object = s.unit == 1 && s.k == 3;
    if (!object && s.k != 1 && s.k != 2) continue;
    const std::string appraisal = "skp-" + s.id + "-" + previous;
    Json body{{"appraisal_id", appraisal}, {"decision", object ? "object" : "accept"}};
    if (object) body["reason"] = "Target kuantitas tidak sesuai dengan beban kerja yang disepakati";
    std::vector<wire::Change> one;
    one.push_back(NewChange("resp-" + appraisal, "appraisal_response", std::move(body)));
    KINERJA_RETURN_IF_ERROR(PushAll(store, EmployeePrincipal(s.id, s.unit_path), std::move(one), now));
  }

  // Competency assessments of the staff (not the heads) for the previous and this year: some
  // below the required level (training needs), a little better this year.
  const Json& required = positions["positions"][1]["competencies"];
  {
    std::vector<std::vector<wire::Change>> by_head(std::size(kUnits));
    for (const Staff& s : staff) {
      if (s.k == 0 || s.k % 4 == 0) continue;
      for (const std::string& period : {previous, this_year}) {
        const int better = period == this_year ? 1 : 0;
        Json assessed = Json::object();
        int c = 0;
        for (const auto& comp : required) {
          const int gap = (s.k + c++) % 3 == 0 ? 1 + (s.k % 2) : 0;
          assessed[comp["code"].get<std::string>()] =
              std::clamp(comp["required_level"].get<int>() - gap + better * (c % 2), 1, 5);
        }
        by_head[static_cast<size_t>(s.unit)].push_back(
            NewChange("cmp-" + s.id + "-" + period, "competency_assessment",
                      Json{{"employee_id", s.id}, {"period", period}, {"status", "submitted"},
                           {"assessed", assessed}}));
      }
    }
    for (size_t ui = 0; ui < by_head.size(); ++ui) {
      KINERJA_RETURN_IF_ERROR(PushAll(store, heads[ui], std::move(by_head[ui]), now));
    }
  }

  // unit_performance (HR): every new bidang but pengembangan; the DPMPTSP and the Disdukcapil
  // with their service users (the survey's population) this year.
  {
    std::vector<wire::Change> changes;
    for (const NewUnit& u : kUnits) {
      if (*u.org_predikat == '\0') continue;
      for (const std::string& period : periods) {
        changes.push_back(NewChange("unit_performance." + std::string(u.id) + "." + period,
                                    "unit_performance",
                                    Json{{"unit_id", u.id}, {"period", period}, {"predikat", u.org_predikat}}));
      }
    }
    for (const char* unit : {"dpmptsp", "disdukcapil"}) {
      changes.push_back(NewChange("unit_performance." + std::string(unit) + "." + this_year,
                                  "unit_performance",
                                  Json{{"unit_id", unit}, {"period", this_year}, {"predikat", "baik"},
                                       {"service_users", unit[1] == 'p' ? 24000 : 18000}}));
    }
    KINERJA_RETURN_IF_ERROR(PushAll(store, hr, std::move(changes), now));
  }

  // The training of the DPMPTSP's officers (the case study), by HR.
  const int kOfficers = 4;  // staff 1-4 of perizinan-usaha log the DPMPTSP's queue
  {
    Json participants = Json::array();
    for (int k = 1; k <= kOfficers; ++k) participants.push_back("e-pu-" + PadNumber(k, 2));
    std::vector<wire::Change> one;
    one.push_back(NewChange("training.dpmptsp." + DateText(training), "training_record",
                            Json{{"unit_id", "dpmptsp"},
                                 {"title", "Pelatihan Pelayanan Prima"},
                                 {"start_date", DateText(training)},
                                 {"end_date", DateText(org::AddDays(training, 2))},
                                 {"hours", 24},
                                 {"participants", participants},
                                 {"competencies", Json::array({"M.03", "T.PTSP.01"})},
                                 {"provider", "BPSDM Provinsi Kalimantan Tengah"}}));
    KINERJA_RETURN_IF_ERROR(PushAll(store, hr, std::move(one), now));
  }

  std::mt19937_64 rng(20260613);  // fixed: the same day gives the same city
  std::uniform_real_distribution<double> u01(0, 1);
  const int64_t today_days = org::DaysFromCivil(today);
  const int64_t training_days = org::DaysFromCivil(training);

  // SKM survey responses over the 365 days before today: the DPMPTSP (loket1) and the
  // Disdukcapil (loket2). Waiting time (U3), staff competence (U6) and complaints (U8) are the
  // weak elements; the DPMPTSP's rise after the training.
  {
    KINERJA_ASSIGN_OR_RETURN(auto loket1_user, store.Login({"loket1", kDemoPassword, "kiosk-1", "demo"}, now));
    KINERJA_ASSIGN_OR_RETURN(const Principal loket1, store.Authenticate(loket1_user.token, now));
    const Principal loket2_who{loket2, "loket2", wire::Role::kEnumerator, "/pemkot/disdukcapil/", "",
                               "kiosk-2"};
    static const double kQuality[] = {3.3, 3.1, 2.5, 3.6, 3.2, 2.7, 3.0, 2.8, 3.4};
    constexpr int kSurveys = 3000;
    std::vector<wire::Change> at_dpmptsp, at_disdukcapil;
    for (int n = 0; n < kSurveys; ++n) {
      const bool dpmptsp = n % 3 != 2;
      const int64_t day = today_days - 365 + (static_cast<int64_t>(n) * 365) / kSurveys;
      const bool after = dpmptsp && day >= training_days;
      Json answers = Json::object();
      for (int e = 0; e < 9; ++e) {
        double q = kQuality[e] + (after ? (e == 2 || e == 5 || e == 7 ? 0.7 : 0.2) : 0.0);
        answers["U" + std::to_string(e + 1)] = std::clamp(static_cast<int>(q + u01(rng)), 1, 4);
      }
      Json body{{"unit_id", dpmptsp ? "dpmptsp" : "disdukcapil"},
                {"service", DemoSurveyService(n)},
                {"date", DateText(org::CivilFromDays(day))},
                {"answers", answers},
                {"profile", DemoSurveyProfile(n)}};
      (dpmptsp ? at_dpmptsp : at_disdukcapil)
          .push_back(NewChange("skm-demo-" + PadNumber(n + 1, 5), "survey_response", std::move(body)));
    }
    KINERJA_RETURN_IF_ERROR(PushAll(store, loket1, std::move(at_dpmptsp), now));
    KINERJA_RETURN_IF_ERROR(PushAll(store, loket2_who, std::move(at_disdukcapil), now));
  }

  // Queue tickets at the DPMPTSP on the working days of the 365 days before today, 12 a day,
  // logged by the four officers: waits of 15-40 minutes before the training, 5-17 after.
  {
    std::vector<std::vector<wire::Change>> by_officer(kOfficers);
    int64_t serial_ticket = 0;
    for (int64_t day = today_days - 365; day < today_days; ++day) {
      const int weekday = static_cast<int>((day + 4) % 7);  // 0 Sunday (1970-01-01 a Thursday)
      if (weekday == 0 || weekday == 6) continue;
      const bool after = day >= training_days;
      for (int number = 1; number <= 12; ++number) {
        const int officer = (number - 1) % kOfficers;
        const std::string officer_id = "e-pu-" + PadNumber(officer + 1, 2);
        // 08:00 WIB is 01:00 UTC; a ticket every ~25 minutes.
        const int64_t issued = day * 86400 + 3600 + number * 1500 + static_cast<int64_t>(rng() % 120);
        const int64_t wait = 60 * (after ? 5 + static_cast<int64_t>(rng() % 13)
                                         : 15 + static_cast<int64_t>(rng() % 26));
        const int64_t service = 60 * (5 + static_cast<int64_t>(rng() % 15));
        Json body{{"unit_id", "dpmptsp"}, {"ticket", number}, {"issued_at", IsoUtc(issued)},
                  {"officer", officer_id}};
        const uint64_t fate = rng() % 100;
        if (fate >= 1) body["called_at"] = IsoUtc(issued + wait);
        if (fate >= 2) body["finished_at"] = IsoUtc(issued + wait + service);
        by_officer[static_cast<size_t>(officer)].push_back(
            NewChange("tkt-demo-" + PadNumber(++serial_ticket, 5), "queue_ticket", std::move(body)));
      }
    }
    for (int k = 0; k < kOfficers; ++k) {
      const std::string id = "e-pu-" + PadNumber(k + 1, 2);
      KINERJA_RETURN_IF_ERROR(PushAll(store, EmployeePrincipal(id, "/pemkot/dpmptsp/perizinan-usaha/"),
                                      std::move(by_officer[static_cast<size_t>(k)]), now));
    }
  }
  return Status::Ok();
}

}  // namespace kinerja::server

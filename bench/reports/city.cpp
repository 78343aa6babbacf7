// The report benchmark's city (city.h): units, staff and positions through the store's admin
// calls, every record a device or HR would push through CentralStore::Push (checked and
// scored by the server), in batches of up to 500 changes as the app sends them.
#include "bench/reports/city.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "bench/sync/bench_support.h"
#include "engine/org/date.h"
#include "engine/sync/ids.h"
#include "server/auth/auth.h"
#include "server/cli/demo.h"
#include "server/cli/demo_push.h"

namespace kinerja::bench {
namespace {

using server::DemoSurveyProfile;
using server::DemoSurveyService;
using server::kBerakhlakValues;
using server::NewChange;
using server::PadNumber;
using server::PushAll;

const char* const kDinasNames[] = {
    "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Sosial", "Dinas Perhubungan", "Dinas Lingkungan Hidup", "Dinas Pertanian",
    "Dinas Pariwisata", "Dinas Koperasi dan UKM", "Dinas Perdagangan dan Perindustrian"};
const char* const kBidangNames[] = {"Sekretariat", "Bidang Program dan Pelaporan",
                                    "Bidang Pelayanan", "Bidang Pengawasan dan Pengendalian"};
const char* const kPangkat[] = {"Pengatur, II/c", "Penata Muda, III/a", "Penata Muda Tingkat I, III/b",
                                "Penata, III/c", "Penata Tingkat I, III/d", "Pembina, IV/a"};

template <size_t N>
const char* Pick(const char* const (&list)[N], uint64_t i) { return list[i % N]; }

struct Employee {
  std::string id, unit_id, unit_path, supervisor_id, position_id;
  int appraiser = -1;  // index into appraisers, for those who appraise
};

struct Appraiser {
  int employee = 0;  // index into employees
  server::Principal who;
  int tendency = 0;  // +1 lenient, -1 severe, 0 neither
};

// 20 positions for the whole city: two for heads and supervisors (all eight managerial
// competencies), eighteen for staff (five of them, socio-cultural and one technical).
Json PositionBody(int p) {
  Json comps = Json::array();
  const std::string tcode = "T.KOTA." + PadNumber(p + 1, 2);
  const int manajerial = p < 2 ? 8 : 5;
  for (int m = 1; m <= manajerial; ++m) {
    comps.push_back(Json{{"code", "M.0" + std::to_string(m)}, {"required_level", p < 2 ? 3 : 2 + (p + m) % 2}});
  }
  comps.push_back(Json{{"code", "S.01"}, {"required_level", p < 2 ? 3 : 2}});
  comps.push_back(Json{{"code", tcode}, {"required_level", 2 + p % 2}, {"importance", 1 + p % 2}});
  return Json{{"position_id", "pos-" + PadNumber(p + 1, 2)},
              {"name", p == 0 ? "Kepala Unit" : p == 1 ? "Kepala Subbagian" : "Pelaksana " + PadNumber(p - 1, 2)},
              {"unit_id", "pemkot"},
              {"competencies", comps},
              {"technical_competencies",
               Json::array({Json{{"code", tcode}, {"name", "Kompetensi Teknis Kota " + PadNumber(p + 1, 2)}}})}};
}

// A rating code for a rater with `tendency`, from a uniform draw u in [0, 1).
const char* Rating(double u, int tendency) {
  if (tendency > 0) return u < 0.70 ? "di_atas" : "sesuai";
  if (tendency < 0) return u < 0.50 ? "di_bawah" : "sesuai";
  return u < 0.15 ? "di_atas" : u < 0.90 ? "sesuai" : "di_bawah";
}

Json Skp(std::mt19937_64& rng, int tendency) {
  std::uniform_real_distribution<double> u(0, 1);
  const char* hasil = Rating(u(rng), tendency);
  Json perilaku = Json::object();
  for (const char* v : kBerakhlakValues) perilaku[v] = u(rng) < 0.6 ? hasil : Rating(u(rng), tendency);
  Json rows = Json::array();
  for (int k = 0; k < 3; ++k) {
    const int target = 10 + static_cast<int>(rng() % 200);
    rows.push_back(Json{{"rhk", "Terlaksananya layanan " + std::to_string(k + 1) + " sesuai standar"},
                        {"iki", "Jumlah dokumen layanan " + std::to_string(k + 1) + " yang diselesaikan"},
                        {"satuan", "dokumen"},
                        {"target", target},
                        {"realisasi", target * (80 + static_cast<int>(rng() % 40)) / 100}});
  }
  return Json{{"template", "permenpanrb-6-2022.v1"},
              {"hasil_kerja", rows},
              {"rating_hasil_kerja", hasil},
              {"perilaku", perilaku}};
}

server::Principal EmployeePrincipal(const Employee& e) {
  return server::EmployeePrincipal(e.id, e.unit_path);
}

// The ISO-8601 UTC text of unix seconds.
std::string Iso(int64_t t) { return IsoUtc(t); }

}  // namespace

Result<City> BuildCity(server::CentralStore& store, const CityOptions& o, int64_t now) {
  City city;
  auto step = Clock::now();
  auto lap = [&](const char* what) {
    city.seconds.emplace_back(what, SecondsSince(step));
    step = Clock::now();
  };
  KINERJA_RETURN_IF_ERROR(server::SeedDemoCity(store));
  auto session = store.Login({"hr", server::kDemoPassword, "bench-hr-pc", "bench"}, now);
  if (!session.ok()) return session.status();
  KINERJA_ASSIGN_OR_RETURN(const server::Principal hr, store.Authenticate(session->token, now));

  for (int p = 0; p < 20; ++p) {
    Json body = PositionBody(p);
    KINERJA_RETURN_IF_ERROR(
        store.PutServerRecord("position." + body["position_id"].get<std::string>(), "position",
                              "pemkot", body).status());
  }
  struct Unit {
    std::string id, path;
    int head = -1;  // employee index
  };
  std::vector<Unit> units;
  for (int d = 0; d < o.dinas; ++d) {
    const std::string dinas = "dinas-" + PadNumber(d + 1, 2);
    const std::string name = std::string(Pick(kDinasNames, static_cast<uint64_t>(d))) +
                             (d >= 10 ? " " + std::to_string(d / 10 + 1) : "");
    KINERJA_RETURN_IF_ERROR(store.AddUnit(dinas, "pemkot", name, "dinas"));
    // Every dinas keeps a queue log with a service standard (as the demo's DPMPTSP).
    KINERJA_RETURN_IF_ERROR(
        store.PutServerRecord("unit." + dinas, "unit", dinas,
                              Json{{"unit_id", dinas}, {"name", name}, {"kind", "dinas"},
                                   {"parent_id", "pemkot"}, {"queue_log", true},
                                   {"queue_standard", {{"max_wait_minutes", 15 + 5 * (d % 3)},
                                                       {"max_total_minutes", 40 + 10 * (d % 2)}}}})
            .status());
    units.push_back({dinas, "/pemkot/" + dinas + "/"});
    for (int b = 0; b < o.bidang_per_dinas; ++b) {
      const std::string bidang = "bidang-" + PadNumber(d + 1, 2) + "-" + std::to_string(b + 1);
      KINERJA_RETURN_IF_ERROR(store.AddUnit(
          bidang, dinas, std::string(Pick(kBidangNames, static_cast<uint64_t>(b))) + " " + name,
          b == 0 ? "sekretariat" : "bidang"));
      units.push_back({bidang, "/pemkot/" + dinas + "/" + bidang + "/"});
    }
  }
  city.units = static_cast<int>(units.size());

  // Staff, unit by unit: the head first (reporting to the dinas head; a dinas head to nobody),
  // then the unit's other appraisers (reporting to the head), then the staff, each appraised by
  // one of the unit's appraisers in turn.
  std::vector<Employee> employees;
  std::vector<Appraiser> appraisers;
  KINERJA_ASSIGN_OR_RETURN(const std::string hash, server::HashPassword(kSupervisorPassword));
  const int per_unit = o.staff / static_cast<int>(units.size());
  std::string dinas_head;
  for (size_t ui = 0; ui < units.size(); ++ui) {
    Unit& unit = units[ui];
    const bool is_dinas = unit.id.rfind("dinas-", 0) == 0;
    const int count = per_unit + (static_cast<int>(ui) < o.staff % static_cast<int>(units.size()) ? 1 : 0);
    std::vector<std::string> unit_appraisers;
    for (int k = 0; k < count; ++k) {
      const int i = static_cast<int>(employees.size());
      Employee e;
      e.id = "e-" + PadNumber(i + 1, 5);
      e.unit_id = unit.id;
      e.unit_path = unit.path;
      e.position_id = "pos-" + PadNumber(k == 0 ? 1 : k < o.appraisers_per_unit ? 2 : 3 + i % 18, 2);
      if (k == 0) {
        e.supervisor_id = is_dinas ? "" : dinas_head;
        unit.head = i;
        if (is_dinas) dinas_head = e.id;
      } else if (k < o.appraisers_per_unit) {
        e.supervisor_id = employees[static_cast<size_t>(unit.head)].id;
      } else {
        e.supervisor_id = unit_appraisers[static_cast<size_t>(k) % unit_appraisers.size()];
      }
      const std::string name = server::GeneratedName(i);
      const std::string position =
          k == 0 ? "Kepala" : k < o.appraisers_per_unit ? "Kepala Subbagian" : "Pelaksana";
      KINERJA_RETURN_IF_ERROR(store.UpsertEmployee({e.id, server::GeneratedNip(i), name, position, unit.id,
                                                    e.supervisor_id, e.position_id,
                                                    Pick(kPangkat, static_cast<uint64_t>(i))}));
      if (k < o.appraisers_per_unit) {
        const int a = static_cast<int>(appraisers.size());
        e.appraiser = a;
        unit_appraisers.push_back(e.id);
        const std::string username = "sup-" + e.id;
        KINERJA_ASSIGN_OR_RETURN(
            const std::string user_id,
            store.AddUser({username, "", name, wire::Role::kSupervisor, unit.id, e.id, hash}));
        // A couple of raters lean: 2 in 100 lenient, 2 in 100 severe.
        const int tendency = a % 50 == 3 ? 1 : a % 50 == 11 ? -1 : 0;
        appraisers.push_back({i, server::Principal{user_id, username, wire::Role::kSupervisor,
                                                   unit.path, e.id, "tab-" + e.id},
                              tendency});
        if (city.supervisor_login.empty() && !is_dinas) city.supervisor_login = username;
      }
      employees.push_back(std::move(e));
    }
    if (!is_dinas && (city.largest_unit.empty() || count > per_unit)) {
      if (city.largest_unit.empty()) city.largest_unit = unit.id;
    }
  }
  city.employees = static_cast<int>(employees.size());
  city.appraisers = static_cast<int>(appraisers.size());
  std::map<std::string, int> index_of;
  for (size_t i = 0; i < employees.size(); ++i) index_of[employees[i].id] = static_cast<int>(i);
  lap("units, positions, staff, appraiser accounts");

  // Self-assessments first, while the store is small: their check looks for another one of the
  // same period (a scan of the records table, see docs/performance.md).
  std::mt19937_64 rng(20261207);
  std::uniform_real_distribution<double> u01(0, 1);
  for (size_t i = 0; i < employees.size(); ++i) {
    if ((i * 7919 % 1000) >= static_cast<size_t>(o.self_share * 1000)) continue;
    const Employee& e = employees[i];
    Json body{{"employee_id", e.id}, {"period", "2026"}, {"status", "submitted"},
              {"skp", Skp(rng, 1)}};  // people see themselves kindly
    std::vector<wire::Change> one;
    one.push_back(NewChange("self-" + e.id + "-2026", "self_assessment", std::move(body)));
    KINERJA_RETURN_IF_ERROR(PushAll(store, EmployeePrincipal(e), std::move(one), now,
                                    &city.self_assessments));
  }
  lap("self-assessments (one push each)");

  // Appraisals: each appraiser pushes those of their staff in one batch; a dinas head's comes
  // from HR. Signed off for most, submitted for the rest.
  std::vector<std::vector<wire::Change>> by_appraiser(appraisers.size());
  std::vector<wire::Change> by_hr;
  for (const Employee& e : employees) {
    const int rater = e.supervisor_id.empty() ? -1
                                              : employees[static_cast<size_t>(index_of[e.supervisor_id])].appraiser;
    const int tendency = rater < 0 ? 0 : appraisers[static_cast<size_t>(rater)].tendency;
    Json body{{"employee_id", e.id},
              {"period", "2026"},
              {"status", u01(rng) < 0.55 ? "signed_off" : "submitted"},
              {"skp", Skp(rng, tendency)},
              {"comments", "Pertahankan kinerja dan tingkatkan ketepatan waktu pelaporan."}};
    auto c = NewChange("skp-" + e.id + "-2026", "appraisal", std::move(body));
    (rater < 0 ? by_hr : by_appraiser[static_cast<size_t>(rater)]).push_back(std::move(c));
  }
  for (size_t a = 0; a < appraisers.size(); ++a) {
    KINERJA_RETURN_IF_ERROR(PushAll(store, appraisers[a].who, std::move(by_appraiser[a]), now,
                                    &city.appraisals));
  }
  KINERJA_RETURN_IF_ERROR(PushAll(store, hr, std::move(by_hr), now, &city.appraisals));
  lap("appraisals (scored on push)");

  // Responses: a tenth answer their appraisal, a fifth of those object.
  for (size_t i = 0; i < employees.size(); ++i) {
    if ((i * 104729 % 1000) >= static_cast<size_t>(o.response_share * 1000)) continue;
    const Employee& e = employees[i];
    const bool object = i % 5 == 0;
    Json body{{"appraisal_id", "skp-" + e.id + "-2026"}, {"decision", object ? "object" : "accept"}};
    if (object) body["reason"] = "Target kuantitas tidak sesuai dengan beban kerja yang disepakati";
    std::vector<wire::Change> one;
    one.push_back(NewChange("resp-" + e.id + "-2026", "appraisal_response", std::move(body)));
    KINERJA_RETURN_IF_ERROR(PushAll(store, EmployeePrincipal(e), std::move(one), now,
                                    &city.responses));
  }
  lap("appraisal responses (one push each)");

  // Competency assessments by the appraisers: 2026 for a share, 2025 for some of them.
  auto positions_required = [](const std::string& position_id) {
    const int p = std::stoi(position_id.substr(4)) - 1;
    return PositionBody(p)["competencies"];
  };
  std::vector<std::vector<wire::Change>> assessments(appraisers.size());
  std::vector<wire::Change> hr_assessments;
  for (size_t i = 0; i < employees.size(); ++i) {
    const size_t h = i * 6271 % 1000;
    if (h >= static_cast<size_t>(o.competency_share * 1000)) continue;
    const Employee& e = employees[i];
    const int rater = e.supervisor_id.empty() ? -1
                                              : employees[static_cast<size_t>(index_of[e.supervisor_id])].appraiser;
    const Json required = positions_required(e.position_id);
    for (const char* period : {"2025", "2026"}) {
      if (period[3] == '5' && h >= static_cast<size_t>(o.baseline_share * 1000)) continue;
      Json assessed = Json::object();
      for (const auto& c : required) {
        const int level = c["required_level"].get<int>() + static_cast<int>(rng() % 4) - 2 +
                          (period[3] == '6' ? 1 : 0);
        assessed[c["code"].get<std::string>()] = std::clamp(level, 1, 5);
      }
      auto c = NewChange("cmp-" + e.id + "-" + period, "competency_assessment",
                         Json{{"employee_id", e.id}, {"period", period}, {"status", "submitted"},
                              {"assessed", assessed}});
      (rater < 0 ? hr_assessments : assessments[static_cast<size_t>(rater)]).push_back(std::move(c));
    }
  }
  for (size_t a = 0; a < appraisers.size(); ++a) {
    KINERJA_RETURN_IF_ERROR(PushAll(store, appraisers[a].who, std::move(assessments[a]), now,
                                    &city.competency_assessments));
  }
  KINERJA_RETURN_IF_ERROR(
      PushAll(store, hr, std::move(hr_assessments), now, &city.competency_assessments));
  lap("competency assessments");

  // unit_performance for 9 units in 10; service users for the survey units.
  std::vector<std::string> survey_units;
  for (size_t ui = 0; ui < units.size(); ++ui) {
    if (units[ui].id.rfind("dinas-", 0) == 0 || units[ui].id.ends_with("-3")) {
      if (static_cast<int>(survey_units.size()) < 20) survey_units.push_back(units[ui].id);
    }
  }
  const char* const kOrg[] = {"baik", "baik", "istimewa", "baik", "butuh_perbaikan", "baik",
                              "kurang", "baik", "istimewa", "sangat_kurang"};
  std::vector<wire::Change> performance;
  for (size_t ui = 0; ui < units.size(); ++ui) {
    if (ui % 10 == 9) continue;
    const std::string& id = units[ui].id;
    Json body{{"unit_id", id}, {"period", "2026"}, {"predikat", Pick(kOrg, ui)}};
    if (std::find(survey_units.begin(), survey_units.end(), id) != survey_units.end()) {
      body["service_users"] = 20'000 + static_cast<int64_t>(ui) * 1'500;
    }
    performance.push_back(NewChange("unit_performance." + id + ".2026", "unit_performance", body));
  }
  KINERJA_RETURN_IF_ERROR(PushAll(store, hr, std::move(performance), now, &city.unit_performance));

  // Survey responses over 2026 across the survey units, collected by one city enumerator.
  const server::Principal enumerator{"u-enum-kota", "enum-kota", wire::Role::kEnumerator,
                                     "/pemkot/", "", "kiosk-kota"};
  {
    std::vector<wire::Change> batch;
    for (int n = 0; n < o.surveys; ++n) {
      const std::string& unit = survey_units[static_cast<size_t>(n) % survey_units.size()];
      const int month = 1 + (n / static_cast<int>(survey_units.size())) % 12;
      const int day = 1 + static_cast<int>(rng() % 28);
      Json answers = Json::object();
      const int mood = static_cast<int>(rng() % 10);  // 0: unhappy, 1-2 so so, else content
      for (int k = 1; k <= 9; ++k) {
        const int base = mood == 0 ? 2 : mood < 3 ? 3 : 3 + static_cast<int>(rng() % 2);
        answers["U" + std::to_string(k)] = std::clamp(base - static_cast<int>(rng() % 3 == 0), 1, 4);
      }
      Json body{{"unit_id", unit},
                {"service", DemoSurveyService(n)},
                {"date", "2026-" + PadNumber(month, 2) + "-" + PadNumber(day, 2)},
                {"answers", answers},
                {"profile", DemoSurveyProfile(n)}};
      batch.push_back(NewChange("skm-" + PadNumber(n + 1, 6), "survey_response", std::move(body)));
    }
    KINERJA_RETURN_IF_ERROR(PushAll(store, enumerator, std::move(batch), now, &city.surveys));
  }
  lap("unit performance, survey responses");

  // Queue tickets over 2026's working days at the dinas, logged by 5 officers each.
  {
    std::vector<Unit> queues;
    for (const Unit& unit : units) {
      if (unit.id.rfind("dinas-", 0) == 0) queues.push_back(unit);
    }
    const int per_queue = o.tickets / static_cast<int>(queues.size());
    const org::Date jan1{2026, 1, 1};
    std::vector<int64_t> working_days;  // unix seconds of 08:00 WIB (01:00 UTC)
    for (int d = 0; d < 365; ++d) {
      const int64_t days = org::DaysFromCivil(jan1) + d;
      const int weekday = static_cast<int>((days + 4) % 7);  // 0 Sunday (1970-01-01 a Thursday)
      if (weekday == 0 || weekday == 6) continue;
      working_days.push_back(days * 86400 + 3600);
    }
    int64_t serial = 0;
    for (size_t q = 0; q < queues.size(); ++q) {
      const Unit& unit = queues[q];
      const int first = unit.head;  // the dinas unit's own staff: officers at positions 10-14
      std::vector<std::vector<wire::Change>> by_officer(5);
      const int per_day = std::max(1, per_queue / static_cast<int>(working_days.size()) + 1);
      for (int n = 0; n < per_queue; ++n) {
        const size_t day = static_cast<size_t>(n / per_day) % working_days.size();
        const int number = 1 + n % per_day;
        const int officer = n % 5;
        const Employee& e = employees[static_cast<size_t>(first + 10 + officer)];
        const int64_t issued = working_days[day] + static_cast<int64_t>(number) * 25200 / per_day +
                               static_cast<int64_t>(rng() % 120);
        // Waits grow a little over the year at half the queues, shrink at the others: the
        // split has something to compare.
        const double trend = (q % 2 ? 1.2 : 0.8);
        const double season = day < working_days.size() / 2 ? 1.0 : trend;
        const int64_t wait =
            static_cast<int64_t>(60.0 * season * (2 + static_cast<double>(rng() % 25)));
        const int64_t service = 60 * (4 + static_cast<int64_t>(rng() % 20));
        Json body{{"unit_id", unit.id}, {"ticket", number}, {"issued_at", Iso(issued)},
                  {"officer", e.id}};
        const uint64_t fate = rng() % 100;
        if (fate >= 1) body["called_at"] = Iso(issued + wait);
        if (fate >= 3) body["finished_at"] = Iso(issued + wait + service);
        by_officer[static_cast<size_t>(officer)].push_back(
            NewChange("tkt-" + PadNumber(++serial, 7), "queue_ticket", std::move(body)));
      }
      for (int k = 0; k < 5; ++k) {
        const Employee& e = employees[static_cast<size_t>(first + 10 + k)];
        KINERJA_RETURN_IF_ERROR(PushAll(store, EmployeePrincipal(e),
                                        std::move(by_officer[static_cast<size_t>(k)]), now,
                                        &city.tickets));
      }
    }
  }
  lap("queue tickets");
  return city;
}

}  // namespace kinerja::bench

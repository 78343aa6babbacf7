#include "server/cli/demo.h"

#include <cstdio>
#include <string>
#include <vector>

#include "server/kinds/competency_kinds.h"
#include "engine/org/roster.h"
#include "server/auth/auth.h"
#include "shared/json_util.h"

namespace kinerja::server {
namespace {

// Technical codes are the city's own (T.*); M.01-M.08 and S.01 are the minister's dictionary.
constexpr const char* kDemoPositions = R"json({"positions": [
 {"position_id": "kabid-pelayanan", "name": "Kepala Bidang Pelayanan", "unit_id": "pelayanan",
  "competencies": [{"code": "M.01", "required_level": 3}, {"code": "M.02", "required_level": 3},
   {"code": "M.03", "required_level": 3}, {"code": "M.04", "required_level": 3},
   {"code": "M.05", "required_level": 3}, {"code": "M.06", "required_level": 3},
   {"code": "M.07", "required_level": 3}, {"code": "M.08", "required_level": 3},
   {"code": "S.01", "required_level": 3}, {"code": "T.PTSP.01", "required_level": 3}],
  "technical_competencies": [{"code": "T.PTSP.01", "name": "Pelayanan Perizinan Terpadu Satu Pintu"}]},
 {"position_id": "pengadministrasi-perizinan", "name": "Pengadministrasi Perizinan", "unit_id": "pelayanan",
  "competencies": [{"code": "M.01", "required_level": 2}, {"code": "M.02", "required_level": 2},
   {"code": "M.03", "required_level": 2}, {"code": "M.04", "required_level": 2},
   {"code": "M.05", "required_level": 2}, {"code": "S.01", "required_level": 2},
   {"code": "T.PTSP.01", "required_level": 2, "importance": 2}, {"code": "T.ARS.01", "required_level": 2}],
  "technical_competencies": [{"code": "T.PTSP.01", "name": "Pelayanan Perizinan Terpadu Satu Pintu"},
   {"code": "T.ARS.01", "name": "Pengelolaan Arsip Dinamis"}]},
 {"position_id": "analis-perizinan", "name": "Analis Perizinan", "unit_id": "pelayanan",
  "competencies": [{"code": "M.01", "required_level": 2}, {"code": "M.02", "required_level": 2},
   {"code": "M.04", "required_level": 3}, {"code": "M.05", "required_level": 2},
   {"code": "M.08", "required_level": 2}, {"code": "S.01", "required_level": 2},
   {"code": "T.PTSP.01", "required_level": 3, "importance": 2}],
  "technical_competencies": [{"code": "T.PTSP.01", "name": "Pelayanan Perizinan Terpadu Satu Pintu"}]},
 {"position_id": "petugas-loket", "name": "Petugas Loket", "unit_id": "pelayanan",
  "competencies": [{"code": "M.01", "required_level": 2}, {"code": "M.02", "required_level": 2},
   {"code": "M.03", "required_level": 3}, {"code": "M.05", "required_level": 3},
   {"code": "S.01", "required_level": 2}, {"code": "T.PTSP.01", "required_level": 2}],
  "technical_competencies": [{"code": "T.PTSP.01", "name": "Pelayanan Perizinan Terpadu Satu Pintu"}]},
 {"position_id": "verifikator-berkas", "name": "Verifikator Berkas", "unit_id": "pelayanan",
  "competencies": [{"code": "M.01", "required_level": 3}, {"code": "M.04", "required_level": 2},
   {"code": "M.05", "required_level": 2}, {"code": "S.01", "required_level": 2},
   {"code": "T.PTSP.01", "required_level": 3, "importance": 2}],
  "technical_competencies": [{"code": "T.PTSP.01", "name": "Pelayanan Perizinan Terpadu Satu Pintu"}]},
 {"position_id": "kabid-pengaduan", "name": "Kepala Bidang Pengaduan", "unit_id": "pengaduan",
  "competencies": [{"code": "M.01", "required_level": 3}, {"code": "M.02", "required_level": 3},
   {"code": "M.03", "required_level": 3}, {"code": "M.04", "required_level": 3},
   {"code": "M.05", "required_level": 3}, {"code": "M.06", "required_level": 3},
   {"code": "M.07", "required_level": 3}, {"code": "M.08", "required_level": 3},
   {"code": "S.01", "required_level": 3}, {"code": "T.PGD.01", "required_level": 3}],
  "technical_competencies": [{"code": "T.PGD.01", "name": "Pengelolaan Pengaduan Pelayanan Publik"}]},
 {"position_id": "pengelola-pengaduan", "name": "Pengelola Pengaduan", "unit_id": "pengaduan",
  "competencies": [{"code": "M.01", "required_level": 2}, {"code": "M.03", "required_level": 3},
   {"code": "M.05", "required_level": 3}, {"code": "S.01", "required_level": 2},
   {"code": "T.PGD.01", "required_level": 3, "importance": 2}],
  "technical_competencies": [{"code": "T.PGD.01", "name": "Pengelolaan Pengaduan Pelayanan Publik"}]},
 {"position_id": "petugas-informasi", "name": "Petugas Informasi", "unit_id": "pengaduan",
  "competencies": [{"code": "M.01", "required_level": 2}, {"code": "M.03", "required_level": 3},
   {"code": "M.05", "required_level": 2}, {"code": "S.01", "required_level": 2},
   {"code": "T.PGD.01", "required_level": 2}],
  "technical_competencies": [{"code": "T.PGD.01", "name": "Pengelolaan Pengaduan Pelayanan Publik"}]},
 {"position_id": "kabid-pendaftaran", "name": "Kepala Bidang Pendaftaran", "unit_id": "pendaftaran",
  "competencies": [{"code": "M.01", "required_level": 3}, {"code": "M.02", "required_level": 3},
   {"code": "M.03", "required_level": 3}, {"code": "M.04", "required_level": 3},
   {"code": "M.05", "required_level": 3}, {"code": "M.06", "required_level": 3},
   {"code": "M.07", "required_level": 3}, {"code": "M.08", "required_level": 3},
   {"code": "S.01", "required_level": 3}, {"code": "T.ADK.01", "required_level": 3}],
  "technical_competencies": [{"code": "T.ADK.01", "name": "Administrasi Kependudukan"}]},
 {"position_id": "petugas-rekam-ktp", "name": "Petugas Rekam KTP-el", "unit_id": "pendaftaran",
  "competencies": [{"code": "M.01", "required_level": 2}, {"code": "M.02", "required_level": 2},
   {"code": "M.05", "required_level": 3}, {"code": "S.01", "required_level": 2},
   {"code": "T.ADK.01", "required_level": 3, "importance": 2}],
  "technical_competencies": [{"code": "T.ADK.01", "name": "Administrasi Kependudukan"}]}
]})json";

}  // namespace


Status SeedDemoCity(CentralStore& store) {
  KINERJA_ASSIGN_OR_RETURN(auto empty, store.IsEmpty());
  if (!empty) return Status::AlreadyExists("the database already has users; demo data not added");

  struct Unit { const char* id; const char* parent; const char* name; const char* kind; };
  const Unit units[] = {
      {"pemkot", "", "Pemerintah Kota Palangka Raya", "pemerintah_kota"},
      {"dpmptsp", "pemkot", "Dinas Penanaman Modal dan PTSP", "dinas"},
      {"pelayanan", "dpmptsp", "Bidang Pelayanan Perizinan Terpadu", "bidang"},
      {"pengaduan", "dpmptsp", "Bidang Pengaduan dan Informasi", "bidang"},
      {"disdukcapil", "pemkot", "Dinas Kependudukan dan Pencatatan Sipil", "dinas"},
      {"pendaftaran", "disdukcapil", "Bidang Pelayanan Pendaftaran Penduduk", "bidang"},
      {"bkpsdm", "pemkot", "Badan Kepegawaian dan Pengembangan SDM", "badan"},
  };
  for (const auto& u : units) KINERJA_RETURN_IF_ERROR(store.AddUnit(u.id, u.parent, u.name, u.kind));

  // Positions with their required competency levels (PermenPANRB 38/2017), as data: each
  // becomes a `position` record that syncs to the supervisors' tablets with the roster.
  auto positions = ParseJson(kDemoPositions);
  if (!positions.ok()) return positions.status();
  for (const auto& p : (*positions)["positions"]) {
    KINERJA_RETURN_IF_ERROR(CheckPositionBody(p));
    KINERJA_RETURN_IF_ERROR(store.PutServerRecord("position." + p["position_id"].get<std::string>(),
                                                  "position", p["unit_id"].get<std::string>(), p)
                                .status());
  }
  // The one-stop service office keeps a queue log; its service standard (demo values) is what
  // the queue screen measures the share within.
  KINERJA_RETURN_IF_ERROR(store.PutServerRecord(
      "unit.dpmptsp", "unit", "dpmptsp",
      Json{{"unit_id", "dpmptsp"}, {"name", "Dinas Penanaman Modal dan PTSP"}, {"kind", "dinas"},
           {"parent_id", "pemkot"}, {"queue_log", true},
           {"queue_standard", {{"max_wait_minutes", 15}, {"max_total_minutes", 30}}}})
          .status());

  // Darmawan, Kepala Dinas of the one-stop service office, heads Budi and Rina: he is the atasan
  // pejabat penilai who decides their staff's objections (PP 30/2019 Pasal 59). Hendra's
  // chain ends with him, so HR decides his staff's.
  const EmployeeSpec employees[] = {
      {"e-darmawan", "197501012000031001", "Ir. Darmawan Saputra, M.Si.", "Kepala Dinas Penanaman Modal dan PTSP", "dpmptsp", "", ""},
      {"e-budi", "197905122005011003", "Budi Santoso, S.Sos", "Kepala Bidang Pelayanan", "pelayanan", "e-darmawan", "kabid-pelayanan"},
      {"e-ani", "199203152019032012", "Ani Lestari", "Pengadministrasi Perizinan", "pelayanan", "e-budi", "pengadministrasi-perizinan"},
      {"e-dedi", "198811032014021001", "Dedi Kurniawan", "Analis Perizinan", "pelayanan", "e-budi", "analis-perizinan"},
      {"e-sri", "199507212020122009", "Sri Wahyuni", "Petugas Loket", "pelayanan", "e-budi", "petugas-loket"},
      {"e-yusuf", "199009182015031002", "Yusuf Pratama", "Verifikator Berkas", "pelayanan", "e-budi", "verifikator-berkas"},
      {"e-rina", "198201052008012011", "Rina Marlina, S.H.", "Kepala Bidang Pengaduan", "pengaduan", "e-darmawan", "kabid-pengaduan"},
      {"e-agus", "199304262018011001", "Agus Salim", "Pengelola Pengaduan", "pengaduan", "e-rina", "pengelola-pengaduan"},
      {"e-maya", "199612302022032006", "Maya Sari", "Petugas Informasi", "pengaduan", "e-rina", "petugas-informasi"},
      {"e-hendra", "198006142006041004", "Hendra Wijaya", "Kepala Bidang Pendaftaran", "pendaftaran", "", "kabid-pendaftaran"},
      {"e-lina", "199402112019022008", "Lina Kartika", "Petugas Rekam KTP-el", "pendaftaran", "e-hendra", "petugas-rekam-ktp"},
  };
  for (const auto& e : employees) KINERJA_RETURN_IF_ERROR(store.UpsertEmployee(e));

  const UserSpec users[] = {
      {"admin", kDemoPassword, "Administrator Sistem", wire::Role::kAdmin, "pemkot", "", ""},
      {"hr", kDemoPassword, "Tim Penilai Kinerja BKPSDM", wire::Role::kHr, "bkpsdm", "", ""},
      {"darmawan", kDemoPassword, "Darmawan Saputra", wire::Role::kSupervisor, "dpmptsp", "e-darmawan", ""},
      {"budi", kDemoPassword, "Budi Santoso", wire::Role::kSupervisor, "pelayanan", "e-budi", ""},
      {"rina", kDemoPassword, "Rina Marlina", wire::Role::kSupervisor, "pengaduan", "e-rina", ""},
      {"hendra", kDemoPassword, "Hendra Wijaya", wire::Role::kSupervisor, "pendaftaran", "e-hendra", ""},
      {"loket1", kDemoPassword, "Enumerator Loket 1", wire::Role::kEnumerator, "dpmptsp", "", ""},
      {"ani", kDemoPassword, "Ani Lestari", wire::Role::kEmployee, "pelayanan", "e-ani", ""},
  };
  // One hash serves every demo account (they share the demo password): seeding stays fast.
  KINERJA_ASSIGN_OR_RETURN(auto hash, HashPassword(kDemoPassword));
  for (auto u : users) {
    u.password_hash = hash;
    KINERJA_ASSIGN_OR_RETURN(auto id, store.AddUser(u));
  }
  return Status::Ok();
}

namespace {

const char* const kFirstNames[] = {
    "Ahmad", "Agus", "Andi", "Bambang", "Dewi", "Eko", "Fajar", "Fitri", "Gita", "Hadi",
    "Indah", "Joko", "Kartika", "Lestari", "Made", "Nur", "Putri", "Rahmat", "Rina", "Siti",
    "Taufik", "Utami", "Wahyu", "Yanti", "Yogi", "Zainal", "Ratna", "Bayu", "Citra", "Dimas"};
const char* const kLastNames[] = {
    "Saputra", "Wijaya", "Hidayat", "Pratama", "Kusuma", "Setiawan", "Nugroho", "Lestari",
    "Rahayu", "Santoso", "Siregar", "Nasution", "Simanjuntak", "Hakim", "Syahputra",
    "Permana", "Gunawan", "Wibowo", "Maharani", "Anggraini", "Sembiring", "Harahap",
    "Purnomo", "Susanti", "Firmansyah", "Ramadhan", "Utomo", "Halim", "Tambunan", "Suryadi",
    "Marpaung", "Yulianti", "Kurniawati", "Hartono", "Effendi", "Sinaga", "Manurung"};
struct Position { const char* id; const char* name; };
const Position kPositions[] = {
    {"pengadministrasi_perizinan", "Pengadministrasi Perizinan"},
    {"analis_perizinan", "Analis Perizinan"},
    {"petugas_loket", "Petugas Loket"},
    {"verifikator_berkas", "Verifikator Berkas"},
    {"pengelola_data", "Pengelola Data"},
    {"arsiparis", "Arsiparis"},
    {"pranata_komputer", "Pranata Komputer"},
    {"pengadministrasi_umum", "Pengadministrasi Umum"}};
constexpr size_t kPositionCount = sizeof kPositions / sizeof kPositions[0];

template <size_t N>
const char* Pick(const char* const (&list)[N], size_t i) { return list[i % N]; }

}  // namespace

std::string GeneratedNip(int i) {
  int n = i;
  int year = 1970 + n % 30;
  n /= 30;
  int month = 1 + n % 12;
  n /= 12;
  int day = 1 + n % 28;
  n /= 28;
  int sequence = 1 + n % 999;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%04d%02d%d%03d", year, month, day, year + 24,
                1 + (i / 7) % 12, 1 + i % 2, sequence);
  return buf;
}


std::string GeneratedName(int i) {
  return std::string(Pick(kFirstNames, static_cast<size_t>(i))) + " " +
         Pick(kLastNames, static_cast<size_t>(i / 30)) + " " +
         Pick(kLastNames, static_cast<size_t>(i / 7 + 11));
}

Status AddDemoStaff(CentralStore& store, int count, const org::Date& today) {
  if (count < 1 || count > kMaxDemoStaff) {
    return Status::InvalidArgument("the number of demo staff must be 1-" +
                                   std::to_string(kMaxDemoStaff) + ", not " + std::to_string(count));
  }
  const char* kHeadNip = "197801092003121002";
  std::vector<org::Employee> staff;
  std::vector<std::string> position_names;  // what the tablet shows, per employee
  staff.reserve(static_cast<size_t>(count) + 1);
  staff.push_back({kHeadNip, kHeadNip, "Kepala UPT Uji", "kepala_upt", "upt-uji", "", {}});
  position_names.push_back("Kepala UPT");
  for (int i = 0; i < count; ++i) {
    std::string nip = GeneratedNip(i);
    std::string name = GeneratedName(i);
    const Position& pos = kPositions[static_cast<size_t>(i / 3) % kPositionCount];
    staff.push_back({nip, nip, name, pos.id, "upt-uji", kHeadNip, {}});
    position_names.push_back(pos.name);
  }
  // The same validation as an imported roster: valid, unique NIPs and a sound chain.
  KINERJA_ASSIGN_OR_RETURN(auto roster, org::Roster::Build(staff, today));

  auto added = store.AddUnit("upt-uji", "dpmptsp", "UPT Pelayanan Terpadu (data uji)", "upt");
  if (!added.ok()) {
    if (added.code() == Code::kAlreadyExists) {
      return Status::AlreadyExists("demo staff were already added (unit upt-uji exists)");
    }
    return added;
  }
  const auto& checked = roster.employees();  // input order
  for (size_t i = 0; i < checked.size(); ++i) {
    const auto& e = checked[i];
    KINERJA_RETURN_IF_ERROR(store.UpsertEmployee(
        {e.id, e.nip, e.name, position_names[i], e.unit_id, e.supervisor_id, ""}));
  }
  KINERJA_ASSIGN_OR_RETURN(auto hash, HashPassword(kDemoPassword));
  UserSpec head{"upt",    kDemoPassword, "Kepala UPT Uji", wire::Role::kSupervisor, "upt-uji",
                kHeadNip, hash};
  auto id = store.AddUser(head);
  return id.ok() ? Status::Ok() : id.status();
}

}  // namespace kinerja::server

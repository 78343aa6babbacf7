#include "server/demo.h"

#include "engine/competency/position_assessment.h"
#include "server/auth.h"
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
  auto empty = store.IsEmpty();
  if (!empty.ok()) return empty.status();
  if (!*empty) return Status::AlreadyExists("the database already has users; demo data not added");

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
    if (auto checked = RequiredLevels(p); !checked.ok()) return checked.status();
    KINERJA_RETURN_IF_ERROR(store.PutServerRecord("position." + p["position_id"].get<std::string>(),
                                                  "position", p["unit_id"].get<std::string>(), p));
  }
  // The one-stop service office keeps a queue log; its service standard (demo values) is what
  // the queue screen measures the share within.
  KINERJA_RETURN_IF_ERROR(store.PutServerRecord(
      "unit.dpmptsp", "unit", "dpmptsp",
      Json{{"unit_id", "dpmptsp"}, {"name", "Dinas Penanaman Modal dan PTSP"}, {"kind", "dinas"},
           {"parent_id", "pemkot"}, {"queue_log", true},
           {"queue_standard", {{"max_wait_minutes", 15}, {"max_total_minutes", 30}}}}));

  const EmployeeSpec employees[] = {
      {"e-budi", "197905122005011003", "Budi Santoso, S.Sos", "Kepala Bidang Pelayanan", "pelayanan", "", "kabid-pelayanan"},
      {"e-ani", "199203152019032012", "Ani Lestari", "Pengadministrasi Perizinan", "pelayanan", "e-budi", "pengadministrasi-perizinan"},
      {"e-dedi", "198811032014021001", "Dedi Kurniawan", "Analis Perizinan", "pelayanan", "e-budi", "analis-perizinan"},
      {"e-sri", "199507212020122009", "Sri Wahyuni", "Petugas Loket", "pelayanan", "e-budi", "petugas-loket"},
      {"e-yusuf", "199009182015031002", "Yusuf Pratama", "Verifikator Berkas", "pelayanan", "e-budi", "verifikator-berkas"},
      {"e-rina", "198201052008012011", "Rina Marlina, S.H.", "Kepala Bidang Pengaduan", "pengaduan", "", "kabid-pengaduan"},
      {"e-agus", "199304262018011001", "Agus Salim", "Pengelola Pengaduan", "pengaduan", "e-rina", "pengelola-pengaduan"},
      {"e-maya", "199612302022032006", "Maya Sari", "Petugas Informasi", "pengaduan", "e-rina", "petugas-informasi"},
      {"e-hendra", "198006142006041004", "Hendra Wijaya", "Kepala Bidang Pendaftaran", "pendaftaran", "", "kabid-pendaftaran"},
      {"e-lina", "199402112019022008", "Lina Kartika", "Petugas Rekam KTP-el", "pendaftaran", "e-hendra", "petugas-rekam-ktp"},
  };
  for (const auto& e : employees) KINERJA_RETURN_IF_ERROR(store.UpsertEmployee(e));

  const UserSpec users[] = {
      {"admin", kDemoPassword, "Administrator Sistem", wire::Role::kAdmin, "pemkot", "", ""},
      {"hr", kDemoPassword, "Tim Penilai Kinerja BKPSDM", wire::Role::kHr, "bkpsdm", "", ""},
      {"budi", kDemoPassword, "Budi Santoso", wire::Role::kSupervisor, "pelayanan", "e-budi", ""},
      {"rina", kDemoPassword, "Rina Marlina", wire::Role::kSupervisor, "pengaduan", "e-rina", ""},
      {"hendra", kDemoPassword, "Hendra Wijaya", wire::Role::kSupervisor, "pendaftaran", "e-hendra", ""},
      {"loket1", kDemoPassword, "Enumerator Loket 1", wire::Role::kEnumerator, "dpmptsp", "", ""},
      {"ani", kDemoPassword, "Ani Lestari", wire::Role::kEmployee, "pelayanan", "e-ani", ""},
  };
  // One hash serves every demo account (they share the demo password): seeding stays fast.
  auto hash = HashPassword(kDemoPassword);
  if (!hash.ok()) return hash.status();
  for (auto u : users) {
    u.password_hash = *hash;
    auto id = store.AddUser(u);
    if (!id.ok()) return id.status();
  }
  return Status::Ok();
}

}  // namespace kinerja::server

#include "server/demo.h"

#include "server/auth.h"

namespace kinerja::server {

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

  const EmployeeSpec employees[] = {
      {"e-budi", "197905122005011003", "Budi Santoso, S.Sos", "Kepala Bidang Pelayanan", "pelayanan", ""},
      {"e-ani", "199203152019032012", "Ani Lestari", "Pengadministrasi Perizinan", "pelayanan", "e-budi"},
      {"e-dedi", "198811032014021001", "Dedi Kurniawan", "Analis Perizinan", "pelayanan", "e-budi"},
      {"e-sri", "199507212020122009", "Sri Wahyuni", "Petugas Loket", "pelayanan", "e-budi"},
      {"e-yusuf", "199009182015031002", "Yusuf Pratama", "Verifikator Berkas", "pelayanan", "e-budi"},
      {"e-rina", "198201052008012011", "Rina Marlina, S.H.", "Kepala Bidang Pengaduan", "pengaduan", ""},
      {"e-agus", "199304262018011001", "Agus Salim", "Pengelola Pengaduan", "pengaduan", "e-rina"},
      {"e-maya", "199612302022032006", "Maya Sari", "Petugas Informasi", "pengaduan", "e-rina"},
      {"e-hendra", "198006142006041004", "Hendra Wijaya", "Kepala Bidang Pendaftaran", "pendaftaran", ""},
      {"e-lina", "199402112019022008", "Lina Kartika", "Petugas Rekam KTP-el", "pendaftaran", "e-hendra"},
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

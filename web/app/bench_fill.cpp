// TEST AND BENCHMARK ONLY. Fills the device store with synthetic appraisals so bench/web can
// time a save against a store holding 1,000 or 10,000 records without syncing them first.
// The records go in as if pulled (never queued for the server), with ids "bench-fill-N" and a
// unit path of their own, so nothing the user sees or syncs changes. Reached only through
// the exported kinerja_test_fill_store(); no screen calls it.
#include <cstdio>
#include <string>

#include "engine/sync/ids.h"
#include "web/app/app.h"
#include "web/platform/platform.h"

namespace kinerja::web {

int App::TestFillStore(int total) {
  if (!store_ || !LoadAppraisalTemplate()) return -1;
  auto count = [this]() -> int {
    auto n = store_->RecordCount();
    return n.ok() ? static_cast<int>(*n) : -1;
  };
  int have = count();
  if (have < 0 || have >= total) return have;
  auto cursor = store_->Cursor();
  if (!cursor.ok()) return -1;
  std::string period = org::AppraisalPeriod(NowUnixSeconds());
  wire::PullResponse fill;
  fill.cursor = *cursor;  // the pull cursor stays where the last real sync left it
  fill.records.reserve(static_cast<size_t>(total - have));
  for (int i = have; i < total; ++i) {
    std::string employee = "bench-fill-e" + std::to_string(i);
    // A full appraisal body, as the form writes it: three IKI rows, every value rated.
    AppraisalForm f = NewAppraisalForm(*template_, employee, "Pegawai Uji " + std::to_string(i), period);
    f.rows.resize(3);
    for (size_t r = 0; r < f.rows.size(); ++r) {
      std::snprintf(f.rows[r].iki, sizeof f.rows[r].iki,
                    "Persentase berkas permohonan diverifikasi tepat waktu, indikator %zu", r + 1);
      std::snprintf(f.rows[r].target, sizeof f.rows[r].target, "%d", 100 + static_cast<int>(r));
      std::snprintf(f.rows[r].realisasi, sizeof f.rows[r].realisasi, "%d", 95 + i % 10);
    }
    f.rating_hasil_kerja = i % 3;
    for (size_t v = 0; v < f.value_ratings.size(); ++v) f.value_ratings[v] = static_cast<int>((i + v) % 3);
    std::snprintf(f.comments, sizeof f.comments,
                  "Catatan uji %d: pelayanan konsisten, dokumentasi lengkap, perlu pelatihan "
                  "lanjutan pada sistem perizinan daring.", i);
    f.status = i % 4 == 0 ? "signed_off" : "submitted";
    wire::Record r;
    r.id = "bench-fill-" + std::to_string(i);
    r.kind = "appraisal";
    r.version = 1;
    r.unit_path = "/bench-fill/";
    r.subject_id = employee;
    r.body = AppraisalBody(f, *template_);
    r.updated_at = IsoUtc(NowUnixSeconds());
    fill.records.push_back(std::move(r));
  }
  if (Status s = store_->ApplyPull(fill); !s.ok()) {
    SetMessage(s.ToString(), true);
    return -1;
  }
  FlushStorage();
  return count();
}

}  // namespace kinerja::web

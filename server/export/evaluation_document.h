#pragma once
// The printable Dokumen Evaluasi Kinerja Pegawai of PermenPANRB 6/2022 as a PDF (libharu, with
// DejaVu TrueType fonts embedded so every name prints): the evaluation page (period, the three
// identity blocks, capaian kinerja organisasi, predikat, catatan/rekomendasi, place and date,
// signatures) followed by the SKP results and the perilaku kerja tables it rests on. Layout:
// docs/reports.md ("Printable documents"). Takes plain values, knows nothing of the store.

#include <string>
#include <vector>

#include "server/export/pdf_page.h"
#include "shared/result.h"

namespace kinerja::server::exports {

// One identity block: nama, NIP, pangkat/golongan ruang, jabatan, unit kerja. An empty
// field prints as "-" (e.g. an employee at the top of the chain has no atasan).
struct PersonBlock {
  std::string nama;
  std::string nip;  // as printed, e.g. "19920315 201903 2 012"
  std::string pangkat_golongan;
  std::string jabatan;
  std::string unit_kerja;
};

// One hasil kerja row of the SKP (an IKI with its target and realisation).
struct SkpResultRow {
  std::string jenis;  // "Utama" / "Tambahan"
  std::string rhk;
  std::string iki;
  std::string target;       // as printed, e.g. "120 izin"
  std::string realisasi;    // as printed
  std::string capaian;      // e.g. "105%"; may be empty
  std::string umpan_balik;  // may be empty (a column left to write on)
};

// One perilaku kerja (BerAKHLAK) row.
struct BehaviourRow {
  std::string perilaku;     // "Berorientasi Pelayanan"
  std::string ekspektasi;   // ekspektasi khusus pimpinan; may be empty
  std::string rating;       // "Sesuai Ekspektasi"
  std::string umpan_balik;  // may be empty
};

struct EvaluationDocument {
  std::string instansi;       // e.g. "Pemerintah Kota Palangka Raya"
  std::string periode;        // "Semester I", "Semester II", "Akhir", "Triwulan II", ...
  std::string periode_dates;  // "1 Januari 2026 sd 30 Juni 2026"
  PersonBlock pegawai;
  PersonBlock pejabat_penilai;
  PersonBlock atasan_pejabat_penilai;
  std::string capaian_kinerja_organisasi;  // "Baik", or a note that it is not set
  std::string rating_hasil_kerja;
  std::string rating_perilaku;
  std::string predikat;  // "Sangat Baik" ... "Sangat Kurang"
  std::string catatan;   // catatan / rekomendasi; may be long (wrapped) or empty
  std::string tempat;    // "Palangka Raya"
  std::string tanggal;   // "15 Januari 2027"
  std::string status;    // a line under the title, e.g. "Belum ditandatangani"; may be empty
  std::vector<SkpResultRow> hasil_kerja;
  std::vector<BehaviourRow> perilaku;
};

// One PDF (A4 portrait) holding each document in turn, each starting on a new page; the
// fonts are embedded once. Text is UTF-8; long text wraps, long tables continue on a new page
// with their header repeated; bytes that are not UTF-8 print as U+FFFD. Fails with
// kInvalidArgument for no documents, kUnavailable when a font file cannot be loaded,
// kInternal for another libharu error (its code in the message).
Result<std::string> EvaluationDocumentsPdf(const std::vector<EvaluationDocument>& docs,
                                           const PdfFonts& fonts = PdfFonts());

// One document (the form page, then the SKP pages, each starting a new page) into `w`, for a
// PDF that holds other pages too (server/export/unit_recap.h).
void WriteEvaluationDocument(PageWriter& w, const EvaluationDocument& d);

}  // namespace kinerja::server::exports

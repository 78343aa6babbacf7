#pragma once
// The printable Rekapitulasi Evaluasi Kinerja Unit as a one-page A4 PDF (libharu, DejaVu
// embedded; server/export/pdf_page.h): instansi, unit, period, capaian kinerja organisasi,
// the staff per predikat with their share and the SE MenPANRB 03/2023 bounds, the
// distribution curve as a bar chart with each bound marked, the rules checked (violations
// named), the progress counts, place and date, and the unit head's signature block. Layout:
// docs/reports.md ("Printable documents"). Takes plain values, knows nothing of the store.

#include <optional>
#include <string>
#include <vector>

#include "server/export/evaluation_document.h"
#include "server/export/pdf_page.h"
#include "shared/result.h"

namespace kinerja::server::exports {

// One predikat's bar: how many staff have it and what the rules allow for it alone.
struct RecapPredikat {
  std::string name;  // "Sangat Baik"
  int count = 0;
  std::string bound;                // as printed, e.g. "≤ 70 %", "≥ 60 %", "terbanyak"; "" none
  std::optional<double> max_percent;  // marked on its bar (upper bound), 0-100
  std::optional<double> min_percent;  // marked on its bar (lower bound), 0-100
  bool violated = false;              // a rule on this predikat alone is not met
};

// One rule of SE 03/2023 for the unit's capaian kinerja organisasi.
struct RecapRule {
  std::string rule;       // "BAIK_B_MAX_70"
  std::string ketentuan;  // "Baik paling banyak 70 % (4 pegawai)"
  std::string realisasi;  // "6 pegawai (85,71 %)"; "" when nothing is counted
  std::optional<bool> ok;  // unset: not checked (no staff counted)
};

struct UnitRecap {
  std::string instansi;       // "Pemerintah Kota Palangka Raya"
  std::string unit;           // "Bidang Pelayanan Perizinan Terpadu"
  std::string periode;        // "Semester I"
  std::string periode_dates;  // "1 Januari 2026 sd 30 Juni 2026"
  std::string capaian_kinerja_organisasi;  // "Baik", or "Belum ditetapkan"
  int staff_count = 0;                     // staff counted (submitted or signed off)
  std::vector<RecapPredikat> predikat;     // Sangat Baik ... Sangat Kurang
  std::vector<RecapRule> rules;
  std::vector<std::string> violations;  // "BAIK_B_MAX_70: 6 dari 7 pegawai ..."
  std::vector<std::string> notes;       // e.g. that nothing was submitted yet
  std::vector<std::pair<std::string, int>> progress;  // "Belum dimulai", 2; ...
  std::string tempat;   // "Palangka Raya"
  std::string tanggal;  // "15 Juli 2026"
  PersonBlock kepala;   // the unit head who signs; empty fields print as "-"
};

// "42,86 %": a percentage rounded to 2 decimals with a decimal comma, no trailing zeros.
std::string PercentText(double percent);

// The recap on one page into `w` (starting a new page); long lists are cut short to fit.
void WriteUnitRecap(PageWriter& w, const UnitRecap& recap);

// The recap alone, one page. Fails as EvaluationDocumentsPdf does.
Result<std::string> UnitRecapPdf(const UnitRecap& recap, const PdfFonts& fonts = PdfFonts());

// The recap as the first page, then each document (form and SKP pages) in turn.
Result<std::string> UnitRecapAndDocumentsPdf(const UnitRecap& recap,
                                             const std::vector<EvaluationDocument>& docs,
                                             const PdfFonts& fonts = PdfFonts());

}  // namespace kinerja::server::exports

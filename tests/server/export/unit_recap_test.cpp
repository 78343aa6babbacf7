// The printable Rekapitulasi Evaluasi Kinerja Unit: the unit, the counts per predikat with
// their shares and bounds, the violations named, the head's signature, all on one page (even
// with long lists), and first in a PDF that goes on with the evaluation documents. Checked
// with poppler's pdftotext and pdfinfo.
#include "server/export/unit_recap.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "tests/server/export/file_tools.h"

namespace kinerja::server::exports {
namespace {

using testing::PdfPages;
using testing::PdfText;

UnitRecap Sample() {
  UnitRecap r;
  r.instansi = "Pemerintah Kota Palangka Raya";
  r.unit = "Bidang Pelayanan Perizinan Terpadu, Dinas Penanaman Modal dan PTSP";
  r.periode = "Akhir";
  r.periode_dates = "1 Januari 2026 sd 31 Desember 2026";
  r.capaian_kinerja_organisasi = "Butuh Perbaikan";
  r.staff_count = 3;
  r.predikat = {{"Sangat Baik", 1, "≤ 10 %", 10.0, std::nullopt, true},
                {"Baik", 2, "", std::nullopt, std::nullopt, false},
                {"Butuh Perbaikan", 0, "≥ 60 %", std::nullopt, 60.0, true},
                {"Kurang/Misconduct", 0, "", std::nullopt, std::nullopt, false},
                {"Sangat Kurang", 0, "", std::nullopt, std::nullopt, false}};
  r.rules = {{"BP_BP_MIN_60", "Butuh Perbaikan paling sedikit 60 % (2 pegawai)", "0 pegawai (0 %)",
              false},
             {"BP_SB_MAX_10", "Sangat Baik paling banyak 10 % (0 pegawai)", "1 pegawai (33,33 %)",
              false}};
  r.violations = {"BP_BP_MIN_60: 0 dari 3 pegawai (0 %) berpredikat Butuh Perbaikan",
                  "BP_SB_MAX_10: 1 dari 3 pegawai (33,33 %) berpredikat Sangat Baik"};
  r.progress = {{"Belum dimulai", 1}, {"Draf", 1},      {"Diajukan", 2},
                {"Ditetapkan", 1},    {"Keberatan", 1}, {"Jumlah pegawai", 5}};
  r.tempat = "Palangka Raya";
  r.tanggal = "15 Januari 2027";
  r.kepala = {"André Simanjuntak, S.E.", "19790512 200501 1 003", "Penata Tingkat I, III/d",
              "Kepala Bidang Pelayanan", ""};
  return r;
}

TEST(UnitRecapPdf, ShowsTheUnitTheCountsPerPredikatTheViolationsAndTheHeadOnOnePage) {
  auto pdf = UnitRecapPdf(Sample());
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  if (const char* keep = std::getenv("KINERJA_KEEP_PDF"))
    std::ofstream(keep, std::ios::binary) << *pdf;
  EXPECT_EQ(PdfPages(*pdf), "1");
  const std::string text = PdfText(*pdf);
  for (const char* expected :
       {"REKAPITULASI EVALUASI KINERJA UNIT", "PEMERINTAH KOTA PALANGKA RAYA",
        "PERIODE: AKHIR (1 Januari 2026 sd 31 Desember 2026)",
        "Bidang Pelayanan Perizinan Terpadu, Dinas Penanaman",
        "CAPAIAN KINERJA ORGANISASI", "Butuh Perbaikan", "Kurang/Misconduct", "33,33 %",
        "66,67 %", "≥ 60 %", "≤ 10 %", "Kurva distribusi predikat", "BP_BP_MIN_60",
        "MELANGGAR", "BP_SB_MAX_10: 1 dari 3 pegawai (33,33 %) berpredikat Sangat Baik",
        "Progres penilaian: Belum dimulai 1", "Keberatan 1", "Palangka Raya, 15 Januari 2027",
        "Kepala Bidang Pelayanan", "André Simanjuntak, S.E.", "NIP. 19790512 200501 1 003"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing in:\n" << text;
  }
}

TEST(UnitRecapPdf, StaysOnOnePageWithLongNamesAndManyViolations) {
  UnitRecap r = Sample();
  r.unit = std::string(300, 'x') + " \xff";  // not UTF-8 at the end: U+FFFD
  for (int i = 0; i < 30; ++i) {
    r.violations.push_back("RULE_" + std::to_string(i) + ": a long explanation of what went wrong");
    r.rules.push_back({"RULE_" + std::to_string(i), "ketentuan", "realisasi", false});
  }
  r.notes = {"Catatan satu.", "Catatan dua."};
  auto pdf = UnitRecapPdf(r);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(PdfPages(*pdf), "1");
  const std::string text = PdfText(*pdf);
  EXPECT_NE(text.find("André Simanjuntak, S.E."), std::string::npos) << "the signature stays";
  EXPECT_NE(text.find("lainnya"), std::string::npos) << "what does not fit is counted";
}

TEST(UnitRecapPdf, AUnitWithNothingCountedSaysSoWithoutShares) {
  UnitRecap r = Sample();
  r.staff_count = 0;
  for (auto& p : r.predikat) p.count = 0;
  r.rules.clear();
  r.violations.clear();
  r.capaian_kinerja_organisasi = "Belum ditetapkan";
  r.notes = {"Belum ada penilaian kinerja yang diajukan atau ditetapkan di unit ini."};
  auto pdf = UnitRecapPdf(r);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(PdfPages(*pdf), "1");
  const std::string text = PdfText(*pdf);
  EXPECT_NE(text.find("Belum ditetapkan"), std::string::npos) << text;
  EXPECT_NE(text.find("Belum ada penilaian kinerja"), std::string::npos) << text;
  EXPECT_EQ(text.find("MELANGGAR"), std::string::npos);
}

TEST(UnitRecapPdf, ComesFirstBeforeTheEvaluationDocuments) {
  EvaluationDocument d;
  d.pegawai.nama = "Sri Rahayu Ningsih, S.Sos.";
  auto pdf = UnitRecapAndDocumentsPdf(Sample(), {d, d});
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(PdfPages(*pdf), "5") << "the recap, then two documents of two pages";
  const std::string first = PdfText(*pdf, "-f 1 -l 1");
  EXPECT_NE(first.find("REKAPITULASI EVALUASI KINERJA UNIT"), std::string::npos);
  EXPECT_EQ(first.find("DOKUMEN EVALUASI KINERJA PEGAWAI"), std::string::npos);
  const std::string second = PdfText(*pdf, "-f 2 -l 2");
  EXPECT_NE(second.find("DOKUMEN EVALUASI KINERJA PEGAWAI"), std::string::npos);
  EXPECT_NE(second.find("Sri Rahayu Ningsih, S.Sos."), std::string::npos);
}

TEST(UnitRecapPdf, PercentagesUseADecimalComma) {
  EXPECT_EQ(PercentText(33.333), "33,33 %");
  EXPECT_EQ(PercentText(70), "70 %");
  EXPECT_EQ(PercentText(12.5), "12,5 %");
  EXPECT_EQ(PercentText(0), "0 %");
}

}  // namespace
}  // namespace kinerja::server::exports

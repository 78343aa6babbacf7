// The printable Dokumen Evaluasi Kinerja Pegawai: every name prints (DejaVu embedded, UTF-8),
// the form's headings and blocks are there, long tables continue on a new page with their
// header, and the first page renders. Checked with poppler's pdftotext and pdftoppm.
#include "server/export/evaluation_document.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "tests/server/export/file_tools.h"

namespace kinerja::server::exports {
namespace {

using testing::RunCapture;
using testing::ScratchFile;

EvaluationDocument Sample() {
  EvaluationDocument d;
  d.instansi = "Pemerintah Kota Palangka Raya";
  d.periode = "Semester I";
  d.periode_dates = "1 Januari 2026 sd 30 Juni 2026";
  d.pegawai = {"Sri Rahayu Ningsih, S.Sos.", "19920315 201903 2 012", "Penata Muda, III/a",
               "Pengadministrasi Perizinan", "Bidang Pelayanan Perizinan Terpadu"};
  d.pejabat_penilai = {"André Simanjuntak, S.E.", "19790512 200501 1 003",
                       "Penata Tingkat I, III/d", "Kepala Bidang Pelayanan",
                       "Bidang Pelayanan Perizinan Terpadu"};
  d.atasan_pejabat_penilai = {"Dewi Anggraeni, S.STP., M.Si.", "19750101 199803 2 004",
                              "Pembina Tingkat I, IV/b", "Kepala Dinas",
                              "Dinas Penanaman Modal dan PTSP"};
  d.capaian_kinerja_organisasi = "Baik";
  d.rating_hasil_kerja = "Di Atas Ekspektasi";
  d.rating_perilaku = "Sesuai Ekspektasi";
  d.predikat = "Baik";
  d.catatan = "Pertahankan kecepatan layanan; ikuti pelatihan arsip dinamis bersama Jürgen.";
  d.tempat = "Palangka Raya";
  d.tanggal = "15 Juli 2026";
  d.hasil_kerja = {
      {"Utama", "Meningkatnya layanan perizinan", "Jumlah izin terbit", "120 izin", "126 izin",
       "105%", ""},
      {"Tambahan", "Tertib arsip", "Berkas terarsip", "100 berkas", "90 berkas", "90%", ""}};
  d.perilaku = {{"Berorientasi Pelayanan", "", "Di Atas Ekspektasi", ""},
                {"Akuntabel", "", "Sesuai Ekspektasi", ""}};
  return d;
}

std::string PdfText(const std::string& pdf) {
  ScratchFile f("doc.pdf", pdf);
  return RunCapture("pdftotext -layout '" + f.path() + "' - 2>/dev/null");
}

TEST(EvaluationDocumentPdf, PrintsEveryNameWithItsAccentsAndTheFormsHeadings) {
  auto pdf = EvaluationDocumentsPdf({Sample()});
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  if (const char* keep = std::getenv("KINERJA_KEEP_PDF"))
    std::ofstream(keep, std::ios::binary) << *pdf;
  std::string text = PdfText(*pdf);
  for (const char* expected : {"DOKUMEN EVALUASI KINERJA PEGAWAI",
                               "PEMERINTAH KOTA PALANGKA RAYA",
                               "PERIODE: SEMESTER I",
                               "1 Januari 2026 sd 30 Juni 2026",
                               "PEGAWAI YANG DINILAI",
                               "PEJABAT PENILAI KINERJA",
                               "ATASAN PEJABAT PENILAI KINERJA",
                               "PANGKAT/GOLONGAN RUANG",
                               "UNIT KERJA",
                               "CAPAIAN KINERJA ORGANISASI",
                               "PREDIKAT KINERJA PEGAWAI",
                               "CATATAN/REKOMENDASI",
                               "Sri Rahayu Ningsih, S.Sos.",
                               "André Simanjuntak, S.E.",
                               "Dewi Anggraeni, S.STP., M.Si.",
                               "Jürgen",
                               "Penata Muda, III/a",
                               "19920315 201903 2 012",
                               "Palangka Raya, 15 Juli 2026",
                               "Pegawai yang Dinilai",
                               "NIP. 19790512 200501 1 003",
                               "HASIL KERJA",
                               "UTAMA",
                               "TAMBAHAN",
                               "Jumlah izin terbit",
                               "126 izin",
                               "105%",
                               "PERILAKU KERJA",
                               "Berorientasi Pelayanan",
                               "Sesuai Ekspektasi"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing in:\n" << text;
  }
}

TEST(EvaluationDocumentPdf, RendersItsFirstPage) {
  auto pdf = EvaluationDocumentsPdf({Sample()});
  ASSERT_TRUE(pdf.ok());
  ScratchFile f("render.pdf", *pdf);
  const std::string prefix = f.path() + "-page";
  int status = -1;
  RunCapture("pdftoppm -png -r 60 -f 1 -l 1 '" + f.path() + "' '" + prefix + "' 2>&1", &status);
  EXPECT_EQ(status, 0);
  // pdftoppm names the page after the page count's digits: -1.png for a short document.
  std::error_code ec;
  std::string png = prefix + "-1.png";
  if (!std::filesystem::exists(png)) png = prefix + "-01.png";
  ASSERT_TRUE(std::filesystem::exists(png)) << png;
  EXPECT_GT(std::filesystem::file_size(png), 5000u) << "a page with text, not a blank one";
  std::filesystem::remove(png, ec);
}

TEST(EvaluationDocumentPdf, PutsEachDocumentOnItsOwnPagesInOneFile) {
  EvaluationDocument other = Sample();
  other.pegawai.nama = "Dedi Kurniawan";
  auto pdf = EvaluationDocumentsPdf({Sample(), other});
  ASSERT_TRUE(pdf.ok());
  ScratchFile f("two.pdf", *pdf);
  std::string info = RunCapture("pdfinfo '" + f.path() + "' 2>/dev/null");
  EXPECT_NE(info.find("Pages:           4"), std::string::npos) << info;
  std::string text = PdfText(*pdf);
  EXPECT_NE(text.find("Dedi Kurniawan"), std::string::npos);
  EXPECT_NE(text.find("Sri Rahayu Ningsih"), std::string::npos);
}

TEST(EvaluationDocumentPdf, ALongTableContinuesOnANewPageWithItsHeader) {
  EvaluationDocument d = Sample();
  d.hasil_kerja.clear();
  for (int i = 1; i <= 60; ++i) {
    d.hasil_kerja.push_back({"Utama",
                             "Rencana hasil kerja nomor " + std::to_string(i) +
                                 " yang cukup panjang sehingga perlu dibungkus ke baris berikutnya",
                             "Indikator " + std::to_string(i), "10 dokumen", "10 dokumen", "100%",
                             ""});
  }
  d.catatan = std::string(3000, 'x');  // one long word: cut to the line width
  auto pdf = EvaluationDocumentsPdf({d});
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  std::string text = PdfText(*pdf);
  size_t headers = 0;
  for (size_t at = text.find("Realisasi"); at != std::string::npos;
       at = text.find("Realisasi", at + 1)) {
    ++headers;
  }
  EXPECT_GE(headers, 2u) << text;
  EXPECT_NE(text.find("Indikator 60"), std::string::npos);
}

TEST(EvaluationDocumentPdf, EmptyFieldsPrintAsADashAndBadBytesDoNotFail) {
  EvaluationDocument d = Sample();
  d.atasan_pejabat_penilai = {};
  d.hasil_kerja.clear();
  d.perilaku.clear();
  d.catatan = "bad \xC3 byte";
  auto pdf = EvaluationDocumentsPdf({d});
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  std::string text = PdfText(*pdf);
  EXPECT_NE(text.find("Tidak ada hasil kerja yang dicatat"), std::string::npos) << text;
  EXPECT_NE(text.find("NIP. -"), std::string::npos) << text;
}

TEST(EvaluationDocumentPdf, RefusesNoDocumentsAndAMissingFont) {
  EXPECT_EQ(EvaluationDocumentsPdf({}).status().code(), Code::kInvalidArgument);
  PdfFonts fonts;
  fonts.bold = "/nonexistent/font.ttf";
  auto r = EvaluationDocumentsPdf({Sample()}, fonts);
  EXPECT_EQ(r.status().code(), Code::kUnavailable);
  EXPECT_NE(r.status().message().find("fonts-dejavu-core"), std::string::npos);
}

}  // namespace
}  // namespace kinerja::server::exports

// GET /api/v1/reports/evaluation-document(s): the Dokumen Evaluasi Kinerja Pegawai filled from
// the store (the appraisal as the server scored it, the employee, the pejabat penilai and the
// atasan pejabat penilai as the roster holds them), for whoever may print it.
#include <cstdlib>
#include <fstream>

#include "tests/server/export/file_tools.h"
#include "tests/server/test_support.h"

namespace kinerja::server::testing {
namespace {

class EvaluationDocumentApi : public DemoCity {
 protected:
  // Budi gets a supervisor (the head of the dinas) and pangkat; Ani and Dedi get names with
  // what plain ASCII would lose. Budi submits Ani's appraisal for 2026-S1 and keeps Dedi's a
  // draft; Yusuf's is submitted too.
  void SetUp() override {
    DemoCity::SetUp();
    ASSERT_TRUE(
        store_
            ->UpsertEmployee({"e-kadis", "197501011998032004", "Dewi Anggraeni, S.STP., M.Si.",
                              "Kepala Dinas", "dpmptsp", "", "", "Pembina Tingkat I, IV/b"})
            .ok());
    ASSERT_TRUE(store_
                    ->UpsertEmployee({"e-budi", "197905122005011003", "André Simanjuntak, S.E.",
                                      "Kepala Bidang Pelayanan", "pelayanan", "e-kadis",
                                      "kabid-pelayanan", "Penata Tingkat I, III/d"})
                    .ok());
    ASSERT_TRUE(store_
                    ->UpsertEmployee({"e-ani", "199203152019032012", "Sri Rahayu Ningsih, S.Sos.",
                                      "Pengadministrasi Perizinan", "pelayanan", "e-budi",
                                      "pengadministrasi-perizinan", "Penata Muda, III/a"})
                    .ok());
    ASSERT_TRUE(
        store_
            ->UpsertEmployee({"e-yusuf", "199009182015031002", "Yusuf Müller", "Verifikator Berkas",
                              "pelayanan", "e-budi", "verifikator-berkas", ""})
            .ok());
    std::string budi = LoginAs("budi", "budi-tab");
    auto r = Call("POST", "/api/v1/sync/push",
                  Push("budi-tab",
                       Json::array({Appraisal("e-ani", "submitted", "Tingkatkan ketelitian arsip."),
                                    Appraisal("e-dedi", "draft", ""),
                                    Appraisal("e-yusuf", "submitted", "")})),
                  budi);
    ASSERT_EQ(r.status, 200) << r.body;
  }

  static Json Appraisal(const std::string& employee, const std::string& status,
                        const std::string& comments) {
    Json skp{{"template", "permenpanrb-6-2022.v1"},
             {"hasil_kerja", Json::array({{{"rhk", "Meningkatnya layanan perizinan"},
                                           {"iki", "Jumlah izin terbit"},
                                           {"satuan", "izin"},
                                           {"target", 120},
                                           {"realisasi", 126}},
                                          {{"iki", "Berkas terarsip"},
                                           {"jenis", "tambahan"},
                                           {"target", 100},
                                           {"realisasi", 90}}})},
             {"rating_hasil_kerja", "Di Atas Ekspektasi"},
             {"perilaku",
              {{"berorientasi_pelayanan", "Di Atas"},
               {"akuntabel", "Sesuai"},
               {"kompeten", "Di Atas"},
               {"harmonis", "Sesuai"},
               {"loyal", "Sesuai"},
               {"adaptif", "Di Atas"},
               {"kolaboratif", "Sesuai"}}}};
    Json body{{"employee_id", employee}, {"period", "2026-S1"}, {"status", status}, {"skp", skp}};
    if (!comments.empty()) body["comments"] = comments;
    return Json{{"change_id", "c-skp-" + employee},
                {"record_id", "skp-" + employee + "-2026-S1"},
                {"kind", "appraisal"},
                {"base_version", 0},
                {"body", body}};
  }

  HttpResponse Document(const std::string& user, const std::string& query) {
    return Call("GET", "/api/v1/reports/evaluation-document" + query, "",
                LoginAs(user, user + "-pc"));
  }

  HttpResponse Batch(const std::string& user, const std::string& unit) {
    return Call("GET", "/api/v1/reports/evaluation-documents?unit=" + unit + "&period=2026-S1", "",
                LoginAs(user, user + "-pc"));
  }

  // The PDF's text; `pages` such as "-f 2" for the pages after a batch's recap.
  static std::string Text(const std::string& pdf, const std::string& pages = "") {
    ScratchFile f("api.pdf", pdf);
    return RunCapture("pdftotext -layout " + pages + " '" + f.path() + "' - 2>/dev/null");
  }
};

TEST_F(EvaluationDocumentApi, HrPrintsTheDocumentWithTheThreePeopleAndTheScoredPredikat) {
  auto r = Document("hr", "?employee=e-ani&period=2026-S1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/pdf");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "inline; filename=\"evaluasi-kinerja-e-ani-2026-S1.pdf\"");
  ScratchFile f("one.pdf", r.body);
  EXPECT_NE(RunCapture("pdfinfo '" + f.path() + "'").find("Pages:           2"), std::string::npos)
      << "the form on one page, the SKP tables on the next";
  if (const char* keep = std::getenv("KINERJA_KEEP_PDF"))
    std::ofstream(keep, std::ios::binary) << r.body;
  std::string text = Text(r.body);
  for (const char* expected : {"DOKUMEN EVALUASI KINERJA PEGAWAI",
                               "PEMERINTAH KOTA PALANGKA RAYA",
                               "PERIODE: SEMESTER I",
                               "1 Januari 2026 sd 30 Juni 2026",
                               "Sri Rahayu Ningsih, S.Sos.",
                               "19920315 201903 2 012",
                               "Penata Muda, III/a",
                               "Pengadministrasi Perizinan",
                               "Bidang Pelayanan Perizinan Terpadu, Dinas",
                               "Penanaman Modal dan PTSP",
                               "André Simanjuntak, S.E.",
                               "Penata Tingkat I, III/d",
                               "Dewi Anggraeni, S.STP., M.Si.",
                               "Pembina Tingkat I, IV/b",
                               "Tingkatkan ketelitian arsip.",
                               "Palangka Raya,",
                               "belum ditetapkan",
                               "Jumlah izin terbit",
                               "120 izin",
                               "126 izin",
                               "105%",
                               "TAMBAHAN",
                               "Berkas terarsip",
                               "Berorientasi Pelayanan",
                               "Di Atas Ekspektasi",
                               "Belum ditetapkan"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing in:\n" << text;
  }
  // Di Atas x median(Di Atas, Sesuai, Di Atas, Sesuai, Sesuai, Di Atas, Sesuai) = Sesuai: Baik.
  EXPECT_NE(text.find("PREDIKAT KINERJA PEGAWAI"), std::string::npos);
  EXPECT_NE(text.find("Baik"), std::string::npos);
}

TEST_F(EvaluationDocumentApi, TheSupervisorTheEmployeeHerselfAndNobodyElseMayPrintIt) {
  EXPECT_EQ(Document("budi", "?employee=e-ani&period=2026-S1").status, 200);
  EXPECT_EQ(Document("ani", "?employee=e-ani&period=2026-S1").status, 200);
  EXPECT_EQ(Document("admin", "?employee=e-ani&period=2026-S1").status, 200);
  auto r = Document("rina", "?employee=e-ani&period=2026-S1");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_NE(r.body.find("permission_denied"), std::string::npos);
  EXPECT_EQ(Document("ani", "?employee=e-yusuf&period=2026-S1").status, 403);
  EXPECT_EQ(Document("loket1", "?employee=e-ani&period=2026-S1").status, 403);
  EXPECT_EQ(
      Call("GET", "/api/v1/reports/evaluation-document?employee=e-ani&period=2026-S1", "").status,
      401);
}

TEST_F(EvaluationDocumentApi, UnknownEmployeesMissingAppraisalsAndBadPeriodsAreClearErrors) {
  auto r = Document("hr", "?employee=e-nobody&period=2026-S1");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("no employee e-nobody"), std::string::npos) << r.body;
  r = Document("hr", "?employee=e-ani&period=2026-S2");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("Sri Rahayu Ningsih, S.Sos. has no appraisal for period 2026-S2"),
            std::string::npos)
      << r.body;
  r = Document("hr", "?employee=e-dedi&period=2026-S1");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("is still a draft"), std::string::npos) << r.body;
  r = Document("hr", "?employee=e-ani&period=2026-H1");
  EXPECT_EQ(r.status, 400) << r.body;
  r = Document("hr", "?period=2026-S1");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(
      Call("POST", "/api/v1/reports/evaluation-document", "{}", LoginAs("hr", "hr-pc")).status,
      405);
}

TEST_F(EvaluationDocumentApi, AUnitBatchIsOnePdfWithADocumentPerAppraisedEmployee) {
  auto r = Batch("hr", "pelayanan");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/pdf");
  EXPECT_EQ(r.headers[0].second, "inline; filename=\"evaluasi-kinerja-pelayanan-2026-S1.pdf\"");
  std::string text = Text(r.body, "-f 2");  // the documents, after the unit's recap
  size_t forms = 0;
  for (size_t at = text.find("DOKUMEN EVALUASI KINERJA PEGAWAI"); at != std::string::npos;
       at = text.find("DOKUMEN EVALUASI KINERJA PEGAWAI", at + 1)) {
    ++forms;
  }
  EXPECT_EQ(forms, 2u) << "Sri's and Yusuf's documents; Dedi's draft is left out";
  EXPECT_EQ(text.find("Dedi Kurniawan"), std::string::npos);
  EXPECT_NE(text.find("Yusuf Müller"), std::string::npos);
  EXPECT_LT(text.find("Sri Rahayu Ningsih"), text.find("Yusuf Müller")) << "in name order";

  EXPECT_EQ(Batch("budi", "pelayanan").status, 200);
  EXPECT_EQ(Batch("ani", "pelayanan").status, 403);
  r = Batch("hr", "pengaduan");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("nobody in Bidang Pengaduan dan Informasi"), std::string::npos) << r.body;
  EXPECT_EQ(Batch("hr", "nowhere").status, 404);
  // Rina supervises nobody in pelayanan: nothing of hers to print there.
  EXPECT_EQ(Batch("rina", "pelayanan").status, 404);
}

TEST_F(EvaluationDocumentApi, AUnitBatchOpensWithTheUnitsRecapOnItsFirstPage) {
  auto r = Batch("hr", "pelayanan");
  ASSERT_EQ(r.status, 200) << r.body;
  ScratchFile f("batch.pdf", r.body);
  EXPECT_NE(RunCapture("pdfinfo '" + f.path() + "'").find("Pages:           5"), std::string::npos)
      << "the recap, then Sri's and Yusuf's two pages each";
  const std::string first = Text(r.body, "-f 1 -l 1");
  for (const char* expected : {"REKAPITULASI EVALUASI KINERJA UNIT", "PERIODE: SEMESTER I",
                               "Bidang Pelayanan Perizinan Terpadu", "Belum ditetapkan",
                               "Progres penilaian", "André Simanjuntak, S.E."}) {
    EXPECT_NE(first.find(expected), std::string::npos) << expected << " missing in:\n" << first;
  }
  EXPECT_EQ(first.find("DOKUMEN EVALUASI KINERJA PEGAWAI"), std::string::npos);
  // Its numbers are the recap endpoint's for the same unit and period.
  auto recap = Call("GET", "/api/v1/reports/unit-recap?unit=pelayanan&period=2026-S1", "",
                    LoginAs("hr", "hr-pc"));
  ASSERT_EQ(recap.status, 200) << recap.body;
  EXPECT_EQ(Text(recap.body), first);
  EXPECT_NE(Text(r.body, "-f 2 -l 2").find("DOKUMEN EVALUASI KINERJA PEGAWAI"), std::string::npos);
}

}  // namespace
}  // namespace kinerja::server::testing

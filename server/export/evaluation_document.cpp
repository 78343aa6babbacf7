#include "server/export/evaluation_document.h"

#include <algorithm>

namespace kinerja::server::exports {

namespace {

// A copy of `d` with every text made valid UTF-8.
EvaluationDocument Sanitized(EvaluationDocument d) {
  auto fix = [](std::string& s) { s = ValidUtf8(s); };
  for (std::string* s : {&d.instansi, &d.periode, &d.periode_dates, &d.capaian_kinerja_organisasi,
                         &d.rating_hasil_kerja, &d.rating_perilaku, &d.predikat, &d.catatan,
                         &d.tempat, &d.tanggal, &d.status}) {
    fix(*s);
  }
  for (PersonBlock* p : {&d.pegawai, &d.pejabat_penilai, &d.atasan_pejabat_penilai}) {
    for (std::string* s : {&p->nama, &p->nip, &p->pangkat_golongan, &p->jabatan, &p->unit_kerja})
      fix(*s);
  }
  for (auto& r : d.hasil_kerja) {
    for (std::string* s :
         {&r.jenis, &r.rhk, &r.iki, &r.target, &r.realisasi, &r.capaian, &r.umpan_balik}) {
      fix(*s);
    }
  }
  for (auto& r : d.perilaku) {
    for (std::string* s : {&r.perilaku, &r.ekspektasi, &r.rating, &r.umpan_balik}) fix(*s);
  }
  return d;
}

// The evaluation page: the form itself.
void WriteEvaluationPage(PageWriter& w, const EvaluationDocument& d) {
  w.NewPage();
  w.Centered("DOKUMEN EVALUASI KINERJA PEGAWAI", true, 13);
  if (!d.instansi.empty()) w.Centered(Upper(d.instansi), true, 10.5f);
  w.Down(4);
  w.Centered("PERIODE: " + Upper(OrDash(d.periode)), true, 10);
  if (!d.periode_dates.empty()) w.Centered(d.periode_dates, false, 9.5f);
  if (!d.status.empty()) w.Centered(d.status, false, 8.5f);
  w.Down(10);

  const std::vector<TableColumn> cols{{"", 24}, {"", 190}, {"", kContentWidth - 214}};
  const std::vector<TableColumn> heading{{"", 24}, {"", kContentWidth - 24}};
  auto section = [&](const char* no, const std::string& title) {
    w.Row(heading, {no, title}, true, [] {});
  };
  auto person = [&](const char* no, const std::string& title, const PersonBlock& p) {
    section(no, title);
    const std::pair<const char*, std::string> fields[] = {
        {"NAMA", p.nama},
        {"NIP", p.nip},
        {"PANGKAT/GOLONGAN RUANG", p.pangkat_golongan},
        {"JABATAN", p.jabatan},
        {"UNIT KERJA", p.unit_kerja}};
    for (const auto& [label, value] : fields) w.Row(cols, {"", label, OrDash(value)}, false, [] {});
  };
  person("1", "PEGAWAI YANG DINILAI", d.pegawai);
  person("2", "PEJABAT PENILAI KINERJA", d.pejabat_penilai);
  person("3", "ATASAN PEJABAT PENILAI KINERJA", d.atasan_pejabat_penilai);
  w.Row(cols, {"4", "CAPAIAN KINERJA ORGANISASI", OrDash(d.capaian_kinerja_organisasi)}, true,
        [] {});
  w.Row(cols, {"5", "PREDIKAT KINERJA PEGAWAI", OrDash(d.predikat)}, true, [] {});
  w.Row(cols, {"", "Rating hasil kerja", OrDash(d.rating_hasil_kerja)}, false, [] {});
  w.Row(cols, {"", "Rating perilaku kerja", OrDash(d.rating_perilaku)}, false, [] {});
  section("6", "CATATAN/REKOMENDASI");
  w.Down(2);
  w.Paragraph(kMargin + 24 + kPad, kContentWidth - 24 - 2 * kPad, OrDash(d.catatan), false, kBody);

  // Place and date, then the three signature blocks side by side.
  const float block = kContentWidth / 3;
  const float sig_height = 150;
  w.Ensure(sig_height);
  w.Down(18);
  const std::string place_date =
      (d.tempat.empty() ? std::string() : d.tempat + ", ") + OrDash(d.tanggal);
  w.Text(kMargin + 2 * block, w.y(), place_date, false, kBody);
  w.Down(16);
  const float top = w.y();
  const std::pair<const char*, const PersonBlock*> signers[] = {
      {"Pegawai yang Dinilai", &d.pegawai},
      {"Pejabat Penilai Kinerja", &d.pejabat_penilai},
      {"Atasan Pejabat Penilai Kinerja", &d.atasan_pejabat_penilai}};
  float lowest = top;
  for (size_t i = 0; i < 3; ++i) {
    const float x = kMargin + static_cast<float>(i) * block;
    w.Text(x, top, signers[i].first, false, kBody);
    float y = top - 62;  // room to sign
    w.Line(x, y + 8, x + block - 14, y + 8);
    for (const auto& line : w.Wrap(OrDash(signers[i].second->nama), block - 14, true, kBody)) {
      y -= kBody * kLeading;
      w.Text(x, y + 11, line, true, kBody);
    }
    y -= kBody * kLeading;
    w.Text(x, y + 11, "NIP. " + OrDash(signers[i].second->nip), false, kBody);
    lowest = std::min(lowest, y);
  }
  w.Down(top - lowest + 8);
}

// The SKP pages: the hasil kerja table, then the perilaku kerja table.
void WriteSkpPages(PageWriter& w, const EvaluationDocument& d) {
  w.NewPage();
  w.Centered("HASIL EVALUASI SASARAN KINERJA PEGAWAI", true, 12);
  w.Centered("PERIODE: " + Upper(OrDash(d.periode)) +
                 (d.periode_dates.empty() ? "" : " (" + d.periode_dates + ")"),
             false, 9.5f);
  w.Centered(OrDash(d.pegawai.nama) + " — NIP. " + OrDash(d.pegawai.nip), false, 9.5f);
  w.Down(10);
  w.Paragraph(kMargin, kContentWidth, "A. HASIL KERJA", true, 10);
  w.Down(4);
  const std::vector<TableColumn> hk{{"No", 22},
                                    {"Rencana Hasil Kerja", 105},
                                    {"Indikator Kinerja Individu", 105},
                                    {"Target", 58},
                                    {"Realisasi", 58},
                                    {"Capaian", 50},
                                    {"Umpan Balik", kContentWidth - 398}};
  std::vector<std::vector<std::string>> rows;
  for (const char* jenis : {"Utama", "Tambahan"}) {
    int no = 0;
    for (const auto& r : d.hasil_kerja) {
      if (r.jenis != jenis) continue;
      if (no == 0) rows.push_back({std::string("\x01") + (jenis[0] == 'U' ? "UTAMA" : "TAMBAHAN")});
      rows.push_back(
          {std::to_string(++no), r.rhk, r.iki, r.target, r.realisasi, r.capaian, r.umpan_balik});
    }
  }
  for (const auto& r : d.hasil_kerja) {  // rows of another jenis, as given
    if (r.jenis != "Utama" && r.jenis != "Tambahan") {
      rows.push_back({"-", r.rhk, r.iki, r.target, r.realisasi, r.capaian, r.umpan_balik});
    }
  }
  if (rows.empty()) rows.push_back({"\x02Tidak ada hasil kerja yang dicatat"});
  w.Table(hk, rows);

  w.Down(14);
  w.Ensure(60);
  w.Paragraph(kMargin, kContentWidth, "B. PERILAKU KERJA (BerAKHLAK)", true, 10);
  w.Down(4);
  const std::vector<TableColumn> pk{{"No", 24},
                                    {"Perilaku Kerja", 130},
                                    {"Ekspektasi Khusus Pimpinan", 130},
                                    {"Penilaian", 90},
                                    {"Umpan Balik", kContentWidth - 374}};
  rows.clear();
  int no = 0;
  for (const auto& r : d.perilaku) {
    rows.push_back({std::to_string(++no), r.perilaku, r.ekspektasi, r.rating, r.umpan_balik});
  }
  if (rows.empty()) rows.push_back({"\x02Perilaku kerja belum dinilai"});
  w.Table(pk, rows);
}

}  // namespace

void WriteEvaluationDocument(PageWriter& w, const EvaluationDocument& raw) {
  const EvaluationDocument d = Sanitized(raw);
  WriteEvaluationPage(w, d);
  WriteSkpPages(w, d);
}

Result<std::string> EvaluationDocumentsPdf(const std::vector<EvaluationDocument>& docs,
                                           const PdfFonts& fonts) {
  if (docs.empty()) return Status::InvalidArgument("no evaluation documents to print");
  return WritePdf(fonts, "Dokumen Evaluasi Kinerja Pegawai", [&](PageWriter& w) {
    for (const auto& d : docs) WriteEvaluationDocument(w, d);
  });
}

}  // namespace kinerja::server::exports

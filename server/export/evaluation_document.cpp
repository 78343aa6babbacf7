#include "server/export/evaluation_document.h"

#include <hpdf.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace kinerja::server::exports {

namespace {

// A4 portrait in points, and the printable area.
constexpr float kPageWidth = 595.28f;
constexpr float kPageHeight = 841.89f;
constexpr float kMargin = 48.0f;
constexpr float kContentWidth = kPageWidth - 2 * kMargin;
constexpr float kBody = 9.5f;     // body text size
constexpr float kLeading = 1.3f;  // line height as a multiple of the size
constexpr float kPad = 3.5f;      // cell padding

// `text` with every byte sequence that is not UTF-8 replaced by U+FFFD.
std::string ValidUtf8(const std::string& text) {
  std::string out;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    bool ok = len > 0 && i + len <= n && !(len == 2 && c < 0xC2);
    for (size_t k = 1; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) {
      const unsigned v = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6);
      ok = v >= 0x800 && (v < 0xD800 || v > 0xDFFF);
    }
    if (ok && len == 4)
      ok = c <= 0xF4 && !(c == 0xF0 && s[i + 1] < 0x90) && !(c == 0xF4 && s[i + 1] > 0x8F);
    if (ok) {
      out.append(text, i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

// The first libharu error, kept by the error handler (libharu reports errors by callback and
// goes on; the writer checks once at the end).
struct HaruErrors {
  HPDF_STATUS first = 0;
  HPDF_STATUS detail = 0;
};

void OnHaruError(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* e = static_cast<HaruErrors*>(user_data);
  if (e->first == 0) {
    e->first = error_no;
    e->detail = detail_no;
  }
}

struct TableColumn {
  const char* title;
  float width;  // points
};

// A page-by-page writer: a cursor `y` moving down from the top margin, wrapped text, boxed
// tables that continue on a new page with their header repeated.
class PageWriter {
 public:
  PageWriter(HPDF_Doc doc, HPDF_Font regular, HPDF_Font bold)
      : doc_(doc), regular_(regular), bold_(bold) {}

  void NewPage() {
    page_ = HPDF_AddPage(doc_);
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Page_SetLineWidth(page_, 0.6f);
    y_ = kPageHeight - kMargin;
  }

  float y() const { return y_; }
  void Down(float dy) { y_ -= dy; }
  // Starts a new page unless `height` points still fit above the bottom margin.
  void Ensure(float height) {
    if (y_ - height < kMargin) NewPage();
  }

  float Width(const std::string& text, bool bold, float size) {
    HPDF_Page_SetFontAndSize(page_, bold ? bold_ : regular_, size);
    return HPDF_Page_TextWidth(page_, text.c_str());
  }

  // `text` broken into lines no wider than `width`: at spaces, at line breaks in the text,
  // and inside a word that is wider than a line on its own.
  std::vector<std::string> Wrap(const std::string& text, float width, bool bold, float size) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (true) {
      size_t nl = text.find('\n', start);
      std::string para =
          text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (!para.empty() && para.back() == '\r') para.pop_back();
      WrapParagraph(para, width, bold, size, &lines);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return lines;
  }

  void Text(float x, float y, const std::string& text, bool bold, float size) {
    if (text.empty()) return;
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, bold ? bold_ : regular_, size);
    HPDF_Page_TextOut(page_, x, y, text.c_str());
    HPDF_Page_EndText(page_);
  }

  // A line at the cursor, horizontally centred on the page; the cursor moves below it.
  void Centered(const std::string& text, bool bold, float size) {
    for (const auto& line : Wrap(text, kContentWidth, bold, size)) {
      Ensure(size * kLeading);
      y_ -= size * kLeading;
      Text((kPageWidth - Width(line, bold, size)) / 2, y_ + size * 0.25f, line, bold, size);
    }
  }

  // Wrapped text from x over `width`; the cursor moves below it (page breaks between lines).
  void Paragraph(float x, float width, const std::string& text, bool bold, float size) {
    for (const auto& line : Wrap(text, width, bold, size)) {
      Ensure(size * kLeading);
      y_ -= size * kLeading;
      Text(x, y_ + size * 0.25f, line, bold, size);
    }
  }

  void Line(float x1, float y1, float x2, float y2) {
    HPDF_Page_MoveTo(page_, x1, y1);
    HPDF_Page_LineTo(page_, x2, y2);
    HPDF_Page_Stroke(page_);
  }

  // One boxed row of cells at the cursor (each wrapped to its column); the cursor moves below
  // it. A row that does not fit starts a new page, after `on_new_page` (e.g. the header again).
  template <typename OnNewPage>
  void Row(const std::vector<TableColumn>& cols, const std::vector<std::string>& cells, bool bold,
           OnNewPage on_new_page) {
    std::vector<std::vector<std::string>> wrapped;
    size_t lines = 1;
    for (size_t c = 0; c < cols.size(); ++c) {
      wrapped.push_back(
          Wrap(c < cells.size() ? cells[c] : "", cols[c].width - 2 * kPad, bold, kBody));
      lines = std::max(lines, wrapped.back().size());
    }
    const float line_h = kBody * kLeading;
    const float h = static_cast<float>(lines) * line_h + 2 * kPad;
    if (y_ - h < kMargin) {
      NewPage();
      on_new_page();
    }
    float x = kMargin;
    const float top = y_;
    for (size_t c = 0; c < cols.size(); ++c) {
      float ly = top - kPad;
      for (const auto& l : wrapped[c]) {
        ly -= line_h;
        Text(x + kPad, ly + kBody * 0.3f, l, bold, kBody);
      }
      HPDF_Page_Rectangle(page_, x, top - h, cols[c].width, h);
      HPDF_Page_Stroke(page_);
      x += cols[c].width;
    }
    y_ = top - h;
  }

  // A table: a bold header row, then the rows; a row whose first cell starts with "\x01" is
  // a section row (its text across the whole table, bold), "\x02" the same in regular text.
  void Table(const std::vector<TableColumn>& cols,
             const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::string> header;
    for (const auto& c : cols) header.push_back(c.title);
    auto repeat_header = [&] { Row(cols, header, true, [] {}); };
    Row(cols, header, true, [] {});
    const float total = [&] {
      float w = 0;
      for (const auto& c : cols) w += c.width;
      return w;
    }();
    for (const auto& r : rows) {
      if (!r.empty() && !r[0].empty() && (r[0][0] == '\x01' || r[0][0] == '\x02')) {
        Row({{"", total}}, {r[0].substr(1)}, r[0][0] == '\x01', repeat_header);
      } else {
        Row(cols, r, false, repeat_header);
      }
    }
  }

 private:
  void WrapParagraph(const std::string& para, float width, bool bold, float size,
                     std::vector<std::string>* lines) {
    std::string line;
    size_t i = 0;
    while (i <= para.size()) {
      size_t sp = para.find(' ', i);
      std::string word = para.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
      std::string candidate = line.empty() ? word : line + " " + word;
      if (Width(candidate, bold, size) <= width) {
        line = std::move(candidate);
      } else {
        if (!line.empty()) lines->push_back(line);
        line.clear();
        // A word wider than the line: cut it at code point boundaries.
        while (Width(word, bold, size) > width && word.size() > 1) {
          size_t cut = word.size();
          while (cut > 1 && Width(word.substr(0, cut), bold, size) > width) {
            do --cut;
            while (cut > 1 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80);
          }
          lines->push_back(word.substr(0, cut));
          word = word.substr(cut);
        }
        line = word;
      }
      if (sp == std::string::npos) break;
      i = sp + 1;
    }
    lines->push_back(line);
  }

  HPDF_Doc doc_;
  HPDF_Font regular_;
  HPDF_Font bold_;
  HPDF_Page page_ = nullptr;
  float y_ = 0;
};

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

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
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

bool Readable(const std::string& path) { return std::ifstream(path, std::ios::binary).good(); }

}  // namespace

Result<std::string> EvaluationDocumentsPdf(const std::vector<EvaluationDocument>& docs,
                                           const PdfFonts& fonts) {
  if (docs.empty()) return Status::InvalidArgument("no evaluation documents to print");
  for (const std::string& f : {fonts.regular, fonts.bold}) {
    if (!Readable(f)) {
      return Status::Unavailable("font " + f + " cannot be read; install fonts-dejavu-core");
    }
  }
  HaruErrors errors;
  HPDF_Doc doc = HPDF_New(OnHaruError, &errors);
  if (doc == nullptr) return Status::Internal("libharu could not start a document");
  struct Free {
    HPDF_Doc d;
    ~Free() { HPDF_Free(d); }
  } free_doc{doc};
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");
  const char* regular_name = HPDF_LoadTTFontFromFile(doc, fonts.regular.c_str(), HPDF_TRUE);
  const char* bold_name = HPDF_LoadTTFontFromFile(doc, fonts.bold.c_str(), HPDF_TRUE);
  if (regular_name == nullptr || bold_name == nullptr) {
    return Status::Unavailable("libharu could not load the fonts " + fonts.regular + " and " +
                               fonts.bold);
  }
  HPDF_Font regular = HPDF_GetFont(doc, regular_name, "UTF-8");
  HPDF_Font bold = HPDF_GetFont(doc, bold_name, "UTF-8");
  if (regular == nullptr || bold == nullptr) return Status::Internal("libharu has no UTF-8 font");
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, "Dokumen Evaluasi Kinerja Pegawai");
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "Kinerja");

  PageWriter w(doc, regular, bold);
  for (const auto& raw : docs) {
    const EvaluationDocument d = Sanitized(raw);
    WriteEvaluationPage(w, d);
    WriteSkpPages(w, d);
    if (errors.first != 0) break;
  }
  if (errors.first == 0) HPDF_SaveToStream(doc);
  if (errors.first != 0) {
    char code[64];
    std::snprintf(code, sizeof code, "error 0x%04X (detail %u)",
                  static_cast<unsigned>(errors.first), static_cast<unsigned>(errors.detail));
    return Status::Internal(std::string("libharu failed writing the PDF: ") + code);
  }
  std::string out(HPDF_GetStreamSize(doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  return out;
}

}  // namespace kinerja::server::exports

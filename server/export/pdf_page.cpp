#include "server/export/pdf_page.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace kinerja::server::exports {

namespace {

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

bool Readable(const std::string& path) { return std::ifstream(path, std::ios::binary).good(); }

}  // namespace

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

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

void PageWriter::NewPage() {
  page_ = HPDF_AddPage(doc_);
  HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  HPDF_Page_SetLineWidth(page_, 0.6f);
  y_ = kPageHeight - kMargin;
}

float PageWriter::Width(const std::string& text, bool bold, float size) {
  HPDF_Page_SetFontAndSize(page_, bold ? bold_ : regular_, size);
  return HPDF_Page_TextWidth(page_, text.c_str());
}

std::vector<std::string> PageWriter::Wrap(const std::string& text, float width, bool bold, float size) {
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

void PageWriter::Text(float x, float y, const std::string& text, bool bold, float size) {
  if (text.empty()) return;
  HPDF_Page_BeginText(page_);
  HPDF_Page_SetFontAndSize(page_, bold ? bold_ : regular_, size);
  HPDF_Page_TextOut(page_, x, y, text.c_str());
  HPDF_Page_EndText(page_);
}

void PageWriter::Centered(const std::string& text, bool bold, float size) {
  for (const auto& line : Wrap(text, kContentWidth, bold, size)) {
    Ensure(size * kLeading);
    y_ -= size * kLeading;
    Text((kPageWidth - Width(line, bold, size)) / 2, y_ + size * 0.25f, line, bold, size);
  }
}

void PageWriter::Paragraph(float x, float width, const std::string& text, bool bold, float size) {
  for (const auto& line : Wrap(text, width, bold, size)) {
    Ensure(size * kLeading);
    y_ -= size * kLeading;
    Text(x, y_ + size * 0.25f, line, bold, size);
  }
}

void PageWriter::Line(float x1, float y1, float x2, float y2) {
  HPDF_Page_MoveTo(page_, x1, y1);
  HPDF_Page_LineTo(page_, x2, y2);
  HPDF_Page_Stroke(page_);
}

void PageWriter::Row(const std::vector<TableColumn>& cols, const std::vector<std::string>& cells,
                   bool bold, const std::function<void()>& on_new_page) {
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

void PageWriter::Table(const std::vector<TableColumn>& cols,
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

void PageWriter::WrapParagraph(const std::string& para, float width, bool bold, float size,
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

Result<std::string> WritePdf(const PdfFonts& fonts, const std::string& title,
                             const std::function<void(PageWriter&)>& write) {
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
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, ValidUtf8(title).c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "Kinerja");

  PageWriter w(doc, regular, bold);
  write(w);
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

#pragma once
// What the printable PDF documents share (server/export/evaluation_document.h,
// server/export/unit_recap.h): A4 portrait pages written with libharu, DejaVu TrueType fonts
// embedded, UTF-8 text, a cursor moving down the page, wrapped text and boxed tables.

#include <hpdf.h>

#include <functional>
#include <string>
#include <vector>

#include "shared/result.h"

namespace kinerja::server::exports {

// TrueType fonts to embed (regular and bold; Debian's fonts-dejavu-core by default).
struct PdfFonts {
  std::string regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::string bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
};

// A4 portrait in points, and the printable area.
inline constexpr float kPageWidth = 595.28f;
inline constexpr float kPageHeight = 841.89f;
inline constexpr float kMargin = 48.0f;
inline constexpr float kContentWidth = kPageWidth - 2 * kMargin;
inline constexpr float kBody = 9.5f;     // body text size
inline constexpr float kLeading = 1.3f;  // line height as a multiple of the size
inline constexpr float kPad = 3.5f;      // cell padding

// `text` with every byte sequence that is not UTF-8 replaced by U+FFFD.
std::string ValidUtf8(const std::string& text);
// "-" for an empty text.
std::string OrDash(const std::string& s);
// ASCII letters upper-cased (others as they are).
std::string Upper(std::string s);

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

  void NewPage();
  HPDF_Page page() const { return page_; }

  float y() const { return y_; }
  void Down(float dy) { y_ -= dy; }
  // Starts a new page unless `height` points still fit above the bottom margin.
  void Ensure(float height) {
    if (y_ - height < kMargin) NewPage();
  }

  float Width(const std::string& text, bool bold, float size);
  // `text` broken into lines no wider than `width`: at spaces, at line breaks in the text,
  // and inside a word that is wider than a line on its own.
  std::vector<std::string> Wrap(const std::string& text, float width, bool bold, float size);
  void Text(float x, float y, const std::string& text, bool bold, float size);
  // A line at the cursor, horizontally centred on the page; the cursor moves below it.
  void Centered(const std::string& text, bool bold, float size);
  // Wrapped text from x over `width`; the cursor moves below it (page breaks between lines).
  void Paragraph(float x, float width, const std::string& text, bool bold, float size);
  void Line(float x1, float y1, float x2, float y2);

  // One boxed row of cells at the cursor (each wrapped to its column); the cursor moves below
  // it. A row that does not fit starts a new page, after `on_new_page` (e.g. the header again).
  void Row(const std::vector<TableColumn>& cols, const std::vector<std::string>& cells, bool bold,
           const std::function<void()>& on_new_page = [] {});

  // A table: a bold header row, then the rows; a row whose first cell starts with "\x01" is
  // a section row (its text across the whole table, bold), "\x02" the same in regular text.
  void Table(const std::vector<TableColumn>& cols,
             const std::vector<std::vector<std::string>>& rows);

 private:
  void WrapParagraph(const std::string& para, float width, bool bold, float size,
                     std::vector<std::string>* lines);

  HPDF_Doc doc_;
  HPDF_Font regular_;
  HPDF_Font bold_;
  HPDF_Page page_ = nullptr;
  float y_ = 0;
};

// A PDF with the fonts embedded once, its pages written by `write` (which starts each page
// with PageWriter::NewPage). Fails with kUnavailable when a font file cannot be loaded,
// kInternal for a libharu error (its code in the message).
Result<std::string> WritePdf(const PdfFonts& fonts, const std::string& title,
                             const std::function<void(PageWriter&)>& write);

}  // namespace kinerja::server::exports

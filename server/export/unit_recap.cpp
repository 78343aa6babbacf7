#include "server/export/unit_recap.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kinerja::server::exports {

namespace {

// The signature block's height above the bottom margin; the content above stops before it.
constexpr float kSignatureHeight = 96;

UnitRecap Sanitized(UnitRecap r) {
  auto fix = [](std::string& s) { s = ValidUtf8(s); };
  for (std::string* s : {&r.instansi, &r.unit, &r.periode, &r.periode_dates,
                         &r.capaian_kinerja_organisasi, &r.tempat, &r.tanggal, &r.kepala.nama,
                         &r.kepala.nip, &r.kepala.pangkat_golongan, &r.kepala.jabatan,
                         &r.kepala.unit_kerja}) {
    fix(*s);
  }
  for (auto& p : r.predikat) {
    fix(p.name);
    fix(p.bound);
  }
  for (auto& rule : r.rules) {
    fix(rule.rule);
    fix(rule.ketentuan);
    fix(rule.realisasi);
  }
  for (auto& v : r.violations) fix(v);
  for (auto& n : r.notes) fix(n);
  for (auto& [label, n] : r.progress) fix(label);
  return r;
}

double Share(int count, int staff) {
  return staff > 0 ? std::round(count * 10000.0 / staff) / 100 : 0;
}

void SetRgb(HPDF_Page page, float r, float g, float b, bool fill) {
  if (fill) {
    HPDF_Page_SetRGBFill(page, r, g, b);
  } else {
    HPDF_Page_SetRGBStroke(page, r, g, b);
  }
}

// The distribution curve: a bar per predikat (x: Sangat Kurang to Sangat Baik, as the
// PermenPANRB 6/2022 example chart), the share of staff as its height, a line through the bar
// tops, and each bound the rules set for that predikat alone marked across its bar (red: at
// most, green: at least).
void WriteChart(PageWriter& w, const UnitRecap& r, float height) {
  HPDF_Page page = w.page();
  const float left = kMargin + 34;
  const float right = kMargin + kContentWidth - 4;
  const float top = w.y() - 14;
  const float bottom = w.y() - height + 18;  // room for the predikat names below
  const float plot_h = top - bottom;
  auto y_of = [&](double percent) { return bottom + static_cast<float>(percent / 100) * plot_h; };

  w.Text(kMargin, w.y() - 2, "Kurva distribusi predikat kinerja pegawai (% pegawai)", true, 9);
  HPDF_Page_SetLineWidth(page, 0.3f);
  SetRgb(page, 0.75f, 0.75f, 0.75f, false);
  for (int pct = 0; pct <= 100; pct += 25) {
    const float y = y_of(pct);
    w.Line(left, y, right, y);
    const std::string label = std::to_string(pct) + " %";
    w.Text(left - 4 - w.Width(label, false, 7), y - 2.5f, label, false, 7);
  }
  SetRgb(page, 0, 0, 0, false);
  HPDF_Page_SetLineWidth(page, 0.6f);
  w.Line(left, bottom, left, top);

  std::vector<const RecapPredikat*> bars;
  for (auto it = r.predikat.rbegin(); it != r.predikat.rend(); ++it) bars.push_back(&*it);
  if (bars.empty()) return;
  const float slot = (right - left) / static_cast<float>(bars.size());
  const float bar_w = slot * 0.5f;
  std::vector<std::pair<float, float>> tops;
  for (size_t i = 0; i < bars.size(); ++i) {
    const RecapPredikat& b = *bars[i];
    const float cx = left + slot * (static_cast<float>(i) + 0.5f);
    const double share = Share(b.count, r.staff_count);
    const float y = y_of(share);
    if (share > 0) {
      if (b.violated) {
        SetRgb(page, 0.93f, 0.62f, 0.58f, true);
      } else {
        SetRgb(page, 0.55f, 0.70f, 0.86f, true);
      }
      HPDF_Page_Rectangle(page, cx - bar_w / 2, bottom, bar_w, y - bottom);
      HPDF_Page_FillStroke(page);
    }
    SetRgb(page, 0, 0, 0, true);
    if (r.staff_count > 0) {
      const std::string label = std::to_string(b.count) + " (" + PercentText(share) + ")";
      w.Text(cx - w.Width(label, false, 7) / 2, std::min(y, top - 8) + 3, label, false, 7);
    }
    const float name_w = w.Width(b.name, false, 7.5f);
    w.Text(cx - name_w / 2, bottom - 11, b.name, false, 7.5f);
    tops.emplace_back(cx, y);
    auto mark = [&](double percent, float red, float green, const std::string& label) {
      const float my = y_of(percent);
      HPDF_Page_SetLineWidth(page, 1.4f);
      SetRgb(page, red, green, 0.1f, false);
      w.Line(cx - slot * 0.42f, my, cx + slot * 0.42f, my);
      SetRgb(page, red, green, 0.1f, true);
      w.Text(cx + bar_w / 2 + 2, my + 2, label, false, 6.5f);
      SetRgb(page, 0, 0, 0, true);
      SetRgb(page, 0, 0, 0, false);
      HPDF_Page_SetLineWidth(page, 0.6f);
    };
    if (b.max_percent) mark(*b.max_percent, 0.8f, 0.1f, "maks " + PercentText(*b.max_percent));
    if (b.min_percent) mark(*b.min_percent, 0.1f, 0.55f, "min " + PercentText(*b.min_percent));
  }
  if (r.staff_count > 0) {  // the curve through the bar tops
    HPDF_Page_SetLineWidth(page, 1.0f);
    SetRgb(page, 0.15f, 0.3f, 0.55f, false);
    HPDF_Page_MoveTo(page, tops[0].first, tops[0].second);
    for (size_t i = 1; i < tops.size(); ++i) HPDF_Page_LineTo(page, tops[i].first, tops[i].second);
    HPDF_Page_Stroke(page);
    SetRgb(page, 0, 0, 0, false);
    HPDF_Page_SetLineWidth(page, 0.6f);
  }
  w.Down(height);
}

// Writes `lines` as wrapped paragraphs while they fit above `floor`; the rest is counted.
void LinesAbove(PageWriter& w, const std::vector<std::string>& lines, float floor, bool bold) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const size_t n = w.Wrap(lines[i], kContentWidth - 12, bold, 8.5f).size();
    if (w.y() - static_cast<float>(n + 1) * 8.5f * kLeading < floor) {
      w.Paragraph(kMargin + 6, kContentWidth - 12,
                  "… dan " + std::to_string(lines.size() - i) + " lainnya", false, 8.5f);
      return;
    }
    w.Paragraph(kMargin + 6, kContentWidth - 12, "• " + lines[i], bold, 8.5f);
  }
}

}  // namespace

std::string PercentText(double percent) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(percent * 100) / 100);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  std::replace(s.begin(), s.end(), '.', ',');
  return s + " %";
}

void WriteUnitRecap(PageWriter& w, const UnitRecap& raw) {
  const UnitRecap r = Sanitized(raw);
  w.NewPage();
  const float floor = kMargin + kSignatureHeight;
  w.Centered("REKAPITULASI EVALUASI KINERJA UNIT", true, 13);
  if (!r.instansi.empty()) w.Centered(Upper(r.instansi), true, 10.5f);
  w.Centered("PERIODE: " + Upper(OrDash(r.periode)) +
                 (r.periode_dates.empty() ? "" : " (" + r.periode_dates + ")"),
             false, 9.5f);
  w.Down(8);

  const std::vector<TableColumn> info{{"", 200}, {"", kContentWidth - 200}};
  w.Row(info, {"UNIT KERJA", OrDash(r.unit)}, false);
  w.Row(info, {"CAPAIAN KINERJA ORGANISASI", OrDash(r.capaian_kinerja_organisasi)}, true);
  w.Row(info, {"PEGAWAI YANG DIHITUNG", std::to_string(r.staff_count) +
                                            " (penilaian diajukan atau ditetapkan)"},
        false);
  w.Down(8);

  const std::vector<TableColumn> cols{{"Predikat Kinerja Pegawai", 150},
                                      {"Jumlah Pegawai", 85},
                                      {"Persentase", 85},
                                      {"Batas SE MenPANRB 03/2023", kContentWidth - 320}};
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : r.predikat) {
    rows.push_back({p.name, std::to_string(p.count),
                    r.staff_count > 0 ? PercentText(Share(p.count, r.staff_count)) : "-",
                    OrDash(p.bound)});
  }
  rows.push_back({"Jumlah", std::to_string(r.staff_count), r.staff_count > 0 ? "100 %" : "-", ""});
  w.Table(cols, rows);
  w.Down(10);

  WriteChart(w, r, 125);
  w.Down(4);

  if (!r.rules.empty()) {
    w.Paragraph(kMargin, kContentWidth, "Ketentuan distribusi (SE MenPANRB 03/2023)", true, 9);
    w.Down(2);
    const std::vector<TableColumn> rc{{"Aturan", 118},
                                      {"Ketentuan", 190},
                                      {"Realisasi", 110},
                                      {"Hasil", kContentWidth - 418}};
    std::vector<std::string> header;
    for (const auto& c : rc) header.push_back(c.title);
    w.Row(rc, header, true);
    for (size_t i = 0; i < r.rules.size(); ++i) {
      const RecapRule& rule = r.rules[i];
      std::vector<std::string> cells{rule.rule, rule.ketentuan, OrDash(rule.realisasi),
                                     !rule.ok ? "-" : *rule.ok ? "Terpenuhi" : "MELANGGAR"};
      size_t lines = 1;
      for (size_t c = 0; c < rc.size(); ++c) {
        lines = std::max(lines, w.Wrap(cells[c], rc[c].width - 2 * kPad, false, kBody).size());
      }
      // Room for this row, one more for what is left, and the violations' heading.
      const float h = static_cast<float>(lines + 1) * kBody * kLeading + 4 * kPad + 30;
      if (w.y() - h < floor + 24) {
        w.Row({{"", kContentWidth}}, {"… dan " + std::to_string(r.rules.size() - i) +
                                      " aturan lainnya"},
              false);
        break;
      }
      w.Row(rc, cells, false);
    }
    w.Down(4);
  }
  if (!r.violations.empty()) {
    w.Paragraph(kMargin, kContentWidth, "Pelanggaran:", true, 9);
    LinesAbove(w, r.violations, floor + 24, false);
    w.Down(2);
  }
  if (!r.notes.empty()) LinesAbove(w, r.notes, floor + 24, false);

  if (!r.progress.empty() && w.y() - 2 * 9 * kLeading > floor) {
    w.Down(4);
    std::string line;
    for (const auto& [label, n] : r.progress) {
      line += (line.empty() ? "" : " · ") + label + " " + std::to_string(n);
    }
    w.Paragraph(kMargin, kContentWidth, "Progres penilaian: " + line, false, 9);
  }

  // Place and date and the unit head's signature, at the foot of the page.
  const float x = kMargin + kContentWidth * 0.58f;
  float y = kMargin + kSignatureHeight - 10;
  const std::string place_date =
      (r.tempat.empty() ? std::string() : r.tempat + ", ") + OrDash(r.tanggal);
  w.Text(x, y, place_date, false, kBody);
  y -= kBody * kLeading;
  for (const auto& line :
       w.Wrap(r.kepala.jabatan.empty() ? "Kepala Unit" : r.kepala.jabatan, kMargin + kContentWidth - x,
              false, kBody)) {
    w.Text(x, y, line, false, kBody);
    y -= kBody * kLeading;
  }
  y = kMargin + 14;
  w.Line(x, y + kBody + 4, kMargin + kContentWidth, y + kBody + 4);
  w.Text(x, y, OrDash(r.kepala.nama), true, kBody);
  w.Text(x, y - kBody * kLeading, "NIP. " + OrDash(r.kepala.nip), false, kBody);
}

Result<std::string> UnitRecapPdf(const UnitRecap& recap, const PdfFonts& fonts) {
  return WritePdf(fonts, "Rekapitulasi Evaluasi Kinerja Unit",
                  [&](PageWriter& w) { WriteUnitRecap(w, recap); });
}

Result<std::string> UnitRecapAndDocumentsPdf(const UnitRecap& recap,
                                             const std::vector<EvaluationDocument>& docs,
                                             const PdfFonts& fonts) {
  return WritePdf(fonts, "Rekapitulasi dan Dokumen Evaluasi Kinerja Pegawai", [&](PageWriter& w) {
    WriteUnitRecap(w, recap);
    for (const auto& d : docs) WriteEvaluationDocument(w, d);
  });
}

}  // namespace kinerja::server::exports

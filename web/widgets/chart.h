#pragma once
// Charts drawn with ImGui's draw lists (no plotting library is packaged): a bar chart (either
// orientation, value text on every bar, optional bound bands with out-of-bound bars marked) and
// a line chart (several series, a vertical marker at a date, a horizontal reference line). The
// geometry comes from chart_layout.h, which is pure and tested natively; this half only draws.
//
// Every text (labels, legends, the empty-data note) comes from the caller, already translated
// (Bahasa Indonesia first, web/app/i18n.h). A chart occupies one item of the given size at the
// cursor, like ImGui::Dummy, so the caller can mark it for the test hook afterwards.
//
//   chart::BarChart c;                       // the distribution curve of one unit
//   c.labels = {"Sangat Kurang", "Kurang", "Butuh Perbaikan", "Baik", "Sangat Baik"};
//   c.values = {0, 0, 1, 8, 1};
//   c.bands.resize(5);
//   c.bands[3].upper = 7;                    // Baik at most floor(70% x 10): the bar is flagged
//   c.band_legend = "Batas SE 03/2023";
//   chart::DrawBarChart(c, ImVec2(0, 260));  // the whole width, 260 px high
//   TestMarkItem("report.distribution.chart");

#include <string>
#include <vector>

#include "imgui.h"
#include "web/widgets/chart_layout.h"

namespace kinerja::web::chart {

// The colours, exposed so tests can find what was drawn. Chosen to stay apart for the common
// colour-vision deficiencies (blue / orange), with the marks below so nothing rests on colour.
inline constexpr ImU32 kBarColour = IM_COL32(31, 95, 139, 255);         // the page's accent
inline constexpr ImU32 kNegativeColour = IM_COL32(110, 140, 170, 255);  // bars below zero
inline constexpr ImU32 kWarningColour = IM_COL32(214, 110, 0, 255);     // outside the bounds
inline constexpr ImU32 kBandColour = IM_COL32(46, 160, 110, 56);        // the allowed range
inline constexpr ImU32 kBoundColour = IM_COL32(30, 120, 80, 255);       // its edges
inline constexpr ImU32 kAxisColour = IM_COL32(70, 75, 80, 255);         // the zero line, axes
inline constexpr ImU32 kGridColour = IM_COL32(200, 205, 210, 255);
inline constexpr ImU32 kMarkerColour = IM_COL32(150, 40, 120, 255);    // the date marker
inline constexpr ImU32 kReferenceColour = IM_COL32(190, 30, 45, 255);  // the standard
// Line series colours, in order (a fifth series reuses the first).
inline constexpr ImU32 kSeriesColours[] = {IM_COL32(31, 95, 139, 255), IM_COL32(214, 110, 0, 255),
                                           IM_COL32(46, 140, 90, 255), IM_COL32(120, 80, 160, 255)};

struct BarChart {
  std::vector<std::string> labels;  // one per value: the category's name
  std::vector<double> values;       // kNoValue: no data (the slot stays, its text is "-")
  std::vector<Band> bands;          // empty, or one per value
  BarOptions options;
  const char* value_format = "%.1f";  // printf format of the value text, given one double
  std::string band_legend;            // e.g. "Batas SE 03/2023"; "" draws no legend
  std::string outside_legend;         // e.g. "Di luar batas"
  std::string empty_text;             // shown when no value is finite, e.g. "Belum ada data"
};

// Draws `chart` in a box of `size` at the cursor (size.x <= 0: the rest of the line) and
// advances the cursor past it. A bar outside its band is drawn in kWarningColour with a "!"
// beside its value; hovering a bar shows its label, value and band in a tooltip.
void DrawBarChart(const BarChart& chart, ImVec2 size);

struct LineSeries {
  std::string name;  // in the legend; "" for a single unnamed series
  std::vector<LinePoint> points;
};

struct AxisLabel {
  double x = 0;
  std::string text;  // e.g. "Jan 2026"
};

struct LineChart {
  std::vector<LineSeries> series;
  LineOptions options;
  std::vector<AxisLabel> x_labels;    // empty: the x ticks' numbers; labels that would overlap
                                      // are thinned out
  const char* value_format = "%.1f";  // y values in the tooltip
  std::string marker_label;           // e.g. "Pelatihan 12 Mar"
  std::string reference_label;        // e.g. "Standar 15 mnt"
  std::string empty_text;
};

// Draws `chart` in a box of `size` at the cursor (size.x <= 0: the rest of the line) and
// advances the cursor past it. Hovering near a point shows its series, x label and value.
void DrawLineChart(const LineChart& chart, ImVec2 size);

}  // namespace kinerja::web::chart

#include "web/widgets/chart.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace kinerja::web::chart {
namespace {

constexpr ImU32 kWarningInk = IM_COL32(150, 70, 0, 255);  // text beside a warning bar
constexpr float kPad = 6;

ImVec2 V(Point p) { return ImVec2(p.x, p.y); }
ImVec2 Min(const Box& b) { return ImVec2(b.x0, b.y0); }
ImVec2 Max(const Box& b) { return ImVec2(b.x1, b.y1); }

// Claims a `size` item at the cursor and returns its box on the screen.
Box Reserve(ImVec2 size) {
  if (size.x <= 0) size.x = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
  if (size.y <= 0) size.y = 1;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  return Box{pos.x, pos.y, pos.x + size.x, pos.y + size.y};
}

float TextWidth(const std::string& s, float font_size) {
  return ImGui::GetFont()->CalcTextSizeA(font_size, FLT_MAX, 0, s.c_str()).x;
}

void Text(ImDrawList* dl, ImVec2 at, ImU32 colour, const std::string& s, float font_size,
          float wrap = 0) {
  dl->AddText(ImGui::GetFont(), font_size, at, colour, s.c_str(), nullptr, wrap);
}

std::string Format(const char* format, double v) {
  if (!std::isfinite(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, format ? format : "%.1f", v);
  return buf;
}

// The empty-data note, centred in a light frame.
void DrawEmpty(ImDrawList* dl, const Box& box, const std::string& text) {
  dl->AddRect(Min(box), Max(box), kGridColour);
  float fs = ImGui::GetFontSize();
  ImVec2 size = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, text.c_str());
  Text(dl, ImVec2(box.x0 + (box.width() - size.x) * 0.5f, box.y0 + (box.height() - size.y) * 0.5f),
       ImGui::GetColorU32(ImGuiCol_TextDisabled), text, fs);
}

// A dashed straight line (the marker and the reference), so it reads apart from the series
// without colour.
void DashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
  constexpr float kDash = 8, kGap = 5;
  float dx = b.x - a.x, dy = b.y - a.y;
  float length = std::sqrt(dx * dx + dy * dy);
  if (length <= 0) return;
  for (float t = 0; t < length; t += kDash + kGap) {
    float e = std::min(t + kDash, length);
    dl->AddLine(ImVec2(a.x + dx * t / length, a.y + dy * t / length),
                ImVec2(a.x + dx * e / length, a.y + dy * e / length), colour, thickness);
  }
}

// One legend entry (a swatch, then the text) at `at`; returns the x after it.
float LegendEntry(ImDrawList* dl, ImVec2 at, ImU32 swatch, const std::string& text, float fs) {
  dl->AddRectFilled(ImVec2(at.x, at.y + fs * 0.2f), ImVec2(at.x + fs * 0.8f, at.y + fs), swatch);
  Text(dl, ImVec2(at.x + fs, at.y), ImGui::GetColorU32(ImGuiCol_Text), text, fs);
  return at.x + fs + TextWidth(text, fs) + fs;
}

std::string BandText(const Band& band, const char* format) {
  return "[" + Format(format, band.lower) + " .. " + Format(format, band.upper) + "]";
}

}  // namespace

void DrawBarChart(const BarChart& chart, ImVec2 size) {
  Box outer = Reserve(size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool any_value = std::any_of(chart.values.begin(), chart.values.end(),
                               [](double v) { return std::isfinite(v); });
  if (!any_value) {
    DrawEmpty(dl, outer, chart.empty_text);
    return;
  }
  const float fs = ImGui::GetFontSize(), small = fs * 0.85f;
  const bool horizontal = chart.options.orientation == Orientation::kHorizontal;
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);

  std::vector<std::string> value_texts;
  float value_w = 0, label_w = 0;
  bool negative = false;
  for (size_t i = 0; i < chart.values.size(); ++i) {
    value_texts.push_back(Format(chart.value_format, chart.values[i]));
    if (i < chart.bands.size()) {
      BandCheck c = CheckBand(chart.values[i], chart.bands[i]);
      if (c == BandCheck::kBelow || c == BandCheck::kAbove) value_texts.back() += " !";
    }
    value_w = std::max(value_w, TextWidth(value_texts.back(), small));
    negative = negative || chart.values[i] < 0;
  }
  for (const std::string& l : chart.labels) label_w = std::max(label_w, TextWidth(l, small));

  float legend_h = chart.band_legend.empty() ? 0 : fs + kPad;
  if (legend_h > 0) {
    float x = LegendEntry(dl, ImVec2(outer.x0, outer.y0), kBandColour | IM_COL32_A_MASK,
                          chart.band_legend, fs);
    if (!chart.outside_legend.empty())
      LegendEntry(dl, ImVec2(x, outer.y0), kWarningColour, chart.outside_legend, fs);
  }
  Box plot;
  if (horizontal) {
    label_w = std::min(label_w, outer.width() * 0.4f);
    plot = Inset(outer, label_w + kPad + (negative ? value_w + kPad : 0), legend_h, value_w + kPad,
                 small + kPad);
  } else {
    float tick_w = 0;
    Ticks probe = LayoutBars(chart.values, chart.bands, outer, chart.options).ticks;
    for (double t : probe.values)
      tick_w = std::max(tick_w, TextWidth(TickText(t, probe.decimals), small));
    plot = Inset(outer, tick_w + kPad, legend_h + small + kPad, kPad,
                 2 * small + kPad + (negative ? small + kPad : 0));
  }
  BarLayout layout = LayoutBars(chart.values, chart.bands, plot, chart.options);

  // Grid and tick values along the value axis.
  for (double t : layout.ticks.values) {
    float p = layout.value.Map(t);
    std::string s = TickText(t, layout.ticks.decimals);
    float w = TextWidth(s, small);
    if (horizontal) {
      dl->AddLine(ImVec2(p, plot.y0), ImVec2(p, plot.y1), kGridColour);
      Text(dl, ImVec2(p - w * 0.5f, plot.y1 + kPad * 0.5f), muted, s, small);
    } else {
      dl->AddLine(ImVec2(plot.x0, p), ImVec2(plot.x1, p), kGridColour);
      Text(dl, ImVec2(plot.x0 - kPad - w, p - small * 0.5f), muted, s, small);
    }
  }
  // Bands behind the bars, with their finite edges drawn.
  for (const BarGeometry& bar : layout.bars) {
    if (!bar.has_band) continue;
    dl->AddRectFilled(Min(bar.band), Max(bar.band), kBandColour);
    const Band& band = chart.bands[bar.index];
    for (double edge : {band.lower, band.upper}) {
      if (!std::isfinite(edge)) continue;
      float p = layout.value.MapClamped(edge);
      if (horizontal)
        dl->AddLine(ImVec2(p, bar.band.y0), ImVec2(p, bar.band.y1), kBoundColour, 2);
      else
        dl->AddLine(ImVec2(bar.band.x0, p), ImVec2(bar.band.x1, p), kBoundColour, 2);
    }
  }
  for (const BarGeometry& bar : layout.bars) {
    bool outside = bar.check == BandCheck::kBelow || bar.check == BandCheck::kAbove;
    ImU32 fill = outside ? kWarningColour : bar.value < 0 ? kNegativeColour : kBarColour;
    dl->AddRectFilled(Min(bar.rect), Max(bar.rect), fill);
  }
  // The zero line.
  if (horizontal)
    dl->AddLine(ImVec2(layout.baseline, plot.y0), ImVec2(layout.baseline, plot.y1), kAxisColour,
                1.5f);
  else
    dl->AddLine(ImVec2(plot.x0, layout.baseline), ImVec2(plot.x1, layout.baseline), kAxisColour,
                1.5f);

  // Category labels and value texts, per slot.
  for (size_t i = 0; i < layout.slots.size(); ++i) {
    const Box& slot = layout.slots[i];
    const std::string label = i < chart.labels.size() ? chart.labels[i] : "";
    const std::string& value = value_texts[i];
    float vw = TextWidth(value, small);
    const BarGeometry* bar = nullptr;
    for (const BarGeometry& b : layout.bars) bar = b.index == i ? &b : bar;
    bool outside = bar && (bar->check == BandCheck::kBelow || bar->check == BandCheck::kAbove);
    ImU32 value_ink = outside ? kWarningInk : ink;
    if (horizontal) {
      float mid = (slot.y0 + slot.y1) * 0.5f - small * 0.5f;
      dl->PushClipRect(ImVec2(outer.x0, slot.y0), ImVec2(outer.x0 + label_w, slot.y1), true);
      Text(dl, ImVec2(outer.x0 + label_w - TextWidth(label, small), mid), ink, label, small);
      dl->PopClipRect();
      float x = !bar             ? layout.baseline + kPad * 0.5f
                : bar->value < 0 ? bar->rect.x0 - kPad * 0.5f - vw
                                 : bar->rect.x1 + kPad * 0.5f;
      Text(dl, ImVec2(std::clamp(x, outer.x0, outer.x1 - vw), mid), value_ink, value, small);
    } else {
      float mid = (slot.x0 + slot.x1) * 0.5f;
      float wrap = slot.width() - 2;
      ImVec2 lsize = ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, wrap, label.c_str());
      dl->PushClipRect(ImVec2(slot.x0, outer.y0), ImVec2(slot.x1, outer.y1), true);
      float label_y = outer.y1 - 2 * small - kPad * 0.5f;
      Text(dl, ImVec2(mid - std::min(lsize.x, wrap) * 0.5f, label_y), ink, label, small, wrap);
      float y = !bar             ? layout.baseline - small - 2
                : bar->value < 0 ? bar->rect.y1 + 2
                                 : bar->rect.y0 - small - 2;
      Text(dl, ImVec2(mid - vw * 0.5f, std::clamp(y, outer.y0, label_y - small)), value_ink, value,
           small);
      dl->PopClipRect();
    }
  }

  if (ImGui::IsItemHovered()) {
    ImVec2 m = ImGui::GetIO().MousePos;
    for (size_t i = 0; i < layout.slots.size(); ++i) {
      if (!layout.slots[i].Contains(Point{m.x, m.y}, 0)) continue;
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(i < chart.labels.size() ? chart.labels[i].c_str() : "");
      ImGui::TextUnformatted(value_texts[i].c_str());
      if (i < chart.bands.size() && chart.bands[i].any())
        ImGui::TextUnformatted(
            (chart.band_legend + " " + BandText(chart.bands[i], chart.value_format)).c_str());
      ImGui::EndTooltip();
      break;
    }
  }
}

void DrawLineChart(const LineChart& chart, ImVec2 size) {
  Box outer = Reserve(size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize(), small = fs * 0.85f;
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  std::vector<std::vector<LinePoint>> points;
  bool named = false;
  for (const LineSeries& s : chart.series) {
    points.push_back(s.points);
    named = named || !s.name.empty();
  }
  LineLayout probe = LayoutLines(points, outer, chart.options);
  if (probe.empty) {
    DrawEmpty(dl, outer, chart.empty_text);
    return;
  }
  float legend_h = named ? fs + kPad : 0;
  if (named) {
    float x = outer.x0;
    for (size_t i = 0; i < chart.series.size(); ++i) {
      if (chart.series[i].name.empty()) continue;
      x = LegendEntry(dl, ImVec2(x, outer.y0), kSeriesColours[i % 4], chart.series[i].name, fs);
    }
  }
  float tick_w = 0;
  for (double t : probe.y_ticks.values)
    tick_w = std::max(tick_w, TextWidth(TickText(t, probe.y_ticks.decimals), small));
  Box plot = Inset(outer, tick_w + kPad, legend_h + small + kPad, kPad, small + kPad);
  LineLayout layout = LayoutLines(points, plot, chart.options);

  for (double t : layout.y_ticks.values) {
    float y = layout.y.Map(t);
    std::string s = TickText(t, layout.y_ticks.decimals);
    dl->AddLine(ImVec2(plot.x0, y), ImVec2(plot.x1, y), kGridColour);
    Text(dl, ImVec2(plot.x0 - kPad - TextWidth(s, small), y - small * 0.5f), muted, s, small);
  }
  dl->AddLine(ImVec2(plot.x0, plot.y1), ImVec2(plot.x1, plot.y1), kAxisColour, 1.5f);

  // X labels: the caller's (thinned so they never overlap), else the ticks' numbers.
  std::vector<AxisLabel> labels = chart.x_labels;
  if (labels.empty()) {
    for (double t : layout.x_ticks.values)
      labels.push_back({t, TickText(t, layout.x_ticks.decimals)});
  }
  std::erase_if(labels, [&](const AxisLabel& l) {
    return !std::isfinite(l.x) || l.x < std::min(layout.x.lo, layout.x.hi) - 1e-9 ||
           l.x > std::max(layout.x.lo, layout.x.hi) + 1e-9;
  });
  std::vector<float> centres, widths;
  for (const AxisLabel& l : labels) {
    centres.push_back(layout.x.Map(l.x));
    widths.push_back(TextWidth(l.text, small));
  }
  for (size_t i : SpacedLabels(centres, widths, kPad)) {
    float x = std::clamp(centres[i] - widths[i] * 0.5f, outer.x0, outer.x1 - widths[i]);
    Text(dl, ImVec2(x, plot.y1 + kPad * 0.5f), muted, labels[i].text, small);
  }

  if (layout.has_reference) {
    DashedLine(dl, ImVec2(plot.x0, layout.reference), ImVec2(plot.x1, layout.reference),
               kReferenceColour, 2);
    float w = TextWidth(chart.reference_label, small);
    Text(dl, ImVec2(plot.x1 - w, layout.reference - small - 2), kReferenceColour,
         chart.reference_label, small);
  }
  if (layout.has_marker) {
    DashedLine(dl, ImVec2(layout.marker, plot.y0), ImVec2(layout.marker, plot.y1), kMarkerColour,
               2);
    float w = TextWidth(chart.marker_label, small);
    float x = layout.marker + w + 4 <= outer.x1 ? layout.marker + 4 : layout.marker - w - 4;
    Text(dl, ImVec2(x, plot.y0 - small - 2), kMarkerColour, chart.marker_label, small);
  }
  for (size_t s = 0; s < layout.runs.size(); ++s) {
    ImU32 colour = kSeriesColours[s % 4];
    for (const std::vector<Point>& run : layout.runs[s]) {
      std::vector<ImVec2> line;
      for (Point p : run) line.push_back(V(p));
      dl->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0, 2.5f);
    }
    // Even series get round dots, odd ones square: two series tell apart without colour.
    for (Point p : layout.points[s]) {
      if (s % 2 == 0)
        dl->AddCircleFilled(V(p), 3.5f, colour);
      else
        dl->AddRectFilled(ImVec2(p.x - 3.5f, p.y - 3.5f), ImVec2(p.x + 3.5f, p.y + 3.5f), colour);
    }
  }

  if (ImGui::IsItemHovered()) {
    ImVec2 m = ImGui::GetIO().MousePos;
    float best = 12 * 12;
    size_t best_s = 0, best_i = 0;
    bool found = false;
    for (size_t s = 0; s < chart.series.size(); ++s) {
      for (size_t i = 0; i < chart.series[s].points.size(); ++i) {
        const LinePoint& p = chart.series[s].points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        float dx = layout.x.Map(p.x) - m.x, dy = layout.y.Map(p.y) - m.y;
        if (dx * dx + dy * dy >= best) continue;
        best = dx * dx + dy * dy, best_s = s, best_i = i, found = true;
      }
    }
    if (found) {
      const LinePoint& p = chart.series[best_s].points[best_i];
      std::string x = TickText(p.x, layout.x_ticks.decimals);
      for (const AxisLabel& l : chart.x_labels) x = l.x == p.x ? l.text : x;
      ImGui::BeginTooltip();
      if (!chart.series[best_s].name.empty())
        ImGui::TextUnformatted(chart.series[best_s].name.c_str());
      ImGui::TextUnformatted((x + ": " + Format(chart.value_format, p.y)).c_str());
      ImGui::EndTooltip();
    }
  }
}

}  // namespace kinerja::web::chart

// The chart module drawn on ImGui's core with no backend: a frame is built, rendered into draw
// data, and the window's draw list is read back (vertices by colour).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "imgui.h"
#include "web/widgets/chart.h"

namespace kinerja::web::chart {
namespace {

struct Quad {
  ImVec2 min, max;
};

class ChartDraw : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1024, 768);
    io.DeltaTime = 1.0f / 60;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // One frame with `draw` inside a fixed window; keeps the window's draw list and the chart's
  // item rectangle.
  void Frame(const std::function<void()>& draw) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1024, 768));
    ImGui::Begin("chart", nullptr, ImGuiWindowFlags_NoDecoration);
    draw();
    chart_min_ = ImGui::GetItemRectMin();
    chart_max_ = ImGui::GetItemRectMax();
    list_ = ImGui::GetWindowDrawList();
    ImGui::End();
    ImGui::Render();
  }

  // The rectangles filled in `colour`: PrimRect writes 4 vertices per rectangle, unrounded
  // rectangles carry no anti-aliasing fringe, so every run of 4 is one quad.
  std::vector<Quad> QuadsOf(ImU32 colour) const {
    std::vector<ImVec2> v;
    for (const ImDrawVert& vert : list_->VtxBuffer)
      if (vert.col == colour) v.push_back(vert.pos);
    std::vector<Quad> quads;
    for (size_t i = 0; i + 3 < v.size(); i += 4) {
      Quad q{v[i], v[i]};
      for (size_t k = i; k < i + 4; ++k) {
        q.min = ImVec2(std::min(q.min.x, v[k].x), std::min(q.min.y, v[k].y));
        q.max = ImVec2(std::max(q.max.x, v[k].x), std::max(q.max.y, v[k].y));
      }
      quads.push_back(q);
    }
    return quads;
  }
  size_t VerticesOf(ImU32 colour) const {
    size_t n = 0;
    for (const ImDrawVert& vert : list_->VtxBuffer) n += vert.col == colour;
    return n;
  }
  bool InsideChart(const Quad& q) const {
    return q.min.x >= chart_min_.x - 0.5f && q.min.y >= chart_min_.y - 0.5f &&
           q.max.x <= chart_max_.x + 0.5f && q.max.y <= chart_max_.y + 0.5f;
  }

  ImDrawList* list_ = nullptr;
  ImVec2 chart_min_, chart_max_;
};

BarChart IkmPerElement() {
  BarChart c;
  c.labels = {"Persyaratan", "Prosedur", "Waktu",  "Biaya",    "Produk",
              "Kompetensi",  "Perilaku", "Sarana", "Pengaduan"};
  c.values = {82.5, 79.1, 65.3, 90.0, 84.2, 86.7, 88.9, 71.4, 77.0};
  c.options.orientation = Orientation::kHorizontal;
  c.options.domain_min = 0;
  c.options.domain_max = 100;
  return c;
}

TEST_F(ChartDraw, NBarsProduceNFilledRectsInsideTheChart) {
  BarChart c = IkmPerElement();
  Frame([&] { DrawBarChart(c, ImVec2(600, 320)); });
  EXPECT_FLOAT_EQ(chart_max_.x - chart_min_.x, 600);
  EXPECT_FLOAT_EQ(chart_max_.y - chart_min_.y, 320);
  std::vector<Quad> bars = QuadsOf(kBarColour);
  ASSERT_EQ(bars.size(), c.values.size());
  for (const Quad& q : bars) EXPECT_TRUE(InsideChart(q));
  // Horizontal, from a common baseline, longer for a larger value (Biaya 90.0 > Waktu 65.3).
  EXPECT_FLOAT_EQ(bars[2].min.x, bars[3].min.x);
  EXPECT_GT(bars[3].max.x - bars[3].min.x, bars[2].max.x - bars[2].min.x);
  EXPECT_EQ(QuadsOf(kWarningColour).size(), 0u);
}

TEST_F(ChartDraw, ABarOutsideItsBoundGetsTheWarningColour) {
  BarChart c;
  c.labels = {"Sangat Kurang", "Kurang", "Butuh Perbaikan", "Baik", "Sangat Baik"};
  c.values = {0, 0, 1, 8, 1};
  c.bands.resize(5);
  c.bands[2].lower = 1;  // Butuh Perbaikan present
  c.bands[3].upper = 7;  // Baik at most 70% of 10
  c.value_format = "%.0f";
  Frame([&] { DrawBarChart(c, ImVec2(0, 300)); });
  std::vector<Quad> warned = QuadsOf(kWarningColour);
  ASSERT_EQ(warned.size(), 1u);
  EXPECT_TRUE(InsideChart(warned[0]));
  // The flagged bar is the fourth category's (Baik), the tallest.
  float slot = (chart_max_.x - chart_min_.x) / 5;
  float centre = (warned[0].min.x + warned[0].max.x) / 2;
  EXPECT_GT(centre, chart_min_.x + 3 * slot - slot);
  EXPECT_LT(centre, chart_min_.x + 4 * slot + slot / 2);
  // The other four are ordinary bars (two of them zero-high) and both bands are drawn.
  EXPECT_EQ(QuadsOf(kBarColour).size(), 4u);
  std::vector<Quad> bands = QuadsOf(kBandColour);
  ASSERT_EQ(bands.size(), 2u);
  for (const Quad& q : bands) EXPECT_TRUE(InsideChart(q));
}

TEST_F(ChartDraw, NegativeLeniencyBarsUseTheirOwnColourAndAZeroLineIsDrawn) {
  BarChart c;
  c.labels = {"Penilai A", "Penilai B", "Penilai C"};
  c.values = {0.8, -0.6, std::nan("")};
  c.options.orientation = Orientation::kHorizontal;
  Frame([&] { DrawBarChart(c, ImVec2(500, 200)); });
  EXPECT_EQ(QuadsOf(kBarColour).size(), 1u);
  EXPECT_EQ(QuadsOf(kNegativeColour).size(), 1u);
  EXPECT_GT(VerticesOf(kAxisColour), 0u);
}

TEST_F(ChartDraw, EmptyDataDrawsNoBarsAndNoLines) {
  BarChart c;
  c.labels = {"A"};
  c.values = {std::nan("")};
  c.empty_text = "Belum ada data";
  Frame([&] { DrawBarChart(c, ImVec2(300, 150)); });
  EXPECT_EQ(QuadsOf(kBarColour).size(), 0u);
  EXPECT_GT(list_->VtxBuffer.Size, 0);  // the frame and the note

  LineChart l;
  l.empty_text = "Belum ada data";
  Frame([&] { DrawLineChart(l, ImVec2(300, 150)); });
  EXPECT_EQ(VerticesOf(kSeriesColours[0]), 0u);
}

TEST_F(ChartDraw, TheWaitTrendDrawsItsMarkerAndReferenceInsideTheChart) {
  LineChart l;
  l.series.push_back({"Median", {{0, 24}, {1, 22}, {2, 23}, {3, std::nan("")}, {4, 14}, {5, 12}}});
  l.series.push_back({"P90", {{0, 41}, {1, 39}, {2, 40}, {4, 25}, {5, 22}}});
  l.options.marker_x = 3;
  l.options.reference_y = 15;
  l.marker_label = "Pelatihan";
  l.reference_label = "Standar 15 mnt";
  for (int m = 0; m < 6; ++m) l.x_labels.push_back({double(m), "Bln " + std::to_string(m + 1)});
  Frame([&] { DrawLineChart(l, ImVec2(640, 280)); });
  EXPECT_GT(VerticesOf(kSeriesColours[0]), 0u);
  EXPECT_GT(VerticesOf(kSeriesColours[1]), 0u);
  ASSERT_GT(VerticesOf(kMarkerColour), 0u);
  ASSERT_GT(VerticesOf(kReferenceColour), 0u);
  for (const ImDrawVert& v : list_->VtxBuffer) {
    if (v.col != kMarkerColour && v.col != kReferenceColour) continue;
    EXPECT_TRUE(v.pos.x >= chart_min_.x - 2 && v.pos.x <= chart_max_.x + 2 &&
                v.pos.y >= chart_min_.y - 2 && v.pos.y <= chart_max_.y + 2);
  }
  // The second series' square dots: one filled quad per finite point.
  EXPECT_EQ(QuadsOf(kSeriesColours[1]).size() >= 5u, true);
}

TEST_F(ChartDraw, ASinglePointAndAllEqualValuesDrawFiniteGeometry) {
  LineChart l;
  l.series.push_back({"", {{2, 7}}});
  Frame([&] { DrawLineChart(l, ImVec2(300, 150)); });
  for (const ImDrawVert& v : list_->VtxBuffer)
    ASSERT_TRUE(std::isfinite(v.pos.x) && std::isfinite(v.pos.y));
  EXPECT_GT(VerticesOf(kSeriesColours[0]), 0u);  // the dot
  BarChart c;
  c.labels = {"A", "B"};
  c.values = {5, 5};
  c.options.include_zero = false;
  Frame([&] { DrawBarChart(c, ImVec2(300, 150)); });
  for (const ImDrawVert& v : list_->VtxBuffer)
    ASSERT_TRUE(std::isfinite(v.pos.x) && std::isfinite(v.pos.y));
  std::vector<Quad> bars = QuadsOf(kBarColour);
  ASSERT_EQ(bars.size(), 2u);
  EXPECT_FLOAT_EQ(bars[0].min.y, bars[1].min.y);
  EXPECT_TRUE(InsideChart(bars[0]) && InsideChart(bars[1]));
}

TEST_F(ChartDraw, HoveringABarOpensATooltip) {
  BarChart c = IkmPerElement();
  ImGuiIO& io = ImGui::GetIO();
  Frame([&] { DrawBarChart(c, ImVec2(600, 320)); });
  std::vector<Quad> bars = QuadsOf(kBarColour);
  ASSERT_FALSE(bars.empty());
  io.MousePos = ImVec2((bars[0].min.x + bars[0].max.x) / 2, (bars[0].min.y + bars[0].max.y) / 2);
  Frame([&] { DrawBarChart(c, ImVec2(600, 320)); });
  Frame([&] { DrawBarChart(c, ImVec2(600, 320)); });
  EXPECT_GE(ImGui::GetDrawData()->CmdListsCount, 2);  // the window and its tooltip
}

}  // namespace
}  // namespace kinerja::web::chart

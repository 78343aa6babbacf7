#include "web/widgets/chart_layout.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kinerja::web::chart {
namespace {

constexpr double kNaN = kNoValue;
const Box kPlot{100, 50, 500, 250};  // 400 x 200

bool AllFinite(const BarLayout& l) {
  for (const BarGeometry& b : l.bars) {
    if (!std::isfinite(b.rect.x0) || !std::isfinite(b.rect.y0) || !std::isfinite(b.rect.x1) ||
        !std::isfinite(b.rect.y1))
      return false;
  }
  return std::isfinite(l.baseline);
}

TEST(ChartLayout, NiceTicksCoverTheDataRange) {
  Ticks t = NiceTicks(3.2, 87.9, 5);
  EXPECT_LE(t.lo, 3.2);
  EXPECT_GE(t.hi, 87.9);
  EXPECT_DOUBLE_EQ(t.step, 20);
  EXPECT_DOUBLE_EQ(t.lo, 0);
  EXPECT_DOUBLE_EQ(t.hi, 100);
  ASSERT_EQ(t.values.size(), 6u);
  EXPECT_DOUBLE_EQ(t.values[3], 60);
  EXPECT_EQ(t.decimals, 0);
}

TEST(ChartLayout, NiceTicksUseRoundStepsAndEnoughDecimals) {
  Ticks t = NiceTicks(0, 1, 4);
  EXPECT_DOUBLE_EQ(t.step, 0.25);
  EXPECT_EQ(t.decimals, 2);
  EXPECT_EQ(TickText(t.values[1], t.decimals), "0.25");
  Ticks big = NiceTicks(0, 100, 4);
  EXPECT_DOUBLE_EQ(big.step, 25);
  EXPECT_EQ(big.decimals, 0);
  Ticks tiny = NiceTicks(0.001, 0.0049, 4);
  EXPECT_DOUBLE_EQ(tiny.step, 0.001);
  EXPECT_EQ(tiny.decimals, 3);
}

TEST(ChartLayout, NiceTicksAcrossZeroIncludeAnExactZero) {
  Ticks t = NiceTicks(-0.7, 0.3, 5);
  EXPECT_LE(t.lo, -0.7);
  EXPECT_GE(t.hi, 0.3);
  bool zero = false;
  for (double v : t.values) zero = zero || v == 0.0;
  EXPECT_TRUE(zero);
  EXPECT_EQ(TickText(-0.0, 1), "0.0");
  EXPECT_EQ(TickText(-0.04, 1), "0.0");
  EXPECT_EQ(TickText(-0.5, 1), "-0.5");
}

TEST(ChartLayout, NiceTicksWidenAnEmptyRangeAndSurviveBadInput) {
  Ticks same = NiceTicks(5, 5, 5);
  EXPECT_LT(same.lo, 5);
  EXPECT_GT(same.hi, 5);
  Ticks zero = NiceTicks(0, 0, 5);
  EXPECT_LT(zero.lo, 0);
  EXPECT_GT(zero.hi, 0);
  Ticks nan = NiceTicks(kNaN, 3, 5);
  EXPECT_DOUBLE_EQ(nan.lo, 0);
  EXPECT_DOUBLE_EQ(nan.hi, 1);
  Ticks swapped = NiceTicks(10, -10, 0);  // target 0 counts as 1
  EXPECT_LE(swapped.lo, -10);
  EXPECT_GE(swapped.hi, 10);
  EXPECT_GE(swapped.values.size(), 2u);
  Ticks huge = NiceTicks(-1e308, 1e308, 5);
  EXPECT_TRUE(std::isfinite(huge.lo) && std::isfinite(huge.hi));
}

TEST(ChartLayout, ScaleMapsTheDomainOntoPixelsAndADegenerateOneToTheMiddle) {
  Scale y{0, 100, 250, 50};
  EXPECT_FLOAT_EQ(y.Map(0), 250);
  EXPECT_FLOAT_EQ(y.Map(100), 50);
  EXPECT_FLOAT_EQ(y.Map(25), 200);
  EXPECT_FLOAT_EQ(y.MapClamped(140), 50);
  Scale flat{3, 3, 0, 10};
  EXPECT_FLOAT_EQ(flat.Map(3), 5);
  EXPECT_FLOAT_EQ(flat.Map(1e9), 5);
}

TEST(ChartLayout, VerticalBarsRiseFromTheBaselineInEqualSlots) {
  BarLayout l = LayoutBars({10, 20, 40}, {}, kPlot, BarOptions{});
  ASSERT_EQ(l.bars.size(), 3u);
  ASSERT_EQ(l.slots.size(), 3u);
  EXPECT_FLOAT_EQ(l.baseline, kPlot.y1);  // 0 is the bottom
  EXPECT_FLOAT_EQ(l.slots[1].x0, kPlot.x0 + 400.0f / 3);
  for (const BarGeometry& b : l.bars) {
    EXPECT_FLOAT_EQ(b.rect.y1, l.baseline);
    EXPECT_TRUE(kPlot.Contains({b.rect.x0, b.rect.y0}) && kPlot.Contains({b.rect.x1, b.rect.y1}));
  }
  // Twice the value, twice the height.
  EXPECT_NEAR(l.bars[2].rect.height(), 2 * l.bars[1].rect.height(), 1e-3);
  EXPECT_GT(l.bars[0].rect.height(), 0);
}

TEST(ChartLayout, NegativeValuesHangBelowAZeroLineInsideThePlot) {
  BarOptions o;
  o.orientation = Orientation::kHorizontal;
  BarLayout l = LayoutBars({-0.6, 0.0, 0.9}, {}, kPlot, o);  // rater leniency
  ASSERT_EQ(l.bars.size(), 3u);
  EXPECT_GT(l.baseline, kPlot.x0);
  EXPECT_LT(l.baseline, kPlot.x1);
  EXPECT_FLOAT_EQ(l.baseline, l.value.Map(0));
  EXPECT_FLOAT_EQ(l.bars[0].rect.x1, l.baseline);  // grows to the left
  EXPECT_LT(l.bars[0].rect.x0, l.baseline);
  EXPECT_FLOAT_EQ(l.bars[1].rect.width(), 0);      // zero: a zero-thick bar on the line
  EXPECT_FLOAT_EQ(l.bars[2].rect.x0, l.baseline);  // grows to the right
  // Categories run top to bottom.
  EXPECT_LT(l.bars[0].rect.y0, l.bars[1].rect.y0);
  EXPECT_LT(l.bars[1].rect.y0, l.bars[2].rect.y0);
}

TEST(ChartLayout, NaNValuesKeepTheirSlotButGetNoBar) {
  BarLayout l = LayoutBars({3, kNaN, 5, INFINITY}, {}, kPlot, BarOptions{});
  EXPECT_EQ(l.slots.size(), 4u);
  ASSERT_EQ(l.bars.size(), 2u);
  EXPECT_EQ(l.bars[0].index, 0u);
  EXPECT_EQ(l.bars[1].index, 2u);
  EXPECT_TRUE(AllFinite(l));
}

TEST(ChartLayout, EmptyAllNaNSingleAndAllEqualBarsStayFinite) {
  BarLayout empty = LayoutBars({}, {}, kPlot, BarOptions{});
  EXPECT_TRUE(empty.empty());
  EXPECT_TRUE(empty.slots.empty());
  EXPECT_TRUE(AllFinite(empty));

  BarLayout nan = LayoutBars({kNaN, kNaN}, {}, kPlot, BarOptions{});
  EXPECT_TRUE(nan.empty());
  EXPECT_EQ(nan.slots.size(), 2u);

  BarOptions no_zero;
  no_zero.include_zero = false;
  BarLayout single = LayoutBars({7}, {}, kPlot, no_zero);
  ASSERT_EQ(single.bars.size(), 1u);
  EXPECT_TRUE(AllFinite(single));
  EXPECT_LT(single.value.lo, 7);
  EXPECT_GT(single.value.hi, 7);

  BarLayout equal = LayoutBars({4, 4, 4}, {}, kPlot, no_zero);
  ASSERT_EQ(equal.bars.size(), 3u);
  EXPECT_TRUE(AllFinite(equal));
  EXPECT_FLOAT_EQ(equal.bars[0].rect.y0, equal.bars[2].rect.y0);

  BarLayout zeros = LayoutBars({0, 0}, {}, kPlot, BarOptions{});
  EXPECT_TRUE(AllFinite(zeros));
  EXPECT_GE(zeros.baseline, kPlot.y0);
  EXPECT_LE(zeros.baseline, kPlot.y1);

  BarLayout flat = LayoutBars({1, 2}, {}, Box{10, 10, 10, 10}, BarOptions{});  // no room
  EXPECT_TRUE(AllFinite(flat));
}

TEST(ChartLayout, AFixedDomainCutsBarsAtThePlotEdge) {
  BarOptions o;
  o.domain_min = 0;
  o.domain_max = 100;  // IKM per element, 0..100
  BarLayout l = LayoutBars({50, 130}, {}, kPlot, o);
  EXPECT_DOUBLE_EQ(l.value.lo, 0);
  EXPECT_DOUBLE_EQ(l.value.hi, 100);
  EXPECT_FLOAT_EQ(l.bars[0].rect.y0, (kPlot.y0 + kPlot.y1) / 2);
  EXPECT_FLOAT_EQ(l.bars[1].rect.y0, kPlot.y0);
  for (double t : l.ticks.values) EXPECT_TRUE(t >= 0 && t <= 100);
}

TEST(ChartLayout, BandsSpanTheirBoundsAndFlagBarsOutside) {
  // A unit of 10 with capaian kinerja organisasi Baik: Baik at most floor(70% x 10) = 7, some
  // Butuh Perbaikan (at least 1). docs/rules/distribution.md.
  std::vector<double> counts = {0, 0, 1, 8, 1};  // Sangat Kurang .. Sangat Baik
  std::vector<Band> bands(5);
  bands[2].lower = 1;
  bands[3].upper = 7;
  BarLayout l = LayoutBars(counts, bands, kPlot, BarOptions{});
  ASSERT_EQ(l.bars.size(), 5u);
  EXPECT_FALSE(l.bars[0].has_band);
  EXPECT_EQ(l.bars[0].check, BandCheck::kNoBand);
  EXPECT_EQ(l.bars[2].check, BandCheck::kInside);  // equal to the bound is inside
  EXPECT_EQ(l.bars[3].check, BandCheck::kAbove);
  // An upper bound only: the band runs from the plot's bottom to the bound.
  EXPECT_FLOAT_EQ(l.bars[3].band.y1, kPlot.y1);
  EXPECT_FLOAT_EQ(l.bars[3].band.y0, l.value.Map(7));
  // A lower bound only: from the bound to the top.
  EXPECT_FLOAT_EQ(l.bars[2].band.y0, kPlot.y0);
  EXPECT_FLOAT_EQ(l.bars[2].band.y1, l.value.Map(1));
  // The band is wider than the bar.
  EXPECT_LT(l.bars[3].band.x0, l.bars[3].rect.x0);
  EXPECT_GT(l.bars[3].band.x1, l.bars[3].rect.x1);
}

TEST(ChartLayout, TheValueAxisReachesEveryFiniteBound) {
  std::vector<Band> bands(2);
  bands[0].lower = 6;
  bands[0].upper = 12;
  BarLayout l = LayoutBars({2, 3}, bands, kPlot, BarOptions{});
  EXPECT_GE(l.value.hi, 12);
  EXPECT_EQ(l.bars[0].check, BandCheck::kBelow);
  EXPECT_EQ(CheckBand(kNaN, bands[0]), BandCheck::kNoBand);
  EXPECT_EQ(CheckBand(5, Band{}), BandCheck::kNoBand);
}

TEST(ChartLayout, LinesBreakAtNaNAndSpanTheDataExtent) {
  std::vector<LinePoint> wait = {{0, 20}, {1, 22}, {2, kNaN}, {3, 12}, {4, 10}, {5, 9}};
  LineLayout l = LayoutLines({wait}, kPlot, LineOptions{});
  EXPECT_FALSE(l.empty);
  ASSERT_EQ(l.runs.size(), 1u);
  ASSERT_EQ(l.runs[0].size(), 2u);
  EXPECT_EQ(l.runs[0][0].size(), 2u);
  EXPECT_EQ(l.runs[0][1].size(), 3u);
  EXPECT_EQ(l.points[0].size(), 5u);
  EXPECT_DOUBLE_EQ(l.x.lo, 0);
  EXPECT_DOUBLE_EQ(l.x.hi, 5);
  EXPECT_FLOAT_EQ(l.points[0].front().x, kPlot.x0 + LineOptions{}.x_pad);
  EXPECT_FLOAT_EQ(l.points[0].back().x, kPlot.x1 - LineOptions{}.x_pad);
  EXPECT_LE(l.y.lo, 9);
  EXPECT_GE(l.y.hi, 22);
  for (Point p : l.points[0]) EXPECT_TRUE(kPlot.Contains(p));
}

TEST(ChartLayout, TheMarkerAndReferenceAreAlwaysInsideThePlot) {
  LineOptions o;
  o.marker_x = 2.5;    // a training date between months
  o.reference_y = 30;  // the standard, above every point
  LineLayout l = LayoutLines({{{0, 20}, {5, 10}}}, kPlot, o);
  ASSERT_TRUE(l.has_marker && l.has_reference);
  EXPECT_FLOAT_EQ(l.marker, l.x.Map(2.5));
  EXPECT_GE(l.y.hi, 30);
  EXPECT_TRUE(kPlot.Contains({l.marker, l.reference}));
  // A marker before the data widens the x axis to it.
  o.marker_x = -2;
  LineLayout before = LayoutLines({{{0, 20}, {5, 10}}}, kPlot, o);
  EXPECT_DOUBLE_EQ(before.x.lo, -2);
}

TEST(ChartLayout, EmptySingleAndFlatLinesStayFinite) {
  LineLayout none = LayoutLines({}, kPlot, LineOptions{});
  EXPECT_TRUE(none.empty);
  LineLayout nan = LayoutLines({{{0, kNaN}, {kNaN, 3}}}, kPlot, LineOptions{});
  EXPECT_TRUE(nan.empty);
  EXPECT_TRUE(nan.runs[0].empty());

  LineLayout one = LayoutLines({{{4, 7}}}, kPlot, LineOptions{});
  EXPECT_FALSE(one.empty);
  EXPECT_TRUE(one.runs[0].empty());  // a single point: a dot, no line
  ASSERT_EQ(one.points[0].size(), 1u);
  EXPECT_TRUE(kPlot.Contains(one.points[0][0]));
  EXPECT_NEAR(one.points[0][0].x, (kPlot.x0 + kPlot.x1) / 2, 1e-3);

  LineLayout flat = LayoutLines({{{0, 5}, {1, 5}, {2, 5}}}, kPlot, LineOptions{});
  for (Point p : flat.points[0]) {
    EXPECT_TRUE(std::isfinite(p.y));
    EXPECT_TRUE(kPlot.Contains(p));
  }
  EXPECT_FLOAT_EQ(flat.points[0][0].y, flat.points[0][2].y);
}

TEST(ChartLayout, SpacedLabelsDropThoseThatWouldOverlap) {
  // Twelve month labels 40 px wide, 30 px apart: every other one is kept.
  std::vector<float> centres, widths;
  for (int i = 0; i < 12; ++i) {
    centres.push_back(30.0f * static_cast<float>(i));
    widths.push_back(40);
  }
  std::vector<size_t> kept = SpacedLabels(centres, widths, 4);
  ASSERT_EQ(kept.size(), 6u);
  EXPECT_EQ(kept[0], 0u);
  EXPECT_EQ(kept[1], 2u);
  EXPECT_TRUE(SpacedLabels({}, {}, 4).empty());
}

TEST(ChartLayout, InsetNeverInvertsABox) {
  Box b = Inset(Box{0, 0, 10, 10}, 8, 1, 8, 1);
  EXPECT_FLOAT_EQ(b.x0, 5);
  EXPECT_FLOAT_EQ(b.x1, 5);
  EXPECT_FLOAT_EQ(b.y0, 1);
  EXPECT_FLOAT_EQ(b.y1, 9);
}

}  // namespace
}  // namespace kinerja::web::chart

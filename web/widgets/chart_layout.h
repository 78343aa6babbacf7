#pragma once
// The pure half of the chart module (web/widgets/chart.h): scales, round tick values and the
// geometry of bar charts (with optional bound bands) and line charts, as plain structs with no
// ImGui, so it is tested natively (tests/web/chart_layout_test.cpp).
//
// Coordinates are screen pixels with y growing downwards, as in ImGui. Values that are not
// finite (NaN, +-inf) are skipped, never plotted, and no function divides by a zero span:
// empty data, a single point and all-equal values still give a usable, finite layout.

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace kinerja::web::chart {

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct Point {
  float x = 0, y = 0;
};

// An axis-aligned box, x0 <= x1 and y0 <= y1.
struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  bool Contains(Point p, float tolerance = 0.01f) const {
    return p.x >= x0 - tolerance && p.x <= x1 + tolerance && p.y >= y0 - tolerance &&
           p.y <= y1 + tolerance;
  }
};

// `outer` shrunk by the four margins; a margin pair wider than the box collapses it to its
// centre line instead of inverting it.
Box Inset(Box outer, float left, float top, float right, float bottom);

// The finite span of some values; `any` is false until a finite value is added.
struct Range {
  double min = 0, max = 0;
  bool any = false;
  void Add(double v);  // ignores non-finite values
};

// A linear map of the value domain [lo, hi] onto the pixel range [p0, p1] (p1 < p0 for a y
// axis). A degenerate domain (lo == hi) maps every value to the middle of the range.
struct Scale {
  double lo = 0, hi = 1;
  float p0 = 0, p1 = 1;
  float Map(double v) const;
  // Map() with v clamped into [lo, hi] first, so the result stays inside the pixel range.
  float MapClamped(double v) const;
};

// Round tick values (1, 2, 2.5 or 5 x 10^k apart) from lo to hi, both ticks themselves.
struct Ticks {
  double lo = 0, hi = 1, step = 1;
  std::vector<double> values;
  int decimals = 0;  // enough to tell neighbouring ticks apart
};

// Ticks covering [min, max] with about `target` intervals (at least 1). min > max is swapped;
// an empty range (min == max) is widened around the value; non-finite ends give 0..1.
Ticks NiceTicks(double min, double max, int target = 5);

// A tick's text with `decimals` places and a '.' point, never "-0".
std::string TickText(double v, int decimals);

// Of some labels in a row (centres and widths along the axis, in order), the indices to draw
// so that neighbours keep at least `min_gap` pixels apart: the first, then each that clears
// the last one kept.
std::vector<size_t> SpacedLabels(const std::vector<float>& centres,
                                 const std::vector<float>& widths, float min_gap);

// ---------------------------------------------------------------------------------------------
// Bar charts

enum class Orientation {
  kHorizontal,  // categories top to bottom, bars grow to the right (negative: to the left)
  kVertical,    // categories left to right, bars grow upwards (negative: downwards)
};

// The allowed range of one bar, e.g. a predikat's count bounds under SE 03/2023
// (docs/rules/distribution.md). kNoValue leaves that side open.
struct Band {
  double lower = kNoValue, upper = kNoValue;
  bool any() const { return std::isfinite(lower) || std::isfinite(upper); }
};

enum class BandCheck { kNoBand, kInside, kBelow, kAbove };

// Where `value` sits against `band`; kNoBand when the band has no finite side or the value is
// not finite. A value equal to a bound is inside.
BandCheck CheckBand(double value, const Band& band);

struct BarOptions {
  Orientation orientation = Orientation::kVertical;
  bool include_zero = true;  // the value axis always reaches 0, the bars' baseline
  // Fixed ends of the value axis (e.g. 0 and 100 for a percentage); kNoValue: from the data
  // and bands, rounded out to ticks. Bars beyond a fixed end are cut at the plot's edge.
  double domain_min = kNoValue, domain_max = kNoValue;
  float gap = 0.3f;  // share of each category's slot left empty around its bar (0..0.9)
  int ticks = 5;
};

struct BarGeometry {
  size_t index = 0;  // into the caller's values
  double value = 0;
  Box rect;  // from the baseline to the value; zero-thick for a value at the baseline
  bool has_band = false;
  Box band;  // the allowed range, wider than the bar (open sides reach the plot's edge)
  BandCheck check = BandCheck::kNoBand;
};

struct BarLayout {
  Box plot;
  Orientation orientation = Orientation::kVertical;
  Scale value;                    // value -> pixels along the value axis
  Ticks ticks;                    // only the ones inside the domain
  float baseline = 0;             // pixel of 0 on the value axis, clamped into the plot
  std::vector<Box> slots;         // one per category (every value, finite or not), for labels
  std::vector<BarGeometry> bars;  // one per finite value, in order
  bool empty() const { return bars.empty(); }
};

// Lays out one bar per value in `plot`. `bands` is empty or holds one band per value (extra
// entries are ignored, missing ones are open). The value axis spans the finite values, the
// finite band ends and 0 (when options.include_zero), unless fixed by the options.
BarLayout LayoutBars(const std::vector<double>& values, const std::vector<Band>& bands, Box plot,
                     const BarOptions& options);

// ---------------------------------------------------------------------------------------------
// Line charts

struct LinePoint {
  double x = 0, y = 0;  // x in the caller's unit (a month index, days since some date)
};

struct LineOptions {
  double marker_x = kNoValue;     // a vertical marker, e.g. a training date, in x units
  double reference_y = kNoValue;  // a horizontal reference, e.g. the service standard
  bool include_zero = false;      // the y axis reaches 0
  // Fixed ends of the x axis; kNoValue: the data's (and the marker's) own extent.
  double x_min = kNoValue, x_max = kNoValue;
  int x_ticks = 6, y_ticks = 5;
  float x_pad = 8;  // pixels kept free at either end of the x axis, so end points show whole
};

struct LineLayout {
  Box plot;
  Scale x, y;
  Ticks x_ticks, y_ticks;  // only the ones inside the domains
  // Per series: runs of consecutive finite points (a NaN breaks the line), and every finite
  // point (a single point gets no run, only its dot).
  std::vector<std::vector<std::vector<Point>>> runs;
  std::vector<std::vector<Point>> points;
  bool has_marker = false, has_reference = false;
  float marker = 0, reference = 0;  // pixels: the marker's x, the reference's y
  bool empty = true;                // no finite point in any series
};

// Lays out the series (points in the caller's order, not sorted) in `plot`. The x axis spans
// the finite points and the marker; the y axis the finite points, the reference and 0 when
// asked, rounded out to ticks.
LineLayout LayoutLines(const std::vector<std::vector<LinePoint>>& series, Box plot,
                       const LineOptions& options);

}  // namespace kinerja::web::chart

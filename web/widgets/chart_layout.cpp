#include "web/widgets/chart_layout.h"

#include <algorithm>
#include <cstdio>

namespace kinerja::web::chart {
namespace {

bool Finite(double v) { return std::isfinite(v); }

// Keeps only the ticks inside [lo, hi] (with a little slack for rounding).
void KeepTicksWithin(Ticks& ticks, double lo, double hi) {
  double slack = (hi - lo) * 1e-9;
  std::erase_if(ticks.values, [&](double t) { return t < lo - slack || t > hi + slack; });
}

// The domain of an axis: the data's range (already holding every value that must show),
// rounded out to ticks, with either end replaced by a fixed one when given.
struct Domain {
  double lo, hi;
  Ticks ticks;
};

Domain AxisDomain(Range range, double fixed_min, double fixed_max, int target) {
  if (Finite(fixed_min)) range.Add(fixed_min);
  if (Finite(fixed_max)) range.Add(fixed_max);
  if (!range.any) range.Add(0), range.Add(1);
  double min = Finite(fixed_min) ? fixed_min : range.min;
  double max = Finite(fixed_max) ? fixed_max : range.max;
  Domain d{0, 1, NiceTicks(min, max, target)};
  d.lo = Finite(fixed_min) ? fixed_min : d.ticks.lo;
  d.hi = Finite(fixed_max) ? fixed_max : d.ticks.hi;
  if (!(d.lo < d.hi)) d.lo = d.ticks.lo, d.hi = d.ticks.hi;  // fixed ends equal or crossed
  KeepTicksWithin(d.ticks, d.lo, d.hi);
  return d;
}

}  // namespace

Box Inset(Box outer, float left, float top, float right, float bottom) {
  Box b{outer.x0 + left, outer.y0 + top, outer.x1 - right, outer.y1 - bottom};
  if (b.x1 < b.x0) b.x0 = b.x1 = (outer.x0 + outer.x1) * 0.5f;
  if (b.y1 < b.y0) b.y0 = b.y1 = (outer.y0 + outer.y1) * 0.5f;
  return b;
}

void Range::Add(double v) {
  if (!Finite(v)) return;
  if (!any) {
    min = max = v;
    any = true;
    return;
  }
  min = std::min(min, v);
  max = std::max(max, v);
}

float Scale::Map(double v) const {
  double span = hi - lo;
  if (!(span > 0) || !Finite(span)) return (p0 + p1) * 0.5f;
  return static_cast<float>(p0 + (v - lo) / span * (p1 - p0));
}

float Scale::MapClamped(double v) const {
  if (!Finite(v)) return (p0 + p1) * 0.5f;
  return Map(std::clamp(v, std::min(lo, hi), std::max(lo, hi)));
}

Ticks NiceTicks(double min, double max, int target) {
  if (!Finite(min) || !Finite(max)) min = 0, max = 1;
  if (min > max) std::swap(min, max);
  target = std::max(target, 1);
  double span = max - min;
  if (span <= std::max(std::fabs(min), std::fabs(max)) * 1e-12) {
    // One value (or a span lost in rounding): a tenth of its size either side, or 1 around 0.
    double pad = std::fabs(min) > 0 ? std::fabs(min) * 0.1 : 1.0;
    min -= pad;
    max += pad;
    span = max - min;
  }
  Ticks t;
  if (!Finite(span)) {  // ends near the double's limits: no round steps, just the ends
    t.lo = min, t.hi = max, t.step = max / 2 - min / 2;
    t.values = {min, max};
    return t;
  }
  double raw = span / target;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / magnitude;
  double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  t.step = nice * magnitude;
  t.lo = std::floor(min / t.step + 1e-9) * t.step;
  t.hi = std::ceil(max / t.step - 1e-9) * t.step;
  auto n = static_cast<long>(std::lround((t.hi - t.lo) / t.step));
  for (long i = 0; i <= n; ++i) {
    double v = t.lo + static_cast<double>(i) * t.step;
    if (std::fabs(v) < t.step * 1e-9) v = 0;
    t.values.push_back(v);
  }
  int places = -static_cast<int>(std::floor(std::log10(t.step) + 1e-9)) + (nice == 2.5 ? 1 : 0);
  t.decimals = std::clamp(places, 0, 12);
  return t;
}

std::string TickText(double v, int decimals) {
  if (!Finite(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 12), v);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::vector<size_t> SpacedLabels(const std::vector<float>& centres,
                                 const std::vector<float>& widths, float min_gap) {
  std::vector<size_t> kept;
  float last_end = 0;
  for (size_t i = 0; i < centres.size() && i < widths.size(); ++i) {
    float start = centres[i] - widths[i] * 0.5f;
    if (!kept.empty() && start < last_end + min_gap) continue;
    kept.push_back(i);
    last_end = centres[i] + widths[i] * 0.5f;
  }
  return kept;
}

BandCheck CheckBand(double value, const Band& band) {
  if (!band.any() || !Finite(value)) return BandCheck::kNoBand;
  if (Finite(band.lower) && value < band.lower) return BandCheck::kBelow;
  if (Finite(band.upper) && value > band.upper) return BandCheck::kAbove;
  return BandCheck::kInside;
}

BarLayout LayoutBars(const std::vector<double>& values, const std::vector<Band>& bands, Box plot,
                     const BarOptions& options) {
  BarLayout out;
  out.plot = plot;
  out.orientation = options.orientation;
  bool horizontal = options.orientation == Orientation::kHorizontal;

  Range range;
  for (double v : values) range.Add(v);
  for (size_t i = 0; i < bands.size() && i < values.size(); ++i) {
    range.Add(bands[i].lower);
    range.Add(bands[i].upper);
  }
  if (options.include_zero) range.Add(0);
  Domain d = AxisDomain(range, options.domain_min, options.domain_max, options.ticks);
  out.ticks = std::move(d.ticks);
  out.value =
      horizontal ? Scale{d.lo, d.hi, plot.x0, plot.x1} : Scale{d.lo, d.hi, plot.y1, plot.y0};
  out.baseline = out.value.MapClamped(0);

  size_t n = values.size();
  if (n == 0) return out;
  float along = horizontal ? plot.height() : plot.width();
  float slot = along / static_cast<float>(n);
  float inner = slot * (1 - std::clamp(options.gap, 0.0f, 0.9f));
  for (size_t i = 0; i < n; ++i) {
    float s0 = (horizontal ? plot.y0 : plot.x0) + slot * static_cast<float>(i);
    float s1 = s0 + slot;
    out.slots.push_back(horizontal ? Box{plot.x0, s0, plot.x1, s1} : Box{s0, plot.y0, s1, plot.y1});
    double v = values[i];
    if (!Finite(v)) continue;
    BarGeometry bar;
    bar.index = i;
    bar.value = v;
    float c0 = s0 + (slot - inner) * 0.5f, c1 = c0 + inner;
    float a = out.baseline, b = out.value.MapClamped(v);
    float lo = std::min(a, b), hi = std::max(a, b);
    bar.rect = horizontal ? Box{lo, c0, hi, c1} : Box{c0, lo, c1, hi};
    if (i < bands.size() && bands[i].any()) {
      const Band& band = bands[i];
      bar.has_band = true;
      bar.check = CheckBand(v, band);
      float e0 = Finite(band.lower) ? out.value.MapClamped(band.lower) : out.value.p0;
      float e1 = Finite(band.upper) ? out.value.MapClamped(band.upper) : out.value.p1;
      float b0 = std::min(e0, e1), b1 = std::max(e0, e1);
      // Across the slot less a quarter of the gap each side, so neighbouring bands stay apart.
      float g0 = s0 + (slot - inner) * 0.25f, g1 = s1 - (slot - inner) * 0.25f;
      bar.band = horizontal ? Box{b0, g0, b1, g1} : Box{g0, b0, g1, b1};
    }
    out.bars.push_back(bar);
  }
  return out;
}

LineLayout LayoutLines(const std::vector<std::vector<LinePoint>>& series, Box plot,
                       const LineOptions& options) {
  LineLayout out;
  out.plot = plot;
  Range xs, ys;
  for (const auto& s : series) {
    for (const LinePoint& p : s) {
      if (!Finite(p.x) || !Finite(p.y)) continue;
      xs.Add(p.x);
      ys.Add(p.y);
    }
  }
  out.empty = !xs.any;
  xs.Add(options.marker_x);
  ys.Add(options.reference_y);
  if (options.include_zero) ys.Add(0);

  // The x axis is the data's own extent (a time axis reads best without rounding out); only
  // a single x value is widened, by NiceTicks.
  Ticks x_ticks = NiceTicks(xs.any ? xs.min : 0, xs.any ? xs.max : 1, options.x_ticks);
  double x_lo = Finite(options.x_min)       ? options.x_min
                : xs.any && xs.min < xs.max ? xs.min
                                            : x_ticks.lo;
  double x_hi = Finite(options.x_max)       ? options.x_max
                : xs.any && xs.min < xs.max ? xs.max
                                            : x_ticks.hi;
  if (!(x_lo < x_hi)) x_lo = x_ticks.lo, x_hi = x_ticks.hi;
  KeepTicksWithin(x_ticks, x_lo, x_hi);
  out.x_ticks = std::move(x_ticks);
  float pad = std::clamp(options.x_pad, 0.0f, plot.width() * 0.25f);
  out.x = Scale{x_lo, x_hi, plot.x0 + pad, plot.x1 - pad};

  Domain yd = AxisDomain(ys, kNoValue, kNoValue, options.y_ticks);
  out.y_ticks = std::move(yd.ticks);
  out.y = Scale{yd.lo, yd.hi, plot.y1, plot.y0};

  for (const auto& s : series) {
    std::vector<std::vector<Point>> runs;
    std::vector<Point> points, run;
    for (const LinePoint& p : s) {
      if (!Finite(p.x) || !Finite(p.y)) {
        if (run.size() > 1) runs.push_back(std::move(run));
        run.clear();
        continue;
      }
      Point q{out.x.MapClamped(p.x), out.y.MapClamped(p.y)};
      points.push_back(q);
      run.push_back(q);
    }
    if (run.size() > 1) runs.push_back(std::move(run));
    out.runs.push_back(std::move(runs));
    out.points.push_back(std::move(points));
  }
  if (Finite(options.marker_x)) {
    out.has_marker = true;
    out.marker = out.x.MapClamped(options.marker_x);
  }
  if (Finite(options.reference_y)) {
    out.has_reference = true;
    out.reference = out.y.MapClamped(options.reference_y);
  }
  return out;
}

}  // namespace kinerja::web::chart

// Progress rings (gauges): one ring per category, the first series' value against the value
// axis's maximum (100 when none is given: a goal-achievement rate), with the value in the
// middle and the category under the ring.
#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout::chart {

namespace {

Path ring(double cx, double cy, double r, double from, double to, double thickness, const Color& color) {
  Path p;
  p.segments = {{PathSegment::Kind::move, cx + r * std::cos(from), cy + r * std::sin(from)},
                {PathSegment::Kind::arc, cx, cy, r, from, to}};
  p.stroke_pt = thickness;
  p.stroke = color;
  return p;
}

double number_of(const Value& value) {
  if (const auto* d = std::get_if<Decimal>(&value)) return d->to_double();
  if (const auto* i = std::get_if<int64_t>(&value)) return static_cast<double>(*i);
  return 0;
}

}  // namespace

void gauge(Canvas& canvas, const doc::Chart& chart, const Data& data) {
  const Series& s = data.series.front();
  const double maximum = is_null(chart.value_axis.maximum) ? 100 : number_of(chart.value_axis.maximum);
  const std::size_t n = std::max<std::size_t>(1, data.categories.size());
  const double cell = canvas.width() / static_cast<double>(std::min<std::size_t>(n, 4));
  const double r = std::min(34.0, cell / 2 - 8), thickness = 7;
  const double lh = canvas.line_height();
  double row_top = 0, bottom = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t col = i % 4;
    if (i > 0 && col == 0) row_top = bottom + 6;
    double cx = cell * (static_cast<double>(col) + 0.5), cy = row_top + r + thickness / 2 + 1;
    canvas.element.paths.push_back(ring(cx, cy, r, 0, 2 * M_PI, thickness, canvas.style.color("zemin2")));
    const Value& v = i < s.exact.size() ? s.exact[i] : Value{};
    if (s.y.size() > i && s.y[i] && maximum > 0) {
      double share = std::clamp(*s.y[i] / maximum, 0.0, 1.0);
      if (share > 0)
        canvas.element.paths.push_back(ring(cx, cy, r, -M_PI / 2, -M_PI / 2 + 2 * M_PI * share, thickness, s.color));
    }
    canvas.text(value_label(v, s.format, 0, canvas.missing()), cx, cy + canvas.size_pt() * 0.33, Anchor::middle,
                canvas.text_color(), true);
    double y = cy + r + thickness / 2 + 4;
    if (i < data.categories.size())
      for (const std::string& line : canvas.wrap(data.categories[i], cell - 8)) {
        canvas.text(line, cx, y + canvas.ascent(), Anchor::middle, canvas.text_color());
        y += lh;
      }
    bottom = std::max(bottom, y);
  }
  canvas.element.height = bottom + 4;
}

}  // namespace dizgi::layout::chart

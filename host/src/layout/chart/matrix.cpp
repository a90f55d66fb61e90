// Matrices: the 2×2 grid (stakeholders by influence and importance: a point per category in its
// quadrant, its name beside it where there is room, else a number explained under the grid) and
// the check-mark matrix (stakeholder × service).
#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout::chart {

namespace {

double number_of(const Value& value, double fallback) {
  if (const auto* d = std::get_if<Decimal>(&value)) return d->to_double();
  if (const auto* i = std::get_if<int64_t>(&value)) return static_cast<double>(*i);
  return fallback;
}

Path check_mark(double x, double y, const Color& color) {
  Path p;
  p.segments = {{PathSegment::Kind::move, x - 3.2, y - 0.2}, {PathSegment::Kind::line, x - 1, y + 2.4},
                {PathSegment::Kind::line, x + 3.6, y - 3.4}};
  p.stroke_pt = 1.3;
  p.stroke = color;
  return p;
}

}  // namespace

void matrix(Canvas& canvas, const doc::Chart& chart, const Data& data) {
  const Series &xs = data.series[0], &ys = data.series[1];
  const std::size_t n = data.categories.size();
  const double lh = canvas.line_height();
  double lo = 1e300, hi = -1e300;
  for (const Series* s : {&xs, &ys})
    for (const auto& v : s->y)
      if (v) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
  lo = number_of(chart.value_axis.minimum, std::min(lo, 0.0));
  hi = number_of(chart.value_axis.maximum, hi);
  if (hi <= lo) hi = lo + 1;
  // The grid: square, on the left; the key of numbered points on the right.
  double y = 0;
  if (!chart.value_axis.title.empty()) {
    canvas.text("↑ " + chart.value_axis.title, 0, canvas.ascent() + 1, Anchor::start, canvas.muted());
    y += lh + 2;
  }
  const double side = std::min(canvas.width() * 0.62, 230.0), gx = 0, gy = y;
  const Color light = canvas.style.color("zemin"), strong = canvas.style.color("zemin2");
  canvas.element.rects.push_back(Rect{gx, gy, side / 2, side / 2, light});
  canvas.element.rects.push_back(Rect{gx + side / 2, gy, side / 2, side / 2, strong});
  canvas.element.rects.push_back(Rect{gx, gy + side / 2, side / 2, side / 2, light});
  canvas.element.rects.push_back(Rect{gx + side / 2, gy + side / 2, side / 2, side / 2, light});
  canvas.element.rules.push_back(Rule{gx + side / 2, gy, gx + side / 2, gy + side, 0.6, canvas.muted()});
  canvas.element.rules.push_back(Rule{gx, gy + side / 2, gx + side, gy + side / 2, 0.6, canvas.muted()});
  auto px = [&](double v) { return gx + 6 + (side - 12) * (v - lo) / (hi - lo); };
  auto py = [&](double v) { return gy + side - 6 - (side - 12) * (v - lo) / (hi - lo); };
  // Points first, so labels avoid every point.
  const Color dot = canvas.series_color("", 0);
  std::vector<std::size_t> placed_points;
  for (std::size_t i = 0; i < n; ++i) {
    if (!xs.y[i] || !ys.y[i]) continue;
    Path p;
    double x = px(*xs.y[i]), yy = py(*ys.y[i]);
    p.segments = {{PathSegment::Kind::move, x + 3, yy}, {PathSegment::Kind::arc, x, yy, 3, 0, 2 * M_PI}};
    p.filled = true;
    p.fill = dot;
    canvas.element.paths.push_back(std::move(p));
    placed_points.push_back(i);
  }
  std::vector<std::string> key;
  int number = 0;
  for (std::size_t i : placed_points) {
    double x = px(*xs.y[i]), yy = py(*ys.y[i]), base = yy + canvas.size_pt() * 0.33;
    const std::string& name = data.categories[i];
    auto inside = [&](const chart::Box& b) { return b.x0 >= gx && b.x1 <= gx + side && b.y0 >= gy && b.y1 <= gy + side; };
    bool done = false;
    for (auto [dx, anchor] : {std::pair{5.0, Anchor::start}, std::pair{-5.0, Anchor::end}}) {
      chart::Box b = canvas.box_of(name, x + dx, base, anchor);
      if (!done && inside(b) && canvas.free(b)) {
        canvas.text(name, x + dx, base, anchor, canvas.text_color());
        done = true;
      }
    }
    if (done) continue;
    std::string tag = std::to_string(++number);
    if (!canvas.text_if_free(tag, x + 5, base, Anchor::start, canvas.text_color()))
      canvas.text_if_free(tag, x - 5, base, Anchor::end, canvas.text_color());
    key.push_back(tag + " " + name);
  }
  double after = gy + side + 3;
  if (!chart.category_axis.title.empty()) {
    canvas.text(chart.category_axis.title + " →", gx + side, after + canvas.ascent(), Anchor::end, canvas.muted());
    after += lh;
  }
  // The key of numbered points, right of the grid.
  double ky = gy;
  for (const std::string& entry : key)
    for (const std::string& line : canvas.wrap(entry, canvas.width() - side - 12)) {
      canvas.text(line, side + 12, ky + canvas.ascent() + 1, Anchor::start, canvas.text_color());
      ky += lh;
    }
  canvas.element.height = std::max(after, ky) + 2;
}

void check_matrix(Canvas& canvas, const doc::Chart& /*chart*/, const Data& data) {
  const std::size_t rows = data.categories.size(), columns = data.series.size();
  const double width = canvas.width(), lh = canvas.line_height();
  double widest = 0;
  for (const std::string& c : data.categories) widest = std::max(widest, canvas.measure(c));
  const double label = std::min(widest + 6, width * 0.4);
  const double cell = (width - label) / static_cast<double>(columns);
  std::vector<std::vector<std::string>> heads;
  std::size_t most = 1;
  for (const Series& s : data.series) {
    heads.push_back(canvas.wrap(s.name, cell - 4));
    most = std::max(most, heads.back().size());
  }
  double y = 0;
  for (std::size_t c = 0; c < columns; ++c) {
    double top = y + lh * static_cast<double>(most - heads[c].size());  // set on the header's bottom line
    for (std::size_t k = 0; k < heads[c].size(); ++k)
      canvas.text(heads[c][k], label + cell * (static_cast<double>(c) + 0.5),
                  top + canvas.ascent() + 1 + lh * static_cast<double>(k), Anchor::middle, canvas.text_color(), true);
  }
  y += lh * static_cast<double>(most) + 4;
  canvas.element.rules.push_back(Rule{0, y, width, y, 0.6, canvas.muted()});
  for (std::size_t r = 0; r < rows; ++r) {
    std::vector<std::string> lines = canvas.wrap(data.categories[r], label - 6);
    double row_h = lh * static_cast<double>(lines.size()) + 5;
    if (r % 2 == 1) canvas.element.rects.push_back(Rect{0, y, width, row_h, canvas.style.color("zemin")});
    for (std::size_t k = 0; k < lines.size(); ++k)
      canvas.text(lines[k], 2, y + 2.5 + canvas.ascent() + lh * static_cast<double>(k), Anchor::start, canvas.text_color());
    for (std::size_t c = 0; c < columns; ++c) {
      const auto& v = data.series[c].y[r];
      if (v && *v != 0)
        canvas.element.paths.push_back(check_mark(label + cell * (static_cast<double>(c) + 0.5), y + row_h / 2, canvas.text_color()));
    }
    y += row_h;
  }
  canvas.element.rules.push_back(Rule{0, y, width, y, 0.6, canvas.muted()});
  canvas.element.height = y + 2;
}

}  // namespace dizgi::layout::chart

// Line and area charts: one line per series over the categories, markers on the points (areas:
// filled down to zero, outlined), a break where a value is missing (never drawn as 0). Category labels that do not fit their slot
// are thinned to every k-th one.
#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout::chart {

namespace {

Path marker(double x, double y, double r, const Color& fill) {
  Path p;
  p.segments = {{PathSegment::Kind::move, x + r, y}, {PathSegment::Kind::arc, x, y, r, 0, 2 * M_PI}};
  p.filled = true;
  p.fill = fill;
  return p;
}

}  // namespace

void lines(Canvas& canvas, const doc::Chart& chart, const Data& data) {
  const double lh = canvas.line_height();
  double lo = 0, hi = 0;
  for (const Series& s : data.series)
    for (const auto& v : s.y)
      if (v) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
  Scale scale = nice_scale(lo, hi, 5);
  AxisText axis = axis_text(chart.value_axis, scale);
  double y = 0;
  if (!axis.note.empty()) {
    canvas.text(axis.note, 0, canvas.ascent() + 1, Anchor::start, canvas.muted());
    y += lh + 2;
  }
  if (chart.show_values) y += lh;
  const double top = y + canvas.size_pt() * 0.7, bottom = top + 150;  // room for the top tick's label
  const double left = axis_label_width(canvas, scale, chart.value_axis.format, axis.scale_power) + 6;
  const double right = canvas.width();
  vertical_axis(canvas, scale, chart.value_axis.format, axis.scale_power, left, right, top, bottom);
  const std::size_t n = data.categories.size();
  const double slot = (right - left) / static_cast<double>(n);
  auto x_of = [&](std::size_t i) { return left + slot * (static_cast<double>(i) + 0.5); };

  // Areas: each run of values filled down to zero, all before any line so no line is hidden.
  if (chart.kind == doc::ChartKind::area) {
    const double zero = scale.at(0, bottom, top);
    for (const Series& s : data.series) {
      for (std::size_t i = 0; i < n;) {
        if (!s.y[i]) {
          ++i;
          continue;
        }
        Path area;
        area.filled = true;
        area.fill = s.color;
        area.segments.push_back({PathSegment::Kind::move, x_of(i), zero});
        std::size_t last = i;
        for (; i < n && s.y[i]; ++i) {
          area.segments.push_back({PathSegment::Kind::line, x_of(i), scale.at(*s.y[i], bottom, top)});
          last = i;
        }
        area.segments.push_back({PathSegment::Kind::line, x_of(last), zero});
        area.segments.push_back({PathSegment::Kind::close});
        canvas.element.paths.push_back(std::move(area));
      }
    }
  }
  for (const Series& s : data.series) {
    Path line;
    line.stroke_pt = 1.6;
    line.stroke = chart.kind == doc::ChartKind::area ? canvas.text_color() : s.color;
    bool open = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!s.y[i]) {
        open = false;  // a gap: the line stops here and starts again at the next value
        continue;
      }
      double py = scale.at(*s.y[i], bottom, top);
      line.segments.push_back({open ? PathSegment::Kind::line : PathSegment::Kind::move, x_of(i), py});
      open = true;
    }
    canvas.element.paths.push_back(std::move(line));
    for (std::size_t i = 0; i < n; ++i)
      if (s.y[i] && chart.kind != doc::ChartKind::area)
        canvas.element.paths.push_back(marker(x_of(i), scale.at(*s.y[i], bottom, top), 2.2, s.color));
  }
  if (chart.show_values) {
    for (const Series& s : data.series)
      for (std::size_t i = 0; i < n; ++i) {
        if (!s.y[i]) continue;
        std::string label = value_label(s.exact[i], s.format, axis.scale_power, canvas.missing());
        double py = scale.at(*s.y[i], bottom, top);
        if (!canvas.text_if_free(label, x_of(i), py - 4 - canvas.size_pt() * 0.26, Anchor::middle, canvas.text_color()))
          canvas.text_if_free(label, x_of(i), py + 4 + canvas.ascent(), Anchor::middle, canvas.text_color());
      }
  }
  // Category labels: every one when they fit in two lines; else every k-th on one line.
  std::vector<std::vector<std::string>> labels = category_lines(canvas, data.categories, slot - 4, 2);
  std::size_t every = 1;
  if (labels.empty()) {
    double widest = 0;
    for (const std::string& c : data.categories) widest = std::max(widest, canvas.measure(c));
    every = std::min<std::size_t>(n, static_cast<std::size_t>(std::ceil((widest + 4) / slot)));
    labels = category_lines(canvas, data.categories, slot * static_cast<double>(every) - 4, 3);
    if (labels.empty())
      for (const std::string& c : data.categories) labels.push_back(canvas.wrap(c, slot * static_cast<double>(every) - 4));
  }
  double labels_top = bottom + 4;
  std::size_t most = 1;
  for (std::size_t i = 0; i < n; i += every) {
    most = std::max(most, labels[i].size());
    for (std::size_t k = 0; k < labels[i].size(); ++k)
      canvas.text_if_free(labels[i][k], x_of(i), labels_top + canvas.ascent() + lh * static_cast<double>(k),
                          Anchor::middle, canvas.text_color());
  }
  y = labels_top + lh * static_cast<double>(most);
  y += legend(canvas, data, y, chart.kind == doc::ChartKind::area ? data.series.size() : 0);
  canvas.element.height = y + 2;
}

}  // namespace dizgi::layout::chart

// Bar and column charts: single, grouped, stacked and 100 % stacked. Columns when every
// category label fits its slot in at most two lines; otherwise horizontal bars with the labels
// wrapped at word boundaries in a column of their own.
#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout::chart {

namespace {

// What the bars of a chart show, shared by both orientations.
struct Bars {
  const doc::Chart& chart;
  const Data& data;
  bool stacked = false;
  bool percent = false;
  std::vector<std::vector<std::optional<double>>> y;  // [series][category], shares for 100 %
  std::vector<std::vector<std::string>> labels;       // value labels, "" = none
  Scale scale;
  AxisText axis;
  std::string right_note;  // the second axis's scale note (combination charts)
  doc::NumberFormat axis_format;
  bool negative = false;

  std::size_t categories() const { return data.categories.size(); }
  // Where a bar of value v runs: from zero, or on top of the stack so far (positives up from
  // `pos`, negatives down from `neg`, both moved on).
  std::pair<double, double> extent(double v, double& pos, double& neg) const {
    if (!stacked) return {0, v};
    double& base = v >= 0 ? pos : neg;
    double from = base;
    base += v;
    return {from, base};
  }
  std::size_t series() const { return data.series.size(); }
  // The range the bars need: per value, or per stack of positives and of negatives.
  std::pair<double, double> range() const {
    double lo = 0, hi = 0;
    for (std::size_t i = 0; i < categories(); ++i) {
      double pos = 0, neg = 0;
      for (std::size_t s = 0; s < series(); ++s) {
        double v = y[s][i].value_or(0);
        if (stacked) {
          (v >= 0 ? pos : neg) += v;
        } else {
          pos = std::max(pos, v);
          neg = std::min(neg, v);
        }
      }
      hi = std::max(hi, pos);
      lo = std::min(lo, neg);
    }
    return {lo, hi};
  }
};

Bars prepare(Canvas& canvas, const doc::Chart& chart, const Data& data, bool stacked, bool percent) {
  Bars b{chart, data, stacked, percent};
  b.axis_format = chart.value_axis.format;
  if (percent) b.axis_format.percent = true;
  b.y.assign(b.series(), std::vector<std::optional<double>>(b.categories()));
  for (std::size_t s = 0; s < b.series(); ++s) b.y[s] = data.series[s].y;
  if (percent) {
    for (std::size_t i = 0; i < b.categories(); ++i) {
      double total = 0;
      for (std::size_t s = 0; s < b.series(); ++s) total += std::max(0.0, b.y[s][i].value_or(0));
      for (std::size_t s = 0; s < b.series(); ++s)
        if (b.y[s][i]) b.y[s][i] = total > 0 ? std::max(0.0, *b.y[s][i]) * 100 / total : 0;
    }
  }
  auto [lo, hi] = b.range();
  b.negative = lo < 0;
  b.scale = percent ? nice_scale(0, 100, 5) : nice_scale(lo, hi, 5);
  b.axis = axis_text(chart.value_axis, b.scale);
  b.labels.assign(b.series(), std::vector<std::string>(b.categories()));
  if (!chart.show_values) return b;
  for (std::size_t i = 0; i < b.categories(); ++i) {
    // 100 %: the share of each value in its category, from the exact figures.
    Decimal total{};
    if (percent)
      for (std::size_t s = 0; s < b.series(); ++s)
        if (auto d = exact_decimal(data.series[s].exact[i]); d && Decimal{} < *d) total = total + *d;
    for (std::size_t s = 0; s < b.series(); ++s) {
      const Value& v = data.series[s].exact[i];
      if (is_null(v)) continue;
      if (percent) {
        auto d = exact_decimal(v);
        if (!d || total == Decimal{}) continue;
        doc::NumberFormat f;
        f.percent = true;
        f.fraction_digits = 1;
        b.labels[s][i] = value_label(divide(*d * Decimal::from_int(100), total, 1), f, 0, canvas.missing());
      } else {
        b.labels[s][i] = value_label(v, data.series[s].format, b.axis.scale_power, canvas.missing());
      }
    }
  }
  return b;
}

double note_line(Canvas& canvas, const Bars& b) {
  if (b.axis.note.empty() && b.right_note.empty()) return 0;
  if (!b.axis.note.empty()) canvas.text(b.axis.note, 0, canvas.ascent() + 1, Anchor::start, canvas.muted());
  if (!b.right_note.empty())
    canvas.text_if_free(b.right_note, canvas.width(), canvas.ascent() + 1, Anchor::end, canvas.muted());
  return canvas.line_height() + 2;
}

// Where columns() drew its plot, for what is drawn over it.
struct Plot {
  double left = 0, right = 0, top = 0, bottom = 0, slot = 0;
};

std::string without_value_note(const Data& data) {
  if (data.without_value.empty()) return {};
  std::string text = "Verisi olmayan: ";
  for (std::size_t i = 0; i < data.without_value.size(); ++i) text += (i ? ", " : "") + data.without_value[i];
  return text;
}

double columns(Canvas& canvas, Bars& b, const std::vector<std::vector<std::string>>& label_lines, double left,
               Plot* plot = nullptr, double right_room = 0) {
  const double lh = canvas.line_height();
  double y = note_line(canvas, b);
  if (b.chart.show_values) y += lh;
  const double top = y + canvas.size_pt() * 0.7, plot_h = 150, bottom = top + plot_h;  // room for the top tick's label
  const double right = canvas.width() - right_room;
  vertical_axis(canvas, b.scale, b.axis_format, b.axis.scale_power, left, right, top, bottom);
  const double n = static_cast<double>(b.categories());
  const double slot = (right - left) / n;
  if (plot) *plot = Plot{left, right, top, bottom, slot};
  const double group = slot * (b.stacked ? 0.55 : 0.72);
  const double bar = b.stacked ? group : group / static_cast<double>(b.series());
  for (std::size_t i = 0; i < b.categories(); ++i) {
    double x0 = left + slot * static_cast<double>(i) + (slot - group) / 2;
    double pos = 0, neg = 0;
    for (std::size_t s = 0; s < b.series(); ++s) {
      if (!b.y[s][i]) continue;  // no value: a gap, never a bar of 0
      double v = *b.y[s][i];
      auto [from, to] = b.extent(v, pos, neg);
      double ya = b.scale.at(from, bottom, top), yb = b.scale.at(to, bottom, top);
      double x = b.stacked ? x0 : x0 + bar * static_cast<double>(s);
      double w = bar - (b.series() > 1 && !b.stacked ? 0.8 : 0);
      const Color fill = b.data.series[s].color;
      if (std::fabs(yb - ya) > 0.01) canvas.element.rects.push_back(Rect{x, std::min(ya, yb), w, std::fabs(yb - ya), fill});
      const std::string& label = b.labels[s][i];
      if (label.empty()) continue;
      if (b.stacked) {  // inside its segment when it fits there
        Box box = canvas.box_of(label, x + w / 2, (ya + yb) / 2 + canvas.size_pt() * 0.33, Anchor::middle);
        if (box.x1 - box.x0 <= w - 2 && std::fabs(yb - ya) >= box.y1 - box.y0 + 1)
          canvas.text_if_free(label, x + w / 2, (ya + yb) / 2 + canvas.size_pt() * 0.33, Anchor::middle,
                              canvas.ink_on(fill));
      } else {
        double baseline = v >= 0 ? yb - 2 - canvas.size_pt() * 0.26 : yb + 2 + canvas.ascent();
        canvas.text_if_free(label, x + w / 2, baseline, Anchor::middle, canvas.text_color());
      }
    }
  }
  // Category labels under the plot, below the lowest value label.
  double labels_top = bottom + 4 + (b.negative && b.chart.show_values ? lh : 0);
  std::size_t most = 1;
  for (std::size_t i = 0; i < b.categories(); ++i) {
    double cx = left + slot * (static_cast<double>(i) + 0.5);
    const auto& lines = label_lines[i];
    most = std::max(most, lines.size());
    for (std::size_t k = 0; k < lines.size(); ++k)
      canvas.text(lines[k], cx, labels_top + canvas.ascent() + lh * static_cast<double>(k), Anchor::middle,
                  canvas.text_color());
  }
  return labels_top + lh * static_cast<double>(most);
}

double horizontal(Canvas& canvas, Bars& b) {
  const double lh = canvas.line_height();
  const double width = canvas.width();
  double y = note_line(canvas, b);
  // The label column: as wide as the widest label, at most 40 % of the width, wrapped.
  double widest_label = 0;
  for (const std::string& c : b.data.categories) widest_label = std::max(widest_label, canvas.measure(c));
  double column = std::min(widest_label, width * 0.4);
  std::vector<std::vector<std::string>> lines;
  double used = 0;
  for (const std::string& c : b.data.categories) {
    lines.push_back(canvas.wrap(c, column));
    for (const std::string& line : lines.back()) used = std::max(used, canvas.measure(line));
  }
  column = std::min(used, width * 0.55);
  double widest_value = 0;
  for (const auto& row : b.labels)
    for (const std::string& label : row)
      if (!label.empty()) widest_value = std::max(widest_value, canvas.measure(label));
  double x0 = column + 8 + (b.negative && widest_value > 0 ? widest_value + 3 : 0);
  double x1 = width - (widest_value > 0 ? widest_value + 4 : 4);
  // As many ticks as their labels allow.
  for (int ticks = 6; ticks >= 1; --ticks) {
    b.scale = b.percent ? nice_scale(0, 100, ticks) : nice_scale(b.range().first, b.range().second, ticks);
    b.axis = axis_text(b.chart.value_axis, b.scale);
    double w = axis_label_width(canvas, b.scale, b.axis_format, b.axis.scale_power);
    if ((x1 - x0) / static_cast<double>(b.scale.ticks.size()) >= w + 8) break;
  }
  const double n_bars = b.stacked ? 1 : static_cast<double>(b.series());
  double thickness = b.stacked || b.series() == 1 ? 11 : std::max(6.0, std::min(9.0, 24 / n_bars + 3));
  // Rows as roomy as the page allows: with many categories the gaps and bars get thinner
  // (never below 4 pt) so that the chart stays on one page.
  std::vector<double> row_heights;
  double rows_h = 0;
  const double room = canvas.max_height > 0 ? canvas.max_height - y - lh * 4 : 1e9;
  for (double gap : {6.0, 3.0, 1.5}) {
    row_heights.clear();
    rows_h = 0;
    for (std::size_t i = 0; i < b.categories(); ++i) {
      row_heights.push_back(std::max(lh * static_cast<double>(lines[i].size()), thickness * n_bars) + gap);
      rows_h += row_heights.back();
    }
    if (rows_h <= room) break;
    thickness = std::max(4.0, thickness * 0.75);
  }
  for (double t : b.scale.ticks) {
    double x = b.scale.at(t, x0, x1);
    grid_line(canvas, x, y, x, y + rows_h, t == 0);
  }
  for (std::size_t i = 0; i < b.categories(); ++i) {
    double bars_h = thickness * n_bars;
    double row_h = row_heights[i];
    double text_top = y + (row_h - lh * static_cast<double>(lines[i].size())) / 2;
    for (std::size_t k = 0; k < lines[i].size(); ++k)
      canvas.text(lines[i][k], 0, text_top + canvas.ascent() + 0.5 + lh * static_cast<double>(k), Anchor::start,
                  canvas.text_color());
    double bar_top = y + (row_h - bars_h) / 2;
    double pos = 0, neg = 0;
    for (std::size_t s = 0; s < b.series(); ++s) {
      if (!b.y[s][i]) continue;
      double v = *b.y[s][i];
      auto [from, to] = b.extent(v, pos, neg);
      double xa = b.scale.at(from, x0, x1), xb = b.scale.at(to, x0, x1);
      double by = b.stacked ? bar_top : bar_top + thickness * static_cast<double>(s);
      double h = thickness - (b.series() > 1 && !b.stacked ? 0.8 : 0);
      const Color fill = b.data.series[s].color;
      if (std::fabs(xb - xa) > 0.01) canvas.element.rects.push_back(Rect{std::min(xa, xb), by, std::fabs(xb - xa), h, fill});
      const std::string& label = b.labels[s][i];
      if (label.empty()) continue;
      double baseline = by + h / 2 + canvas.size_pt() * 0.33;
      if (b.stacked) {
        Box box = canvas.box_of(label, (xa + xb) / 2, baseline, Anchor::middle);
        if (box.x1 - box.x0 <= std::fabs(xb - xa) - 2 && h >= box.y1 - box.y0 - 2)
          canvas.text_if_free(label, (xa + xb) / 2, baseline, Anchor::middle, canvas.ink_on(fill));
      } else if (v >= 0) {
        canvas.text_if_free(label, xb + 3, baseline, Anchor::start, canvas.text_color());
      } else {
        canvas.text_if_free(label, xb - 3, baseline, Anchor::end, canvas.text_color());
      }
    }
    y += row_h;
  }
  // Tick labels under the rows (the grid lines went first, under the bars).
  for (double t : b.scale.ticks)
    canvas.text_if_free(tick_label(t, b.scale, b.axis_format, b.axis.scale_power), b.scale.at(t, x0, x1),
                        y + 3 + canvas.ascent(), Anchor::middle, canvas.muted());
  return y + 3 + lh;
}

}  // namespace

void bars(Canvas& canvas, const doc::Chart& chart, const Data& data, bool stacked, bool percent) {
  Bars b = prepare(canvas, chart, data, stacked, percent);
  double left = axis_label_width(canvas, b.scale, b.axis_format, b.axis.scale_power) + 6;
  double slot = (canvas.width() - left) / static_cast<double>(b.categories());
  std::vector<std::vector<std::string>> label_lines;
  if (b.categories() <= 16) label_lines = category_lines(canvas, data.categories, slot - 4, 2);
  double y = label_lines.empty() ? horizontal(canvas, b) : columns(canvas, b, label_lines, left);
  y += legend(canvas, data, y, data.series.size());
  y += footnote_line(canvas, without_value_note(data), y);
  canvas.element.height = y + 2;
}

void combination(Canvas& canvas, const doc::Chart& chart, const Data& data) {
  Data columns_only = data;
  columns_only.series.pop_back();
  const Series& line = data.series.back();
  Bars b = prepare(canvas, chart, columns_only, false, false);
  // The second axis has as many intervals as the first, with zero on the same grid line.
  double lo = 0, hi = 0;
  for (const auto& v : line.y)
    if (v) {
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  const long intervals = static_cast<long>(b.scale.ticks.size()) - 1;
  long below = std::lround(-b.scale.low / b.scale.step), above = intervals - below;
  double needed = std::max(above > 0 ? hi / static_cast<double>(above) : 0.0,
                           below > 0 ? -lo / static_cast<double>(below) : 0.0);
  if (above == 0 && hi > 0) needed = std::max(needed, hi);  // no room above zero: one step holds it
  Scale second = nice_scale(0, needed > 0 ? needed : 1, 1);
  second.low = -static_cast<double>(below) * second.step;
  second.high = static_cast<double>(std::max(above, 1L)) * second.step;
  second.ticks.clear();
  for (long i = -below; i <= std::max(above, 1L); ++i) second.ticks.push_back(static_cast<double>(i) * second.step);
  doc::Axis second_axis;
  second_axis.format = line.format;
  AxisText second_text = axis_text(second_axis, second);
  b.right_note = second_text.note;
  const double right_room = axis_label_width(canvas, second, line.format, second_text.scale_power) + 6;
  const double left = axis_label_width(canvas, b.scale, b.axis_format, b.axis.scale_power) + 6;
  const double slot = (canvas.width() - left - right_room) / static_cast<double>(b.categories());
  std::vector<std::vector<std::string>> labels;
  for (const std::string& c : data.categories) labels.push_back(canvas.wrap(c, slot - 4));
  Plot plot;
  double y = columns(canvas, b, labels, left, &plot, right_room);
  for (double t : second.ticks)
    canvas.text_if_free(tick_label(t, second, line.format, second_text.scale_power), plot.right + 4,
                        second.at(t, plot.bottom, plot.top) + canvas.size_pt() * 0.33, Anchor::start, canvas.muted());
  Path path;
  path.stroke_pt = 1.6;
  path.stroke = line.color;
  bool open = false;
  for (std::size_t i = 0; i < data.categories.size(); ++i) {
    if (!line.y[i]) {
      open = false;
      continue;
    }
    double x = plot.left + plot.slot * (static_cast<double>(i) + 0.5), py = second.at(*line.y[i], plot.bottom, plot.top);
    path.segments.push_back({open ? PathSegment::Kind::line : PathSegment::Kind::move, x, py});
    open = true;
    Path dot;
    dot.segments = {{PathSegment::Kind::move, x + 2.4, py}, {PathSegment::Kind::arc, x, py, 2.4, 0, 2 * M_PI}};
    dot.filled = true;
    dot.fill = line.color;
    dot.stroke_pt = 0.6;
    dot.stroke = canvas.style.color("white");
    canvas.element.paths.push_back(std::move(dot));
    if (chart.show_values)
      canvas.text_if_free(value_label(line.exact[i], line.format, second_text.scale_power, canvas.missing()), x,
                          py - 4 - canvas.size_pt() * 0.26, Anchor::middle, canvas.text_color());
  }
  canvas.element.paths.insert(canvas.element.paths.begin(), std::move(path));
  y += legend(canvas, data, y, data.series.size() - 1);
  canvas.element.height = y + 2;
}

}  // namespace dizgi::layout::chart

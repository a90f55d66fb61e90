#include "layout/flow.hpp"

#include "layout/table/cells.hpp"

#include <algorithm>
#include <optional>
#include <cmath>
#include <locale>
#include <sstream>

namespace dizgi::layout {

namespace {

// A data point's height for drawing; null (a gap) is nullopt. Exact figures stay in the data.
std::optional<double> geometry_of(const Value& value) {
  if (const auto* d = std::get_if<Decimal>(&value)) return d->to_double();
  if (const auto* i = std::get_if<int64_t>(&value)) return static_cast<double>(*i);
  return std::nullopt;
}

// The alternative text of a chart, from its data: "Ödenek: Personel 1.234,5; SGK 2,1".
std::string describe(const doc::Chart& chart, const std::string& missing) {
  std::string text = chart.caption;
  for (const doc::ChartSeries& series : chart.series) {
    text += text.empty() ? "" : ". ";
    if (!series.name.empty()) text += series.name + ": ";
    for (std::size_t i = 0; i < series.values.size() && i < chart.categories.size(); ++i) {
      if (i > 0) text += "; ";
      text += chart.categories[i] + " " + format_value(series.values[i], series.format, missing);
    }
  }
  return text;
}

}  // namespace

void Flow::add(const doc::Chart& chart) {
  bool point_styles = false;
  for (const doc::ChartSeries& series : chart.series) point_styles |= !series.labels.empty() || !series.colors.empty();
  if (point_styles) unsupported("per-point labels and colours ('" + chart.caption + "')", "the series colour is used");
  if (!is_null(chart.value_axis.minimum) || !is_null(chart.value_axis.maximum))
    unsupported("a fixed axis range ('" + chart.caption + "')", "the range is taken from the data");
  if (chart.show_values) unsupported("value labels ('" + chart.caption + "')", "values are read from the axis");
  if (chart.kind != doc::ChartKind::bar) {
    static const char* names[] = {"?", "bar", "stacked bar", "line", "pie", "gauge"};
    int k = static_cast<int>(chart.kind);
    unsupported(std::string("a ") + (k >= 0 && k <= 5 ? names[k] : "?") + " chart ('" + chart.caption + "')",
                "only bar charts are drawn for now; a placeholder is set in its place");
    auto caption = scan_.captions.find(&chart);
    add_caption(caption->second, scan_.ids.at(&chart));
    Element e;
    e.role = StructRole::figure;
    e.height = mm_to_pt(30);
    e.rects.push_back(Rect{0, 0, width_, e.height, template_.color("zemin")});
    const text::Shaped& s = shaper_.shape("[grafik çizilemedi: " + chart.caption + "]",
                                          setter_.font_for(template_.style("table"), {}));
    e.runs.push_back(Run{&s, 8, e.height / 2 + 3, template_.color("gri")});
    push(std::move(e));
    return;
  }
  auto caption = scan_.captions.find(&chart);
  add_caption(caption->second, scan_.ids.at(&chart));
  Element e;
  double h = mm_to_pt(70);
  e.height = h + 14;
  const Style& label = template_.style("table");
  doc::InlineStyle plain;
  text::FontKey key = setter_.font_for(label, plain);
  key.size_pt = 7.5;
  double left = 34, bottom = h - 22, top = 8, right = width_;
  double max_value = 0;
  for (const auto& s : chart.series)
    for (const Value& v : s.values) max_value = std::max(max_value, geometry_of(v).value_or(0));
  if (max_value <= 0) max_value = 1;
  double magnitude = std::pow(10, std::floor(std::log10(max_value)));
  double step = magnitude;
  while (max_value / step > 6) step *= 2;
  while (max_value / step < 3) step /= 2;
  double axis_max = std::ceil(max_value / step) * step;
  Color grid = template_.color("cizgi");
  for (double v = 0; v <= axis_max + 1e-9; v += step) {
    double y = bottom - (bottom - top) * v / axis_max;
    e.rules.push_back(Rule{left, y, right, y, v == 0 ? 0.6 : 0.25, grid});
    std::ostringstream label_text;
    label_text.imbue(std::locale::classic());
    label_text << v;
    std::string text = label_text.str();
    std::replace(text.begin(), text.end(), '.', ',');
    if (chart.value_axis.format.percent) text = "%" + text;
    const text::Shaped& s = shaper_.shape(text, key);
    e.runs.push_back(Run{&s, left - 4 - s.width_pt, y + 2.5, template_.color("gri")});
  }
  std::size_t n = chart.categories.size();
  double series = static_cast<double>(std::max<std::size_t>(1, chart.series.size()));
  double slot = n ? (right - left) / static_cast<double>(n) : 0;
  double bar = slot * 0.7 / series;
  static const char* palette[] = {"ana", "vurgu", "gri"};
  for (std::size_t si = 0; si < chart.series.size(); ++si) {
    const auto& s = chart.series[si];
    Color color = template_.color(s.color.empty() ? palette[si % 3] : s.color);
    for (std::size_t i = 0; i < std::min(n, s.values.size()); ++i) {
      std::optional<double> point = geometry_of(s.values[i]);
      if (!point) continue;  // no value: a gap, never a bar of 0
      double v = std::max(0.0, *point);
      double bh = (bottom - top) * v / axis_max;
      double x = left + slot * static_cast<double>(i) + slot * 0.15 + bar * static_cast<double>(si);
      e.rects.push_back(Rect{x, bottom - bh, bar, bh, color});
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const text::Shaped& s = shaper_.shape(chart.categories[i], key);
    double cx = left + slot * static_cast<double>(i) + slot / 2;
    e.runs.push_back(Run{&s, cx - s.width_pt / 2, bottom + 10, template_.color("text")});
  }
  // Legend.
  double lx = left;
  for (std::size_t si = 0; si < chart.series.size(); ++si) {
    Color color = template_.color(chart.series[si].color.empty() ? palette[si % 3] : chart.series[si].color);
    e.rects.push_back(Rect{lx, h + 2, 7, 7, color});
    const text::Shaped& s = shaper_.shape(chart.series[si].name, key);
    e.runs.push_back(Run{&s, lx + 10, h + 8.5, template_.color("text")});
    lx += 24 + s.width_pt;
  }
  e.height += 8;
  e.role = StructRole::figure;
  e.alt_text = chart.alt_text.empty() ? describe(chart, template_.table.missing_marker) : chart.alt_text;
  push(std::move(e));
}

}  // namespace dizgi::layout

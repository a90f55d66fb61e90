// Charts: checks the data, picks the family (bar.cpp, line.cpp, pie.cpp, ... process.cpp) and sets the
// chart as one figure element with its caption and alternative text. Bad data gives a
// diagnostic at the chart's origin and a visible placeholder, never a misleading drawing.
#include "layout/flow.hpp"

#include "layout/chart/canvas.hpp"
#include "layout/chart/describe.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace dizgi::layout {

namespace {

// A data point's position for drawing; null (a gap) is nullopt. Exact figures stay in the data.
std::optional<double> geometry_of(const Value& value) {
  if (const auto* d = std::get_if<Decimal>(&value)) return d->to_double();
  if (const auto* i = std::get_if<int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* b = std::get_if<bool>(&value)) return *b ? 1.0 : 0.0;
  return std::nullopt;
}

// How many series a kind needs (0: any number).
std::size_t series_needed(doc::ChartKind kind) {
  switch (kind) {
    case doc::ChartKind::bullet: return 3;
    case doc::ChartKind::gantt:
    case doc::ChartKind::matrix: return 2;
    case doc::ChartKind::swot: return 4;
    default: return 0;
  }
}

bool single_series(doc::ChartKind kind) {
  return kind == doc::ChartKind::pie || kind == doc::ChartKind::donut || kind == doc::ChartKind::waterfall ||
         kind == doc::ChartKind::org_chart;
}

// What is wrong with an organisation chart's parents: out of range, not one head, a cycle.
std::string check_parents(const doc::Chart& chart, const std::string& name) {
  const std::size_t n = chart.categories.size();
  const auto& parents = chart.series.front().values;
  std::size_t heads = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Value v = i < parents.size() ? parents[i] : Value{};
    if (is_null(v)) {
      ++heads;
      continue;
    }
    auto p = geometry_of(v);
    if (!p || *p < 1 || *p > static_cast<double>(n) || *p != std::floor(*p) || static_cast<std::size_t>(*p) == i + 1)
      return name + ": unit '" + chart.categories[i] + "' has no valid parent (a category number 1.." +
             std::to_string(n) + ", not its own)";
    // Walking up from i must end at a head within n steps.
    std::size_t at = i, steps = 0;
    while (at < parents.size() && !is_null(parents[at]) && steps <= n) {
      at = static_cast<std::size_t>(*geometry_of(parents[at])) - 1;
      ++steps;
    }
    if (steps > n) return name + ": unit '" + chart.categories[i] + "' is its own ancestor";
  }
  if (heads != 1) return name + " has " + std::to_string(heads) + " units without a parent; it needs one head";
  return {};
}

// What is wrong with a chart's data, or "" when it can be drawn.
std::string check(const doc::Chart& chart) {
  const std::string name = "chart '" + chart.caption + "'";
  const doc::ChartKind kind = chart.kind;
  if (kind == doc::ChartKind::invalid || static_cast<int>(kind) > static_cast<int>(doc::ChartKind::cycle))
    return name + " has an unknown kind (" + std::to_string(static_cast<int>(kind)) + ")";
  if (kind == doc::ChartKind::process_flow || kind == doc::ChartKind::cycle) {
    // Steps in order; a series is optional and carries only the steps' phases.
    if (chart.categories.size() < 2) return name + " has " + std::to_string(chart.categories.size()) + " steps; it needs two or more";
    for (std::size_t i = 0; i < chart.categories.size(); ++i)
      if (chart.categories[i].empty()) return name + ": step " + std::to_string(i + 1) + " has no text";
    if (chart.series.size() > 1)
      return name + " has " + std::to_string(chart.series.size()) + " series; this kind takes at most one (the phases)";
    if (!chart.series.empty() && chart.series[0].labels.size() > chart.categories.size())
      return name + " has " + std::to_string(chart.series[0].labels.size()) + " phase labels for " +
             std::to_string(chart.categories.size()) + " steps";
    return {};
  }
  if (chart.series.empty()) return name + " has no series";
  if (std::size_t needed = series_needed(kind); needed && chart.series.size() != needed)
    return name + " has " + std::to_string(chart.series.size()) + " series; this kind needs " + std::to_string(needed);
  if (single_series(kind) && chart.series.size() > 1)
    return name + " has " + std::to_string(chart.series.size()) + " series; this kind shows one";
  if (kind == doc::ChartKind::combination && chart.series.size() < 2)
    return name + " needs two series or more: columns and a line";
  if (kind == doc::ChartKind::swot) {
    for (const doc::ChartSeries& s : chart.series)
      if (s.labels.empty()) return name + ": quadrant '" + s.name + "' has no items";
    return {};
  }
  if (chart.categories.empty()) return name + " has no categories";
  bool any = false;
  for (const doc::ChartSeries& s : chart.series) {
    const std::string series = "series '" + s.name + "' of " + name;
    if (s.values.size() > chart.categories.size())
      return series + " has " + std::to_string(s.values.size()) + " values for " +
             std::to_string(chart.categories.size()) + " categories";
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      const Value& v = s.values[i];
      if (is_null(v)) continue;
      any = true;
      if (kind == doc::ChartKind::gantt) {
        if (!std::holds_alternative<Date>(v)) return series + " has a value that is not a date at point " + std::to_string(i + 1);
        continue;
      }
      if (kind == doc::ChartKind::check_matrix && std::holds_alternative<bool>(v)) continue;
      auto number = geometry_of(v);
      if (!number) return series + " has a value that is not a number at point " + std::to_string(i + 1);
      if ((kind == doc::ChartKind::pie || kind == doc::ChartKind::donut || kind == doc::ChartKind::stacked_percent) &&
          *number < 0)
        return name + " has a negative value for '" + chart.categories[i] + "', which cannot be a share";
    }
  }
  if (kind == doc::ChartKind::org_chart) return check_parents(chart, name);
  if (!any && kind != doc::ChartKind::check_matrix) return name + " has no values (every point is empty)";
  return {};
}

}  // namespace

void Flow::add(const doc::Chart& chart) {
  bool point_styles = false;
  for (const doc::ChartSeries& series : chart.series) point_styles |= !series.labels.empty() || !series.colors.empty();
  if (point_styles && chart.kind != doc::ChartKind::key_figures && chart.kind != doc::ChartKind::swot &&
      chart.kind != doc::ChartKind::process_flow)
    unsupported("per-point labels and colours ('" + chart.caption + "')", "the series colour is used");
  if (!is_null(chart.value_axis.minimum) || !is_null(chart.value_axis.maximum))
    if (chart.kind != doc::ChartKind::gauge && chart.kind != doc::ChartKind::matrix)
      unsupported("a fixed axis range ('" + chart.caption + "')", "the range is taken from the data");

  auto caption = scan_.captions.find(&chart);
  add_caption(caption->second, scan_.ids.at(&chart));
  Element e;
  e.role = StructRole::figure;
  e.alt_text = chart.alt_text.empty() ? chart::describe(chart, template_.table.missing_marker) : chart.alt_text;
  const Style& label_style = template_.styles.count("chart") ? template_.style("chart") : template_.style("table");
  text::FontKey key = setter_.font_for(label_style, doc::InlineStyle{});
  if (!template_.styles.count("chart")) key.size_pt = 7.5;
  chart::Canvas canvas(e, template_, shaper_, key, width_, template_.table.missing_marker);
  canvas.max_height = height_ - 2 * template_.style("caption").leading_pt - template_.style("caption").space_after_pt;

  if (std::string problem = check(chart); !problem.empty()) {
    sink_.warn("layout.chart-data", here(), problem, "a placeholder is set in the chart's place; check its data");
    // A framed, tinted box with the reason, so the gap is seen on the page.
    std::vector<std::string> lines = canvas.wrap("Grafik çizilemedi: " + problem, width_ - 16);
    double h = std::max(mm_to_pt(20), canvas.line_height() * static_cast<double>(lines.size()) + 16);
    frame_placeholder(e, width_, h);
    double y = (h - canvas.line_height() * static_cast<double>(lines.size())) / 2 + canvas.ascent();
    for (const std::string& line : lines) {
      canvas.text(line, width_ / 2, y, chart::Anchor::middle, template_.color("gri"));
      y += canvas.line_height();
    }
    e.height = h;
    push(std::move(e));
    return;
  }

  chart::Data data;
  data.categories = chart.categories;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const doc::ChartSeries& in = chart.series[s];
    chart::Series out;
    out.name = in.name;
    out.format = in.format;
    out.color = canvas.series_color(in.color, s);
    out.exact = in.values;
    if (chart.kind != doc::ChartKind::swot) out.exact.resize(chart.categories.size());  // short: gaps
    out.labels = in.labels;
    for (const Value& v : out.exact) out.y.push_back(geometry_of(v));
    data.series.push_back(std::move(out));
  }
  const bool barlike = chart.kind == doc::ChartKind::bar || chart.kind == doc::ChartKind::stacked_bar ||
                       chart.kind == doc::ChartKind::stacked_percent;
  if (barlike) {
    // A category without a value in any series gets no empty slot; the note under the chart
    // names it.
    for (std::size_t i = data.categories.size(); i-- > 0;) {
      bool empty = std::all_of(data.series.begin(), data.series.end(), [&](const chart::Series& s) { return !s.y[i]; });
      if (!empty) continue;
      data.without_value.insert(data.without_value.begin(), data.categories[i]);
      data.categories.erase(data.categories.begin() + static_cast<long>(i));
      for (chart::Series& s : data.series) {
        s.y.erase(s.y.begin() + static_cast<long>(i));
        s.exact.erase(s.exact.begin() + static_cast<long>(i));
      }
    }
  }
  switch (chart.kind) {
    case doc::ChartKind::bar: chart::bars(canvas, chart, data, false, false); break;
    case doc::ChartKind::stacked_bar: chart::bars(canvas, chart, data, true, false); break;
    case doc::ChartKind::line: chart::lines(canvas, chart, data); break;
    case doc::ChartKind::pie: chart::pie(canvas, chart, data); break;
    case doc::ChartKind::gauge: chart::gauge(canvas, chart, data); break;
    case doc::ChartKind::stacked_percent: chart::bars(canvas, chart, data, true, true); break;
    case doc::ChartKind::area: chart::lines(canvas, chart, data); break;
    case doc::ChartKind::donut: chart::pie(canvas, chart, data); break;
    case doc::ChartKind::combination: chart::combination(canvas, chart, data); break;
    case doc::ChartKind::bullet: chart::bullet(canvas, chart, data); break;
    case doc::ChartKind::waterfall: chart::waterfall(canvas, chart, data); break;
    case doc::ChartKind::key_figures: chart::key_figures(canvas, chart, data); break;
    case doc::ChartKind::org_chart: chart::org_chart(canvas, chart, data); break;
    case doc::ChartKind::gantt: chart::gantt(canvas, chart, data); break;
    case doc::ChartKind::matrix: chart::matrix(canvas, chart, data); break;
    case doc::ChartKind::check_matrix: chart::check_matrix(canvas, chart, data); break;
    case doc::ChartKind::swot: chart::swot(canvas, chart, data); break;
    case doc::ChartKind::process_flow: chart::process_flow(canvas, chart, data); break;
    case doc::ChartKind::cycle: chart::cycle(canvas, chart, data); break;
    case doc::ChartKind::invalid: break;
  }
  if (e.height > canvas.max_height)
    sink_.warn("layout.chart-too-tall", here(),
               "chart '" + chart.caption + "' needs " + std::to_string(static_cast<int>(e.height)) + " pt, more than a page (" +
                   std::to_string(static_cast<int>(canvas.max_height)) + " pt)",
               "show fewer categories, or gather the small ones into one");
  push(std::move(e));
}

}  // namespace dizgi::layout

// Bullet charts for indicators: per row the indicator's name, a track on the indicator's own
// scale with its baseline A as a band, its realisation C as a bar and its target B as a tick,
// and the realisation rate (C − A) ÷ (B − A) × 100 computed from the exact values.
#include "layout/chart/canvas.hpp"

#include <algorithm>

namespace dizgi::layout::chart {

namespace {

// The rate of realisation in percent with one digit, or nullopt without A, B and C or when the
// target equals the baseline.
std::optional<Decimal> rate_of(const Value& a, const Value& b, const Value& c) {
  auto A = exact_decimal(a), B = exact_decimal(b), C = exact_decimal(c);
  if (!A || !B || !C || *B == *A) return std::nullopt;
  return divide((*C - *A) * Decimal::from_int(100), *B - *A, 1);
}

}  // namespace

void bullet(Canvas& canvas, const doc::Chart& chart, const Data& data) {
  const Series &baseline = data.series[0], &target = data.series[1];
  Series realised = data.series[2];
  realised.color = canvas.series_color(chart.series[2].color, 0);  // the bar is the figure: the palette's first
  const double lh = canvas.line_height(), width = canvas.width();
  doc::NumberFormat percent;
  percent.percent = true;
  percent.fraction_digits = 1;
  std::vector<std::string> rates;
  double rate_w = 0;
  for (std::size_t i = 0; i < data.categories.size(); ++i) {
    auto rate = rate_of(baseline.exact[i], target.exact[i], realised.exact[i]);
    rates.push_back(rate ? value_label(*rate, percent, 0, canvas.missing()) : canvas.missing());
    rate_w = std::max(rate_w, canvas.measure(rates.back(), true));
  }
  double widest = 0;
  for (const std::string& c : data.categories) widest = std::max(widest, canvas.measure(c));
  const double column = std::min(widest, width * 0.38);
  const double x0 = column + 8, x1 = width - rate_w - 8;
  const Color band = canvas.style.color("zemin2"), track = canvas.style.color("zemin");
  double y = 0;
  for (std::size_t i = 0; i < data.categories.size(); ++i) {
    std::vector<std::string> lines = canvas.wrap(data.categories[i], column);
    const double row_h = std::max(lh * static_cast<double>(lines.size()), 14.0) + 6, mid = y + row_h / 2;
    double text_top = mid - lh * static_cast<double>(lines.size()) / 2;
    for (std::size_t k = 0; k < lines.size(); ++k)
      canvas.text(lines[k], 0, text_top + canvas.ascent() + 0.5 + lh * static_cast<double>(k), Anchor::start,
                  canvas.text_color());
    // The indicator's own scale: zero to its largest figure.
    double lo = 0, hi = 0;
    for (const Series* s : std::initializer_list<const Series*>{&baseline, &target, &realised})
      if (s->y[i]) {
        lo = std::min(lo, *s->y[i]);
        hi = std::max(hi, *s->y[i]);
      }
    Scale scale = nice_scale(lo, hi, 4);
    auto at = [&](double v) { return scale.at(v, x0, x1); };
    canvas.element.rects.push_back(Rect{x0, mid - 6, x1 - x0, 12, track});
    if (baseline.y[i]) canvas.element.rects.push_back(Rect{std::min(at(0), at(*baseline.y[i])), mid - 6, std::abs(at(*baseline.y[i]) - at(0)), 12, band});
    if (realised.y[i]) canvas.element.rects.push_back(Rect{std::min(at(0), at(*realised.y[i])), mid - 2.5, std::abs(at(*realised.y[i]) - at(0)), 5, realised.color});
    if (target.y[i]) canvas.element.rules.push_back(Rule{at(*target.y[i]), mid - 7, at(*target.y[i]), mid + 7, 1.8, canvas.text_color()});
    canvas.text(rates[i], width, mid + canvas.size_pt() * 0.33, Anchor::end, canvas.text_color(), true);
    y += row_h;
  }
  // The key says which mark is which, with the series' names.
  Data key;
  key.series = {baseline, target, realised};
  key.series[0].color = band;
  key.series[1].color = canvas.text_color();
  y += legend(canvas, key, y, 1);
  canvas.element.height = y + 2;
}

}  // namespace dizgi::layout::chart

// Waterfall charts for budget movements: the first value is a starting total, each following
// value a change floating from the running total, and a category with no value shows the
// running total (initial appropriation → additions → reductions → final). Totals are summed
// from the exact figures; every bar carries its label (changes with their sign).
#include "layout/chart/canvas.hpp"

#include <algorithm>

namespace dizgi::layout::chart {

namespace {

struct Step {
  Decimal from, to;
  bool total = false;
};

}  // namespace

void waterfall(Canvas& canvas, const doc::Chart& chart, const Data& data) {
  const Series& s = data.series.front();
  const std::size_t n = data.categories.size();
  std::vector<Step> steps;
  Decimal running{};
  for (std::size_t i = 0; i < n; ++i) {
    auto v = exact_decimal(s.exact[i]);
    if (i == 0 || !v) {
      if (v) running = *v;
      steps.push_back(Step{Decimal{}, running, true});
    } else {
      steps.push_back(Step{running, running + *v, false});
      running = running + *v;
    }
  }
  double lo = 0, hi = 0;
  for (const Step& st : steps) {
    lo = std::min({lo, st.from.to_double(), st.to.to_double()});
    hi = std::max({hi, st.from.to_double(), st.to.to_double()});
  }
  Scale scale = nice_scale(lo, hi, 5);
  AxisText axis = axis_text(chart.value_axis, scale);
  const double lh = canvas.line_height();
  double y = 0;
  if (!axis.note.empty()) {
    canvas.text(axis.note, 0, canvas.ascent() + 1, Anchor::start, canvas.muted());
    y += lh + 2;
  }
  const double top = y + lh + canvas.size_pt() * 0.7, bottom = top + 150;
  const double left = axis_label_width(canvas, scale, chart.value_axis.format, axis.scale_power) + 6;
  const double slot = (canvas.width() - left) / static_cast<double>(n), bar = slot * 0.6;
  vertical_axis(canvas, scale, chart.value_axis.format, axis.scale_power, left, canvas.width(), top, bottom);
  const Color totals = canvas.series_color("", 0), up = canvas.series_color("", 1),
              down = canvas.series_color("", 2);
  for (std::size_t i = 0; i < n; ++i) {
    const Step& st = steps[i];
    double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
    double ya = scale.at(st.from.to_double(), bottom, top), yb = scale.at(st.to.to_double(), bottom, top);
    bool rising = !(st.to < st.from);
    Color fill = st.total ? totals : rising ? up : down;
    canvas.element.rects.push_back(Rect{x, std::min(ya, yb), bar, std::max(std::abs(yb - ya), 0.6), fill});
    if (i + 1 < n)  // a connector at the running total to the next bar
      canvas.element.rules.push_back(Rule{x + bar, yb, x + slot, yb, 0.4, canvas.muted()});
    std::string label = st.total ? value_label(st.to, s.format, axis.scale_power, canvas.missing())
                                 : value_label(st.to - st.from, s.format, axis.scale_power, canvas.missing());
    if (!st.total && rising) label = "+" + label;
    double upper = std::min(ya, yb), lower = std::max(ya, yb);
    bool above = st.total ? !(st.to < Decimal{}) : rising;
    if (above) canvas.text_if_free(label, x + bar / 2, upper - 2 - canvas.size_pt() * 0.26, Anchor::middle, canvas.text_color());
    else canvas.text_if_free(label, x + bar / 2, lower + 2 + canvas.ascent(), Anchor::middle, canvas.text_color());
  }
  double labels_top = bottom + 4 + (lo < 0 ? lh : 0);
  std::size_t most = 1;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> lines = canvas.wrap(data.categories[i], slot - 4);
    most = std::max(most, lines.size());
    for (std::size_t k = 0; k < lines.size(); ++k)
      canvas.text_if_free(lines[k], left + slot * (static_cast<double>(i) + 0.5),
                          labels_top + canvas.ascent() + lh * static_cast<double>(k), Anchor::middle, canvas.text_color());
  }
  canvas.element.height = labels_top + lh * static_cast<double>(most) + 2;
}

}  // namespace dizgi::layout::chart

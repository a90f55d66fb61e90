// Organisation charts (teşkilat şeması) from units and their parents: the head on top, the units
// reporting to it as columns (in bands of an even number of columns when they do not fit one
// row, so the trunk runs down the middle gutter), and each column's descendants listed under it,
// indented by depth, on a connector line.
#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace dizgi::layout::chart {

namespace {

constexpr double kMinColumn = 92;  // points: a unit name of two or three words per line
constexpr double kGap = 8;

struct Box {
  double h = 0;
  std::vector<std::string> lines;
};

}  // namespace

void org_chart(Canvas& canvas, const doc::Chart& /*chart*/, const Data& data) {
  const std::size_t n = data.categories.size();
  const Series& parents = data.series.front();
  std::vector<std::vector<std::size_t>> children(n);
  std::size_t head = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!parents.y[i]) {
      head = i;
      continue;
    }
    children[static_cast<std::size_t>(*parents.y[i]) - 1].push_back(i);
  }
  const double width = canvas.width(), lh = canvas.line_height();
  const Color line = canvas.muted(), top_fill = canvas.series_color("", 0), first_fill = canvas.style.color("zemin2"),
              other_fill = canvas.style.color("zemin");
  auto draw_box = [&](double x, double y, double w, const std::vector<std::string>& lines, const Color& fill, bool bold,
                      bool centred) {
    double h = lh * static_cast<double>(lines.size()) + 6;
    canvas.element.rects.push_back(Rect{x, y, w, h, fill});
    for (std::size_t k = 0; k < lines.size(); ++k)
      canvas.text(lines[k], centred ? x + w / 2 : x + 4, y + 3 + canvas.ascent() + lh * static_cast<double>(k),
                  centred ? Anchor::middle : Anchor::start, canvas.ink_on(fill), bold);
    return h;
  };
  // The head.
  const double head_w = std::min(width * 0.5, canvas.measure(data.categories[head], true) + 16);
  std::vector<std::string> head_lines = canvas.wrap(data.categories[head], head_w - 8);
  double y = 0;
  const double head_h = draw_box((width - head_w) / 2, y, head_w, head_lines, top_fill, true, true);
  y += head_h;
  const std::vector<std::size_t>& first = children[head];
  if (first.empty()) {
    canvas.element.height = y + 2;
    return;
  }
  // Columns per band: all when they fit; else an even number so the trunk has a gutter.
  std::size_t per_band = std::max<std::size_t>(1, static_cast<std::size_t>((width + kGap) / (kMinColumn + kGap)));
  if (per_band < first.size() && per_band > 1 && per_band % 2 == 1) --per_band;
  per_band = std::min(per_band, first.size());
  const double column = (width - kGap * static_cast<double>(per_band - 1)) / static_cast<double>(per_band);
  const double trunk_x = width / 2;
  double trunk_from = y;
  for (std::size_t band = 0; band * per_band < first.size(); ++band) {
    const std::size_t from = band * per_band, to = std::min(first.size(), from + per_band);
    const double bus = y + 8;
    const double band_w = column * static_cast<double>(to - from) + kGap * static_cast<double>(to - from - 1);
    const double band_x = (width - band_w) / 2;
    // The bus over the band's columns, joined to the trunk.
    double bus_x0 = band_x + column / 2, bus_x1 = band_x + band_w - column / 2;
    canvas.element.rules.push_back(Rule{std::min(bus_x0, trunk_x), bus, std::max(bus_x1, trunk_x), bus, 0.6, line});
    canvas.element.rules.push_back(Rule{trunk_x, trunk_from, trunk_x, bus, 0.6, line});
    trunk_from = bus;
    double band_bottom = bus;
    for (std::size_t c = from; c < to; ++c) {
      const double x = band_x + (column + kGap) * static_cast<double>(c - from);
      double cy = bus + 6;
      canvas.element.rules.push_back(Rule{x + column / 2, bus, x + column / 2, cy, 0.6, line});
      double h = draw_box(x, cy, column, canvas.wrap(data.categories[first[c]], column - 8), first_fill, true, true);
      double connector_top = cy + h;
      cy += h + 4;
      double last_mid = connector_top;
      // Descendants, depth first, indented by depth.
      std::function<void(std::size_t, int)> walk = [&](std::size_t unit, int depth) {
        for (std::size_t child : children[unit]) {
          double indent = 8 + 8 * static_cast<double>(depth);
          double bh = draw_box(x + indent, cy, column - indent, canvas.wrap(data.categories[child], column - indent - 8),
                               other_fill, false, false);
          double mid = cy + bh / 2;
          canvas.element.rules.push_back(Rule{x + 4 + 8 * static_cast<double>(depth), mid, x + indent, mid, 0.6, line});
          if (depth == 0) last_mid = mid;
          cy += bh + 3;
          walk(child, depth + 1);
        }
      };
      walk(first[c], 0);
      if (last_mid > connector_top) canvas.element.rules.push_back(Rule{x + 4, connector_top, x + 4, last_mid, 0.6, line});
      band_bottom = std::max(band_bottom, cy);
    }
    y = band_bottom + 6;
  }
  canvas.element.height = y;
}

}  // namespace dizgi::layout::chart

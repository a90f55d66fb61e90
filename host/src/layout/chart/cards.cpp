// Key-figure cards ("2025 in numbers"): a card per category with its figure set large and the
// category under it. Figures of millions and billions are written "15,8 milyon"; a per-point
// label of the series replaces the figure as it is.
#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout::chart {

namespace {

std::string figure_of(const Series& s, std::size_t i, const std::string& missing) {
  if (i < s.labels.size() && !s.labels[i].empty()) return s.labels[i];
  double v = s.y[i] ? std::fabs(*s.y[i]) : 0;
  if (s.format.scale_power == 0 && !s.format.percent && v >= 1e6) {
    bool billions = v >= 1e9;
    return value_label(s.exact[i], s.format, billions ? 9 : 6, missing) + (billions ? " milyar" : " milyon");
  }
  return value_label(s.exact[i], s.format, 0, missing);
}

}  // namespace

void key_figures(Canvas& canvas, const doc::Chart& /*chart*/, const Data& data) {
  const Series& s = data.series.front();
  const std::size_t n = data.categories.size();
  const std::size_t columns = n <= 4 ? n : (n % 3 == 0 ? 3 : 4);
  const double gap = 8, pad = 7, lh = canvas.line_height();
  const double card = (canvas.width() - gap * static_cast<double>(columns - 1)) / static_cast<double>(columns);
  // One size for every figure: the largest at which the widest fits its card.
  std::vector<std::string> figures;
  for (std::size_t i = 0; i < n; ++i) figures.push_back(figure_of(s, i, canvas.missing()));
  double size = 2.6;
  for (; size > 1.2; size -= 0.2) {
    bool fits = std::all_of(figures.begin(), figures.end(),
                            [&](const std::string& f) { return canvas.measure(f, true, size) <= card - 2 * pad; });
    if (fits) break;
  }
  const Color fill = canvas.style.color("zemin"), accent = canvas.series_color("", 0);
  double y = 0;
  for (std::size_t row = 0; row * columns < n; ++row) {
    std::vector<std::vector<std::string>> names;
    std::size_t most = 1;
    for (std::size_t c = 0; c < columns && row * columns + c < n; ++c) {
      names.push_back(canvas.wrap(data.categories[row * columns + c], card - 2 * pad));
      most = std::max(most, names.back().size());
    }
    const double figure_h = canvas.size_pt() * size * 1.2;
    const double h = pad + figure_h + 2 + lh * static_cast<double>(most) + pad;
    for (std::size_t c = 0; c < names.size(); ++c) {
      const std::size_t i = row * columns + c;
      double x = (card + gap) * static_cast<double>(c);
      canvas.element.rects.push_back(Rect{x, y, card, h, fill});
      canvas.element.rects.push_back(Rect{x, y, 3, h, accent});
      canvas.text(figures[i], x + pad, y + pad + canvas.size_pt() * size * 0.92, Anchor::start, accent, true, size);
      for (std::size_t k = 0; k < names[c].size(); ++k)
        canvas.text(names[c][k], x + pad, y + pad + figure_h + 2 + canvas.ascent() + lh * static_cast<double>(k),
                    Anchor::start, canvas.text_color());
    }
    y += h + gap;
  }
  canvas.element.height = y - gap + 2;
}

}  // namespace dizgi::layout::chart

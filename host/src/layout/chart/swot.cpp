// The four-quadrant GZFT (SWOT): strengths and weaknesses above, opportunities and threats
// below, each quadrant a coloured title band over its items as a bulleted list.
#include "layout/chart/canvas.hpp"

#include <algorithm>

namespace dizgi::layout::chart {

void swot(Canvas& canvas, const doc::Chart& /*chart*/, const Data& data) {
  const double gap = 6, lh = canvas.line_height(), pad = 5;
  const double w = (canvas.width() - gap) / 2;
  const double bullet = canvas.measure("• ");
  double y = 0;
  for (std::size_t row = 0; row < 2; ++row) {
    // Both quadrants of a row share its height.
    std::vector<std::vector<std::vector<std::string>>> items(2);
    double body = 0;
    for (std::size_t c = 0; c < 2; ++c) {
      double h = 0;
      for (const std::string& item : data.series[row * 2 + c].labels) {
        items[c].push_back(canvas.wrap(item, w - 2 * pad - bullet));
        h += lh * static_cast<double>(items[c].back().size()) + 2;
      }
      body = std::max(body, h);
    }
    const double title_h = lh + 6, h = title_h + pad + body + pad;
    for (std::size_t c = 0; c < 2; ++c) {
      const Series& s = data.series[row * 2 + c];
      const double x = (w + gap) * static_cast<double>(c);
      const Color band = canvas.series_color("", row * 2 + c);
      canvas.element.rects.push_back(Rect{x, y, w, h, canvas.style.color("zemin")});
      canvas.element.rects.push_back(Rect{x, y, w, title_h, band});
      canvas.text(s.name, x + pad, y + 3 + canvas.ascent(), Anchor::start, canvas.ink_on(band), true);
      double iy = y + title_h + pad;
      for (const auto& lines : items[c]) {
        canvas.text("•", x + pad, iy + canvas.ascent(), Anchor::start, canvas.text_color());
        for (std::size_t k = 0; k < lines.size(); ++k)
          canvas.text(lines[k], x + pad + bullet, iy + canvas.ascent() + lh * static_cast<double>(k), Anchor::start,
                      canvas.text_color());
        iy += lh * static_cast<double>(lines.size()) + 2;
      }
    }
    y += h + gap;
  }
  canvas.element.height = y - gap + 2;
}

}  // namespace dizgi::layout::chart

// The legend of a chart (only with more than one series) and the note line under it.
#include "layout/chart/canvas.hpp"

#include <algorithm>

namespace dizgi::layout::chart {

double legend(Canvas& canvas, const Data& data, double top, std::size_t first_line) {
  if (data.series.size() < 2) return 0;
  const double swatch = std::max(canvas.size_pt() * 0.9, 6.0), gap = 12, after_swatch = 4;
  const double lh = canvas.line_height();
  double x = 0, y = top + 6;  // the top of the current row
  double row_height = lh;
  for (std::size_t index = 0; index < data.series.size(); ++index) {
    const Series& s = data.series[index];
    const bool lines = index >= first_line;
    double room = canvas.width() - swatch - after_swatch;
    std::vector<std::string> name = canvas.wrap(s.name.empty() ? "—" : s.name, room);
    double w = 0;
    for (const std::string& line : name) w = std::max(w, canvas.measure(line));
    double item = swatch + after_swatch + w;
    if (x > 0 && x + item > canvas.width()) {
      x = 0;
      y += row_height + 2;
      row_height = lh;
    }
    double baseline = y + canvas.ascent() + 1;
    if (lines) {
      canvas.element.rules.push_back(Rule{x, baseline - canvas.size_pt() * 0.3, x + swatch, baseline - canvas.size_pt() * 0.3, 1.6, s.color});
    } else {
      canvas.element.rects.push_back(Rect{x, baseline - swatch * 0.85, swatch, swatch, s.color});
    }
    for (std::size_t i = 0; i < name.size(); ++i)
      canvas.text(name[i], x + swatch + after_swatch, baseline + lh * static_cast<double>(i), Anchor::start,
                  canvas.text_color());
    row_height = std::max(row_height, lh * static_cast<double>(name.size()));
    x += item + gap;
  }
  return y + row_height + 2 - top;
}

double footnote_line(Canvas& canvas, const std::string& text, double top) {
  if (text.empty()) return 0;
  double y = top + 4;
  std::vector<std::string> lines = canvas.wrap(text, canvas.width());
  for (const std::string& line : lines) {
    canvas.text(line, 0, y + canvas.ascent() + 1, Anchor::start, canvas.muted());
    y += canvas.line_height();
  }
  return y - top;
}

}  // namespace dizgi::layout::chart

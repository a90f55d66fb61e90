// Arrow diagrams: a process flow (boxes joined by arrows, left to right, in as many rows as the
// steps need, each row's last box turning down and back to the next row's first; consecutive
// steps of one phase bracketed under the phase's name) and a cycle (the steps around an ellipse,
// each joined to the next by an arrow along it and the last back to the first, with an optional
// label in the middle). Box text is wrapped at word boundaries (no hyphenation) at the chart's
// text size; arrows run in the gaps between boxes and never over their text.
#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout::chart {

namespace {

constexpr double kPad = 5;          // box text inset
constexpr double kArrowGap = 16;    // between two boxes of a row: room for an arrow
constexpr double kReturnLane = 10;  // left of the rows: the lane the arrow to the next row runs down
constexpr double kRowGap = 16;      // between rows: the lane the arrow runs back along
constexpr std::size_t kMaxLines = 4;
constexpr double kStroke = 0.9;

// A light tint of a theme colour (the same inks, less of each), for box fills.
Color tint(const Color& c, double share) { return Color::from_cmyk(c.c * share, c.m * share, c.y * share, c.k * share); }

// A box with rounded corners: its fill and a stripe of `accent` along the top.
void rounded_box(Canvas& canvas, double x, double y, double w, double h, const Color& fill, const Color& accent) {
  const double r = std::min({3.0, w / 4, h / 4});
  const double pi = M_PI;
  Path p;
  p.segments = {{PathSegment::Kind::move, x + r, y},
                {PathSegment::Kind::line, x + w - r, y},
                {PathSegment::Kind::arc, x + w - r, y + r, r, -pi / 2, 0},
                {PathSegment::Kind::line, x + w, y + h - r},
                {PathSegment::Kind::arc, x + w - r, y + h - r, r, 0, pi / 2},
                {PathSegment::Kind::line, x + r, y + h},
                {PathSegment::Kind::arc, x + r, y + h - r, r, pi / 2, pi},
                {PathSegment::Kind::line, x, y + r},
                {PathSegment::Kind::arc, x + r, y + r, r, pi, 3 * pi / 2},
                {PathSegment::Kind::close}};
  p.filled = true;
  p.fill = fill;
  canvas.element.paths.push_back(std::move(p));
  canvas.element.rects.push_back(Rect{x + r, y, w - 2 * r, 2.2, accent});
}

// A filled arrowhead with its tip at (x, y), pointing along (dx, dy).
void arrowhead(Canvas& canvas, double x, double y, double dx, double dy, const Color& color) {
  const double len = std::hypot(dx, dy);
  if (len <= 0) return;
  dx /= len;
  dy /= len;
  const double back = 5.5, half = 2.8;
  Path p;
  p.segments = {{PathSegment::Kind::move, x, y},
                {PathSegment::Kind::line, x - dx * back - dy * half, y - dy * back + dx * half},
                {PathSegment::Kind::line, x - dx * back + dy * half, y - dy * back - dx * half},
                {PathSegment::Kind::close}};
  p.filled = true;
  p.fill = color;
  canvas.element.paths.push_back(std::move(p));
}

// A stroked polyline, ending short of its last point by the arrowhead's length, with the head.
void arrow(Canvas& canvas, std::vector<std::pair<double, double>> points, const Color& color) {
  if (points.size() < 2) return;
  const auto [tx, ty] = points.back();
  const auto [px, py] = points[points.size() - 2];
  const double len = std::hypot(tx - px, ty - py);
  if (len > 4) points.back() = {tx - (tx - px) / len * 4, ty - (ty - py) / len * 4};
  Path line;
  line.segments.push_back({PathSegment::Kind::move, points.front().first, points.front().second});
  for (std::size_t i = 1; i < points.size(); ++i)
    line.segments.push_back({PathSegment::Kind::line, points[i].first, points[i].second});
  line.stroke_pt = kStroke;
  line.stroke = color;
  canvas.element.paths.push_back(std::move(line));
  arrowhead(canvas, tx, ty, tx - px, ty - py, color);
}

// `text` broken at spaces into bold lines no wider than `width` (a word wider than that stays
// whole on its line; no hyphenation).
std::vector<std::string> wrap_bold(Canvas& canvas, const std::string& text, double width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && canvas.measure(line + " " + word, true) <= width) {
      line += " " + word;
    } else {
      if (!line.empty()) lines.push_back(line);
      line = word;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// The lines of `text` in a box whose text is `inner` wide; empty when a word is wider than that
// or the text takes more than `max_lines` lines.
std::vector<std::string> fitted(Canvas& canvas, const std::string& text, double inner, std::size_t max_lines) {
  std::vector<std::string> lines = wrap_bold(canvas, text, inner);
  if (lines.size() > max_lines) return {};
  for (const std::string& line : lines)
    if (canvas.measure(line, true) > inner + 0.01) return {};
  return lines;
}

// Sets a box's lines centred in it, bold.
void box_text(Canvas& canvas, const std::vector<std::string>& lines, double x, double y, double w, double h) {
  const double lh = canvas.line_height();
  double baseline = y + (h - lh * static_cast<double>(lines.size())) / 2 + canvas.ascent() + 1;
  for (const std::string& line : lines) {
    canvas.text(line, x + w / 2, baseline, Anchor::middle, canvas.text_color(), true);
    baseline += lh;
  }
}

}  // namespace

void process_flow(Canvas& canvas, const doc::Chart& /*chart*/, const Data& data) {
  const std::size_t n = data.categories.size();
  const double width = canvas.width() - kReturnLane, lh = canvas.line_height();
  // Each step's phase (series 0's per-point labels, when given); a phase's colour is its
  // place among the phases.
  std::vector<std::string> phase(n);
  if (!data.series.empty())
    for (std::size_t i = 0; i < n && i < data.series[0].labels.size(); ++i) phase[i] = data.series[0].labels[i];
  const bool phases = std::any_of(phase.begin(), phase.end(), [](const std::string& p) { return !p.empty(); });
  std::vector<std::string> phase_names;
  std::vector<std::size_t> phase_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto found = std::find(phase_names.begin(), phase_names.end(), phase[i]);
    phase_of[i] = static_cast<std::size_t>(found - phase_names.begin());
    if (found == phase_names.end()) phase_names.push_back(phase[i]);
  }

  // The most boxes a row takes while every step's text fits its box in a few lines; then the
  // rows are evened out (seven steps as 4 + 3, not 5 + 2).
  std::size_t per_row = 1;
  std::vector<std::vector<std::string>> lines(n);
  for (std::size_t k = n; k >= 1; --k) {
    const double box_w = (width - kArrowGap * static_cast<double>(k - 1)) / static_cast<double>(k);
    bool all = box_w >= 36;
    for (std::size_t i = 0; i < n && all; ++i) all = !fitted(canvas, data.categories[i], box_w - 2 * kPad, kMaxLines).empty();
    if (all || k == 1) {
      per_row = k;
      break;
    }
  }
  // Rows of even length: ten steps in three rows as 4 + 3 + 3, never a last row of one.
  const std::size_t rows = (n + per_row - 1) / per_row;
  per_row = (n + rows - 1) / rows;
  std::vector<std::size_t> row_start{0};
  for (std::size_t row = 0; row < rows; ++row) row_start.push_back(row_start.back() + n / rows + (row < n % rows ? 1 : 0));
  const double box_w = (width - kArrowGap * static_cast<double>(per_row - 1)) / static_cast<double>(per_row);
  std::size_t most = 1;
  for (std::size_t i = 0; i < n; ++i) {
    lines[i] = wrap_bold(canvas, data.categories[i], box_w - 2 * kPad);
    most = std::max(most, lines[i].size());
  }
  const double box_h = lh * static_cast<double>(most) + 2 * kPad + 2;
  const Color arrow_color = canvas.muted();

  // The phase brackets of a row: a run of boxes of one phase under its name.
  auto bracket_lines = [&](std::size_t from, std::size_t to) {
    std::vector<std::vector<std::string>> out;
    for (std::size_t i = from; i < to;) {
      std::size_t j = i;
      while (j < to && phase[j] == phase[i]) ++j;
      const double run_w = box_w * static_cast<double>(j - i) + kArrowGap * static_cast<double>(j - i - 1);
      out.push_back(phase[i].empty() ? std::vector<std::string>{} : wrap_bold(canvas, phase[i], run_w - 4));
      i = j;
    }
    return out;
  };

  double y = 2;  // the phase names keep clear of the chart's top edge
  double previous_exit_x = 0, previous_exit_y = 0;
  for (std::size_t row = 0; row < rows; ++row) {
    const std::size_t from = row_start[row], to = row_start[row + 1];
    if (phases) {
      std::vector<std::vector<std::string>> names = bracket_lines(from, to);
      std::size_t name_lines = 1;
      for (const auto& l : names) name_lines = std::max(name_lines, l.size());
      const double band_h = lh * static_cast<double>(name_lines) + 6;
      std::size_t run = 0;
      for (std::size_t i = from; i < to; ++run) {
        std::size_t j = i;
        while (j < to && phase[j] == phase[i]) ++j;
        const double x0 = kReturnLane + (box_w + kArrowGap) * static_cast<double>(i - from);
        const double x1 = x0 + box_w * static_cast<double>(j - i) + kArrowGap * static_cast<double>(j - i - 1);
        if (!phase[i].empty()) {
          const Color c = canvas.series_color("", phase_of[i]);
          const double rule_y = y + band_h - 2;
          canvas.element.rules.push_back(Rule{x0, rule_y, x1, rule_y, 0.8, c});
          canvas.element.rules.push_back(Rule{x0 + 0.4, rule_y, x0 + 0.4, rule_y + 3, 0.8, c});
          canvas.element.rules.push_back(Rule{x1 - 0.4, rule_y, x1 - 0.4, rule_y + 3, 0.8, c});
          double baseline = y + canvas.ascent();
          for (const std::string& l : names[run]) {
            canvas.text(l, (x0 + x1) / 2, baseline, Anchor::middle, canvas.text_color(), true);
            baseline += lh;
          }
        }
        i = j;
      }
      y += band_h + 3;
    }
    const double mid = y + box_h / 2;
    for (std::size_t i = from; i < to; ++i) {
      const double x = kReturnLane + (box_w + kArrowGap) * static_cast<double>(i - from);
      const Color c = canvas.series_color("", phases ? phase_of[i] : 0);
      rounded_box(canvas, x, y, box_w, box_h, tint(c, 0.16), c);
      box_text(canvas, lines[i], x, y + 1, box_w, box_h - 1);
      if (i > from) arrow(canvas, {{x - kArrowGap + 2, mid}, {x - 1.5, mid}}, arrow_color);
    }
    if (row > 0) {
      // From the previous row's last box: down into the lane between the rows, back to the left
      // lane, down to this row's middle and into its first box.
      const double lane_y = previous_exit_y + kRowGap / 2;
      const double lane_x = kReturnLane / 2;
      arrow(canvas,
            {{previous_exit_x, previous_exit_y + 1}, {previous_exit_x, lane_y}, {lane_x, lane_y}, {lane_x, mid},
             {kReturnLane - 1.5, mid}},
            arrow_color);
    }
    const std::size_t last = to - 1;
    previous_exit_x = kReturnLane + (box_w + kArrowGap) * static_cast<double>(last - from) + box_w / 2;
    previous_exit_y = y + box_h;
    y += box_h + kRowGap;
  }
  canvas.element.height = y - kRowGap + 2;
}

void cycle(Canvas& canvas, const doc::Chart& chart, const Data& data) {
  const std::size_t n = data.categories.size();
  const double width = canvas.width(), lh = canvas.line_height();
  // Boxes narrow as the steps grow in number; their text wraps into at most a few lines.
  const double share = n <= 4 ? 0.30 : n <= 6 ? 0.25 : 0.20;
  double box_w = std::clamp(width * share, 64.0, 170.0);
  std::vector<std::vector<std::string>> lines(n);
  std::size_t most = 1;
  for (std::size_t i = 0; i < n; ++i) {
    lines[i] = wrap_bold(canvas, data.categories[i], box_w - 2 * kPad);
    for (const std::string& l : lines[i]) box_w = std::max(box_w, canvas.measure(l, true) + 2 * kPad);
    most = std::max(most, lines[i].size());
  }
  box_w = std::min(box_w, width / 2 - 8);
  const double box_h = lh * static_cast<double>(most) + 2 * kPad + 2;
  const double cx = width / 2, rx = std::max(8.0, (width - box_w) / 2 - 1);
  // The label in the middle, wrapped into the ring's inner room.
  const std::string& centre = chart.category_axis.title;
  std::vector<std::string> centre_lines;
  double centre_w = 0;
  if (!centre.empty()) {
    centre_lines = wrap_bold(canvas, centre, std::max(48.0, 2 * rx - box_w - 24));
    for (const std::string& l : centre_lines) centre_w = std::max(centre_w, canvas.measure(l, true));
  }
  const double centre_h = lh * static_cast<double>(centre_lines.size());

  // Step i at angle −90° + i × 360°/n (the first on top, clockwise). The vertical radius grows
  // until no two boxes (with room for an arrow) overlap and the middle label is clear of them.
  auto angle = [&](double i) { return -M_PI / 2 + 2 * M_PI * i / static_cast<double>(n); };
  std::vector<Box> boxes(n);
  double ry = std::max(box_h + 6, rx * 0.42);  // never flatter than this
  for (int tries = 0; tries < 200; ++tries) {
    for (std::size_t i = 0; i < n; ++i) {
      const double a = angle(static_cast<double>(i));
      const double x = cx + rx * std::cos(a), y = ry * std::sin(a);
      boxes[i] = Box{x - box_w / 2, y - box_h / 2, x + box_w / 2, y + box_h / 2};
    }
    bool clear = true;
    for (std::size_t i = 0; i < n && clear; ++i) {
      for (std::size_t j = i + 1; j < n && clear; ++j) {
        Box grown{boxes[i].x0 - 10, boxes[i].y0 - 10, boxes[i].x1 + 10, boxes[i].y1 + 10};
        clear = !grown.intersects(boxes[j]);
      }
      Box middle{cx - centre_w / 2 - 8, -centre_h / 2 - 8, cx + centre_w / 2 + 8, centre_h / 2 + 8};
      if (!centre_lines.empty() && middle.intersects(boxes[i])) clear = false;
    }
    if (clear) break;
    ry += 4;
  }
  double top = 0, bottom = 0;
  for (const Box& b : boxes) {
    top = std::min(top, b.y0);
    bottom = std::max(bottom, b.y1);
  }
  const double cy = -top + 1;
  const Color arrow_color = canvas.muted();
  auto inside = [&](const Box& b, double x, double y) {
    return x > b.x0 - 3 && x < b.x1 + 3 && y > b.y0 + cy - 3 && y < b.y1 + cy + 3;
  };
  // The arrows first, along the ellipse from the edge of one box to the edge of the next.
  for (std::size_t i = 0; i < n && n > 1; ++i) {
    const std::size_t j = (i + 1) % n;
    std::vector<std::pair<double, double>> points;
    constexpr int kSteps = 96;
    for (int s = 0; s <= kSteps; ++s) {
      const double a = angle(static_cast<double>(i) + static_cast<double>(s) / kSteps);
      const double x = cx + rx * std::cos(a), y = cy + ry * std::sin(a);
      if (inside(boxes[i], x, y) || inside(boxes[j], x, y)) {
        if (!points.empty() && inside(boxes[j], x, y)) break;
        continue;
      }
      points.emplace_back(x, y);
    }
    if (points.size() >= 2) arrow(canvas, std::move(points), arrow_color);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Box& b = boxes[i];
    const Color c = canvas.series_color("", i);
    rounded_box(canvas, b.x0, b.y0 + cy, box_w, box_h, tint(c, 0.16), c);
    box_text(canvas, lines[i], b.x0, b.y0 + cy + 1, box_w, box_h - 1);
  }
  if (!centre_lines.empty()) {
    double baseline = cy - centre_h / 2 + canvas.ascent();
    for (const std::string& l : centre_lines) {
      canvas.text(l, cx, baseline, Anchor::middle, canvas.series_color("", 0), true);
      baseline += lh;
    }
  }
  canvas.element.height = cy + bottom + 2;
}

}  // namespace dizgi::layout::chart

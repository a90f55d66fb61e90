#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <sstream>

namespace dizgi::layout::chart {

namespace {

// How far text reaches above and below its baseline, as a share of its size: generous, so that
// the boxes a PDF reader reports (from the font's ascent and descent) stay apart as well.
constexpr double kAscent = 0.92;
constexpr double kDescent = 0.26;

// The palette when a template names no "grafik1", "grafik2", ... colours.
// Dark, light and middle tones in turn, so that neighbours differ in greyscale too.
const char* const kFallbackPalette[] = {"ana", "vurgu", "gri", "zemin2", "cizgi"};

}  // namespace

Canvas::Canvas(Element& e, const Template& t, text::Shaper& shaper, const text::FontKey& font, double width,
               std::string missing)
    : element(e), style(t), shaper_(shaper), font_(font), width_(width), missing_(std::move(missing)) {
  font_.size_pt = std::max(font_.size_pt, style.typography.chart_min_size_pt);
  for (int i = 1;; ++i) {
    auto found = style.colors.find("grafik" + std::to_string(i));
    if (found == style.colors.end()) break;
    palette_.push_back(found->second);
  }
  if (palette_.empty())
    for (const char* name : kFallbackPalette) palette_.push_back(style.color(name));
}

double Canvas::measure(const std::string& text, bool bold, double size) {
  text::FontKey key = font_;
  key.bold = bold;
  key.size_pt *= size;
  return shaper_.shape(text, key).width_pt;
}

Box Canvas::box_of(const std::string& text, double x, double baseline, Anchor anchor, bool bold, double size) {
  double w = measure(text, bold, size);
  double x0 = anchor == Anchor::middle ? x - w / 2 : anchor == Anchor::end ? x - w : x;
  double pt = font_.size_pt * size;
  return Box{x0, baseline - pt * kAscent, x0 + w, baseline + pt * kDescent};
}

bool Canvas::free(const Box& box) const {
  if (box.x0 < -0.01 || box.x1 > width_ + 0.01) return false;
  return std::none_of(placed_.begin(), placed_.end(), [&](const Box& b) { return b.intersects(box); });
}

Box Canvas::text(const std::string& text, double x, double baseline, Anchor anchor, Color color, bool bold,
                 double size) {
  text::FontKey key = font_;
  key.bold = bold;
  key.size_pt *= size;
  const text::Shaped& shaped = shaper_.shape(text, key);
  Box box = box_of(text, x, baseline, anchor, bold, size);
  element.runs.push_back(Run{&shaped, box.x0, baseline, color});
  placed_.push_back(box);
  return box;
}

bool Canvas::text_if_free(const std::string& label, double x, double baseline, Anchor anchor, Color color) {
  if (!free(box_of(label, x, baseline, anchor))) return false;
  text(label, x, baseline, anchor, color);
  return true;
}

std::vector<std::string> Canvas::wrap(const std::string& text, double width) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& word : words) {
    std::string longer = line.empty() ? word : line + " " + word;
    if (line.empty() || measure(longer) <= width) {
      line = longer;
    } else {
      lines.push_back(line);
      line = word;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

Color Canvas::series_color(const std::string& own, std::size_t index) const {
  if (!own.empty()) return style.color(own);
  return palette_[index % palette_.size()];
}

Color Canvas::ink_on(const Color& fill) const {
  double luminance = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b;
  return luminance < 0.5 ? style.color("white") : text_color();
}

std::optional<Decimal> exact_decimal(const Value& value) {
  if (const auto* d = std::get_if<Decimal>(&value)) return *d;
  if (const auto* i = std::get_if<int64_t>(&value)) return Decimal::from_int(*i);
  return std::nullopt;
}

std::vector<std::vector<std::string>> category_lines(Canvas& canvas, const std::vector<std::string>& categories,
                                                     double width, std::size_t max_lines) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& category : categories) {
    std::vector<std::string> lines = canvas.wrap(category, width);
    if (lines.size() > max_lines) return {};
    for (const std::string& line : lines)
      if (canvas.measure(line) > width) return {};
    out.push_back(std::move(lines));
  }
  return out;
}

}  // namespace dizgi::layout::chart

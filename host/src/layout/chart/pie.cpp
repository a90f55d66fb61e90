// Pie and donut charts: slices from twelve o'clock clockwise, largest first, shares computed from the exact figures, and
// a key beside the pie with each slice's name and percentage (no label can collide with a
// slice). With many slices, those under 3 % are gathered into "Diğer".
#include "layout/chart/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace dizgi::layout::chart {

namespace {

constexpr double kSmallShare = 3.0;  // percent
constexpr std::size_t kMergeAbove = 6;  // slices before small ones are gathered

struct Slice {
  std::string name;
  Decimal value;
  Color color;
  Decimal share;  // percent, one digit
};

}  // namespace

void pie(Canvas& canvas, const doc::Chart& chart, const Data& data) {
  const Series& s = data.series.front();
  std::vector<Slice> slices;
  Decimal total{};
  for (std::size_t i = 0; i < data.categories.size(); ++i) {
    auto d = exact_decimal(s.exact[i]);
    if (!d || !(Decimal{} < *d)) continue;  // empty and zero values have no slice
    slices.push_back(Slice{data.categories[i], *d, {}, {}});
    total = total + *d;
  }
  // Largest first, so the eye reads the slices in order of size from twelve o'clock.
  std::stable_sort(slices.begin(), slices.end(), [](const Slice& a, const Slice& b) { return b.value < a.value; });
  auto share_of = [&](const Decimal& d) { return divide(d * Decimal::from_int(100), total, 1); };
  if (slices.size() > kMergeAbove) {
    std::vector<Slice> kept;
    Slice other{"Diğer", {}, {}, {}};
    int merged = 0;
    for (Slice& slice : slices) {
      if (share_of(slice.value).to_double() < kSmallShare) {
        other.value = other.value + slice.value;
        ++merged;
      } else {
        kept.push_back(std::move(slice));
      }
    }
    if (merged > 1) {
      kept.push_back(other);
      slices = std::move(kept);
    }
  }
  // Colours by final position, so that "Diğer" never repeats a neighbour's colour.
  for (std::size_t k = 0; k < slices.size(); ++k) {
    slices[k].share = share_of(slices[k].value);
    slices[k].color = canvas.series_color("", k);
  }

  const double lh = canvas.line_height();
  const double r = std::min(62.0, canvas.width() * 0.2);
  const double cx = r + 2, cy = r + 2;
  double angle = -M_PI / 2;
  for (const Slice& slice : slices) {
    double sweep = 2 * M_PI * slice.value.to_double() / total.to_double();
    Path p;
    p.segments = {{PathSegment::Kind::move, cx, cy},
                  {PathSegment::Kind::arc, cx, cy, r, angle, angle + sweep},
                  {PathSegment::Kind::close}};
    p.filled = true;
    p.fill = slice.color;
    if (slices.size() > 1) {
      p.stroke_pt = 0.75;  // a white edge keeps neighbouring slices apart in greyscale
      p.stroke = canvas.style.color("white");
    }
    canvas.element.paths.push_back(std::move(p));
    angle += sweep;
  }
  // A donut: the middle cut out, the total written there when it fits.
  if (chart.kind == doc::ChartKind::donut) {
    const double hole = r * 0.56;
    Path p;
    p.segments = {{PathSegment::Kind::move, cx + hole, cy}, {PathSegment::Kind::arc, cx, cy, hole, 0, 2 * M_PI}};
    p.filled = true;
    p.fill = canvas.style.color("white");
    canvas.element.paths.push_back(std::move(p));
    std::string sum = value_label(total, s.format, 0, canvas.missing());
    if (canvas.measure(sum, true) <= 2 * hole - 6)
      canvas.text(sum, cx, cy + canvas.size_pt() * 0.33, Anchor::middle, canvas.text_color(), true);
  }
  // The key: swatch, name (wrapped), share right-aligned.
  const double kx = 2 * r + 18, swatch = std::max(canvas.size_pt() * 0.9, 6.0);
  double widest_share = 0;
  doc::NumberFormat percent;
  percent.percent = true;
  percent.fraction_digits = 1;
  for (const Slice& slice : slices)
    widest_share = std::max(widest_share, canvas.measure(value_label(slice.share, percent, 0, "")));
  const double name_w = canvas.width() - kx - swatch - 4 - widest_share - 10;
  double y = 2;
  for (const Slice& slice : slices) {
    std::vector<std::string> name = canvas.wrap(slice.name, name_w);
    double baseline = y + canvas.ascent() + 1;
    canvas.element.rects.push_back(Rect{kx, baseline - swatch * 0.85, swatch, swatch, slice.color});
    for (std::size_t k = 0; k < name.size(); ++k)
      canvas.text(name[k], kx + swatch + 4, baseline + lh * static_cast<double>(k), Anchor::start, canvas.text_color());
    canvas.text(value_label(slice.share, percent, 0, ""), canvas.width(), baseline, Anchor::end, canvas.text_color());
    y += lh * static_cast<double>(name.size()) + 2;
  }
  canvas.element.height = std::max(2 * r + 4, y) + 4;
}

}  // namespace dizgi::layout::chart
